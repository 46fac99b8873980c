#pragma once
// The typed tree of a reading list (DESIGN.md "The typed tree"): sections
// from headings, items from list items, the tag vocabulary, and the spans of
// everything else. Plain data; built by parse_catalog().

#include <optional>
#include <string>
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

// How an item's first paragraph matched the entry grammar.
enum class EntryStyle {
  quoted,        // *tag*: "Title" [meta](url), or Label: "Quote" [meta](url)
  leading_link,  // [Name](url) - Description
  bare_url,      // Text: https://…
  plain,         // plain text, optionally before a link: Title [meta](url)
  empty,         // the item has no paragraph
};

struct Item {
  bool is_group = false;  // no link of its own, has children
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
  EntryStyle style = EntryStyle::plain;
  std::string rest;                   // text the grammar did not place in any field
  bool metadata_comma_split = false;  // [A; kind, date]: fixable to [A; kind; date]
  bool unclosed_quote = false;        // an opening quote without its closing one
  std::string raw;                    // source of the first paragraph, as written
  std::string id;                     // stable 8-hex-digit id (see DESIGN.md JSON schema)
  SourcePos pos;                      // the list marker
  SourceSpan span;                    // the whole item, children included
  int paragraph_end_line = 0;
  std::vector<Item> children;

  bool is_entry() const { return !is_group; }
  bool is_stub() const { return !is_group && !url; }
  std::optional<int> year() const;
};

struct Section {
  std::string heading;  // plain text; empty for the root
  int level = 0;        // 1..6; 0 for the root
  std::string slug;     // GitHub-style anchor, de-duplicated across the file
  SourceSpan span;      // heading line to the end of its last block
  std::vector<Section> sections;
  std::vector<Item> items;
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
  std::string path;
  std::optional<std::string> title;  // the opening H1
  int title_line = 0;
  std::vector<TagDef> tags;  // the vocabulary
  bool tags_from_config = false;
  int legend_line = 0;  // the block quote declaring the vocabulary
  Section root;         // level 0: items before any heading, and the sections
  std::vector<TocLink> toc;
  std::vector<VerbatimBlock> blocks;
};

// An entry together with where it sits; what queries and outputs work on.
struct EntryRef {
  const Item* item = nullptr;
  std::vector<std::string> section;    // heading path, title excluded
  std::vector<std::string> parents;    // ancestor items' titles, outermost first
  std::vector<const Item*> ancestors;  // the same items
  const Section* owner = nullptr;
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
