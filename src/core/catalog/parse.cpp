#include "curate/catalog/parse.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "curate/catalog/grammar.hpp"
#include "curate/markdown/slug.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

SourcePos start_of(const LineShift& lines, cmark_node* node) {
  return {lines.start(node), cmark_node_get_start_column(node)};
}

cmark_node* first_paragraph(cmark_node* item) {
  cmark_node* first = cmark_node_first_child(item);
  return is_type(first, CMARK_NODE_PARAGRAPH) ? first : nullptr;
}

bool is_anchor(const char* url) {
  std::string_view u = url ? url : "";
  return starts_with(u, "#") || starts_with(u, "./#");
}

size_t count_children(cmark_node* node) {
  size_t count = 0;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) ++count;
  return count;
}

void collect_links(cmark_node* node, std::vector<cmark_node*>& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (is_type(child, CMARK_NODE_LINK)) out.push_back(child);
    collect_links(child, out);
  }
}

// A list whose items (nested ones too) each link, and only to anchors.
bool is_toc_list(cmark_node* list) {
  if (!cmark_node_first_child(list)) return false;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    cmark_node* paragraph = first_paragraph(item);
    if (!paragraph) return false;
    std::vector<cmark_node*> links;
    collect_links(paragraph, links);
    if (links.empty()) return false;
    for (cmark_node* link : links)
      if (!is_anchor(cmark_node_get_url(link))) return false;
    for (cmark_node* child = cmark_node_next(paragraph); child; child = cmark_node_next(child))
      if (is_type(child, CMARK_NODE_LIST) && !is_toc_list(child)) return false;
  }
  return true;
}

void collect_toc(cmark_node* list, int depth, const LineShift& lines, std::vector<TocLink>& toc) {
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    std::vector<cmark_node*> links;
    collect_links(first_paragraph(item), links);
    std::string url = cmark_node_get_url(links.front());
    toc.push_back({plain_text(links.front()), url.substr(url.find('#') + 1), depth, start_of(lines, item)});
    for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child))
      if (is_type(child, CMARK_NODE_LIST)) collect_toc(child, depth + 1, lines, toc);
  }
}

// "*tag*: description" items of a legend list; false unless every item reads so.
bool read_legend(cmark_node* list, const LineShift& lines, std::vector<TagDef>& tags) {
  std::vector<TagDef> found;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    cmark_node* paragraph = first_paragraph(item);
    cmark_node* emph = paragraph ? cmark_node_first_child(paragraph) : nullptr;
    cmark_node* text = emph ? cmark_node_next(emph) : nullptr;
    if (!is_type(emph, CMARK_NODE_EMPH) || !is_type(text, CMARK_NODE_TEXT)) return false;
    std::string_view rest = cmark_node_get_literal(text);
    if (!starts_with(rest, ":")) return false;
    // The description is the first line; a lazy continuation ("etc.") is prose.
    std::string description(trim(rest.substr(1)));
    found.push_back({std::string(trim(plain_text(emph))), description, lines.start(item)});
  }
  if (found.empty()) return false;
  tags = std::move(found);
  return true;
}

class CatalogBuilder {
 public:
  CatalogBuilder(std::string_view text, const std::string& path, const Config& config)
      : m_text(text), m_lines(text), m_config(config) {
    m_catalog.path = path;
    m_stack.emplace_back();
  }

  // Reads the top-level blocks of `root`, the tree of the document or of its
  // chunk whose first line is the file's line `line_offset` + 1. With
  // `release_blocks`, each block is freed once read, so the catalog reuses
  // the AST's memory and peak memory stays near cmark's own.
  void add_blocks(cmark_node* root, int line_offset, bool release_blocks, const BlockReader& read_block) {
    m_lines_of.offset = line_offset;
    for (cmark_node *block = cmark_node_first_child(root), *next = nullptr; block; block = next) {
      next = cmark_node_next(block);
      if (read_block) read_block(block, line_offset);
      if (m_first_block && is_type(block, CMARK_NODE_HEADING) && cmark_node_get_heading_level(block) == 1) {
        m_catalog.title = collapse_whitespace(plain_text(block));
        m_catalog.title_line = m_lines_of.start(block);
      } else {
        add_block(block);
      }
      m_first_block = false;
      if (release_blocks) cmark_node_free(block);
    }
  }

  Catalog finish() {
    while (m_stack.size() > 1) pop_section();
    m_catalog.root = std::move(m_stack.back());
    if (m_config.has_tags) {
      m_catalog.tags = m_config.tags;
      m_catalog.tags_from_config = true;
    }
    return std::move(m_catalog);
  }

 private:
  void add_block(cmark_node* block) {
    if (is_type(block, CMARK_NODE_HEADING)) return open_section(block);
    extend_section(end_of(block).line);
    if (is_type(block, CMARK_NODE_LIST)) {
      if (is_toc_list(block)) {
        collect_toc(block, 0, m_lines_of, m_catalog.toc);
        m_catalog.blocks.push_back({"toc", span_of(block)});
        return;
      }
      std::vector<Item>& items = m_stack.back().items;
      if (items.empty()) items.reserve(count_children(block));  // Items are large: no regrowth copies
      for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item))
        items.push_back(build_item(item));
      return;
    }
    if (is_type(block, CMARK_NODE_BLOCK_QUOTE) && !m_catalog.legend_line) {
      for (cmark_node* child = cmark_node_first_child(block); child; child = cmark_node_next(child))
        if (is_type(child, CMARK_NODE_LIST) && read_legend(child, m_lines_of, m_catalog.tags)) {
          m_catalog.legend_line = m_lines_of.start(block);
          break;
        }
    }
    m_catalog.blocks.push_back({cmark_node_get_type_string(block), span_of(block)});
  }

  void open_section(cmark_node* heading) {
    int level = cmark_node_get_heading_level(heading);
    while (m_stack.size() > 1 && m_stack.back().level >= level) pop_section();
    Section section;
    section.heading = collapse_whitespace(plain_text(heading));
    section.level = level;
    section.slug = m_slugs.unique(section.heading);
    section.span = span_of(heading);
    m_stack.push_back(std::move(section));
    m_path.push_back(m_stack.back().heading);
    m_path_key = join(m_path, "/");
  }

  void pop_section() {
    Section done = std::move(m_stack.back());
    m_stack.pop_back();
    m_path.pop_back();
    m_path_key = join(m_path, "/");
    Section& parent = m_stack.back();
    if (done.span.end.line > parent.span.end.line) parent.span.end = done.span.end;
    parent.sections.push_back(std::move(done));
  }

  void extend_section(int line) {
    Section& current = m_stack.back();
    if (line > current.span.end.line)
      current.span.end = {line, static_cast<int>(m_lines.line_text(m_text, line).size())};
  }

  // cmark counts blank lines after a list into it; spans end at the last
  // line with text so edits and sections never claim the gap.
  SourcePos end_of(cmark_node* node) const {
    int line = m_lines_of.end(node);
    int first = m_lines_of.start(node);
    while (line > first && trim(m_lines.line_text(m_text, line)).empty()) --line;
    if (line == m_lines_of.end(node)) return {line, cmark_node_get_end_column(node)};
    return {line, static_cast<int>(m_lines.line_text(m_text, line).size())};
  }
  SourceSpan span_of(cmark_node* node) const { return {start_of(m_lines_of, node), end_of(node)}; }

  std::string paragraph_source(cmark_node* paragraph) const {
    int first = m_lines_of.start(paragraph), last = m_lines_of.end(paragraph);
    // cmark-gfm leaves the paragraph a table was split from without a position.
    if (first <= 0 || cmark_node_get_start_column(paragraph) <= 0) return collapse_whitespace(plain_text(paragraph));
    std::string raw(
        m_lines.line_text(m_text, first).substr(static_cast<size_t>(cmark_node_get_start_column(paragraph) - 1)));
    for (int line = first + 1; line <= last; ++line) raw += "\n" + std::string(trim(m_lines.line_text(m_text, line)));
    return std::string(trim(raw));
  }

  // Recursive per nesting level, hence the depth limit: it bounds the stack
  // (here and in every walk over Item::children) and the cost of ids.
  Item build_item(cmark_node* node) {
    if (m_parents.size() >= k_max_item_depth)
      throw Error(m_catalog.path, m_lines_of.start(node), cmark_node_get_start_column(node),
                  "list items nested more than " + std::to_string(k_max_item_depth) + " levels deep");
    Item item;
    item.pos = start_of(m_lines_of, node);
    item.span = span_of(node);
    cmark_node* paragraph = first_paragraph(node);
    parse_entry_fields(paragraph, m_config.kinds, item);
    if (paragraph) {
      item.raw = paragraph_source(paragraph);
      item.paragraph_end_line = m_lines_of.end(paragraph);
    }
    if (!item.url && !item.links.empty()) item.url = item.links.front();
    m_parents.push_back(item.title);
    size_t sub_items = 0;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
      if (is_type(child, CMARK_NODE_LIST)) sub_items += count_children(child);
    item.children.reserve(sub_items);
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      if (!is_type(child, CMARK_NODE_LIST)) continue;
      for (cmark_node* sub = cmark_node_first_child(child); sub; sub = cmark_node_next(sub))
        item.children.push_back(build_item(sub));
    }
    m_parents.pop_back();
    item.is_group = !item.url && !item.children.empty();
    item.id = item.url && !item.url->empty()
                  ? stable_id(normalize_url(*item.url))
                  : stable_id(m_path_key + "\x1f" + join(m_parents, "/") + "\x1f" + item.title);
    return item;
  }

  std::string_view m_text;
  LineIndex m_lines;
  const Config& m_config;
  Catalog m_catalog;
  std::vector<Section> m_stack;        // open sections, the root first
  std::vector<std::string> m_path;     // their headings, the root excluded
  std::string m_path_key;              // m_path joined with "/", for ids
  std::vector<std::string> m_parents;  // titles of the items around the one being built
  SlugRegistry m_slugs;
  LineShift m_lines_of;       // the lines of the tree being read
  bool m_first_block = true;  // the next block is the document's first
};

}  // namespace

Catalog build_catalog(const MarkdownDocument& document, std::string_view text, const std::string& path,
                      const Config& config) {
  CatalogBuilder builder(text, path, config);
  builder.add_blocks(document.root(), 0, false, {});
  return builder.finish();
}

Catalog build_catalog_consuming(MarkdownDocument& document, std::string_view text, const std::string& path,
                                const Config& config, const BlockReader& read_block) {
  CatalogBuilder builder(text, path, config);
  builder.add_blocks(document.root(), 0, true, read_block);
  return builder.finish();
}

std::optional<Catalog> build_catalog_chunked(std::string_view text, const std::string& path, const Config& config,
                                             const BlockReader& read_block, size_t chunk_bytes) {
  std::vector<Chunk> chunks = split_chunks(text, chunk_bytes);
  CatalogBuilder builder(text, path, config);
  for (size_t i = 0; i < chunks.size(); ++i) {
    MarkdownDocument document(chunks[i].text);
    if (i + 1 < chunks.size() && chunk_runs_on(document, chunks[i])) return std::nullopt;
    builder.add_blocks(document.root(), chunks[i].line_offset, true, read_block);
  }
  return builder.finish();
}

Catalog parse_catalog(const SourceFile& file, const Config& config) {
  std::optional<Catalog> catalog = build_catalog_chunked(file.text, file.path, config);
  if (!catalog) {
    MarkdownDocument document(file.text);
    catalog = build_catalog_consuming(document, file.text, file.path, config);
  }
#ifdef __GLIBC__
  // The freed AST (many times the file's size) sits between catalog objects;
  // hand its pages back so the output that follows does not add to the peak.
  if (file.text.size() > (1u << 20)) malloc_trim(0);
#endif
  return std::move(*catalog);
}

}  // namespace curate
