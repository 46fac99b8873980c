#pragma once
// Human-readable text for entries: aligned columns grouped by section.

#include <optional>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate::cli {

struct EntryTextOptions {
  std::optional<size_t> width;  // columns every line must fit in; nullopt: nothing is cut
  bool color = false;
};

// Entries grouped under "Section / Group" headers, one row each (title,
// authors, kinds, date, tags, URL), aligned by display width. To fit
// `width`, columns are cut with "…" and, on narrow terminals, dropped, in
// the order docs/cli.md gives. Tags are coloured by the vocabulary of
// `catalog` when `color`.
std::string entries_to_text(const std::vector<EntryRef>& entries, const Catalog& catalog,
                            const EntryTextOptions& options);

// One entry in full, a "field: value" line each.
std::string entry_details(const EntryRef& entry, const std::string& file, bool color);

}  // namespace curate::cli
