#pragma once
// Repository health of GitHub links (DESIGN.md "Beyond reachability"):
// GitHub's GraphQL API is asked about up to 100 repositories per request;
// one it does not find is asked again over REST, which follows a rename or
// transfer the GraphQL name lookup missed. The answers become the rules
// repo-archived, repo-moved, repo-gone and repo-stale (docs/links.md).

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "curate/links/cache.hpp"
#include "curate/links/github.hpp"
#include "curate/links/http_client.hpp"
#include "curate/links/options.hpp"
#include "curate/links/scheduler.hpp"

namespace curate {

// Requests of the repository check carry ids from here up, so they never
// collide with the link scheduler's (job indexes).
constexpr std::uint64_t k_repo_request_ids = std::uint64_t(1) << 62;

struct RepoStatus {
  RepoLookup lookup = RepoLookup::unknown;  // unknown: not asked, or GitHub would not say
  RepoInfo info;                            // found
  std::string reason;                       // not_found / unknown: why
  bool cached = false;
};

struct RepoCheck {
  std::map<std::string, RepoStatus> repos;  // by RepoRef::key(); every repository asked for
  size_t queries = 0;                       // GraphQL requests
  size_t rest_requests = 0;
  size_t cached = 0;
  bool skipped = false;            // no token: nothing was asked
  std::vector<std::string> notes;  // for the person running the check (no token, rate limit, …)
};

struct RepoCheckHooks {
  LinkCache* cache = nullptr;       // consulted and updated when set
  std::int64_t now = 0;             // cache time; 0 means unix_now()
  std::function<bool()> cancelled;  // true stops early; unanswered repositories stay unknown
  const Clock* clock = nullptr;     // steady_clock_source() when null
  std::function<void(size_t done, size_t total)> progress;
};

// Asks GitHub about `repos` (each once) with options.github_token at
// options.github_graphql and options.github_api. Without a token nothing is
// asked: `skipped`, with one note. Rate limits are waited out when GitHub
// names a wait up to options.retry_after_cap; beyond it the check stops
// with a note. Never throws for GitHub's answers.
RepoCheck check_repositories(const std::vector<RepoRef>& repos, const LinkOptions& options, HttpClient& client,
                             const RepoCheckHooks& hooks = {});

// The cache key of a repository: "host/owner/name", lower-case.
std::string repo_cache_key(const LinkOptions& options, const RepoRef& repo);

// One finding a repository's status gives a link into it.
struct RepoFinding {
  std::string rule;  // repo-archived, repo-moved, repo-gone, repo-stale
  std::string message;
  std::string replacement;  // repo-moved: the link in the repository's new place
};

// The findings for `written` (a link into `link.repo`), judged at `now`
// (Unix seconds) with options.stale_after and options.github_server.
std::vector<RepoFinding> repo_findings(const std::string& written, const RepoLink& link, const RepoStatus& status,
                                       std::int64_t now, const LinkOptions& options);

}  // namespace curate
