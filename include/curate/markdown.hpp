#pragma once
// Markdown parsing with cmark-gfm (table, autolink and strikethrough
// extensions) and the small helpers every consumer of its AST needs.

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "curate/cmark_handle.hpp"

namespace curate {

// A parsed Markdown document. Owns the cmark tree; positions in it are
// 1-based lines and byte columns of the text it was parsed from.
class MarkdownDocument {
 public:
  explicit MarkdownDocument(std::string_view text);

  cmark_node* root() const { return m_root.get(); }

  // cmark-gfm's HTML rendering (unsafe mode, so raw HTML is kept).
  std::string render_html() const;

 private:
  CmarkParserPtr m_parser;  // the extensions' syntax lists live in the parser
  CmarkNodePtr m_root;
};

// The plain text of an inline subtree: text, code and link text, with soft
// breaks as spaces and emphasis markers dropped.
std::string plain_text(cmark_node* node);

// True if `node`'s type is the named GFM extension node ("table", ...).
bool is_extension_node(cmark_node* node, const char* type_name);

// Byte offsets of the starts of lines, for turning cmark positions into
// slices of the source.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // Offset of 1-based `line`, column 1; the text size past the last line.
  size_t offset(int line) const;
  size_t offset(int line, int column) const { return offset(line) + static_cast<size_t>(column - 1); }
  int line_count() const { return static_cast<int>(m_starts.size()); }
  // The text of 1-based `line` without its newline.
  std::string_view line_text(std::string_view text, int line) const;

 private:
  std::vector<size_t> m_starts;
  size_t m_size;
};

}  // namespace curate
