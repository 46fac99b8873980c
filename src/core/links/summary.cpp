// The link rules' descriptions and the summary lines a check ends with.
#include <algorithm>

#include <fmt/format.h>

#include "curate/links/check.hpp"

namespace curate {

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
      {"remote-anchor", "A link's #fragment names no element of the page it points to", Severity::warning, false,
       "Checked with --links --check-fragments. The HTML page has no element with that id or name (GitHub's "
       "user-content- prefix understood), so the reader lands at the top of the page. Pages that build their "
       "anchors with script cannot be checked this way: suppress the finding for them."},
      {"repo-archived", "A link points into an archived GitHub repository", Severity::warning, false,
       "Checked with --links or --repos (needs GITHUB_TOKEN). The owner archived the repository: it is read-only "
       "and no longer maintained. Consider removing the entry or marking it."},
      {"repo-moved", "A link points to a GitHub repository under its old name", Severity::warning, true,
       "Checked with --links or --repos (needs GITHUB_TOKEN). The repository was renamed or transferred; GitHub "
       "redirects for now, until someone takes the old name. --fix writes the new URL, unless the list already has "
       "it: then the entry is a duplicate."},
      {"repo-gone", "A link points to a GitHub repository that no longer exists", Severity::error, false,
       "Checked with --links or --repos (needs GITHUB_TOKEN). GitHub knows no repository by that name, old or new: "
       "it was deleted or made private."},
      {"repo-stale", "A link points to a GitHub repository without a push for a long time", Severity::warning, false,
       "Checked with --links or --repos (needs GITHUB_TOKEN). Nothing was pushed to the repository for longer "
       "than \"stale_after\" in .curate.json \"links\" (default 3 years). Archived repositories get repo-archived "
       "instead. Turn it off with \"rules\": {\"repo-stale\": \"off\"} when finished projects are welcome."},
  };
}

std::string format_link_summary(const LinkSummary& summary) {
  std::string text = fmt::format("links: {} checked, {} ok, {} redirected, {} unverified, {} dead", summary.checked,
                                 summary.ok, summary.redirected, summary.unverified, summary.dead + summary.timeout);
  if (summary.timeout) text += fmt::format(" ({} timed out)", summary.timeout);
  text += fmt::format(", {} cached", summary.cached);
  if (summary.from_repos) text += fmt::format(", {} by the repository check", summary.from_repos);
  if (summary.excluded) text += fmt::format(", {} excluded", summary.excluded);
  text += fmt::format(", {} requests in {:.1f} s", summary.requests, summary.seconds);
  if (!summary.unchecked.empty())
    text +=
        fmt::format(" (interrupted: {} of {} not checked)", summary.unchecked.size(), summary.total - summary.excluded);
  return text;
}

std::string format_repo_summary(const LinkSummary& summary) {
  std::string text =
      fmt::format("repos: {} checked, {} archived, {} moved, {} gone, {} stale", summary.repos - summary.repos_unknown,
                  summary.repos_archived, summary.repos_moved, summary.repos_gone, summary.repos_stale);
  if (summary.repos_unknown) text += fmt::format(", {} not answered", summary.repos_unknown);
  text += fmt::format(", {} cached, {} GraphQL quer{}", summary.repos_cached, summary.repo_queries,
                      summary.repo_queries == 1 ? "y" : "ies");
  if (summary.repo_rest)
    text += fmt::format(", {} REST request{}", summary.repo_rest, summary.repo_rest == 1 ? "" : "s");
  return text;
}

namespace {

// A URL pending this long is named in the progress bar.
constexpr double k_slow_seconds = 5;

// Where a cut at `at` keeps whole UTF-8 characters (moves back to the start
// of the character `at` is inside).
size_t char_boundary(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// `text` in at most `room` bytes, its middle replaced by "...".
std::string shorten(std::string_view text, size_t room) {
  if (text.size() <= room) return std::string(text);
  if (room < 5) return std::string(text.substr(0, char_boundary(text, room)));
  size_t tail = (room - 3) / 2;
  size_t head = char_boundary(text, room - 3 - tail);
  size_t tail_start = text.size() - tail;
  while (tail_start < text.size() && (static_cast<unsigned char>(text[tail_start]) & 0xC0) == 0x80) ++tail_start;
  return std::string(text.substr(0, head)) + "..." + std::string(text.substr(tail_start));
}

// " 8/9", " 1 failed", then " 3.2/s" unless the run is waiting for a slow
// URL (then the URL matters more): each only when it fits in `room`.
std::string counts(const LinkProgress& progress, bool slow, size_t room) {
  std::vector<std::string> parts = {fmt::format(" {}/{}", progress.done, progress.total)};
  if (progress.failures) parts.push_back(fmt::format(" {} failed", progress.failures));
  if (!progress.repos && !slow && progress.seconds > 0) {
    double rate = static_cast<double>(progress.done) / progress.seconds;
    parts.push_back(rate < 10 ? fmt::format(" {:.1f}/s", rate) : fmt::format(" {:.0f}/s", rate));
  }
  std::string out;
  for (const std::string& part : parts)
    if (out.size() + part.size() <= room) out += part;
  return out;
}

// " waiting 27s: host/path", the URL without its scheme and shortened to
// what `room` leaves; " 27s: host/path" when that leaves too little, and
// no URL at all when even that does.
std::string waiting_text(const LinkProgress& progress, size_t room) {
  constexpr size_t k_least_url = 12;
  std::string_view url = progress.slowest;
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  std::string waiting = fmt::format(" waiting {:.0f}s", progress.slowest_seconds);
  std::string compact = fmt::format(" {:.0f}s", progress.slowest_seconds);
  for (const std::string& prefix : {waiting, compact})
    if (room >= prefix.size() + 2 + k_least_url) return prefix + ": " + shorten(url, room - prefix.size() - 2);
  return waiting.size() <= room ? waiting : "";
}

}  // namespace

// Label and counts first; then the slow URL and the bar share the rest,
// the URL first (up to 50 columns) as it says what the run waits for.
std::string format_progress_bar(const LinkProgress& progress, size_t width) {
  size_t room = width > 1 ? width - 1 : 0;
  std::string label = progress.repos ? "repos" : "links";
  if (label.size() > room) return "";
  bool slow = !progress.slowest.empty() && progress.slowest_seconds >= k_slow_seconds;
  std::string numbers = counts(progress, slow, room - label.size());
  size_t left = room - label.size() - numbers.size();
  size_t slow_wants = slow ? std::min<size_t>(14 + progress.slowest.size(), 50) : 0;
  size_t bar = left > slow_wants + 3 ? std::min<size_t>(30, left - slow_wants - 3) : 0;
  std::string line = label;
  if (bar >= 5) {
    size_t filled = progress.total ? std::min(progress.done, progress.total) * bar / progress.total : bar;
    line += " [" + std::string(filled, '#') + std::string(bar - filled, '-') + "]";
  }
  line += numbers;
  if (slow) line += waiting_text(progress, room - line.size());
  return line;
}

std::string format_progress_line(const LinkProgress& progress) {
  std::string line =
      fmt::format("{}: {}/{} checked", progress.repos ? "repos" : "links", progress.done, progress.total);
  if (progress.failures) line += fmt::format(", {} failed", progress.failures);
  line += fmt::format(", {:.0f} s", progress.seconds);
  if (!progress.slowest.empty())
    line += fmt::format("; waiting {:.0f} s on {}", progress.slowest_seconds, progress.slowest);
  return line;
}

std::string format_unchecked(const LinkSummary& summary, size_t limit) {
  std::string text;
  for (size_t i = 0; i < summary.unchecked.size() && i < limit; ++i)
    text += "not checked: " + summary.unchecked[i] + "\n";
  if (summary.unchecked.size() > limit) text += fmt::format("… and {} more\n", summary.unchecked.size() - limit);
  return text;
}

}  // namespace curate
