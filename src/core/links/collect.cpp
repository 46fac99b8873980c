#include "collect.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include <re2/re2.h>

#include "curate/links/fragments.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

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

// Where `written` appears in lines [first, last] from `from` on; `fallback`
// when the text is unknown or does not hold it as written (escapes).
SourceSpan locate(const std::string& written, size_t from, int last, const std::vector<size_t>& starts,
                  std::string_view text, SourceSpan fallback) {
  if (text.empty() || last < 1 || from > text.size()) return fallback;
  size_t end = static_cast<size_t>(last) < starts.size() ? starts[static_cast<size_t>(last)] : text.size();
  size_t at = end > from ? text.substr(from, end - from).find(written) : std::string_view::npos;
  if (at == std::string_view::npos) return fallback;
  at += from;
  size_t line = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin());
  int column = static_cast<int>(at - starts[line - 1]) + 1;
  return {{static_cast<int>(line), column}, {static_cast<int>(line), column + static_cast<int>(written.size()) - 1}};
}

class Collector {
 public:
  Collector(std::string_view text, const LinkOptions& options)
      : m_text(text), m_starts(line_starts(text)), m_options(options), m_filter(options) {}

  void add_entries(const Catalog& catalog) {
    for (const EntryRef& entry : collect_entries(catalog)) {
      const Item& item = *entry.item;
      std::vector<std::string> links = item.links;
      if (item.url && std::find(links.begin(), links.end(), *item.url) == links.end())
        links.insert(links.begin(), *item.url);
      int last = std::max(item.paragraph_end_line, item.pos.line);
      EntryLines& lines = m_entry_lines[item.pos.line];
      lines.last = std::max(lines.last, last);
      std::vector<std::string>& written_here = lines.links;
      for (const std::string& written : links) {
        if (std::find(written_here.begin(), written_here.end(), written) != written_here.end()) continue;
        written_here.push_back(written);
        SourceSpan span = locate(written, offset_of(item.pos.line, 1), last, m_starts, m_text, {item.pos, item.pos});
        add(written, span, true, item.pos.line, 0);
      }
    }
  }

  // Links outside entries: paragraphs, block quotes, headings, tables that
  // are not entries. A link inside an entry's first paragraph is the entry's.
  void add_prose(const std::vector<DocumentLink>& links) {
    for (const DocumentLink& link : links) {
      if (in_entry(link)) continue;
      int first = link.span.begin.line, last = std::max(link.span.end.line, first);
      SourceSpan span = locate(link.url, offset_of(first, link.span.begin.column), last, m_starts, m_text, link.span);
      add(link.url, span, false, first, last);
    }
  }

  Collected take() { return std::move(m_out); }

 private:
  size_t offset_of(int line, int column) const {
    if (line < 1 || static_cast<size_t>(line) > m_starts.size()) return m_text.size() + 1;
    return m_starts[static_cast<size_t>(line) - 1] + static_cast<size_t>(std::max(column, 1) - 1);
  }

  // Entries' first paragraphs never overlap: only the last one to start at
  // or before the link's line can hold it.
  bool in_entry(const DocumentLink& link) const {
    int line = link.span.begin.line;
    auto after = m_entry_lines.upper_bound(line);
    if (after == m_entry_lines.begin()) return false;
    const EntryLines& lines = std::prev(after)->second;
    return lines.last >= line && std::find(lines.links.begin(), lines.links.end(), link.url) != lines.links.end();
  }

  void add(const std::string& written, SourceSpan span, bool in_entry, int fix_line, int fix_last_line) {
    std::string url = without_fragment(written);
    std::optional<TargetKind> kind = kind_of(url);
    if (!kind) return;
    auto [it, inserted] = m_index.try_emplace(url, m_out.targets.size());
    if (inserted) {
      Target target{url, m_filter.keeps(url) ? *kind : TargetKind::excluded, {}, std::nullopt, std::nullopt, false};
      if (target.kind == TargetKind::network) target.repo = github_repo_of(url, host_key(m_options.github_server));
      m_out.targets.push_back(std::move(target));
    }
    Occurrence occurrence{written, it->second, span, in_entry, fix_line, fix_last_line, wanted_fragment(written)};
    Target& target = m_out.targets[it->second];
    const std::string& fragment = occurrence.fragment;
    if (!fragment.empty() && target.kind == TargetKind::network &&
        std::find(target.fragments.begin(), target.fragments.end(), fragment) == target.fragments.end())
      target.fragments.push_back(fragment);
    m_out.occurrences.push_back(std::move(occurrence));
  }

  std::string wanted_fragment(const std::string& written) const {
    size_t hash = written.find('#');
    if (!m_options.check_fragments || hash == std::string::npos) return "";
    std::string fragment = percent_decode(std::string_view(written).substr(hash + 1));
    UrlParts parts;
    if (!parse_url(written, parts) || !is_checkable_fragment(fragment, parts.host)) return "";
    return fragment;
  }

  std::string_view m_text;
  std::vector<size_t> m_starts;
  const LinkOptions& m_options;
  UrlFilter m_filter;
  std::unordered_map<std::string, size_t> m_index;
  struct EntryLines {
    int last = 0;                    // the last line of the first paragraph
    std::vector<std::string> links;  // as written
  };
  std::map<int, EntryLines> m_entry_lines;  // by the entry's first line
  Collected m_out;
};

}  // namespace

std::vector<size_t> line_starts(std::string_view text) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

Collected collect_links(const Catalog& catalog, std::string_view text, const std::vector<DocumentLink>* document_links,
                        const LinkOptions& options) {
  Collector collector(text, options);
  collector.add_entries(catalog);
  if (document_links) collector.add_prose(*document_links);
  return collector.take();
}

}  // namespace curate
