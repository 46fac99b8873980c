#include "entry_helpers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

#include "curate/catalog/grammar.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

bool before(const SourcePos& a, const SourcePos& b) { return a.line != b.line ? a.line < b.line : a.column < b.column; }

bool digits(std::string_view text, size_t from, size_t count) {
  if (from + count > text.size()) return false;
  for (size_t i = from; i < from + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

}  // namespace

namespace {

bool may_have_metadata(const Item& item) {
  return item.url && !item.is_group && (item.style == EntryStyle::quoted || item.style == EntryStyle::plain);
}

using LinkIt = Links::const_iterator;

LinkIt first_link_at(const Links& links, SourcePos pos) {
  return std::lower_bound(links.begin(), links.end(), pos,
                          [](const LinkInfo& link, const SourcePos& p) { return before(link.span.begin, p); });
}

// The metadata link among the links from `it` (the first at or after the
// item's marker) to the end of the item's paragraph.
const LinkInfo* metadata_link_from(LinkIt it, LinkIt end, const Item& item) {
  int last_line = std::max(item.paragraph_end_line, item.pos.line);
  for (; it != end && it->span.begin.line <= last_line; ++it)
    if (!it->is_image && it->url == *item.url) return &*it;
  return nullptr;
}

}  // namespace

void visit_items(const LintContext& context, const std::vector<ItemCheck>& checks) {
  if (checks.empty()) return;
  const Links& links = context.links();
  // Items come in document order, so the first link at an item's marker is
  // found by a cursor that only moves forward (a search if ever they do not).
  LinkIt cursor = links.begin();
  SourcePos last{};
  std::string parents;
  auto visit = [&](const Item& item, const Section& section, const std::vector<Item>& siblings, size_t index) {
    const LinkInfo* meta = nullptr;
    if (may_have_metadata(item)) {
      if (before(item.pos, last)) cursor = first_link_at(links, item.pos);
      last = item.pos;
      while (cursor != links.end() && before(cursor->span.begin, item.pos)) ++cursor;
      meta = metadata_link_from(cursor, links.end(), item);
    }
    ItemVisit seen{
        item,     section, parents, meta, {item.pos.line, static_cast<int>(context.line(item.pos.line).size())},
        siblings, index};
    for (const ItemCheck& check : checks) check(seen);
  };
  auto walk_items = [&](const std::vector<Item>& items, const Section& section, auto&& self) -> void {
    for (size_t index = 0; index < items.size(); ++index) {
      const Item& item = items[index];
      visit(item, section, items, index);
      if (item.children.empty()) continue;
      size_t size = parents.size();
      parents += item.title;
      parents += '\x1f';
      self(item.children, section, self);
      parents.resize(size);
    }
  };
  auto walk_sections = [&](const Section& section, auto&& self) -> void {
    walk_items(section.items, section, walk_items);
    for (const Section& child : section.sections) self(child, self);
  };
  walk_sections(context.catalog().root, walk_sections);
}

namespace {

// Two neighbours of one vector of items are in one Markdown list when only
// blank lines separate them (a paragraph or a heading ends a list).
bool same_list(const LintContext& context, const Item& a, const Item& b) {
  if (a.source != EntrySource::list || b.source != EntrySource::list) return false;
  for (int line = a.span.end.line + 1; line < b.pos.line; ++line)
    if (!is_blank(context.line(line))) return false;
  return true;
}

}  // namespace

bool in_entry_list(const LintContext& context, const std::vector<Item>& siblings, size_t index) {
  size_t begin = index, end = index + 1;
  while (begin > 0 && same_list(context, siblings[begin - 1], siblings[begin])) --begin;
  while (end < siblings.size() && same_list(context, siblings[end - 1], siblings[end])) ++end;
  size_t linked = 0;
  for (size_t i = begin; i < end; ++i)
    if (siblings[i].url || !siblings[i].tags.empty()) ++linked;
  return linked * 2 >= end - begin;
}

namespace {

// "…, R. Al-Rfou et al.", "… approaches (2014), K. Cho": a paper's reference.
bool is_citation(std::string_view text) {
  if (text.find("et al") != std::string_view::npos) return true;
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1))
    if (open + 5 < text.size() && digits(text, open + 1, 4) && text[open + 5] == ')') return true;
  return false;
}

}  // namespace

bool reads_as_prose(std::string_view text) {
  static constexpr std::array<std::string_view, 24> k_sentence_words = {
      "is",    "are",   "was",  "were",  "be",  "you",    "you're", "your", "i",     "we",  "it's", "this",
      "these", "there", "will", "would", "can", "should", "see",    "need", "don't", "not", "also", "just"};
  std::vector<std::string_view> words = split_trimmed_views(text, " ");
  if (words.size() < 4) return false;
  size_t lower = 0;
  bool sentence_word = false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    while (!word.empty() && std::string_view(".,;:!?").find(word.back()) != std::string_view::npos)
      word.remove_suffix(1);
    if (i > 0 && !word.empty() && std::islower(static_cast<unsigned char>(word.front()))) ++lower;
    sentence_word = sentence_word || std::any_of(k_sentence_words.begin(), k_sentence_words.end(),
                                                 [&](std::string_view w) { return iequals(word, w); });
  }
  if (lower * 2 < words.size() - 1 || is_citation(text)) return false;
  char last = trim(text).back();
  return sentence_word || words.size() >= 8 || last == '.' || last == '!' || last == '?';
}

std::vector<std::string_view> metadata_fields(const LinkInfo& link) {
  if (is_format_label(link.text)) return {};
  return split_trimmed_views(link.text, ";");
}

std::string semicolon_metadata(const LinkInfo& link, const KindTable& kinds) {
  std::vector<std::string> out;
  for (std::string_view field : metadata_fields(link)) {
    std::vector<std::string_view> parts = split_trimmed_views(field, ",");
    bool all_meta = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](std::string_view part) {
                      return is_date_shape(part) || kinds.classify(part);
                    });
    if (all_meta)
      out.insert(out.end(), parts.begin(), parts.end());
    else
      out.emplace_back(field);
  }
  return join(out, "; ");
}

bool looks_like_date(std::string_view text) {
  auto separator = [&](size_t at) {
    return at < text.size() && (text[at] == '-' || text[at] == '/' || text[at] == '.');
  };
  // YYYY-M, YYYY-MM-D, YYYY/MM/DD …
  if (digits(text, 0, 4) && separator(4)) {
    size_t at = 5, parts = 0;
    while (at < text.size()) {
      size_t len = 0;
      while (digits(text, at + len, 1)) ++len;
      if (len < 1 || len > 2) return false;
      ++parts;
      at += len;
      if (at == text.size()) break;
      if (!separator(at)) return false;
      ++at;
    }
    return parts >= 1 && parts <= 2 && at == text.size();
  }
  // DD.MM.YYYY, MM/DD/YYYY
  size_t first = 0;
  while (digits(text, first, 1)) ++first;
  if (first < 1 || first > 2 || !separator(first)) return false;
  size_t second = first + 1, len = 0;
  while (digits(text, second + len, 1)) ++len;
  return len >= 1 && len <= 2 && separator(second + len) && digits(text, second + len + 1, 4) &&
         second + len + 5 == text.size();
}

bool may_hold_date(std::string_view text) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    bool separator = c == '/' || c == '.' || c == '-';
    // "2021/05", "03.05.2021" and "2021-5" need a separator between digits that
    // is not the "-DD" of a well-formed date.
    if (separator && digit(i - 1) && digit(i + 1) && (c != '-' || !digit(i + 2))) return true;
  }
  return false;
}

SourcePos locate_in_line(const LintContext& context, SourcePos from, const std::string& needle) {
  std::string_view line = context.line(from.line);
  size_t start = from.column > 0 ? static_cast<size_t>(from.column - 1) : 0;
  size_t at = start < line.size() ? line.find(needle, start) : std::string_view::npos;
  if (at == std::string_view::npos) return from;
  return {from.line, static_cast<int>(at) + 1};
}

}  // namespace curate
