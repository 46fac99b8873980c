#pragma once
// What the reference-manager exports (BibTeX, CSL-JSON) share: splitting
// author names, stable citation keys, the kind → record type order, and
// LaTeX escaping. See docs/export.md for the rules and their reasons.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

// A person's name split for citation formats.
struct PersonName {
  std::string given;
  std::string family;  // with lowercase particles ("van Rossum")
};

// Splits an author that reads like a person's name ("Yann LeCun"); nullopt
// for organisations and anything else ("Google", "Meta AI", "MLOps
// Community", "NYU CENTER FOR DATA SCIENCE"), which citation formats keep
// as one literal name.
std::optional<PersonName> split_person_name(const std::string& author);

// Lowercase ASCII letters and digits only: Latin letters with diacritics
// lose them ("François" → "francois", "Łukasz" → "lukasz"), anything else
// is dropped.
std::string ascii_fold(const std::string& text);

// The natural citation key of an entry: first author's family name (or an
// organisation's first word, or "anon") + year + the first significant
// title word, e.g. "goodfellow2016deep".
std::string natural_citation_key(const Item& item);

// Keys for `entries`, unique among them: in document order, the first
// entry with a natural key keeps it, later ones get "a", "b", … appended.
// Compute it over all entries of the catalog so a filter never renames a
// kept entry.
std::map<const Item*, std::string> citation_keys(const std::vector<EntryRef>& entries);

// The kind that decides an entry's record type: the first of book, paper,
// article, blog, video, talk, podcast, course, repo the entry has, or "".
std::string primary_kind(const Item& item);

// Escapes LaTeX's special characters (# $ % & _ { } ~ ^ \) so the text
// reads literally in a BibTeX field; non-ASCII stays UTF-8, line breaks
// become spaces.
std::string latex_escape(const std::string& text);

}  // namespace curate
