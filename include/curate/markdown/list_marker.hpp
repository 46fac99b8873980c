#pragma once
// The one reader of a list item's marker line, shared by fmt, validate's
// layout rules and the edit commands, so the three agree on where a marker
// is, how wide it is and where the item's text starts (CommonMark 5.2).

#include <string_view>
#include <utility>
#include <vector>

namespace curate {

// Columns `text` takes when it starts at visual column `column` (0-based):
// tabs advance to the next multiple of 4, as CommonMark reads them.
int visual_width(std::string_view text, int column = 0);

struct ListMarker {
  bool found = false;          // a bullet or an ordered marker stands at the position
  size_t at = 0;               // byte offset of the marker
  size_t end = 0;              // byte offset just past it ("-", "12.")
  size_t content = 0;          // byte offset of the item's first text (the line's size when none)
  char bullet = 0;             // '-', '*' or '+'; 0 for an ordered marker
  char delimiter = 0;          // '.' or ')' of an ordered marker
  int column = 0;              // visual column of the marker (0-based)
  int width = 0;               // columns of the marker: 1 for a bullet, 3 for "10."
  int blanks_after = 0;        // visual columns of blanks between marker and text
  bool tab_after = false;      // those blanks hold a tab
  bool tab_indented = false;   // the indentation before the marker holds a tab
  bool at_line_start = false;  // only blanks come before it
  bool has_content = false;
  bool code_after_marker = false;  // over 4 columns of blanks: the text is indented code
  int content_column = 0;          // visual column where the item's text (and its other lines) start

  std::string_view text(std::string_view line) const { return line.substr(at, end - at); }
};

// Whether a tab stands in the blanks before `marker` (read from `line`)
// from visual column `from` on: a sublist's own indentation, right of its
// parent's marker at `from`; the blanks left of it are the parent's,
// however written (awesome-scalability nests "\t* [HTTP Caching](…)" and
// "    * [Zynga Geo Proxy](…)" under siblings written with a tab and with
// spaces, and fmt wrote the second as a tab's child by spaces, which a
// second pass read as tab-nested).
bool tab_in_indent(std::string_view line, const ListMarker& marker, int from);

// Reads the marker of the list item that cmark-gfm places at 1-based
// `byte_column` of `line` (leading blanks from there are skipped).
ListMarker read_list_marker(std::string_view line, int byte_column);

// Where a list's items start their text, in columns after the marker's
// own column, as `first` (the list's marker that sets it: ListSpacingVote)
// writes it: the spaces after it, one to four ("*   [x](…)": nlp-datasets writes
// every item so), else one. fmt writes it, and validate's list-indent
// expects it (ListSpacing says how markers of other widths follow it).
int list_text_offset(const ListMarker& first);

// The spacing a list keeps after its markers: the text offset and tab of
// most of its items with text on their marker line, the earliest such item
// on a tie, among the markers as wide as the first ("1."–"9." in a list
// that goes on to "10."); `tab_after`, whether that item has a tab after
// its marker.
// every-programmer-should-know writes "-  📖 [Hello Algo](…)" over four
// "- [x](…)": its odd first item is the one to change, not the four.
// Wider markers ("10." after "9.") keep the spaces most of them have:
// "9.  a" / "10. b" keep one text column, awesome-deep-learning's "9.  a" /
// "10.  b" two spaces after every marker; with none, the text column.
struct ListSpacing {
  int offset = 2;
  bool tab = false;
  bool tab_after = false;
  std::vector<std::pair<int, int>> wider = {};  // (marker width, spaces after it) of other widths

  // The spaces after a marker `width` columns wide.
  int padding(int width) const;
};
class ListSpacingVote {
 public:
  // Counts one item's marker (items without text on the line are skipped).
  void add(const ListMarker& marker);
  ListSpacing result() const;

 private:
  struct Count {
    ListSpacing spacing;
    int items = 0;
    int width = 0;  // for markers wider than the first: their width
  };
  std::vector<Count> m_counts;  // as wide as the first, in the order first seen
  std::vector<Count> m_wider;   // other widths: spacing.offset is the spaces after the marker
  int m_width = 0;              // the first counted marker's width
};

// Whether one tab and nothing else stands between `marker` and its text
// (never indented code: a tab is at most 4 columns). A list whose first
// item with text is written so keeps the tab in every item ("-\t[x](…)":
// ML-System-Papers writes each item so); their text starts at the tab
// stop after the marker.
bool tab_separated(const ListMarker& marker);

// Whether the lines of the list item on lines [marker_line, last_line],
// its marker at visual column `marker_column`, are indented with tabs
// after its marker line: its first non-blank one has a tab from that
// column on (Hsword's paper list: `1. **Title**` over `→*Authors*`; the
// blanks left of the marker are its list's, fuzz finding 23).
// fmt keeps them so, as many tabs as reach the item's text, and hard-tab
// leaves them alone, in an item of paragraphs and lists only (the tabs may
// reach past the text, and in code or HTML the extra column would stay).
// `line_at(n)` gives line n.
template <typename LineAt>
bool tab_indented_body(int marker_line, int last_line, int marker_column, const LineAt& line_at) {
  for (int line = marker_line + 1; line <= last_line; ++line) {
    std::string_view text = line_at(line);
    size_t blanks = text.find_first_not_of(" \t");
    if (blanks == std::string_view::npos) continue;
    int column = 0;
    for (size_t i = 0; i < blanks; ++i) {
      if (text[i] == '\t' && column >= marker_column) return true;
      column += text[i] == '\t' ? 4 - column % 4 : 1;
    }
    return false;
  }
  return false;
}

}  // namespace curate
