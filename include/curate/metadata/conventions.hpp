#pragma once
// How a list writes what a source gives: how many authors its style names
// before "et al.", whether as initials, and its own spelling of a kind.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

struct AuthorConvention {
  int max_authors = 2;    // more become "First Author et al."
  bool initials = false;  // "K. He" rather than "Kaiming He"
};

// The convention of a style (a built-in name or a template): seed names up
// to 2 ("A & B", as the seed itself never names more), papers up to 2 as
// initials ("K. He et al."), every other style up to 3. `max_authors`
// (.curate.json "metadata.max_authors") overrides the count.
AuthorConvention author_convention(std::string_view style, std::optional<int> max_authors);

// The names as the list writes them: all of them when they are no more
// than the convention allows, else the first one followed by " et al.".
std::vector<std::string> shape_authors(const std::vector<std::string>& names, const AuthorConvention& convention);

// "Kaiming He" → "K. He", "Jean-Baptiste Alayrac" → "J.-B. Alayrac";
// lower-case particles stay ("Ludwig van Beethoven" → "L. van Beethoven").
std::string with_initials(std::string_view name);

// `kind` as the list spells it: the kind text (medium) most of its entries
// of exactly that one kind use ("blog post", "YouTube"), the first one seen
// on a tie; `kind` itself when no entry has it.
std::string kind_as_written(const Catalog& catalog, std::string_view kind);

}  // namespace curate
