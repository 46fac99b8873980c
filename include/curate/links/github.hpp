#pragma once
// GitHub repositories behind links: which URLs name one, the GraphQL query
// that asks about up to 100 of them at once, and reading GitHub's answers
// (GraphQL and REST). Pure functions; repos.hpp runs the requests.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace curate {

// A repository as a link names it.
struct RepoRef {
  std::string owner;  // as written
  std::string name;   // as written, without ".git"
  // "owner/name" lower-cased: GitHub compares names without case.
  std::string key() const;
};

// Where a link points inside a repository.
struct RepoLink {
  RepoRef repo;
  size_t name_end = 0;  // offset in the URL just after the repository name
  bool root = false;    // the repository's home page (no deeper path)
};

// GitHub's answer about one repository.
struct RepoInfo {
  std::string name_with_owner;  // canonical "Owner/Name"
  std::string url;              // canonical web URL
  bool archived = false;
  std::string pushed_at;  // ISO 8601 (UTC); empty when never pushed
};

// The repository `url` is in, when its host is the GitHub server's
// (`server_host`, as host_key() gives it; www.github.com counts as
// github.com) and its path starts with OWNER/REPO: the repository's page or
// anything deeper (/blob/…, /issues/3, /wiki). Owner pages, GitHub's own
// pages (/features, /topics/x, /orgs/x, /sponsors/x, …) and names GitHub
// would not accept give nullopt.
std::optional<RepoLink> github_repo_of(std::string_view url, std::string_view server_host);

// `url` moved to `canonical_url` (a repository's web URL): the same place
// in the new repository, e.g. …/old/name/blob/x → …/New/Name/blob/x.
std::string moved_url(std::string_view url, const RepoLink& link, std::string_view canonical_url);

// The GraphQL query for `repos` (at most 100, one aliased field each, r0,
// r1, … in order) and the rate limit left.
std::string repo_query(const std::vector<RepoRef>& repos);

enum class RepoLookup { found, not_found, unknown };

struct RepoAnswer {
  RepoLookup lookup = RepoLookup::unknown;
  RepoInfo info;       // when found
  std::string reason;  // when unknown: GitHub's error message
};

struct QueryAnswer {
  std::vector<RepoAnswer> repos;  // one per repository asked, in order
  bool rate_limited = false;      // GitHub refused the whole query for its rate limit
  std::string error;              // the query as a whole failed: why (repos are all unknown)
};

// Reads the body of a GraphQL answer to repo_query() for `count`
// repositories. Never throws: what cannot be read is `error`.
QueryAnswer read_repo_query_answer(std::string_view body, size_t count);

// Reads the body of a REST answer to GET /repos/OWNER/REPO (after the
// redirect of a renamed one); nullopt when it is not such an answer.
std::optional<RepoInfo> read_rest_repo(std::string_view body);

}  // namespace curate
