#include "curate/query/query.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "curate/text/display_width.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

bool has_tag(const Item& item, const std::string& tag) {
  return std::any_of(item.tags.begin(), item.tags.end(), [&](const std::string& t) { return iequals(t, tag); });
}

// Every field, and the entry as written: text no field holds (a remark
// after the formats, a note before the separator) is still found.
bool grep_matches(const Item& item, const std::string& needle) {
  if (icontains(item.title, needle) || icontains(item.description.value_or(""), needle) ||
      icontains(item.note.value_or(""), needle) || icontains(item.url.value_or(""), needle) ||
      icontains(item.raw, needle))
    return true;
  // "in-memory  cache" as written reads, and is found, as "in-memory cache".
  if (item.raw.find_first_of("\t\n") != std::string::npos || item.raw.find("  ") != std::string::npos)
    if (icontains(collapse_whitespace(item.raw), needle)) return true;
  auto contains = [&](const std::string& text) { return icontains(text, needle); };
  return std::any_of(item.authors.begin(), item.authors.end(), contains) ||
         std::any_of(item.fields.begin(), item.fields.end(), [&](const auto& field) { return contains(field.second); });
}

// A title as patterns compare it: case folded, whitespace runs as one space.
std::string comparable(std::string_view title) { return fold_case(collapse_whitespace(title)); }

// `text` against `pattern`, where "*" matches any run of bytes (UTF-8 stays
// whole: literal bytes must match literally). Greedy with backtracking to
// the last star, linear in practice.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool is_shortcode_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
  });
}

// The bytes of `text`'s first code point when it is an emoji, a symbol or
// a mark that joins them (decoration in a title), else 0.
size_t decoration_length(std::string_view text) {
  if (text.empty() || static_cast<unsigned char>(text.front()) < 0x80) return 0;
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                             static_cast<utf8proc_ssize_t>(text.size()), &cp);
  if (length <= 0) return 0;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_ZS:
      return static_cast<size_t>(length);
    default:
      return 0;
  }
}

// Where `text`'s last UTF-8 sequence starts.
size_t last_code_point(std::string_view text) {
  size_t last = text.size() - 1;
  while (last > 0 && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
  return last;
}

// `title` without the emoji, symbols and :shortcodes: it opens and closes
// with ("🎨 Coding Style", "Soul of Design :sunny:", awesome-design's 17
// headings).
std::string_view without_marks(std::string_view title) {
  for (title = trim(title); !title.empty(); title = trim(title)) {
    size_t close = title.size() > 2 && title.front() == ':' ? title.find(':', 1) : std::string_view::npos;
    size_t open = title.size() > 2 && title.back() == ':' ? title.rfind(':', title.size() - 2) : std::string_view::npos;
    if (close != std::string_view::npos && is_shortcode_name(title.substr(1, close - 1))) {
      title.remove_prefix(close + 1);
    } else if (open != std::string_view::npos && is_shortcode_name(title.substr(open + 1, title.size() - open - 2))) {
      title.remove_suffix(title.size() - open);
    } else if (size_t opening = decoration_length(title)) {
      title.remove_prefix(opening);
    } else if (size_t last = last_code_point(title); decoration_length(title.substr(last))) {
      title.remove_suffix(title.size() - last);
    } else {
      break;
    }
  }
  return title;
}

// A pattern split into its comparable parts, made once per command.
class SectionPattern {
 public:
  explicit SectionPattern(std::string_view pattern) {
    for (std::string_view part : split_trimmed_views(pattern, "/")) m_parts.push_back(comparable(part));
  }

  // "Coding Style" names "🎨 Coding Style", "Shells" ":black_small_square:
  // Shells" and "Soul of Design" "Soul of Design :sunny:": a heading's
  // emoji are decoration nobody types.
  bool part_matches(size_t part, std::string_view title) const {
    if (wildcard_match(m_parts[part], comparable(title))) return true;
    std::string_view bare = without_marks(title);
    return bare.size() < title.size() && wildcard_match(m_parts[part], comparable(bare));
  }

  bool within(const std::vector<std::string>& path) const {
    if (!has_slash(path)) return within_pieces(Pieces{path});
    return within_pieces(Pieces::split(path));
  }

  bool names(const std::vector<std::string>& path) const {
    if (!has_slash(path)) return names_pieces(Pieces{path});
    return names_pieces(Pieces::split(path));
  }

 private:
  // A path as the pattern's parts see it. A heading may hold "/" itself
  // (movies-for-hackers' "Science Fiction / Fantasy"): such a path is
  // compared as its headings' parts split at "/", and a match must start
  // and end where headings do.
  struct Pieces {
    const std::vector<std::string>& path;
    std::vector<std::string_view> split_pieces = {};
    std::vector<char> starts = {}, ends = {};  // whether a piece opens, closes its heading

    static Pieces split(const std::vector<std::string>& path) {
      Pieces out{path};
      for (const std::string& heading : path) {
        std::vector<std::string_view> parts = split_trimmed_views(heading, "/");
        if (parts.empty()) parts.push_back(heading);
        for (size_t i = 0; i < parts.size(); ++i) {
          out.split_pieces.push_back(parts[i]);
          out.starts.push_back(i == 0);
          out.ends.push_back(i + 1 == parts.size());
        }
      }
      return out;
    }
    bool is_split() const { return !starts.empty(); }
    size_t size() const { return is_split() ? split_pieces.size() : path.size(); }
    std::string_view at(size_t i) const { return is_split() ? split_pieces[i] : std::string_view(path[i]); }
    bool bounds(size_t first, size_t last) const { return !is_split() || (starts[first] && ends[last]); }
  };

  static bool has_slash(const std::vector<std::string>& path) {
    return std::any_of(path.begin(), path.end(),
                       [](const std::string& heading) { return heading.find('/') != std::string::npos; });
  }

  // The parts match pieces[start], pieces[start + 1], ….
  bool matches_at(const Pieces& pieces, size_t start) const {
    if (m_parts.empty() || start + m_parts.size() > pieces.size() || !pieces.bounds(start, start + m_parts.size() - 1))
      return false;
    for (size_t k = 0; k < m_parts.size(); ++k)
      if (!part_matches(k, pieces.at(start + k))) return false;
    return true;
  }

  bool within_pieces(const Pieces& pieces) const {
    for (size_t start = 0; start + m_parts.size() <= pieces.size(); ++start)
      if (matches_at(pieces, start)) return true;
    return m_parts.empty();
  }

  bool names_pieces(const Pieces& pieces) const {
    return pieces.size() >= m_parts.size() && matches_at(pieces, pieces.size() - m_parts.size());
  }

 private:
  std::vector<std::string> m_parts;
};

// Every section path, and the path of every item with children below it
// (groups, and entries with child items), as filters see them: section
// headings, then item titles.
void collect_group_paths(const std::vector<Item>& items, std::vector<std::string>& path,
                         std::vector<std::vector<std::string>>& out) {
  for (const Item& item : items) {
    if (item.children.empty()) continue;
    path.push_back(item.title);
    out.push_back(path);
    collect_group_paths(item.children, path, out);
    path.pop_back();
  }
}

std::vector<std::vector<std::string>> named_paths(const Catalog& catalog) {
  std::vector<std::vector<std::string>> out;
  for (const SectionRef& ref : collect_sections(catalog)) {
    out.push_back(ref.path);
    std::vector<std::string> path = ref.path;
    collect_group_paths(ref.section->items, path, out);
  }
  std::vector<std::string> top;
  collect_group_paths(catalog.root.items, top, out);
  return out;
}

// Whole-date prefix comparison: -1, 0 or 1 over the shorter of the two.
int compare_dates(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  return a.substr(0, n).compare(b.substr(0, n));
}

bool passes(const EntryRef& entry, const EntryFilter& filter, const SectionPattern* section) {
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
  if ((filter.since || filter.until) && (!item.year() || !date_in_range(*item.date, filter.since, filter.until)))
    return false;
  if (filter.grep && !grep_matches(item, *filter.grep)) return false;
  if (section) {
    std::vector<std::string> path = entry.section;
    path.insert(path.end(), entry.parents.begin(), entry.parents.end());
    if (!section->within(path)) return false;
  }
  return true;
}

}  // namespace

bool EntryFilter::any() const {
  return section || !tags.empty() || untagged || !kinds.empty() || author || since || until || grep || stubs;
}

bool title_matches(std::string_view part, std::string_view title) {
  return wildcard_match(comparable(part), comparable(title));
}

bool section_matches(std::string_view pattern, const std::vector<std::string>& path) {
  return SectionPattern(pattern).within(path);
}

bool section_named(std::string_view pattern, const std::vector<std::string>& path) {
  return SectionPattern(pattern).names(path);
}

void require_section(const Catalog& catalog, std::string_view pattern) {
  require_section(CatalogSet{{&catalog}, false}, pattern);
}

void require_section(const CatalogSet& set, std::string_view pattern) {
  SectionPattern compiled(pattern);
  size_t parts = std::max<size_t>(1, split_trimmed_views(pattern, "/").size());
  std::vector<std::string> tails;  // the last titles of each path, as many as the pattern has parts
  for (const Catalog* catalog : set.catalogs)
    for (const auto& path : named_paths(*catalog)) {
      if (compiled.names(path)) return;
      size_t from = path.size() > parts ? path.size() - parts : 0;
      tails.push_back(join(std::vector<std::string>(path.begin() + static_cast<long>(from), path.end()), "/"));
    }
  std::string wanted(pattern);
  std::string hint;
  if (wanted.find('*') == std::string::npos) {
    std::vector<std::string> globbed;
    for (std::string_view part : split_trimmed_views(wanted, "/")) globbed.push_back("*" + std::string(part) + "*");
    hint = "; each part matches a whole title: '" + join(globbed, "/") + "' matches titles containing " +
           (globbed.size() == 1 ? "it" : "them");
  }
  throw Error("no section or group is named '" + wanted + "'" + did_you_mean(wanted, tails) + hint);
}

bool date_in_range(std::string_view date, const std::optional<std::string>& since,
                   const std::optional<std::string>& until) {
  if (since && compare_dates(date, *since) < 0) return false;
  if (until && compare_dates(date, *until) > 0) return false;
  return true;
}

bool matches(const EntryRef& entry, const EntryFilter& filter) {
  if (!filter.section) return passes(entry, filter, nullptr);
  SectionPattern section(*filter.section);
  return passes(entry, filter, &section);
}

std::vector<EntryRef> collect_entries(const CatalogSet& set) {
  if (set.catalogs.size() == 1) return collect_entries(*set.catalogs.front());
  std::vector<EntryRef> out;
  for (const Catalog* catalog : set.catalogs) {
    std::vector<EntryRef> entries = collect_entries(*catalog);
    out.insert(out.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
  }
  return out;
}

std::vector<EntryRef> select_entries(const Catalog& catalog, const EntryFilter& filter) {
  return select_entries(CatalogSet{{&catalog}, false}, filter);
}

std::vector<EntryRef> select_entries(const CatalogSet& set, const EntryFilter& filter) {
  std::optional<SectionPattern> section;
  if (filter.section) {
    require_section(set, *filter.section);
    section.emplace(*filter.section);
  }
  std::vector<EntryRef> entries = collect_entries(set);
  entries.erase(
      std::remove_if(entries.begin(), entries.end(),
                     [&](const EntryRef& entry) { return !passes(entry, filter, section ? &*section : nullptr); }),
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

// An id in any case, or a URL.
std::vector<EntryRef> exact_matches(const std::vector<EntryRef>& all, const std::string& selector) {
  std::string id = to_lower(selector);  // ids are lower-case hex
  if (auto found = pick(all, [&](const Item& item) { return item.id == id; }); !found.empty()) return found;
  std::string wanted_url = normalize_url(selector);
  return pick(
      all, [&](const Item& item) { return item.url && !item.url->empty() && normalize_url(*item.url) == wanted_url; });
}

// The entries whose id starts with `selector`, 4 to 7 hex digits in any case.
std::vector<EntryRef> id_prefix_matches(const std::vector<EntryRef>& all, const std::string& selector) {
  bool prefix = selector.size() >= 4 && selector.size() < 8 &&
                std::all_of(selector.begin(), selector.end(),
                            [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (!prefix) return {};
  std::string id = to_lower(selector);
  return pick(all, [&](const Item& item) { return starts_with(item.id, id); });
}

std::vector<EntryRef> title_matches(const std::vector<EntryRef>& all, const std::string& text) {
  if (auto found = pick(all, [&](const Item& item) { return iequals(item.title, text); }); !found.empty()) return found;
  return pick(all, [&](const Item& item) { return icontains(item.title, text); });
}

}  // namespace

std::vector<EntryRef> resolve_selector(const Catalog& catalog, const std::string& selector) {
  return resolve_selector(CatalogSet{{&catalog}, false}, selector);
}

// An id, a URL, a title as written, an id's prefix, then a part of a title:
// "2001" names the film titled so before an id that starts with it.
std::vector<EntryRef> resolve_selector(const CatalogSet& set, const std::string& selector) {
  std::vector<EntryRef> all = collect_entries(set);
  if (auto found = exact_matches(all, selector); !found.empty()) return found;
  if (auto found = pick(all, [&](const Item& item) { return iequals(item.title, selector); }); !found.empty())
    return found;
  if (auto found = id_prefix_matches(all, selector); !found.empty()) return found;
  return title_matches(all, selector);
}

std::vector<EntryRef> resolve_exact_selector(const Catalog& catalog, const std::string& selector) {
  std::vector<EntryRef> all = collect_entries(catalog);
  if (auto found = exact_matches(all, selector); !found.empty()) return found;
  return id_prefix_matches(all, selector);
}

std::vector<EntryRef> match_titles(const Catalog& catalog, const std::string& text) {
  return title_matches(collect_entries(catalog), text);
}

std::map<std::string, int> tag_colour_slots(const Catalog& catalog, int slots) {
  return tag_colour_slots(CatalogSet{{&catalog}, false}, slots);
}

std::map<std::string, int> tag_colour_slots(const CatalogSet& set, int slots) {
  std::map<std::string, int> colours;
  auto add = [&](const std::string& tag) { colours.emplace(to_lower(tag), static_cast<int>(colours.size()) % slots); };
  for (const Catalog* catalog : set.catalogs)
    for (const TagDef& tag : catalog->tags) add(tag.name);
  for (const EntryRef& entry : collect_entries(set))
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
