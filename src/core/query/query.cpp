#include "curate/query/query.hpp"

#include <algorithm>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

bool has_tag(const Item& item, const std::string& tag) {
  return std::any_of(item.tags.begin(), item.tags.end(), [&](const std::string& t) { return iequals(t, tag); });
}

bool grep_matches(const Item& item, const std::string& needle) {
  if (icontains(item.title, needle) || icontains(item.description.value_or(""), needle) ||
      icontains(item.note.value_or(""), needle) || icontains(item.url.value_or(""), needle))
    return true;
  return std::any_of(item.authors.begin(), item.authors.end(),
                     [&](const std::string& a) { return icontains(a, needle); });
}

}  // namespace

bool section_matches(const std::string& pattern, const std::vector<std::string>& path) {
  std::vector<std::string> parts = split_trimmed(pattern, "/");
  if (parts.empty()) return true;
  for (size_t start = 0; start + parts.size() <= path.size(); ++start) {
    bool all = true;
    for (size_t k = 0; k < parts.size() && all; ++k) all = icontains(path[start + k], parts[k]);
    if (all) return true;
  }
  return false;
}

bool matches(const EntryRef& entry, const EntryFilter& filter) {
  const Item& item = *entry.item;
  if (filter.stubs && !item.is_stub()) return false;
  if (filter.untagged && !item.tags.empty()) return false;
  for (const auto& tag : filter.tags)
    if (!has_tag(item, tag)) return false;
  if (!filter.kinds.empty() && std::none_of(filter.kinds.begin(), filter.kinds.end(), [&](const std::string& kind) {
        return std::any_of(item.kinds.begin(), item.kinds.end(),
                           [&](const std::string& k) { return iequals(k, kind); });
      }))
    return false;
  if (filter.author && std::none_of(item.authors.begin(), item.authors.end(),
                                    [&](const std::string& a) { return icontains(a, *filter.author); }))
    return false;
  if (filter.since || filter.until) {
    auto year = item.year();
    if (!year || (filter.since && *year < *filter.since) || (filter.until && *year > *filter.until)) return false;
  }
  if (filter.grep && !grep_matches(item, *filter.grep)) return false;
  if (filter.section) {
    std::vector<std::string> path = entry.section;
    path.insert(path.end(), entry.parents.begin(), entry.parents.end());
    if (!section_matches(*filter.section, path)) return false;
  }
  return true;
}

std::vector<EntryRef> select_entries(const Catalog& catalog, const EntryFilter& filter) {
  std::vector<EntryRef> entries = collect_entries(catalog);
  entries.erase(
      std::remove_if(entries.begin(), entries.end(), [&](const EntryRef& entry) { return !matches(entry, filter); }),
      entries.end());
  return entries;
}

void sort_entries(std::vector<EntryRef>& entries, SortKey key, bool reverse) {
  auto compare = [&](const EntryRef& a, const EntryRef& b) -> int {
    const Item& x = *a.item;
    const Item& y = *b.item;
    switch (key) {
      case SortKey::file:
        break;
      case SortKey::title: {
        std::string lx = to_lower(x.title), ly = to_lower(y.title);
        return lx < ly ? -1 : lx > ly ? 1 : 0;
      }
      case SortKey::date:
      case SortKey::year: {
        if (!x.date || !y.date) return x.date ? -1 : y.date ? 1 : 0;  // undated last
        std::string dx = key == SortKey::year ? x.date->substr(0, 4) : *x.date;
        std::string dy = key == SortKey::year ? y.date->substr(0, 4) : *y.date;
        return dx < dy ? -1 : dx > dy ? 1 : 0;
      }
      case SortKey::section: {
        std::string sx = join(a.section, "/"), sy = join(b.section, "/");
        return sx < sy ? -1 : sx > sy ? 1 : 0;
      }
    }
    return 0;
  };
  if (key == SortKey::file) {  // already in file order: no sort (and its copies) needed
    if (reverse) std::reverse(entries.begin(), entries.end());
    return;
  }
  std::stable_sort(entries.begin(), entries.end(), [&](const EntryRef& a, const EntryRef& b) {
    int c = compare(a, b);
    bool a_missing = (key == SortKey::date || key == SortKey::year) && !a.item->date;
    bool b_missing = (key == SortKey::date || key == SortKey::year) && !b.item->date;
    if (a_missing != b_missing) return b_missing;  // missing keys stay last either way
    return reverse ? c > 0 : c < 0;
  });
}

namespace {

template <typename Predicate>
std::vector<EntryRef> pick(const std::vector<EntryRef>& all, Predicate predicate) {
  std::vector<EntryRef> out;
  for (const auto& entry : all)
    if (predicate(*entry.item)) out.push_back(entry);
  return out;
}

std::vector<EntryRef> exact_matches(const std::vector<EntryRef>& all, const std::string& selector) {
  if (auto found = pick(all, [&](const Item& item) { return item.id == selector; }); !found.empty()) return found;
  std::string wanted_url = normalize_url(selector);
  return pick(
      all, [&](const Item& item) { return item.url && !item.url->empty() && normalize_url(*item.url) == wanted_url; });
}

std::vector<EntryRef> title_matches(const std::vector<EntryRef>& all, const std::string& text) {
  if (auto found = pick(all, [&](const Item& item) { return iequals(item.title, text); }); !found.empty()) return found;
  return pick(all, [&](const Item& item) { return icontains(item.title, text); });
}

}  // namespace

std::vector<EntryRef> resolve_selector(const Catalog& catalog, const std::string& selector) {
  std::vector<EntryRef> all = collect_entries(catalog);
  if (auto found = exact_matches(all, selector); !found.empty()) return found;
  return title_matches(all, selector);
}

std::vector<EntryRef> resolve_exact_selector(const Catalog& catalog, const std::string& selector) {
  return exact_matches(collect_entries(catalog), selector);
}

std::vector<EntryRef> match_titles(const Catalog& catalog, const std::string& text) {
  return title_matches(collect_entries(catalog), text);
}

std::map<std::string, int> tag_colour_slots(const Catalog& catalog, int slots) {
  std::map<std::string, int> colours;
  auto add = [&](const std::string& tag) { colours.emplace(to_lower(tag), static_cast<int>(colours.size()) % slots); };
  for (const TagDef& tag : catalog.tags) add(tag.name);
  for (const EntryRef& entry : collect_entries(catalog))
    for (const std::string& tag : entry.item->tags) add(tag);
  return colours;
}

SortKey parse_sort_key(const std::string& name) {
  if (name == "file") return SortKey::file;
  if (name == "title") return SortKey::title;
  if (name == "date") return SortKey::date;
  if (name == "year") return SortKey::year;
  if (name == "section") return SortKey::section;
  throw Error("unknown sort key '" + name + "' (expected file, title, date, year or section)");
}

}  // namespace curate
