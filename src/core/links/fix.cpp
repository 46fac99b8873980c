#include "curate/links/fix.hpp"

#include <algorithm>
#include <map>

#include "collect.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/text/error.hpp"

namespace curate {
namespace {

// Where a written URL may start: a link destination "(", an autolink "<",
// or a bare URL after whitespace.
bool starts_url(const std::string& text, size_t at) {
  if (at == 0) return true;
  char before = text[at - 1];
  return before == '(' || before == '<' || before == ' ' || before == '\t' || before == '\n';
}

// Whether the URL written at [.., at) ends there, so "…/page" never matches
// inside "…/page2".
bool ends_url(const std::string& text, size_t at) {
  if (at >= text.size()) return true;
  char after = text[at];
  if (std::string_view(")> \t\n\"").find(after) != std::string_view::npos) return true;
  // A bare URL's trailing punctuation is not part of it (GFM autolinks).
  bool punctuation = std::string_view(".,;:!?*_~'").find(after) != std::string_view::npos;
  return punctuation && ends_url(text, at + 1);
}

// Replaces within [begin, end) and moves `end` with the text.
size_t replace_in(std::string& text, size_t begin, size_t& end, const std::string& from, const std::string& to) {
  size_t count = 0;
  for (size_t at = text.find(from, begin); at != std::string::npos && at + from.size() <= end;
       at = text.find(from, at + 1)) {
    if (!starts_url(text, at) || !ends_url(text, at + from.size())) continue;
    text.replace(at, from.size(), to);
    end = end + to.size() - from.size();
    at += to.size() - 1;
    ++count;
  }
  return count;
}

std::string mapped(const std::string& url, const std::vector<UrlRewrite>& rewrites) {
  for (const auto& rewrite : rewrites)
    if (rewrite.from == url) return rewrite.to;
  return url;
}

bool same_fields(const Item& before, const Item& after) {
  return before.title == after.title && before.description == after.description && before.note == after.note &&
         before.tags == after.tags && before.authors == after.authors && before.kinds == after.kinds &&
         before.date == after.date && before.pos.line == after.pos.line;
}

// Every entry keeps its fields; its links change exactly as rewritten.
void verify(const Catalog& before, const Catalog& after, const std::map<int, std::vector<UrlRewrite>>& by_line) {
  std::vector<EntryRef> old_entries = collect_entries(before), new_entries = collect_entries(after);
  if (old_entries.size() != new_entries.size())
    throw Error(before.path, 0, 0, "--fix: refusing to write: the rewrite would change the number of entries");
  static const std::vector<UrlRewrite> k_none;
  for (size_t i = 0; i < old_entries.size(); ++i) {
    const Item& old_item = *old_entries[i].item;
    const Item& new_item = *new_entries[i].item;
    auto found = by_line.find(old_item.pos.line);
    const auto& rewrites = found == by_line.end() ? k_none : found->second;
    std::vector<std::string> expected;
    for (const auto& link : old_item.links) expected.push_back(mapped(link, rewrites));
    std::optional<std::string> expected_url =
        old_item.url ? std::optional(mapped(*old_item.url, rewrites)) : std::nullopt;
    if (!same_fields(old_item, new_item) || expected != new_item.links || expected_url != new_item.url)
      throw Error(before.path, old_item.pos.line, old_item.pos.column,
                  "--fix: refusing to write: the entry would change beyond its rewritten URLs");
  }
}

}  // namespace

RewriteResult rewrite_urls(const SourceFile& source, const Catalog& catalog, const Config& config,
                           const std::vector<UrlRewrite>& rewrites) {
  std::map<int, const Item*> items;
  for (const EntryRef& entry : collect_entries(catalog)) items[entry.item->pos.line] = entry.item;
  std::map<int, std::vector<UrlRewrite>> by_line;
  for (const auto& rewrite : rewrites) {
    auto& list = by_line[rewrite.line];
    bool duplicate = std::any_of(list.begin(), list.end(), [&](const UrlRewrite& r) { return r.from == rewrite.from; });
    if (!duplicate && rewrite.from != rewrite.to) list.push_back(rewrite);
  }
  RewriteResult result;
  result.text = source.text;
  std::vector<size_t> starts = line_starts(source.text);
  // Bottom-up, so the offsets of lines above stay valid.
  for (auto it = by_line.rbegin(); it != by_line.rend(); ++it) {
    auto item = items.find(it->first);
    int prose_last = 0;
    for (const auto& rewrite : it->second) prose_last = std::max(prose_last, rewrite.last_line);
    bool known = item != items.end() || prose_last > 0;
    if (!known || it->first < 1 || static_cast<size_t>(it->first) > starts.size()) {
      result.skipped.insert(result.skipped.end(), it->second.begin(), it->second.end());
      continue;
    }
    int paragraph_end = item != items.end() ? item->second->paragraph_end_line : prose_last;
    size_t last_line = static_cast<size_t>(std::max(paragraph_end, it->first));
    size_t begin = starts[static_cast<size_t>(it->first) - 1];
    size_t end = last_line < starts.size() ? starts[last_line] : result.text.size();
    for (const auto& rewrite : it->second) {
      size_t count = replace_in(result.text, begin, end, rewrite.from, rewrite.to);
      if (count == 0) result.skipped.push_back(rewrite);
      result.applied += count;
    }
  }
  for (const auto& skipped : result.skipped) {
    auto& list = by_line[skipped.line];
    list.erase(std::remove_if(list.begin(), list.end(), [&](const UrlRewrite& r) { return r.from == skipped.from; }),
               list.end());
  }
  verify(catalog, parse_catalog(source_from_bytes(source.path, result.text), config), by_line);
  return result;
}

}  // namespace curate
