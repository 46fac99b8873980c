#pragma once
// The typed tree of a reading list (DESIGN.md "The typed tree"): sections
// from headings, items from list items, the tag vocabulary, and the spans of
// everything else. Plain data; built by parse_catalog().

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace curate {

// 1-based line and byte column in the list file (after BOM/CRLF removal).
struct SourcePos {
  int line = 0;
  int column = 0;
};

// An inclusive range of source, as cmark reports block positions.
struct SourceSpan {
  SourcePos begin;
  SourcePos end;
};

// Where an entry was found (DESIGN.md "Where entries live").
enum class EntrySource : uint8_t {
  list,       // a list item
  table,      // a row of a GFM table
  paragraph,  // a reference paragraph: **[12]** Authors. "Title." …
  heading,    // a heading that is one link: ### [Title](url) *Free*, its section's first paragraph the description
  html,       // a line of an HTML block: <a href="url"><b>Title</b></a> - Description<br>
};

// How an item's first paragraph matched the entry grammar.
enum class EntryStyle : uint8_t {
  quoted,        // *tag*: "Title" [meta](url), or Label: "Quote" [meta](url)
  leading_link,  // [Name](url) - Description
  bare_url,      // Text: https://…
  plain,         // plain text, optionally before a link: Title [meta](url)
  reference,     // **[12]** Authors. "Title." Venue (2015) [[pdf]](url)
  table_row,     // a row of a table: its cells, mapped by the header
  empty,         // the item has no paragraph
};

// A template's captures of an entry: placeholder → text, in template order,
// in one string. A big list keeps one per entry until its style is settled,
// and a vector of string pairs cost three allocations an entry more.
class PackedCaptures {
 public:
  // Sizes are kept in 32 bits: entries longer than a few KB are not read
  // by templates (style_match.cpp k_max_entry_bytes).
  void add(std::string_view name, std::string_view value) {
    const uint32_t sizes[2] = {static_cast<uint32_t>(name.size()), static_cast<uint32_t>(value.size())};
    m_bytes.append(reinterpret_cast<const char*>(sizes), sizeof sizes).append(name).append(value);
  }
  // visit(std::string_view name, std::string_view value), in the order added.
  template <typename Visit>
  void each(const Visit& visit) const {
    for (std::size_t at = 0; at < m_bytes.size();) {
      uint32_t sizes[2];
      std::memcpy(sizes, m_bytes.data() + at, sizeof sizes);
      at += sizeof sizes;
      visit(std::string_view(m_bytes.data() + at, sizes[0]),
            std::string_view(m_bytes.data() + at + sizes[0], sizes[1]));
      at += std::size_t{sizes[0]} + sizes[1];
    }
  }

 private:
  std::string m_bytes;  // per capture: the name's and the value's sizes, then the name and the value
};

// What a template style read from an entry while the catalog was built
// (catalog/style.hpp); kept only until the list's style is settled.
struct StyleReading {
  int style = -1;            // index in the StyleSet
  bool distinctive = false;  // the part that sets the style apart is there ({formats} for books)
  PackedCaptures captures;   // a title or URL the grammar read alike is left out
  std::string rest;          // text after the last part the entry has
};

struct Item {
  std::string title;
  std::optional<std::string> description;
  std::optional<std::string> note;
  std::optional<std::string> url;  // nullopt: a stub; "" for [Name]()
  std::vector<std::string> links;  // every link of the first paragraph, in order
  std::vector<std::string> tags;
  std::vector<std::string> authors;
  std::vector<std::string> kinds;
  std::optional<std::string> medium;  // raw text of the kind field
  std::optional<std::string> date;    // YYYY, YYYY-MM or YYYY-MM-DD as written
  std::vector<std::string> formats;   // pdf, html, epub… (lower-case) from labels like (PDF) or [pdf]
  // Named parts the schema has no field for (table columns, template
  // placeholders such as {venue}), in the order the entry gives them.
  std::vector<std::pair<std::string, std::string>> fields;
  std::string rest;  // text the grammar did not place in any field
  // While the catalog is built only (catalog/style.hpp settle_style): what
  // template styles read, which missed a required part, which left text.
  std::vector<StyleReading> style_readings;
  std::string style_miss;  // how the entry departs from the list's template style; "" when it follows it
  std::string raw;         // source of the first paragraph (a table row: its line), as written
  std::string id;          // stable 8-hex-digit id (see DESIGN.md JSON schema)
  SourcePos pos;           // the list marker
  SourceSpan span;         // the whole item, children included
  int paragraph_end_line = 0;
  uint32_t style_misses = 0;
  uint16_t style_unseparated = 0;
  // The small fields together: a big list holds 100,000 Items and more.
  // The style the entry was read in when its section has one of its own
  // (.curate.json "style" "sections"); `list` otherwise: the catalog's.
  enum class Settled : uint8_t { list, seed, awesome, template_style };
  Settled settled = Settled::list;
  EntryStyle style = EntryStyle::plain;
  EntrySource source = EntrySource::list;
  bool is_group = false;              // no link of its own, has children
  bool is_navigation = false;         // links only to anchors of this document ("Back to Top") and has no children
  bool metadata_comma_split = false;  // [A; kind, date]: fixable to [A; kind; date]
  bool unclosed_quote = false;        // an opening quote without its closing one
  // A table row with no name column named by a cell of another (Free-
  // Certifications' "| Cilium | Isovalent | Cilium Ingress Controller |
  // [Link](…) |"): a category many rows share, which duplicate-title leaves alone.
  bool title_from_category = false;
  std::vector<Item> children;

  // An item with no text ("*" alone, awesome-computer-vision) is no entry;
  // entry-format reports it.
  bool is_entry() const { return !is_group && !is_navigation && style != EntryStyle::empty; }
  bool is_stub() const { return is_entry() && !url; }
  std::optional<int> year() const;
};

// A GFM table whose rows are entries (their Items sit in Section::items).
struct TableInfo {
  SourceSpan span;                   // header row to the last row
  std::vector<std::string> columns;  // header cells as plain text, in order
};

struct Section {
  std::string heading;  // plain text as GitHub shows it; empty for the root
  int level = 0;        // 1..6; 0 for the root
  std::string slug;     // GitHub-style anchor, de-duplicated across the file
  std::string anchor;   // an <a id|name> the heading declares ("" if none): what a ToC links to
  SourceSpan span;      // heading line to the end of its last block
  // A group label over a list, not a heading: `**Tools**`, `_Web Analytics_`,
  // `> Source` or `<summary>Meta</summary>` (docs/grammar.md "Tree"). No
  // anchor, no slug; headings' rules and tables of contents leave it out.
  bool label = false;
  std::vector<Section> sections;
  std::vector<Item> items;        // list items, table rows and reference paragraphs, in document order
  std::vector<TableInfo> tables;  // tables holding entries, in document order
};

struct TagDef {
  std::string name;
  std::string description;
  int line = 0;  // where the legend declares it; 0 when from .curate.json
};

// One item of a table-of-contents list.
struct TocLink {
  std::string text;
  std::string anchor;  // without the leading "#" or "./#"
  int depth = 0;       // 0 for the outermost list
  SourcePos pos;
};

// A top-level block the tree does not model (kept verbatim by every writer).
struct VerbatimBlock {
  std::string type;  // cmark's type string: "paragraph", "table", "html_block", …
  SourceSpan span;
};

struct Catalog {
  std::string path;                  // as the user named it; "-" for standard input
  std::optional<std::string> title;  // the first H1 when no other heading comes before it, badges left out
  int title_line = 0;
  int front_matter_lines = 0;                            // YAML/TOML front matter at the top, kept verbatim (0: none)
  std::string style;                                     // the entry style in force (catalog/style.hpp)
  bool style_detected = false;                           // no "style" in .curate.json: the entries' votes chose it
  std::vector<std::pair<std::string, int>> style_votes;  // detection: how many entries voted for each style
  int linked_entries = 0;       // list entries that open with their link (sentences_after_links)
  int unseparated_entries = 0;  // and those whose words follow the link with no separator ("[X](…) is a …")
  std::vector<TagDef> tags;     // the vocabulary
  bool tags_from_config = false;
  int legend_line = 0;  // the block quote declaring the vocabulary
  Section root;         // level 0: items before any heading, and the sections
  std::vector<TocLink> toc;
  std::vector<VerbatimBlock> blocks;
};

// A heading path, title excluded. Every entry of a section shares one
// copy: a big list has 100,000 entries in a few thousand sections.
class SectionPath {
 public:
  SectionPath() = default;
  SectionPath(std::vector<std::string> path)  // NOLINT(google-explicit-constructor): a path is a vector
      : m_path(std::make_shared<const std::vector<std::string>>(std::move(path))) {}
  SectionPath(std::initializer_list<std::string> path) : SectionPath(std::vector<std::string>(path)) {}

  const std::vector<std::string>& get() const { return m_path ? *m_path : empty_path(); }
  operator const std::vector<std::string>&() const { return get(); }  // NOLINT(google-explicit-constructor)
  auto begin() const { return get().begin(); }
  auto end() const { return get().end(); }
  bool empty() const { return get().empty(); }

  // Both overloads: with only the second, C++20's reversed candidates make
  // `path == path` ambiguous (clang warns).
  friend bool operator==(const SectionPath& a, const SectionPath& b) { return a.get() == b.get(); }
  friend bool operator==(const SectionPath& a, const std::vector<std::string>& b) { return a.get() == b; }

 private:
  static const std::vector<std::string>& empty_path();
  std::shared_ptr<const std::vector<std::string>> m_path;
};

// An entry together with where it sits; what queries and outputs work on.
struct EntryRef {
  const Item* item = nullptr;
  SectionPath section;                 // heading path, title excluded
  std::vector<std::string> parents;    // ancestor items' titles, outermost first
  std::vector<const Item*> ancestors;  // the same items
  const Section* owner = nullptr;
  const Catalog* catalog = nullptr;  // the file it is in (Catalog::path): a catalog may span several

  // The entry's file as the user named it ("-" for standard input); "" when unknown.
  const std::string& file() const;
};

// Every entry (not groups) in document order, children after their parent.
std::vector<EntryRef> collect_entries(const Catalog& catalog);

// Every section in document order (root excluded), with its heading path.
struct SectionRef {
  const Section* section = nullptr;
  std::vector<std::string> path;
};
std::vector<SectionRef> collect_sections(const Catalog& catalog);

// Number of entries in `section` and below.
int count_entries(const Section& section);
int count_entries(const Item& item);

}  // namespace curate
