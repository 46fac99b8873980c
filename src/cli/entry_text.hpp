#pragma once
// Human-readable text for entries: aligned columns grouped by section.

#include <optional>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/query/query.hpp"

namespace curate::cli {

struct EntryTextOptions {
  std::optional<size_t> width;  // columns every line must fit in; nullopt: nothing is cut
  bool color = false;
};

// Entries grouped under "Section / Group" headers ("FILE: Section / Group"
// when `set` is several files), one row each (title, authors, kinds, date,
// tags, URL), aligned by display width. To fit `width`, columns are cut
// with "…" and, on narrow terminals, dropped, in the order docs/cli.md
// gives. Tags are coloured by the vocabulary of `set` when `color`.
std::string entries_to_text(const std::vector<EntryRef>& entries, const CatalogSet& set,
                            const EntryTextOptions& options);

// One entry in full, a "field: value" line each.
std::string entry_details(const EntryRef& entry, bool color);

}  // namespace curate::cli
