#pragma once
// The entry filters shared by list, stats and export, as CLI options.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "curate/query/query.hpp"

namespace curate::cli {

// Adds --section, --tag, --untagged, --kind, --author, --since, --until,
// --grep and --stubs, writing into `filter`.
void add_filter_options(CLI::App& command, EntryFilter& filter);

// Refuses a FILE argument that does not exist but reads as a second value
// of --kind or --tag (`--kind book blog`), saying how to give several.
void check_not_a_filter_value(const std::vector<std::string>& files, const EntryFilter& filter);

}  // namespace curate::cli
