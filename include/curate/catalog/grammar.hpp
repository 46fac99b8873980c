#pragma once
// The entry grammar (DESIGN.md "Entry grammar"): reads the fields of one list
// item from its first paragraph.

#include <cmark-gfm.h>

#include <string_view>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"

namespace curate {

// Fills title, description, note, url, links, tags, authors, kinds, medium,
// date, style, rest and the grammar flags of `item` from `paragraph` (a cmark
// paragraph node; nullptr for an item without one). Never throws: text the
// grammar does not recognise is left in `item.rest`.
void parse_entry_fields(cmark_node* paragraph, const KindTable& kinds, Item& item);

// Fills authors, kinds, medium and date from a metadata link's text
// ("Ian Goodfellow; book; 2016"): dates, kinds (via `kinds`) and authors.
void parse_metadata(std::string_view text, const KindTable& kinds, Item& item);

// True for link texts that name a format rather than metadata: pdf, html,
// code, slides, video, and any text in square brackets ("[pdf]").
bool is_format_label(std::string_view link_text);

}  // namespace curate
