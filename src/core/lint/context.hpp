#pragma once
// What the built-in rule checks see: the parsed document and catalog plus
// facts several rules share (headings with their slugs, every link with its
// position, which lines are code or HTML). Internal to curate_core.

#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/io/source.hpp"
#include "curate/lint/lint.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/url.hpp"  // percent_decode, for the link rules

namespace curate {

// What a line of the file belongs to, for rules that must not read inside
// verbatim blocks.
enum class LineKind : unsigned char { text, code, html };

struct HeadingInfo {
  int level = 0;
  std::string text;                   // plain text as GitHub shows it, whitespace collapsed
  std::string anchor_text;            // markdown.hpp heading_text(): what the slug is made from
  std::string slug;                   // GitHub anchor, de-duplicated like GitHub does
  std::vector<std::string> html_ids;  // <a id="x">/<a name="x"> inside it: anchors to the same heading
  SourceSpan span;
  bool in_container = false;  // inside a block quote or list: no section of its own
  bool navigation = false;    // one link to the document's own anchor: "### [Companies](#companies-1)"
  bool is_entry = false;      // an entry of the catalog's (source heading): "### [Let's Go!](…)"
};

// A Markdown link or image, anywhere in the document.
struct LinkInfo {
  std::string url;
  std::string text;  // plain text of the link
  SourceSpan span;
  bool is_image = false;
  bool is_autolink = false;
  bool has_image_child = false;  // [![badge](…)](url): the image is the text
  // What parse_url reads from `url`, once for every rule that asks.
  bool is_absolute = false;  // parse_url accepts the URL
  std::string scheme;        // lower-case; "" unless is_absolute
  std::string host;          // lower-case, without port; "" unless is_absolute
};

// A list the layout checks look at: one directly in the document or in an
// item of such a list (lists in block quotes are left as written).
struct ListInfo {
  struct Entry {
    SourcePos start;          // the item's marker
    int last_line = 0;        // the item's last line, its sublists' included
    bool code_first = false;  // its first block is a code block
  };
  bool is_bullet = false;
  int previous_sibling = -1;  // the list right before it in the same container (index in lists()); -1: none
  SourcePos parent_item;      // the marker of the item it is in; line 0: the document
  std::vector<Entry> items;
};

// A GFM table as written: the lines of its header and of its rows (the
// delimiter row excluded).
struct TableLines {
  int header = 0;
  std::vector<int> rows;
};

// A deque: a big list has hundreds of thousands of links, which a growing
// vector would move (five strings each) a dozen times over.
using Links = std::deque<LinkInfo>;

// What the checks read of a run of top-level blocks: a whole document's, or
// one chunk's, read on the thread that parsed it and then appended.
struct BlockFacts {
  std::vector<HeadingInfo> headings;
  Links links;
  std::vector<ListInfo> lists;
  std::vector<TableLines> tables;
  std::set<std::string> html_anchors;
};

class LintContext {
 public:
  // Reads nothing yet: each top-level block of the document is handed to
  // read_block, in order, as the catalog is built (parse.hpp BlockReader),
  // while it is in cache and before it is freed; finish() then completes
  // what needs them all. Checks never see the cmark tree; `catalog` is only
  // read by the checks.
  LintContext(const SourceFile& source, const Catalog& catalog, const Config& config, const LintOptions& options);
  void read_block(cmark_node* block, int line_offset);
  // The same for a chunk's whole tree, on the thread that parsed it (which
  // writes only the kinds of the chunk's own lines): what it returns adds
  // the facts to this context, on the reading thread, in chunk order
  // (parse.hpp ChunkReader).
  std::function<void()> read_chunk(cmark_node* root, int line_offset);
  void finish();

  const SourceFile& source() const { return m_source; }
  std::string_view text() const { return m_source.text; }
  const Catalog& catalog() const { return m_catalog; }
  const Config& config() const { return m_config; }
  const LintOptions& options() const { return m_options; }
  const std::string& today() const { return m_today; }

  int line_count() const { return m_lines.line_count(); }
  std::string_view line(int number) const { return m_lines.line_text(m_source.text, number); }
  LineKind line_kind(int number) const;
  // The last line of a heading: a setext heading's underline, which
  // cmark-gfm's end line runs one past.
  int heading_last_line(const HeadingInfo& heading) const;
  // Whether line `number` is a line of a paragraph that its next line
  // continues: where two trailing spaces are a hard line break.
  bool continues_paragraph(int number) const;
  const LineIndex& line_index() const { return m_lines; }
  // Byte offset of a position in text().
  size_t offset(SourcePos pos) const { return m_lines.offset(pos.line, pos.column); }

  const std::vector<HeadingInfo>& headings() const { return m_facts.headings; }
  const Links& links() const { return m_facts.links; }
  // Lists in document order, each before the lists nested in its items.
  const std::vector<ListInfo>& lists() const { return m_facts.lists; }
  // Every GFM table, in document order.
  const std::vector<TableLines>& tables() const { return m_facts.tables; }
  // HTML ids and names (<a id="x">, name="x"): anchors besides headings.
  const std::set<std::string>& html_anchors() const { return m_facts.html_anchors; }
  // The folder relative links resolve against ("" for standard input).
  const std::string& base_dir() const { return m_base_dir; }

 private:
  const SourceFile& m_source;
  const Catalog& m_catalog;
  const Config& m_config;
  const LintOptions& m_options;
  std::string m_today;
  LineIndex m_lines;
  std::vector<LineKind> m_line_kinds;
  std::vector<char> m_continued;  // per line: continues_paragraph()
  BlockFacts m_facts;
  int m_previous_list = -1;  // the last top-level block read is this list (index in lists()); -1: it is no list
  std::string m_base_dir;
};

// Collects one rule's findings; a check receives the one for its rule.
class RuleReporter {
 public:
  RuleReporter(const std::string& rule, const std::string& file, const nlohmann::json& options,
               std::vector<Diagnostic>& out, std::vector<TextEdit>* edits = nullptr)
      : m_rule(rule), m_file(file), m_options(options), m_out(out), m_edits(edits) {}

  const nlohmann::json& options() const { return m_options; }
  void report(SourcePos begin, SourcePos end, std::string message, bool fixable = false);
  void report(SourcePos at, std::string message, bool fixable = false) { report(at, at, std::move(message), fixable); }
  // A finding --fix repairs with one text replacement (fixable).
  void report_with_edit(SourcePos begin, SourcePos end, std::string message, size_t offset, size_t length,
                        std::string replacement);

 private:
  const std::string& m_rule;
  const std::string& m_file;
  const nlohmann::json& m_options;
  std::vector<Diagnostic>& m_out;
  std::vector<TextEdit>* m_edits;
};

// Registration of each rule family (one file each).
void add_structure_rules(RuleRegistry& registry);
void add_layout_rules(RuleRegistry& registry);
void add_entry_rules(RuleRegistry& registry);
void add_link_rules(RuleRegistry& registry);
void add_syntax_rules(RuleRegistry& registry);
void add_description_rules(RuleRegistry& registry);

// The suppression comments of a file; unknown rule ids are reported through
// `reporter` (rule invalid-suppression) with a suggestion from `known`.
Suppressions read_suppressions(const LintContext& context, const std::vector<std::string>& known,
                               RuleReporter* reporter);

// One item as the item checks see it (lint.hpp ItemCheck).
struct ItemVisit {
  const Item& item;
  const Section& section;
  const std::string& parents;  // the titles of the items around it, each followed by '\x1f'
  // The link right after an entry's title ("Title" [meta](url) or Title
  // [meta](url)); nullptr for leading-link and bare-URL entries, groups and
  // stubs.
  const LinkInfo* meta;
  SourcePos line_end;                 // the end of its first line: findings about a whole entry cover it
  const std::vector<Item>& siblings;  // the vector `item` is in (Section::items or a parent's children)
  size_t index;                       // its place there
};

// Whether the Markdown list `siblings[index]` is in holds entries: at least
// half of its items are linked or tagged. The others are prose (a bullet list
// of rules, steps, or free-tier limits with one "full list - https://…"):
// missing-link and entry-format leave them alone.
bool in_entry_list(const LintContext& context, const std::vector<Item>& siblings, size_t index);

// Whether an unlinked item's text is a sentence rather than a name: a study
// note among links ("No need to implement", "These are somewhat of a cult
// data structure"). Its words after the first are mostly lower case, and it
// has a word only sentences have ("is", "you", "see"), closes with a stop or
// runs to eight words.
// "The Art of Computer Programming" and "You Don't Know JS" are names; a
// paper's reference ("… (2014), K. Cho et al.") is no prose.
bool reads_as_prose(std::string_view text);

// Calls every check for every item of the catalog (entries and groups,
// children after their parent) in document order, in one walk.
void visit_items(const LintContext& context, const std::vector<ItemCheck>& checks);

}  // namespace curate
