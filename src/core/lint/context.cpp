#include "context.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "curate/markdown/slug.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

// A Markdown image or an HTML <img> inside (public-apis writes its Postman
// buttons as [<img src=…>](url)).
bool contains_image(cmark_node* node) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (is_type(child, CMARK_NODE_IMAGE) || contains_image(child)) return true;
    if (is_type(child, CMARK_NODE_HTML_INLINE)) {
      const char* html = cmark_node_get_literal(child);
      if (html && icontains(html, "<img")) return true;
    }
  }
  return false;
}

// True when `url` is `prefix` followed by `text`; no string is built.
bool is_prefixed(std::string_view url, std::string_view prefix, std::string_view text) {
  return url.size() == prefix.size() + text.size() && starts_with(url, prefix) && ends_with(url, text);
}

void trim_in_place(std::string& text) {
  std::string_view kept = trim(text);
  size_t front = static_cast<size_t>(kept.data() - text.data());
  text.erase(front + kept.size());
  text.erase(0, front);
}

// Reads what the checks need of top-level blocks into a BlockFacts, and the
// kinds of their lines.
class BlockScanner {
 public:
  BlockScanner(BlockFacts& facts, std::vector<LineKind>& kinds, std::vector<char>& continued, int line_offset)
      : m_facts(facts), m_kinds(kinds), m_continued(continued), m_lines_of{line_offset} {}

  // `previous_list`: the list the top-level block before it is (index in
  // the facts' lists), or -1; updated for the next block.
  void read(cmark_node* block, int& previous_list) {
    visit(block, 0);
    add_list(block, SourcePos{}, previous_list);
  }

 private:
  SourceSpan span_of(cmark_node* node) const;
  int last_line(cmark_node* node) const;
  void walk(cmark_node* node, int container_depth);
  void visit(cmark_node* node, int container_depth);
  void add_heading(cmark_node* node, int container_depth);
  void add_link(cmark_node* node);
  void add_table(cmark_node* node);
  void collect_lists(cmark_node* parent, SourcePos parent_item);
  void add_list(cmark_node* node, SourcePos parent_item, int& previous_list);
  void scan_html(const char* html, std::vector<std::string>* found = nullptr);

  BlockFacts& m_facts;
  std::vector<LineKind>& m_kinds;
  std::vector<char>& m_continued;
  LineShift m_lines_of;
};

// The last line of `node`, never past the block after it or after its
// container: cmark-gfm ends a fence left open in an item on the line after
// the item, which may be a heading (fuzz finding 38: "#### Visual " was
// code, its trailing blank unreported, in the whole file but not by chunks).
int BlockScanner::last_line(cmark_node* node) const {
  int end = m_lines_of.end(node);
  for (cmark_node* at = node; at && cmark_node_parent(at); at = cmark_node_parent(at))
    if (cmark_node* next = cmark_node_next(at)) return std::min(end, m_lines_of.start(next) - 1);
  return end;
}

SourceSpan BlockScanner::span_of(cmark_node* node) const {
  return {{m_lines_of.start(node), cmark_node_get_start_column(node)},
          {m_lines_of.end(node), cmark_node_get_end_column(node)}};
}

void BlockScanner::walk(cmark_node* node, int container_depth) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    visit(child, container_depth);
}

void BlockScanner::visit(cmark_node* node, int container_depth) {
  cmark_node_type type = cmark_node_get_type(node);
  switch (type) {
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: {
      LineKind kind = type == CMARK_NODE_CODE_BLOCK ? LineKind::code : LineKind::html;
      for (int line = m_lines_of.start(node), last = last_line(node); line <= last; ++line)
        if (line >= 1 && static_cast<size_t>(line) < m_kinds.size()) m_kinds[static_cast<size_t>(line)] = kind;
      if (kind == LineKind::html) scan_html(cmark_node_get_literal(node));
      return;
    }
    case CMARK_NODE_HTML_INLINE:
      scan_html(cmark_node_get_literal(node));
      return;
    case CMARK_NODE_HEADING:
      add_heading(node, container_depth);
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE:
      add_link(node);
      break;
    case CMARK_NODE_PARAGRAPH: {
      // Every line of a paragraph but its last goes on in the next one.
      for (int line = m_lines_of.start(node), last = m_lines_of.end(node); line < last; ++line)
        if (line >= 1 && static_cast<size_t>(line) < m_continued.size()) m_continued[static_cast<size_t>(line)] = 1;
      break;
    }
    case CMARK_NODE_LIST:
    case CMARK_NODE_ITEM:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
      break;  // the common containers: no extension node to ask about
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
      return;  // leaves: nothing below to visit
    default:
      if (is_extension_node(node, "table")) add_table(node);
      break;
  }
  bool container = type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM;
  walk(node, container_depth + (container ? 1 : 0));
}

void BlockScanner::collect_lists(cmark_node* parent, SourcePos parent_item) {
  int previous_list = -1;
  for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
    add_list(child, parent_item, previous_list);
}

// `node` is one block among its siblings; `after_dash_list` says whether the
// sibling before it is a bullet list fmt writes with '-'.
void BlockScanner::add_list(cmark_node* node, SourcePos parent_item, int& previous_list) {
  if (!is_type(node, CMARK_NODE_LIST)) {
    previous_list = -1;
    return;
  }
  size_t index = m_facts.lists.size();
  ListInfo& list = m_facts.lists.emplace_back();
  list.is_bullet = cmark_node_get_list_type(node) == CMARK_BULLET_LIST;
  list.previous_sibling = previous_list;
  list.parent_item = parent_item;
  previous_list = static_cast<int>(index);
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item))
    list.items.push_back({{m_lines_of.start(item), cmark_node_get_start_column(item)},
                          m_lines_of.end(item),
                          is_type(cmark_node_first_child(item), CMARK_NODE_CODE_BLOCK)});
  // The nested lists come after the whole list (m_facts.lists may move: index it).
  size_t i = 0;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item), ++i)
    collect_lists(item, m_facts.lists[index].items[i].start);
}

void BlockScanner::add_heading(cmark_node* node, int container_depth) {
  HeadingInfo heading;
  heading.level = cmark_node_get_heading_level(node);
  heading.text = heading_name(node);
  heading.anchor_text = heading_text(node);
  heading.span = span_of(node);
  heading.in_container = container_depth > 0;
  cmark_node* first = cmark_node_first_child(node);
  heading.navigation =
      is_type(first, CMARK_NODE_LINK) && cmark_node_get_url(first) && is_anchor_url(cmark_node_get_url(first));
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (is_type(child, CMARK_NODE_HTML_INLINE)) scan_html(cmark_node_get_literal(child), &heading.html_ids);
    if (child != first && !(is_type(child, CMARK_NODE_TEXT) && trim(cmark_node_get_literal(child)).empty()))
      heading.navigation = false;
  }
  m_facts.headings.push_back(std::move(heading));
}

void BlockScanner::add_link(cmark_node* node) {
  LinkInfo& link = m_facts.links.emplace_back();
  const char* url = cmark_node_get_url(node);
  link.url = url ? url : "";
  link.text = plain_text(node, /*image_alt=*/true);
  trim_in_place(link.text);
  link.span = span_of(node);
  // A paragraph a table split ("| a | b |" lines before the real header
  // row) has no position: cmark-gfm gave its first line to the table, and
  // its inlines count lines from 0 (format/source_map.cpp has the same
  // repair for fmt; fuzz finding 16).
  cmark_node* paragraph = cmark_node_parent(node);
  while (paragraph && !is_type(paragraph, CMARK_NODE_PARAGRAPH)) paragraph = cmark_node_parent(paragraph);
  if (paragraph && cmark_node_get_start_line(paragraph) == 0) {
    cmark_node* table = cmark_node_next(paragraph);
    if (table && is_extension_node(table, "table")) {
      int first = m_lines_of.start(table);
      link.span.begin.line = first + cmark_node_get_start_line(node);
      link.span.end.line = first + cmark_node_get_end_line(node);
    }
  }
  // A bare address GFM turned into a link has no position of its own
  // ("[CoreNLP] (http://…)"): the block it is in gives the line.
  for (cmark_node* parent = cmark_node_parent(node); link.span.begin.line == 0 && parent;
       parent = cmark_node_parent(parent))
    if (cmark_node_get_start_line(parent) > 0) link.span = {span_of(parent).begin, span_of(parent).begin};
  link.is_image = is_type(node, CMARK_NODE_IMAGE);
  link.is_autolink = !link.is_image && (link.text == link.url || is_prefixed(link.url, "http://", link.text) ||
                                        is_prefixed(link.url, "mailto:", link.text));
  link.has_image_child = contains_image(node);
  UrlParts parts;
  link.is_absolute = parse_url(link.url, parts);
  if (link.is_absolute) {
    link.scheme = std::move(parts.scheme);
    link.host = std::move(parts.host);
  }
}

void BlockScanner::add_table(cmark_node* node) {
  TableLines& table = m_facts.tables.emplace_back();
  cmark_node* header_row = cmark_node_first_child(node);
  for (cmark_node* row = header_row ? cmark_node_next(header_row) : nullptr; row; row = cmark_node_next(row))
    table.rows.push_back(m_lines_of.start(row));
  // A table right under a paragraph line ("**Skills:**" / "| a | b |" /
  // "|---|---|") starts at the paragraph in cmark-gfm, header row included:
  // the header is the line above the delimiter row, which is above the
  // first row (or ends a table without rows).
  table.header = table.rows.empty() ? m_lines_of.end(node) - 1 : table.rows.front() - 2;
}

// Collects id="…" and name="…" attribute values: HTML anchors a fragment may
// point to (also into `found`). Inline HTML is scanned once by visit() and
// again here for a heading's own anchors: a set takes the repeat.
void BlockScanner::scan_html(const char* html, std::vector<std::string>* found) {
  if (!html) return;
  for (std::string& anchor : html_anchor_ids(html)) {
    if (found) found->push_back(anchor);
    m_facts.html_anchors.insert(std::move(anchor));
  }
}

}  // namespace

LintContext::LintContext(const SourceFile& source, const Catalog& catalog, const Config& config,
                         const LintOptions& options)
    : m_source(source),
      m_catalog(catalog),
      m_config(config),
      m_options(options),
      m_today(options.today.empty() ? utc_today() : options.today),
      m_lines(source.text),
      m_line_kinds(static_cast<size_t>(m_lines.line_count()) + 2, LineKind::text),
      m_continued(m_line_kinds.size(), 0) {
  if (source.path != "-") {
    std::filesystem::path dir = std::filesystem::path(source.path).parent_path();
    m_base_dir = dir.empty() ? "." : dir.string();
  }
}

void LintContext::read_block(cmark_node* block, int line_offset) {
  BlockScanner(m_facts, m_line_kinds, m_continued, line_offset).read(block, m_previous_list);
}

std::function<void()> LintContext::read_chunk(cmark_node* root, int line_offset) {
  auto facts = std::make_shared<BlockFacts>();
  BlockScanner scanner(*facts, m_line_kinds, m_continued, line_offset);
  int previous_list = -1;  // a chunk after the first opens with a heading
  for (cmark_node* block = cmark_node_first_child(root); block; block = cmark_node_next(block))
    scanner.read(block, previous_list);
  return [this, facts, previous_list] {
    BlockFacts& from = *facts;
    auto append = [](auto& to, auto& more) {
      to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    int shift = static_cast<int>(m_facts.lists.size());
    for (ListInfo& list : from.lists)
      if (list.previous_sibling >= 0) list.previous_sibling += shift;
    append(m_facts.headings, from.headings);
    append(m_facts.links, from.links);
    append(m_facts.lists, from.lists);
    append(m_facts.tables, from.tables);
    m_facts.html_anchors.merge(from.html_anchors);
    m_previous_list = previous_list >= 0 ? previous_list + shift : -1;
  };
}

void LintContext::finish() {
  SlugRegistry slugs;
  for (HeadingInfo& heading : m_facts.headings) heading.slug = slugs.unique(heading.anchor_text);
  // The headings the catalog read as entries (parse.cpp add_heading_entry).
  std::vector<int> entry_lines;
  auto walk = [&](const Section& section, auto&& self) -> void {
    for (const Item& item : section.items)
      if (item.source == EntrySource::heading) entry_lines.push_back(item.pos.line);
    for (const Section& child : section.sections) self(child, self);
  };
  walk(m_catalog.root, walk);
  if (entry_lines.empty()) return;
  std::sort(entry_lines.begin(), entry_lines.end());
  for (HeadingInfo& heading : m_facts.headings)
    heading.is_entry = std::binary_search(entry_lines.begin(), entry_lines.end(), heading.span.begin.line);
}

int LintContext::heading_last_line(const HeadingInfo& heading) const {
  int first = heading.span.begin.line, last = std::min(heading.span.end.line, line_count());
  if (starts_with(trim(line(first)), "#")) return heading.span.end.line;
  for (int number = first + 1; number <= last; ++number)
    if (is_setext_underline(line(number))) return number;
  return heading.span.end.line;
}

LineKind LintContext::line_kind(int number) const {
  if (number < 1 || static_cast<size_t>(number) >= m_line_kinds.size()) return LineKind::text;
  return m_line_kinds[static_cast<size_t>(number)];
}

bool LintContext::continues_paragraph(int number) const {
  return number >= 1 && static_cast<size_t>(number) < m_continued.size() && m_continued[static_cast<size_t>(number)];
}

void RuleReporter::report(SourcePos begin, SourcePos end, std::string message, bool fixable) {
  Diagnostic diagnostic;
  diagnostic.file = m_file;
  diagnostic.begin = begin;
  diagnostic.end = end.line ? end : begin;
  diagnostic.rule = m_rule;
  diagnostic.message = std::move(message);
  diagnostic.fixable = fixable;
  m_out.push_back(std::move(diagnostic));
}

}  // namespace curate

namespace curate {

void RuleReporter::report_with_edit(SourcePos begin, SourcePos end, std::string message, size_t offset, size_t length,
                                    std::string replacement) {
  report(begin, end, std::move(message), m_edits != nullptr);
  if (m_edits) m_edits->push_back({m_rule, begin, offset, length, std::move(replacement)});
}

}  // namespace curate
