// Line helpers of the formatter and the house-style spacing of entry lines.
#include <cmark-gfm.h>

#include "curate/catalog/grammar.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"
#include "internal.hpp"

namespace curate::format_detail {
namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

// Length of the run of `c` starting at `pos`.
size_t run_length(std::string_view s, size_t pos, char c) {
  size_t end = pos;
  while (end < s.size() && s[end] == c) ++end;
  return end - pos;
}

// End of the code span opened by the backtick run at `pos`, or npos when the
// run has no closing run of the same length (then it is literal text).
size_t code_span_end(std::string_view s, size_t pos) {
  size_t open = run_length(s, pos, '`');
  for (size_t at = s.find('`', pos + open); at != std::string_view::npos; at = s.find('`', at)) {
    size_t close = run_length(s, at, '`');
    if (close == open) return at + close;
    at += close;
  }
  return std::string_view::npos;
}

// Runs of blanks become one space, except inside code spans, where spacing is
// content; trailing blanks go.
std::string collapse_blanks(std::string_view s) {
  // "[ ]  Course: [Intro to JS](…)" (p1xt-guides' 120 steps): the blanks
  // after a task box are the box's, kept as the list writes them.
  if (s.size() > 4 && s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') && s[2] == ']' &&
      is_blank_char(s[3]) && is_blank_char(s[4])) {
    size_t box = 3;
    while (box < s.size() && is_blank_char(s[box])) ++box;
    if (box < s.size()) return std::string(s.substr(0, box)) + collapse_blanks(s.substr(box));
  }
  // Without a tab, two blanks in a row or a trailing blank every blank run
  // is already one space, wherever the code spans are.
  if (s.find('\t') == s.npos && s.find("  ") == s.npos && (s.empty() || s.back() != ' ')) return std::string(s);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out.append(s.substr(i, 2));
      i += 2;
    } else if (c == '`') {
      size_t end = code_span_end(s, i);
      size_t next = end == std::string_view::npos ? i + run_length(s, i, '`') : end;
      out.append(s.substr(i, next - i));
      i = next;
    } else if (is_blank_char(c)) {
      while (i < s.size() && is_blank_char(s[i])) ++i;
      if (i < s.size()) out += ' ';
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

// "A;kind ;2016" -> "A; kind; 2016" (empty fields kept, so nothing moves:
// "A;;B" -> "A;; B", "A;" stays; a blank before an empty field would be
// kept at the text's edge and get another one each pass, fuzz finding 12).
// Blanks at the edges of the link text stay: "[ A;B]" renders its space.
std::string normalize_fields(std::string_view text) {
  size_t first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
  if (first == std::string_view::npos) return std::string(text);
  std::string out(text.substr(0, first));
  std::string_view edges_after = text.substr(last + 1);
  text = text.substr(first, last + 1 - first);
  size_t start = 0;
  for (size_t semi = text.find(';');; semi = text.find(';', start)) {
    std::string_view field = trim(text.substr(start, semi == std::string_view::npos ? text.npos : semi - start));
    if (start) out += field.empty() ? ";" : "; ";
    out.append(field);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  out.append(edges_after);
  return out;
}

// The "]" closing the link text opened at `open`, or npos.
size_t link_text_end(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '`') {
      return std::string_view::npos;  // code in a link text: leave it alone
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Normalises the fields of every inline link text that holds a ";".
std::string normalize_link_texts(std::string_view s) {
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '`') {
      size_t end = code_span_end(s, i);
      if (end != std::string_view::npos) i = end - 1;
      continue;
    }
    if (s[i] != '[') continue;
    size_t close = link_text_end(s, i);
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '(') continue;
    std::string_view text = s.substr(i + 1, close - i - 1);
    if (text.find(';') == std::string_view::npos || text.find('[') != std::string_view::npos) continue;
    out.append(s.substr(copied, i + 1 - copied));
    out += normalize_fields(text);
    copied = close;
    i = close;
  }
  out.append(s.substr(copied));
  return out;
}

// The fields of `line` read as the only item of a list; nullopt when it does
// not parse as one item whose first block is a one-line paragraph.
std::optional<Item> parse_alone(std::string_view line, const KindTable& kinds) {
  MarkdownDocument document("- " + std::string(line) + "\n");
  cmark_node* list = cmark_node_first_child(document.root());
  if (!list || cmark_node_next(list) || cmark_node_get_type(list) != CMARK_NODE_LIST) return std::nullopt;
  cmark_node* item = cmark_node_first_child(list);
  cmark_node* paragraph = item ? cmark_node_first_child(item) : nullptr;
  if (!paragraph || cmark_node_next(item) || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH ||
      cmark_node_get_end_line(paragraph) != 1)
    return std::nullopt;
  Item parsed;
  parse_entry_fields(paragraph, kinds, parsed);
  return parsed;
}

}  // namespace

std::string_view rstrip(std::string_view line) {
  size_t end = line.find_last_not_of(" \t");
  return end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
}

std::string_view strip_blanks(std::string_view text) {
  size_t first = text.find_first_not_of(" \t");
  return first == std::string_view::npos ? std::string_view() : rstrip(text.substr(first));
}

std::string strip_indent(std::string_view line, int columns) {
  // Leading tabs are expanded as they go: their width depends on the column
  // they start at, which re-indenting changes.
  std::string out;
  int column = 0;
  size_t i = 0;
  for (; i < line.size() && is_blank_char(line[i]); ++i) {
    int width = line[i] == '\t' ? 4 - column % 4 : 1;
    for (int k = 0; k < width; ++k, ++column)
      if (column >= columns) out += ' ';
  }
  return out.append(line.substr(i));
}

std::vector<bool> line_ends_in_code_span(const std::vector<std::string_view>& lines) {
  std::string text;
  std::vector<size_t> ends;
  for (std::string_view line : lines) {
    text.append(line);
    ends.push_back(text.size());
    text += '\n';
  }
  std::vector<bool> in_code(lines.size(), false);
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\\') {
      i += 2;
    } else if (text[i] != '`') {
      ++i;
    } else if (size_t end = code_span_end(text, i); end != std::string::npos) {
      for (size_t k = 0; k < ends.size(); ++k) in_code[k] = in_code[k] || (ends[k] > i && ends[k] < end);
      i = end;
    } else {
      i += run_length(text, i, '`');
    }
  }
  return in_code;
}

std::string normalize_entry_line(std::string_view line, const KindTable& kinds) {
  std::string collapsed = collapse_blanks(line);
  std::string both = normalize_link_texts(collapsed);
  if (both == line) return std::string(line);
  std::optional<Item> original = parse_alone(line, kinds);
  if (!original) return std::string(line);
  for (const std::string& candidate : {both, collapsed, normalize_link_texts(line)}) {
    if (candidate == line) continue;
    std::optional<Item> parsed = parse_alone(candidate, kinds);
    if (parsed && !first_item_difference(*original, *parsed)) return candidate;
  }
  return std::string(line);
}

std::vector<std::string> normalize_entry_lines(const std::vector<std::string>& lines, const KindTable& kinds) {
  // One document holds every changed line next to its candidate, so a long
  // list costs one parse instead of two per entry.
  std::vector<std::string> out = lines;
  std::vector<size_t> changed;
  std::vector<std::string> candidates;
  std::string batch;
  for (size_t i = 0; i < lines.size(); ++i) {
    // Most lines have nothing to normalise: no run of blanks, no tab, no ";".
    if (lines[i].find("  ") == std::string::npos && lines[i].find_first_of("\t;") == std::string::npos) continue;
    std::string candidate = normalize_link_texts(collapse_blanks(lines[i]));
    if (candidate == lines[i]) continue;
    changed.push_back(i);
    batch += "- " + lines[i] + "\n- " + candidate + "\n";
    candidates.push_back(std::move(candidate));
  }
  if (changed.empty()) return out;
  MarkdownDocument document(batch);
  std::vector<cmark_node*> paragraphs;
  for (cmark_node* list = cmark_node_first_child(document.root()); list; list = cmark_node_next(list))
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item))
      paragraphs.push_back(cmark_node_first_child(item));
  bool aligned = paragraphs.size() == 2 * changed.size();
  for (size_t k = 0; aligned && k < paragraphs.size(); ++k)
    aligned = paragraphs[k] && cmark_node_get_type(paragraphs[k]) == CMARK_NODE_PARAGRAPH &&
              cmark_node_get_start_line(paragraphs[k]) == static_cast<int>(k + 1) &&
              cmark_node_get_end_line(paragraphs[k]) == static_cast<int>(k + 1);
  for (size_t k = 0; k < changed.size(); ++k) {
    std::string& line = out[changed[k]];
    Item original, parsed;
    if (aligned) {
      parse_entry_fields(paragraphs[2 * k], kinds, original);
      parse_entry_fields(paragraphs[2 * k + 1], kinds, parsed);
    }
    // The first candidate failed (or the batch did not line up): try the
    // smaller changes one line at a time.
    line = aligned && !first_item_difference(original, parsed) ? candidates[k] : normalize_entry_line(line, kinds);
  }
  return out;
}

// A closing "#" run the ATX reading would drop is escaped.
std::string protect_closing_hashes(std::string content) {
  size_t last = content.find_last_not_of('#');
  if (content.empty() || last == content.size() - 1) return content;
  if (last == std::string::npos || content[last] == ' ' || content[last] == '\t') content.insert(last + 1, "\\");
  return content;
}

// The text of an ATX heading line: no opening or closing sequence. Only
// spaces and tabs are stripped, as CommonMark strips them: a form feed at
// the end is part of the heading's text (fuzz finding 10).
namespace {

// An ATX heading line without its opening "#"s and the blanks around what
// is left; `last`: where its last byte other than '#' stands (npos: none).
std::string_view atx_rest(std::string_view line, size_t& last) {
  std::string_view rest = strip_blanks(line);
  rest.remove_prefix(std::min(rest.find_first_not_of('#'), rest.size()));
  rest = strip_blanks(rest);
  last = rest.find_last_not_of('#');
  return rest;
}

}  // namespace

std::string atx_content(std::string_view line) {
  size_t last = 0;
  std::string_view rest = atx_rest(line, last);
  if (last == std::string_view::npos) return {};
  if (last + 1 < rest.size() && (rest[last] == ' ' || rest[last] == '\t')) rest = strip_blanks(rest.substr(0, last));
  return std::string(rest);
}

std::string_view atx_closing(std::string_view line) {
  size_t last = 0;
  std::string_view rest = atx_rest(line, last);
  if (last == std::string_view::npos || last + 1 == rest.size() || (rest[last] != ' ' && rest[last] != '\t')) return {};
  return rest.substr(last + 1);
}

}  // namespace curate::format_detail
