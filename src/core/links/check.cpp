#include "curate/links/check.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>
#include <re2/re2.h>

#include "curate/links/verdict.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

enum class TargetKind { network, syntax, excluded };

// One unique URL (fragment removed) and what became of it.
struct Target {
  std::string url;
  TargetKind kind = TargetKind::network;
  std::optional<LinkResult> result;
};

// One place a URL is written.
struct Occurrence {
  const Item* item = nullptr;
  std::string written;
  size_t target = 0;
};

// Network for http(s); syntax for mailto: and other schemes; nullopt for
// what is not an absolute URL (anchors, relative paths: offline rules).
std::optional<TargetKind> kind_of(const std::string& url) {
  UrlParts parts;
  if (!parse_url(url, parts)) {
    std::string lower = to_lower(url);
    bool web = starts_with(lower, "http:") || starts_with(lower, "https:");
    return web ? std::optional(TargetKind::syntax) : std::nullopt;
  }
  return (parts.scheme == "http" || parts.scheme == "https") ? TargetKind::network : TargetKind::syntax;
}

class UrlFilter {
 public:
  explicit UrlFilter(const LinkOptions& options) {
    for (const auto& pattern : options.include) m_include.push_back(std::make_unique<RE2>(pattern, RE2::Quiet));
    for (const auto& pattern : options.exclude) m_exclude.push_back(std::make_unique<RE2>(pattern, RE2::Quiet));
  }
  bool keeps(const std::string& url) const {
    auto matches = [&](const auto& regex) { return regex->ok() && RE2::PartialMatch(url, *regex); };
    if (!m_include.empty() && std::none_of(m_include.begin(), m_include.end(), matches)) return false;
    return std::none_of(m_exclude.begin(), m_exclude.end(), matches);
  }

 private:
  std::vector<std::unique_ptr<RE2>> m_include, m_exclude;
};

struct Collected {
  std::vector<Target> targets;
  std::vector<Occurrence> occurrences;
};

Collected collect_links(const Catalog& catalog, const LinkOptions& options) {
  Collected out;
  UrlFilter filter(options);
  std::unordered_map<std::string, size_t> index;
  for (const EntryRef& entry : collect_entries(catalog)) {
    std::vector<std::string> links = entry.item->links;
    if (entry.item->url && std::find(links.begin(), links.end(), *entry.item->url) == links.end())
      links.insert(links.begin(), *entry.item->url);
    std::vector<std::string> seen;
    for (const std::string& written : links) {
      if (std::find(seen.begin(), seen.end(), written) != seen.end()) continue;
      seen.push_back(written);
      std::string url = without_fragment(written);
      std::optional<TargetKind> kind = kind_of(url);
      if (!kind) continue;
      auto [it, inserted] = index.try_emplace(url, out.targets.size());
      if (inserted) out.targets.push_back({url, filter.keeps(url) ? *kind : TargetKind::excluded, std::nullopt});
      out.occurrences.push_back({entry.item, written, it->second});
    }
  }
  return out;
}

Severity default_severity(LinkVerdict verdict) {
  return (verdict == LinkVerdict::dead || verdict == LinkVerdict::timeout) ? Severity::error : Severity::warning;
}

// The fix keeps the fragment the list wrote, unless the new URL has its own.
std::string replacement_for(const std::string& written, const std::string& fix_url) {
  size_t hash = written.find('#');
  if (fix_url.empty() || hash == std::string::npos || fix_url.find('#') != std::string::npos) return fix_url;
  return fix_url + written.substr(hash);
}

// Where `written` appears in the item's first paragraph, when `text` is
// known; the item's list marker otherwise.
SourceSpan locate(const Occurrence& occurrence, const std::vector<size_t>& starts, std::string_view text) {
  const Item& item = *occurrence.item;
  SourceSpan span{item.pos, item.pos};
  if (text.empty() || item.pos.line < 1 || static_cast<size_t>(item.pos.line) > starts.size()) return span;
  size_t begin = starts[static_cast<size_t>(item.pos.line) - 1];
  size_t last = static_cast<size_t>(std::max(item.paragraph_end_line, item.pos.line));
  size_t end = last < starts.size() ? starts[last] : text.size();
  size_t at = text.substr(begin, end - begin).find(occurrence.written);
  if (at == std::string_view::npos) return span;
  at += begin;
  size_t line = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin());
  int column = static_cast<int>(at - starts[line - 1]) + 1;
  span.begin = {static_cast<int>(line), column};
  span.end = {static_cast<int>(line), column + static_cast<int>(occurrence.written.size()) - 1};
  return span;
}

std::vector<size_t> line_starts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

std::vector<LinkFinding> make_findings(const Collected& collected, const std::string& file, std::string_view text) {
  std::vector<size_t> starts = line_starts(text);
  std::vector<LinkFinding> findings;
  for (const Occurrence& occurrence : collected.occurrences) {
    const Target& target = collected.targets[occurrence.target];
    if (!target.result || target.result->verdict == LinkVerdict::ok) continue;
    const LinkResult& result = *target.result;
    LinkFinding finding;
    Diagnostic& diagnostic = finding.diagnostic;
    diagnostic.file = file;
    SourceSpan span = locate(occurrence, starts, text);
    diagnostic.begin = span.begin;
    diagnostic.end = span.end;
    diagnostic.rule = verdict_rule(result.verdict);
    diagnostic.severity = default_severity(result.verdict);
    diagnostic.message = occurrence.written + ": " + result.detail;
    diagnostic.fixable = result.verdict == LinkVerdict::redirected;
    finding.url = occurrence.written;
    finding.entry_line = occurrence.item->pos.line;
    if (diagnostic.fixable) finding.replacement = replacement_for(occurrence.written, result.fix_url);
    findings.push_back(std::move(finding));
  }
  return findings;
}

void count(const Target& target, LinkSummary& summary) {
  ++summary.total;
  if (target.kind == TargetKind::excluded) ++summary.excluded;
  if (!target.result) return;
  ++summary.checked;
  if (target.result->cached) ++summary.cached;
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

}  // namespace

std::vector<RuleInfo> link_rule_infos() {
  return {
      {"dead-link", "A link is broken: 404, 410 or another client error, or the host cannot be reached",
       Severity::error, false,
       "Checked with --links. The URL answered a client error (404, 410, …) or could not be reached (DNS failure, "
       "refused connection, TLS failure, a redirect loop) after retries. Fix or remove the link."},
      {"redirected-link", "A link redirects permanently to another URL", Severity::warning, true,
       "Checked with --links. The URL answers a permanent redirect (301/308); --fix writes the URL it leads to. "
       "Temporary redirects are not reported unless \"redirects\": \"all\"."},
      {"unverified-link", "A link could not be verified (rate limit, bot wall, host that blocks checkers)",
       Severity::warning, false,
       "Checked with --links. The host answered a persistent 429, a bot wall (Cloudflare challenge, 403 from a "
       "WAF), LinkedIn's 999, or is on the list of hosts that block automated checks. Check it in a browser."},
      {"timeout-link", "A link did not answer within the timeout, after retries", Severity::error, false,
       "Checked with --links. The host accepted no request or sent no answer within --timeout, every attempt."},
  };
}

namespace {

// Settles what needs no request (syntax-only URLs, fresh cache entries) and
// returns the indexes of the targets left to fetch.
std::vector<size_t> settle_offline(Collected& collected, const LinkOptions& options, const LinkCheckHooks& hooks,
                                   std::int64_t now, LinkProgress& progress) {
  std::vector<size_t> to_fetch;
  for (size_t i = 0; i < collected.targets.size(); ++i) {
    Target& target = collected.targets[i];
    if (target.kind == TargetKind::excluded) continue;
    ++progress.total;
    if (target.kind == TargetKind::syntax)
      target.result = check_link_syntax(target.url);
    else if (hooks.cache && options.use_cache)
      target.result = hooks.cache->lookup(target.url, now, options.max_age, options.accept);
    if (target.result)
      ++progress.done;
    else
      to_fetch.push_back(i);
  }
  return to_fetch;
}

bool is_failure(const LinkResult& result) {
  return result.verdict != LinkVerdict::ok && result.verdict != LinkVerdict::redirected;
}

}  // namespace

LinkReport check_catalog_links(const Catalog& catalog, const LinkOptions& options, HttpClient& client,
                               const LinkCheckHooks& hooks) {
  const Clock& clock = hooks.clock ? *hooks.clock : steady_clock_source();
  SteadyTime started = clock.now();
  std::int64_t now = hooks.now ? hooks.now : unix_now();
  Collected collected = collect_links(catalog, options);
  LinkProgress progress;
  std::vector<size_t> fetch_target = settle_offline(collected, options, hooks, now, progress);
  std::vector<std::string> urls;
  for (size_t index : fetch_target) urls.push_back(collected.targets[index].url);
  size_t requests = 0;
  SchedulerHooks scheduler_hooks;
  scheduler_hooks.clock = &clock;
  scheduler_hooks.cancelled = hooks.cancelled;
  scheduler_hooks.on_done = [&](size_t index, const LinkOutcome& outcome) {
    Target& target = collected.targets[fetch_target[index]];
    target.result = classify_outcome(target.url, outcome, options);
    requests += static_cast<size_t>(outcome.attempts);
    if (hooks.cache && options.use_cache) hooks.cache->record(target.url, *target.result, now);
    ++progress.done;
    if (is_failure(*target.result)) ++progress.failures;
    progress.seconds = std::chrono::duration<double>(clock.now() - started).count();
    if (hooks.progress) hooks.progress(progress);
  };
  if (hooks.progress) hooks.progress(progress);
  run_link_checks(urls, options, client, scheduler_hooks);

  LinkReport report;
  report.findings = make_findings(collected, catalog.path, hooks.text);
  for (const Target& target : collected.targets) count(target, report.summary);
  report.summary.requests = requests;
  report.summary.seconds = std::chrono::duration<double>(clock.now() - started).count();
  report.summary.interrupted = report.summary.checked + report.summary.excluded < report.summary.total;
  return report;
}

std::string format_link_summary(const LinkSummary& summary) {
  std::string text = fmt::format("links: {} checked, {} ok, {} redirected, {} unverified, {} dead", summary.checked,
                                 summary.ok, summary.redirected, summary.unverified, summary.dead + summary.timeout);
  if (summary.timeout) text += fmt::format(" ({} timed out)", summary.timeout);
  text += fmt::format(", {} cached", summary.cached);
  if (summary.excluded) text += fmt::format(", {} excluded", summary.excluded);
  text += fmt::format(", {} requests in {:.1f} s", summary.requests, summary.seconds);
  if (summary.interrupted)
    text += fmt::format(" (interrupted: {} of {} not checked)", summary.total - summary.checked - summary.excluded,
                        summary.total);
  return text;
}

}  // namespace curate
