#pragma once
// `curate stats`: counts over a selection of entries, grouped by section,
// tag, kind, year or author, rendered as text bar charts or JSON.

#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

enum class StatsGroupBy { section, tag, kind, year, author, file };

// Parses "section", "tag", "kind", "year", "author", "file"; throws curate::Error.
StatsGroupBy parse_stats_group_by(const std::string& name);
const char* stats_group_by_name(StatsGroupBy by);

struct StatsBucket {
  std::string name;  // "(untagged)", "(no kind)", "(undated)", "(no author)", "(top level)" for the rest
  int count = 0;
  std::vector<std::string>
      path;  // by section: the heading path, under the file with several ("name" joins it with " / ")
};

struct YearCount {
  int year = 0;
  int count = 0;
};

struct [[nodiscard]] Stats {
  StatsGroupBy by = StatsGroupBy::section;
  int entries = 0;
  int without_links = 0;  // stubs, as `list --stubs` counts them
  int tagged = 0;
  int undated = 0;  // entries without a year
  std::vector<StatsBucket>
      groups;  // sections in document order, files in file order, years ascending, others by count then name
  std::vector<YearCount> years;  // first to last year, gaps filled with 0
};

// Counts `entries`. An entry with several tags, kinds or authors counts once
// in each of their groups; the rest count once. With `several` (entries of
// several files, CatalogSet::several), sections are grouped under their file.
Stats compute_stats(const std::vector<EntryRef>& entries, StatsGroupBy by, bool several = false);

struct StatsTextOptions {
  int width = 80;  // terminal columns; every line fits in it (at least 40 are used)
  bool color = false;
  std::string heading;  // first line, e.g. the list's title and path
};

// Summary, the group chart and the year histogram as horizontal bars of
// Unicode block characters (eighth-block resolution). Sections show as an
// indented tree below the headings every entry shares.
std::string stats_to_text(const Stats& stats, const StatsTextOptions& options);

// The same numbers as a pretty-printed JSON object, newline-terminated:
// "file" names the one file read, or with `several`, "files" all of them.
std::string stats_to_json(const Stats& stats, const std::vector<std::string>& files, bool several = false);

// A bar of `value / max` of `width` cells in Unicode blocks (█ and the
// eighths ▏▎▍▌▋▊▉); "" for 0, at least "▏" for a non-zero value.
std::string unicode_bar(int value, int max, int width);

}  // namespace curate
