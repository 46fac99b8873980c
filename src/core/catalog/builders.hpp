#pragma once
// Pieces of the catalog builder kept apart from parse.cpp (internal to the
// catalog stage).

#include <cmark-gfm.h>

#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/markdown/markdown.hpp"

namespace curate::catalog_detail {

// Reads the rows of a GFM table that hold a link as entries (DESIGN.md
// "Where entries live": columns get their role from the header). Appends
// them to `rows` and describes the table in `info`; false, with nothing
// added, when no row links anywhere but to an anchor of the document.
bool read_table(cmark_node* table, const LineShift& lines, TableInfo& info, std::vector<Item>& rows);

// Gives every item of `catalogs` an id that names it alone (DESIGN.md "Entry
// ids"): the hash of its normalised URL (fragment kept), or of section path,
// parent titles and title for items without one; a later item whose hash is
// taken hashes its section path in too, then its file, then an ordinal.
void assign_ids(const std::vector<Catalog*>& catalogs);

// One spelling per tag: a tag written in another case than the vocabulary
// takes the vocabulary's; undeclared tags take their first spelling.
void canonicalize_tags(Catalog& catalog);

}  // namespace curate::catalog_detail
