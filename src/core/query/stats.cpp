#include "curate/query/stats.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "curate/text/display_width.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// An entry's section path; with several files, under its file.
std::vector<std::string> section_path(const EntryRef& entry, bool several) {
  if (!several) return entry.section;
  std::vector<std::string> path = {entry.file()};
  path.insert(path.end(), entry.section.begin(), entry.section.end());
  return path;
}

std::vector<std::string> group_names(const EntryRef& entry, StatsGroupBy by, bool several) {
  const Item& item = *entry.item;
  auto or_placeholder = [](std::vector<std::string> names, const char* none) {
    if (names.empty()) names.emplace_back(none);
    return names;
  };
  switch (by) {
    case StatsGroupBy::section: {
      std::vector<std::string> path = section_path(entry, several);
      return {path.empty() ? "(top level)" : join(path, " / ")};
    }
    case StatsGroupBy::file:
      return {entry.file()};
    case StatsGroupBy::tag:
      return or_placeholder(item.tags, "(untagged)");
    case StatsGroupBy::kind:
      return or_placeholder(item.kinds, "(no kind)");
    case StatsGroupBy::author:
      return or_placeholder(item.authors, "(no author)");
    case StatsGroupBy::year:
      return {item.year() ? std::to_string(*item.year()) : "(undated)"};
  }
  return {};
}

// Sections and files keep document and file order and years go ascending
// (all are already ordered that way by first appearance / name); other
// groups go by count, the "(…)" bucket last.
void order_groups(std::vector<StatsBucket>& groups, StatsGroupBy by) {
  auto placeholder = [](const StatsBucket& b) {
    return !b.name.empty() && b.name.front() == '(' && b.name.back() == ')';
  };
  if (by == StatsGroupBy::section || by == StatsGroupBy::file) return;
  std::stable_sort(groups.begin(), groups.end(), [&](const StatsBucket& a, const StatsBucket& b) {
    if (placeholder(a) != placeholder(b)) return placeholder(b);
    if (by == StatsGroupBy::year) return a.name < b.name;
    if (a.count != b.count) return a.count > b.count;
    return to_lower(a.name) < to_lower(b.name);
  });
}

std::vector<YearCount> year_histogram(const std::vector<EntryRef>& entries) {
  std::map<int, int> counts;
  for (const EntryRef& entry : entries)
    if (auto year = entry.item->year()) ++counts[*year];
  std::vector<YearCount> years;
  if (counts.empty()) return years;
  for (int year = counts.begin()->first; year <= counts.rbegin()->first; ++year)
    years.push_back({year, counts.count(year) ? counts[year] : 0});
  return years;
}

std::string percent(int part, int whole) {
  return whole == 0 ? "0%" : fmt::format("{}%", static_cast<int>(std::lround(100.0 * part / whole)));
}

struct Row {
  std::string label;
  int count = 0;
};

// One chart: label column, bar, count and share of all entries; every line
// fits in `width`.
std::string chart(const std::vector<Row>& rows, int total, const StatsTextOptions& options) {
  int width = std::max(40, options.width);
  int label_width = 0, max_count = 0;
  for (const Row& row : rows) {
    label_width = std::max(label_width, static_cast<int>(display_width(row.label)));
    max_count = std::max(max_count, row.count);
  }
  label_width = std::min(label_width, width * 2 / 5);
  int count_width = static_cast<int>(std::to_string(max_count).size());
  // "  label  bar count  100%": 2 + label + 2 + bar + 1 + count + 2 + 4.
  int bar_width = std::max(4, width - label_width - count_width - 11);
  std::string out;
  for (const Row& row : rows) {
    std::string bar = unicode_bar(row.count, max_count, bar_width);
    std::string shown = options.color && !bar.empty() ? "\x1b[36m" + bar + "\x1b[0m" : bar;
    out += "  " + pad_width(fit_width(row.label, static_cast<size_t>(label_width)), static_cast<size_t>(label_width)) +
           "  " + shown + std::string(static_cast<size_t>(bar_width) - display_width(bar), ' ') +
           fmt::format(" {:>{}}  {:>4}\n", row.count, count_width, percent(row.count, total));
  }
  return out;
}

// Section rows as a tree: the heading path all groups share is dropped,
// each row shows its last heading indented by depth and counts the entries
// in it and below, as `sections` does; headings with no entry of their own
// appear too, so the tree reads whole.
std::vector<Row> section_rows(const std::vector<StatsBucket>& groups) {
  size_t common = groups.empty() ? 0 : groups.front().path.size();
  for (const StatsBucket& group : groups) {
    size_t k = 0;
    while (k < common && k < group.path.size() && group.path[k] == groups.front().path[k]) ++k;
    common = k;
  }
  if (groups.size() == 1 && common > 0) --common;  // keep a label for a lone section
  using Path = std::vector<std::string>;
  std::map<Path, int> totals;  // every heading path below the common part: entries in it and below
  for (const StatsBucket& group : groups)
    for (size_t depth = common; depth < group.path.size(); ++depth)
      totals[Path(group.path.begin(), group.path.begin() + static_cast<long>(depth) + 1)] += group.count;
  std::vector<Row> rows;
  Path shown;  // the path of the previous row
  for (const StatsBucket& group : groups) {
    if (group.path.empty()) {
      rows.push_back({group.name, group.count});
      shown.clear();
      continue;
    }
    size_t same = 0;
    while (same < shown.size() && same < group.path.size() && shown[same] == group.path[same]) ++same;
    for (size_t depth = std::max(same, common); depth < group.path.size(); ++depth) {
      Path prefix(group.path.begin(), group.path.begin() + static_cast<long>(depth) + 1);
      rows.push_back({std::string(2 * (depth - common), ' ') + group.path[depth], totals[prefix]});
    }
    shown = group.path;
  }
  return rows;
}

std::string summary(const Stats& stats) {
  auto line = [&](const char* label, int value, bool share) {
    return fmt::format("  {:<15}{:>6}{}\n", label, value,
                       share ? fmt::format("  {:>4}", percent(value, stats.entries)) : "");
  };
  return line("entries", stats.entries, false) + line("with links", stats.entries - stats.without_links, true) +
         line("without links", stats.without_links, true) + line("tagged", stats.tagged, true) +
         line("undated", stats.undated, true);
}

}  // namespace

StatsGroupBy parse_stats_group_by(const std::string& name) {
  for (auto by : {StatsGroupBy::section, StatsGroupBy::tag, StatsGroupBy::kind, StatsGroupBy::year,
                  StatsGroupBy::author, StatsGroupBy::file})
    if (name == stats_group_by_name(by)) return by;
  throw Error("unknown grouping '" + name + "' (expected section, tag, kind, year, author or file)");
}

const char* stats_group_by_name(StatsGroupBy by) {
  switch (by) {
    case StatsGroupBy::section:
      return "section";
    case StatsGroupBy::tag:
      return "tag";
    case StatsGroupBy::kind:
      return "kind";
    case StatsGroupBy::year:
      return "year";
    case StatsGroupBy::author:
      return "author";
    case StatsGroupBy::file:
      return "file";
  }
  return "";
}

Stats compute_stats(const std::vector<EntryRef>& entries, StatsGroupBy by, bool several) {
  Stats stats;
  stats.by = by;
  std::map<std::string, size_t> index;
  for (const EntryRef& entry : entries) {
    const Item& item = *entry.item;
    ++stats.entries;
    if (item.is_stub()) ++stats.without_links;
    if (!item.tags.empty()) ++stats.tagged;
    if (!item.year()) ++stats.undated;
    for (const std::string& name : group_names(entry, by, several)) {
      auto [it, added] = index.emplace(name, stats.groups.size());
      if (added)
        stats.groups.push_back(
            {name, 0, by == StatsGroupBy::section ? section_path(entry, several) : std::vector<std::string>{}});
      ++stats.groups[it->second].count;
    }
  }
  order_groups(stats.groups, by);
  stats.years = year_histogram(entries);
  return stats;
}

std::string stats_to_text(const Stats& stats, const StatsTextOptions& options) {
  std::string out = options.heading.empty()
                        ? ""
                        : fit_width(options.heading, static_cast<size_t>(std::max(40, options.width))) + "\n\n";
  out += summary(stats);
  std::vector<Row> rows;
  if (stats.by == StatsGroupBy::section)
    rows = section_rows(stats.groups);
  else
    for (const StatsBucket& group : stats.groups) rows.push_back({group.name, group.count});
  if (stats.by != StatsGroupBy::year && !rows.empty())
    out += fmt::format("\nEntries per {}\n", stats_group_by_name(stats.by)) + chart(rows, stats.entries, options);
  // The histogram scales to the busiest year; undated entries would dwarf
  // it, so they get a line of their own.
  rows.clear();
  for (const YearCount& year : stats.years) rows.push_back({std::to_string(year.year), year.count});
  if (!rows.empty()) out += "\nEntries per year\n" + chart(rows, stats.entries, options);
  if (stats.undated > 0) out += fmt::format("  {} undated\n", stats.undated);
  return out;
}

std::string stats_to_json(const Stats& stats, const std::vector<std::string>& files, bool several) {
  nlohmann::ordered_json json;
  if (several)
    json["files"] = files;
  else
    json["file"] = files.empty() ? std::string() : files.front();
  json["entries"] = stats.entries;
  json["with_links"] = stats.entries - stats.without_links;
  json["without_links"] = stats.without_links;
  json["tagged"] = stats.tagged;
  json["tagged_share"] = stats.entries ? std::round(1000.0 * stats.tagged / stats.entries) / 1000.0 : 0.0;
  json["undated"] = stats.undated;
  json["by"] = stats_group_by_name(stats.by);
  json["groups"] = nlohmann::ordered_json::array();
  for (const StatsBucket& group : stats.groups) {
    nlohmann::ordered_json row = {{"name", group.name}, {"count", group.count}};
    if (stats.by == StatsGroupBy::section) row["path"] = group.path;
    json["groups"].push_back(row);
  }
  json["years"] = nlohmann::ordered_json::array();
  for (const YearCount& year : stats.years) json["years"].push_back({{"year", year.year}, {"count", year.count}});
  return json.dump(2) + "\n";
}

std::string unicode_bar(int value, int max, int width) {
  static const char* const k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (value <= 0 || max <= 0 || width <= 0) return "";
  long eighths = std::lround(8.0 * width * std::min(value, max) / max);
  eighths = std::max(1L, eighths);
  std::string out;
  for (long i = 0; i < eighths / 8; ++i) out += "█";
  return out + k_eighths[eighths % 8];
}

}  // namespace curate
