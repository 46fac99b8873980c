#pragma once
// The commented .curate.json that `curate init` writes for a list.

#include <string>

#include "curate/catalog/catalog.hpp"

namespace curate {

// A commented configuration naming `list_file` (as written, relative to the
// folder the config goes in), declaring the vocabulary of the list's legend
// when it has one, with commented "rules" and "links" examples. Valid input
// for load_config; the same catalog gives the same bytes.
std::string starter_config(const std::string& list_file, const Catalog& catalog);

}  // namespace curate
