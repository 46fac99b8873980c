// Settling a catalog's style: detection by votes, then every entry read in
// the style in force (docs/styles.md "Detection").
#include <algorithm>
#include <cctype>
#include <future>

#include "curate/catalog/grammar.hpp"
#include "curate/catalog/style.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/text/text.hpp"
#include "style_internal.hpp"

namespace curate {
namespace {

// Settling fewer entries than this per thread costs more in starting it.
constexpr size_t k_items_per_thread = 4096;

// The seed's marks: a quoted title, tags, or a metadata link after a title.
bool follows_seed(const Item& item) {
  if (item.style == EntryStyle::quoted || !item.tags.empty()) return true;
  return item.style == EntryStyle::plain && item.url && (item.date || !item.kinds.empty() || !item.authors.empty());
}

bool follows_awesome(const Item& item) { return item.style == EntryStyle::leading_link && item.description; }

template <typename Visit>
void for_each_list_item(std::vector<Item>& items, const Visit& visit) {
  for (Item& item : items) {
    if (item.source == EntrySource::list) visit(item);
    for_each_list_item(item.children, visit);
  }
}

template <typename Visit>
void for_each_section(Section& section, std::vector<std::string>& path, const Visit& visit) {
  visit(section, path);
  for (Section& child : section.sections) {
    path.push_back(child.heading);
    for_each_section(child, path, visit);
    path.pop_back();
  }
}

// The style index an entry votes for: the most specific it clearly follows.
// `seed` and `awesome`: those styles' indexes (-1: not in the set).
int vote_of(const StyleSet& styles, int seed, int awesome, const Item& item) {
  int best = -1;
  if (item.is_group) return best;
  auto consider = [&](int index) {
    if (index >= 0 && (best < 0 || styles.style(index).specificity > styles.style(best).specificity)) best = index;
  };
  if (follows_seed(item)) consider(seed);
  if (follows_awesome(item)) consider(awesome);
  for (const StyleReading& reading : item.style_readings)
    if (reading.distinctive) consider(reading.style);
  return best;
}

int detect(const StyleSet& styles, Catalog& catalog) {
  catalog.style_detected = true;
  std::vector<size_t> votes(styles.size(), 0);
  bool leading_links = false;
  std::vector<std::string> path;
  int reference = styles.find("reference"), seed = styles.find("seed"), awesome = styles.find("awesome");
  for_each_section(catalog.root, path, [&](Section& section, const std::vector<std::string>&) {
    for (const Item& item : section.items) {
      // A reference paragraph votes for its style, a paragraph the grammar
      // reads as it reads a list item (a paper's bold title over its
      // authors) as a list item does.
      if (item.source == EntrySource::paragraph && item.style == EntryStyle::reference && reference >= 0)
        ++votes[static_cast<size_t>(reference)];
      else if (item.source == EntrySource::paragraph)
        if (int vote = vote_of(styles, seed, awesome, item); vote >= 0) ++votes[static_cast<size_t>(vote)];
      // A table row names its entry with a link in a cell, as an awesome
      // list's item opens with one, and so do a heading entry and an HTML
      // line: a list of those falls back to awesome.
      leading_links =
          leading_links || (item.source != EntrySource::list && item.source != EntrySource::paragraph && item.url);
    }
    for_each_list_item(section.items, [&](Item& item) {
      leading_links = leading_links || item.style == EntryStyle::leading_link;
      if (int vote = vote_of(styles, seed, awesome, item); vote >= 0) ++votes[static_cast<size_t>(vote)];
    });
  });
  int chosen = -1;
  for (size_t i = 0; i < votes.size(); ++i) {
    if (!votes[i]) continue;
    int index = static_cast<int>(i);
    if (chosen < 0 || votes[i] > votes[static_cast<size_t>(chosen)] ||
        (votes[i] == votes[static_cast<size_t>(chosen)] &&
         styles.style(index).specificity > styles.style(chosen).specificity))
      chosen = index;
  }
  if (chosen < 0) chosen = styles.find(leading_links ? "awesome" : "seed");
  for (size_t i = 0; i < votes.size(); ++i)
    catalog.style_votes.emplace_back(styles.name(static_cast<int>(i)), static_cast<int>(votes[i]));
  return chosen;
}

void overlay(const StyleReading& reading, const KindTable& kinds, Item& item) {
  // The template read the text after the title: what the grammar called
  // description or rest is now the template's.
  item.description.reset();
  item.rest = reading.rest;
  // "… (PDF, Kindle) (email address *requested*, not required)": a remark
  // in parentheses after the template's last part is the entry's note.
  // "… - Jitendra Malik (UC Berkeley) 2013" (awesome-computer-vision): a
  // year closing the rest is the entry's date, the remark before it the note.
  if (!item.date && ends_with_year(item.rest)) {
    std::string_view rest = item.rest;
    item.date = std::string(rest.substr(rest.size() - 4));
    item.rest = std::string(trim(rest.substr(0, rest.size() - 4)));
  }
  if (!item.note && item.rest.size() > 2 && item.rest.front() == '(' && item.rest.back() == ')' &&
      item.rest.find(')') == item.rest.size() - 1) {
    std::string inside(trim(std::string_view(item.rest).substr(1, item.rest.size() - 2)));
    // "… - H. E. Licks (1917)" (awesome-math, 13 books): a year alone dates it.
    if (!item.date && inside.size() == 4 && ends_with_year(inside))
      item.date = std::move(inside);
    else
      item.note = std::move(inside);
    item.rest.clear();
  }
  using style_detail::Capture;
  reading.captures.each([&](std::string_view name, std::string_view value) {
    Capture capture = style_detail::capture_of(name);  // the same names the matcher checks
    if (capture == Capture::authors) {
      item.authors = style_detail::split_authors(value);
    } else if (capture == Capture::year) {
      item.date = value;
    } else if (capture == Capture::kinds) {
      if (auto found = kinds.classify(value)) item.kinds = *found;
      item.medium = value;
    } else if (capture == Capture::formats) {
      each_format_label(value, [&](std::string_view label) {
        if (auto format = format_of_label(label)) add_format(item, *format);
        return true;
      });
    } else if (name == "title") {
      item.title = value;
    } else if (name == "url") {
      item.url = value;
    } else if (name == "description") {
      item.description = value;
    } else if (name == "note") {
      item.note = value;
    } else if (name != "tags") {
      // The template's reading replaces the grammar's field of that name.
      auto same = std::find_if(item.fields.begin(), item.fields.end(), [&](const auto& f) { return f.first == name; });
      if (same == item.fields.end())
        item.fields.emplace_back(name, value);
      else
        same->second = value;
    }
  });
}

void apply(const StyleSet& styles, int index, const KindTable& kinds, Item& item) {
  const StyleSet::Style& style = styles.style(index);
  if (styles.per_section())
    item.settled = style.compiled         ? Item::Settled::template_style
                   : style.name == "seed" ? Item::Settled::seed
                                          : Item::Settled::awesome;
  if (style.compiled && !item.is_group) {
    auto reading = std::find_if(item.style_readings.begin(), item.style_readings.end(),
                                [&](const StyleReading& r) { return r.style == index; });
    if (reading != item.style_readings.end()) overlay(*reading, kinds, item);
    unsigned missing = (item.style_misses >> (4 * index)) & 0xFu;
    if (missing)
      item.style_miss = "misses '" + style_detail::describe_part(*style.compiled, missing - 1) + "' of the " +
                        style.name + " style (" + style.text + ")";
    else if (item.style_unseparated & (1u << index))
      item.style_miss = "has text after its last part that is not separated as the " + style.name + " style (" +
                        style.text + ") separates it";
  }
  item.style_readings.clear();
  item.style_readings.shrink_to_fit();
  item.style_misses = 0;
  item.style_unseparated = 0;
}

}  // namespace

namespace {

// "[BPE](…) and [Unigram LM](…) - the two dominant subword schemes.": an
// entry that names two resources, joined by "and", "&", "," or "/", before
// its separator. What follows the last of them, or nullopt when the entry
// does not open with two joined links.
std::optional<std::string_view> after_joined_links(std::string_view raw) {
  size_t end = markdown_link_end(raw, 0);
  bool joined = false;
  while (end != std::string_view::npos) {
    std::string_view rest = raw.substr(end);
    size_t skip = 0;
    for (std::string_view joint : {" and [", " & [", ", [", " / ["})
      if (starts_with(rest, joint)) skip = joint.size() - 1;
    if (!skip) break;
    size_t next = markdown_link_end(raw, end + skip);
    if (next == std::string_view::npos) break;
    end = next;
    joined = true;
  }
  if (!joined) return std::nullopt;
  return trim(raw.substr(end));
}

}  // namespace

namespace {

bool opens_with_link(const Item& item) {
  return item.style == EntryStyle::leading_link || item.style == EntryStyle::bare_url;
}

// "[Name](url) Catalogue de …": words right after the link, with no
// separator, and "-A JavaScript engine" with no blank after it; a
// parenthesis ("(1.11)", "(archived)") reads as a remark.
bool unseparated(const Item& item) {
  bool glued_dash = item.rest.size() > 1 && item.rest[0] == '-' && item.rest[1] != ' ';
  if (!opens_with_link(item) || item.rest.empty() ||
      !(std::isalnum(static_cast<unsigned char>(item.rest.front())) || glued_dash))
    return false;
  std::optional<std::string_view> after = after_joined_links(item.raw);
  return !after || (!after->empty() && std::isalnum(static_cast<unsigned char>(after->front())));
}

}  // namespace

bool sentences_after_links(const Catalog& catalog) {
  return catalog.unseparated_entries >= 3 && catalog.unseparated_entries * 2 > catalog.linked_entries;
}

std::optional<std::string> style_departure(const Item& item, std::string_view style, bool sentences_after_links) {
  if (item.is_group || item.source != EntrySource::list || item.style == EntryStyle::empty || !item.url)
    return std::nullopt;
  if (!item.style_miss.empty()) return item.style_miss;
  // A section with a style of its own is held to that one.
  if (item.settled == Item::Settled::template_style) return std::nullopt;
  if (item.settled != Item::Settled::list) style = item.settled == Item::Settled::seed ? "seed" : "awesome";
  if (style != "seed" && style != "awesome") return std::nullopt;  // a template style: style_miss says it all
  bool leading = opens_with_link(item);
  if (unseparated(item)) {
    bool glued_dash = item.rest[0] == '-';
    if (sentences_after_links && !glued_dash) return std::nullopt;
    return "text after the link is not separated by ' - ': '" + item.rest + "'";
  }
  if (style == "awesome" && !leading)
    return "does not open with its link, as the awesome style ([{title}]({url}) - {description}) does";
  return std::nullopt;
}

void settle_style(const StyleSet& styles, const KindTable& kinds, Catalog& catalog) {
  int list_style = styles.detecting() ? detect(styles, catalog) : -1;
  // (Configured: the list's style names the catalog; sections may differ.)
  if (list_style < 0) list_style = styles.style_for({});
  catalog.style = list_style >= 0 ? styles.name(list_style) : "per-section";
  if (!styles.detecting()) list_style = -1;  // each section's own
  // Each entry is read on its own: a big list's share on other threads.
  std::vector<std::pair<Item*, int>> items;
  std::vector<std::string> path;
  for_each_section(catalog.root, path, [&](Section& section, const std::vector<std::string>& at) {
    int index = list_style >= 0 ? list_style : styles.style_for(at);
    for_each_list_item(section.items, [&](Item& item) { items.emplace_back(&item, index); });
  });
  // How the list separates descriptions (sentences_after_links), counted
  // once every entry is read in the style in force.
  auto count_separators = [&] {
    for (const auto& [item, index] : items) {
      if (item->is_group || !item->url || !opens_with_link(*item)) continue;
      ++catalog.linked_entries;
      if (unseparated(*item)) ++catalog.unseparated_entries;
    }
  };
  auto settle = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      auto [item, index] = items[i];
      if (index >= 0) {
        apply(styles, index, kinds, *item);
      } else {
        item->style_readings = {};
        item->style_misses = 0;
        item->style_unseparated = 0;
      }
    }
  };
  size_t jobs = std::clamp<size_t>(items.size() / k_items_per_thread, 1, parse_jobs());
  std::vector<std::future<void>> others;
  for (size_t job = 1; job < jobs; ++job)
    others.push_back(
        std::async(std::launch::async, settle, items.size() * job / jobs, items.size() * (job + 1) / jobs));
  settle(0, items.size() / jobs);
  for (std::future<void>& other : others) other.get();
  count_separators();
}

}  // namespace curate
