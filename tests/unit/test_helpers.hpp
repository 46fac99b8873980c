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

// Built with append, not `std::string(…) + "/" + …`: GCC 12 warns a false
// -Warray-bounds on the latter for some source-folder lengths (a checkout in
// /work/wt/hygiene failed to build with -Werror).
inline std::string repo_path(const std::string& relative) {
  std::string path = CURATE_SOURCE_DIR;
  path.append("/").append(relative);
  return path;
}

// The shipped list's text.
inline std::string seed_text() { return read_source(repo_path("data/resources.md")).text; }

}  // namespace curate::test
