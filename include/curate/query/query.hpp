#pragma once
// Selecting and ordering entries: the filters `list`, `stats` and `export`
// share.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

enum class SortKey { file, title, date, year, section };

struct EntryFilter {
  std::optional<std::string> section;  // "a/b": consecutive path parts, case-insensitive substrings
  std::vector<std::string> tags;       // all must be present
  bool untagged = false;
  std::vector<std::string> kinds;     // any of them
  std::optional<std::string> author;  // case-insensitive substring of any author
  std::optional<int> since;           // year range; entries without a year are excluded
  std::optional<int> until;
  std::optional<std::string> grep;  // case-insensitive, in title, description, note, authors, URL
  bool stubs = false;               // only entries without a link
};

// True if the section pattern matches consecutive parts of `path` (section
// headings followed by group titles).
bool section_matches(const std::string& pattern, const std::vector<std::string>& path);

bool matches(const EntryRef& entry, const EntryFilter& filter);

// The entries that pass `filter`, in document order.
std::vector<EntryRef> select_entries(const Catalog& catalog, const EntryFilter& filter);

// Stable sort; entries without the key go last.
void sort_entries(std::vector<EntryRef>& entries, SortKey key, bool reverse = false);

// The entries a selector names: an id, else a URL (compared normalised),
// else titles equal to it (case-insensitively), else titles containing it.
std::vector<EntryRef> resolve_selector(const Catalog& catalog, const std::string& selector);

// The entries an edit selector names: an id, else a URL (compared
// normalised). Titles are never guessed here; see match_titles.
std::vector<EntryRef> resolve_exact_selector(const Catalog& catalog, const std::string& selector);

// Entries whose title equals `text` case-insensitively, else those whose
// title contains it (`--match TEXT` of the edit commands).
std::vector<EntryRef> match_titles(const Catalog& catalog, const std::string& text);

// Each tag's colour slot, 0 to slots - 1, keyed by its lower-case name: the
// vocabulary in the order it is declared, then tags used but not declared
// in order of first use. Text and HTML output colour tags by it, so a tag
// keeps its colour however the list is filtered.
std::map<std::string, int> tag_colour_slots(const Catalog& catalog, int slots);

// Parses "file", "title", "date", "year", "section"; throws curate::Error.
SortKey parse_sort_key(const std::string& name);

}  // namespace curate
