#pragma once
// Pieces of the formatter shared by its source files (not a public header).

#include <cmark-gfm.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/markdown/list_marker.hpp"
#include "curate/markdown/markdown.hpp"

namespace curate::format_detail {

// Every block node under `root` in document order: the children of the
// document, lists, items and block quotes, recursively (no inline nodes,
// which are most of a tree and which the formatter never needs to visit).
std::vector<cmark_node*> blocks_of(cmark_node* root);

// The source lines of a parsed document and where each block sits in them.
// Corrects cmark-gfm's positions: a setext heading and an unclosed fence end
// on the line after them, a table starts where the paragraph it split did,
// and that paragraph has no position at all.
class SourceMap {
 public:
  SourceMap(std::string_view text, cmark_node* root);

  std::string_view source_line(int number) const;
  int line_count() const { return m_lines.line_count(); }
  int start_line(cmark_node* node) const;
  // The last line that may belong to `node`: never past the next block or
  // the container.
  int end_line(cmark_node* node) const;
  // The last non-blank line of `node` (a setext heading: its underline).
  int last_line(cmark_node* node) const;
  bool is_atx(cmark_node* heading) const;
  // Whether `line` ends in a trailing-space hard line break.
  bool is_hard_break(int line) const { return m_hard_breaks.count(line) != 0; }
  // Whether cmark-gfm's position of `node` was replaced (a split paragraph).
  bool is_repositioned(cmark_node* node) const { return m_fixed.count(node) != 0; }

 private:
  void fix_table_positions(cmark_node* root);
  void fix_html_block_ends(cmark_node* root);
  void collect_hard_breaks(cmark_node* root);
  int setext_underline(int first, int last) const;

  std::string_view m_text;
  LineIndex m_lines;
  std::map<cmark_node*, std::pair<int, int>> m_fixed;  // corrected (first, last) lines
  std::set<int> m_hard_breaks;                         // lines ending in a hard line break
};

// Heading text for an ATX line: `content` with a trailing "#" run escaped,
// which the ATX reading would otherwise drop as a closing sequence.
std::string protect_closing_hashes(std::string content);

// The text of an ATX heading line, without its opening and closing "#"s.
std::string atx_content(std::string_view line);

// The closing "#" run of an ATX heading line ("##" in "## AI ##"), or "".
std::string_view atx_closing(std::string_view line);

// `line` without trailing spaces and tabs.
std::string_view rstrip(std::string_view line);
// Without the spaces and tabs at either end: what CommonMark strips around a
// heading's or paragraph's text (a form feed or vertical tab stays).
std::string_view strip_blanks(std::string_view text);

// `line` with up to `columns` columns of leading indentation removed; the
// rest of its leading indentation is written as spaces (tabs count to the
// next multiple of 4 from where they stand in `line`).
std::string strip_indent(std::string_view line, int columns);

// For each of `lines` (one block's source lines), whether its line end lies
// inside a code span, where trailing spaces are content, not a line break.
std::vector<bool> line_ends_in_code_span(const std::vector<std::string_view>& lines);

// The house-style spacing of one entry line (the single-line first paragraph
// of a list item): runs of blanks outside code spans become one space, and a
// link text with ";" reads "A; kind; date". Returns `line` unchanged unless
// the entry's parsed fields stay identical.
std::string normalize_entry_line(std::string_view line, const KindTable& kinds);

// normalize_entry_line() over many lines, with one parse for all of them.
std::vector<std::string> normalize_entry_lines(const std::vector<std::string>& lines, const KindTable& kinds);

// The first field in which two items differ ("title: \"A\" vs \"B\""), or
// nullopt. Compares what check (a) of the safety net promises, children aside.
std::optional<std::string> first_item_difference(const Item& before, const Item& after);

}  // namespace curate::format_detail
