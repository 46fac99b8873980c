// Remote anchors (--check-fragments): which fragments are looked for, the
// finder over HTML chunks, and the real client against tests/http_server.py
// on 127.0.0.1 (present id, GitHub's user-content- id, a missing id, a body
// that is not HTML, a 50 MB page read only as far as needed).
#include <catch2/catch.hpp>

#include <map>

#include "curate/links/check.hpp"
#include "curate/links/fragments.hpp"
#include "loopback_server.hpp"
#include "test_helpers.hpp"

using namespace curate;
using namespace curate::test;
using std::chrono::milliseconds;

namespace {

LinkOptions fragment_options() {
  LinkOptions options;
  options.timeout = milliseconds(5000);
  options.retries = 0;
  options.bot_hosts.clear();
  options.check_fragments = true;
  options.check_repos = false;
  return options;
}

// Findings by URL as written: "rule" or "" when none.
std::map<std::string, std::string> check_fragments(const std::vector<std::string>& urls) {
  std::string markdown = "# Links\n\n";
  for (size_t i = 0; i < urls.size(); ++i) markdown += "- [Link " + std::to_string(i) + "](" + urls[i] + ")\n";
  auto client = make_curl_http_client();
  LinkReport report = check_catalog_links(parse_text(markdown), fragment_options(), *client);
  std::map<std::string, std::string> rules;
  for (const std::string& url : urls) rules[url] = "";
  for (const LinkFinding& finding : report.findings) rules[finding.url] = finding.diagnostic.rule;
  return rules;
}

}  // namespace

TEST_CASE("Fragments that name no element are not looked for") {
  CHECK(is_checkable_fragment("usage", "example.org"));
  CHECK(is_checkable_fragment("L10", "example.org"));
  CHECK_FALSE(is_checkable_fragment("", "example.org"));
  CHECK_FALSE(is_checkable_fragment("top", "example.org"));
  CHECK_FALSE(is_checkable_fragment("/settings/profile", "example.org"));
  CHECK_FALSE(is_checkable_fragment("!/route", "example.org"));
  CHECK_FALSE(is_checkable_fragment(":~:text=hello", "example.org"));
  CHECK_FALSE(is_checkable_fragment("L10", "github.com"));
  CHECK_FALSE(is_checkable_fragment("L10-L20", "github.com"));
  CHECK_FALSE(is_checkable_fragment("L3C5-L4C2", "gist.github.com"));
  CHECK(is_checkable_fragment("Layers", "github.com"));
}

TEST_CASE("Only HTML content types are scanned") {
  CHECK(is_html_content_type("text/html"));
  CHECK(is_html_content_type("Text/HTML; charset=utf-8"));
  CHECK(is_html_content_type("application/xhtml+xml"));
  CHECK_FALSE(is_html_content_type("application/pdf"));
  CHECK_FALSE(is_html_content_type(""));
}

TEST_CASE("The finder matches ids, names and GitHub's user-content- ids, and stops once all are found") {
  FragmentFinder finder({"intro", "Usage", "named"});
  CHECK(finder.feed("<h1 id=intro>x</h1><a name=named></a>"));
  CHECK_FALSE(finder.feed("<h2><a id=\"user-content-usage\"></a>Usage</h2><p id=later>"));
  CHECK(finder.all_found());
  CHECK(finder.found() == std::set<std::string>{"intro", "Usage", "named"});
}

TEST_CASE("A fragment naming an id of the page passes") {
  LoopbackServer server;
  auto rules = check_fragments({server.url("/page.html#present"), server.url("/page.html#named")});
  CHECK(rules[server.url("/page.html#present")] == "");
  CHECK(rules[server.url("/page.html#named")] == "");
  CHECK(server.requests("GET /page.html") == 1);  // one GET for both fragments, no HEAD
  CHECK(server.requests("HEAD /page.html") == 0);
}

TEST_CASE("A fragment matching GitHub's user-content- id passes") {
  LoopbackServer server;
  CHECK(check_fragments({server.url("/page.html#installation")})[server.url("/page.html#installation")] == "");
}

TEST_CASE("A fragment the page does not have is a remote-anchor finding") {
  LoopbackServer server;
  std::string url = server.url("/page.html#missing");
  CHECK(check_fragments({url})[url] == "remote-anchor");
}

TEST_CASE("A fragment on a body that is not HTML is not checked, and the body is not read") {
  LoopbackServer server;
  auto rules = check_fragments({server.url("/doc.pdf#page=3"), server.url("/big#part")});
  CHECK(rules[server.url("/doc.pdf#page=3")] == "");
  CHECK(rules[server.url("/big#part")] == "");
  CHECK(server.stats()["big_bytes"].get<long long>() < 4LL * 1024 * 1024);
}

TEST_CASE("A 50 MB page is read only until its fragment is found") {
  LoopbackServer server;
  std::string url = server.url("/huge.html#early");
  CHECK(check_fragments({url})[url] == "");
  // The id is in the first kilobyte: what was sent is the kernel's socket
  // buffers, not the page.
  CHECK(server.stats()["huge_bytes"].get<long long>() < 4LL * 1024 * 1024);
}

TEST_CASE("Without --check-fragments a fragment is not looked for") {
  LoopbackServer server;
  std::string markdown = "- [Missing](" + server.url("/page.html#missing") + ")\n";
  LinkOptions options = fragment_options();
  options.check_fragments = false;
  auto client = make_curl_http_client();
  LinkReport report = check_catalog_links(parse_text(markdown), options, *client);
  CHECK(report.findings.empty());
  CHECK(server.requests("HEAD /page.html") == 1);
}
