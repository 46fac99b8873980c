// The canonical emitter: walks cmark-gfm's block tree and re-emits the source
// of each block with canonical layout (docs/fmt.md). Containers (the
// document and list items) are re-laid out; every other block is copied from
// the source with only its container indentation and trailing blanks changed.
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "curate/format.hpp"
#include "curate/markdown.hpp"
#include "curate/text.hpp"
#include "format_internal.hpp"

namespace curate {
namespace {

using format_detail::is_blank;
using format_detail::rstrip;

bool is_type(cmark_node* node, cmark_node_type type) { return node && cmark_node_get_type(node) == type; }

// Visual width of `text` starting at column `column` (tabs to stops of 4).
int visual_width(std::string_view text, int column = 0) {
  int start = column;
  for (char c : text) column += c == '\t' ? 4 - column % 4 : 1;
  return column - start;
}

// Where the content of a container sits in the source, and its output prefix.
struct Frame {
  int marker_line = 0;        // the list item's marker line; 0 for the document
  size_t marker_content = 0;  // byte offset of the content on the marker line
  int content_columns = 0;    // indentation its other lines carry in the source
  std::string prefix;         // indentation of its lines in the output
  bool top_level = true;
};

class Emitter {
 public:
  Emitter(std::string_view text, const KindTable& kinds) : m_text(text), m_lines(text), m_kinds(kinds) {}

  std::string run(cmark_node* root) {
    fix_table_positions(root);
    collect_hard_breaks(root);
    normalize_entries(root);
    emit_children(root, Frame{}, 1, m_lines.line_count());
    return std::move(m_out);
  }

 private:
  // --- output --------------------------------------------------------------

  void write_line(std::string_view line) {
    if (m_pending_blank && !m_out.empty()) m_out += '\n';
    m_pending_blank = false;
    m_out.append(rstrip(line));
    m_out += '\n';
  }

  // One line of a block: its container prefix (or a pending list marker) first.
  void emit_line(const std::string& text, const Frame& frame) {
    std::string lead = m_pending_lead ? std::move(*m_pending_lead) : frame.prefix;
    m_pending_lead.reset();
    write_line(text.empty() ? lead : lead + text);
  }

  // --- source --------------------------------------------------------------

  int start_line(cmark_node* node) const {
    auto fixed = m_fixed.find(node);
    return fixed == m_fixed.end() ? cmark_node_get_start_line(node) : fixed->second.first;
  }
  // cmark ends an unclosed fence, like a setext heading, on the line after
  // it: a block never reaches past the next block or its container.
  int end_line(cmark_node* node) const {
    auto fixed = m_fixed.find(node);
    int end = fixed == m_fixed.end() ? cmark_node_get_end_line(node) : fixed->second.second;
    if (cmark_node* next = cmark_node_next(node)) return std::min(end, start_line(next) - 1);
    cmark_node* parent = cmark_node_parent(node);
    return parent && cmark_node_parent(parent) ? std::min(end, end_line(parent)) : end;
  }

  // cmark-gfm's table extension gives a table the start of the paragraph it
  // split, and the remaining paragraph no position: the header row is the
  // line above the delimiter row, and the paragraph is what comes before it.
  void fix_table_positions(cmark_node* root) {
    CmarkIterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
      cmark_node* table = cmark_iter_get_node(iter.get());
      if (event != CMARK_EVENT_ENTER || !is_extension_node(table, "table")) continue;
      int first = cmark_node_get_start_line(table), last = cmark_node_get_end_line(table);
      int header = first;
      for (int line = first + 1; line <= last; ++line)
        if (is_delimiter_row(source_line(line))) {
          header = line - 1;
          break;
        }
      if (header == first) continue;
      m_fixed[table] = {header, last};
      cmark_node* paragraph = cmark_node_previous(table);
      if (is_type(paragraph, CMARK_NODE_PARAGRAPH) && cmark_node_get_start_line(paragraph) == 0)
        m_fixed[paragraph] = {first, header - 1};
    }
  }

  static bool is_delimiter_row(std::string_view line) {
    std::string_view text = trim(line);
    return text.find('-') != std::string_view::npos && text.find_first_not_of("|:- \t") == std::string_view::npos;
  }

  std::string_view source_line(int line) const { return m_lines.line_text(m_text, line); }

  // The last non-blank line of `node` (cmark counts trailing blank lines in).
  int last_line(cmark_node* node) const {
    int first = start_line(node);
    int last = std::min(std::max(end_line(node), first), m_lines.line_count());
    if (is_type(node, CMARK_NODE_HEADING) && !is_atx(node)) return setext_underline(first, last);
    while (last > first && is_blank(source_line(last))) --last;
    return last;
  }

  // An ATX heading opens with 1-6 "#" and a blank or the line's end; the
  // first line of a setext heading cannot (it would be an ATX heading).
  bool is_atx(cmark_node* heading) const {
    std::string_view text = source_line(start_line(heading));
    text.remove_prefix(
        std::min(text.size(), static_cast<size_t>(std::max(cmark_node_get_start_column(heading) - 1, 0))));
    text = trim(text);
    size_t hashes = std::min(text.find_first_not_of('#'), text.size());
    return hashes >= 1 && hashes <= 6 && (hashes == text.size() || text[hashes] == ' ' || text[hashes] == '\t');
  }

  // cmark ends a setext heading on the line after its underline: find the
  // underline itself (the last line of only "=" or only "-": a content line
  // of dashes indented four columns is text, not an underline).
  int setext_underline(int first, int last) const {
    for (int line = last; line > first; --line) {
      std::string_view text = trim(source_line(line));
      if (!text.empty() && text.find_first_not_of(text.front()) == std::string_view::npos &&
          (text.front() == '=' || text.front() == '-'))
        return line;
    }
    return last;
  }

  // Line `line` of a block inside `frame`, without the container's indentation.
  std::string relative_line(int line, const Frame& frame) const {
    std::string_view text = source_line(line);
    std::string relative;
    if (frame.marker_line == 0) {
      relative = text;
    } else if (line == frame.marker_line) {
      return std::string(text.substr(std::min(frame.marker_content, text.size())));
    } else {
      relative = format_detail::strip_indent(text, frame.content_columns);
    }
    return m_dedent ? format_detail::strip_indent(relative, m_dedent) : relative;
  }

  // Columns of indentation (under 4) of the first line of a block that
  // follows a list: once the list is re-indented, that indentation could
  // pull the block into the list's last item, so the block loses it.
  int dedent_after_list(int first, const Frame& frame) const {
    std::string text = relative_line(first, frame);
    size_t blanks = std::min(text.find_first_not_of(" \t"), text.size());
    int width = visual_width(std::string_view(text).substr(0, blanks));
    return width < 4 ? width : 0;
  }

  // Whether `node` ends in a fenced code block without its closing fence: a
  // blank line added after it would become part of the code.
  bool ends_open_fence(cmark_node* node) const {
    while (cmark_node_last_child(node) && (is_type(node, CMARK_NODE_LIST) || is_type(node, CMARK_NODE_ITEM)))
      node = cmark_node_last_child(node);
    int length = 0, offset = 0;
    char fence = 0;
    if (!is_type(node, CMARK_NODE_CODE_BLOCK) || !cmark_node_get_fenced(node, &length, &offset, &fence)) return false;
    int first = start_line(node), last = last_line(node);
    std::string_view closing = trim(source_line(last));
    size_t run = std::min(closing.find_first_not_of(fence), closing.size());
    return last == first || run < static_cast<size_t>(length) || run != closing.size();
  }

  // Trailing blanks go; two or more spaces that make a hard break become "\".
  std::string finish(int line, std::string text) const {
    std::string_view kept = rstrip(text);
    size_t spaces = text.size() - kept.size();
    bool hard_break = m_hard_breaks.count(line) && spaces >= 2 && text.compare(kept.size(), 2, "  ") == 0;
    return std::string(kept) + (hard_break && !kept.empty() ? "\\" : "");
  }

  // Lines of paragraphs and headings that end in two or more spaces before
  // another line of the same block, outside code spans: hard line breaks.
  // (cmark-gfm's inline positions are unreliable after a line break, so the
  // source is scanned instead.)
  void collect_hard_breaks(cmark_node* root) {
    CmarkIterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (event != CMARK_EVENT_ENTER || !(is_type(node, CMARK_NODE_PARAGRAPH) || is_type(node, CMARK_NODE_HEADING)))
        continue;
      int first = start_line(node), last = last_line(node);
      if (is_type(node, CMARK_NODE_HEADING) && !is_atx(node)) --last;  // the underline
      std::vector<std::string_view> lines;
      for (int line = first; line <= last; ++line) lines.push_back(source_line(line));
      std::vector<bool> in_code = format_detail::line_ends_in_code_span(lines);
      std::vector<int> found;
      for (int line = first; line < last; ++line)
        if (!in_code[static_cast<size_t>(line - first)] && ends_with(source_line(line), "  ")) found.push_back(line);
      // Reference definitions opening a paragraph are not part of its text:
      // only the last `breaks` candidates can be the node's line breaks.
      size_t breaks = count_line_breaks(node);
      size_t skip = found.size() > breaks ? found.size() - breaks : 0;
      m_hard_breaks.insert(found.begin() + static_cast<std::ptrdiff_t>(skip), found.end());
    }
  }

  static size_t count_line_breaks(cmark_node* node) {
    size_t count = 0;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
      count += is_type(child, CMARK_NODE_LINEBREAK) ? 1 : count_line_breaks(child);
    return count;
  }

  // --- containers ----------------------------------------------------------

  // Emits the children of `parent` with the source lines between them that no
  // node covers (link reference definitions), one blank line where the source
  // had any, and one around headings at the top level.
  void emit_children(cmark_node* parent, const Frame& frame, int first, int last) {
    int cursor = first;  // first source line not yet emitted or skipped
    int previous_end = frame.marker_line;
    bool previous_heading = false;
    char previous_bullet = 0;
    cmark_node* previous = nullptr;
    for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
      emit_gap(cursor, start_line(child) - 1, frame, previous_end, previous_heading);
      bool heading = is_type(child, CMARK_NODE_HEADING);
      bool around_heading =
          frame.top_level && (heading || previous_heading) && !(previous && ends_open_fence(previous));
      separate(start_line(child), previous_end, around_heading);
      if (is_type(previous, CMARK_NODE_LIST) && !is_type(child, CMARK_NODE_LIST))
        m_dedent = dedent_after_list(start_line(child), frame);
      previous_bullet = emit_block(child, frame, previous_bullet);
      m_dedent = 0;
      previous_heading = heading;
      previous_end = last_line(child);
      previous = child;
      cursor = std::max(cursor, std::max(end_line(child), start_line(child)) + 1);
    }
    emit_gap(cursor, last, frame, previous_end, previous_heading);
  }

  void separate(int start, int previous_end, bool around_heading) {
    if (previous_end == 0 || previous_end == start) return;  // first block, or on the marker line
    if (start > previous_end + 1 || around_heading) m_pending_blank = true;
  }

  // Non-blank lines in [from, to] that belong to no node, copied as blocks.
  void emit_gap(int from, int to, const Frame& frame, int& previous_end, bool& previous_heading) {
    for (int line = from; line <= to; ++line) {
      std::string text = paragraph_line(line, frame);
      if (is_blank(text)) continue;
      text = std::string(trim(text).empty() ? text : text.substr(std::min(text.find_first_not_of(' '), size_t{3})));
      separate(line, previous_end, frame.top_level && previous_heading);
      emit_line(finish(line, std::move(text)), frame);
      previous_end = line;
      previous_heading = false;
    }
  }

  // Emits one block; returns the bullet used when it is a bullet list.
  char emit_block(cmark_node* node, const Frame& frame, char previous_bullet) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST:
        return emit_list(node, frame, previous_bullet);
      case CMARK_NODE_HEADING:
        emit_heading(node, frame);
        return 0;
      case CMARK_NODE_PARAGRAPH:
        emit_paragraph(node, frame);
        return 0;
      case CMARK_NODE_BLOCK_QUOTE:
        emit_quote(node, frame);
        return 0;
      default:
        emit_verbatim(start_line(node), last_line(node), frame);
        return 0;
    }
  }

  void emit_verbatim(int first, int last, const Frame& frame) {
    for (int line = first; line <= last; ++line) emit_line(finish(line, relative_line(line, frame)), frame);
  }

  // A block quote in a list item may have lazy lines (no ">"): those that
  // could start a block keep four extra columns, as in paragraphs.
  void emit_quote(cmark_node* quote, const Frame& frame) {
    int first = start_line(quote), last = last_line(quote);
    for (int line = first; line <= last; ++line) {
      std::string text = finish(line, relative_line(line, frame));
      bool lazy_block = line > first && frame.marker_line && !starts_with(trim(text), ">") && could_start_block(text) &&
                        is_lazy(line, frame);
      emit_line(lazy_block ? "    " + std::string(trim(text)) : text, frame);
    }
  }

  // An item's one-line first paragraph: an entry, in house-style spacing.
  bool is_entry_paragraph(cmark_node* node) const {
    return is_type(node, CMARK_NODE_PARAGRAPH) && is_type(cmark_node_parent(node), CMARK_NODE_ITEM) &&
           !cmark_node_previous(node) && start_line(node) == last_line(node);
  }

  // Decides the spacing of every entry up front, so the field checks share
  // one parse (format_detail::normalize_entry_lines).
  void normalize_entries(cmark_node* root) {
    std::vector<cmark_node*> nodes;
    std::vector<std::string> lines;
    CmarkIterPtr iter(cmark_iter_new(root));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      // (A paragraph a table split has no column to start from: left as is.)
      if (event != CMARK_EVENT_ENTER || !is_entry_paragraph(node) || m_fixed.count(node)) continue;
      std::string_view text = source_line(start_line(node));
      size_t column = static_cast<size_t>(std::max(cmark_node_get_start_column(node) - 1, 0));
      nodes.push_back(node);
      lines.push_back(finish(start_line(node), std::string(text.substr(std::min(column, text.size())))));
    }
    std::vector<std::string> normalized = format_detail::normalize_entry_lines(lines, m_kinds);
    for (size_t i = 0; i < nodes.size(); ++i)
      if (normalized[i] != lines[i]) m_entries.emplace(nodes[i], std::move(normalized[i]));
  }

  // An item's one-line first paragraph is an entry: house-style spacing.
  void emit_paragraph(cmark_node* node, const Frame& frame) {
    int first = start_line(node), last = last_line(node);
    if (!is_entry_paragraph(node)) {
      for (int line = first; line <= last; ++line) {
        if (line > first) m_dedent = 0;  // continuation lines stay paragraph text where they are
        std::string text = finish(line, paragraph_line(line, frame));
        // A lazy line that could start a block would start it once indented
        // to the item's content; four more columns keep it paragraph text.
        if (line > first && frame.marker_line && could_start_block(text) && is_lazy(line, frame)) text = "    " + text;
        emit_line(text, frame);
      }
      return;
    }
    auto normalized = m_entries.find(node);
    emit_line(normalized != m_entries.end() ? normalized->second : finish(first, relative_line(first, frame)), frame);
  }

  // A heading, fence, quote, list item, HTML block, setext underline or
  // table delimiter row: anything that may interrupt a paragraph (ASCII
  // checks; err on the side of "yes", which only costs indentation).
  static bool could_start_block(std::string_view text) {
    text = trim(text);
    if (text.empty()) return false;
    char c = text.front();
    if (c == '#' || c == '>' || c == '<' || c == '|' || c == '=' || starts_with(text, "```") ||
        starts_with(text, "~~~"))
      return true;
    if ((c == '-' || c == '+' || c == '*') && (text.size() == 1 || text[1] == ' ' || text[1] == '\t' || text[1] == c))
      return true;
    size_t digits = std::min(text.find_first_not_of("0123456789"), text.size());
    if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) return true;
    return text.find_first_not_of("|:- \t") == std::string_view::npos;
  }

  // A paragraph continuation line indented less than its container's content.
  bool is_lazy(int line, const Frame& frame) const {
    std::string_view text = source_line(line);
    size_t blanks = std::min(text.find_first_not_of(" \t"), text.size());
    return visual_width(text.substr(0, blanks)) < frame.content_columns;
  }

  // A paragraph line in a list item loses indentation that cannot matter
  // (under 4 columns past its container); a deeper one keeps it, as it
  // could otherwise start a block.
  std::string paragraph_line(int line, const Frame& frame) const {
    std::string text = relative_line(line, frame);
    if (frame.marker_line == 0) return text;
    size_t blanks = std::min(text.find_first_not_of(" \t"), text.size());
    return visual_width(std::string_view(text).substr(0, blanks)) < 4 ? text.substr(blanks) : text;
  }

  char emit_list(cmark_node* list, const Frame& frame, char previous_bullet);
  void emit_item(cmark_node* item, const std::string& marker, const Frame& frame);
  void emit_heading(cmark_node* heading, const Frame& frame);
  std::optional<std::string> setext_content(cmark_node* heading, const Frame& frame);

  std::string_view m_text;
  LineIndex m_lines;
  const KindTable& m_kinds;
  std::map<cmark_node*, std::pair<int, int>> m_fixed;  // corrected (first, last) lines
  std::set<int> m_hard_breaks;
  std::map<cmark_node*, std::string>
      m_entries;  // entries whose spacing changes                         // source lines ending in a hard line break
  std::string m_out;
  bool m_pending_blank = false;
  int m_dedent = 0;                           // columns the current block loses (see dedent_after_list)
  std::optional<std::string> m_pending_lead;  // "- " waiting for the first line of an item
};

// --- lists -----------------------------------------------------------------

struct Marker {
  std::string text;  // as written: "-", "*", "12."
  Frame frame;       // where the item's content sits in the source
};

// Reads the marker of `item` and where its content starts (CommonMark's
// rule: 1-4 blanks after the marker, else one and the rest is indented code).
Marker read_marker(std::string_view line, cmark_node* item) {
  size_t at = static_cast<size_t>(std::max(cmark_node_get_start_column(item) - 1, 0));
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  size_t end = at;
  while (end < line.size() && line[end] >= '0' && line[end] <= '9') ++end;
  end = std::min(end + 1, line.size());  // the bullet or the "." / ")" delimiter
  Marker marker{std::string(line.substr(at, end - at)), {}};
  int marker_end = visual_width(line.substr(0, end));
  size_t content = end;
  while (content < line.size() && (line[content] == ' ' || line[content] == '\t')) ++content;
  int blanks = visual_width(line.substr(end, content - end), marker_end);
  marker.frame.marker_line = cmark_node_get_start_line(item);
  if (content == line.size() || blanks > 4 || blanks == 0) {
    marker.frame.content_columns = marker_end + 1;
    marker.frame.marker_content = content == line.size() ? content : std::min(end + 1, line.size());
  } else {
    marker.frame.content_columns = marker_end + blanks;
    marker.frame.marker_content = content;
  }
  return marker;
}

char Emitter::emit_list(cmark_node* list, const Frame& frame, char previous_bullet) {
  bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  // Two bullet lists in a row stay two lists only with different bullets.
  char bullet = previous_bullet == '-' ? '*' : '-';
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    std::string marker = ordered ? read_marker(source_line(start_line(item)), item).text : std::string(1, bullet);
    if (item != cmark_node_first_child(list)) separate(start_line(item), last_line(cmark_node_previous(item)), false);
    emit_item(item, marker, frame);
  }
  return ordered ? 0 : bullet;
}

void Emitter::emit_item(cmark_node* item, const std::string& marker, const Frame& frame) {
  Frame inner = read_marker(source_line(start_line(item)), item).frame;
  inner.prefix = frame.prefix + std::string(marker.size() + 1, ' ');
  inner.top_level = false;
  std::string lead = m_pending_lead ? std::move(*m_pending_lead) : frame.prefix;
  m_pending_lead.reset();
  // The marker line's content may belong to no node (a reference definition).
  if (!is_blank(relative_line(inner.marker_line, inner))) {
    m_pending_lead = lead + marker + " ";
  } else {
    write_line(lead + marker);
  }
  int end = std::min(std::max(end_line(item), inner.marker_line), m_lines.line_count());
  emit_children(item, inner, inner.marker_line, end);
}

// --- headings --------------------------------------------------------------

// A closing "#" run the ATX reading would drop is escaped.
std::string protect_closing_hashes(std::string content) {
  size_t last = content.find_last_not_of('#');
  if (content.empty() || last == content.size() - 1) return content;
  if (last == std::string::npos || content[last] == ' ' || content[last] == '\t') content.insert(last + 1, "\\");
  return content;
}

// The text of an ATX heading line: no opening or closing sequence.
std::string atx_content(std::string_view line) {
  std::string_view rest = trim(line);
  rest.remove_prefix(std::min(rest.find_first_not_of('#'), rest.size()));
  rest = trim(rest);
  size_t last = rest.find_last_not_of('#');
  if (last == std::string_view::npos) return {};
  if (last + 1 < rest.size() && (rest[last] == ' ' || rest[last] == '\t')) rest = trim(rest.substr(0, last));
  return std::string(rest);
}

// A setext heading's text on one line; nullopt when a line break inside it
// cannot be written in an ATX heading.
std::optional<std::string> Emitter::setext_content(cmark_node* heading, const Frame& frame) {
  int first = start_line(heading), underline = last_line(heading);
  // Reference definitions opening the text are not part of the heading.
  std::string_view opening = trim(source_line(first));
  if (starts_with(opening, "[") && opening.find("]:") != std::string_view::npos) return std::nullopt;
  std::vector<std::string> parts;
  for (int line = first; line < underline; ++line) {
    std::string text = finish(line, relative_line(line, frame));
    if (line + 1 < underline && ends_with(text, "\\")) return std::nullopt;
    parts.emplace_back(trim(text));
  }
  return protect_closing_hashes(join(parts, " "));
}

void Emitter::emit_heading(cmark_node* heading, const Frame& frame) {
  int first = start_line(heading), last = last_line(heading);
  std::optional<std::string> content;
  if (is_atx(heading)) {
    content = atx_content(relative_line(first, frame));
  } else {
    content = setext_content(heading, frame);
    if (!content) return emit_verbatim(first, last, frame);
  }
  std::string hashes(static_cast<size_t>(cmark_node_get_heading_level(heading)), '#');
  emit_line(content->empty() ? hashes : hashes + " " + *content, frame);
}

}  // namespace

std::string format_document(const MarkdownDocument& document, std::string_view text, const KindTable& kinds) {
  return Emitter(text, kinds).run(document.root());
}

std::string format_markdown(std::string_view text, const KindTable& kinds) {
  return format_document(MarkdownDocument(text), text, kinds);
}

}  // namespace curate
