#pragma once
// `enrich`: the fields an existing entry lacks (authors, kind, date),
// filled into its line in the list's style without touching anything the
// maintainer wrote. docs/metadata.md has the rules.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/edit/edit.hpp"

namespace curate {

// The fields `entry` lacks that its place can hold: "authors", "kind",
// "date" in the style of its section ({year} holds a date's year), or the
// author and date columns of its table. Empty for stubs, entries whose URL
// is not http(s), reference paragraphs, and styles with no place for any.
std::vector<std::string> fillable_fields(const EntryRef& entry, const Catalog& catalog, const Config& config);

// The fields a new entry at `target` has a place for, of "authors",
// "kind", "date" and "description": its section's style, or the columns of
// the table add_entry() appends a row to.
std::vector<std::string> places_for_new_entry(const Catalog& catalog, const Config& config, const EditTarget& target);

// What a source gave for one entry, as the list writes it. Only the fields
// fillable_fields() names are used.
struct EntryFill {
  EntryRef entry;
  std::vector<std::string> authors;
  std::optional<std::string> kind;
  std::optional<std::string> date;
};

// One entry enrich filled, or could not.
struct EntryFillOutcome {
  const Item* item = nullptr;
  std::vector<std::string> fields;  // what was filled: "date 2015-12-10", "authors Kaiming He et al."
  std::string skipped;              // why nothing was filled; "" when filled
  bool unwritable = false;          // the source gave fields the line could not take (else it gave none)
};

struct [[nodiscard]] EnrichResult {
  EditResult edit;  // the new text; edit.expected.filled is what verify_edit must find
  std::vector<EntryFillOutcome> outcomes;
};

// Fills each entry's missing fields. A list item is rewritten in its
// section's style when the line it has is exactly that style's rendering of
// its fields (so nothing the maintainer wrote is lost), else, in the seed
// grammar, the missing fields are inserted into its metadata link
// (`[Author; kind]` → `[Author; kind; 2015]`); a table row gets its empty
// author or date cell filled. Each rewritten line must read back with its
// old fields unchanged and the filled ones as given; an entry where that
// cannot be done is skipped, with the reason.
EnrichResult enrich_entries(const Catalog& catalog, std::string_view text, const std::vector<EntryFill>& fills,
                            const Config& config);

}  // namespace curate
