// GitHub repositories behind links: which URLs name one, where a moved one
// lives now, and reading GitHub's GraphQL and REST answers.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "curate/links/github.hpp"

using namespace curate;

namespace {

std::string key_of(std::string_view url, std::string_view server = "github.com") {
  std::optional<RepoLink> link = github_repo_of(url, server);
  return link ? link->repo.key() + (link->root ? " (root)" : "") : "";
}

}  // namespace

TEST_CASE("Repository pages and anything deeper name a repository") {
  CHECK(key_of("https://github.com/Owner/Repo") == "owner/repo (root)");
  CHECK(key_of("https://github.com/owner/repo/") == "owner/repo (root)");
  CHECK(key_of("https://www.github.com/owner/repo.git") == "owner/repo (root)");
  CHECK(key_of("http://github.com/owner/repo/blob/main/README.md") == "owner/repo");
  CHECK(key_of("https://github.com/owner/repo/issues/3") == "owner/repo");
  CHECK(key_of("https://github.com/owner/repo?tab=readme") == "owner/repo (root)");
}

TEST_CASE("Owner pages, GitHub's own pages and other hosts name no repository") {
  CHECK(key_of("https://github.com/owner") == "");
  CHECK(key_of("https://github.com/topics/machine-learning") == "");
  CHECK(key_of("https://github.com/orgs/acme/repositories") == "");
  CHECK(key_of("https://github.com/sponsors/someone") == "");
  CHECK(key_of("https://gist.github.com/owner/abc123") == "");
  CHECK(key_of("https://gitlab.com/owner/repo") == "");
  CHECK(key_of("https://github.com/-bad/repo") == "");
  CHECK(key_of("https://github.com/owner/re%20po") == "");
}

TEST_CASE("An Enterprise server's repositories are found on its host and port") {
  CHECK(key_of("https://ghe.example.org/infra/tool/wiki", "ghe.example.org") == "infra/tool");
  CHECK(key_of("http://127.0.0.1:8080/acme/tool", "127.0.0.1:8080") == "acme/tool (root)");
  CHECK(key_of("https://github.com/acme/tool", "ghe.example.org") == "");
}

TEST_CASE("A moved repository's link keeps its path and fragment") {
  std::string url = "https://github.com/old/name.git/blob/main/README.md#usage";
  std::optional<RepoLink> link = github_repo_of(url, "github.com");
  REQUIRE(link);
  CHECK(moved_url(url, *link, "https://github.com/New/Name/") ==
        "https://github.com/New/Name.git/blob/main/README.md#usage");
  std::string root = "https://github.com/old/name";
  CHECK(moved_url(root, *github_repo_of(root, "github.com"), "https://github.com/New/Name") ==
        "https://github.com/New/Name");
}

TEST_CASE("The GraphQL query asks about each repository under its own alias") {
  nlohmann::json body = nlohmann::json::parse(repo_query({{"a", "one"}, {"b", "two.js"}}));
  std::string query = body.at("query");
  CHECK(query.find("r0: repository(owner: \"a\", name: \"one\")") != std::string::npos);
  CHECK(query.find("r1: repository(owner: \"b\", name: \"two.js\")") != std::string::npos);
  CHECK(query.find("isArchived pushedAt") != std::string::npos);
  CHECK(query.find("rateLimit") != std::string::npos);
}

TEST_CASE("A GraphQL answer gives each repository found, not found or unknown") {
  std::string body = R"({"data": {
      "r0": {"nameWithOwner": "a/one", "url": "https://github.com/a/one", "isArchived": true, "pushedAt": "2020-01-02T03:04:05Z"},
      "r1": null, "r2": null, "rateLimit": {"remaining": 10}},
    "errors": [
      {"type": "NOT_FOUND", "path": ["r1"], "message": "Could not resolve to a Repository with the name 'b/two'."},
      {"type": "FORBIDDEN", "path": ["r2"], "message": "Resource protected by organization SAML enforcement."}]})";
  QueryAnswer answer = read_repo_query_answer(body, 3);
  REQUIRE(answer.repos.size() == 3);
  CHECK(answer.error.empty());
  CHECK(answer.repos[0].lookup == RepoLookup::found);
  CHECK(answer.repos[0].info.archived);
  CHECK(answer.repos[0].info.pushed_at == "2020-01-02T03:04:05Z");
  CHECK(answer.repos[1].lookup == RepoLookup::not_found);
  CHECK(answer.repos[2].lookup == RepoLookup::unknown);
  CHECK(answer.repos[2].reason.find("SAML") != std::string::npos);
}

TEST_CASE("A GraphQL answer refusing the whole query says why") {
  QueryAnswer limited =
      read_repo_query_answer(R"({"errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded"}]})", 2);
  CHECK(limited.rate_limited);
  CHECK(limited.error == "API rate limit exceeded");
  CHECK(limited.repos.size() == 2);
  CHECK(read_repo_query_answer("<html>502</html>", 1).error == "the answer is not JSON");
  CHECK(read_repo_query_answer(R"({"message": "Bad credentials"})", 1).error == "Bad credentials");
}

TEST_CASE("A REST answer about a repository is read") {
  auto info = read_rest_repo(
      R"({"full_name": "newco/tool", "html_url": "https://github.com/newco/tool", "archived": false, "pushed_at": null})");
  REQUIRE(info);
  CHECK(info->name_with_owner == "newco/tool");
  CHECK(info->pushed_at.empty());
  CHECK_FALSE(read_rest_repo(R"({"message": "Not Found"})"));
}
