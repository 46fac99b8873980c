#pragma once
// Markdown parsing with cmark-gfm (table, autolink and strikethrough
// extensions) and the small helpers every consumer of its AST needs.

#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "curate/markdown/cmark_handle.hpp"

namespace curate {

// YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) front matter
// opening a text: kept verbatim by every command, never parsed as Markdown.
// Only a block whose first line holds a key (`title:`, `title =`) or a
// comment counts, so a thematic break over a setext heading stays Markdown.
struct FrontMatter {
  int lines = 0;     // lines it covers, closing fence included; 0: none
  size_t bytes = 0;  // bytes it covers, the closing fence's newline included
};
FrontMatter find_front_matter(std::string_view text);

// Makes cmark-gfm safe to run on several threads at once, each with its
// own parser and tree (markdown.cpp says how); false when that cannot be
// done here, and then only one thread may parse. MarkdownDocument calls
// it, and so must whoever starts threads that parse, before they start.
bool prepare_markdown_parsers();

// A parsed Markdown document. Owns the cmark tree; positions in it are
// 1-based lines and byte columns of the text it was parsed from. Front
// matter is parsed as blank lines, so no node comes from it.
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

// A piece of a document that cmark-gfm parses to the same blocks on its own
// as within the whole: it starts at a line where the whole document's parse
// starts a top-level heading (see split_chunks).
struct Chunk {
  std::string_view text;
  int line_offset = 0;  // the document's line number of the chunk's line 1, less one
  int line_count = 0;
};

// A chunk's tree numbers its lines from 1; these give the file's line
// numbers of its nodes. A node without a position (line 0) keeps none.
struct LineShift {
  int offset = 0;  // Chunk::line_offset
  int shift(int line) const { return line > 0 ? line + offset : line; }
  int start(cmark_node* node) const { return shift(cmark_node_get_start_line(node)); }
  int end(cmark_node* node) const { return shift(cmark_node_get_end_line(node)); }
};

// Splits `text` into chunks of at least `min_bytes` (the last may be
// shorter). A chunk after the first starts at an ATX heading in column 1
// after a blank line, outside anything a look at line starts can tell is an
// open fenced code block or an HTML block that blank lines do not end. The
// whole text is one chunk when it may define link references ("]:"), as
// those reach across the document. Parsing a big list a chunk at a time
// keeps its tree small: in cache while it is read, and its memory reused.
std::vector<Chunk> split_chunks(std::string_view text, size_t min_bytes);

// True when the parse of `chunk`, not the last of its document, ends in a
// fenced code block or an HTML block still open at its end: one the
// heading after it would not have closed, so the chunking was wrong.
bool chunk_runs_on(const MarkdownDocument& chunk, const Chunk& where);

// The plain text of an inline subtree as a reader sees it: text, code and
// link text, with soft breaks as spaces, emphasis markers and inline HTML
// tags dropped, and image alt text only with `image_alt` (badges are
// pictures, not words; GitHub's heading anchors skip them too).
std::string plain_text(cmark_node* node, bool image_alt = false);

// A heading's name as a reader calls it: plain_text(), whitespace collapsed,
// without links to the document's own anchors (awesome-kotlin's `### Books
// <sup>[Back ⇈](#links)</sup>` is the section "Books"), unless it is only
// such links or images ("### [Logging](#logging)" is "Logging").
std::string heading_name(cmark_node* heading);

// A heading's text as GitHub's anchor sees it: plain_text(), emoji
// shortcodes (":rocket:") kept as their text, as GitHub's anchors keep
// them; not trimmed. Sections display it with whitespace collapsed;
// github_slug() turns it into the anchor.
std::string heading_text(cmark_node* heading);

// The id="…" and name="…" values in a piece of raw HTML: the anchors a
// fragment may point to (`<a id="csharp"></a>`). A light scan, not an HTML
// parser: only these attributes matter.
std::vector<std::string> html_anchor_ids(std::string_view html);

// The first anchor an `<a id|name>` inside `heading` declares, "" if none:
// a list's table of contents links to it rather than to the slug.
std::string heading_anchor(cmark_node* heading);

// `text` with what Markdown would read as syntax inside inline text
// backslash-escaped (\ ` * _ [ ] < >), for writing fields into an entry.
std::string escape_inline(std::string_view text);

// `url` as a link destination: in angle brackets when it holds a space,
// a parenthesis or an angle bracket.
std::string link_destination(const std::string& url);

// True if `node` is non-null and of `type`.
inline bool is_type(cmark_node* node, cmark_node_type type) { return node && cmark_node_get_type(node) == type; }

// True if `node`'s type is the named GFM extension node ("table", ...).
bool is_extension_node(cmark_node* node, const char* type_name);

// Whether `node` is a code block between fences ("```"), not an indented one.
bool is_fenced_code(cmark_node* node);

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
