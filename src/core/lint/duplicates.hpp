#pragma once
// What makes two entries duplicates, in one place for the rules that look
// inside one file (duplicate-url and duplicate-title, rules_entries.cpp)
// and the pass between the files of one run (cross_file.cpp), so both
// always agree. Internal to the lint stage.

#include <string>
#include <string_view>

#include "curate/catalog/catalog.hpp"

namespace curate {

// duplicate-url: whether `item` is compared at all (an entry with a
// non-empty URL).
bool compares_url(const Item& item);

// The key two entries share when they link to the same page.
std::string url_key(const std::string& url);

// The finding at `item`, which links where `first` does; `where` is
// first's place: "line 12" in the same file, "a.md:12" in another.
std::string duplicate_url_message(const Item& item, const Item& first, const std::string& where);

// duplicate-title: whether `item` is compared at all (a linked entry with
// a title; stubs are topic placeholders an outline may repeat).
bool compares_title(const Item& item);

// The key two entries share when their titles clash: the title under its
// parents' titles, each followed by '\x1f' ("" at the top), as written.
std::string title_key(std::string_view parents, const std::string& title);

// Whether two entries with the same title key are a duplicate-title
// finding: not when they link to one page (that is duplicate-url's).
bool titles_clash(const Item& first, const Item& second);

// The finding at `item`, whose title the entry at `where` has too.
std::string duplicate_title_message(const Item& item, const std::string& where);

}  // namespace curate
