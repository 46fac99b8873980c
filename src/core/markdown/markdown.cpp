#include "curate/markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>

#include "curate/text/text.hpp"

namespace {
std::atomic<int> g_character_calls{0};
}  // namespace

// cmark-gfm 0.29 keeps the characters its extensions react to (':' and 'w'
// for autolinks, '~') in a global table that every parse sets before
// reading inlines and clears after, calling this function through the
// dynamic linker. With two parses at once, one that ends clears the table
// under the other, which then misses autolinks and strikethrough. curate's
// parsers all attach the same extensions, so the table is set once for good
// (prepare_markdown_parsers) and the library's later calls land here and do
// nothing: the same table, at every moment, for every thread.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser*, int) { ++g_character_calls; }

namespace curate {
namespace {

constexpr const char* k_extensions[] = {"table", "autolink", "strikethrough"};

void attach_extensions(cmark_parser* parser) {
  for (const char* name : k_extensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
}

// An ATX heading starting in column 1: "#" to "######", then a blank or the end.
bool is_column_one_heading(std::string_view line) {
  size_t hashes = line.find_first_not_of('#');
  if (hashes == std::string_view::npos) hashes = line.size();
  return hashes >= 1 && hashes <= 6 && (hashes == line.size() || line[hashes] == ' ' || line[hashes] == '\t');
}

// What a line start may open that a heading after a blank line would not
// close: a fenced code block, or an HTML block of the kinds that run until
// a closing marker rather than a blank line (CommonMark 4.6, kinds 1 to 5).
// Lines indented more than three spaces are never openers at the top level;
// anything else that looks like one counts, inside containers too, which
// only ever forgoes a split.
class BlockScan {
 public:
  // Reads one line; true when the text after it is outside any such block.
  bool read(std::string_view line) {
    size_t indent = line.find_first_not_of(' ');
    std::string_view body = indent == std::string_view::npos || indent > 3 ? std::string_view() : line.substr(indent);
    if (m_fence_length) {
      size_t run = body.find_first_not_of(m_fence_char);
      if (run == std::string_view::npos) run = body.size();
      if (run >= m_fence_length && is_blank(body.substr(run))) m_fence_length = 0;
      return m_fence_length == 0;
    }
    if (!m_html_end.empty()) {
      if (icontains(line, m_html_end)) m_html_end = {};
      return m_html_end.empty();
    }
    if (starts_with(body, "```") || starts_with(body, "~~~")) {
      m_fence_char = body[0];
      m_fence_length = body.find_first_not_of(m_fence_char);
      if (m_fence_length == std::string_view::npos) m_fence_length = body.size();
      // A backtick fence's info string has no backtick: then it is not a fence.
      if (m_fence_char == '`' && body.find('`', m_fence_length) != std::string_view::npos) m_fence_length = 0;
      return m_fence_length == 0;
    }
    if (!starts_with(body, "<")) return true;
    static constexpr std::pair<std::string_view, std::string_view> k_html[] = {
        {"<script", "</script>"}, {"<pre", "</pre>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"},
        {"<!--", "-->"},          {"<?", "?>"},       {"<![CDATA[", "]]>"},   {"<!", ">"}};
    for (auto [open, close] : k_html) {
      if (!istarts_with(body, open)) continue;
      if (!icontains(body.substr(open.size()), close)) m_html_end = close;
      break;
    }
    return m_html_end.empty();
  }

 private:
  char m_fence_char = 0;
  size_t m_fence_length = 0;    // 0: no fence open
  std::string_view m_html_end;  // what ends the open HTML block; empty: none
};

// "key:" or "key :" opening a YAML mapping line; "key =" a TOML one.
bool is_front_matter_key(std::string_view line, char assign) {
  size_t key = 0;
  while (key < line.size() && (std::isalnum(static_cast<unsigned char>(line[key])) || line[key] == '_' ||
                               line[key] == '-' || line[key] == '"' || line[key] == '.'))
    ++key;
  return key > 0 && trim(line.substr(key)).substr(0, 1) == std::string_view(&assign, 1);
}

}  // namespace

FrontMatter find_front_matter(std::string_view text) {
  std::string_view fence = starts_with(text, "---") ? "---" : starts_with(text, "+++") ? "+++" : "";
  if (fence.empty()) return {};
  size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !is_blank(text.substr(3, first_end - 3))) return {};
  char assign = fence == "+++" ? '=' : ':';
  bool keyed = false;
  int line = 1;
  for (size_t at = first_end + 1; at < text.size(); ++line) {
    size_t end = std::min(text.find('\n', at), text.size());
    std::string_view content = text.substr(at, end - at);
    std::string_view closing = trim(content);
    if (closing == fence || (fence == "---" && closing == "...")) {
      // A thematic break over a setext heading reads the same: only a block
      // whose first line holds a key is front matter.
      if (!keyed) return {};
      return {line + 1, std::min(end + 1, text.size())};
    }
    if (line == 1) keyed = is_front_matter_key(content, assign) || starts_with(trim(content), "#");
    at = end + 1;
  }
  return {};
}

bool prepare_markdown_parsers() {
  static const bool threads_safe = [] {
    cmark_gfm_core_extensions_ensure_registered();
    using SetCharacters = void (*)(cmark_parser*, int);
    auto library = reinterpret_cast<SetCharacters>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (!library) return false;  // cmark-gfm linked statically: it keeps its own calls
    CmarkParserPtr probe(cmark_parser_new(CMARK_OPT_DEFAULT));
    attach_extensions(probe.get());
    library(probe.get(), 1);
    // Safe only when the library's own calls do come here.
    int before = g_character_calls.load();
    cmark_parser_feed(probe.get(), "x", 1);
    CmarkNodePtr tree(cmark_parser_finish(probe.get()));
    return g_character_calls.load() > before;
  }();
  return threads_safe;
}

MarkdownDocument::MarkdownDocument(std::string_view text) {
  prepare_markdown_parsers();
  m_parser.reset(cmark_parser_new(CMARK_OPT_DEFAULT));
  attach_extensions(m_parser.get());
  // Front matter is not Markdown: cmark sees blank lines in its place, so
  // every position stays the file's.
  FrontMatter front = find_front_matter(text);
  if (front.lines) {
    std::string blanks(static_cast<size_t>(front.lines), '\n');
    cmark_parser_feed(m_parser.get(), blanks.data(), blanks.size());
    text.remove_prefix(front.bytes);
  }
  cmark_parser_feed(m_parser.get(), text.data(), text.size());
  m_root.reset(cmark_parser_finish(m_parser.get()));
}

std::vector<Chunk> split_chunks(std::string_view text, size_t min_bytes) {
  if (text.find("]:") != std::string_view::npos) {
    int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    return {{text, 0, lines + (text.empty() || text.back() == '\n' ? 0 : 1)}};
  }
  std::vector<Chunk> chunks;
  BlockScan scan;
  bool outside = true, after_blank = false;
  size_t start = 0;    // of the current chunk
  int first_line = 0;  // its line offset
  FrontMatter front = find_front_matter(text);
  int line = front.lines;  // front matter stays in the first chunk, whatever it holds
  for (size_t at = front.bytes; at < text.size(); ++line) {
    size_t end = std::min(text.find('\n', at), text.size());
    std::string_view content = text.substr(at, end - at);
    if (outside && after_blank && at - start >= min_bytes && at > start && is_column_one_heading(content)) {
      chunks.push_back({text.substr(start, at - start), first_line, line - first_line});
      first_line = line;
      start = at;
    }
    outside = scan.read(content);
    after_blank = outside && is_blank(content);
    at = end + 1;
  }
  chunks.push_back({text.substr(start), first_line, line - first_line});
  return chunks;
}

bool chunk_runs_on(const MarkdownDocument& chunk, const Chunk& where) {
  cmark_node* last = cmark_node_last_child(chunk.root());
  if (!last) return false;
  // An indented code block ends at the heading that starts the next chunk,
  // though cmark counts the chunk's closing blank lines into it.
  bool open_ended = is_fenced_code(last) || cmark_node_get_type(last) == CMARK_NODE_HTML_BLOCK;
  return open_ended && cmark_node_get_end_line(last) >= where.line_count;
}

bool is_fenced_code(cmark_node* node) {
  int length = 0, offset = 0;
  char fence = 0;
  return cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK && cmark_node_get_fenced(node, &length, &offset, &fence);
}

std::string MarkdownDocument::render_html() const {
  return take_cmark_string(
      cmark_render_html(m_root.get(), CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(m_parser.get())));
}

bool is_extension_node(cmark_node* node, const char* type_name) {
  const char* name = cmark_node_get_type_string(node);
  return name && std::strcmp(name, type_name) == 0;
}

static void append_plain_text(cmark_node* node, bool image_alt, std::string& out, bool skip_anchor_links = false) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LINK:
      if (const char* url = cmark_node_get_url(node); skip_anchor_links && url && url[0] == '#') return;
      break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      if (const char* literal = cmark_node_get_literal(node)) out += literal;
      return;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      out += ' ';
      return;
    case CMARK_NODE_HTML_INLINE:
      // "52K entries<br/>21.4MB" in a table cell: a line break GitHub shows.
      if (const char* html = cmark_node_get_literal(node); html && istarts_with(html, "<br")) out += ' ';
      return;
    case CMARK_NODE_IMAGE:
      if (!image_alt) return;
      break;
    default:
      break;
  }
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    append_plain_text(child, image_alt, out, skip_anchor_links);
}

std::string heading_name(cmark_node* heading) {
  std::string out;
  if (heading) append_plain_text(heading, false, out, true);
  std::string name = collapse_whitespace(out);
  // "### [Logging](#logging)", "## ![Papers We Love](…)": a heading that is
  // only such a link, or only an image, is named by its text or alt text.
  if (heading && name.empty()) {
    append_plain_text(heading, true, out);
    name = collapse_whitespace(out);
  }
  return name;
}

std::string plain_text(cmark_node* node, bool image_alt) {
  std::string out;
  if (node) append_plain_text(node, image_alt, out);
  return out;
}

std::string escape_inline(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string link_destination(const std::string& url) {
  return url.find_first_of("()<> ") == std::string::npos ? url : "<" + url + ">";
}

std::vector<std::string> html_anchor_ids(std::string_view html) {
  std::vector<std::string> ids;
  for (std::string_view attribute : {"id=", "name="}) {
    for (size_t at = html.find(attribute); at != std::string_view::npos; at = html.find(attribute, at + 1)) {
      bool word_start = at == 0 || html[at - 1] == ' ' || html[at - 1] == '\t' || html[at - 1] == '\n';
      size_t value = at + attribute.size();
      if (!word_start || value >= html.size() || (html[value] != '"' && html[value] != '\'')) continue;
      size_t close = html.find(html[value], value + 1);
      if (close == std::string_view::npos) continue;
      ids.emplace_back(html.substr(value + 1, close - value - 1));
    }
  }
  return ids;
}

std::string heading_anchor(cmark_node* heading) {
  for (cmark_node* child = cmark_node_first_child(heading); child; child = cmark_node_next(child)) {
    if (!is_type(child, CMARK_NODE_HTML_INLINE)) continue;
    const char* html = cmark_node_get_literal(child);
    std::vector<std::string> ids = html_anchor_ids(html ? html : "");
    if (!ids.empty()) return ids.front();
  }
  return "";
}

std::string heading_text(cmark_node* heading) {
  // A shortcode (":rocket:") stays as its text: GitHub makes the anchor
  // from the heading's source text, so "## :rocket: Launch" is
  // #rocket-launch (the slug drops the colons), though the page shows 🚀.
  return plain_text(heading);
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
