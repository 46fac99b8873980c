// The one section-matching rule of every command (query.hpp, docs/cli.md)
// and the date range of --since/--until.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "curate/query/query.hpp"
#include "curate/text/error.hpp"
#include "test_helpers.hpp"

namespace {

using namespace curate;
using Path = std::vector<std::string>;

const Path k_cpp = {"Programming Languages", "C++"};
const Path k_c = {"Programming Languages", "C"};
const Path k_vision = {"About", "Self-Supervised Learning", "Computer Vision (CV)", "Contrastive Learning"};

TEST_CASE("a pattern part matches a whole title, never a part of one") {
  CHECK(section_matches("C", k_c));
  CHECK_FALSE(section_matches("C", k_cpp));
  CHECK_FALSE(section_matches("vision", k_vision));
  CHECK_FALSE(section_matches("Programming", k_c));
}

TEST_CASE("a title that holds a slash is named whole, never by one side of it") {
  // movies-for-hackers' "## Science Fiction / Fantasy".
  const Path movies = {"Movies", "Science Fiction / Fantasy"};
  CHECK(section_matches("Science Fiction / Fantasy", movies));
  CHECK(section_named("Science Fiction/Fantasy", movies));
  CHECK(section_named("movies/science fiction / fantasy", movies));
  CHECK_FALSE(section_matches("Fantasy", movies));
  CHECK_FALSE(section_named("Science Fiction", movies));
  CHECK_FALSE(section_named("Movies/Science Fiction", movies));
}

TEST_CASE("titles compare without regard to case, Unicode case included, or to runs of spaces") {
  CHECK(section_matches("computer vision (cv)", k_vision));
  CHECK(section_matches("  Computer   Vision (CV) ", k_vision));
  CHECK(section_matches("über uns", Path{"Über  Uns"}));
}

TEST_CASE("a star matches any run of characters, so substrings are asked for explicitly") {
  CHECK(section_matches("*vision*", k_vision));
  CHECK(section_matches("computer*", k_vision));
  CHECK(section_matches("*", k_c));
  CHECK(section_matches("C*", k_cpp));
  CHECK_FALSE(section_matches("*vision", k_vision));
  CHECK(title_matches("a*b*c", "aXXbYYc"));
  CHECK_FALSE(title_matches("a*b*c", "aXXbYY"));
}

TEST_CASE("parts separated by a slash match consecutive titles anywhere in the path") {
  CHECK(section_matches("self-supervised learning/*vision*", k_vision));
  CHECK(section_matches("*vision*/contrastive learning", k_vision));
  CHECK_FALSE(section_matches("about/computer vision (cv)", k_vision));
  CHECK_FALSE(section_matches("C/computer vision", k_vision));
}

TEST_CASE("a pattern names a section when it matches the last titles of its path") {
  CHECK(section_named("Contrastive Learning", k_vision));
  CHECK(section_named("*vision*/contrastive learning", k_vision));
  CHECK_FALSE(section_named("Self-Supervised Learning", k_vision));
}

TEST_CASE("a pattern that names nothing in the list is an error with the closest title") {
  Catalog catalog =
      test::parse_text("## MLOps\n\n- Tools\n  - [Ray](https://ray.io/)\n\n## C\n\n- [K&R](https://k.org/)\n");
  CHECK_NOTHROW(require_section(catalog, "mlops"));
  CHECK_NOTHROW(require_section(catalog, "MLOps/Tools"));
  CHECK_NOTHROW(require_section(catalog, "c"));
  CHECK_THROWS_WITH(require_section(catalog, "mlop"),
                    "no section or group is named 'mlop' (did you mean 'MLOps'?); each part matches a whole title: "
                    "'*mlop*' matches titles containing it");
  EntryFilter filter;
  filter.section = "Tool";
  CHECK_THROWS_AS(select_entries(catalog, filter), Error);
  filter.section = "*tool*";
  CHECK(select_entries(catalog, filter).size() == 1);
}

TEST_CASE("dates are in range at the precision both sides have") {
  std::optional<std::string> none;
  CHECK(date_in_range("2022", std::string("2022-03"), none));
  CHECK(date_in_range("2022-03-15", none, std::string("2022-03")));
  CHECK_FALSE(date_in_range("2022-02", std::string("2022-03"), none));
  CHECK_FALSE(date_in_range("2023", none, std::string("2022-12-31")));
  CHECK(date_in_range("2021-06", std::string("2021"), std::string("2021")));
}

}  // namespace

TEST_CASE("a title's emoji and shortcodes, leading or closing, need not be typed") {
  // awesome-design's 17 headings close with one: "Soul of Design :sunny:".
  CHECK(section_matches("Soul of Design", {"Soul of Design :sunny:"}));
  CHECK(section_matches("Social Network", {"Social Network :couple::couple:"}));
  CHECK(section_matches("Coding Style", {"\xF0\x9F\x8E\xA8 Coding Style"}));
  CHECK(section_matches("Games", {"Games \xF0\x9F\x8E\xAE"}));
  CHECK(section_matches("Soul of Design :sunny:", {"Soul of Design :sunny:"}));
  CHECK_FALSE(section_matches("Soul", {"Soul of Design :sunny:"}));
}
