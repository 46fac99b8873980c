// Layout rules: what the fmt emitter's canonical style fixes (docs/fmt.md):
// "-" bullets, 2-space nesting (marker width for ordered lists), one space
// after a marker, one blank line around headings and at most one in a row,
// no trailing whitespace or tabs, exactly one final newline. Lists inside
// block quotes and verbatim blocks (code, HTML) are left alone, as fmt does.
#include <set>

#include "context.hpp"
#include "curate/format/format.hpp"
#include "curate/format/layout.hpp"
#include "curate/markdown/list_marker.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

void check_trailing_whitespace(const LintContext& context, RuleReporter& out) {
  for (int number = 1; number <= context.line_count(); ++number) {
    std::string_view line = context.line(number);
    size_t end = line.find_last_not_of(" \t");
    size_t start = end == std::string_view::npos ? 0 : end + 1;
    if (start == line.size()) continue;
    // Code keeps its trailing blanks (fmt too): `<pre>` shows them. A
    // fence's line is not code.
    if (context.line_kind(number) == LineKind::code && !starts_with(trim(line), "```") &&
        !starts_with(trim(line), "~~~"))
      continue;
    // Only inside a paragraph that goes on: after a heading or at the end
    // of a block, spaces break nothing (fmt just drops them).
    bool hard_break = line.size() - start >= 2 && line.substr(start).find('\t') == std::string_view::npos &&
                      end != std::string_view::npos && context.continues_paragraph(number);
    // Two spaces after "*", "_", "~" or "\" are the only way to write the
    // break there (fmt keeps them): nothing to report.
    if (hard_break && line.size() - start == 2 && !backslash_break_after(line.substr(0, start))) continue;
    out.report({number, static_cast<int>(start) + 1}, {number, static_cast<int>(line.size())},
               hard_break ? "trailing spaces (a hard line break: end the line with a backslash instead)"
                          : "trailing whitespace",
               true);
  }
}

// Blank lines at the end of the file (final-newline reports those).
int trailing_blank_start(const LintContext& context) {
  int first = context.line_count() + 1;
  while (first > 1 && is_blank(context.line(first - 1))) --first;
  return first;
}

void check_blank_lines(const LintContext& context, RuleReporter& out) {
  int end = trailing_blank_start(context);
  // Around a top-level heading the file's habits hold (format/layout.hpp).
  // A comment right over a heading is the heading's (layout.hpp heading_top).
  auto line_at = [&](int number) { return context.line(number); };
  std::vector<int> heading_lines;
  std::vector<std::pair<int, int>> spans;
  for (const HeadingInfo& heading : context.headings()) {
    if (heading.in_container) continue;
    heading_lines.push_back(heading_top(heading.span.begin.line, line_at));
    spans.emplace_back(heading.span.begin.line, heading.span.end.line);
  }
  HeadingGaps gaps = heading_gaps(context.text(), spans);
  std::set<int> heading_ends;
  for (const HeadingInfo& heading : context.headings())
    if (!heading.in_container)
      heading_ends.insert(heading_bottom(context.heading_last_line(heading), context.line_count(), line_at));
  // The habit before the heading at `line`, whose blank lines start at `blank`.
  auto gap_at = [&](int blank) { return heading_ends.count(blank - 1) ? gaps.between : gaps.before; };
  for (int number = 2; number < end; ++number) {
    if (!is_blank(context.line(number)) || !is_blank(context.line(number - 1))) continue;
    if (context.line_kind(number) != LineKind::text) continue;
    if (number > 2 && is_blank(context.line(number - 2))) continue;  // one report per run
    int run = 1;
    while (number - 1 + run < end && is_blank(context.line(number - 1 + run))) ++run;
    bool before_heading = std::binary_search(heading_lines.begin(), heading_lines.end(), number - 1 + run);
    int gap = gap_at(number - 1);
    if (gap == HeadingGaps::k_as_written) gap = 2;  // no habit: one or two, as each heading has
    if (before_heading && run <= gap) continue;
    out.report({number, 1},
               std::to_string(run) + " blank lines in a row; use " +
                   (before_heading && gap == 2 ? "two before a heading, as this file does" : "one"),
               true);
  }
  for (const HeadingInfo& heading : context.headings()) {
    if (heading.in_container) continue;
    int before = heading_top(heading.span.begin.line, line_at) - 1;
    int after = heading_bottom(context.heading_last_line(heading), context.line_count(), line_at) + 1;
    int blank = before;
    while (blank >= 1 && is_blank(context.line(blank))) --blank;
    int gap = gap_at(blank + 1);
    // doctoc's markers ("<!-- START doctoc … -->") hold its heading tight.
    std::string_view above = before >= 1 ? trim(context.line(before)) : std::string_view();
    bool below_comment = starts_with(above, "<!--") && ends_with(above, "-->");
    if (gap != 0 && before >= 1 && !is_blank(context.line(before)) && !below_comment)
      out.report(heading.span.begin, "no blank line before heading '" + heading.text + "'", true);
    else if (gap == 2 && before >= 2 && !is_blank(context.line(before - 1)))  // (not k_as_written)
      out.report(heading.span.begin,
                 "one blank line before heading '" + heading.text + "'; this file leaves two before its headings",
                 true);
    // A heading right below another is the "before" habit's (format/layout.hpp).
    if (gaps.after && after <= context.line_count() && !is_blank(context.line(after)) &&
        !std::binary_search(heading_lines.begin(), heading_lines.end(), after))
      out.report(heading.span.begin, "no blank line after heading '" + heading.text + "'", true);
  }
}

void check_final_newline(const LintContext& context, RuleReporter& out) {
  std::string_view text = context.text();
  if (text.empty()) return;
  if (text.back() != '\n') {
    int last = context.line_count();
    out.report({last, static_cast<int>(context.line(last).size()) + 1}, "no newline at the end of the file", true);
    return;
  }
  int first_blank = trailing_blank_start(context);
  int count = context.line_count() - first_blank + 1;
  if (count > 0)
    out.report({first_blank, 1}, {context.line_count(), 1},
               std::to_string(count) + (count == 1 ? " blank line" : " blank lines") + " at the end of the file", true);
}

// The lines whose indentation fmt keeps as written: the marker lines of
// nested list items when .curate.json "fmt" imposes no nesting
// (sindresorhus/awesome indents its nested lists with a tab, and fmt follows
// the list's own indentation: docs/fmt.md).
// So are the tabs that indent an item's other lines where the item's
// first such line opens with a tab (list_marker.hpp tab_indented_body),
// in an item without code or HTML, as fmt keeps them.
std::set<int> own_indent_lines(const LintContext& context) {
  std::set<int> lines;
  bool nest = !imposed_layout(context.config().fmt).nest;
  auto line_at = [&](int number) { return context.line(number); };
  for (const ListInfo& list : context.lists())
    for (const auto& item : list.items) {
      if (nest && list.parent_item.line != 0) lines.insert(item.start.line);
      int last = std::min(item.last_line, context.line_count());
      if (last <= item.start.line) continue;  // most items: one line, no body
      int column = read_list_marker(context.line(item.start.line), item.start.column).column;
      if (!tab_indented_body(item.start.line, last, column, line_at)) continue;
      std::vector<int> body;
      for (int line = item.start.line + 1; line <= last; ++line) {
        if (context.line_kind(line) != LineKind::text) {
          body.clear();
          break;
        }
        if (starts_with(context.line(line), "\t")) body.push_back(line);
      }
      lines.insert(body.begin(), body.end());
    }
  return lines;
}

// The lines whose first tab right follows their list marker: list-indent
// reports those, one finding per tab.
std::set<int> tab_after_marker_lines(const LintContext& context) {
  std::set<int> lines;
  for (const ListInfo& list : context.lists())
    for (const ListInfo::Entry& item : list.items) {
      std::string_view line = context.line(item.start.line);
      ListMarker marker = read_list_marker(line, item.start.column);
      size_t tab = line.find('\t');
      if (marker.at_line_start && marker.tab_after && tab >= marker.end && tab < marker.content)
        lines.insert(item.start.line);
    }
  return lines;
}

void check_hard_tab(const LintContext& context, RuleReporter& out) {
  std::set<int> kept = own_indent_lines(context);
  std::set<int> after_marker = tab_after_marker_lines(context);
  // Tables are kept as written (fmt.md "Kept verbatim"): a tab padding a
  // cell is whitespace GFM trims, and fmt would leave it there.
  std::set<int> table_lines;
  for (const TableLines& table : context.tables()) {
    table_lines.insert(table.header);
    table_lines.insert(table.header + 1);  // the delimiter row
    table_lines.insert(table.rows.begin(), table.rows.end());
  }
  for (int number = 1; number <= context.line_count(); ++number) {
    if (context.line_kind(number) != LineKind::text || table_lines.count(number)) continue;
    std::string_view line = context.line(number);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    bool in_indent = line.find_first_not_of(" \t") > tab;
    if ((in_indent && kept.count(number)) || (!in_indent && after_marker.count(number))) continue;
    out.report({number, static_cast<int>(tab) + 1},
               in_indent ? "hard tab in the indentation; indent with spaces" : "hard tab; use spaces", in_indent);
  }
}

// --- lists -----------------------------------------------------------------

ListMarker marker_at(const LintContext& context, SourcePos at) {
  return read_list_marker(context.line(at.line), at.column);
}

// Where the markers of `list` belong (0-based visual column), as fmt writes
// them: the list's own indentation (its first item's), or the one
// .curate.json "fmt" imposes; -1 when the parent's marker does not open its
// line (fmt leaves such lists where they are).
int expected_column(const LintContext& context, const ListInfo& list, const ImposedLayout& imposed) {
  ListMarker first = marker_at(context, list.items.front().start);
  if (list.parent_item.line == 0) return imposed.top_indent.value_or(std::min(first.column, 3));
  ListMarker parent = marker_at(context, list.parent_item);
  if (!parent.at_line_start) return -1;
  bool tab_indented = tab_in_indent(context.line(list.items.front().start.line), first, parent.column);
  MarkerSample own{first.bullet, first.column, tab_indented, true, parent.column, parent.content_column};
  bool tab = false;
  return nested_column(imposed.nest.value_or(nesting_of(own)), parent.column, parent.content_column, tab);
}

// Bullets are the list's own unless "fmt" imposes one (format/layout.hpp).
void check_bullet_style(const LintContext& context, RuleReporter& out) {
  if (!context.config().fmt.bullet) return;
  char imposed = *context.config().fmt.bullet;
  const std::vector<ListInfo>& lists = context.lists();
  std::vector<char> expected(lists.size(), 0);
  for (size_t i = 0; i < lists.size(); ++i) {
    const ListInfo& list = lists[i];
    if (!list.is_bullet || list.items.empty()) continue;
    ListMarker marker = marker_at(context, list.items.front().start);
    char previous = list.previous_sibling >= 0 ? expected[static_cast<size_t>(list.previous_sibling)] : 0;
    expected[i] = list_bullet(imposed, marker.bullet, previous);
    if (!marker.bullet || marker.bullet == expected[i]) continue;
    std::string message =
        std::string("list uses '") + marker.bullet + "' bullets; .curate.json \"fmt\" asks for '" + expected[i] + "'";
    if (expected[i] != imposed) message += " (it follows another list, and the same bullet would join them)";
    out.report(list.items.front().start, message, true);
  }
}

void check_list_indent(const LintContext& context, RuleReporter& out) {
  ImposedLayout imposed = imposed_layout(context.config().fmt);
  for (const ListInfo& list : context.lists()) {
    if (list.items.empty()) continue;
    int expected = expected_column(context, list, imposed);
    // The spaces after the markers, or one tab: the list's own, as fmt keeps them.
    // `tabbed`: the list's items have a tab after their marker too, so it
    // "uses" no spaces; `tab`: that tab alone is the list's way.
    ListSpacingVote vote;
    for (const ListInfo::Entry& item : list.items) vote.add(marker_at(context, item.start));
    ListSpacing spacing = vote.result();
    bool tab = spacing.tab, tabbed = spacing.tab_after;
    // A sublist's items take its first item's indentation, tabs or spaces,
    // as fmt writes them (awesome-scalability mixes the two in one list).
    std::string_view first_line = context.line(list.items.front().start.line);
    std::string_view first_indent = first_line.substr(0, marker_at(context, list.items.front().start).at);
    bool tabs = first_indent.find('\t') != std::string_view::npos;
    for (const ListInfo::Entry& item : list.items) {
      ListMarker marker = marker_at(context, item.start);
      if (!marker.at_line_start) continue;
      int padding = spacing.padding(marker.width);
      std::string_view indent = context.line(item.start.line).substr(0, marker.at);
      if (expected >= 0 && marker.column != expected)
        out.report(item.start,
                   "list item indented by " + std::to_string(marker.column) +
                       (marker.column == 1 ? " column" : " columns") + "; expected " + std::to_string(expected),
                   true);
      else if (list.parent_item.line != 0 && indent != first_indent &&
               tabs != (indent.find('\t') != std::string_view::npos))
        out.report(item.start,
                   std::string("list item indented with ") + (tabs ? "spaces" : "a tab") +
                       "; its list's first item is indented with " + (tabs ? "a tab" : "spaces"),
                   true);
      else if (marker.has_content && !item.code_first &&
               (tab ? !tab_separated(marker) : marker.tab_after || marker.blanks_after != padding))
        out.report(item.start,
                   (marker.tab_after           ? std::string(tab ? "blanks" : "tab")
                    : marker.blanks_after == 1 ? std::string("one space")
                                               : std::to_string(marker.blanks_after) + " spaces") +
                       " after the list marker; " +
                       (tab ? std::string("the list uses a tab")
                            : std::string(tabbed ? "use " : "the list uses ") +
                                  (padding == 1 ? "one space" : std::to_string(padding) + " spaces")),
                   true);
    }
  }
}

}  // namespace

void add_layout_rules(RuleRegistry& registry) {
  registry.add({"bullet-style", "Bullets are the ones .curate.json \"fmt\" asks for", Severity::warning, true,
                "Each list keeps its own bullet (fmt never rewrites a consistent list). When .curate.json names one "
                "(\"fmt\": {\"bullet\": \"-\"}), lists with another are reported and rewritten by --fix; a list "
                "that directly follows a list with that bullet keeps a different one, since the same bullet would "
                "join the two. Lists inside block quotes are left as written.",
                FixEffect::layout},
               check_bullet_style);
  registry.add({"list-indent", "List items are indented like the first item of their list", Severity::warning, true,
                "The items of a list start in the column its first item starts in (a top-level list: 0 to 3 "
                "columns; a nested list: where the file nests it, under the parent's text, N spaces right of the "
                "parent's marker, or a tab), unless .curate.json \"fmt\" imposes \"top-indent\" or \"indent\"; the "
                "spaces most of its items have follow the marker. Tabs count to the next multiple of 4 columns, as in "
                "CommonMark.",
                FixEffect::layout},
               check_list_indent);
  registry.add({"trailing-whitespace", "No whitespace at the end of lines", Severity::warning, true,
                "Lines end without spaces or tabs. Two trailing spaces are a hard line break in Markdown; fmt "
                "writes it as a backslash, which is visible.",
                FixEffect::layout},
               check_trailing_whitespace);
  registry.add({"blank-lines", "One blank line around headings, never two in a row", Severity::warning, true,
                "Headings have a blank line before and after them, and blank lines never come two in a row outside "
                "code blocks. Blank lines at the end of the file are final-newline's.",
                FixEffect::layout},
               check_blank_lines);
  registry.add({"final-newline", "The file ends with exactly one newline", Severity::warning, true,
                "The last line ends with a newline and is not followed by blank lines.", FixEffect::layout},
               check_final_newline);
  registry.add({"hard-tab", "No tab characters outside code and HTML", Severity::warning, true,
                "Tabs render differently everywhere and change list nesting in subtle ways; indent with spaces. "
                "Code blocks, HTML blocks and tables keep their tabs (fmt keeps them as written), and so do nested "
                "list items indented with a tab, whose indentation fmt keeps (unless .curate.json \"fmt\" imposes "
                "a nesting). Only tabs in indentation are fixable.",
                FixEffect::layout},
               check_hard_tab);
}

}  // namespace curate
