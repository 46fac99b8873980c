// The canonical emitter: walks cmark-gfm's block tree and re-emits the source
// of each block with canonical layout (docs/fmt.md). Containers (the
// document and list items) are re-laid out; every other block is copied from
// the source with only its container indentation and trailing blanks changed.
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "curate/format/format.hpp"
#include "curate/format/layout.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"
#include "internal.hpp"

namespace curate {
namespace {

using format_detail::rstrip;

// Where the content of a container sits in the source, and its output prefix.
struct Frame {
  int marker_line = 0;             // the list item's marker line; 0 for the document
  size_t marker_content = 0;       // byte offset of the content on the marker line
  size_t marker_end = 0;           // byte offset just past the marker
  bool code_after_marker = false;  // over 4 columns of blanks follow the marker: indented code
  int content_columns = 0;         // indentation its other lines carry in the source
  std::string prefix;              // indentation of its lines in the output
  int surplus = 0;                 // columns the prefix's tabs reach past the item's text
  bool top_level = true;
  // An item's frame: its marker in the output, and its marker's column in
  // the source (nested lists keep their offset from it).
  std::string out_lead;     // what precedes the item's marker in the output
  int out_text_column = 0;  // where the item's text starts in the output
  int source_column = 0;    // the item's marker column in the source
};

class Emitter {
 public:
  Emitter(std::string_view text, cmark_node* root, const KindTable& kinds, const FmtSettings& settings)
      : m_source(text, root),
        m_kinds(kinds),
        m_imposed(imposed_layout(settings)),
        m_heading_gaps(gaps_of(text, root)),
        m_setext{false, setext_habit(root, 1), setext_habit(root, 2)},
        m_closing_hashes(closing_habit(root)),
        m_lazy_habit(lazy_habit(root)) {}

  std::string run(cmark_node* root, std::string_view text) {
    normalize_entries(root);
    // Front matter is not Markdown: copied byte for byte.
    FrontMatter front = find_front_matter(text);
    m_out.append(text.substr(0, front.bytes));
    if (front.bytes && m_out.back() != '\n') m_out += '\n';
    m_pending_blanks =
        front.lines && front.lines < m_source.line_count() && is_blank(m_source.source_line(front.lines + 1));
    emit_children(root, Frame{}, front.lines + 1, m_source.line_count());
    return std::move(m_out);
  }

 private:
  // --- output --------------------------------------------------------------

  // Trailing blanks go, but for the two spaces finish() keeps for a hard
  // break that a backslash cannot write.
  // A line of code keeps its trailing blanks: they are the code's.
  void write_line(std::string_view line, bool code = false) {
    if (m_pending_blanks && !m_out.empty()) m_out.append(static_cast<size_t>(m_pending_blanks), '\n');
    m_pending_blanks = 0;
    std::string_view kept = rstrip(line);
    bool break_spaces = line.size() == kept.size() + 2 && ends_with(line, "  ") && !backslash_break_after(kept);
    m_out.append(break_spaces || code ? line : kept);
    m_out += '\n';
  }

  // One line of a block: its container prefix (or a pending list marker) first.
  void emit_line(const std::string& text, const Frame& frame, bool code = false) {
    std::string lead = m_pending_lead ? std::move(*m_pending_lead) : frame.prefix;
    m_pending_lead.reset();
    write_line(text.empty() ? lead : lead + text, code && !is_blank(text));
  }

  // --- source --------------------------------------------------------------

  // The columns of `text`'s leading blanks.
  static int leading_width(std::string_view text) {
    return visual_width(text.substr(0, std::min(text.find_first_not_of(" \t"), text.size())));
  }

  // Line `line` of a block inside `frame`, without the container's indentation.
  std::string relative_line(int line, const Frame& frame) const {
    std::string_view text = m_source.source_line(line);
    std::string relative;
    if (frame.marker_line == 0) {
      relative = text;
    } else if (line == frame.marker_line) {
      if (!frame.code_after_marker) return std::string(text.substr(std::min(frame.marker_content, text.size())));
      // A tab after the marker may be partly the blank the marker needs and
      // partly the code's indentation: count columns, not bytes.
      std::string blanked(static_cast<size_t>(visual_width(text.substr(0, frame.marker_end))), ' ');
      return format_detail::strip_indent(blanked.append(text.substr(frame.marker_end)), frame.content_columns);
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
    int width = leading_width(text);
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
    int first = m_source.start_line(node), last = m_source.last_line(node);
    std::string_view closing = trim(m_source.source_line(last));
    size_t run = std::min(closing.find_first_not_of(fence), closing.size());
    return last == first || run < static_cast<size_t>(length) || run != closing.size();
  }

  // Trailing blanks go; two or more spaces that make a hard break become
  // "\", or two spaces where a backslash would change the line's reading.
  std::string finish(int line, std::string text) const {
    std::string_view kept = rstrip(text);
    size_t spaces = text.size() - kept.size();
    bool hard_break = m_source.is_hard_break(line) && spaces >= 2 && text.compare(kept.size(), 2, "  ") == 0;
    if (!hard_break || kept.empty()) return std::string(kept);
    return std::string(kept) + (backslash_break_after(kept) ? "\\" : "  ");
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
      emit_gap(cursor, m_source.start_line(child) - 1, frame, previous_end, previous_heading);
      bool heading = is_type(child, CMARK_NODE_HEADING);
      // A comment right over a heading is the heading's (layout.hpp
      // heading_top): the blank lines go before the two, none between.
      bool opens = heading || opens_heading(child, cmark_node_next(child));
      // So do the comments right over that one (doctoc's "<!-- START doctoc
      // … -->" over "<!-- DON'T EDIT … -->" over "## Table of Contents").
      bool under_comment =
          previous && previous_end == m_source.start_line(child) - 1 &&
          (heading ? opens_heading(previous, child)
                   : opens && is_type(previous, CMARK_NODE_HTML_BLOCK) && is_type(child, CMARK_NODE_HTML_BLOCK));
      bool closes =
          previous_heading && previous_end == m_source.start_line(child) - 1 && closes_heading(previous, child);
      // Between two headings the "between" habit alone decides (layout.hpp).
      int before_heading = previous_heading ? m_heading_gaps.between : m_heading_gaps.before;
      if (before_heading == HeadingGaps::k_as_written)
        before_heading = blanks_written_before(m_source.start_line(child));
      bool around_heading = frame.top_level && !under_comment && !closes &&
                            (opens ? before_heading > 0 : previous_heading && m_heading_gaps.after) &&
                            !(previous && ends_open_fence(previous));
      separate(m_source.start_line(child), previous_end, around_heading);
      if (opens && !under_comment && frame.top_level && m_pending_blanks && before_heading > 0)
        m_pending_blanks = before_heading;
      if (is_type(previous, CMARK_NODE_LIST) && !is_type(child, CMARK_NODE_LIST))
        m_dedent = dedent_after_list(m_source.start_line(child), frame);
      previous_bullet = emit_block(child, frame, previous_bullet);
      m_dedent = 0;
      previous_heading = heading || closes;
      previous_end = m_source.last_line(child);
      previous = child;
      cursor = std::max(cursor, std::max(m_source.end_line(child), m_source.start_line(child)) + 1);
    }
    emit_gap(cursor, last, frame, previous_end, previous_heading);
  }

  // The blank lines over source line `line`, as one or two.
  int blanks_written_before(int line) const {
    int blanks = 0;
    while (line - blanks - 1 >= 1 && is_blank(m_source.source_line(line - blanks - 1))) ++blanks;
    return std::clamp(blanks, 1, 2);
  }

  // Whether `block` is an HTML comment that `heading`, right under it, takes.
  bool opens_heading(cmark_node* block, cmark_node* heading) const {
    if (!is_type(block, CMARK_NODE_HTML_BLOCK) || !is_type(heading, CMARK_NODE_HEADING)) return false;
    int start = m_source.start_line(heading);
    return m_source.last_line(block) == start - 1 &&
           heading_top(start, [&](int line) { return m_source.source_line(line); }) == m_source.start_line(block);
  }

  // Whether `block` is an HTML comment that `heading`, right over it, takes.
  bool closes_heading(cmark_node* heading, cmark_node* block) const {
    if (!is_type(block, CMARK_NODE_HTML_BLOCK) || !is_type(heading, CMARK_NODE_HEADING)) return false;
    int last = m_source.last_line(heading);
    return m_source.start_line(block) == last + 1 && heading_bottom(last, m_source.line_count(), [&](int line) {
                                                       return m_source.source_line(line);
                                                     }) == m_source.last_line(block);
  }

  void separate(int start, int previous_end, bool around_heading) {
    if (previous_end == 0 || previous_end == start) return;  // first block, or on the marker line
    if (start > previous_end + 1 || around_heading) m_pending_blanks = 1;
  }

  // Non-blank lines in [from, to] that belong to no node, copied as blocks.
  void emit_gap(int from, int to, const Frame& frame, int& previous_end, bool& previous_heading) {
    for (int line = from; line <= to; ++line) {
      std::string text = paragraph_line(line, frame);
      if (is_blank(text)) continue;
      text = format_detail::strip_indent(text, std::min(visual_width(text.substr(0, text.find_first_not_of(' '))), 3));
      separate(line, previous_end, frame.top_level && previous_heading && m_heading_gaps.after);
      emit_line(finish(line, std::move(text)), frame);
      previous_end = line;
      previous_heading = false;
    }
  }

  // Emits one block; returns the bullet used when it is a bullet list.
  char emit_block(cmark_node* node, const Frame& frame, char previous_bullet) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST:
        // An indented code block right after a list stayed out of its last
        // item only as that item's text starts past column four ("-   +"
        // over "    - S"): re-indented, the item would take the code in
        // (fuzz finding 33). Such a list stays as written.
        if (is_indented_code(cmark_node_next(node))) {
          emit_verbatim(m_source.start_line(node), m_source.last_line(node), frame);
          return 0;
        }
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
      case CMARK_NODE_CODE_BLOCK:
        emit_code(node, frame);
        return 0;
      default:
        emit_verbatim(m_source.start_line(node), m_source.last_line(node), frame);
        return 0;
    }
  }

  static bool is_indented_code(cmark_node* node) {
    return is_type(node, CMARK_NODE_CODE_BLOCK) && !is_fenced_code(node);
  }

  // The lines between the fences (all of an indented block) are the code's,
  // trailing blanks and all: `<pre>` shows them.
  void emit_code(cmark_node* code, const Frame& frame) {
    int first = m_source.start_line(code), last = m_source.last_line(code);
    int length = 0, offset = 0;
    char fence = 0;
    bool fenced = cmark_node_get_fenced(code, &length, &offset, &fence);
    // A fence left open at the end of the file keeps its blank lines there:
    // they are code ("  ```" over " " is one empty line of code; fuzz
    // finding 36).
    if (fenced && m_source.end_line(code) == m_source.line_count() && ends_open_fence(code))
      last = m_source.line_count();
    // cmark-gfm counts an opening fence's indentation in bytes, a tab as
    // one, and takes that many columns off each line of code. When a tab
    // makes the two differ, the fence is written flush with its container
    // and the lines without those columns (fuzz finding 25).
    bool tab_offset = false;
    // In an item whose lines keep their tabs (is_tab_fence), the prefix's
    // tab holds the columns past the item's text too.
    bool tab_prefix = frame.surplus > 0 && fenced && first != frame.marker_line;
    if (fenced && first != frame.marker_line && !tab_prefix) {
      int kept_dedent = std::exchange(m_dedent, 0);
      std::string opening = relative_line(first, frame);
      tab_offset = leading_width(opening) != offset;
      if (!tab_offset) m_dedent = kept_dedent;
    }
    for (int line = first; line <= last; ++line) {
      bool content = !fenced || (line > first && (line < last || ends_open_fence(code)));
      std::string text = relative_line(line, frame);
      if (tab_prefix) text = format_detail::strip_indent(text, frame.surplus);
      if (tab_offset)
        text = content ? format_detail::strip_indent(text, offset)
                       : text.substr(std::min(text.find_first_not_of(" \t"), text.size()));
      emit_line(content ? text : finish(line, std::move(text)), frame, content);
    }
  }

  void emit_verbatim(int first, int last, const Frame& frame) {
    for (int line = first; line <= last; ++line) emit_line(finish(line, relative_line(line, frame)), frame);
  }

  // An underlined heading's lines as written. A lazy line that could start
  // a block would start it once indented to the item's content ("e" over
  // "-:" is a table's header and delimiter row there): four more columns
  // keep it heading text, as in paragraphs (fuzz finding 29).
  void emit_heading_verbatim(int first, int underline, const Frame& frame) {
    for (int line = first; line <= underline; ++line) {
      std::string text = finish(line, relative_line(line, frame));
      if (line < underline && lazy_block(line, first, text, frame)) text = "    " + text;
      emit_line(text, frame);
    }
  }

  // A block quote's line without ">" is a lazy line of its paragraph; one
  // that could start a block keeps four columns, as in paragraphs, however
  // the quote itself is re-indented (fuzz finding 24).
  void emit_quote(cmark_node* quote, const Frame& frame) {
    int first = m_source.start_line(quote), last = m_source.last_line(quote);
    for (int line = first; line <= last; ++line) {
      std::string text = finish(line, relative_line(line, frame));
      bool lazy_block = line > first && !starts_with(trim(text), ">") && could_start_block(text);
      // (Its trailing blanks stay: "|  " keeps its hard break, fuzz finding 37.)
      emit_line(lazy_block ? "    " + text.substr(std::min(text.find_first_not_of(" \t"), text.size())) : text, frame);
    }
  }

  // An item's one-line first paragraph: an entry, in house-style spacing.
  bool is_entry_paragraph(cmark_node* node) const {
    return is_type(node, CMARK_NODE_PARAGRAPH) && is_type(cmark_node_parent(node), CMARK_NODE_ITEM) &&
           !cmark_node_previous(node) && m_source.start_line(node) == m_source.last_line(node);
  }

  // Decides the spacing of every entry up front, so the field checks share
  // one parse (format_detail::normalize_entry_lines).
  void normalize_entries(cmark_node* root) {
    std::vector<cmark_node*> nodes;
    std::vector<std::string> lines;
    for (cmark_node* node : format_detail::blocks_of(root)) {
      // (A paragraph a table split has no column to start from: left as is.)
      if (!is_entry_paragraph(node) || m_source.is_repositioned(node)) continue;
      std::string_view text = m_source.source_line(m_source.start_line(node));
      size_t column = static_cast<size_t>(std::max(cmark_node_get_start_column(node) - 1, 0));
      nodes.push_back(node);
      lines.push_back(finish(m_source.start_line(node), std::string(text.substr(std::min(column, text.size())))));
    }
    std::vector<std::string> normalized = format_detail::normalize_entry_lines(lines, m_kinds);
    for (size_t i = 0; i < nodes.size(); ++i)
      if (normalized[i] != lines[i]) m_entries.emplace(nodes[i], std::move(normalized[i]));
  }

  // An item's one-line first paragraph is an entry: house-style spacing.
  void emit_paragraph(cmark_node* node, const Frame& frame) {
    int first = m_source.start_line(node), last = m_source.last_line(node);
    if (!is_entry_paragraph(node)) {
      bool blank_start = starts_with_blank(node);
      for (int line = first; line <= last; ++line) {
        if (line > first) m_dedent = 0;  // continuation lines stay paragraph text where they are
        std::string text = finish(line, paragraph_line(line, frame));
        // After reference definitions, cmark-gfm keeps a lazy line's
        // leading blank as the paragraph's first character ("- [A]:(#a)"
        // over " ew": "<li> ew"); re-indented, the line would lose it. It
        // stays lazy, with one blank (fuzz finding 13).
        if (blank_start && line > first && is_lazy(line, frame) && !could_start_block(text)) {
          write_line(" " + text);
          blank_start = false;
          continue;
        }
        // A file that writes its continuation lines at the margin keeps
        // them there (lazy_habit).
        // (Left of the item's text as fmt writes it, too: an item moved left
        // would take a line that was lazy in, on a second pass; fuzz finding 35.)
        if (m_lazy_habit && line > first && frame.marker_line && is_lazy(line, frame) && !could_start_block(text) &&
            leading_width(m_source.source_line(line)) < frame.out_text_column) {
          write_line(finish(line, std::string(m_source.source_line(line))));
          continue;
        }
        // A lazy line that could start a block would start it once indented
        // to the item's content; four more columns keep it paragraph text.
        if (lazy_block(line, first, text, frame)) text = "    " + text;
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

  // Whether the paragraph's text starts with a blank, which only the lines
  // left after reference definitions give it.
  static bool starts_with_blank(cmark_node* paragraph) {
    cmark_node* text = cmark_node_first_child(paragraph);
    const char* literal = is_type(text, CMARK_NODE_TEXT) ? cmark_node_get_literal(text) : nullptr;
    return literal && (literal[0] == ' ' || literal[0] == '\t');
  }

  // A continuation line of an item's paragraph or heading, left of the
  // item's text, that would start a block once indented there.
  bool lazy_block(int line, int first, const std::string& text, const Frame& frame) const {
    return line > first && frame.marker_line && could_start_block(text) && is_lazy(line, frame);
  }

  // A paragraph continuation line indented less than its container's content.
  bool is_lazy(int line, const Frame& frame) const {
    std::string_view text = m_source.source_line(line);
    return leading_width(text) < frame.content_columns;
  }

  // A paragraph line in a list item loses indentation that cannot matter
  // (under 4 columns past its container); a deeper one keeps it, as it
  // could otherwise start a block.
  std::string paragraph_line(int line, const Frame& frame) const {
    std::string text = relative_line(line, frame);
    if (frame.marker_line == 0) return text;
    size_t blanks = std::min(text.find_first_not_of(" \t"), text.size());
    if (visual_width(std::string_view(text).substr(0, blanks)) < 4) return text.substr(blanks);
    return frame.surplus ? format_detail::strip_indent(text, frame.surplus) : text;  // it stays in its column
  }

  char emit_list(cmark_node* list, const Frame& frame, char previous_bullet);
  void emit_item(cmark_node* item, const std::string& marker, const std::string& list_lead, int padding, bool tab);
  ListMarker item_marker(cmark_node* item) const;
  bool tab_indented_body(cmark_node* item) const;
  bool is_tab_fence(cmark_node* code, int marker_column) const;
  void emit_heading(cmark_node* heading, const Frame& frame);
  std::optional<std::string> setext_content(cmark_node* heading, const Frame& frame, bool for_atx);

  std::string list_lead(const ListMarker& first, std::string_view line, const Frame& frame) const;

  // The blank lines the file mostly leaves around its top-level headings.
  HeadingGaps gaps_of(std::string_view text, cmark_node* root) const {
    std::vector<std::pair<int, int>> headings;
    for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child))
      if (is_type(child, CMARK_NODE_HEADING))
        headings.emplace_back(m_source.start_line(child), m_source.last_line(child));
    return heading_gaps(text, headings);
  }

  // Whether the file underlines its headings of `level` (1 or 2:
  // "Introduction" / "------------", awesome-courses; awesome-kubernetes
  // underlines its level-1 headings only) more often than it writes them
  // with '#', and at least three of them (as for the blank lines around
  // headings, layout.hpp): then fmt keeps them underlined.
  bool setext_habit(cmark_node* root, int level) const {
    int setext = 0, atx = 0;
    for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child))
      if (is_type(child, CMARK_NODE_HEADING) && cmark_node_get_heading_level(child) == level)
        ++(m_source.is_atx(child) ? atx : setext);
    return setext >= 3 && setext > atx;
  }

  // Whether the file closes its ATX headings ("## AI ##", awesome-c's 55 of
  // 57) more often than not, and at least three: then fmt keeps the
  // closing "#"s where they are written.
  // It counts the headings as fmt writes them, so that a second pass counts
  // the same (fuzz finding 31): an underlined heading fmt writes with '#'
  // is open, a heading without text has no closing "#"s to keep.
  bool closing_habit(cmark_node* root) const {
    int closed = 0, open = 0;
    for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child)) {
      if (!is_type(child, CMARK_NODE_HEADING)) continue;
      if (!m_source.is_atx(child)) {
        open += m_setext[static_cast<size_t>(cmark_node_get_heading_level(child))] ? 0 : 1;
        continue;
      }
      std::string_view line = m_source.source_line(m_source.start_line(child));
      if (format_detail::atx_content(line).empty()) continue;
      ++(format_detail::atx_closing(line).empty() ? open : closed);
    }
    return closed >= 3 && closed > open;
  }

  // Whether the file writes its items' continuation lines at the margin
  // ("1. **Deep Sets.**" over "*Manzil Zaheer, …* NIPS 2017. [paper](…)",
  // thunlp's GNNPapers, 152 items) more often than indented under the
  // item's text, and at least three: then fmt leaves them where they are.
  bool lazy_habit(cmark_node* root) const {
    int lazy = 0, indented = 0;
    for (cmark_node* node : format_detail::blocks_of(root)) {
      if (!is_type(node, CMARK_NODE_PARAGRAPH) || !is_type(cmark_node_parent(node), CMARK_NODE_ITEM)) continue;
      int column = cmark_node_get_start_column(node) - 1;
      // A line that could start a block is indented whatever the habit, so
      // it counts for neither (fuzz finding 30); nor does one left of the
      // item's text but not at the margin, as the item fmt moves left may
      // take it in (fuzz finding 32): no item's text starts left of column 2.
      for (int line = m_source.start_line(node) + 1, last = m_source.last_line(node); line <= last; ++line) {
        std::string_view text = m_source.source_line(line);
        if (could_start_block(text)) continue;
        int width = leading_width(text);
        if (width >= column)
          ++indented;
        else if (width < 2)
          ++lazy;
      }
    }
    return lazy >= 3 && lazy > indented;
  }

  format_detail::SourceMap m_source;
  const KindTable& m_kinds;
  ImposedLayout m_imposed;
  std::map<cmark_node*, std::string>
      m_entries;  // entries whose spacing changes                         // source lines ending in a hard line break
  std::string m_out;
  int m_pending_blanks = 0;                         // blank lines owed before the next line
  HeadingGaps m_heading_gaps;                       // blank lines around headings: the file's habit (format/layout.hpp)
  std::array<bool, 3> m_setext;                     // setext_habit of levels 1 and 2
  bool m_closing_hashes;                            // closing_habit
  bool m_lazy_habit;                                // lazy_habit
  int m_dedent = 0;                                 // columns the current block loses (see dedent_after_list)
  std::optional<std::string> m_pending_lead;        // "- " waiting for the first line of an item
  std::map<cmark_node*, std::string> m_list_leads;  // the lead each list was written with
};

// --- lists -----------------------------------------------------------------

struct Marker {
  std::string text;  // as written: "-", "*", "12."
  Frame frame;       // where the item's content sits in the source
};

// The marker of `item` and where its content sits (markdown/list_marker.hpp).
Marker read_marker(std::string_view line, cmark_node* item) {
  ListMarker found = read_list_marker(line, cmark_node_get_start_column(item));
  Marker marker{std::string(found.text(line)), {}};
  marker.frame.marker_line = cmark_node_get_start_line(item);
  marker.frame.marker_end = found.end;
  marker.frame.code_after_marker = found.code_after_marker;
  marker.frame.content_columns = found.content_column;
  bool one = !found.has_content || found.blanks_after > 4 || found.blanks_after == 0;
  marker.frame.marker_content = !found.has_content ? found.content
                                : one              ? std::min(found.end + 1, line.size())
                                                   : found.content;
  return marker;
}

// What precedes the markers of a list whose first item is `first`, in
// `frame`: each list keeps its own indentation, or the one "fmt" imposes.
std::string Emitter::list_lead(const ListMarker& first, std::string_view line, const Frame& frame) const {
  if (frame.marker_line == 0)  // a top-level list: 0 to 3 columns
    return std::string(static_cast<size_t>(m_imposed.top_indent.value_or(std::min(first.column, 3))), ' ');
  MarkerSample own{first.bullet, first.column,        tab_in_indent(line, first, frame.source_column),
                   true,         frame.source_column, frame.content_columns};
  Nesting nest = m_imposed.nest.value_or(nesting_of(own));
  int parent = visual_width(frame.out_lead);
  bool tab = false;
  int column = nested_column(nest, parent, frame.out_text_column, tab);
  // A tab stays a tab only after tabs: after spaces ("  \t- b", fuzz finding
  // 06) a second pass reads mixed indentation and writes spaces, so the
  // first writes the spaces the tab stands for, to the next tab stop.
  if (tab && frame.out_lead.find_first_not_of('\t') != std::string::npos) {
    tab = false;
    column = (parent / 4 + 1) * 4;
  }
  // Four spaces after tabs are a tab's width: written as one, which a
  // second pass reads as tab nesting and keeps.
  if (!tab && !frame.out_lead.empty() && frame.out_lead.find_first_not_of('\t') == std::string::npos &&
      column - parent == 4)
    tab = true;
  return tab ? frame.out_lead + "\t" : frame.out_lead + std::string(static_cast<size_t>(column - parent), ' ');
}

char Emitter::emit_list(cmark_node* list, const Frame& frame, char previous_bullet) {
  bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  cmark_node* first = cmark_node_first_child(list);
  ListMarker first_marker =
      read_list_marker(m_source.source_line(m_source.start_line(first)), cmark_node_get_start_column(first));
  // A list keeps its bullet unless "fmt" imposes one; two bullet lists in a
  // row stay two lists only with different bullets.
  char bullet =
      m_imposed.bullet ? list_bullet(*m_imposed.bullet, first_marker.bullet, previous_bullet) : first_marker.bullet;
  std::string lead = list_lead(first_marker, m_source.source_line(m_source.start_line(first)), frame);
  // A list right after another in the same container (a new bullet starts
  // a new list) goes no deeper than that one: the re-indented items of the
  // first could otherwise take it in (fuzz finding 07 at the top level;
  // finding 17 in an item: "  +   - B" / "    - S", where "+ - B" would
  // take "- S" in).
  if (auto previous = m_list_leads.find(cmark_node_previous(list));
      previous != m_list_leads.end() && visual_width(lead) > visual_width(previous->second))
    lead = previous->second;
  m_list_leads[list] = lead;
  // The spaces after the markers, or a tab: the list's own (list_marker.hpp).
  ListSpacingVote vote;
  for (cmark_node* item = first; item; item = cmark_node_next(item)) vote.add(item_marker(item));
  ListSpacing spacing = vote.result();
  for (cmark_node* item = first; item; item = cmark_node_next(item)) {
    std::string marker =
        ordered ? read_marker(m_source.source_line(m_source.start_line(item)), item).text : std::string(1, bullet);
    if (item != first) separate(m_source.start_line(item), m_source.last_line(cmark_node_previous(item)), false);
    // An item without text on its marker line, or opening with indented
    // code, keeps one space: its other lines are placed from it. A tab
    // after the marker becomes the list's spaces, as list-indent asks.
    ListMarker own = item_marker(item);
    bool text = own.has_content && !own.code_after_marker;
    emit_item(item, marker, lead, text ? spacing.padding(own.width) : 1, text && spacing.tab);
  }
  return ordered ? 0 : bullet;
}

bool Emitter::tab_indented_body(cmark_node* item) const {
  auto line = [&](int number) { return m_source.source_line(number); };
  int column =
      read_list_marker(m_source.source_line(m_source.start_line(item)), cmark_node_get_start_column(item)).column;
  if (!curate::tab_indented_body(m_source.start_line(item), m_source.last_line(item), column, line)) return false;
  // Tabs may reach past the text (`1. ` and a tab): only paragraph lines,
  // which lose their leading blanks, and lists, placed on their own, may
  // carry the extra column; and fenced code whose every line opens with
  // such a tab (best-of-lists' generated READMEs: "- [GitHub](…)" over
  // "\t```" / "\tgit clone …" / "\t```"), which then stays as written.
  for (cmark_node* node : format_detail::blocks_of(item)) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE_BLOCK && is_tab_fence(node, column)) continue;
    if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_LIST && type != CMARK_NODE_ITEM) return false;
  }
  return true;
}

bool Emitter::is_tab_fence(cmark_node* code, int marker_column) const {
  int first = m_source.start_line(code), last = m_source.last_line(code);
  if (!is_fenced_code(code) || first == m_source.start_line(cmark_node_parent(code))) return false;
  for (int line = first; line <= last; ++line)
    if (std::string_view text = m_source.source_line(line);
        !is_blank(text) && !curate::tab_indented_body(0, 1, marker_column, [&](int) { return text; }))
      return false;
  return true;
}

ListMarker Emitter::item_marker(cmark_node* item) const {
  return read_list_marker(m_source.source_line(m_source.start_line(item)), cmark_node_get_start_column(item));
}

void Emitter::emit_item(cmark_node* item, const std::string& marker, const std::string& list_lead, int padding,
                        bool tab) {
  std::string_view source_line = m_source.source_line(m_source.start_line(item));
  Frame inner = read_marker(source_line, item).frame;
  inner.top_level = false;
  bool on_parent_line = m_pending_lead.has_value();
  std::string lead = on_parent_line ? std::move(*m_pending_lead) : list_lead;
  m_pending_lead.reset();
  // An item opening on its parent's marker line ("- * a") continues under
  // blanks as wide as that line's lead, not under the parent's marker.
  std::string continued = on_parent_line ? std::string(static_cast<size_t>(visual_width(lead)), ' ') : lead;
  int marker_end = visual_width(lead) + static_cast<int>(marker.size());
  if (tab) padding = 4 - marker_end % 4;  // the text starts at the next tab stop
  inner.prefix = continued + std::string(marker.size() + static_cast<size_t>(padding), ' ');
  // The item's other lines keep the tabs they have in the source
  // (list_marker.hpp tab_indented_body), as many as reach its text.
  if (continued.find_first_not_of('\t') == std::string::npos && tab_indented_body(item)) {
    int text_width = static_cast<int>(marker.size()) + padding, tabs = (text_width + 3) / 4;
    inner.prefix = continued + std::string(static_cast<size_t>(tabs), '\t');
    inner.surplus = 4 * tabs - text_width;
  }
  inner.out_lead = continued;
  inner.out_text_column = marker_end + padding;
  inner.source_column = read_list_marker(source_line, cmark_node_get_start_column(item)).column;
  // The marker line's content may belong to no node (a reference definition).
  if (!is_blank(relative_line(inner.marker_line, inner))) {
    m_pending_lead = lead + marker + (tab ? std::string("\t") : std::string(static_cast<size_t>(padding), ' '));
  } else {
    write_line(lead + marker);
  }
  int end = std::min(std::max(m_source.end_line(item), inner.marker_line), m_source.line_count());
  emit_children(item, inner, inner.marker_line, end);
}

// --- headings --------------------------------------------------------------

// A setext heading's text on one line (closing '#'s escaped when it is to
// be an ATX heading); nullopt when a line break inside it cannot be joined.
std::optional<std::string> Emitter::setext_content(cmark_node* heading, const Frame& frame, bool for_atx) {
  int first = m_source.start_line(heading), underline = m_source.last_line(heading);
  // Reference definitions opening the text are not part of the heading.
  std::string_view opening = trim(m_source.source_line(first));
  if (starts_with(opening, "[") && opening.find("]:") != std::string_view::npos) return std::nullopt;
  // An item's heading names its entry, and a line break after the link
  // separates the description: joining the lines would lose it (fuzz
  // finding 26).
  if (underline - first > 1 && is_type(cmark_node_parent(heading), CMARK_NODE_ITEM)) return std::nullopt;
  std::vector<std::string> parts;
  for (int line = first; line < underline; ++line) {
    std::string text = finish(line, relative_line(line, frame));
    // A hard break, as a backslash or as the two spaces kept after '*' (fuzz finding 22).
    if (line + 1 < underline && (ends_with(text, "\\") || ends_with(text, "  "))) return std::nullopt;
    parts.emplace_back(format_detail::strip_blanks(text));  // a vertical tab is text (fuzz finding 14)
  }
  std::string text = join(parts, " ");
  return for_atx ? format_detail::protect_closing_hashes(text) : text;
}

void Emitter::emit_heading(cmark_node* heading, const Frame& frame) {
  int first = m_source.start_line(heading), last = m_source.last_line(heading);
  std::optional<std::string> content;
  if (m_source.is_atx(heading)) {
    std::string line = relative_line(first, frame);
    content = format_detail::atx_content(line);
    if (std::string_view closing = format_detail::atx_closing(line);
        m_closing_hashes && !closing.empty() && !content->empty())
      *content += " " + std::string(closing);
  } else {
    bool habit = m_setext[static_cast<size_t>(cmark_node_get_heading_level(heading))];
    content = setext_content(heading, frame, !habit);
    if (!content) return emit_heading_verbatim(first, last, frame);
    if (habit) {
      // The file's habit: the text on one line, and its underline trimmed.
      // Every underlined heading stays underlined, so a second pass sees
      // the same habit (fuzz finding 21: a two-line one turned ATX tipped it).
      emit_line(*content, frame);
      emit_line(std::string(trim(relative_line(last, frame))), frame);
      return;
    }
  }
  std::string hashes(static_cast<size_t>(cmark_node_get_heading_level(heading)), '#');
  emit_line(content->empty() ? hashes : hashes + " " + *content, frame);
}

}  // namespace

std::string format_document(const MarkdownDocument& document, std::string_view text, const KindTable& kinds,
                            const FmtSettings& settings) {
  return Emitter(text, document.root(), kinds, settings).run(document.root(), text);
}

bool backslash_break_after(std::string_view text) {
  // After "|" a backslash is one more table cell: "| a |\" over "|---|---|"
  // makes a table of the paragraph (fuzz finding 37).
  if (!text.empty() && std::string_view("\\*_~|").find(text.back()) != std::string_view::npos) return false;
  // A bare address or e-mail the autolink extension would take the
  // backslash into (fuzz finding 27: "https://example.com\").
  size_t space = text.find_last_of(" \t");
  std::string_view word = space == std::string_view::npos ? text : text.substr(space + 1);
  return word.find("://") == std::string_view::npos && !istarts_with(word, "www.") &&
         word.find('@') == std::string_view::npos;
}

std::string format_markdown(std::string_view text, const KindTable& kinds, const FmtSettings& settings) {
  return format_document(MarkdownDocument(text), text, kinds, settings);
}

}  // namespace curate
