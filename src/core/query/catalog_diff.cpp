#include "curate/query/catalog_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

// Text compared as a reader sees it: line breaks and runs of spaces are layout.
std::string norm(std::string_view text) { return collapse_whitespace(text); }

std::string title_key(const Item& item) { return to_lower(norm(item.title)); }

// Section path and parents, the scope an entry is listed in.
std::string scope_key(const EntryRef& entry) {
  std::string key;
  for (const auto& part : entry.section) key += to_lower(norm(part)) + '\x1f';
  key += '\x1e';
  for (const auto& part : entry.parents) key += to_lower(norm(part)) + '\x1f';
  return key;
}

// Pairs indices of the two sides; -1 while unmatched.
struct Matching {
  std::vector<EntryRef> old_entries, new_entries;
  std::vector<int> old_to_new, new_to_old;

  void pair(size_t o, size_t n) {
    old_to_new[o] = static_cast<int>(n);
    new_to_old[n] = static_cast<int>(o);
  }
};

using Buckets = std::map<std::string, std::vector<size_t>>;

// Unmatched entries of one side, bucketed by `key` (an empty key is skipped).
template <typename KeyFn>
Buckets bucket(const std::vector<EntryRef>& entries, const std::vector<int>& matched, KeyFn key) {
  Buckets out;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (matched[i] >= 0) continue;
    std::string k = key(entries[i]);
    if (!k.empty()) out[k].push_back(i);
  }
  return out;
}

// Pairs entries that share a key, in document order; with `unique_only`,
// only keys held by exactly one entry on each side.
template <typename KeyFn>
void match_by(Matching& m, KeyFn key, bool unique_only) {
  Buckets olds = bucket(m.old_entries, m.old_to_new, key);
  Buckets news = bucket(m.new_entries, m.new_to_old, key);
  for (const auto& [k, old_list] : olds) {
    auto it = news.find(k);
    if (it == news.end()) continue;
    if (unique_only && (old_list.size() != 1 || it->second.size() != 1)) continue;
    for (size_t i = 0; i < old_list.size() && i < it->second.size(); ++i) m.pair(old_list[i], it->second[i]);
  }
}

std::string url_key(const EntryRef& entry) {
  const auto& url = entry.item->url;
  return url && !url->empty() ? normalize_url(*url) : std::string();
}

Matching match_entries(const Catalog& before, const Catalog& after) {
  Matching m{collect_entries(before), collect_entries(after), {}, {}};
  m.old_to_new.assign(m.old_entries.size(), -1);
  m.new_to_old.assign(m.new_entries.size(), -1);
  // Duplicated URLs pair up in the same place and title first, then in order.
  match_by(
      m,
      [](const EntryRef& e) {
        return url_key(e).empty() ? "" : url_key(e) + '\x1d' + scope_key(e) + title_key(*e.item);
      },
      false);
  match_by(m, url_key, false);
  match_by(
      m, [](const EntryRef& e) { return title_key(*e.item).empty() ? "" : scope_key(e) + title_key(*e.item); }, false);
  match_by(
      m, [](const EntryRef& e) { return title_key(*e.item); }, true);
  // What has neither URL nor title (an empty item, "- " alone) pairs with
  // the same text in the same place.
  match_by(
      m, [](const EntryRef& e) { return scope_key(e) + '\x1d' + e.item->raw; }, false);
  return m;
}

EntryPlace place_of(const EntryRef& entry) {
  const Item& item = *entry.item;
  return {item.id, item.title, item.url, entry.section, entry.parents, item.pos.line};
}

std::vector<std::string> one(const std::optional<std::string>& value) {
  if (!value) return {};
  return {norm(*value)};
}

std::vector<std::string> normed(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) out.push_back(norm(value));
  return out;
}

// Links besides the entry's URL: the URL itself is reported as "url".
std::vector<std::string> other_links(const Item& item) {
  std::vector<std::string> out;
  bool skipped = false;
  for (const auto& link : item.links) {
    if (!skipped && item.url && link == *item.url) {
      skipped = true;
      continue;
    }
    out.push_back(norm(link));
  }
  return out;
}

std::vector<FieldChange> compare_fields(const Item& a, const Item& b) {
  std::vector<FieldChange> out;
  auto check = [&](const char* field, std::vector<std::string> x, std::vector<std::string> y, bool list) {
    if (x != y) out.push_back({field, std::move(x), std::move(y), list});
  };
  check("title", {norm(a.title)}, {norm(b.title)}, false);
  check("description", one(a.description), one(b.description), false);
  check("note", one(a.note), one(b.note), false);
  check("url", one(a.url), one(b.url), false);
  check("links", other_links(a), other_links(b), true);
  check("tags", normed(a.tags), normed(b.tags), true);
  check("authors", normed(a.authors), normed(b.authors), true);
  check("kinds", a.kinds, b.kinds, true);
  check("date", one(a.date), one(b.date), false);
  check("formats", a.formats, b.formats, true);
  auto fields = [](const Item& item) {
    std::vector<std::string> named;
    for (const auto& [name, value] : item.fields) named.push_back(name + ": " + norm(value));
    return named;
  };
  check("fields", fields(a), fields(b), true);
  check("text", a.rest.empty() ? std::vector<std::string>{} : one(a.rest),
        b.rest.empty() ? std::vector<std::string>{} : one(b.rest), false);
  return out;
}

bool same_place(const EntryRef& a, const EntryRef& b) { return scope_key(a) == scope_key(b); }

std::vector<std::vector<std::string>> section_paths(const Catalog& catalog) {
  std::vector<std::vector<std::string>> out;
  for (const auto& ref : collect_sections(catalog)) {
    std::vector<std::string> path;
    for (const auto& part : ref.path) path.push_back(norm(part));
    out.push_back(std::move(path));
  }
  return out;
}

// Paths in `a` not in `b`, counting repeated headings.
std::vector<std::vector<std::string>> missing_from(const std::vector<std::vector<std::string>>& a,
                                                   std::vector<std::vector<std::string>> b) {
  std::vector<std::vector<std::string>> out;
  for (const auto& path : a) {
    auto it = std::find(b.begin(), b.end(), path);
    if (it == b.end())
      out.push_back(path);
    else
      b.erase(it);
  }
  return out;
}

}  // namespace

int CatalogDiff::count(ChangeType type) const {
  return static_cast<int>(std::count_if(entries.begin(), entries.end(), [&](const EntryChange& change) {
    if (type == ChangeType::changed) return !change.fields.empty();
    return change.type == type;
  }));
}

CatalogDiff diff_catalogs(const Catalog& before, const Catalog& after) {
  Matching m = match_entries(before, after);
  CatalogDiff diff;
  for (size_t n = 0; n < m.new_entries.size(); ++n) {
    const EntryRef& now = m.new_entries[n];
    if (m.new_to_old[n] < 0) {
      diff.entries.push_back({ChangeType::added, std::nullopt, place_of(now), {}});
      continue;
    }
    const EntryRef& was = m.old_entries[static_cast<size_t>(m.new_to_old[n])];
    EntryChange change{ChangeType::changed, place_of(was), place_of(now), compare_fields(*was.item, *now.item)};
    if (!same_place(was, now)) change.type = ChangeType::moved;
    if (change.type == ChangeType::moved || !change.fields.empty()) diff.entries.push_back(std::move(change));
  }
  for (size_t o = 0; o < m.old_entries.size(); ++o)
    if (m.old_to_new[o] < 0)
      diff.entries.push_back({ChangeType::removed, place_of(m.old_entries[o]), std::nullopt, {}});
  auto old_sections = section_paths(before), new_sections = section_paths(after);
  diff.sections_added = missing_from(new_sections, old_sections);
  diff.sections_removed = missing_from(old_sections, new_sections);
  return diff;
}

}  // namespace curate
