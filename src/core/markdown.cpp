#include "curate/markdown.hpp"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstring>

namespace curate {
namespace {

constexpr const char* k_extensions[] = {"table", "autolink", "strikethrough"};

}  // namespace

MarkdownDocument::MarkdownDocument(std::string_view text) {
  cmark_gfm_core_extensions_ensure_registered();
  m_parser.reset(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : k_extensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(m_parser.get(), ext);
  cmark_parser_feed(m_parser.get(), text.data(), text.size());
  m_root.reset(cmark_parser_finish(m_parser.get()));
}

std::string MarkdownDocument::render_html() const {
  return take_cmark_string(cmark_render_html(m_root.get(), CMARK_OPT_UNSAFE,
                                             cmark_parser_get_syntax_extensions(m_parser.get())));
}

bool is_extension_node(cmark_node* node, const char* type_name) {
  const char* name = cmark_node_get_type_string(node);
  return name && std::strcmp(name, type_name) == 0;
}

static void append_plain_text(cmark_node* node, std::string& out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      if (const char* literal = cmark_node_get_literal(node)) out += literal;
      return;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      out += ' ';
      return;
    default:
      break;
  }
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    append_plain_text(child, out);
}

std::string plain_text(cmark_node* node) {
  std::string out;
  append_plain_text(node, out);
  return out;
}

LineIndex::LineIndex(std::string_view text) : m_size(text.size()) {
  m_starts.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at))));) {
    if (++at == end) break;
    m_starts.push_back(static_cast<size_t>(at - begin));
  }
}

size_t LineIndex::offset(int line) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > m_starts.size()) return m_size;
  return m_starts[static_cast<size_t>(line - 1)];
}

std::string_view LineIndex::line_text(std::string_view text, int line) const {
  size_t begin = std::min(offset(line), text.size());
  // A line ends where the next one starts, less its '\n'; no search.
  size_t end = line >= 1 && static_cast<size_t>(line) < m_starts.size() ? m_starts[static_cast<size_t>(line)] - 1
                                                                         : text.find('\n', begin);
  if (end == std::string_view::npos || end > text.size() || end < begin) end = text.size();
  return text.substr(begin, end - begin);
}

}  // namespace curate
