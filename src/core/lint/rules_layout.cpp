// Layout rules: what the fmt emitter's canonical style fixes (docs/fmt.md):
// "-" bullets, 2-space nesting (marker width for ordered lists), one space
// after a marker, one blank line around headings and at most one in a row,
// no trailing whitespace or tabs, exactly one final newline. Lists inside
// block quotes and verbatim blocks (code, HTML) are left alone, as fmt does.
#include "context.hpp"
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
    bool hard_break = line.size() - start >= 2 && line.substr(start).find('\t') == std::string_view::npos &&
                      end != std::string_view::npos && number < context.line_count() &&
                      !is_blank(context.line(number + 1)) && context.line_kind(number) == LineKind::text;
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
  for (int number = 2; number < end; ++number) {
    if (!is_blank(context.line(number)) || !is_blank(context.line(number - 1))) continue;
    if (context.line_kind(number) != LineKind::text) continue;
    if (number > 2 && is_blank(context.line(number - 2))) continue;  // one report per run
    int run = 1;
    while (number - 1 + run < end && is_blank(context.line(number - 1 + run))) ++run;
    out.report({number, 1}, std::to_string(run) + " blank lines in a row; use one", true);
  }
  for (const HeadingInfo& heading : context.headings()) {
    if (heading.in_container) continue;
    int before = heading.span.begin.line - 1, after = heading.span.end.line + 1;
    if (before >= 1 && !is_blank(context.line(before)))
      out.report(heading.span.begin, "no blank line before heading '" + heading.text + "'", true);
    if (after <= context.line_count() && !is_blank(context.line(after)))
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

void check_hard_tab(const LintContext& context, RuleReporter& out) {
  for (int number = 1; number <= context.line_count(); ++number) {
    if (context.line_kind(number) != LineKind::text) continue;
    std::string_view line = context.line(number);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    bool in_indent = line.find_first_not_of(" \t") > tab;
    out.report({number, static_cast<int>(tab) + 1},
               in_indent ? "hard tab in the indentation; indent with spaces" : "hard tab; use spaces", in_indent);
  }
}

// --- lists -----------------------------------------------------------------

ListMarker marker_at(const LintContext& context, SourcePos at) {
  return read_list_marker(context.line(at.line), at.column);
}

// Where the markers of `list` belong (0-based visual column): the start of
// its parent item's text; -1 when that item's marker does not open its line.
int expected_column(const LintContext& context, const ListInfo& list) {
  if (list.parent_item.line == 0) return 0;
  ListMarker parent = marker_at(context, list.parent_item);
  return parent.at_line_start ? parent.column + parent.width + 1 : -1;
}

void check_bullet_style(const LintContext& context, RuleReporter& out) {
  for (const ListInfo& list : context.lists()) {
    if (!list.is_bullet || list.items.empty()) continue;
    SourcePos first = list.items.front().start;
    ListMarker marker = marker_at(context, first);
    char expected = list.canonical_bullet;
    if (!marker.bullet || marker.bullet == expected) continue;
    std::string message = std::string("list uses '") + marker.bullet + "' bullets; use '" + expected + "'";
    if (expected != '-') message += " (it follows another list, and the same bullet would join them)";
    out.report(first, message, true);
  }
}

void check_list_indent(const LintContext& context, RuleReporter& out) {
  for (const ListInfo& list : context.lists()) {
    int expected = expected_column(context, list);
    for (const ListInfo::Entry& item : list.items) {
      ListMarker marker = marker_at(context, item.start);
      if (!marker.at_line_start) continue;
      if (expected >= 0 && marker.column != expected)
        out.report(item.start,
                   "list item indented by " + std::to_string(marker.column) +
                       (marker.column == 1 ? " column" : " columns") + "; expected " + std::to_string(expected),
                   true);
      else if (marker.has_content && !item.code_first && (marker.tab_after || marker.blanks_after != 1))
        out.report(item.start,
                   marker.tab_after ? "tab after the list marker; use one space"
                                    : std::to_string(marker.blanks_after) + " spaces after the list marker; use one",
                   true);
    }
  }
}

}  // namespace

void add_layout_rules(RuleRegistry& registry) {
  registry.add({"bullet-style", "Bullets are '-'", Severity::warning, true,
                "Unordered lists use '-' bullets (fmt's canonical style); '*' and '+' lists are rewritten by "
                "--fix. A list that directly follows a '-' list uses '*', since the same bullet would join the two. "
                "Lists inside block quotes are left as written.",
                FixEffect::layout},
               check_bullet_style);
  registry.add({"list-indent", "List items are indented canonically", Severity::warning, true,
                "Top-level items start in column 1; a nested item starts where its parent's text starts (2 "
                "columns under '- ', the marker width plus one under '1. '); one space follows the marker. Tabs "
                "count to the next multiple of 4 columns, as in CommonMark.",
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
                "Code blocks and HTML blocks keep their tabs. Only tabs in indentation are fixable.",
                FixEffect::layout},
               check_hard_tab);
}

}  // namespace curate
