#pragma once
// Human-readable text for entries: aligned columns grouped by section.

#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate::cli {

// Entries grouped under "Section / Group" headers, one aligned row each
// (title, authors, kinds, date, tags, URL); tags coloured when `color`.
std::string entries_to_text(const std::vector<EntryRef>& entries, bool color);

// One entry in full, a "field: value" line each.
std::string entry_details(const EntryRef& entry, const std::string& file, bool color);

}  // namespace curate::cli
