#pragma once
// The entry filters shared by list, stats and export, as CLI options.

#include <CLI/CLI.hpp>

#include "curate/query/query.hpp"

namespace curate::cli {

// Adds --section, --tag, --untagged, --kind, --author, --since, --until,
// --grep and --stubs, writing into `filter`.
void add_filter_options(CLI::App& command, EntryFilter& filter);

}  // namespace curate::cli
