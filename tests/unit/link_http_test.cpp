// The real libcurl client against tests/http_server.py on 127.0.0.1: each
// kind of endpoint gets its verdict, bodies are not downloaded, redirects
// stay on http(s), and the cache saves requests. No other traffic.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "curate/links/check.hpp"
#include "loopback_server.hpp"
#include "test_helpers.hpp"

using namespace curate;
using namespace curate::test;
using std::chrono::milliseconds;

namespace {

// Short timeouts and backoffs so the suite stays fast.
LinkOptions loopback_options() {
  LinkOptions options;
  options.connect_timeout = milliseconds(1000);
  options.timeout = milliseconds(700);
  options.retries = 1;
  options.retry_base = milliseconds(20);
  options.retry_after_cap = milliseconds(100);
  options.seed = 7;
  options.bot_hosts.clear();
  return options;
}

Catalog list_of(const std::vector<std::string>& urls) {
  std::string markdown = "# Links\n\n";
  for (size_t i = 0; i < urls.size(); ++i) markdown += "- [Link " + std::to_string(i) + "](" + urls[i] + ")\n";
  return parse_text(markdown);
}

// Rule of the finding for each URL as written; "" when none.
std::map<std::string, std::string> rules_by_url(const LinkReport& report) {
  std::map<std::string, std::string> rules;
  for (const auto& finding : report.findings) rules[finding.url] = finding.diagnostic.rule;
  return rules;
}

LinkReport check(const std::vector<std::string>& urls, const LinkOptions& options, LinkCache* cache = nullptr) {
  auto client = make_curl_http_client();
  LinkCheckHooks hooks;
  hooks.cache = cache;
  return check_catalog_links(list_of(urls), options, *client, hooks);
}

}  // namespace

TEST_CASE("Each loopback endpoint gets its verdict") {
  LoopbackServer server;
  std::map<std::string, std::string> expected = {
      {server.url("/ok"), ""},
      {server.url("/404"), "dead-link"},
      {server.url("/410"), "dead-link"},
      {server.url("/moved"), "redirected-link"},
      {server.url("/found"), ""},
      {server.url("/loop"), "dead-link"},
      {server.url("/busy"), ""},
      {server.url("/nohead"), ""},
      {server.url("/hang"), "timeout-link"},
      {server.closed_url(), "dead-link"},
      {server.url("/to-file"), "dead-link"},
      {server.url("/to-ftp"), "unverified-link"},
      {server.url("/linkedin"), "unverified-link"},
      {server.url("/challenge"), "unverified-link"},
      {"mailto:someone@example.org", ""},
      {"mailto:nobody", "dead-link"},
  };
  std::vector<std::string> urls;
  for (const auto& [url, rule] : expected) urls.push_back(url);
  LinkReport report = check(urls, loopback_options());
  auto rules = rules_by_url(report);
  for (const auto& [url, rule] : expected) {
    INFO(url);
    CHECK(rules[url] == rule);
  }
  CHECK(report.summary.checked == expected.size());
  CHECK(report.summary.timeout == 1);
  CHECK(server.requests("/busy") == 2);  // the 429, then the retry after Retry-After
  CHECK(server.requests("GET /nohead") == 1);
}

TEST_CASE("A permanent redirect reports the URL it leads to, keeping the fragment") {
  LoopbackServer server;
  LinkReport report = check({server.url("/moved#part"), server.url("/chain")}, loopback_options());
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].replacement == server.url("/ok#part"));
  CHECK(report.findings[0].diagnostic.fixable);
  // 301 to /found, then 302 to /ok: only the permanent part is rewritten.
  CHECK(report.findings[1].replacement == server.url("/found"));
  CHECK_THAT(report.findings[1].diagnostic.message,
             Catch::EndsWith("to " + server.url("/found") + ", then to " + server.url("/ok")));
}

TEST_CASE("A 50 MB body is not downloaded") {
  LoopbackServer server;
  LinkReport report = check({server.url("/big")}, loopback_options());
  CHECK(report.findings.empty());
  CHECK(server.requests("GET /big") == 1);
  long long sent = server.stats()["big_bytes"].get<long long>();
  INFO("bytes sent: " << sent);
  CHECK(sent < 4 * 1024 * 1024);
}

TEST_CASE("Redirects to file:// and ftp:// are reported without being followed") {
  LoopbackServer server;
  LinkReport report = check({server.url("/to-file"), server.url("/to-ftp")}, loopback_options());
  REQUIRE(report.findings.size() == 2);
  CHECK_THAT(report.findings[0].diagnostic.message, Catch::Contains("file:///etc/passwd, which is not followed"));
  CHECK_THAT(report.findings[1].diagnostic.message, Catch::Contains("ftp://127.0.0.1/x, which is not followed"));
}

TEST_CASE("A URL written in several entries is requested once") {
  LoopbackServer server;
  LinkReport report = check({server.url("/ok#a"), server.url("/ok#b"), server.url("/ok")}, loopback_options());
  CHECK(report.findings.empty());
  CHECK(server.requests("HEAD /ok") == 1);
  CHECK(server.requests("GET /ok") == 0);  // HEAD was enough
  CHECK(report.summary.checked == 1);
}

TEST_CASE("Requests carry the User-Agent and the configured headers of their host") {
  LoopbackServer server;
  LinkOptions options = loopback_options();
  options.user_agent = "curate/test";
  options.host_headers["127.0.0.1"] = {"X-Curate-Test: yes"};
  options.github_token = "secret";
  CHECK(check({server.url("/ok")}, options).summary.ok == 1);
  nlohmann::json headers = server.stats()["headers"]["/ok"];
  CHECK(headers.value("user-agent", "") == "curate/test");
  CHECK(headers.value("x-curate-test", "") == "yes");
  CHECK_FALSE(headers.contains("authorization"));
}

TEST_CASE("A second run within the max age requests only what failed") {
  LoopbackServer server;
  auto dir = std::filesystem::temp_directory_path() / ("curate-cache-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / ".curate-cache.json").string();
  std::vector<std::string> urls = {server.url("/ok"), server.url("/moved"), server.url("/404")};
  {
    LinkCache cache = LinkCache::load(path);
    CHECK(check(urls, loopback_options(), &cache).summary.cached == 0);
    cache.save(unix_now(), std::chrono::hours(72));
  }
  int ok_before = server.requests("/ok"), moved_before = server.requests("/moved"),
      dead_before = server.requests("/404");
  LinkCache cache = LinkCache::load(path);
  CHECK(cache.size() == 2);
  LinkReport second = check(urls, loopback_options(), &cache);
  CHECK(server.requests("/ok") == ok_before);
  CHECK(server.requests("/moved") == moved_before);
  CHECK(server.requests("/404") > dead_before);
  CHECK(second.summary.cached == 2);
  CHECK(rules_by_url(second)[server.url("/moved")] == "redirected-link");
  std::filesystem::remove_all(dir);
}
