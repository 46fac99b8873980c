#pragma once
// Shared helpers for the unit tests: parsing Markdown text into a catalog.

#include <string>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/io/source.hpp"

namespace curate::test {

inline Catalog parse_text(const std::string& markdown, const Config& config = Config{}) {
  return parse_catalog(source_from_bytes("test.md", markdown), config);
}

// The only entry of a one-item list.
inline Item parse_item(const std::string& line) {
  Catalog catalog = parse_text("- " + line + "\n");
  return catalog.root.items.at(0);
}

inline std::string repo_path(const std::string& relative) { return std::string(CURATE_SOURCE_DIR) + "/" + relative; }

}  // namespace curate::test
