#pragma once
// The JSON entry schema of DESIGN.md ("JSON entry schema"), shared by
// `list --format json|jsonl`, `show` and `export`.

#include <nlohmann/json_fwd.hpp>

#include "curate/catalog/catalog.hpp"
#include "curate/text/json_writer.hpp"

namespace curate {

// One entry as the schema describes it; `file` is the entry's own
// (EntryRef::file), as the user named it.
nlohmann::ordered_json entry_to_json(const EntryRef& entry);

// The same object streamed into `out`; out's dump equals entry_to_json's.
void write_entry_json(JsonWriter& out, const EntryRef& entry);

}  // namespace curate
