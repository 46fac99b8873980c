// The edit commands as line edits: round trips, minimal changes, refusals.
#include <catch2/catch.hpp>

#include "curate/edit/edit.hpp"
#include "curate/text/error.hpp"
#include "curate/text/unified_diff.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_item;
using curate::test::parse_text;

namespace {

// Parses `text`, runs `edit` on it, checks the result with verify_edit and
// returns the new text.
template <typename Edit>
std::string edited(const std::string& text, Edit edit) {
  Catalog catalog = parse_text(text);
  EditResult result = edit(catalog, text);
  verify_edit(catalog, result.text, Config{}, result.expected);
  return result.text;
}

EntryRef one(const Catalog& catalog, const std::string& selector) {
  auto found = resolve_selector(catalog, selector);
  REQUIRE(found.size() == 1);
  return found.front();
}

// Lines the unified diff marks as removed and added: everything else is
// byte-identical.
std::pair<int, int> changed_lines(const std::string& before, const std::string& after) {
  std::string diff = unified_diff(before, after, "a", "b");
  int removed = 0, added = 0;
  size_t start = 0;
  while (start < diff.size()) {
    size_t end = diff.find('\n', start);
    std::string line = diff.substr(start, end - start);
    if (line.rfind("---", 0) != 0 && line.rfind("+++", 0) != 0) {
      if (!line.empty() && line[0] == '-') ++removed;
      if (!line.empty() && line[0] == '+') ++added;
    }
    start = end == std::string::npos ? diff.size() : end + 1;
  }
  return {removed, added};
}

NewEntry ray() {
  NewEntry entry;
  entry.title = "Ray";
  entry.url = "https://ray.io/";
  entry.tags = {"cult"};
  entry.authors = {"Anyscale"};
  entry.kind = "repo";
  entry.date = "2023";
  return entry;
}

std::string add_to(const std::string& text, const std::string& section, std::optional<std::string> group,
                   const NewEntry& entry) {
  return edited(text, [&](const Catalog& c, const std::string& t) {
    return add_entry(c, t, resolve_target(c, section, group), entry, KindTable{});
  });
}

std::string remove(const std::string& text, const std::string& selector) {
  return edited(
      text, [&](const Catalog& c, const std::string& t) { return remove_entries(c, t, {one(c, selector)}, false); });
}

std::string move(const std::string& text, const std::string& selector, const std::string& to) {
  return edited(text, [&](const Catalog& c, const std::string& t) {
    return move_entries(c, t, {one(c, selector)}, resolve_move_target(c, to));
  });
}

std::string retag(const std::string& text, const std::string& selector, std::vector<std::string> add,
                  std::vector<std::string> drop) {
  return edited(
      text, [&](const Catalog& c, const std::string& t) { return retag_entries(c, t, {one(c, selector)}, add, drop); });
}

}  // namespace

TEST_CASE("add then rm of the same entry gives back the original bytes of the seed") {
  std::string seed = test::seed_text();
  for (auto [section, group] : std::vector<std::pair<std::string, std::optional<std::string>>>{
           {"MLOps", "Tools"},
           {"Deep Learning", std::nullopt},
           {"Machine Learning", std::nullopt},
           {"Data Science", std::nullopt},
           {"Large Language Models", "GPT series"},
           {"Architectures", std::nullopt},
           {"Generative Models", "CV"},
           {"Self-Supervised Learning", "Non Contrastive Embedding"}}) {
    INFO(section);
    std::string added = add_to(seed, section, group, ray());
    CHECK(added != seed);
    CHECK(remove(added, "https://ray.io/") == seed);
  }
}

TEST_CASE("add inserts one line in the house style and leaves every other byte alone") {
  std::string seed = test::seed_text();
  std::string added = add_to(seed, "MLOps", "Tools", ray());
  CHECK(changed_lines(seed, added) == std::pair<int, int>{0, 1});
  CHECK(added.find("\n  - MLRun\n  - *cult*: \"Ray\" [Anyscale; repo; 2023](https://ray.io/)\n") != std::string::npos);
}

TEST_CASE("add to a loose list keeps the blank line between items") {
  std::string seed = test::seed_text();
  std::string added = add_to(seed, "Deep Learning", std::nullopt, ray());
  CHECK(changed_lines(seed, added) == std::pair<int, int>{0, 2});
  CHECK(added.find("FullStackDeepLearning\n\n- *cult*: \"Ray\"") != std::string::npos);
}

TEST_CASE("mv there and back gives back the original bytes and moves only the item's lines") {
  std::string seed = test::seed_text();
  std::string moved = move(seed, "https://atcold.github.io/pytorch-Deep-Learning/", "MLOps/Tools");
  CHECK(changed_lines(seed, moved) == std::pair<int, int>{1, 1});
  CHECK(move(moved, "https://atcold.github.io/pytorch-Deep-Learning/", "Deep Learning/Overview") == seed);
}

TEST_CASE("mv takes an entry's children along and re-indents them for the new place") {
  std::string text = "## A\n\n- [P](https://p.org/)\n  - [C](https://c.org/)\n\n## B\n\n- G\n  - [X](https://x.org/)\n";
  std::string moved = move(text, "https://p.org/", "B/G");
  CHECK(moved == "## A\n\n## B\n\n- G\n  - [X](https://x.org/)\n  - [P](https://p.org/)\n    - [C](https://c.org/)\n");
  CHECK(move(moved, "https://p.org/", "A") == text);
}

TEST_CASE("tag +x then tag -x gives back the original bytes and touches one line") {
  std::string seed = test::seed_text();
  for (const char* selector : {"https://www.deeplearningbook.org/", "DVC", "https://applyingml.com/"}) {
    INFO(selector);
    std::string tagged = retag(seed, selector, {"introductionary"}, {});
    CHECK(changed_lines(seed, tagged) == std::pair<int, int>{1, 1});
    CHECK(retag(tagged, selector, {}, {"introductionary"}) == seed);
  }
}

TEST_CASE("tag edits only the tag prefix of the entry's first line") {
  std::string text = "- *cult*: \"T\" [A; 2020](https://t.org/)\n";
  CHECK(retag(text, "https://t.org/", {"x"}, {"cult"}) == "- *x*: \"T\" [A; 2020](https://t.org/)\n");
}

TEST_CASE("rm of an item in a loose list takes its blank separator with it") {
  std::string text = "- [A](https://a.org/)\n\n- [B](https://b.org/)\n\n- [C](https://c.org/)\n";
  CHECK(remove(text, "https://b.org/") == "- [A](https://a.org/)\n\n- [C](https://c.org/)\n");
  CHECK(remove(text, "https://c.org/") == "- [A](https://a.org/)\n\n- [B](https://b.org/)\n");
}

TEST_CASE("rm refuses an entry with children unless recursive") {
  std::string seed = test::seed_text();
  Catalog catalog = parse_text(seed);
  EntryRef parent =
      one(catalog, "https://ai.facebook.com/blog/self-supervised-learning-the-dark-matter-of-intelligence/");
  CHECK_THROWS_WITH(remove_entries(catalog, seed, {parent}, false),
                    Catch::Contains("has 1 child item(s); use --recursive"));
  EditResult result = remove_entries(catalog, seed, {parent}, true);
  CHECK(result.expected.removed.size() == 2);
  CHECK_NOTHROW(verify_edit(catalog, result.text, Config{}, result.expected));
}

TEST_CASE("the nothing-lost check refuses text that loses an entry it was not asked to remove") {
  std::string text = "- [A](https://a.org/)\n- [B](https://b.org/)\n";
  Catalog catalog = parse_text(text);
  ExpectedChanges expected;
  expected.removed = {1};
  CHECK_THROWS_WITH(verify_edit(catalog, "- [A](https://a.org/)\n", Config{}, expected),
                    Catch::Contains("refusing to write: the edit would remove an entry: \"B\""));
  CHECK_THROWS_WITH(verify_edit(catalog, text, Config{}, expected), Catch::Contains("not make the intended change"));
}

TEST_CASE("sort orders entries within each list only, keeps groups in place and children with parents") {
  std::string text =
      "## S\n\n- b\n- G\n  - [z](https://z.org/)\n  - [y](https://y.org/)\n- [a](https://a.org/)\n  - "
      "[child](https://c.org/)\n\n## T\n\n- [d](https://d.org/)\n- [c](https://e.org/)\n";
  std::string sorted = edited(text, [](const Catalog& c, const std::string& t) { return sort_lists(c, t, {}); });
  CHECK(sorted ==
        "## S\n\n- [a](https://a.org/)\n  - [child](https://c.org/)\n- G\n  - [y](https://y.org/)\n  - "
        "[z](https://z.org/)\n- b\n\n## T\n\n- [c](https://e.org/)\n- [d](https://d.org/)\n");
  EditResult again = sort_lists(parse_text(sorted), sorted, {});
  CHECK_FALSE(again.changed);
}

TEST_CASE("sort leaves a list of plain-text items in the order its author chose") {
  std::string text =
      "## Steps\n\n- Install\n- Configure\n- Build\n\n## Links\n\n- [b](https://b.org/)\n- [a](https://a.org/)\n";
  EditResult result = sort_lists(parse_text(text), text, {});
  CHECK(result.text ==
        "## Steps\n\n- Install\n- Configure\n- Build\n\n## Links\n\n- [a](https://a.org/)\n- [b](https://b.org/)\n");
  CHECK(result.summary == "sorted by title: 2 entries moved in 1 list");
}

TEST_CASE("sort by date is stable, puts undated entries last and can be limited to a section") {
  std::string text =
      "## S\n\n- \"B\" [2021](https://b.org/)\n- \"N\"\n- \"A\" [2020](https://a.org/)\n- \"C\" "
      "[2021](https://c.org/)\n\n## T\n\n- d\n- c\n";
  SortOptions options{SortKey::date, false, std::string("S")};
  std::string sorted = edited(text, [&](const Catalog& c, const std::string& t) { return sort_lists(c, t, options); });
  CHECK(sorted ==
        "## S\n\n- \"A\" [2020](https://a.org/)\n- \"B\" [2021](https://b.org/)\n- \"C\" "
        "[2021](https://c.org/)\n- \"N\"\n\n## T\n\n- d\n- c\n");
}

TEST_CASE("sort of the seed keeps every entry and is idempotent") {
  std::string seed = test::seed_text();
  std::string sorted = edited(seed, [](const Catalog& c, const std::string& t) { return sort_lists(c, t, {}); });
  CHECK(sorted != seed);
  CHECK(sorted.size() == seed.size());
  CHECK_FALSE(sort_lists(parse_text(sorted), sorted, {}).changed);
}

TEST_CASE("rendered entries parse back to exactly the given fields") {
  NewEntry full = ray();
  full.authors = {"Ann Lee", "Bo Chen"};
  full.description = "a framework for scaling";
  full.note = "needs a cluster";
  CHECK(render_entry(full, KindTable{}) ==
        "*cult*: Ray: \"a framework for scaling\" [Ann Lee & Bo Chen; repo; 2023](https://ray.io/) *needs a cluster*");
  NewEntry bare;
  bare.title = "Node_js [v2] *fast*";
  bare.url = "https://nodejs.org/x_(y)";
  bare.description = "JavaScript runtime";
  std::string line = render_entry(bare, KindTable{});
  Item item = parse_item(line);
  CHECK(item.title == bare.title);
  CHECK(item.url == bare.url);
  CHECK(item.description == bare.description);
}

TEST_CASE("an entry that cannot be written so it reads back the same is refused") {
  NewEntry entry = ray();
  entry.title = "The \"quoted\" word";
  CHECK_THROWS_WITH(render_entry(entry, KindTable{}), Catch::Contains("reads back the same: title"));
  entry = ray();
  entry.authors = {"A; B"};
  CHECK_THROWS_WITH(render_entry(entry, KindTable{}), Catch::Contains("authors"));
}

TEST_CASE("dates must be real calendar dates and URLs absolute http or https") {
  CHECK_NOTHROW(validate_date("2024-02-29"));
  CHECK_NOTHROW(validate_date("2021"));
  CHECK_NOTHROW(validate_date("2021-12"));
  CHECK_THROWS_WITH(validate_date("2023-02-29"), Catch::Contains("day must be 01 to 28"));
  CHECK_THROWS_WITH(validate_date("2023-13"), Catch::Contains("month must be 01 to 12"));
  CHECK_THROWS_WITH(validate_date("21-01"), Catch::Contains("expected YYYY, YYYY-MM or YYYY-MM-DD"));
  CHECK_THROWS_WITH(validate_date("0202-01"), Catch::Contains("year must be 1000 or later"));
  CHECK_NOTHROW(validate_url("http://example.org/a"));
  CHECK_THROWS(validate_url("ftp://example.org/"));
  CHECK_THROWS(validate_url("/relative/path"));
  CHECK_THROWS(validate_url("https://"));
}

TEST_CASE("targets are found by trailing headings, and group titles may contain a slash") {
  Catalog seed = parse_text(test::seed_text());
  EditTarget target = resolve_move_target(seed, "MLOps/Architecture / Concepts");
  CHECK(target.parents == std::vector<std::string>{"Architecture / Concepts"});
  CHECK(resolve_target(seed, "deep learning/fundamentals", std::nullopt).section_path ==
        std::vector<std::string>{"About", "Deep Learning", "Fundamentals"});
  CHECK_THROWS_WITH(resolve_target(seed, "Fundamentalz", std::nullopt),
                    "unknown section 'Fundamentalz' (did you mean 'Fundamentals'?)");
}
