// Running the link check from the CLI: cache file, Ctrl-C, progress bar,
// summary, and writing redirected-link fixes.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>

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

// A one-line bar on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : m_enabled(enabled) {}
  ~ProgressBar() { clear(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(const LinkProgress& progress) {
    if (!m_enabled) return;
    bool last = progress.done == progress.total;
    if (!last && progress.seconds - m_drawn_at < 0.1 && m_drawn) return;
    m_drawn_at = progress.seconds;
    m_drawn = true;
    constexpr size_t k_width = 30;
    size_t filled = progress.total ? progress.done * k_width / progress.total : k_width;
    double rate = progress.seconds > 0 ? static_cast<double>(progress.done) / progress.seconds : 0;
    std::string line =
        fmt::format("\r\033[Klinks [{}{}] {}/{}  {} failed  {:.0f}/s", std::string(filled, '#'),
                    std::string(k_width - filled, '-'), progress.done, progress.total, progress.failures, rate);
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

  void clear() {
    if (m_enabled && m_drawn) std::fputs("\r\033[K", stderr);
    m_drawn = false;
  }

 private:
  bool m_enabled;
  bool m_drawn = false;
  double m_drawn_at = 0;
};

}  // namespace

LinkRun run_link_check(const Catalog& catalog, std::string_view text, const LinkOptions& options) {
  LinkCache cache = options.use_cache ? LinkCache::load(*options.cache_path) : LinkCache();
  if (!cache.warning().empty()) std::fprintf(stderr, "curate: warning: %s\n", cache.warning().c_str());
  std::unique_ptr<HttpClient> client = make_curl_http_client();
  LinkRun run;
  {
    InterruptGuard guard;
    ProgressBar bar(isatty(STDERR_FILENO) != 0);
    LinkCheckHooks hooks;
    hooks.cache = options.use_cache ? &cache : nullptr;
    hooks.cancelled = [] { return g_interrupted != 0; };
    hooks.progress = [&bar](const LinkProgress& progress) { bar.update(progress); };
    hooks.text = text;
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
  std::fprintf(stderr, "%s\n", format_link_summary(run.report.summary).c_str());
  return run;
}

namespace {

bool same_finding(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.begin.line == b.begin.line && a.begin.column == b.begin.column && a.message == b.message;
}

// The redirected-link findings still enabled once the rule's severity and
// the file's suppressions are applied: only those are fixed.
std::vector<UrlRewrite> enabled_rewrites(const Linter& linter, const FileFindings& findings,
                                         const std::vector<LinkFinding>& links) {
  FileFindings probe{findings.source, findings.catalog, findings.suppressions, {}, {}};
  for (const LinkFinding& link : links)
    if (link.diagnostic.fixable && !link.replacement.empty()) probe.diagnostics.push_back(link.diagnostic);
  std::vector<Diagnostic> kept = linter.finish(probe);
  std::vector<UrlRewrite> rewrites;
  for (const LinkFinding& link : links)
    for (const Diagnostic& diagnostic : kept)
      if (link.diagnostic.fixable && same_finding(diagnostic, link.diagnostic))
        rewrites.push_back({link.entry_line, link.url, link.replacement});
  return rewrites;
}

bool was_rewritten(const LinkFinding& link, const std::vector<UrlRewrite>& rewrites, const RewriteResult& result) {
  auto matches = [&](const UrlRewrite& r) { return r.line == link.entry_line && r.from == link.url; };
  return link.diagnostic.fixable && std::any_of(rewrites.begin(), rewrites.end(), matches) &&
         std::none_of(result.skipped.begin(), result.skipped.end(), matches);
}

}  // namespace

bool add_link_findings(const Linter& linter, const Config& config, const LinkCliOptions& cli, bool fix,
                       FileFindings& findings, std::string& notes) {
  LinkOptions options = resolve_link_options(cli, config, findings.source.path);
  LinkRun run = run_link_check(findings.catalog, findings.source.text, options);
  std::vector<LinkFinding> links = std::move(run.report.findings);
  std::vector<UrlRewrite> rewrites =
      fix && !run.interrupted ? enabled_rewrites(linter, findings, links) : std::vector<UrlRewrite>{};
  if (!rewrites.empty()) {
    RewriteResult result = rewrite_urls(findings.source, findings.catalog, config, rewrites);
    if (result.applied > 0) {
      const std::string& path = findings.source.path;
      FileStamp written =
          write_atomic(path, restore_layout(result.text, findings.source), stamp_to_replace(findings.source));
      notes += fmt::format("{}: fixed {} redirected link{}\n", path, result.applied, result.applied == 1 ? "" : "s");
      SourceFile updated = findings.source;
      updated.text = std::move(result.text);
      updated.stamp = written;
      findings = linter.lint(std::move(updated), config);
      links.erase(std::remove_if(links.begin(), links.end(),
                                 [&](const LinkFinding& link) { return was_rewritten(link, rewrites, result); }),
                  links.end());
    }
  }
  for (LinkFinding& link : links) findings.diagnostics.push_back(std::move(link.diagnostic));
  return run.interrupted;
}

}  // namespace curate::cli
