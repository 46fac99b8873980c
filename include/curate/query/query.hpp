#pragma once
// Selecting and ordering entries: the filters `list`, `stats` and `export`
// share.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

enum class SortKey { file, title, date, year, section };

// The files one command reads as one catalog (DESIGN.md "Several files"),
// in file order; every function below that takes a Catalog takes a set too.
struct CatalogSet {
  std::vector<const Catalog*> catalogs;
  // Named as a set (several files, a folder, a glob, .curate.json "files"):
  // outputs then say which file each entry, section or count is from.
  bool several = false;
};

// Every entry of every file, file after file (collect_entries per file).
std::vector<EntryRef> collect_entries(const CatalogSet& set);

struct EntryFilter {
  std::optional<std::string> section;  // a section pattern (section_matches), path parts and group titles
  std::vector<std::string> tags;       // all must be present
  bool untagged = false;
  std::vector<std::string> kinds;     // any of them
  std::optional<std::string> author;  // case-insensitive substring of any author
  std::optional<std::string> since;   // YYYY, YYYY-MM or YYYY-MM-DD (date_in_range); undated entries are excluded
  std::optional<std::string> until;
  std::optional<std::string> grep;  // case-insensitive, in any field or the entry as written (Item::raw)
  bool stubs = false;               // only entries without a link

  // Whether any filter is set.
  bool any() const;
};

// The one rule that names sections, for every command (docs/cli.md):
// a pattern is parts separated by "/"; each part matches one whole heading
// or group title, compared without regard to case (Unicode case folding)
// or to runs of whitespace; "*" in a part matches any run of characters,
// so "*vision*" matches every title containing "vision".

// True when one part of a pattern matches `title` whole.
bool title_matches(std::string_view part, std::string_view title);

// True when the pattern's parts match consecutive titles of `path` (section
// headings, then group titles), anywhere in it: an entry is under the
// sections and groups the pattern names.
bool section_matches(std::string_view pattern, const std::vector<std::string>& path);

// True when the pattern's parts match the last titles of `path`: the
// pattern names the section or group at the end of `path`.
bool section_named(std::string_view pattern, const std::vector<std::string>& path);

// Throws curate::Error, with the closest titles as a suggestion, unless the
// pattern names at least one section or group of `catalog`: a filter that
// can match nothing is a typo, not an empty answer.
void require_section(const Catalog& catalog, std::string_view pattern);
void require_section(const CatalogSet& set, std::string_view pattern);

// True when `date` (YYYY, YYYY-MM or YYYY-MM-DD) is within [since, until],
// compared at the precision both sides have: "2022" is within
// since "2022-03", and "2022-03-15" is within until "2022-03".
bool date_in_range(std::string_view date, const std::optional<std::string>& since,
                   const std::optional<std::string>& until);

bool matches(const EntryRef& entry, const EntryFilter& filter);

// The entries that pass `filter`, in document order. Throws curate::Error
// when its section pattern names no section (require_section).
std::vector<EntryRef> select_entries(const Catalog& catalog, const EntryFilter& filter);
std::vector<EntryRef> select_entries(const CatalogSet& set, const EntryFilter& filter);

// Stable sort; entries without the key go last.
void sort_entries(std::vector<EntryRef>& entries, SortKey key, bool reverse = false);

// The entries a selector names: an id (in any case), else a URL (compared
// normalised), else titles equal to it (case-insensitively), else the ids
// it is a prefix of (4 to 7 hex digits), else titles containing it.
std::vector<EntryRef> resolve_selector(const Catalog& catalog, const std::string& selector);
std::vector<EntryRef> resolve_selector(const CatalogSet& set, const std::string& selector);

// The entries an edit selector names: an id (in any case), else a URL
// (compared normalised), else the ids it is a prefix of (4 to 7 hex
// digits). Titles are never guessed here; see match_titles.
std::vector<EntryRef> resolve_exact_selector(const Catalog& catalog, const std::string& selector);

// Entries whose title equals `text` case-insensitively, else those whose
// title contains it (`--match TEXT` of the edit commands).
std::vector<EntryRef> match_titles(const Catalog& catalog, const std::string& text);

// Each tag's colour slot, 0 to slots - 1, keyed by its lower-case name: the
// vocabulary in the order it is declared, then tags used but not declared
// in order of first use. Text and HTML output colour tags by it, so a tag
// keeps its colour however the list is filtered.
std::map<std::string, int> tag_colour_slots(const Catalog& catalog, int slots);
std::map<std::string, int> tag_colour_slots(const CatalogSet& set, int slots);

// Parses "file", "title", "date", "year", "section"; throws curate::Error.
SortKey parse_sort_key(const std::string& name);

}  // namespace curate
