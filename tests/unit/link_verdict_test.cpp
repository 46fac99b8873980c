// Verdicts, options and catalog-level link checking on the fake client.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "curate/links/check.hpp"
#include "curate/links/verdict.hpp"
#include "curate/text/error.hpp"
#include "fake_http_client.hpp"
#include "test_helpers.hpp"

using namespace curate;
using namespace curate::test;
using std::chrono::milliseconds;

namespace {

LinkOutcome outcome_of(long status, std::map<std::string, std::string> headers = {}, int attempts = 1) {
  LinkOutcome outcome;
  outcome.response.status = status;
  outcome.response.headers = std::move(headers);
  outcome.response.final_url = "https://a.test/";
  outcome.attempts = attempts;
  return outcome;
}

LinkVerdict verdict_of(const LinkOutcome& outcome, const std::string& url = "https://a.test/") {
  return classify_outcome(url, outcome, LinkOptions{}).verdict;
}

}  // namespace

TEST_CASE("Client errors are dead links and accepted statuses are fine") {
  CHECK(verdict_of(outcome_of(200)) == LinkVerdict::ok);
  CHECK(verdict_of(outcome_of(404)) == LinkVerdict::dead);
  CHECK(verdict_of(outcome_of(410)) == LinkVerdict::dead);
  CHECK(verdict_of(outcome_of(403)) == LinkVerdict::dead);
  LinkOptions options;
  options.accept = parse_accept_codes("200..=299,403");
  CHECK(classify_outcome("https://a.test/", outcome_of(403), options).verdict == LinkVerdict::ok);
}

TEST_CASE("Bot walls, 999 and a persistent 429 are unverified, not dead") {
  CHECK(verdict_of(outcome_of(999)) == LinkVerdict::unverified);
  CHECK(verdict_of(outcome_of(429, {}, 4)) == LinkVerdict::unverified);
  CHECK(verdict_of(outcome_of(403, {{"cf-mitigated", "challenge"}})) == LinkVerdict::unverified);
  CHECK(verdict_of(outcome_of(403, {{"server", "cloudflare"}})) == LinkVerdict::unverified);
  CHECK(verdict_of(outcome_of(404), "https://www.linkedin.com/in/someone") == LinkVerdict::unverified);
}

TEST_CASE("Only permanent redirects at the start of the chain are reported by default") {
  LinkOutcome moved = outcome_of(200);
  moved.response.redirects = {{301, "https://b.test/"}, {302, "https://c.test/"}};
  LinkResult result = classify_outcome("https://a.test/", moved, LinkOptions{});
  CHECK(result.verdict == LinkVerdict::redirected);
  CHECK(result.fix_url == "https://b.test/");
  LinkOutcome temporary = outcome_of(200);
  temporary.response.redirects = {{302, "https://b.test/"}};
  CHECK(verdict_of(temporary) == LinkVerdict::ok);
  LinkOptions all;
  all.redirects = RedirectPolicy::all;
  temporary.response.final_url = "https://b.test/";
  CHECK(classify_outcome("https://a.test/", temporary, all).fix_url == "https://b.test/");
}

TEST_CASE("Transport failures map to dead, timeout or unverified") {
  LinkOutcome outcome;
  outcome.response.error = TransportError::timeout;
  CHECK(verdict_of(outcome) == LinkVerdict::timeout);
  outcome.response.error = TransportError::connect;
  CHECK(verdict_of(outcome) == LinkVerdict::dead);
  outcome.response.error = TransportError::dns;
  CHECK(verdict_of(outcome) == LinkVerdict::dead);
  outcome.response.error = TransportError::too_many_redirects;
  CHECK(verdict_of(outcome) == LinkVerdict::dead);
}

TEST_CASE("mailto and other schemes are checked for syntax only") {
  CHECK(check_link_syntax("mailto:someone@example.org").verdict == LinkVerdict::ok);
  CHECK(check_link_syntax("mailto:someone").verdict == LinkVerdict::dead);
  CHECK(check_link_syntax("mailto:security%40datocapital.com").verdict == LinkVerdict::ok);  // awesome-bug-bounty
  CHECK(check_link_syntax("ftp://ftp.example.org/pub").verdict == LinkVerdict::ok);
}

TEST_CASE("Accept codes take ranges and single statuses") {
  AcceptCodes codes = parse_accept_codes("200..=299, 403, 500..502");
  CHECK(accepts(codes, 250));
  CHECK(accepts(codes, 403));
  CHECK(accepts(codes, 501));
  CHECK_FALSE(accepts(codes, 502));
  CHECK_THROWS_AS(parse_accept_codes("abc"), Error);
  CHECK_THROWS_AS(parse_accept_codes("300..=200"), Error);
}

TEST_CASE("Durations take units") {
  CHECK(parse_duration("20") == milliseconds(20000));
  CHECK(parse_duration("500ms") == milliseconds(500));
  CHECK(parse_duration("3d") == milliseconds(3LL * 86400 * 1000));
  CHECK(parse_duration("1.5h") == milliseconds(5400000));
  CHECK_THROWS_AS(parse_duration("5 weeks"), Error);
}

TEST_CASE("The GitHub token goes to github.com hosts only") {
  LinkOptions options;
  options.github_token = "t0ken";
  auto has_token = [&](const std::string& url) {
    auto headers = make_link_request(options, url, HttpMethod::head).headers;
    return std::find(headers.begin(), headers.end(), "Authorization: Bearer t0ken") != headers.end();
  };
  CHECK(has_token("https://github.com/a/b"));
  CHECK(has_token("https://api.github.com/repos/a/b"));
  CHECK_FALSE(has_token("https://notgithub.com/"));
  CHECK_FALSE(has_token("https://github.com.evil.test/"));
}

TEST_CASE("Link settings are read from the config's links object") {
  LinkOptions options;
  nlohmann::json links = {{"concurrency", 8},          {"per-host", 2},
                          {"timeout", "5s"},           {"exclude", {"example\\.org"}},
                          {"accept", "200..=299,403"}, {"headers", {{"example.com", {{"Cookie", "a=b"}}}}}};
  apply_link_config(links, ".curate.json", options);
  CHECK(options.concurrency == 8);
  CHECK(options.per_host == 2);
  CHECK(options.timeout == milliseconds(5000));
  CHECK(options.exclude.size() == 1);
  CHECK(accepts(options.accept, 403));
  CHECK(make_link_request(options, "https://www.example.com/", HttpMethod::head).headers.at(0) == "Cookie: a=b");
}

TEST_CASE("An unknown key of the links object is a warning with a suggestion, not an error") {
  LinkOptions options;
  nlohmann::json links = {{"concurency", 8}, {"timeout", "5s"}};
  CHECK_NOTHROW(apply_link_config(links, ".curate.json", options));
  CHECK(options.concurrency == LinkOptions{}.concurrency);
  CHECK(options.timeout == milliseconds(5000));
  CHECK(link_config_warnings(links) ==
        std::vector<std::string>{"\"links\": unknown key \"concurency\" (did you mean \"concurrency\"?); ignored"});
  CHECK(link_config_warnings({{"concurrency", 8}}).empty());
}

TEST_CASE("Every entry carrying a URL gets its finding, and excluded URLs are skipped") {
  Catalog catalog = parse_text(
      "- [A](https://dead.test/x#one)\n- [B](https://dead.test/x#two)\n- [C](https://skip.test/)\n"
      "- [D](#local) and [E](./relative.md)\n");
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(404); });
  LinkOptions options;
  options.exclude = {"skip\\.test"};
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  LinkReport report = check_catalog_links(catalog, options, client, hooks);
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].diagnostic.begin.line == 1);
  CHECK(report.findings[1].diagnostic.begin.line == 2);
  CHECK(report.findings[0].diagnostic.rule == "dead-link");
  CHECK(client.started.size() == 2);  // HEAD and GET of the one unique URL
  CHECK(report.summary.excluded == 1);
  CHECK(report.summary.dead == 1);
}

TEST_CASE("The link rules are described for the rule table") {
  auto rules = link_rule_infos();
  REQUIRE(rules.size() == 9);
  CHECK(rules[1].id == "redirected-link");
  CHECK(rules[1].fixable);
  CHECK(rules[2].default_severity == Severity::warning);
}
