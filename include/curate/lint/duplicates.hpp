#pragma once
// When two entries are duplicates (docs/validate.md "duplicate-url",
// "duplicate-title"): the comparisons and messages of the per-file rules, in
// functions a check across files can call with its own "where".

#include <string>
#include <string_view>

#include "curate/catalog/catalog.hpp"

namespace curate {

// The key two entries share when they link to the same page: normalize_url
// (scheme, "www.", default port, trailing slash and tracking parameters
// folded; the fragment kept: `book#ch1` and `book#ch2` are two entries).
// "" for an entry without a URL (a stub, a group, `[Name]()`).
std::string duplicate_url_key(const Item& item);

// Whether `later`, linked to the same page as `first` under another name,
// says in its description that it is part of `first` (awesome-python's
// "[geodjango](…django) - (part of Django) …", "[uv-build](…uv) - uv's …
// backend"): a component listed on its own with its project's page, not a
// duplicate. The description must name `first`'s title as a whole word, as
// a project: after "part of", "of", "for", "in"… or before "'s" or
// " project". Two packages of one npm scope (`@nestia/core`,
// `@nestia/migrate`) are components of one monorepo too.
bool names_its_project(const Item& later, const Item& first);

// The page a URL names whatever its fragment and the query parameters that
// do not name it (url.hpp page_query): what "the same resource" means for
// duplicate-title.
std::string resource_key(std::string_view url);

// How a later entry with the same title as an earlier one (both linked,
// different duplicate_url_key) duplicates it, as a reader would say. Two
// namesakes in one place that each qualify their name right after the link
// ("*(by sindresorhus)*", "*(by szwacz)*") are told apart: none.
enum class TitleDuplicate {
  none,           // a different project that shares a name, elsewhere in the list
  same_place,     // in the same section under the same parent entries
  same_resource,  // elsewhere, but a link to the same page (another query or fragment)
};
TitleDuplicate title_duplicate(const Item& first, const Item& later, bool same_place);

// The findings' messages; `first_where` says where `first` is ("line 12",
// "books/a.md:12").
std::string duplicate_url_message(const Item& later, const Item& first, const std::string& first_where);
std::string duplicate_title_message(const Item& later, TitleDuplicate how, const std::string& first_where);

}  // namespace curate
