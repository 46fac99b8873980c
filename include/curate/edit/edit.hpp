#pragma once
// Editing a list in place (`add`, `rm`, `mv`, `tag`, `sort`). Every edit is
// line-based: it works from the item spans of the catalog, changes only the
// lines it must and leaves every other byte as it was. docs/edit.md has the
// rules for indentation, blank lines and markers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/query/query.hpp"

namespace curate {

// The fields of an entry to add.
struct NewEntry {
  std::string title;
  std::string url;
  std::vector<std::string> tags;
  std::vector<std::string> authors;
  std::optional<std::string> kind;  // as the user wrote it; rendered so
  std::optional<std::string> date;
  std::optional<std::string> description;
  std::optional<std::string> note;
};

// Where entries go: a section, or a group (an item without a link) in it.
struct EditTarget {
  const Section* section = nullptr;
  const Item* group = nullptr;  // nullptr: the section's own items
  std::vector<std::string> section_path;
  std::vector<std::string> parents;  // group titles, outermost first
  std::string describe() const;      // "Deep Learning > Overview"
};

// An entry `enrich` fills: its old line and what the filled fields must
// read afterwards (a field left empty or absent here must not change).
struct FilledFields {
  int line = 0;
  std::vector<std::string> authors;
  std::vector<std::string> kinds;
  std::optional<std::string> date;
};

// What an edit must change, and nothing else (checked by verify_edit).
struct ExpectedChanges {
  std::vector<int> removed;  // old lines (Item::pos) of entries that go
  std::vector<int> moved;    // old lines of entries that move, fields unchanged
  std::optional<NewEntry> added;
  std::vector<std::string> added_section;  // where the added entry must be
  std::vector<std::string> added_parents;
  std::vector<std::pair<int, std::vector<std::string>>> retagged;  // old line, new tags
  std::vector<FilledFields> filled;                                // enrich: only these fields, each empty before
};

// The new text of an edit (LF-only, like SourceFile::text), one line saying
// what it did, and what verify_edit must find.
struct [[nodiscard]] EditResult {
  std::string text;
  std::string summary;
  ExpectedChanges expected;
  bool changed = true;
  int line = 0;          // the line the message points at; 0 for none
  std::string notice{};  // what the edit left out ("not written, as …"), also in `summary`
};

// Throws curate::Error unless `date` is YYYY, YYYY-MM or YYYY-MM-DD naming a
// real month and day.
void validate_date(std::string_view date);

// Throws curate::Error unless `url` is an absolute http or https URL.
void validate_url(std::string_view url);

// One entry in the house style, without the list marker:
// `*tag*: "Title" [A & B; kind; date](url)`, `*tag*: Title: "description"
// [meta](url) *note*`, or `[Title](url) - description` when there is no
// metadata. Throws curate::Error when the fields would not read back the
// same (checked by parsing the rendered line).
std::string render_entry(const NewEntry& entry, const KindTable& kinds);

// An entry written in a list's style (DESIGN.md "Entry styles"): the line
// without its marker, the fields the style has no place for (not written),
// and the entry as it will read back.
struct RenderedEntry {
  std::string line;
  std::vector<std::string> dropped;  // "authors", "kind", "date", "tags", "description", "note"
  NewEntry written;
};

// `style` is a built-in style's name or a template; "seed" (and "") is
// render_entry(). Throws curate::Error when the entry would not read back.
RenderedEntry render_entry_in_style(const NewEntry& entry, const KindTable& kinds, const std::string& style);

// The style new entries of `section_path` are written in: its configured
// style (.curate.json "style", a name or a template), else the list's.
std::string style_for_section(const Catalog& catalog, const Config& config,
                              const std::vector<std::string>& section_path);

// The section (headings joined by "/", matched by their trailing headings,
// case-insensitively) and optionally a group title in it (at any depth).
// Throws curate::Error with a "did you mean" when nothing or several match.
EditTarget resolve_target(const Catalog& catalog, const std::string& section, const std::optional<std::string>& group);

// "SECTION[/GROUP]" for mv: the whole text as a section first, else split at
// a "/" into a section and a group title.
EditTarget resolve_move_target(const Catalog& catalog, const std::string& path);

// The edits. `text` is the LF-only text `catalog` was parsed from. They throw
// curate::Error (nothing written yet) when the edit cannot be done safely.
// Appends `entry` to the target's list in `style` (render_entry_in_style),
// or, when the target section keeps its entries in a table, as a row of
// that table in its column order.
EditResult add_entry(const Catalog& catalog, std::string_view text, const EditTarget& target, const NewEntry& entry,
                     const KindTable& kinds, const std::string& style = "seed");
EditResult remove_entries(const Catalog& catalog, std::string_view text, const std::vector<EntryRef>& entries,
                          bool recursive);
EditResult move_entries(const Catalog& catalog, std::string_view text, const std::vector<EntryRef>& entries,
                        const EditTarget& target);
// Edits only the `*tag*:` prefix on each entry's first line.
EditResult retag_entries(const Catalog& catalog, std::string_view text, const std::vector<EntryRef>& entries,
                         const std::vector<std::string>& add, const std::vector<std::string>& remove);

struct SortOptions {
  SortKey key = SortKey::title;  // title, date or year
  bool reverse = false;
  std::optional<std::string> section;  // only lists under this section pattern
};
// Sorts the entries of every list within its section or group (never across
// lists), stably, children travelling with their parent; groups keep their
// places.
EditResult sort_lists(const Catalog& catalog, std::string_view text, const SortOptions& options);

// The nothing-lost check: parses `new_text` and diffs it with `before`;
// throws curate::Error ("refusing to write …") unless the differences are
// exactly `expected`.
void verify_edit(const Catalog& before, std::string_view new_text, const Config& config,
                 const ExpectedChanges& expected);

}  // namespace curate
