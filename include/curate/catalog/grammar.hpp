#pragma once
// The entry grammar (DESIGN.md "Entry grammar"): reads the fields of one list
// item from its first paragraph.

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/catalog/style.hpp"
#include "curate/text/text.hpp"

namespace curate {

// Fills title, description, note, url, links, tags, authors, kinds, medium,
// date, style, rest and the grammar flags of `item` from `paragraph` (a cmark
// paragraph node; nullptr for an item without one). Never throws: text the
// grammar does not recognise is left in `item.rest`.
// With `styles`, also reads the item with their template styles (only
// `style` when not -1) for settle_style (style.hpp).
void parse_entry_fields(cmark_node* paragraph, const KindTable& kinds, Item& item, const StyleSet* styles = nullptr,
                        int style = -1);

// The role a table column plays, from its header (DESIGN.md "Where entries
// live"): Name/Title/API/Paper/Project/Tool → title, Description/Summary/
// About → description, Date/Year/Published → date, Author(s)/By/
// Organisation → authors, Code/PDF/Links/URL → further links; any other
// column is kept in the entry's fields.
enum class ColumnRole { title, description, date, authors, link, other };
ColumnRole column_role(std::string_view header);

// True for a paragraph that opens with a reference mark ("[12]" or
// "**[12]**") and holds a link: an entry of a paper roadmap.
bool is_reference_paragraph(cmark_node* paragraph);

// Reads a reference paragraph: **[3]** Hinton, Geoffrey, et al. "**Title**."
// Venue (2012). [[pdf]](url) → title, authors (the first one turned to
// "Geoffrey Hinton"), date (the year), url and links, formats from format
// labels, fields "n" and "venue", and what follows the links as note.
void parse_reference_fields(cmark_node* paragraph, Item& item);

// Fills authors, kinds, medium and date from a metadata link's text
// ("Ian Goodfellow; book; 2016"): dates, kinds (via `kinds`) and authors.
void parse_metadata(std::string_view text, const KindTable& kinds, Item& item);

// True for link texts that name a format rather than metadata: pdf, html,
// code, slides, video, and any text in square brackets ("[pdf]").
bool is_format_label(std::string_view link_text);

// The document format a label names ("PDF", "[pdf]", "(PDF)", "EPUB",
// "PostScript" → "pdf", "epub", "ps"), lower-case; nullopt for labels that
// are no format ("code").
std::optional<std::string> format_of_label(std::string_view label);

// Calls `visit` with each label of a list of formats ("HTML, PDF", "ePub &
// ODT", "PDF and LaTeX", "HTML/PDF"), until it returns false; false then.
// Without allocating: template readings ask it of many candidate texts.
template <typename Visit>
bool each_format_label(std::string_view text, const Visit& visit) {
  return each_trimmed_view(text, ",&/", [&](std::string_view part) {
    for (size_t at = part.find(" and "); at != std::string_view::npos; at = part.find(" and ")) {
      if (std::string_view label = trim(part.substr(0, at)); !label.empty() && !visit(label)) return false;
      part = trim(part.substr(at + 5));
    }
    return part.empty() || visit(part);
  });
}

// Adds `format` to item.formats unless it is there already.
void add_format(Item& item, const std::string& format);

// Adds the field `name` unless the item has one of that name already: an
// entry's fields are a JSON object, each name once.
void add_field(Item& item, std::string name, std::string value);

// Whether a link's text is metadata-shaped: ';'-separated fields, a date,
// a known kind, or comma-separated dates and kinds. Prose ("here", "Part
// 1") is not: after a plain title such a link is the entry's page.
bool is_metadata_text(std::string_view text, const KindTable& kinds);

// Takes a venue and year closing item.title in parentheses ("Deep Sets
// (NIPS 2017)", "Switch Transformers (JMLR'21)") into the field "venue" and
// the date, with an author before the venue ("(Kohl, ICRA 2004)").
void take_title_venue_year(Item& item);

// The description after a name's separator opening `text` (" - ", " – ",
// " — ", ": ", "-> " …), or nullopt when `text` opens with none.
std::optional<std::string> description_after_separator(std::string_view text);

}  // namespace curate
