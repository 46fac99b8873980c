// validate's findings on real lists, rule by rule: the counts judged by
// reading in docs/validate.md "Precision on real lists". A change in any of
// them is a change in what maintainers see, to be judged again (and the
// table updated) before the count here is.
#include <catch2/catch.hpp>

#include <map>

#include "curate/io/source.hpp"
#include "curate/lint/lint.hpp"
#include "test_helpers.hpp"

namespace {

using namespace curate;
using Counts = std::map<std::string, int>;

// The layout rules follow the file's own conventions and are judged in the
// fmt tests (a first fmt changes at most 2% of a corpus file's lines).
bool is_layout(const RuleRegistry& registry, const std::string& rule) {
  const Rule* found = registry.find(rule);
  return found && found->info.fix_effect == FixEffect::layout;
}

Counts findings_by_rule(const std::string& path) {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, Config{});
  // A fixed today after the lists' newest dates (awesome-nlp dates papers 2026).
  Linter linter(builtin_rules(), std::move(settings), LintOptions{"2026-12-01", {}});
  Counts counts;
  for (const Diagnostic& d : linter.finish(linter.lint(read_source(test::repo_path(path)), Config{})))
    if (!is_layout(registry, d.rule)) ++counts[d.rule];
  return counts;
}

}  // namespace

TEST_CASE("validate reports on the corpus lists exactly the findings judged in docs/validate.md") {
  // Every one of these was read; the false ones are named in the table.
  const std::map<std::string, Counts> judged = {
      {"tests/data/corpus/awesome.md", {{"separator-style", 1}}},
      {"tests/data/corpus/awesome-python.md", {{"description-repeats-title", 10}, {"relative-link", 1}}},
      {"tests/data/corpus/awesome-nlp.md",
       {{"description-repeats-title", 6},
        {"duplicate-url", 8},
        {"entry-format", 26},
        {"insecure-link", 36},
        {"lazy-continuation", 4},
        {"local-anchor", 2},
        {"name-spelling", 9},
        {"relative-link", 2},
        {"separator-style", 4}}},
      {"tests/data/corpus/free-programming-books-de.md",
       {{"entry-format", 1}, {"insecure-link", 52}, {"separator-style", 1}}},
      {"tests/data/corpus/public-apis.md",
       {{"bad-url", 1},
        {"description-repeats-title", 10},
        {"duplicate-title", 13},
        {"duplicate-url", 5},
        {"heading-increment", 1},
        {"heading-punctuation", 1},
        {"insecure-link", 90},
        {"link-text-spaces", 2},
        {"name-spelling", 2},
        {"relative-link", 3},
        {"single-title", 1},
        {"table-cells", 1}}},
      {"tests/data/lint-corpus/awesome-electron.md",
       {{"heading-increment", 1}, {"insecure-link", 31}, {"relative-link", 1}}},
      {"tests/data/lint-corpus/awesome-react.md",
       {{"description-repeats-title", 1},
        {"heading-increment", 1},
        {"insecure-link", 2},
        {"name-spelling", 1},
        {"separator-style", 1}}},
      {"tests/data/lint-corpus/awesome-dl-papers.md",
       {{"entry-format", 3},
        {"entry-spaces", 8},
        {"insecure-link", 157},
        {"link-syntax", 1},
        {"missing-link", 2},
        {"tracking-params", 1},
        {"unbalanced-brackets", 4}}},
      {"tests/data/lint-corpus/fpb-fr.md",
       {{"entry-format", 1}, {"insecure-link", 58}, {"local-anchor", 5}, {"toc-mismatch", 2}}},
      {"tests/data/lint-corpus/free-for-dev.md",
       {{"description-repeats-title", 1},
        {"duplicate-url", 2},
        {"entry-format", 4},
        {"entry-spaces", 9},
        {"insecure-link", 9},
        {"local-anchor", 2},
        {"separator-style", 38},
        {"single-title", 1},
        {"unbalanced-brackets", 1}}},
  };
  for (const auto& [path, expected] : judged) {
    INFO(path);
    CHECK(findings_by_rule(path) == expected);
  }
}

TEST_CASE("validate leaves a list's own layout alone: sindresorhus/awesome's tab-indented nesting") {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, Config{});
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2026-12-01", {}});
  std::vector<Diagnostic> found =
      linter.finish(linter.lint(read_source(test::repo_path("tests/data/corpus/awesome.md")), Config{}));
  for (const Diagnostic& d : found) CHECK(d.rule != "hard-tab");
  for (const Diagnostic& d : found) CHECK(d.rule != "list-indent");
}
