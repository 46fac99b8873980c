// What the rules leave alone on real lists (docs/validate.md "Precision"),
// the options that tune them, and the fixes of Markdown the parser read
// otherwise (FixEffect::structure) with their safety net.
#include <catch2/catch.hpp>

#include "curate/lint/duplicates.hpp"
#include "curate/lint/fix.hpp"
#include "curate/lint/lint.hpp"
#include "curate/lint/output.hpp"
#include "curate/text/error.hpp"
#include "rules_config.hpp"
#include "test_helpers.hpp"

namespace {

using namespace curate;

Linter make_linter(const Config& config = Config{}) {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, config);
  return Linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
}

std::vector<std::string> findings(const std::string& text, const std::string& rule, const Config& config = Config{}) {
  Linter linter = make_linter(config);
  std::vector<std::string> out;
  for (const Diagnostic& d : linter.finish(linter.lint(source_from_bytes("-", text), config)))
    if (d.rule == rule) out.push_back(std::to_string(d.begin.line) + ": " + d.message);
  return out;
}

}  // namespace

TEST_CASE("missing-link leaves prose lists alone: fewer than half of their items linked") {
  std::string text =
      "# T\n\n- [Cloud](https://example.com/cloud)\n  - Compute - 2 machines\n  - Storage - 5 GB\n"
      "  - Full list - https://example.com/cloud/free\n\n## Papers\n\n- [A](https://example.com/a)\n- Bayes Nets\n";
  CHECK(findings(text, "missing-link") == std::vector<std::string>{"11: entry 'Bayes Nets' has no link"});
}

TEST_CASE("missing-link leaves a study note among links alone, and still reports a name or a paper") {
  // coding-interview-university's notes, ossu's steps; a paper's reference
  // (awesome-deep-learning-papers) and a sentence-case title are entries.
  std::string text =
      "# T\n\n- [A](https://example.com/a)\n- [B](https://example.com/b)\n- [C](https://example.com/c)\n"
      "- [D](https://example.com/d)\n- [E](https://example.com/e)\n- [F](https://example.com/f)\n"
      "- [G](https://example.com/g)\n- [H](https://example.com/h)\n"
      "- No need to implement\n- These are somewhat of a cult data structure\n"
      "- Make sure to watch information theory videos first\n- Look for a job as a developer!\n"
      "- The Art of Computer Programming\n- You Don't Know JS\n- Structure and interpretation of computer programs\n"
      "- On the properties of neural machine translation: Encoder-decoder approaches (2014), K. Cho et. al.\n";
  CHECK(findings(text, "missing-link") ==
        std::vector<std::string>{
            "15: entry 'The Art of Computer Programming' has no link", "16: entry 'You Don't Know JS' has no link",
            "17: entry 'Structure and interpretation of computer programs' has no link",
            "18: entry 'On the properties of neural machine translation: Encoder-decoder approaches (2014), K. Cho et. "
            "al.' has no link"});
}

TEST_CASE("entry-format checks entries against the list's own style, so a books list is clean") {
  std::string books =
      "# T\n\n- [Ada Distilled](https://example.com/ada.pdf) - Richard Riehle (PDF)\n"
      "- [Pro Git](https://example.com/git) - Scott Chacon (HTML)\n"
      "- [Think Python](https://example.com/tp) Allen Downey (PDF)\n";
  CHECK(findings(books, "entry-format") ==
        std::vector<std::string>{"5: 'Think Python': has text after its last part that is not separated as the "
                                 "books style ([{title}]({url}) - {authors} ({formats})) separates it"});
}

TEST_CASE("entry-format names the part a reference entry misses when its title has no quotes to open it") {
  // The quick answer before the full reading (style_match.cpp
  // unreadable_part) must name the part the full reading names; curly
  // quotes still open the title.
  std::string references =
      "# T\n\n- **[1]** A. Smith. \"Deep nets.\" NeurIPS (2019) [[pdf]](https://example.com/1.pdf)\n"
      "- **[2]** B. Jones. \"Wide nets.\" ICML (2020) [[pdf]](https://example.com/2.pdf)\n"
      "- **[3]** C. Lee. Shallow nets, ICLR (2021) [[pdf]](https://example.com/3.pdf)\n"
      "- **[4]** D. Kim. \u201cCurly nets.\u201d ICLR (2022) [[pdf]](https://example.com/4.pdf)\n";
  CHECK(findings(references, "entry-format") ==
        std::vector<std::string>{"5: '[3] C. Lee. Shallow nets, ICLR (2021)': misses '\"{title}.\"' of the reference "
                                 "style (**[{n}]** {authors}. \"{title}.\" {venue} ({year}) [[pdf]]({url}))"});
}

TEST_CASE("tracking-params keeps the hosts of keep-hosts and referral tags naming GitHub or the list") {
  std::string text =
      "# Public APIs\n\n- [A](https://a.example/?utm_source=newsletter) - Tracked.\n"
      "- [B](https://b.example/?utm_campaign=Public-apis-repo) - A sponsor's tag naming the list.\n"
      "- [C](https://c.example/?utm_source=GitHub&utm_medium=referral) - From GitHub.\n"
      "- [D](https://docs.sponsor.example/?utm_source=readme) - A sponsor's host.\n";
  Config config = test::config_with_rules(R"({"tracking-params": {"keep-hosts": ["Sponsor.example"]}})");
  std::vector<std::string> found = findings(text, "tracking-params", config);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rfind("3: tracking parameters in https://a.example/", 0) == 0);
}

TEST_CASE("duplicate-title tells apart namesakes in other sections and qualified ones in one place") {
  Item first = test::parse_item("[boilerplate](https://example.com/a) *(by ann)* - One.");
  Item second = test::parse_item("[boilerplate](https://example.com/b) *(by bob)* - Two.");
  CHECK(title_duplicate(first, second, /*same_place=*/true) == TitleDuplicate::none);
  Item plain = test::parse_item("[boilerplate](https://example.com/b) - Two.");
  CHECK(title_duplicate(first, plain, true) == TitleDuplicate::same_place);
  CHECK(title_duplicate(first, plain, false) == TitleDuplicate::none);
  Item again = test::parse_item("[boilerplate](https://example.com/a?lang=en#top) - Again.");
  CHECK(title_duplicate(first, again, false) == TitleDuplicate::same_resource);
}

TEST_CASE("entry-format leaves a list that writes its entries as a link and a sentence") {
  // kili-technology/awesome-datasets: 74 of 75 entries, no separator.
  std::string text =
      "# T\n\n- [CREMA-D](https://dagshub.com/a) is a dataset of 7,442 original clips from 91 actors.\n"
      "- [GHEGA](https://bit.ly/3x6z33q) contains two groups of documents.\n"
      "- [FUNSD](https://a.org/funsd) is a dataset for form understanding.\n"
      "- [SROIE](https://a.org/sroie) - Scanned receipts.\n"
      "- [Glued](https://a.org/glued) -Scanned receipts.\n";
  std::vector<std::string> found = findings(text, "entry-format");
  REQUIRE(found.size() == 1);  // a dash without its blank is still a slip
  CHECK(found[0].find("7: 'Glued'") == 0);
  // Where most entries separate, the few that do not are reported.
  std::string most =
      "# T\n\n- [A](https://a.org/a) - One.\n- [B](https://a.org/b) - Two.\n- [C](https://a.org/c) - Three.\n"
      "- [D](https://a.org/d) is four.\n";
  CHECK(findings(most, "entry-format").size() == 1);
}

TEST_CASE("duplicate-url leaves an entry cross-listed under its own title in another section") {
  // awesome-datasets files GHEGA under two tasks; its copy-paste slip,
  // OPUS linking Break's page, is still a duplicate.
  std::string text =
      "# T\n\n## Layout\n\n- [GHEGA](https://bit.ly/3x6z33q) contains two groups.\n"
      "- [Break](https://allenai.github.io/Break/) is a question dataset.\n\n"
      "## Classification\n\n- [GHEGA](https://bit.ly/3x6z33q) contains two groups.\n"
      "- [OPUS](https://allenai.github.io/Break/) is a parallel corpus.\n\n"
      "## Again\n\n- [Dup](https://a.org/d) - One.\n- [Dup](https://a.org/d) - Same section.\n";
  std::vector<std::string> found = findings(text, "duplicate-url");
  REQUIRE(found.size() == 2);
  CHECK(found[0].find("11: 'OPUS'") == 0);
  CHECK(found[1].find("16: 'Dup'") == 0);
  // Turned on, cross-listed reports the copy filed elsewhere.
  Config config = test::config_with_rules(R"({"cross-listed": "warning"})");
  std::vector<std::string> cross = findings(text, "cross-listed", config);
  REQUIRE(cross.size() == 1);
  CHECK(cross[0].find("10: 'GHEGA'") == 0);
}

TEST_CASE("duplicate-url leaves two packages of one npm scope that link their monorepo") {
  // nestjs/awesome-nestjs: `@nestia/core` and `@nestia/migrate`.
  std::string text =
      "# T\n\n- [`@nestia/core`](https://github.com/samchon/nestia): Fast validation decorators.\n"
      "- [`@nestia/migrate`](https://github.com/samchon/nestia): Migration program.\n"
      "- [`@other/x`](https://github.com/samchon/nestia): Not of the scope.\n";
  std::vector<std::string> found = findings(text, "duplicate-url");
  REQUIRE(found.size() == 1);
  CHECK(found[0].find("5: '@other/x'") == 0);
}

TEST_CASE("duplicate-url keeps fragments: two chapters of one book are two entries") {
  Item one = test::parse_item("[Chapter 1](https://example.com/book#ch1)");
  Item two = test::parse_item("[Chapter 2](https://example.com/book#ch2)");
  Item again = test::parse_item("[Chapter 1 again](http://www.example.com/book#ch1)");
  CHECK(duplicate_url_key(one) != duplicate_url_key(two));
  CHECK(duplicate_url_key(one) == duplicate_url_key(again));
}

TEST_CASE("toc-mismatch reads <a id> anchors in headings and leaves an alphabetical index alone") {
  std::string with_ids =
      "# T\n\n## Index\n\n- [C#](#csharp)\n- [C++](#cpp)\n\n### <a id=\"csharp\"></a>C\\#\n\n"
      "- [X](https://example.com/x)\n\n### <a id=\"cpp\"></a>C++\n\n- [Y](https://example.com/y)\n";
  CHECK(findings(with_ids, "toc-mismatch").empty());
  CHECK(findings(with_ids, "local-anchor").empty());
  std::string index =
      "# T\n\n- [A](#a)\n- [B](#b)\n- [C](#c)\n- [D](#d)\n\n## D\n\nx\n\n## C\n\nx\n\n## B\n\nx\n\n## A\n\nx\n";
  CHECK(findings(index, "toc-mismatch").empty());
}

TEST_CASE("toc-mismatch leaves out the sections of a parent the table lists a selection of") {
  std::string text =
      "# T\n\n- [Languages](#languages)\n  - [Arabic](#arabic)\n  - [Hindi](#hindi)\n\n## Languages\n\n"
      "### Arabic\n\nx\n\n### Libraries\n\nx\n\n### Corpora\n\nx\n\n### Anthology\n\nx\n\n### Hindi\n\nx\n";
  CHECK(findings(text, "toc-mismatch").empty());
}

TEST_CASE("name-spelling takes more names from the words option") {
  std::string text = "# T\n\n- [X](https://example.com/x) - Models from Huggingface, stored in duckdb.\n";
  Config config = test::config_with_rules(R"({"name-spelling": {"words": ["DuckDB"]}})");
  CHECK(findings(text, "name-spelling", config) ==
        std::vector<std::string>{"3: 'Huggingface' in the text of 'X' is written 'Hugging Face'",
                                 "3: 'duckdb' in the text of 'X' is written 'DuckDB'"});
}

TEST_CASE("validate --fix repairs glued lines, headings and broken links, and every link and entry URL survives") {
  Linter linter = make_linter();
  std::string text =
      "# T\n\n#2 Methods\n\n- [A](https://example.com/a) - First.\n-[B](https://example.com/b) - Glued.\n"
      "- [C](https://example.com/c) - See (the paper)[https://example.com/c.pdf].\nNewer:\n\n"
      "- [D](https://example.com/d) - Last.\n";
  FixResult fixed = fix_file(linter, source_from_bytes("list.md", text), Config{});
  CHECK(fixed.text ==
        "# T\n\n# 2 Methods\n\n- [A](https://example.com/a) - First.\n- [B](https://example.com/b) - Glued.\n"
        "- [C](https://example.com/c) - See [the paper](https://example.com/c.pdf).\n\nNewer:\n\n"
        "- [D](https://example.com/d) - Last.\n");
  CHECK(fixed.applied == 4);
  Catalog after = test::parse_text(fixed.text);
  CHECK(count_entries(after.root) == 4);
}

TEST_CASE("validate --fix=RULE fixes only the rules named") {
  Linter linter = make_linter();
  std::string text = "# T\n\n- [ A ](https://example.com/a?utm_source=x) - First.\n- [B](https://example.com/b) - B.\n";
  FixResult fixed = fix_file(linter, source_from_bytes("list.md", text), Config{}, {"tracking-params"});
  CHECK(fixed.text == "# T\n\n- [ A ](https://example.com/a) - First.\n- [B](https://example.com/b) - B.\n");
  FixResult spaces = fix_file(linter, source_from_bytes("list.md", text), Config{}, {"link-text-spaces"});
  CHECK(spaces.text ==
        "# T\n\n- [A](https://example.com/a?utm_source=x) - First.\n- [B](https://example.com/b) - B.\n");
}

TEST_CASE("separator-style --fix writes the list's separator and leaves the entries as they were") {
  Linter linter = make_linter();
  std::string text =
      "# T\n\n- [A](https://example.com/a) - One.\n- [B](https://example.com/b) - Two.\n"
      "- [C](https://example.com/c) \xE2\x80\x94 Three.\n";
  FixResult fixed = fix_file(linter, source_from_bytes("list.md", text), Config{}, {"separator-style"});
  CHECK(fixed.applied == 1);
  CHECK(fixed.text.find("[C](https://example.com/c) - Three.") != std::string::npos);
  // awesome-ai-tools' "[GoCodeo](https://www.gocodeo.com/)- An AI Coding…":
  // a dash glued to the link is reported and fixed, whatever the list's style.
  std::string glued = "# T\n\n- [A](https://example.com/a) - One.\n- [B](https://example.com/b)- Two.\n";
  CHECK(findings(glued, "separator-style") ==
        std::vector<std::string>{
            "4: 'B' is separated from its description by '- ' with no blank before it; write ' - '"});
  // awesome-cli-apps glues it on 84 entries of 99: its habit, nothing reported.
  CHECK(findings("# T\n\n- [A](https://example.com/a)- One.\n- [B](https://example.com/b)- Two.\n"
                 "- [C](https://example.com/c) - Three.\n",
                 "separator-style")
            .empty());
  FixResult unglued = fix_file(linter, source_from_bytes("list.md", glued), Config{}, {"separator-style"});
  CHECK(unglued.text == "# T\n\n- [A](https://example.com/a) - One.\n- [B](https://example.com/b) - Two.\n");
}

TEST_CASE("a clean run prints a one-line summary when asked to (a terminal)") {
  LintOutputOptions options;
  options.files = 2;
  CHECK(format_lint_text({}, options).empty());
  options.clean_summary = true;
  CHECK(format_lint_text({}, options) == "no errors or warnings in 2 files\n");
}
