// The safety net (DESIGN.md "Invariants"): proves that a rewritten list says
// what the original said before anything is written or printed.
#include <algorithm>

#include "curate/catalog/parse.hpp"
#include "curate/format/format.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"
#include "internal.hpp"

namespace curate {
namespace {

std::string quoted(const std::string& text) { return "\"" + text + "\""; }
std::string quoted(const std::optional<std::string>& text) { return text ? quoted(*text) : "(none)"; }
std::string quoted(const std::vector<std::string>& list) { return "[" + join(list, ", ") + "]"; }

template <typename T>
std::optional<std::string> compare_field(const char* name, const T& before, const T& after) {
  if (before == after) return std::nullopt;
  return std::string(name) + " " + quoted(before) + " became " + quoted(after);
}

// Text fields compare with runs of whitespace collapsed: Markdown renders
// "A  B" as "A B", and a line break inside a code span as a space.
std::optional<std::string> collapsed(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return collapse_whitespace(*text);
}
std::vector<std::string> collapsed(const std::vector<std::string>& list) {
  std::vector<std::string> out;
  for (const std::string& text : list) out.push_back(collapse_whitespace(text));
  return out;
}

template <typename T>
std::optional<std::string> compare_text(const char* name, const T& before, const T& after) {
  if (collapsed(before) == collapsed(after)) return std::nullopt;
  return compare_field(name, before, after);
}

std::string describe(const EntryRef& entry) {
  return "entry " + quoted(entry.item->title) + " (line " + std::to_string(entry.item->pos.line) + ")";
}

std::optional<std::string> first_section_difference(const Catalog& before, const Catalog& after) {
  std::vector<SectionRef> old_sections = collect_sections(before), new_sections = collect_sections(after);
  for (size_t i = 0; i < std::min(old_sections.size(), new_sections.size()); ++i) {
    const Section& a = *old_sections[i].section;
    const Section& b = *new_sections[i].section;
    if (old_sections[i].path != new_sections[i].path || a.level != b.level)
      return "section " + quoted(join(old_sections[i].path, " / ")) + " (line " + std::to_string(a.span.begin.line) +
             ") became " + quoted(join(new_sections[i].path, " / ")) + " at level " + std::to_string(b.level);
  }
  if (old_sections.size() != new_sections.size())
    return "the number of sections changed from " + std::to_string(old_sections.size()) + " to " +
           std::to_string(new_sections.size());
  return std::nullopt;
}

std::optional<std::string> first_tag_difference(const Catalog& before, const Catalog& after) {
  auto names = [](const Catalog& catalog) {
    std::vector<std::string> out;
    for (const TagDef& tag : catalog.tags) out.push_back(tag.name + ": " + tag.description);
    return out;
  };
  if (auto difference = compare_field("tag vocabulary", names(before), names(after))) return difference;
  return std::nullopt;
}

// The first position where `a` and `b` differ, with a little context.
std::string excerpt_at(const std::string& text, size_t at) {
  size_t from = at > 30 ? at - 30 : 0;
  return quoted(text.substr(from, 60));
}

// Whitespace collapsed, and none kept beside a ";": the house style writes
// metadata as "A; kind; date", which check (a) proves field by field.
std::string normalized_html(const MarkdownDocument& document) {
  std::string collapsed = collapse_whitespace(document.render_html());
  std::string out;
  out.reserve(collapsed.size());
  for (size_t i = 0; i < collapsed.size(); ++i) {
    bool beside_semicolon = collapsed[i] == ' ' && ((i > 0 && collapsed[i - 1] == ';') ||
                                                    (i + 1 < collapsed.size() && collapsed[i + 1] == ';'));
    if (!beside_semicolon) out += collapsed[i];
  }
  return out;
}

}  // namespace

namespace format_detail {

std::optional<std::string> first_item_difference(const Item& before, const Item& after) {
  if (auto d = compare_text("title", std::optional(before.title), std::optional(after.title))) return d;
  if (auto d = compare_field("url", before.url, after.url)) return d;
  if (auto d = compare_field("links", before.links, after.links)) return d;
  if (auto d = compare_text("tags", before.tags, after.tags)) return d;
  if (auto d = compare_text("authors", before.authors, after.authors)) return d;
  if (auto d = compare_text("kinds", before.kinds, after.kinds)) return d;
  if (auto d = compare_text("medium", before.medium, after.medium)) return d;
  if (auto d = compare_text("date", before.date, after.date)) return d;
  if (auto d = compare_text("description", before.description, after.description)) return d;
  if (auto d = compare_text("note", before.note, after.note)) return d;
  return std::nullopt;
}

}  // namespace format_detail

std::optional<std::string> first_entry_difference(const Catalog& before, const Catalog& after) {
  if (auto difference = first_section_difference(before, after)) return difference;
  if (auto difference = first_tag_difference(before, after)) return difference;
  std::vector<EntryRef> old_entries = collect_entries(before), new_entries = collect_entries(after);
  for (size_t i = 0; i < std::min(old_entries.size(), new_entries.size()); ++i) {
    const EntryRef& a = old_entries[i];
    const EntryRef& b = new_entries[i];
    std::optional<std::string> difference = format_detail::first_item_difference(*a.item, *b.item);
    if (!difference) difference = compare_text("section", a.section, b.section);
    if (!difference) difference = compare_text("parents", a.parents, b.parents);
    if (difference) return describe(a) + ": " + *difference;
  }
  if (old_entries.size() > new_entries.size())
    return describe(old_entries[new_entries.size()]) + " is missing (" + std::to_string(old_entries.size()) +
           " entries became " + std::to_string(new_entries.size()) + ")";
  if (old_entries.size() < new_entries.size())
    return "an entry appeared: " + quoted(new_entries[old_entries.size()].item->title) + " (" +
           std::to_string(old_entries.size()) + " entries became " + std::to_string(new_entries.size()) + ")";
  return std::nullopt;
}

namespace {

std::optional<std::string> html_difference(const MarkdownDocument& before, const MarkdownDocument& after) {
  std::string a = normalized_html(before), b = normalized_html(after);
  if (a == b) return std::nullopt;
  size_t at = static_cast<size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  return "the rendered HTML differs at character " + std::to_string(at) + ": " + excerpt_at(a, at) + " became " +
         excerpt_at(b, at);
}

std::optional<std::string> idempotence_difference(const MarkdownDocument& document, std::string_view after,
                                                  const Config& config) {
  std::string again = format_document(document, after, config.kinds, config.fmt);
  if (again == after) return std::nullopt;
  LineIndex lines(after), again_lines(again);
  int line = 1;
  while (line <= lines.line_count() && lines.line_text(after, line) == again_lines.line_text(again, line)) ++line;
  return "formatting is not idempotent: a second pass changes line " + std::to_string(line) + ": " +
         quoted(std::string(lines.line_text(after, line))) + " became " +
         quoted(std::string(again_lines.line_text(again, line)));
}

}  // namespace

std::optional<std::string> first_html_difference(std::string_view before, std::string_view after) {
  return html_difference(MarkdownDocument(before), MarkdownDocument(after));
}

SafetyResult check_format_safety(std::string_view before, std::string_view after, unsigned checks,
                                 const Config& config) {
  // Each text is parsed once and shared by the checks.
  SafetyResult result;
  bool same = before == after;  // (a) and (b) hold trivially
  MarkdownDocument new_document(after);
  if (!same && (checks & (k_check_entries | k_check_html))) {
    MarkdownDocument old_document(before);
    if (checks & k_check_entries) {
      Catalog a = build_catalog(old_document, before, "before", config);
      Catalog b = build_catalog(new_document, after, "after", config);
      if ((result.difference = first_entry_difference(a, b))) return result;
    }
    if ((checks & k_check_html) && (result.difference = html_difference(old_document, new_document))) return result;
  }
  if (checks & k_check_idempotent) result.difference = idempotence_difference(new_document, after, config);
  return result;
}

}  // namespace curate
