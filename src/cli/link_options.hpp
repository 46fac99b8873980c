#pragma once
// The --links options of `validate` and running the link check from the
// CLI: the cache file, Ctrl-C, the progress bar and the summary on stderr.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "curate/links/check.hpp"
#include "curate/lint/lint.hpp"

namespace curate::cli {

// What the command line says; unset values leave .curate.json's in place.
struct LinkCliOptions {
  bool links = false;
  bool repos = false;  // only the repository checks
  bool check_fragments = false;
  bool offline = false;
  bool no_cache = false;
  std::optional<int> concurrency;
  std::optional<int> per_host;
  std::optional<int> retries;
  std::optional<std::string> timeout;
  std::optional<std::string> min_delay;
  std::optional<std::string> max_age;
  std::optional<std::string> accept;
  std::optional<std::string> cache;
  std::optional<std::string> user_agent;
  std::vector<std::string> exclude;
  std::vector<std::string> include;
};

// Adds --links, --offline and the link-checking options to `command`.
void add_link_options(CLI::App& command, LinkCliOptions& options);

// Whether to check links: --links, --repos or "links": {"enabled": true},
// unless --offline.
bool links_requested(const LinkCliOptions& cli, const Config& config);

// Defaults, then the GitHub endpoints from the environment
// (GITHUB_SERVER_URL, GITHUB_API_URL, GITHUB_GRAPHQL_URL: Actions sets them on
// every run, so .curate.json's own wins), then .curate.json "links", then the
// command line, then GITHUB_TOKEN. Throws curate::Error on bad values.
LinkOptions resolve_link_options(const LinkCliOptions& cli, const Config& config, const std::string& list_path);

struct LinkRun {
  LinkReport report;
  bool interrupted = false;  // Ctrl-C: the report is partial, exit 130
};

// Checks the links of `catalog` (read from `text`; `document_links`: every
// link of the file, or null for entries' links only) with the real HTTP
// client: loads and saves the cache (also when interrupted), shows progress
// on stderr (a bar on a terminal, a line every 10 s otherwise) and prints
// the notes and summary lines there.
LinkRun run_link_check(const Catalog& catalog, std::string_view text, const std::vector<DocumentLink>* document_links,
                       const LinkOptions& options);

// validate's link step for one linted file: checks its links and appends
// the findings to `findings.diagnostics`, so severities, suppressions and
// every output format apply. With `fix_rules` (--fix; empty: every rule),
// the redirected-link and repo-moved findings it names that stay enabled
// are rewritten in the file first (atomic write, re-parse check), `findings`
// is re-linted from the new text, and `notes` says so.
// Returns true when interrupted by Ctrl-C.
bool add_link_findings(const Linter& linter, const Config& config, const LinkCliOptions& cli,
                       const std::vector<std::string>* fix_rules, FileFindings& findings, std::string& notes);

}  // namespace curate::cli
