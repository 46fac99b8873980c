#pragma once
// Link checking of a whole catalog: every entry's links, each unique URL
// (fragment removed) checked once over HTTP(S) or for syntax, the results
// turned into diagnostics of the rules dead-link, redirected-link,
// unverified-link and timeout-link (docs/links.md).

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

namespace curate {

// The four link rules, for the validate engine's rule table.
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
  size_t cached = 0;    // verdicts taken from the cache
  size_t excluded = 0;  // skipped by --include/--exclude
  size_t requests = 0;  // HTTP requests made
  double seconds = 0;
  bool interrupted = false;
};

// One finding at one place a URL is written.
struct LinkFinding {
  Diagnostic diagnostic;
  std::string url;          // as written in the list
  int entry_line = 0;       // the line of the entry's list marker
  std::string replacement;  // redirected-link: what to write instead (fragment kept)
};

struct [[nodiscard]] LinkReport {
  std::vector<LinkFinding> findings;  // document order
  LinkSummary summary;
};

struct LinkProgress {
  size_t done = 0;
  size_t total = 0;
  size_t failures = 0;
  double seconds = 0;
};

struct LinkCheckHooks {
  LinkCache* cache = nullptr;       // consulted and updated when set
  std::int64_t now = 0;             // cache time; 0 means unix_now()
  std::function<bool()> cancelled;  // true stops early: a partial report
  std::function<void(const LinkProgress&)> progress;
  const Clock* clock = nullptr;  // steady_clock_source() when null
  std::string_view text;         // the list's text: findings then point at the URL itself
};

// Checks the links of every entry of `catalog` (options validated by the
// caller). Never throws for a bad link: findings are data.
LinkReport check_catalog_links(const Catalog& catalog, const LinkOptions& options, HttpClient& client,
                               const LinkCheckHooks& hooks = {});

// "links: 120 checked, 110 ok, 3 redirected, …, in 4.2 s" (one line, no newline).
std::string format_link_summary(const LinkSummary& summary);

}  // namespace curate
