// The semantic diff: what it reports between two versions of a list.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <nlohmann/json.hpp>

#include "curate/query/catalog_diff.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_text;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The seed with one entry moved, one retagged, one URL changed and one added.
std::string four_changes() {
  std::string text = test::seed_text();
  const std::string moved =
      "  - *cult*: \"Deep Learning with Pytorch\" [NYU CENTER FOR DATA SCIENCE; course; "
      "2020](https://atcold.github.io/pytorch-Deep-Learning/)\n";
  text = replaced(text, moved, "");
  text = replaced(text, "- General resources\n", "- General resources\n" + moved);
  text = replaced(text, "*introductionary*: \"MLOps Architecture Guide\"", "*cult*: \"MLOps Architecture Guide\"");
  text = replaced(text, "articles/cd4ml.html", "articles/cd4ml-v2.html");
  return replaced(text, "  - Feast\n", "  - Feast\n  - \"Ray\" [Anyscale; repo; 2023](https://ray.io/)\n");
}

const EntryChange& find_change(const CatalogDiff& diff, const std::string& title) {
  for (const auto& change : diff.entries)
    if ((change.after ? change.after : change.before)->title == title) return change;
  FAIL("no change for " << title);
  return diff.entries.front();
}

}  // namespace

TEST_CASE("a list compared with itself has no differences") {
  Catalog seed = parse_text(test::seed_text());
  CatalogDiff diff = diff_catalogs(seed, seed);
  CHECK(diff.empty());
  CHECK(diff_to_text(diff).empty());
}

TEST_CASE("one moved, one retagged, one re-linked and one added entry are exactly four changes") {
  CatalogDiff diff = diff_catalogs(parse_text(test::seed_text()), parse_text(four_changes()));
  REQUIRE(diff.entries.size() == 4);
  CHECK(diff.count(ChangeType::added) == 1);
  CHECK(diff.count(ChangeType::removed) == 0);
  CHECK(diff.count(ChangeType::changed) == 2);
  CHECK(diff.count(ChangeType::moved) == 1);

  const EntryChange& moved = find_change(diff, "Deep Learning with Pytorch");
  CHECK(moved.type == ChangeType::moved);
  CHECK(moved.fields.empty());
  CHECK(moved.before->parents == std::vector<std::string>{"Overview"});
  CHECK(moved.after->parents == std::vector<std::string>{"General resources"});

  const EntryChange& retagged = find_change(diff, "MLOps Architecture Guide");
  REQUIRE(retagged.fields.size() == 1);
  CHECK(retagged.fields[0].field == "tags");
  CHECK(retagged.fields[0].before == std::vector<std::string>{"introductionary"});
  CHECK(retagged.fields[0].after == std::vector<std::string>{"cult"});

  const EntryChange& relinked = find_change(diff, "Continuous Delivery for Machine Learning (CD4ML)");
  REQUIRE(relinked.fields.size() == 1);
  CHECK(relinked.fields[0].field == "url");

  CHECK(find_change(diff, "Ray").type == ChangeType::added);
  CHECK(diff.sections_added.empty());
  CHECK(diff.sections_removed.empty());
}

TEST_CASE("bullets, indentation, trailing spaces, emphasis markers and line breaks are not differences") {
  std::string text = test::seed_text();
  RE2::GlobalReplace(&text, R"((?m)^( *)- )", "\\1* ");
  RE2::GlobalReplace(&text, " +\n", "\n");
  RE2::GlobalReplace(&text, R"(\*cult\*)", "_cult_");
  text = replaced(text, "\"Deep Learning with Python\" [", "\"Deep Learning with Python\"\n    [");
  text = replaced(text, "\n### MLOps", "\n\n\n### MLOps");
  CHECK(diff_catalogs(parse_text(test::seed_text()), parse_text(text)).empty());
}

TEST_CASE("entries are matched by normalised URL before title, so a retitled entry is a change") {
  Catalog a = parse_text("# T\n\n## S\n\n- [Old name](http://www.example.com/x/)\n");
  Catalog b = parse_text("# T\n\n## S\n\n- [New name](https://example.com/x)\n");
  CatalogDiff diff = diff_catalogs(a, b);
  REQUIRE(diff.entries.size() == 1);
  CHECK(diff.entries[0].type == ChangeType::changed);
  REQUIRE(diff.entries[0].fields.size() == 2);
  CHECK(diff.entries[0].fields[0].field == "title");
  CHECK(diff.entries[0].fields[1].field == "url");
}

TEST_CASE("a title held by several unmatched entries is not guessed across sections") {
  Catalog a = parse_text("## A\n\n- GANs\n\n## B\n\n- GANs\n");
  Catalog b = parse_text("## C\n\n- GANs\n");
  CatalogDiff diff = diff_catalogs(a, b);
  CHECK(diff.count(ChangeType::added) == 1);
  CHECK(diff.count(ChangeType::removed) == 2);
  CHECK(diff.count(ChangeType::moved) == 0);
  CHECK(diff.sections_added == std::vector<std::vector<std::string>>{{"C"}});
  CHECK(diff.sections_removed == std::vector<std::vector<std::string>>{{"A"}, {"B"}});
}

TEST_CASE("a stub whose title is unique on both sides is matched when it moves") {
  Catalog a = parse_text("## A\n\n- DVC\n- MLFlow\n\n## B\n\n- Feast\n");
  Catalog b = parse_text("## A\n\n- MLFlow\n\n## B\n\n- Feast\n- DVC\n");
  CatalogDiff diff = diff_catalogs(a, b);
  REQUIRE(diff.entries.size() == 1);
  CHECK(diff.entries[0].type == ChangeType::moved);
  CHECK(diff.entries[0].before->section == std::vector<std::string>{"A"});
}

TEST_CASE("two entries with the same URL pair up by place and title, so removing one reports that one") {
  Catalog a = parse_text("## A\n\n- [One](https://x.org/)\n\n## B\n\n- [Two](https://x.org/)\n");
  Catalog b = parse_text("## A\n\n## B\n\n- [Two](https://x.org/)\n");
  CatalogDiff diff = diff_catalogs(a, b);
  REQUIRE(diff.entries.size() == 1);
  CHECK(diff.entries[0].type == ChangeType::removed);
  CHECK(diff.entries[0].before->title == "One");
}

TEST_CASE("the text report groups changes under their section and ends with a summary") {
  Catalog a = parse_text("## A\n\n- \"One\" [Ann; 2020](https://one.org/)\n");
  Catalog b = parse_text("## A\n\n- \"One\" [Ann; 2021](https://one.org/)\n- [Two](https://two.org/)\n");
  CHECK(diff_to_text(diff_catalogs(a, b)) ==
        "A\n"
        "  changed  \"One\" https://one.org/ (line 3)\n"
        "             date: 2020 -> 2021\n"
        "  added    \"Two\" https://two.org/ (line 4)\n"
        "\n"
        "1 added, 0 removed, 1 changed, 0 moved\n");
}

TEST_CASE("the JSON report lists each change with both places and the changed fields") {
  Catalog a = parse_text("## A\n\n- *x*: \"One\" [2020](https://one.org/)\n");
  Catalog b = parse_text("## A\n\n- *y*: \"One\" [2020](https://one.org/)\n");
  auto json = diff_to_json(diff_catalogs(a, b), "old.md", "new.md");
  CHECK(json["old"] == "old.md");
  REQUIRE(json["changes"].size() == 1);
  CHECK(json["changes"][0]["change"] == "changed");
  CHECK(json["changes"][0]["old"]["line"] == 3);
  CHECK(json["changes"][0]["fields"][0]["field"] == "tags");
  CHECK(json["changes"][0]["fields"][0]["old"] == nlohmann::json::array({"x"}));
  CHECK(json["summary"]["changed"] == 1);
}
