#pragma once
// `curate export`: the catalog, or the part a filter selects, in the
// formats other tools take. CSV is entries_to_csv() (entry_formats.hpp);
// the formats here need the whole tree or cross-entry state (citation keys,
// tag colours). Rules and reasons: docs/export.md.

#include <set>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/query/query.hpp"

namespace curate {

// What an export covers.
struct ExportScope {
  CatalogSet set;                 // the files exported, in file order
  std::vector<EntryRef> entries;  // the selected entries, file then document order
  bool filtered = false;          // a filter was given: drop sections and groups without a selected entry

  // Builds the scope; `filtered` false selects every entry.
  static ExportScope make(CatalogSet set, std::vector<EntryRef> selected, bool filtered);
  static ExportScope make(const Catalog& catalog, std::vector<EntryRef> selected, bool filtered);
  bool selected(const Item& item) const { return m_selected.count(&item) > 0; }
  // Whether an item is shown: unfiltered, or it or one of its descendants is selected.
  bool keeps(const Item& item) const { return !filtered || m_kept.count(&item) > 0; }
  // Whether a section is shown: unfiltered, or it holds a kept item below it.
  bool keeps(const Section& section) const;
  // The tag vocabulary of every file, each tag once, in file order.
  std::vector<TagDef> vocabulary() const;

 private:
  std::set<const Item*> m_selected;
  std::set<const Item*> m_kept;
};

// The whole tree as JSON (docs/catalog.schema.json): title, tag vocabulary,
// sections with nested sections, items with nested children. Entries carry
// the fields of entry_to_json(); an entry kept only because a child was
// selected has "context": true. Several files (CatalogSet::several): one
// document whose "files" holds each file's tree.
std::string export_json(const ExportScope& scope);

// One BibTeX record per selected entry, keyed by citation_keys() over the
// whole catalog (every file of it).
std::string export_bibtex(const ExportScope& scope);

// A CSL-JSON array (Zotero, pandoc --citeproc), ids equal to the BibTeX keys.
std::string export_csl_json(const ExportScope& scope);

// One self-contained HTML page (inline CSS and JS, no network requests).
// Several files: one part per file, each headed by its title and path.
std::string export_html(const ExportScope& scope);

// HTML-escapes text for element content and double-quoted attributes.
std::string html_escape(const std::string& text);

// Whether a URL may become an href: http, https, mailto or ftp, or a
// relative reference; never javascript:, data: or anything with control
// characters or whitespace a browser would strip before reading the scheme.
bool is_safe_link(const std::string& url);

}  // namespace curate
