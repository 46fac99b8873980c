// Syntax rules: Markdown that does not say what its author meant, because
// the parser read it otherwise (a heading without its space, a link written
// backwards, a line glued onto the entry above), and the small slips peers'
// linters catch (spaces inside link text, punctuation closing a heading,
// table rows with a cell too many).
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "../format/internal.hpp"
#include "context.hpp"
#include "curate/markdown/list_marker.hpp"
#include "curate/text/text.hpp"
#include "line_scan.hpp"

namespace curate {
namespace {

SourcePos at_byte(int line, size_t byte) { return {line, static_cast<int>(byte) + 1}; }

// --- heading-space -----------------------------------------------------------

// `#2 Deep Learning Method` is a paragraph, not a heading: its entries fall
// under the section before it.
void check_heading_space(const LintContext& context, RuleReporter& out) {
  for (int number = 1; number <= context.line_count(); ++number) {
    if (context.line_kind(number) != LineKind::text) continue;
    std::string_view line = context.line(number);
    size_t hashes = line.find_first_not_of(' ');
    if (hashes == std::string_view::npos || hashes > 3 || line[hashes] != '#') continue;
    size_t text = line.find_first_not_of('#', hashes);
    if (text == std::string_view::npos || text - hashes > 6) continue;
    unsigned char next = static_cast<unsigned char>(line[text]);
    if (next == ' ' || next == '\t' || !(std::isalnum(next) || next >= 0x80)) continue;
    std::string_view marker = line.substr(hashes, text - hashes);
    size_t offset = context.offset({number, 1}) + text;
    out.report_with_edit(at_byte(number, hashes), at_byte(number, line.size() - 1),
                         single_quoted(trim(line)) + " is text, not a heading: write " +
                             single_quoted(std::string(marker) + " " + std::string(line.substr(text))),
                         offset, 0, " ");
  }
}

// --- list-marker-space -------------------------------------------------------

// "*[2Chat](…) - Check if a number is on WhatsApp." right under a heading
// (awesome-osint): a marker glued to its link opens no item, so the line
// is a paragraph's and its entry is lost. Lines glued onto an item above
// are lazy-continuation's.
bool glued_marker_line(std::string_view line) {
  size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos || at > 3 || at + 1 >= line.size() || line[at + 1] != '[') return false;
  char marker = line[at];
  // "*[x](…)*" is emphasis around a link, not a marker.
  return marker == '-' || marker == '+' || (marker == '*' && line.find('*', at + 1) == std::string_view::npos);
}

void check_list_marker_space(const LintContext& context, RuleReporter& out) {
  bool open = false;  // the lines since a blank line or a heading are all glued entries
  for (int number = 1; number <= context.line_count(); ++number) {
    std::string_view line = context.line(number);
    if (trim(line).empty() || context.line_kind(number) != LineKind::text) {
      open = true;
      continue;
    }
    bool heading = line.find_first_not_of(' ') <= 3 && line[line.find_first_not_of(' ')] == '#';
    if (heading) {
      open = true;
      continue;
    }
    if (!open || !glued_marker_line(line)) {
      open = false;
      continue;
    }
    size_t at = line.find_first_not_of(' ');
    out.report_with_edit(at_byte(number, at), at_byte(number, line.size() - 1),
                         single_quoted(line.substr(at, 2)) + " starts no list item, so " +
                             single_quoted(trim(line.substr(at + 1))) + " is text, not an entry: write " +
                             single_quoted(std::string(1, line[at]) + " ["),
                         context.offset({number, 1}) + at + 1, 0, " ");
  }
}

// --- link-syntax -------------------------------------------------------------

bool looks_like_url(std::string_view text) {
  return istarts_with(text, "http://") || istarts_with(text, "https://") || istarts_with(text, "www.");
}

// `(text)[https://…]`: the parts of a link in the wrong order.
void find_reversed(const LintContext& context, int number, std::string_view line, const std::vector<bool>& code,
                   RuleReporter& out) {
  for (size_t open = line.find('('); open != std::string_view::npos; open = line.find('(', open + 1)) {
    if (code[open] || is_escaped(line, open) || (open > 0 && line[open - 1] == ']')) continue;
    size_t close = matching_bracket(line, open);
    if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != '[') continue;
    size_t url_end = matching_bracket(line, close + 1);
    if (url_end == std::string_view::npos) continue;
    std::string_view text = line.substr(open + 1, close - open - 1);
    std::string_view url = line.substr(close + 2, url_end - close - 2);
    bool followed = url_end + 1 < line.size() && (line[url_end + 1] == '(' || line[url_end + 1] == '[');
    if (!looks_like_url(url) || followed || trim(text).empty() || url.find(' ') != std::string_view::npos) continue;
    std::string fixed = "[" + std::string(text) + "](" + std::string(url) + ")";
    out.report_with_edit(at_byte(number, open), at_byte(number, url_end),
                         "link written backwards " + single_quoted(line.substr(open, url_end - open + 1)) + ": write " +
                             single_quoted(fixed),
                         context.offset({number, 1}) + open, url_end - open + 1, fixed);
    open = url_end;
  }
}

// `[text] (https://…)` and `[[pdf]] (https://…)`: a space between the text
// and the destination, so neither is a link.
void find_spaced(const LintContext& context, int number, std::string_view line, const std::vector<bool>& code,
                 RuleReporter& out) {
  for (size_t open = line.find('['); open != std::string_view::npos; open = line.find('[', open + 1)) {
    if (code[open] || is_escaped(line, open) || (open > 0 && (line[open - 1] == '[' || line[open - 1] == '!')))
      continue;
    size_t close = matching_bracket(line, open);
    if (close == std::string_view::npos) continue;
    size_t paren = line.find_first_not_of(" \t", close + 1);
    if (paren == close + 1 || paren == std::string_view::npos || line[paren] != '(') continue;
    size_t end = matching_bracket(line, paren);
    if (end == std::string_view::npos || !looks_like_url(line.substr(paren + 1)) ||
        trim(line.substr(open + 1, close - open - 1)).empty())
      continue;
    std::string_view written = line.substr(open, end - open + 1);
    std::string fixed =
        std::string(line.substr(open, close - open + 1)) + std::string(line.substr(paren, end - paren + 1));
    out.report_with_edit(at_byte(number, open), at_byte(number, end),
                         "space between ']' and '(' in " + single_quoted(written) +
                             " keeps it from being a link: write " + single_quoted(fixed),
                         context.offset({number, 1}) + close + 1, paren - close - 1, "");
    open = end;
  }
}

// "[Find Security Contacts] https://…" (awesome-osint) and "[Getting
// Started on Kubernetes][http://…]" (awesome-kubernetes): a link's text
// and its address without the parentheses, so neither is a link.
void find_unwrapped(const LintContext& context, int number, std::string_view line, const std::vector<bool>& code,
                    RuleReporter& out) {
  for (size_t open = line.find('['); open != std::string_view::npos; open = line.find('[', open + 1)) {
    if (code[open] || is_escaped(line, open) || (open > 0 && (line[open - 1] == ']' || line[open - 1] == '!')))
      continue;
    size_t close = matching_bracket(line, open);
    if (close == std::string_view::npos || close + 2 >= line.size()) continue;
    std::string_view text = trim(line.substr(open + 1, close - open - 1));
    if (text.empty() || text == "x" || text == "X" || text.find('[') != std::string_view::npos) continue;
    bool bracketed = line[close + 1] == '[';
    if (!bracketed && line[close + 1] != ' ') continue;
    size_t url = close + 2;
    if (!istarts_with(line.substr(url), "http://") && !istarts_with(line.substr(url), "https://")) continue;
    size_t url_end = bracketed ? line.find(']', url) : std::min(line.find_first_of(" \t", url), line.size());
    if (url_end == std::string_view::npos || line.substr(url, url_end - url).find(' ') != std::string_view::npos)
      continue;
    if (!bracketed)  // GFM leaves a closing stop or comma out of a bare address
      while (url_end > url && std::string_view(".,;:!?").find(line[url_end - 1]) != std::string_view::npos) --url_end;
    std::string_view address = line.substr(url, url_end - url);
    size_t end = bracketed ? url_end : url_end - 1;
    std::string fixed = "[" + std::string(text) + "](" + std::string(address) + ")";
    out.report_with_edit(at_byte(number, open), at_byte(number, end),
                         single_quoted(line.substr(open, end - open + 1)) +
                             " is no link: its address needs parentheses: write " + single_quoted(fixed),
                         context.offset({number, 1}) + open, end - open + 1, fixed);
    open = end;
  }
}

// "[IRC Client](http://hackage.haskell.org/packages/#cat:IRC Client)"
// (awesome-haskell): a blank in the destination, not before a title, so
// no link; GFM links the address up to the blank, and the entry reads
// wrongly.
void find_blank_in_destination(const LintContext& context, int number, std::string_view line, RuleReporter& out) {
  std::vector<bool> code;
  for (size_t at = line.find("]("); at != std::string_view::npos; at = line.find("](", at + 2)) {
    size_t start = at + 2;
    // Most destinations close before any blank: two memchr-fast finds tell.
    size_t blank = line.find(' ', start), paren = line.find(')', start);
    if (blank == std::string_view::npos || paren == std::string_view::npos || paren < blank) continue;
    if (!looks_like_url(line.substr(start))) continue;
    size_t next = line.find_first_not_of(' ', blank);
    // "(url )" is a link, and so is "(url "title")".
    if (next == std::string_view::npos || std::string_view("\"'()").find(line[next]) != std::string_view::npos)
      continue;
    size_t close = line.find(')', next);
    if (close == std::string_view::npos ||
        line.substr(start, close - start).find_first_of("<>\"") != std::string_view::npos)
      continue;
    if (code.empty()) code = code_span_mask(line);
    if (code[at]) continue;
    std::string_view destination = line.substr(start, close - start);
    std::string fixed;
    for (char c : destination) fixed += c == ' ' ? std::string("%20") : std::string(1, c);
    out.report_with_edit(at_byte(number, start), at_byte(number, close - 1),
                         "link destination " + single_quoted(destination) + " holds a blank, so it is no link: write " +
                             single_quoted(fixed),
                         context.offset({number, 1}) + start, destination.size(), fixed);
    at = close;
  }
}

void check_link_syntax(const LintContext& context, RuleReporter& out) {
  for (int number = 1; number <= context.line_count(); ++number) {
    if (context.line_kind(number) != LineKind::text) continue;
    std::string_view line = context.line(number);
    find_blank_in_destination(context, number, line, out);
    bool unwrapped = line.find("] http") != std::string_view::npos || line.find("][http") != std::string_view::npos;
    if (line.find(")[") == std::string_view::npos && line.find("] (") == std::string_view::npos &&
        line.find("]\t(") == std::string_view::npos && !unwrapped)
      continue;
    std::vector<bool> code = code_span_mask(line);
    find_reversed(context, number, line, code, out);
    find_spaced(context, number, line, code, out);
    if (unwrapped) find_unwrapped(context, number, line, code, out);
  }
}

// --- link-text-spaces --------------------------------------------------------

void check_link_text_spaces(const LintContext& context, RuleReporter& out) {
  std::string_view text = context.text();
  for (const LinkInfo& link : context.links()) {
    if (link.is_image || link.is_autolink) continue;
    size_t open = context.offset(link.span.begin);
    if (open >= text.size() || text[open] != '[') continue;
    size_t end = context.offset(link.span.end) + 1;
    if (end <= open || end > text.size()) continue;  // cmark gave no position (lint/rules_links.cpp)
    std::string_view rest = text.substr(open, end - open);
    size_t close = matching_bracket(rest, 0);
    if (close == std::string_view::npos || close < 2) continue;
    std::string_view inner = rest.substr(1, close - 1);
    if (inner.find('\n') != std::string_view::npos || trim(inner).empty()) continue;
    bool leading = inner.front() == ' ' || inner.front() == '\t';
    bool trailing = inner.back() == ' ' || inner.back() == '\t';
    if (!leading && !trailing) continue;
    out.report_with_edit(link.span.begin, link.span.end,
                         "spaces inside the link text " + single_quoted("[" + std::string(inner) + "]") + ": write " +
                             single_quoted("[" + std::string(trim(inner)) + "]"),
                         open + 1, inner.size(), std::string(trim(inner)));
  }
}

// --- heading-punctuation -----------------------------------------------------

// A heading ending in an abbreviation's period ("Big Data & Co.", "Smith
// Jr.", "Java EE vs.", an initial "Part A.") is a title, not a sentence.
bool ends_in_abbreviation(std::string_view text) {
  if (ends_with(text, "...")) return true;  // an ellipsis
  size_t start = text.find_last_of(" (/") + 1;
  std::string word = to_lower(text.substr(start));  // npos + 1: the whole text
  static const std::set<std::string, std::less<>> k_abbreviations = {
      "etc.", "co.", "inc.", "ltd.", "corp.", "jr.", "sr.", "vs.", "no.", "vol.", "ed.", "al.", "e.g.", "i.e."};
  return k_abbreviations.count(word) > 0 || (word.size() == 2 && std::isalpha(static_cast<unsigned char>(word[0])));
}

// "Services :zap:", "Every Programmer Should Know :thinking:": the colon
// closes an emoji shortcode, which GitHub shows as its picture.
bool ends_in_shortcode(std::string_view text) {
  if (text.size() < 3 || text.back() != ':') return false;
  size_t open = text.rfind(':', text.size() - 2);
  // ("Social Network :couple::couple:" (awesome-design): one after another.)
  if (open == std::string_view::npos || open + 2 >= text.size() ||
      (open > 0 && text[open - 1] != ' ' && text[open - 1] != ':'))
    return false;
  std::string_view name = text.substr(open + 1, text.size() - open - 2);
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
  });
}

void check_heading_punctuation(const LintContext& context, RuleReporter& out) {
  // A mark that ends most headings (at least 3) is the file's house style,
  // kept as fmt keeps a list's bullets: project-based-learning writes
  // `## C/C++:` on 40 of its 47 headings.
  constexpr std::string_view k_marks = ".,;:!";
  int headings = 0;
  std::array<int, k_marks.size()> ending{};
  for (const HeadingInfo& heading : context.headings()) {
    if (heading.in_container || heading.text.empty()) continue;
    ++headings;
    if (size_t mark = k_marks.find(heading.text.back());
        mark != std::string_view::npos && !ends_in_shortcode(heading.text))
      ++ending[mark];
  }
  for (const HeadingInfo& heading : context.headings()) {
    std::string_view text = heading.text;
    if (heading.in_container || text.empty() || heading.is_entry) continue;  // a book's "### [Let's Go!](…)"
    char last = text.back();
    size_t mark = k_marks.find(last);
    if (mark == std::string_view::npos) continue;
    if (ending[mark] >= 3 && 2 * ending[mark] > headings) continue;
    if ((last == '.' && ends_in_abbreviation(text)) || ends_in_shortcode(text)) continue;
    out.report(heading.span.begin, heading.span.end,
               "heading " + single_quoted(text) + " ends with " + single_quoted(std::string(1, last)) +
                   ": headings are titles, not sentences");
  }
}

// --- table-cells -------------------------------------------------------------

// The cells of a table row as written: GFM splits on every unescaped '|',
// inside code spans too; a leading and a trailing pipe only frame the row.
std::vector<std::string_view> cells_of(std::string_view row) {
  row = trim(row);
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|' && !is_escaped(row, row.size() - 1)) row.remove_suffix(1);
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t i = 0; i <= row.size(); ++i) {
    if (i < row.size() && (row[i] != '|' || is_escaped(row, i))) continue;
    cells.push_back(trim(row.substr(start, i - start)));
    start = i + 1;
  }
  return cells;
}

// Rows whose cells do not match the header: missing ones (GitHub leaves them
// empty, so the values shift left under the wrong columns) or extra ones
// with text (GitHub drops them). Extra empty cells ("| Yes | |") show nothing
// and lose nothing: not reported.
//
// In a table whose header has no closing pipe, a row's closing pipe opens an
// empty last cell: remote-jobs' "112 Tech | http://www.112tech.com/ |" under
// "Name | Website | Region" leaves the region empty on purpose, and GitHub
// shows it so.
void check_table_cells(const LintContext& context, RuleReporter& out) {
  auto closing_pipe = [](std::string_view row) {
    row = trim(row);
    return !row.empty() && row.back() == '|' && !is_escaped(row, row.size() - 1);
  };
  for (const TableLines& table : context.tables()) {
    size_t columns = cells_of(context.line(table.header)).size();
    bool open_header = !closing_pipe(context.line(table.header));
    for (int row : table.rows) {
      std::vector<std::string_view> cells = cells_of(context.line(row));
      if (open_header && cells.size() + 1 == columns && closing_pipe(context.line(row))) cells.emplace_back();
      if (cells.size() == columns) continue;
      bool lost = cells.size() < columns || std::any_of(cells.begin() + static_cast<long>(columns), cells.end(),
                                                        [](std::string_view cell) { return !cell.empty(); });
      if (!lost) continue;
      out.report({row, 1}, {row, static_cast<int>(context.line(row).size())},
                 "table row has " + plural(static_cast<long long>(cells.size()), "cell", "cells") +
                     "; the header (line " + std::to_string(table.header) + ") has " + std::to_string(columns) +
                     (cells.size() > columns ? ": GitHub drops the text of the extra ones"
                                             : ": GitHub leaves the missing ones empty"));
    }
  }
}

// --- lazy-continuation -------------------------------------------------------

// A line of only links to the list's own anchors ("[Back to Top](#contents)",
// bold or between pipes).
bool is_navigation_line(const LintContext& context, int number) {
  std::string_view line = context.line(number);
  std::string rest(line);
  bool any = false;
  const Links& links = context.links();
  auto first = std::lower_bound(links.begin(), links.end(), number,
                                [](const LinkInfo& link, int wanted) { return link.span.begin.line < wanted; });
  for (auto it = first; it != links.end(); ++it) {
    const LinkInfo& link = *it;
    if (link.span.begin.line > number) break;
    if (link.span.begin.line != number || link.span.end.line != number) continue;
    if (!starts_with(link.url, "#")) return false;
    any = true;
    for (int c = link.span.begin.column - 1; c < link.span.end.column && static_cast<size_t>(c) < rest.size(); ++c)
      rest[static_cast<size_t>(c)] = ' ';
  }
  return any && rest.find_first_not_of(" \t*_|") == std::string::npos;
}

constexpr std::array<std::string_view, 4> k_entry_separators = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": "};

// Whether a continuation line of `item` stands where its text does (indented
// to the item's text column): then it is a wrapped line, not a lazy one.
bool at_text_column(const LintContext& context, const Item& item, std::string_view line, size_t indent) {
  ListMarker marker = read_list_marker(context.line(item.pos.line), item.pos.column);
  return visual_width(line.substr(0, indent)) >= marker.content_column;
}

ItemCheck check_lazy_continuation(const LintContext& context, RuleReporter& out) {
  return [&context, &out](const ItemVisit& at) {
    const Item& item = at.item;
    if (item.source != EntrySource::list || item.paragraph_end_line <= item.pos.line) return;
    bool top_level = item.pos.column == 1;
    for (int number = item.pos.line + 1; number <= item.paragraph_end_line; ++number) {
      std::string_view line = context.line(number);
      size_t indent = line.find_first_not_of(" \t");
      if (indent == std::string_view::npos) continue;
      std::string_view text = line.substr(indent);
      size_t offset = context.offset({number, 1});
      bool glued_marker =
          (text.size() > 1 && text[1] == '[') &&
          (text[0] == '-' || text[0] == '+' || (text[0] == '*' && text.find('*', 1) == std::string_view::npos));
      if (glued_marker) {
        out.report_with_edit(at_byte(number, indent), at_byte(number, line.size() - 1),
                             single_quoted(text.substr(0, 2)) + " continues the entry " + single_quoted(item.title) +
                                 " above instead of starting an item: write " +
                                 single_quoted(std::string(1, text[0]) + " " + std::string(text.substr(1, 1))),
                             offset + indent + 1, 0, " ");
        continue;
      }
      // "- [B](…) - two⏎[C](…) - three": an entry on the line below, left of
      // the item's text and without its marker, is B's text (awesome-datascience).
      size_t link_end = text.front() == '[' ? markdown_link_end(text, 0) : std::string_view::npos;
      bool glued_entry =
          link_end != std::string_view::npos && !at_text_column(context, item, line, indent) &&
          std::any_of(std::begin(k_entry_separators), std::end(k_entry_separators),
                      [&](std::string_view sep) { return text.compare(link_end, sep.size(), sep) == 0; });
      if (glued_entry) {
        out.report(at_byte(number, indent), at_byte(number, line.size() - 1),
                   single_quoted(trim(text)) + " continues the entry " + single_quoted(item.title) +
                       " above instead of starting an item: write a list marker before it");
        continue;
      }
      bool navigation = is_navigation_line(context, number);
      // A label for what follows ("LLM-based:") ends the paragraph with ':'
      // and has no nested list to introduce; fmt indents it into the entry,
      // so the indentation does not tell.
      bool label = number == item.paragraph_end_line && item.children.empty() && text.back() == ':';
      if (!navigation && !label) continue;
      std::string message = single_quoted(trim(text)) + (navigation ? " is navigation" : " introduces what follows") +
                            ", but it continues the entry " + single_quoted(item.title) +
                            " above: put a blank line before it";
      if (top_level)
        out.report_with_edit(at_byte(number, indent), at_byte(number, line.size() - 1), message, offset, indent, "\n");
      else
        out.report(at_byte(number, indent), at_byte(number, line.size() - 1), message + " (and place it by hand)");
    }
  };
}

// --- entry-spaces ------------------------------------------------------------

// "[Hello World](…) - Shows how experts.  Focusing on…": a run of blanks in
// an entry's line, which GitHub shows as one space and fmt writes as one
// (docs/fmt.md, house-style spacing), so that validate reports what fmt
// --check fails on. Code spans keep their spacing; trailing blanks are
// trailing-whitespace's; metadata fields are metadata-separator's.
ItemCheck check_entry_spaces(const LintContext& context, RuleReporter& out) {
  return [&context, &out](const ItemVisit& at) {
    const Item& item = at.item;
    if (item.source != EntrySource::list || item.paragraph_end_line != item.pos.line) return;
    std::string_view line = context.line(item.pos.line);
    // Most entries have no run of blanks from their marker on: no need to read the marker.
    std::string_view from_marker =
        line.substr(std::min(static_cast<size_t>(std::max(item.pos.column - 1, 0)), line.size()));
    if (from_marker.find("  ") == std::string_view::npos && from_marker.find('\t') == std::string_view::npos) return;
    ListMarker marker = read_list_marker(line, std::max(item.pos.column - 1, 0));
    if (!marker.found || marker.content >= line.size()) return;
    std::string text(format_detail::rstrip(line.substr(marker.content)));
    std::string collapsed = format_detail::normalize_entry_line(text, context.config().kinds);
    if (collapsed == text) return;
    // The first run, to point at, with the words around it: "experts.··Focusing".
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    size_t run = 0;
    while (run < text.size() && run < collapsed.size() && text[run] == collapsed[run]) ++run;
    // (A field's ';' or a link's spacing is another rule's.)
    if (run == 0 || run >= text.size() || !blank(text[run]) || (!blank(text[run - 1]) && text[run] != '\t')) return;
    size_t begin = run;
    while (begin > 0 && blank(text[begin - 1])) --begin;
    size_t word = begin == 0 ? std::string::npos : text.find_last_of(" \t", begin - 1);
    word = word == std::string::npos ? 0 : word + 1;
    size_t end =
        std::min(text.find_first_of(" \t", std::min(text.find_first_not_of(" \t", run), text.size())), text.size());
    std::string shown;
    for (char c : std::string_view(text).substr(word, end - word)) shown += blank(c) ? "\xC2\xB7" : std::string(1, c);
    out.report(item.pos, at.line_end,
               single_quoted(item.title) + " has a run of blanks (" + single_quoted(shown) +
                   "): GitHub shows one space, and curate fmt writes one");
  };
}

}  // namespace

void add_syntax_rules(RuleRegistry& registry) {
  registry.add_item_rule(
      {"lazy-continuation", "No line is glued onto the entry above", Severity::error, true,
       "A line right below a list item, without a blank line, continues that item's text (CommonMark's lazy "
       "continuation), and fmt keeps it there. Reported: '-[Name](url)' without the space after the marker (an "
       "entry meant as an item), '[Name](url) - text' left of the item's text (an entry without its marker), a "
       "line of only #anchor links ('[Back to Top](#contents)'), and a last line "
       "ending with ':' under an entry without nested items (a label for what follows, 'LLM-based:'). Fixed: the "
       "missing space; for a top-level item, a blank line before the other two, which start the line anew.",
       FixEffect::structure},
      check_lazy_continuation);
  registry.add({"heading-space", "Headings have a space after their '#'", Severity::error, true,
                "'#2 Deep Learning Method' is a paragraph, not a heading, so its entries fall under the section "
                "before it. --fix adds the space.",
                FixEffect::structure},
               check_heading_space);
  registry.add({"list-marker-space", "List markers have a space after them", Severity::error, true,
                "'*[2Chat](url) - …' right under a heading or a blank line is a paragraph, not a list item, so its "
                "entry is lost. --fix adds the space. A line glued onto an item above is lazy-continuation's.",
                FixEffect::structure},
               check_list_marker_space);
  registry.add({"link-syntax", "Links are written [text](url)", Severity::error, true,
                "Reported: a link written backwards, '(text)[https://…]', and a space between the text and the "
                "destination, '[text] (https://…)' or '[[pdf]] (https://…)', and an address without its "
                "parentheses, '[text] https://…' or '[text][https://…]': none is a link, so the entry loses "
                "its URL. Only destinations that look like web addresses are read; code spans and task boxes are "
                "left alone. --fix writes '[text](url)'.",
                FixEffect::structure},
               check_link_syntax);
  registry.add_item_rule(
      {"entry-spaces", "Entries have one space between words", Severity::warning, false,
       "A run of blanks in an entry's line ('experts.  Focusing', '[W3af](…) -  Web…') shows as one space on "
       "GitHub, and curate fmt writes one: reported so that validate and fmt --check agree. Code spans keep "
       "their spacing; curate fmt fixes it."},
      check_entry_spaces);
  registry.add({"link-text-spaces", "Link text has no spaces at its ends", Severity::warning, true,
                "'[ Name ](url)' underlines the spaces; --fix writes '[Name](url)'."},
               check_link_text_spaces);
  registry.add({"heading-punctuation", "Headings do not end with punctuation", Severity::warning, false,
                "A heading ending with '.', ',', ';', ':' or '!' reads as a sentence (an ellipsis and an "
                "abbreviation's period, 'etc.', 'Co.', 'Inc.', 'vs.', an initial, excepted); '?' is a question and "
                "fine. A mark that ends most of the file's headings (at least 3) is its house style and not "
                "reported ('## C/C++:', '### OpenGL:')."},
               check_heading_punctuation);
  registry.add({"table-cells", "Table rows have as many cells as the header", Severity::error, false,
                "GitHub drops the cells of a row beyond the header's count and leaves missing ones empty, so a row "
                "with a stray or missing '|' shows its values under the wrong columns or not at all. Extra cells "
                "that are empty ('| Yes | |') show and lose nothing and are not reported. Escaped pipes ('\\|') "
                "are text."},
               check_table_cells);
}

}  // namespace curate
