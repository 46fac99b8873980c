#pragma once
// Markdown -> catalog: builds the typed tree from cmark-gfm's AST.

#include <string_view>

#include "curate/catalog.hpp"
#include "curate/config.hpp"
#include "curate/markdown.hpp"
#include "curate/source.hpp"

namespace curate {

// Builds the catalog of an already parsed document whose source is `text`.
Catalog build_catalog(const MarkdownDocument& document, std::string_view text, const std::string& path,
                      const Config& config);

// Parses `file` with cmark-gfm and builds its catalog. Never throws for
// Markdown content: every input is a valid document.
Catalog parse_catalog(const SourceFile& file, const Config& config);

}  // namespace curate
