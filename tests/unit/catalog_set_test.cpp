// A catalog over several files: entries carry their file, ids are unique
// across files, queries and stats span the files, duplicates are found
// between them.
#include <catch2/catch.hpp>

#include <set>

#include "curate/lint/cross_file.hpp"
#include "curate/lint/lint.hpp"
#include "curate/query/query.hpp"
#include "curate/query/stats.hpp"
#include "test_helpers.hpp"

using namespace curate;

namespace {

const char* const k_de =
    "## C\n\n- [C-Programmierung](https://de.wikibooks.org/c) - Wikibooks\n"
    "- [SICP](https://mitpress.mit.edu/sicp/) - Abelson\n";
const char* const k_en =
    "## Lisp\n\n- [SICP](https://mitpress.mit.edu/sicp/) - Abelson\n"
    "\n## C\n\n- [Modern C](https://gustedt.example/modern-c/) - Gustedt\n";

// Two files parsed and numbered as one catalog, as the CLI's load_catalog does.
struct TwoFiles {
  Catalog de = parse_catalog(source_from_bytes("books/de.md", k_de), Config{});
  Catalog en = parse_catalog(source_from_bytes("books/en.md", k_en), Config{});
  TwoFiles() { assign_ids_across({&de, &en}); }
  CatalogSet set() const { return CatalogSet{{&de, &en}, true}; }
};

}  // namespace

TEST_CASE("every entry of a set carries the file it is in, file after file") {
  TwoFiles files;
  std::vector<EntryRef> entries = collect_entries(files.set());
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].file() == "books/de.md");
  CHECK(entries[1].file() == "books/de.md");
  CHECK(entries[2].file() == "books/en.md");
  CHECK(entries[3].item->title == "Modern C");
}

TEST_CASE("the same URL in two files gives two ids, the first file keeping its own") {
  TwoFiles files;
  Catalog alone = parse_catalog(source_from_bytes("books/de.md", k_de), Config{});
  std::set<std::string> ids;
  for (const EntryRef& entry : collect_entries(files.set())) ids.insert(entry.item->id);
  CHECK(ids.size() == 4);
  CHECK(files.de.root.sections[0].items[1].id == alone.root.sections[0].items[1].id);
  CHECK(files.en.root.sections[0].items[0].id != files.de.root.sections[0].items[1].id);
}

TEST_CASE("ids across files do not depend on unrelated entries being added") {
  TwoFiles before;
  std::string grown = k_de;
  grown.append("- [Neu](https://neu.example/) - Jemand\n");  // append: GCC 12 warns a false -Warray-bounds on +
  Catalog de = parse_catalog(source_from_bytes("books/de.md", grown), Config{});
  Catalog en = parse_catalog(source_from_bytes("books/en.md", k_en), Config{});
  assign_ids_across({&de, &en});
  CHECK(en.root.sections[0].items[0].id == before.en.root.sections[0].items[0].id);
  CHECK(en.root.sections[1].items[0].id == before.en.root.sections[1].items[0].id);
}

TEST_CASE("a selector over a set finds an entry of any file and names both copies of a shared title") {
  TwoFiles files;
  CHECK(resolve_selector(files.set(), "Modern C").at(0).file() == "books/en.md");
  std::vector<EntryRef> both = resolve_selector(files.set(), "SICP");
  REQUIRE(both.size() == 2);
  CHECK(both[0].file() == "books/de.md");
  CHECK(both[1].file() == "books/en.md");
  CHECK(resolve_selector(files.set(), both[1].item->id).size() == 1);
}

TEST_CASE("a section filter over a set takes the sections of every file") {
  TwoFiles files;
  EntryFilter filter;
  filter.section = "C";
  CHECK(select_entries(files.set(), filter).size() == 3);
  filter.section = "Lisp";
  CHECK(select_entries(files.set(), filter).size() == 1);
  filter.section = "Fortran";
  CHECK_THROWS(select_entries(files.set(), filter));
}

TEST_CASE("stats over several files group sections under their file, and by file in file order") {
  TwoFiles files;
  Stats by_section = compute_stats(collect_entries(files.set()), StatsGroupBy::section, true);
  REQUIRE(by_section.groups.size() == 3);
  CHECK(by_section.groups[0].name == "books/de.md / C");
  CHECK(by_section.groups[2].name == "books/en.md / C");
  Stats by_file = compute_stats(collect_entries(files.set()), StatsGroupBy::file, true);
  REQUIRE(by_file.groups.size() == 2);
  CHECK(by_file.groups[0].name == "books/de.md");
  CHECK(by_file.groups[0].count == 2);
}

TEST_CASE("a URL in two files is a duplicate-url finding in the later file naming the first's file and line") {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, Config{});
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
  std::vector<FileFindings> files;
  files.push_back(linter.lint(source_from_bytes("books/de.md", k_de), Config{}));
  files.push_back(linter.lint(source_from_bytes("books/en.md", k_en), Config{}));
  add_cross_file_findings(files, linter);
  std::vector<Diagnostic> de = linter.finish(files[0]);
  std::vector<Diagnostic> en = linter.finish(files[1]);
  auto duplicates = [](const std::vector<Diagnostic>& found) {
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : found)
      if (d.rule == "duplicate-url") out.push_back(d);
    return out;
  };
  CHECK(duplicates(de).empty());
  REQUIRE(duplicates(en).size() == 1);
  CHECK(duplicates(en)[0].file == "books/en.md");
  CHECK(duplicates(en)[0].begin.line == 3);
  CHECK_THAT(duplicates(en)[0].message, Catch::Contains("at books/de.md:4"));
}
