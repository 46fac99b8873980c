#pragma once
// Link checking of a whole list: every link of its entries and of its prose,
// each unique URL (fragment removed) checked once over HTTP(S) or for
// syntax, #fragments looked for in HTML pages (on request), GitHub
// repositories asked about in batches; the results turned into diagnostics
// of the rules dead-link, redirected-link, unverified-link, timeout-link,
// remote-anchor, repo-archived, repo-moved, repo-gone and repo-stale
// (docs/links.md).

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/links/cache.hpp"
#include "curate/links/http_client.hpp"
#include "curate/links/options.hpp"
#include "curate/links/scheduler.hpp"
#include "curate/lint/diagnostic.hpp"
#include "curate/lint/lint.hpp"

namespace curate {

// The link and repository rules, for the validate engine's rule table.
std::vector<RuleInfo> link_rule_infos();

// Counts over unique URLs.
struct LinkSummary {
  size_t total = 0;    // unique URLs found (excluded ones included)
  size_t checked = 0;  // with a verdict (from the network, the cache or syntax)
  size_t ok = 0;
  size_t redirected = 0;
  size_t unverified = 0;
  size_t dead = 0;
  size_t timeout = 0;
  size_t cached = 0;      // verdicts taken from the cache
  size_t excluded = 0;    // skipped by --include/--exclude
  size_t requests = 0;    // HTTP requests made
  size_t from_repos = 0;  // repository pages the repository check settled (not requested)
  double seconds = 0;
  bool interrupted = false;
  std::vector<std::string> unchecked;  // interrupted: the URLs left without a verdict

  // The repository check (counts over unique repositories).
  bool repos_checked = false;  // it ran (a token was there and repositories were found)
  size_t repos = 0;
  size_t repos_archived = 0;
  size_t repos_moved = 0;
  size_t repos_gone = 0;
  size_t repos_stale = 0;
  size_t repos_unknown = 0;  // not answered (stopped, rate limit, GitHub would not say)
  size_t repos_cached = 0;
  size_t repo_queries = 0;  // GraphQL requests
  size_t repo_rest = 0;     // REST requests (repositories GraphQL did not find)
};

// One finding at one place a URL is written.
struct LinkFinding {
  Diagnostic diagnostic;
  std::string url;  // as written in the list
  // Where --fix rewrites it (fix.hpp UrlRewrite): the entry's list marker
  // line, or the lines of a link in prose (`fix_last_line` > 0).
  int fix_line = 0;
  int fix_last_line = 0;
  std::string replacement;  // redirected-link, repo-moved: what to write instead (fragment kept)
};

struct [[nodiscard]] LinkReport {
  std::vector<LinkFinding> findings;  // document order of entries, then of prose
  LinkSummary summary;
  std::vector<std::string> notes;  // for the person running the check: no token, a rate limit, …
};

struct LinkProgress {
  bool repos = false;  // the repository check is running: done/total count repositories
  size_t done = 0;
  size_t total = 0;
  size_t failures = 0;
  double seconds = 0;
  std::string slowest;         // the URL pending the longest, when there is one
  double slowest_seconds = 0;  // for how long
};

struct LinkCheckHooks {
  LinkCache* cache = nullptr;       // consulted and updated when set
  std::int64_t now = 0;             // cache time; 0 means unix_now()
  std::function<bool()> cancelled;  // true stops early: a partial report
  std::function<void(const LinkProgress&)> progress;
  const Clock* clock = nullptr;  // steady_clock_source() when null
  std::string_view text;         // the list's text: findings then point at the URL itself
  // Every link of the file (FileFindings::links): links outside entries are
  // checked too. When null, only entries' links are.
  const std::vector<DocumentLink>* document_links = nullptr;
};

// Checks the links of `catalog` (options validated by the caller): over
// HTTP with options.check_http, GitHub repositories with check_repos.
// Never throws for a bad link: findings are data.
LinkReport check_catalog_links(const Catalog& catalog, const LinkOptions& options, HttpClient& client,
                               const LinkCheckHooks& hooks = {});

// "links: 120 checked, 110 ok, 3 redirected, …, in 4.2 s" (one line, no newline).
std::string format_link_summary(const LinkSummary& summary);

// "repos: 250 checked, 3 archived, 2 moved, 1 gone, 4 stale, …" (one line,
// no newline).
std::string format_repo_summary(const LinkSummary& summary);

// The progress bar for a terminal `width` columns wide: never longer than
// width - 1 bytes (a line reaching the last column wraps on some
// terminals), and naming the URL pending the longest once it has waited
// 5 s or more, shortened in the middle to fit.
std::string format_progress_bar(const LinkProgress& progress, size_t width);

// The progress as one plain line, for logs: "links: 8/9 checked, 1 failed,
// 12 s; waiting 11 s on URL".
std::string format_progress_line(const LinkProgress& progress);

// After an interruption: "not checked: URL" lines (at most `limit`, then
// "… and N more"), each ending in a newline; "" when everything was checked.
std::string format_unchecked(const LinkSummary& summary, size_t limit = 10);

}  // namespace curate
