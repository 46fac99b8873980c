#pragma once
// Internal to the edit commands: the list text as lines, item line ranges,
// sibling runs and a batch of line edits applied in one pass.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate::edit_detail {

// The text split at "\n"; `trailing_newline` remembers whether it ended
// with one, so joining gives back the same bytes.
struct Lines {
  std::vector<std::string> lines;
  bool trailing_newline = true;

  explicit Lines(std::string_view text);
  int count() const { return static_cast<int>(lines.size()); }
  const std::string& at(int line) const { return lines.at(static_cast<size_t>(line - 1)); }
  bool blank(int line) const;  // past either end counts as blank
};

// Line edits against the original numbering: removed lines, replaced lines
// and lines inserted after a line (0: before the first).
struct LineEdit {
  std::set<int> removed;
  std::map<int, std::string> replaced;
  std::map<int, std::vector<std::string>> inserted_after;

  void remove(int first, int last);
  void insert_after(int line, const std::vector<std::string>& new_lines);
  std::string apply(const Lines& lines) const;
};

// The first and last non-blank line of an item (children included): cmark
// counts trailing blank lines into the last item of a list.
struct LineRange {
  int first = 0;
  int last = 0;
};
LineRange item_range(const Item& item, const Lines& lines);

// How edits' messages name where an entry out of a list stands: one ("a
// table row") or all of a section's (`many`: "a table").
const char* place_of(EntrySource source, bool many);

// Throws curate::Error (naming the item's line) unless `item` is a list item:
// `verb` ("move", "tag", "sort") names the edit refused.
void refuse_non_list(const Item& item, const char* verb);

// The list marker at the item's position ("-", "*", "+", or "1." / "1)").
std::string marker_of(const Item& item, const Lines& lines);

// True when `b` directly follows `a` in the same Markdown list: only blank
// lines between them and the same marker character.
bool same_list(const Item& a, const Item& b, const Lines& lines);

// The whitespace (spaces, tabs) before the item's marker; nullopt when
// something else is there (a block-quote prefix, or a parent item sharing
// the line).
std::optional<std::string> plain_indent(const Item& item, const Lines& lines);

// plain_indent for an item that is being edited: throws curate::Error (with
// the item's line) when it has none, as such an item cannot be edited.
std::string indent_of(const Item& item, const Lines& lines);

// The lines of `range` with the leading `from_indent` replaced by `to_indent`.
std::vector<std::string> reindent(const Lines& lines, LineRange range, const std::string& from_indent,
                                  const std::string& to_indent);

// The template of `style`: a built-in style's, or `style` itself (a
// template from .curate.json).
std::string style_template(const std::string& style);

}  // namespace curate::edit_detail
