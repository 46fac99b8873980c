// Running the link check from the CLI: cache file, Ctrl-C, progress bar,
// summary, and writing redirected-link fixes.
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include <fmt/format.h>

#include "curate/error.hpp"
#include "curate/link_fix.hpp"
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

LinkRun run_link_check(const LoadedList& list, const LinkOptions& options) {
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
    run.report = check_catalog_links(list.catalog, options, *client, hooks);
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

size_t apply_link_fixes(const LoadedList& list, const LinkReport& report) {
  std::vector<UrlRewrite> rewrites;
  for (const LinkFinding& finding : report.findings)
    if (finding.diagnostic.fixable && !finding.replacement.empty())
      rewrites.push_back({finding.diagnostic.begin.line, finding.url, finding.replacement});
  if (rewrites.empty()) return 0;
  if (list.source.path == "-") throw Error("--fix cannot rewrite standard input");
  RewriteResult result = rewrite_urls(list.source, list.catalog, list.config, rewrites);
  if (result.applied > 0) write_atomic(list.source.path, restore_layout(result.text, list.source));
  return result.applied;
}

}  // namespace curate::cli
