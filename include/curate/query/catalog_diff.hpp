#pragma once
// A semantic diff of two catalogs: entries added, removed, changed (field by
// field) and moved between sections or groups. Layout (whitespace, bullets,
// indentation, line breaks, order within a list) is never a difference.
// docs/edit.md describes the matching rules.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "curate/catalog/catalog.hpp"

namespace curate {

// Where an entry sits on one side of the diff, and what names it.
struct EntryPlace {
  std::string id;
  std::string title;
  std::optional<std::string> url;
  std::vector<std::string> section;  // heading path
  std::vector<std::string> parents;  // ancestor items' titles
  int line = 0;
};

// One field that differs. Scalar fields hold zero (absent) or one value.
struct FieldChange {
  std::string field;  // title, description, note, url, links, tags, authors, kinds, date, text
  std::vector<std::string> before;
  std::vector<std::string> after;
  bool is_list = false;
};

enum class ChangeType { added, removed, changed, moved };

// One entry that differs. `moved` entries may carry field changes as well.
struct EntryChange {
  ChangeType type = ChangeType::changed;
  std::optional<EntryPlace> before;  // absent for added entries
  std::optional<EntryPlace> after;   // absent for removed entries
  std::vector<FieldChange> fields;
};

struct [[nodiscard]] CatalogDiff {
  std::vector<EntryChange> entries;  // new document order, then removed entries in old order
  std::vector<std::vector<std::string>> sections_added;
  std::vector<std::vector<std::string>> sections_removed;

  bool empty() const { return entries.empty() && sections_added.empty() && sections_removed.empty(); }
  // Entries of `type`; for ChangeType::changed, every entry with field changes (moved ones too).
  int count(ChangeType type) const;
};

// Matches the entries of `before` and `after` by normalised URL, then by
// title (in the same section and parents first, then anywhere when the title
// is unique on both sides), and reports what differs.
CatalogDiff diff_catalogs(const Catalog& before, const Catalog& after);

// The report as text, grouped by the section (and parents) each change is in.
// Empty when there are no differences.
std::string diff_to_text(const CatalogDiff& diff);

// The report as JSON: {"old", "new", "changes": […], "sections_added",
// "sections_removed", "summary"} (docs/edit.md has the shape).
nlohmann::ordered_json diff_to_json(const CatalogDiff& diff, const std::string& old_label,
                                    const std::string& new_label);

}  // namespace curate
