// Running the link check from the CLI: cache file, Ctrl-C, progress bar,
// summary, and writing redirected-link fixes.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "curate/links/fix.hpp"
#include "curate/text/error.hpp"
#include "link_options.hpp"

namespace curate::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int) { g_interrupted = 1; }

// Catches the first Ctrl-C while alive (so the cache is written and the
// partial report printed); a second one kills as usual.
class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &m_previous);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  ~InterruptGuard() { sigaction(SIGINT, &m_previous, nullptr); }

 private:
  struct sigaction m_previous {};
};

// Progress on stderr. On a terminal, a one-line bar redrawn in place at most
// ten times a second, as wide as the terminal allows; otherwise (a CI log)
// a plain line every ten seconds, so a long check shows it is alive.
class Progress {
 public:
  explicit Progress(bool terminal) : m_terminal(terminal) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(const LinkProgress& progress) {
    if (m_terminal)
      draw(progress);
    else
      log(progress);
  }

  void clear() {
    if (m_terminal && m_drawn) std::fputs("\r\033[K", stderr);
    m_drawn = false;
  }

 private:
  static constexpr double k_redraw_seconds = 0.1;
  static constexpr double k_log_seconds = 10;

  static size_t terminal_width() {
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    if (const char* columns = std::getenv("COLUMNS"); columns && std::atoi(columns) > 0)
      return static_cast<size_t>(std::atoi(columns));
    return 80;
  }

  void draw(const LinkProgress& progress) {
    bool last = progress.done == progress.total;
    if (!last && m_drawn && progress.seconds - m_drawn_at < k_redraw_seconds) return;
    m_drawn_at = progress.seconds;
    m_drawn = true;
    // Measured at every redraw: the terminal may have been resized.
    std::string line = "\r\033[K" + format_progress_bar(progress, terminal_width());
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

  void log(const LinkProgress& progress) {
    if (progress.seconds - m_logged_at < k_log_seconds) return;
    m_logged_at = progress.seconds;
    std::fprintf(stderr, "%s\n", format_progress_line(progress).c_str());
  }

  bool m_terminal;
  bool m_drawn = false;
  double m_drawn_at = 0;
  double m_logged_at = 0;
};

void print_outcome(const LinkReport& report, const LinkOptions& options) {
  // Once per run, however many files it checks ("GITHUB_TOKEN is not set").
  static std::set<std::string> said;
  for (const std::string& note : report.notes)
    if (said.insert(note).second) std::fprintf(stderr, "curate: note: %s\n", note.c_str());
  const LinkSummary& summary = report.summary;
  if (options.check_http) std::fprintf(stderr, "%s\n", format_link_summary(summary).c_str());
  if (summary.repos_checked) std::fprintf(stderr, "%s\n", format_repo_summary(summary).c_str());
  std::fputs(format_unchecked(summary).c_str(), stderr);
}

}  // namespace

LinkRun run_link_check(const Catalog& catalog, std::string_view text, const std::vector<DocumentLink>* document_links,
                       const LinkOptions& options) {
  LinkCache cache = options.use_cache ? LinkCache::load(*options.cache_path) : LinkCache();
  if (!cache.warning().empty()) std::fprintf(stderr, "curate: warning: %s\n", cache.warning().c_str());
  std::unique_ptr<HttpClient> client = make_curl_http_client();
  LinkRun run;
  {
    InterruptGuard guard;
    Progress progress(isatty(STDERR_FILENO) != 0);
    LinkCheckHooks hooks;
    hooks.cache = options.use_cache ? &cache : nullptr;
    hooks.cancelled = [] { return g_interrupted != 0; };
    hooks.progress = [&progress](const LinkProgress& now) { progress.update(now); };
    hooks.text = text;
    hooks.document_links = document_links;
    run.report = check_catalog_links(catalog, options, *client, hooks);
    run.interrupted = g_interrupted != 0;
  }
  if (options.use_cache) {
    try {
      cache.save(unix_now(), options.max_age);
    } catch (const Error& e) {
      std::fprintf(stderr, "curate: warning: link cache not saved: %s\n", e.describe().c_str());
    }
  }
  print_outcome(run.report, options);
  return run;
}

namespace {

bool same_finding(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.begin.line == b.begin.line && a.begin.column == b.begin.column && a.message == b.message;
}

// The redirected-link findings still enabled once the rule's severity and
// the file's suppressions are applied: only those are fixed.
// The rewrites of the findings in force whose rule `fix_rules` names (all
// when it is empty).
std::vector<UrlRewrite> enabled_rewrites(const Linter& linter, const FileFindings& findings,
                                         const std::vector<LinkFinding>& links,
                                         const std::vector<std::string>& fix_rules) {
  FileFindings probe{findings.source, findings.catalog, findings.suppressions, {}, {}, {}};
  auto chosen = [&](const std::string& rule) {
    return fix_rules.empty() || std::find(fix_rules.begin(), fix_rules.end(), rule) != fix_rules.end();
  };
  for (const LinkFinding& link : links)
    if (link.diagnostic.fixable && !link.replacement.empty() && chosen(link.diagnostic.rule))
      probe.diagnostics.push_back(link.diagnostic);
  std::vector<Diagnostic> kept = linter.finish(probe);
  std::vector<UrlRewrite> rewrites;
  for (const LinkFinding& link : links)
    for (const Diagnostic& diagnostic : kept)
      if (link.diagnostic.fixable && same_finding(diagnostic, link.diagnostic))
        rewrites.push_back({link.fix_line, link.url, link.replacement, link.fix_last_line});
  return rewrites;
}

bool was_rewritten(const LinkFinding& link, const std::vector<UrlRewrite>& rewrites, const RewriteResult& result) {
  auto matches = [&](const UrlRewrite& r) { return r.line == link.fix_line && r.from == link.url; };
  return link.diagnostic.fixable && std::any_of(rewrites.begin(), rewrites.end(), matches) &&
         std::none_of(result.skipped.begin(), result.skipped.end(), matches);
}

// "fixed 2 redirected links, 1 link to a moved repository".
std::string fixed_note(const std::string& path, size_t redirected, size_t moved) {
  std::string note = path + ": fixed ";
  if (redirected) note += fmt::format("{} redirected link{}", redirected, redirected == 1 ? "" : "s");
  if (redirected && moved) note += ", ";
  if (moved) note += fmt::format("{} link{} to a moved repository", moved, moved == 1 ? "" : "s");
  return note + "\n";
}

// The repository check runs unless every repository rule is off.
bool repo_rules_enabled(const Linter& linter) {
  for (const char* rule : {"repo-archived", "repo-moved", "repo-gone", "repo-stale"})
    if (linter.settings().severity(rule) != Severity::off) return true;
  return false;
}

}  // namespace

bool add_link_findings(const Linter& linter, const Config& config, const LinkCliOptions& cli,
                       const std::vector<std::string>* fix_rules, FileFindings& findings, std::string& notes) {
  LinkOptions options = resolve_link_options(cli, config, findings.source.path);
  options.check_repos = repo_rules_enabled(linter);
  LinkRun run = run_link_check(findings.catalog, findings.source.text, &findings.links, options);
  std::vector<LinkFinding> links = std::move(run.report.findings);
  std::vector<UrlRewrite> rewrites =
      fix_rules && !run.interrupted ? enabled_rewrites(linter, findings, links, *fix_rules) : std::vector<UrlRewrite>{};
  if (!rewrites.empty()) {
    RewriteResult result = rewrite_urls(findings.source, findings.catalog, config, rewrites);
    if (result.applied > 0) {
      const std::string& path = findings.source.path;
      FileStamp written =
          write_atomic(path, restore_layout(result.text, findings.source), stamp_to_replace(findings.source));
      SourceFile updated = findings.source;
      updated.text = std::move(result.text);
      updated.stamp = written;
      findings = linter.lint(std::move(updated), config);
      auto fixed = std::stable_partition(
          links.begin(), links.end(), [&](const LinkFinding& link) { return !was_rewritten(link, rewrites, result); });
      size_t moved = static_cast<size_t>(std::count_if(
          fixed, links.end(), [](const LinkFinding& link) { return link.diagnostic.rule == "repo-moved"; }));
      notes += fixed_note(path, static_cast<size_t>(links.end() - fixed) - moved, moved);
      links.erase(fixed, links.end());
    }
  }
  for (LinkFinding& link : links) findings.diagnostics.push_back(std::move(link.diagnostic));
  return run.interrupted;
}

}  // namespace curate::cli
