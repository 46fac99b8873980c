// Where each block of a cmark-gfm tree sits in its source, with the
// corrections cmark-gfm's positions need (see format_internal.hpp).
#include <cmark-gfm.h>

#include <algorithm>

#include "curate/text/text.hpp"
#include "internal.hpp"

namespace curate::format_detail {
namespace {

bool is_delimiter_row(std::string_view line) {
  std::string_view text = trim(line);
  return text.find('-') != std::string_view::npos && text.find_first_not_of("|:- \t") == std::string_view::npos;
}

// The cells of a table row as GFM splits it: at pipes not escaped, a
// leading and a trailing pipe left out.
size_t row_cells(std::string_view line) {
  std::string_view text = trim(line);
  if (starts_with(text, "|")) text.remove_prefix(1);
  if (!text.empty() && text.back() == '|' && !is_escaped(text, text.size() - 1)) text.remove_suffix(1);
  size_t cells = 1;
  for (size_t i = 0; i < text.size(); ++i) cells += text[i] == '|' && !is_escaped(text, i) ? 1 : 0;
  return cells;
}

size_t count_line_breaks(cmark_node* node) {
  size_t count = 0;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    count += is_type(child, CMARK_NODE_LINEBREAK) ? 1 : count_line_breaks(child);
  return count;
}

void collect_blocks(cmark_node* node, std::vector<cmark_node*>& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    out.push_back(child);
    cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE)
      collect_blocks(child, out);
  }
}

}  // namespace

std::vector<cmark_node*> blocks_of(cmark_node* root) {
  std::vector<cmark_node*> out;
  collect_blocks(root, out);
  return out;
}

SourceMap::SourceMap(std::string_view text, cmark_node* root) : m_text(text), m_lines(text) {
  fix_table_positions(root);
  fix_html_block_ends(root);
  collect_hard_breaks(root);
}

std::string_view SourceMap::source_line(int number) const { return m_lines.line_text(m_text, number); }

int SourceMap::start_line(cmark_node* node) const {
  auto fixed = m_fixed.find(node);
  return fixed == m_fixed.end() ? cmark_node_get_start_line(node) : fixed->second.first;
}
// cmark ends an unclosed fence, like a setext heading, on the line after
// it: a block never reaches past the next block or its container.
int SourceMap::end_line(cmark_node* node) const {
  auto fixed = m_fixed.find(node);
  int end = fixed == m_fixed.end() ? cmark_node_get_end_line(node) : fixed->second.second;
  if (cmark_node* next = cmark_node_next(node)) return std::min(end, start_line(next) - 1);
  cmark_node* parent = cmark_node_parent(node);
  return parent && cmark_node_parent(parent) ? std::min(end, end_line(parent)) : end;
}

// cmark-gfm's table extension gives a table the start of the paragraph it
// split, and the remaining paragraph no position: the header row is the
// line above the delimiter row, and the paragraph is what comes before it.
// The delimiter row is the first that has as many cells as the table and
// the line above it: "| a | b |" / "|---|" / "--|" is a paragraph and a
// one-column table under "|---|" (fuzz finding 11).
void SourceMap::fix_table_positions(cmark_node* root) {
  for (cmark_node* table : blocks_of(root)) {
    if (!is_extension_node(table, "table")) continue;
    int first = cmark_node_get_start_line(table), last = cmark_node_get_end_line(table);
    size_t columns = 0;
    if (cmark_node* header_row = cmark_node_first_child(table))
      for (cmark_node* cell = cmark_node_first_child(header_row); cell; cell = cmark_node_next(cell)) ++columns;
    int header = first;
    for (int line = first + 1; line <= last; ++line) {
      std::string_view text = source_line(line);
      if (is_delimiter_row(text) && row_cells(text) == columns && row_cells(source_line(line - 1)) == columns) {
        header = line - 1;
        break;
      }
    }
    if (header == first) continue;
    m_fixed[table] = {header, last};
    cmark_node* paragraph = cmark_node_previous(table);
    if (is_type(paragraph, CMARK_NODE_PARAGRAPH) && cmark_node_get_start_line(paragraph) == 0)
      m_fixed[paragraph] = {first, header - 1};
  }
}

// cmark-gfm ends an HTML comment block that opens with "<!---" on its first
// line, though its text runs to the line with "-->" (fuzz finding 19): the
// block ends where its text does.
void SourceMap::fix_html_block_ends(cmark_node* root) {
  for (cmark_node* block : blocks_of(root)) {
    if (!is_type(block, CMARK_NODE_HTML_BLOCK) || m_fixed.count(block)) continue;
    const char* literal = cmark_node_get_literal(block);
    if (!literal) continue;
    std::string_view text(literal);
    int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (ends_with(text, "\n") ? 0 : 1);
    int first = cmark_node_get_start_line(block), last = first + lines - 1;
    if (first > 0 && last > cmark_node_get_end_line(block)) m_fixed[block] = {first, std::min(last, line_count())};
  }
}

// The last non-blank line of `node` (cmark counts trailing blank lines in).
int SourceMap::last_line(cmark_node* node) const {
  int first = start_line(node);
  int last = std::min(std::max(end_line(node), first), line_count());
  if (is_type(node, CMARK_NODE_HEADING) && !is_atx(node)) return setext_underline(first, last);
  while (last > first && is_blank(source_line(last))) --last;
  return last;
}

// An ATX heading opens with 1-6 "#" and a blank or the line's end; the
// first line of a setext heading cannot (it would be an ATX heading).
bool SourceMap::is_atx(cmark_node* heading) const {
  std::string_view text = source_line(start_line(heading));
  text.remove_prefix(std::min(text.size(), static_cast<size_t>(std::max(cmark_node_get_start_column(heading) - 1, 0))));
  text = trim(text);
  size_t hashes = std::min(text.find_first_not_of('#'), text.size());
  return hashes >= 1 && hashes <= 6 && (hashes == text.size() || text[hashes] == ' ' || text[hashes] == '\t');
}

// cmark ends a setext heading on the line after its underline: find the
// underline itself (the last line of only "=" or only "-": a content line
// of dashes indented four columns is text, not an underline).
int SourceMap::setext_underline(int first, int last) const {
  for (int line = last; line > first; --line)
    if (is_setext_underline(source_line(line))) return line;
  return last;
}

// Lines of paragraphs and headings that end in two or more spaces before
// another line of the same block, outside code spans: hard line breaks.
// (cmark-gfm's inline positions are unreliable after a line break, so the
// source is scanned instead.)
void SourceMap::collect_hard_breaks(cmark_node* root) {
  for (cmark_node* node : blocks_of(root)) {
    if (!is_type(node, CMARK_NODE_PARAGRAPH) && !is_type(node, CMARK_NODE_HEADING)) continue;
    int first = start_line(node), last = last_line(node);
    if (is_type(node, CMARK_NODE_HEADING) && !is_atx(node)) --last;  // the underline
    std::vector<int> found;
    for (int line = first; line < last; ++line)
      if (ends_with(source_line(line), "  ")) found.push_back(line);
    if (found.empty()) continue;  // almost every paragraph: no need to find its code spans
    std::vector<std::string_view> lines;
    for (int line = first; line <= last; ++line) lines.push_back(source_line(line));
    std::vector<bool> in_code = format_detail::line_ends_in_code_span(lines);
    std::erase_if(found, [&](int line) { return in_code[static_cast<size_t>(line - first)]; });
    // Reference definitions opening a paragraph are not part of its text:
    // only the last `breaks` candidates can be the node's line breaks.
    if (found.empty()) continue;
    size_t breaks = count_line_breaks(node);
    size_t skip = found.size() > breaks ? found.size() - breaks : 0;
    m_hard_breaks.insert(found.begin() + static_cast<std::ptrdiff_t>(skip), found.end());
  }
}

}  // namespace curate::format_detail
