// The repository check on the scripted client and fake clock: batches of
// 100, no token, the REST fallback, rate limits, the cache, and the rules
// each answer gives.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <nlohmann/json.hpp>

#include "curate/links/check.hpp"
#include "curate/links/repos.hpp"
#include "fake_http_client.hpp"
#include "test_helpers.hpp"

using namespace curate;
using namespace curate::test;
using std::chrono::milliseconds;

namespace {

constexpr std::int64_t k_now = 1'700'000'000;  // 2023-11-14

LinkOptions repo_options() {
  LinkOptions options;
  options.github_token = "token";
  options.retry_base = milliseconds(10);
  options.seed = 1;
  return options;
}

FakeReply json_reply(long status, const nlohmann::json& body, std::map<std::string, std::string> headers = {}) {
  FakeReply out = reply(status, std::move(headers));
  out.response.body = body.dump();
  return out;
}

// GraphQL: every repository exists as asked, pushed recently; REST: 404.
FakeReply github(const HttpRequest& request) {
  if (request.method != HttpMethod::post) return json_reply(404, {{"message", "Not Found"}});
  nlohmann::json data = nlohmann::json::object();
  std::string query = nlohmann::json::parse(request.body).at("query");
  static const RE2 alias(R"re((r\d+): repository\(owner: "([^"]+)", name: "([^"]+)"\))re");
  re2::StringPiece rest(query);
  std::string name, owner, repo;
  while (RE2::FindAndConsume(&rest, alias, &name, &owner, &repo))
    data[name] = {{"nameWithOwner", owner + "/" + repo},
                  {"url", "https://github.com/" + owner + "/" + repo},
                  {"isArchived", false},
                  {"pushedAt", "2023-11-01T00:00:00Z"}};
  return json_reply(200, {{"data", data}});
}

std::vector<RepoRef> repos(size_t count) {
  std::vector<RepoRef> out;
  for (size_t i = 0; i < count; ++i) out.push_back({"acme", "tool-" + std::to_string(i)});
  return out;
}

size_t posts(const FakeHttpClient& client) {
  return static_cast<size_t>(std::count_if(client.started.begin(), client.started.end(), [](const StartedRequest& r) {
    return r.request.method == HttpMethod::post;
  }));
}

RepoCheck run(FakeHttpClient& client, FakeClock& clock, const std::vector<RepoRef>& asked,
              const LinkOptions& options = repo_options(), LinkCache* cache = nullptr) {
  RepoCheckHooks hooks;
  hooks.clock = &clock;
  hooks.now = k_now;
  hooks.cache = cache;
  return check_repositories(asked, options, client, hooks);
}

}  // namespace

TEST_CASE("250 repositories are asked about in 3 GraphQL requests of at most 100") {
  FakeClock clock;
  FakeHttpClient client(clock, github);
  RepoCheck check = run(client, clock, repos(250));
  CHECK(check.queries == 3);
  CHECK(posts(client) == 3);
  CHECK(check.repos.size() == 250);
  CHECK(std::all_of(check.repos.begin(), check.repos.end(),
                    [](const auto& entry) { return entry.second.lookup == RepoLookup::found; }));
  const HttpRequest& first = client.started.at(0).request;
  CHECK(first.url == "https://api.github.com/graphql");
  CHECK(std::find(first.headers.begin(), first.headers.end(), "Authorization: bearer token") != first.headers.end());
}

TEST_CASE("Without a token nothing is asked and one note says why") {
  FakeClock clock;
  FakeHttpClient client(clock, github);
  LinkOptions options = repo_options();
  options.github_token.reset();
  RepoCheck check = run(client, clock, repos(3), options);
  CHECK(check.skipped);
  CHECK(client.started.empty());
  REQUIRE(check.notes.size() == 1);
  CHECK(check.notes[0].find("GITHUB_TOKEN is not set") == 0);
}

TEST_CASE("A repository GraphQL does not find is asked over REST, which finds a transfer") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    if (request.method == HttpMethod::post) {
      nlohmann::json errors = {{{"type", "NOT_FOUND"}, {"path", {"r0"}}, {"message", "Could not resolve"}},
                               {{"type", "NOT_FOUND"}, {"path", {"r1"}}, {"message", "Could not resolve"}}};
      return json_reply(200, {{"data", {{"r0", nullptr}, {"r1", nullptr}}}, {"errors", errors}});
    }
    if (request.url.find("/repos/acme/moved") != std::string::npos)
      return json_reply(200, {{"full_name", "newco/moved"}, {"html_url", "https://github.com/newco/moved"}});
    return json_reply(404, {{"message", "Not Found"}});
  });
  RepoCheck check = run(client, clock, {{"acme", "moved"}, {"acme", "deleted"}});
  CHECK(check.rest_requests == 2);
  CHECK(check.repos["acme/moved"].lookup == RepoLookup::found);
  CHECK(check.repos["acme/moved"].info.name_with_owner == "newco/moved");
  CHECK(check.repos["acme/deleted"].lookup == RepoLookup::not_found);
}

TEST_CASE("A secondary rate limit's Retry-After is waited out, then the query is asked again") {
  FakeClock clock;
  int calls = 0;
  FakeHttpClient client(clock, [&](const HttpRequest& request) {
    if (request.method == HttpMethod::post && ++calls == 1)
      return json_reply(403, {{"message", "You have exceeded a secondary rate limit."}}, {{"retry-after", "7"}});
    return github(request);
  });
  RepoCheck check = run(client, clock, repos(2));
  CHECK(check.queries == 2);
  CHECK(client.started.at(1).at - client.started.at(0).at >= 7.0);
  CHECK(check.repos["acme/tool-1"].lookup == RepoLookup::found);
  CHECK(check.notes.empty());
}

TEST_CASE("A rate limit used up for longer than the cap stops the check with a note") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    FakeReply out = github(request);
    out.response.headers = {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(k_now + 3600)}};
    return out;
  });
  RepoCheck check = run(client, clock, repos(150));
  CHECK(check.queries == 1);  // the first 100 are answered; the next request would be refused
  REQUIRE(check.notes.size() == 1);
  CHECK(check.notes[0].find("rate limit") != std::string::npos);
  CHECK(check.notes[0].find("50 of 150 repositories not checked") != std::string::npos);
  CHECK(check.repos["acme/tool-120"].lookup == RepoLookup::unknown);
}

TEST_CASE("A refused token stops the check at once") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return json_reply(401, {{"message", "Bad credentials"}}); });
  RepoCheck check = run(client, clock, repos(3));
  CHECK(check.queries == 1);
  REQUIRE(check.notes.size() == 1);
  CHECK(check.notes[0].find("HTTP 401") != std::string::npos);
}

TEST_CASE("A 502 from GraphQL is retried with backoff") {
  FakeClock clock;
  int calls = 0;
  FakeHttpClient client(clock, [&](const HttpRequest& request) {
    if (++calls == 1) return json_reply(502, {{"message", "Bad gateway"}});
    return github(request);
  });
  RepoCheck check = run(client, clock, repos(1));
  CHECK(check.queries == 2);
  CHECK(check.repos["acme/tool-0"].lookup == RepoLookup::found);
}

TEST_CASE("Cached answers save the query; a repository not found is never cached") {
  FakeClock clock;
  LinkCache cache;
  cache.record_repo("github.com/acme/tool-0", {"acme/tool-0", "https://github.com/acme/tool-0", false, ""}, k_now);
  FakeHttpClient client(clock, github);
  RepoCheck check = run(client, clock, repos(1), repo_options(), &cache);
  CHECK(check.queries == 0);
  CHECK(check.cached == 1);
  CHECK(check.repos["acme/tool-0"].cached);
}

TEST_CASE("Each answer gives its rules: archived, moved (keeping the path), gone, stale") {
  LinkOptions options = repo_options();
  std::string url = "https://github.com/acme/tool/tree/main/docs#intro";
  RepoLink link = *github_repo_of(url, "github.com");
  auto rules = [&](const RepoStatus& status) {
    std::string out;
    for (const RepoFinding& finding : repo_findings(url, link, status, k_now, options)) out += finding.rule + " ";
    return out;
  };
  RepoStatus fresh{RepoLookup::found, {"acme/tool", "", false, "2023-10-01T00:00:00Z"}, "", false};
  CHECK(rules(fresh) == "");
  RepoStatus old{RepoLookup::found, {"acme/tool", "", false, "2019-01-01T00:00:00Z"}, "", false};
  CHECK(rules(old) == "repo-stale ");
  RepoStatus archived{RepoLookup::found, {"acme/tool", "", true, "2019-01-01T00:00:00Z"}, "", false};
  CHECK(rules(archived) == "repo-archived ");
  RepoStatus moved{RepoLookup::found, {"NewCo/Tool2", "https://github.com/NewCo/Tool2", false, ""}, "", false};
  CHECK(rules(moved) == "repo-moved ");
  CHECK(repo_findings(url, link, moved, k_now, options)[0].replacement ==
        "https://github.com/NewCo/Tool2/tree/main/docs#intro");
  RepoStatus gone{RepoLookup::not_found, {}, "not found", false};
  CHECK(rules(gone) == "repo-gone ");
  RepoStatus unknown{RepoLookup::unknown, {}, "", false};
  CHECK(rules(unknown) == "");
  options.stale_after = std::chrono::seconds(10LL * 365 * 86400);
  CHECK(repo_findings(url, link, old, k_now, options).empty());
}

TEST_CASE("With --repos only GitHub is asked; a repository's page is not requested") {
  FakeClock clock;
  FakeHttpClient client(clock, github);
  LinkOptions options = repo_options();
  options.check_http = false;
  Catalog catalog = parse_text("- [A](https://github.com/acme/a) - a.\n- [B](https://example.org/) - b.\n");
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  hooks.now = k_now;
  LinkReport report = check_catalog_links(catalog, options, client, hooks);
  CHECK(client.started.size() == 1);
  CHECK(report.summary.repos_checked);
  CHECK(report.summary.repos == 1);
}

TEST_CASE("With --links a repository's page the repository check answered is not requested again") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    return request.method == HttpMethod::post ? github(request) : reply(200);
  });
  Catalog catalog = parse_text(
      "- [A](https://github.com/acme/a) - a.\n- [B](https://github.com/acme/a/blob/main/x.md) - b.\n"
      "- [C](https://example.org/) - c.\n");
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  hooks.now = k_now;
  LinkReport report = check_catalog_links(catalog, repo_options(), client, hooks);
  std::vector<std::string> urls;
  for (const StartedRequest& started : client.started) urls.push_back(started.request.url);
  std::sort(urls.begin(), urls.end());
  CHECK(urls == std::vector<std::string>{"https://api.github.com/graphql", "https://example.org/",
                                         "https://github.com/acme/a/blob/main/x.md"});
  CHECK(report.summary.from_repos == 1);
  CHECK(report.summary.checked == 3);
}
