#include "curate/links/check.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "collect.hpp"
#include "curate/links/repos.hpp"
#include "curate/links/verdict.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

Severity default_severity(const std::string& rule) {
  static const std::unordered_map<std::string, Severity> k_severities = [] {
    std::unordered_map<std::string, Severity> out;
    for (const RuleInfo& info : link_rule_infos()) out[info.id] = info.default_severity;
    return out;
  }();
  auto found = k_severities.find(rule);
  return found == k_severities.end() ? Severity::warning : found->second;
}

// The fix keeps the fragment the list wrote, unless the new URL has its own.
std::string replacement_for(const std::string& written, const std::string& fix_url) {
  size_t hash = written.find('#');
  if (fix_url.empty() || hash == std::string::npos || fix_url.find('#') != std::string::npos) return fix_url;
  return fix_url + written.substr(hash);
}

bool is_failure(const LinkResult& result) {
  return result.verdict != LinkVerdict::ok && result.verdict != LinkVerdict::redirected;
}

double seconds_between(SteadyTime from, SteadyTime to) { return std::chrono::duration<double>(to - from).count(); }

// Runs the checks and turns their results into findings.
class CatalogCheck {
 public:
  CatalogCheck(const Catalog& catalog, const LinkOptions& options, HttpClient& client, const LinkCheckHooks& hooks)
      : m_catalog(catalog),
        m_options(options),
        m_client(client),
        m_hooks(hooks),
        m_clock(hooks.clock ? *hooks.clock : steady_clock_source()),
        m_started(m_clock.now()),
        m_now(hooks.now ? hooks.now : unix_now()),
        m_collected(collect_links(catalog, hooks.text, hooks.document_links, options)) {}

  LinkReport run() {
    if (m_options.check_repos) check_repos();
    if (m_options.check_http) check_http();
    for (const Occurrence& occurrence : m_collected.occurrences) add_findings(occurrence);
    summarise();
    return std::move(m_report);
  }

 private:
  void report_progress() {
    m_progress.seconds = seconds_between(m_started, m_clock.now());
    if (m_hooks.progress) m_hooks.progress(m_progress);
  }

  void check_repos() {
    std::vector<RepoRef> repos;
    std::unordered_map<std::string, bool> seen;
    for (const Target& target : m_collected.targets)
      if (target.repo && target.kind == TargetKind::network && seen.emplace(target.repo->repo.key(), true).second)
        repos.push_back(target.repo->repo);
    if (repos.empty()) return;
    RepoCheckHooks hooks;
    hooks.cache = m_hooks.cache;
    hooks.now = m_now;
    hooks.cancelled = m_hooks.cancelled;
    hooks.clock = &m_clock;
    hooks.progress = [this](size_t done, size_t total) {
      m_progress.repos = true;
      m_progress.done = done;
      m_progress.total = total;
      report_progress();
    };
    m_repos = check_repositories(repos, m_options, m_client, hooks);
    m_report.notes = m_repos.notes;
    settle_repo_pages();
  }

  // A repository's own page needs no request once GitHub has said what
  // became of the repository (GitHub also rate-limits such requests).
  void settle_repo_pages() {
    for (Target& target : m_collected.targets) {
      if (!target.repo || !target.repo->root || !target.fragments.empty()) continue;
      auto status = m_repos.repos.find(target.repo->repo.key());
      if (status == m_repos.repos.end() || status->second.lookup == RepoLookup::unknown) continue;
      target.result = LinkResult{};
      target.answered_by_repo = true;
    }
  }

  // Settles what needs no request (syntax-only URLs, fresh cache entries)
  // and returns the targets left to fetch.
  std::vector<size_t> settle_offline() {
    std::vector<size_t> to_fetch;
    for (size_t i = 0; i < m_collected.targets.size(); ++i) {
      Target& target = m_collected.targets[i];
      if (target.kind == TargetKind::excluded) continue;
      ++m_progress.total;
      // A page searched for fragments is read again: the cache keeps statuses, not pages.
      bool cacheable = m_hooks.cache && m_options.use_cache && target.fragments.empty();
      if (target.kind == TargetKind::syntax)
        target.result = check_link_syntax(target.url);
      else if (!target.result && cacheable)
        target.result = m_hooks.cache->lookup(target.url, m_now, m_options.max_age, m_options.accept);
      if (target.result)
        ++m_progress.done;
      else
        to_fetch.push_back(i);
    }
    return to_fetch;
  }

  void check_http() {
    m_progress = LinkProgress{};
    std::vector<size_t> fetch = settle_offline();
    std::vector<LinkTarget> targets;
    for (size_t index : fetch)
      targets.push_back({m_collected.targets[index].url, m_collected.targets[index].fragments});
    SchedulerHooks hooks;
    hooks.clock = &m_clock;
    hooks.cancelled = m_hooks.cancelled;
    hooks.on_done = [&](size_t index, const LinkOutcome& outcome) {
      Target& target = m_collected.targets[fetch[index]];
      target.result = classify_outcome(target.url, outcome, m_options);
      m_requests += static_cast<size_t>(outcome.attempts);
      if (m_hooks.cache && m_options.use_cache) m_hooks.cache->record(target.url, *target.result, m_now);
      ++m_progress.done;
      if (is_failure(*target.result)) ++m_progress.failures;
    };
    hooks.on_tick = [&](const std::optional<PendingLink>& oldest) {
      m_progress.slowest = oldest ? oldest->url : "";
      m_progress.slowest_seconds = oldest ? seconds_between(oldest->since, m_clock.now()) : 0;
      report_progress();
    };
    report_progress();
    run_link_checks(targets, m_options, m_client, hooks);
  }

  LinkFinding finding(const Occurrence& occurrence, const std::string& rule, std::string message) const {
    LinkFinding out;
    Diagnostic& diagnostic = out.diagnostic;
    diagnostic.file = m_catalog.path;
    diagnostic.begin = occurrence.span.begin;
    diagnostic.end = occurrence.span.end;
    diagnostic.rule = rule;
    diagnostic.severity = default_severity(rule);
    diagnostic.message = std::move(message);
    out.url = occurrence.written;
    out.fix_line = occurrence.fix_line;
    out.fix_last_line = occurrence.fix_last_line;
    return out;
  }

  void add_findings(const Occurrence& occurrence) {
    const Target& target = m_collected.targets[occurrence.target];
    std::vector<RepoFinding> repo = repo_findings_for(occurrence, target);
    auto has = [&](const char* rule) {
      return std::any_of(repo.begin(), repo.end(), [&](const RepoFinding& f) { return f.rule == rule; });
    };
    if (target.result && target.result->verdict != LinkVerdict::ok) {
      const LinkResult& result = *target.result;
      // The repository's finding says it better: moved, not redirected; gone, not 404.
      bool explained = (result.verdict == LinkVerdict::redirected && has("repo-moved")) ||
                       (result.verdict == LinkVerdict::dead && has("repo-gone"));
      if (!explained) add_link_finding(occurrence, result);
    }
    if (target.result && !is_failure(*target.result)) add_fragment_finding(occurrence, *target.result);
    for (RepoFinding& found : repo) add_repo_finding(occurrence, found);
  }

  void add_link_finding(const Occurrence& occurrence, const LinkResult& result) {
    LinkFinding out = finding(occurrence, verdict_rule(result.verdict), occurrence.written + ": " + result.detail);
    out.diagnostic.fixable = result.verdict == LinkVerdict::redirected;
    if (out.diagnostic.fixable) out.replacement = replacement_for(occurrence.written, result.fix_url);
    m_report.findings.push_back(std::move(out));
  }

  void add_fragment_finding(const Occurrence& occurrence, const LinkResult& result) {
    if (occurrence.fragment.empty() || !result.fragments_scanned) return;
    const auto& found = result.fragments_found;
    if (std::find(found.begin(), found.end(), occurrence.fragment) != found.end()) return;
    m_report.findings.push_back(finding(
        occurrence, "remote-anchor",
        fmt::format("{}: the page has no element with id or name \"{}\"", occurrence.written, occurrence.fragment)));
  }

  std::vector<RepoFinding> repo_findings_for(const Occurrence& occurrence, const Target& target) const {
    if (!target.repo) return {};
    auto status = m_repos.repos.find(target.repo->repo.key());
    if (status == m_repos.repos.end()) return {};
    return repo_findings(occurrence.written, *target.repo, status->second, m_now, m_options);
  }

  // A moved entry whose new URL the list already has is a duplicate:
  // rewriting it would only make the duplicate exact.
  void add_repo_finding(const Occurrence& occurrence, RepoFinding& found) {
    LinkFinding out = finding(occurrence, found.rule, std::move(found.message));
    if (found.rule == "repo-moved") {
      int duplicate = occurrence.in_entry ? entry_line_of(found.replacement) : 0;
      if (duplicate)
        out.diagnostic.message +=
            fmt::format(", which the list already has (line {}): this entry is a duplicate", duplicate);
      else
        out.replacement = std::move(found.replacement);
      out.diagnostic.fixable = !duplicate;
    }
    m_report.findings.push_back(std::move(out));
  }

  // The line of the entry whose URL is `url` (compared normalised); 0 if none.
  int entry_line_of(const std::string& url) {
    if (m_entry_urls.empty())
      for (const EntryRef& entry : collect_entries(m_catalog))
        if (entry.item->url) m_entry_urls.try_emplace(normalize_url(*entry.item->url), entry.item->pos.line);
    auto found = m_entry_urls.find(normalize_url(url));
    return found == m_entry_urls.end() ? 0 : found->second;
  }

  void count(const Target& target) {
    LinkSummary& summary = m_report.summary;
    ++summary.total;
    if (target.kind == TargetKind::excluded) ++summary.excluded;
    if (target.kind == TargetKind::excluded) return;
    if (!target.result) {
      summary.unchecked.push_back(target.url);
      return;
    }
    ++summary.checked;
    if (target.result->cached) ++summary.cached;
    if (target.answered_by_repo) ++summary.from_repos;
    switch (target.result->verdict) {
      case LinkVerdict::ok:
        ++summary.ok;
        break;
      case LinkVerdict::redirected:
        ++summary.redirected;
        break;
      case LinkVerdict::unverified:
        ++summary.unverified;
        break;
      case LinkVerdict::dead:
        ++summary.dead;
        break;
      case LinkVerdict::timeout:
        ++summary.timeout;
        break;
    }
  }

  void count_repos() {
    LinkSummary& summary = m_report.summary;
    summary.repos_checked = !m_repos.skipped && !m_repos.repos.empty();
    summary.repos = m_repos.repos.size();
    summary.repos_cached = m_repos.cached;
    summary.repo_queries = m_repos.queries;
    summary.repo_rest = m_repos.rest_requests;
    std::unordered_map<std::string, bool> seen;
    for (const Target& target : m_collected.targets) {
      if (!target.repo || !seen.emplace(target.repo->repo.key(), true).second) continue;
      auto found_status = m_repos.repos.find(target.repo->repo.key());
      if (found_status == m_repos.repos.end()) continue;
      const RepoStatus& status = found_status->second;
      if (status.lookup == RepoLookup::unknown) ++summary.repos_unknown;
      if (status.lookup == RepoLookup::not_found) ++summary.repos_gone;
      if (status.lookup != RepoLookup::found) continue;
      for (const RepoFinding& found : repo_findings(target.url, *target.repo, status, m_now, m_options)) {
        if (found.rule == "repo-archived") ++summary.repos_archived;
        if (found.rule == "repo-moved") ++summary.repos_moved;
        if (found.rule == "repo-stale") ++summary.repos_stale;
      }
    }
  }

  void summarise() {
    LinkSummary& summary = m_report.summary;
    if (m_options.check_http)
      for (const Target& target : m_collected.targets) count(target);
    count_repos();
    summary.requests = m_requests;
    summary.seconds = seconds_between(m_started, m_clock.now());
    bool cancelled = m_hooks.cancelled && m_hooks.cancelled();
    summary.interrupted = !summary.unchecked.empty() || (cancelled && summary.repos_unknown > 0);
  }

  const Catalog& m_catalog;
  const LinkOptions& m_options;
  HttpClient& m_client;
  const LinkCheckHooks& m_hooks;
  const Clock& m_clock;
  SteadyTime m_started;
  std::int64_t m_now;
  Collected m_collected;
  RepoCheck m_repos;
  LinkProgress m_progress;
  size_t m_requests = 0;
  std::unordered_map<std::string, int> m_entry_urls;
  LinkReport m_report;
};

}  // namespace

LinkReport check_catalog_links(const Catalog& catalog, const LinkOptions& options, HttpClient& client,
                               const LinkCheckHooks& hooks) {
  return CatalogCheck(catalog, options, client, hooks).run();
}

}  // namespace curate
