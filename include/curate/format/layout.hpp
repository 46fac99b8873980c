#pragma once
// Layout conventions (DESIGN.md "Entry styles and layout conventions"):
// bullets and list indentation. fmt keeps each list's own (a list is one
// bullet by construction, and a file written one way stays so), unless
// .curate.json "fmt" names a convention; then fmt writes it and validate's
// bullet-style and list-indent expect it. The file's dominant convention is
// what new lists get (add, mv into an empty place) and what `curate style`
// reports. docs/fmt.md "Conventions".

#include <optional>
#include <vector>

#include "curate/catalog/config.hpp"
#include "curate/text/text.hpp"

namespace curate {

// One list item as detection sees it (from markdown/list_marker.hpp).
struct MarkerSample {
  char bullet = 0;  // 0 for an ordered marker
  int column = 0;   // visual column of the marker
  bool tab_indented = false;
  bool nested = false;            // in another list's item
  int parent_column = 0;          // that item's marker column
  int parent_content_column = 0;  // and where its text starts
};

enum class NestStyle {
  under_text,  // a nested marker starts where the parent's text starts ("- a\n  - b")
  spaces,      // a fixed number of spaces right of the parent's marker ("* a\n    * b")
  tab,         // one tab more than the parent's indentation ("- a\n\t- b")
};

struct Nesting {
  NestStyle style = NestStyle::under_text;
  int spaces = 2;  // with NestStyle::spaces
};

struct LayoutConventions {
  char bullet = '-';
  int top_indent = 0;
  Nesting nest;
};

// The conventions most items of a file follow. Ties go to '-', column 0
// and under_text, the canonical layout of a list with no habits yet.
LayoutConventions dominant_layout(const std::vector<MarkerSample>& samples);

// What .curate.json "fmt" imposes; nullopt where each list keeps its own.
struct ImposedLayout {
  std::optional<char> bullet;
  std::optional<int> top_indent;
  std::optional<Nesting> nest;
};
ImposedLayout imposed_layout(const FmtSettings& settings);

// Where the markers of a list nested in an item go, given that item's
// marker column and text column in the output and the nesting to follow.
// Returns the visual column and sets `tab` when the indentation is the
// parent's plus a tab. Falls back to the text column when the nesting would
// not nest there (a tab that lands before the text, too many spaces).
int nested_column(const Nesting& nest, int parent_column, int parent_content_column, bool& tab);

// The nesting one nested item shows: its marker against its parent's.
Nesting nesting_of(const MarkerSample& sample);

// The blank lines the file mostly leaves around its top-level headings:
// before one, 0, 1 or 2 (free-programming-books leaves 2; public-apis mostly
// none); after one, 1 or none (public-apis opens each table on the line after
// its heading). fmt keeps these habits and validate's blank-lines rule
// expects them; where the habit is none, each heading keeps the blank line
// it has or lacks (both render the same); "none" is a habit once three
// headings show it and more headings show it than leave one or two blank
// lines. `headings` are the first and last 1-based lines of the
// top-level headings of `text`; a heading with nothing above counts not
// before, one on the last line not after. The gap between a heading and
// one right under it is neither: it is the "between" habit, 1 or 2, which
// the pairs vote for (the "before" habit when none leaves one; 0 where
// "before" is none). Each gap is set from its own habit alone, so a first
// pass never changes the habits a second pass sees.
// The first line of an HTML comment that ends on the line right above the
// heading starting at `heading_line`, else `heading_line`: markdown-all-
// in-one's `<!-- omit in toc -->` belongs to the heading under it, and
// the blank lines around headings go around the two (cs-video-courses,
// ML-System-Papers). A comment of over 20 lines is not looked for.
// `line_at(n)` gives line n. heading_bottom is the same below a heading
// ending at `heading_line` (awesome-mac's `<!--rehype:style=…-->`), of a
// file of `line_count` lines.
template <typename LineAt>
int heading_top(int heading_line, const LineAt& line_at) {
  int last = heading_line - 1;
  if (last < 1 || !ends_with(trim(line_at(last)), "-->")) return heading_line;
  for (int first = last; first >= 1 && first > last - 20; --first)
    if (starts_with(trim(line_at(first)), "<!--")) return first;
  return heading_line;
}
template <typename LineAt>
int heading_bottom(int heading_line, int line_count, const LineAt& line_at) {
  int first = heading_line + 1;
  if (first > line_count || !starts_with(trim(line_at(first)), "<!--")) return heading_line;
  for (int last = first; last <= line_count && last < first + 20; ++last)
    if (ends_with(trim(line_at(last)), "-->")) return last;
  return heading_line;
}

struct HeadingGaps {
  // One or two blank lines as each heading has them: the file shows no
  // habit, neither count being two thirds of its headings' (awesome-ai-
  // tools leaves one before 18 headings, two before 20).
  static constexpr int k_as_written = -1;
  int before = 1;
  int between = 1;
  bool after = true;
};
HeadingGaps heading_gaps(std::string_view text, const std::vector<std::pair<int, int>>& headings);

// The bullet of an unordered list under an imposed bullet: that bullet,
// unless the list directly follows another list written with it (the same
// bullet would join the two): then its own bullet, or another one.
char list_bullet(char imposed, char own, char previous_adjacent);

}  // namespace curate
