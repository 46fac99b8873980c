// stats: counting per group, the year histogram and the bar charts.
#include <catch2/catch.hpp>

#include "curate/query/stats.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_text;

namespace {
const char* const k_list =
    "## A\n\n"
    "- *cult*: \"One\" [X; book; 2018](https://a.org/1)\n"
    "- *cult*: *intro*: \"Two\" [Y; blog; 2020-05](https://a.org/2)\n"
    "\n## B\n\n"
    "- \"Three\" [X; paper; 2020](https://a.org/3)\n"
    "- Stub\n";

int display_width(const std::string& line) {
  int width = 0;
  for (char c : line)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  return width;
}
}  // namespace

TEST_CASE("stats counts entries and stubs and tagged and undated entries") {
  Catalog catalog = parse_text(k_list);
  Stats stats = compute_stats(collect_entries(catalog), StatsGroupBy::section);
  CHECK(stats.entries == 4);
  CHECK(stats.without_links == 1);
  CHECK(stats.tagged == 2);
  CHECK(stats.undated == 1);
  REQUIRE(stats.groups.size() == 2);
  CHECK(stats.groups[0].name == "A");
  CHECK(stats.groups[0].count == 2);
}

TEST_CASE("an entry with several tags counts once in each and untagged ones come last") {
  Catalog catalog = parse_text(k_list);
  Stats stats = compute_stats(collect_entries(catalog), StatsGroupBy::tag);
  REQUIRE(stats.groups.size() == 3);
  CHECK(stats.groups[0].name == "cult");
  CHECK(stats.groups[0].count == 2);
  CHECK(stats.groups[1].name == "intro");
  CHECK(stats.groups[2].name == "(untagged)");
  CHECK(stats.groups[2].count == 2);
}

TEST_CASE("the year histogram fills the years between the first and the last") {
  Catalog catalog = parse_text(k_list);
  Stats stats = compute_stats(collect_entries(catalog), StatsGroupBy::year);
  REQUIRE(stats.years.size() == 3);
  CHECK(stats.years[0].year == 2018);
  CHECK(stats.years[1].count == 0);
  CHECK(stats.years[2].count == 2);
}

TEST_CASE("bars use eighth blocks and never vanish for a non-zero count") {
  CHECK(unicode_bar(8, 8, 4) == "████");
  CHECK(unicode_bar(1, 8, 4) == "▌");
  CHECK(unicode_bar(1, 1000, 4) == "▏");
  CHECK(unicode_bar(0, 8, 4).empty());
}

TEST_CASE("every line of the text chart fits the given width") {
  Catalog catalog = parse_text(k_list);
  for (int width : {40, 60, 80, 132}) {
    for (auto by : {StatsGroupBy::section, StatsGroupBy::tag, StatsGroupBy::author}) {
      StatsTextOptions options;
      options.width = width;
      std::string text = stats_to_text(compute_stats(collect_entries(catalog), by), options);
      size_t start = 0;
      for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        CHECK(display_width(text.substr(start, end - start)) <= width);
    }
  }
}

TEST_CASE("sections show as a tree below the headings all entries share") {
  Catalog catalog = parse_text("## Top\n\n### A\n\n- [x](https://a.org)\n\n### B\n\n#### C\n\n- [y](https://b.org)\n");
  std::string text = stats_to_text(compute_stats(collect_entries(catalog), StatsGroupBy::section), {});
  CHECK(text.find("\n  A ") != std::string::npos);
  CHECK(text.find("\n  B ") != std::string::npos);
  CHECK(text.find("\n    C ") != std::string::npos);
  CHECK(text.find("Top") == std::string::npos);
}
