// Every built-in rule of curate validate against its two fixtures in
// tests/data/lint: <rule>.bad.md triggers it, <rule>.good.md is clean.
#include <catch2/catch.hpp>

#include <filesystem>

#include "curate/format/format.hpp"
#include "curate/lint/fix.hpp"
#include "curate/lint/lint.hpp"
#include "test_helpers.hpp"

namespace {

using namespace curate;

constexpr const char* k_today = "2025-11-26";

Linter rules_linter(const Config& config = Config{}) {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, config);
  return Linter(std::move(registry), std::move(settings), LintOptions{k_today, {}});
}

std::vector<Diagnostic> lint_file(const Linter& linter, const std::string& path, const Config& config = Config{}) {
  return linter.finish(linter.lint(read_source(path), config));
}

std::vector<Diagnostic> lint_text(const Linter& linter, const std::string& text) {
  return linter.finish(linter.lint(source_from_bytes("-", text), Config{}));
}

int count_rule(const std::vector<Diagnostic>& diagnostics, const std::string& rule) {
  return static_cast<int>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; }));
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics)
    out +=
        std::to_string(d.begin.line) + ":" + std::to_string(d.begin.column) + " " + d.message + " [" + d.rule + "]\n";
  return out;
}

}  // namespace

TEST_CASE("every built-in rule has a fixture that triggers it and one that is clean") {
  Linter linter = rules_linter();
  for (const Rule& rule : linter.registry().rules()) {
    const std::string& id = rule.info.id;
    std::string bad = test::repo_path("tests/data/lint/" + id + ".bad.md");
    std::string good = test::repo_path("tests/data/lint/" + id + ".good.md");
    INFO("rule " << id);
    REQUIRE(std::filesystem::exists(bad));
    REQUIRE(std::filesystem::exists(good));
    // A rule that needs settings finds them beside its fixtures (<rule>.curate.json).
    std::string settings = test::repo_path("tests/data/lint/" + id + ".curate.json");
    Config config = std::filesystem::exists(settings) ? load_config(settings) : Config{};
    // (A rule that is off by default is turned on there.)
    Linter configured = rules_linter(config);
    std::vector<Diagnostic> found = lint_file(configured, bad, config);
    INFO(describe(found));
    CHECK(count_rule(found, id) > 0);
    std::vector<Diagnostic> clean = lint_file(configured, good, config);
    INFO(describe(clean));
    CHECK(clean.empty());
  }
}

TEST_CASE("rule ids are kebab-case with a one-line description and a default severity") {
  RuleRegistry registry = builtin_rules();
  for (const Rule& rule : registry.rules()) {
    INFO(rule.info.id);
    CHECK(rule.info.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos);
    CHECK(!rule.info.description.empty());
    CHECK(rule.info.description.find('\n') == std::string::npos);
    CHECK(!rule.info.help.empty());
  }
}

TEST_CASE("malformed-date names the wrong month, the missing day, the future and the wrong shape") {
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/malformed-date.bad.md"));
  std::string all = describe(found);
  CHECK(all.find("'2016-13' of 'A' has month 13") != std::string::npos);
  CHECK(all.find("'2021-02-30' of 'B' has day 30") != std::string::npos);
  CHECK(all.find("'2999-01' of 'C' is in the future (today is 2025-11-26)") != std::string::npos);
  CHECK(all.find("'2021/05/03' of 'D' is not written YYYY") != std::string::npos);
}

TEST_CASE("description-repeats-title hears the name as a subject before a full-width colon too") {
  // awesome-japanese-nlp-resources writes "Konoha：日本語…" as "NMeCab: .NET上の…".
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/description-repeats-title.bad.md"));
  CHECK(count_rule(found, "description-repeats-title") == 2);
}

TEST_CASE("duplicate-url names both places and ignores scheme, www, trailing slash and tracking") {
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/duplicate-url.bad.md"));
  REQUIRE(count_rule(found, "duplicate-url") == 1);
  CHECK(describe(found).find("4:1 'Y' links to the same URL as 'X' at line 3") != std::string::npos);
}

TEST_CASE("duplicate-url passes a component that names its project, not a description that uses its word") {
  auto found = lint_text(rules_linter(),
                         "# L\n\n## S\n\n- [Django](https://djangoproject.com) - A web framework.\n"
                         "- [geodjango](https://djangoproject.com) - (part of Django) A geographic framework.\n"
                         "- [hatch](https://github.com/pypa/hatch) - Project manager.\n"
                         "- [hatchling](https://github.com/pypa/hatch) - Build backend from the hatch project.\n"
                         "- [Streaming](https://github.com/mosaicml/streaming) - Data loading.\n"
                         "- [MosaicML Streaming](https://github.com/mosaicml/streaming) - Fast, deterministic "
                         "streaming of large datasets.\n");
  REQUIRE(count_rule(found, "duplicate-url") == 1);
  CHECK(describe(found).find("10:1 'MosaicML Streaming' links to the same URL as 'Streaming' at line 9") !=
        std::string::npos);
}

TEST_CASE("duplicate-url tells apart URLs whose ids (32-bit hashes) collide") {
  // FNV-1a gives both URLs the id 44ed4fd2; only the third entry repeats one.
  auto found = lint_text(rules_linter(),
                         "# L\n\n## S\n\n- [A](https://example.com/7a9cf)\n- [B](https://example.com/ad928)\n"
                         "- [C](http://www.example.com/ad928/)\n");
  REQUIRE(count_rule(found, "duplicate-url") == 1);
  CHECK(describe(found).find("7:1 'C' links to the same URL as 'B' at line 6") != std::string::npos);
}

TEST_CASE("duplicate-url compares a URL written in another form, first or later, with its normal form") {
  // The check keys a URL already in normal form by the entry's own text and
  // keeps a copy of the others' normal forms: both orders and both copies.
  auto found =
      lint_text(rules_linter(),
                "# L\n\n## S\n\n- [A](http://www.example.com/a/)\n- [B](https://example.com/a)\n"
                "- [C](http://example.com/b/)\n- [D](http://www.example.com/b)\n- [E](https://example.com/c)\n");
  REQUIRE(count_rule(found, "duplicate-url") == 2);
  std::string all = describe(found);
  CHECK(all.find("6:1 'B' links to the same URL as 'A' at line 5") != std::string::npos);
  CHECK(all.find("8:1 'D' links to the same URL as 'C' at line 7") != std::string::npos);
}

TEST_CASE("unknown-tag suggests the closest tag of the vocabulary and is fixable only then") {
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/unknown-tag.bad.md"));
  REQUIRE(count_rule(found, "unknown-tag") == 2);
  CHECK(found[0].message == "unknown tag 'cutl' (did you mean 'cult'?)");
  CHECK(found[0].fixable);
  CHECK(found[1].message == "unknown tag 'other'; the vocabulary is: cult, intro");
  CHECK_FALSE(found[1].fixable);
}

TEST_CASE("local-anchor resolves GitHub slugs, the title, HTML ids and suggests the closest slug") {
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/local-anchor.bad.md"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "no heading has the anchor #big-dta (did you mean #big-data?)");
}

TEST_CASE("toc-mismatch reports the order and a section the table of contents leaves out") {
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/toc-mismatch.bad.md"));
  std::string all = describe(found);
  CHECK(all.find("table of contents lists 'B' before 'A', but the headings come in the other order") !=
        std::string::npos);
  CHECK(all.find("section 'C' is missing from the table of contents") != std::string::npos);
  CHECK(all.find("'License'") == std::string::npos);  // after the last section it lists: not its business
}

// The seed's other 22 items without a link are in outline lists none of whose
// items is linked or tagged ("- DVC - MLFlow - KubeFlow", the topics
// "Multilayer Perceptron (MLP)", …): lists without entries, which
// missing-link leaves alone (docs/validate.md). "Attention is all you need"
// is the one stub among entries.
TEST_CASE("the seed list after fmt has no errors and only its stub, 3 empty sections and one comma") {
  SourceFile seed = read_source(test::repo_path("data/resources.md"));
  std::string formatted = format_markdown(seed.text);
  auto found = lint_text(rules_linter(), formatted);
  INFO(describe(found));
  CHECK(count_diagnostics(found).errors == 0);
  CHECK(count_rule(found, "missing-link") == 1);
  CHECK(count_rule(found, "empty-section") == 3);
  CHECK(count_rule(found, "metadata-separator") == 1);  // LaMDA's "Blog & Paper, 2021-05"; --fix repairs it
  CHECK(found.size() == 5);
}

TEST_CASE("the seed list after validate --fix keeps only its stubs and empty sections") {
  Linter linter = rules_linter();
  SourceFile seed = read_source(test::repo_path("data/resources.md"));
  FixResult fixed = fix_file(linter, seed, Config{});
  CHECK(fixed.applied == 1);  // LaMDA's metadata comma; the layout is fixed too when the file is not canonical
  auto found = lint_text(linter, fixed.text);
  INFO(describe(found));
  CHECK(count_rule(found, "missing-link") == 1);
  CHECK(count_rule(found, "empty-section") == 3);
  CHECK(found.size() == 4);
}

TEST_CASE("the corpus lists raise no entry-format, bad-url, local-anchor or toc-mismatch finding") {
  Linter linter = rules_linter();
  for (const char* name : {"tests/data/corpus/awesome.md", "tests/data/corpus/awesome-python.md"}) {
    auto found = lint_file(linter, test::repo_path(name));
    INFO(name << "\n" << describe(found));
    for (const char* rule : {"entry-format", "bad-url", "local-anchor", "toc-mismatch", "heading-increment",
                             "empty-link-text", "unbalanced-quotes"})
      CHECK(count_rule(found, rule) == 0);
  }
}

TEST_CASE("trailing-whitespace leaves the two spaces of a hard break fmt cannot write as a backslash") {
  Linter linter = rules_linter();
  CHECK(count_rule(lint_text(linter, "# T\n\nc_  \nd\n\ne\\  \nf\n"), "trailing-whitespace") == 0);
  CHECK(count_rule(lint_text(linter, "# T\n\nc_   \nd\n\nword  \ne\n"), "trailing-whitespace") == 2);
}

TEST_CASE("unbalanced-brackets and separator-style match a link's brackets past escaped and nested ones") {
  Linter linter = rules_linter();
  // Titles and URLs of every length up to eight more bytes, with escaped
  // brackets in the title and parentheses in the URL: a well-formed entry
  // has no finding.
  for (size_t pad = 0; pad < 9; ++pad) {
    std::string title = std::string(pad, 'x') + " \\[a\\] (b)";
    std::string url = "https://a.org/" + std::string(pad, 'p') + "_(c)";
    std::string text = "# L\n\n## S\n\n- [" + title + "](" + url + ") - A tool (" + std::string(pad, 'q') + ").\n";
    INFO(text);
    std::vector<Diagnostic> found = lint_text(linter, text);
    CHECK(count_rule(found, "unbalanced-brackets") == 0);
    CHECK(count_rule(found, "separator-style") == 0);
    // The same with a bracket left open after the link.
    std::string open = "# L\n\n## S\n\n- [" + title + "](" + url + ") - A tool (" + std::string(pad, 'q') + ".\n";
    CHECK(count_rule(lint_text(linter, open), "unbalanced-brackets") == 1);
  }
}

TEST_CASE("trailing-whitespace calls two spaces a hard break only inside a paragraph that goes on") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found = lint_text(linter,
                                            "# L\n\n## Head  \n\nEnds a block.  \n- [a](https://a.org) - A.  \n\n"
                                            "Line one  \nline two\n");
  std::string messages = describe(found);
  INFO(messages);
  CHECK(messages.find("3:8 trailing whitespace [trailing-whitespace]") != std::string::npos);
  CHECK(messages.find("5:14 trailing whitespace [trailing-whitespace]") != std::string::npos);
  CHECK(messages.find("6:26 trailing whitespace [trailing-whitespace]") != std::string::npos);
  CHECK(messages.find("8:9 trailing spaces (a hard line break: end the line with a backslash instead)") !=
        std::string::npos);
  CHECK(count_rule(found, "trailing-whitespace") == 4);
}

TEST_CASE("hard-tab leaves the tabs that pad a table's cells, which fmt keeps") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found =
      lint_text(linter, "# L\n\n| Name | About |\n|---|---|\n| [a](https://a.org)\t\t| A tool |\n\nA\ttab.\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "hard-tab") == 1);
  CHECK(describe(found).find("7:2 hard tab") != std::string::npos);
}

TEST_CASE("entry-format passes a pointer to another list written in emphasis") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found =
      lint_text(linter,
                "# L\n\n## A\n\n- [JavaScript](https://js.org) - A language.\n"
                "  - *See also [JSwiki](https://jswiki.org/)*\n"
                "- [B](https://b.org) - Another one.\n- [C](https://c.org) - And one more.\n");
  INFO(describe(found));
  CHECK(count_rule(found, "entry-format") == 0);
}

TEST_CASE("duplicate-title tells namesakes apart by a credit after the link or by authors in common") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found =
      lint_text(linter,
                "# L\n\n## Recipes\n\n- [recipes](https://github.com/b/recipes) by @bzimmerman - Tasty recipes.\n"
                "- [recipes](https://github.com/s/recipes) by @schacon - Other recipes.\n\n"
                "## Books\n\n- [Linear Algebra](https://a.org/la) - Jim Hefferon (PDF)\n"
                "- [Linear Algebra](https://b.org/la) - David Cherney, Tom Denton (PDF)\n"
                "- [Think Python](https://c.org/tp) - Allen B. Downey (HTML)\n"
                "- [Think Python](https://d.org/tp) - Allen B. Downey, Christophe Gesqui\xC3\xA8re (HTML)\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "duplicate-title") == 1);
  CHECK(describe(found).find("13:1 title 'Think Python'") != std::string::npos);
}

TEST_CASE("duplicate-title leaves alone table rows named by a category column, and a link in a description cell") {
  // cloudcommunity/Free-Certifications: no column names the certification,
  // and 21 rows of one table are "Cilium"; 66 warnings of 74.
  Linter linter = rules_linter();
  std::vector<Diagnostic> found = lint_text(
      linter,
      "# L\n\n## General\n\n| Technology | Provider | Description | Link | Expiration |\n|---|---|---|---|---|\n"
      "| Cilium | Isovalent | Cilium Ingress Controller | [Link](https://isovalent.com/labs/ingress/) | Unknown |\n"
      "| Cilium | Isovalent | Cilium Network Policy | [Link](https://isovalent.com/labs/policy/) | Unknown |\n\n"
      "## APIs\n\n| API | Description | Link |\n|---|---|---|\n| Covid-19 | Cases | [Link](https://a.org/c) |\n"
      "| Covid-19 | Deaths | [Link](https://b.org/c) |\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "duplicate-title") == 1);  // the API column names its rows
  CHECK(describe(found).find("title 'Covid-19'") != std::string::npos);
  Catalog catalog = test::parse_text(
      "| Provider | Description | Link |\n|---|---|---|\n| Salesforce | Free courses. Also, a free "
      "[preparation webinar](https://trailhead.salesforce.com/days). | [Link](https://trailhead.salesforce.com/home) "
      "|\n");
  auto rows = collect_entries(catalog);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].item->title == "Salesforce");
  CHECK(rows[0].item->url == "https://trailhead.salesforce.com/home");
  CHECK(rows[0].item->description == "Free courses. Also, a free preparation webinar.");
}

TEST_CASE("a section of credits holds no entries, and no table of contents must list it") {
  // awesome-github-profile-readme's "## Special Thanks 🙇", Awesome-FL's "## Acknowledgments".
  std::string text =
      "# L\n\n- [Tools](#tools)\n- [License](#license)\n\n## Tools\n\n- [Alpha](https://alpha.org) - A tool.\n\n"
      "## Special Thanks \xF0\x9F\x99\x87\n\n- [Zetao Zhuang](https://github.com/zzetao) for making the site!\n\n"
      "## License\n\nMIT, see [LICENSE](https://license.org).\n";
  Catalog catalog = test::parse_text(text);
  auto entries = collect_entries(catalog);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].item->title == "Alpha");
  std::vector<Diagnostic> found = lint_text(rules_linter(), text);
  INFO(describe(found));
  CHECK(count_rule(found, "entry-format") == 0);
  CHECK(count_rule(found, "toc-mismatch") == 0);
  CHECK(is_credits_heading(":pray: Acknowledgements:"));
  CHECK(is_credits_heading("Built and maintained by"));  // awesome-italia-remote's two authors
  CHECK(
      is_credits_heading("Cr\xC3\xA9"
                         "ditos"));     // a Portuguese list's thanks
  CHECK(is_credits_heading("Legend"));  // awesome-mcp-servers' marks
  CHECK_FALSE(is_credits_heading("Thanksgiving recipes"));
}

TEST_CASE("single-title: a file whose first heading is no level-1 heading has no title, its level-1 headings parts") {
  // diff-usion/Awesome-Diffusion-Models: badges, a sentence and "## Contents"
  // over "# Resources" and "# Papers".
  Linter linter = rules_linter();
  std::vector<Diagnostic> parts =
      lint_text(linter,
                "Papers on diffusion.\n\n## Contents\n\n- [Resources](#resources)\n- [Papers](#papers)\n\n"
                "# Resources\n\n- [A](https://a.org) - A.\n\n# Papers\n\n- [B](https://b.org) - B.\n");
  INFO(describe(parts));
  CHECK(count_rule(parts, "single-title") == 0);
  std::vector<Diagnostic> titled =
      lint_text(linter, "# Title\n\n## A\n\n- [A](https://a.org) - A.\n\n# Other\n\n- [B](https://b.org) - B.\n");
  CHECK(count_rule(titled, "single-title") == 1);
}

TEST_CASE("link-syntax reports a blank in a link's destination, not a title or a blank before the parenthesis") {
  auto found = lint_file(rules_linter(), test::repo_path("tests/data/lint/link-syntax.bad.md"));
  INFO(describe(found));
  CHECK(count_rule(found, "link-syntax") == 4);
  CHECK(describe(found).find("'http://hackage.haskell.org/packages/#cat:IRC Client' holds a blank, so it is no link: "
                             "write 'http://hackage.haskell.org/packages/#cat:IRC%20Client'") != std::string::npos);
  CHECK(count_rule(lint_file(rules_linter(), test::repo_path("tests/data/lint/link-syntax.good.md")), "link-syntax") ==
        0);
}

TEST_CASE("heading-punctuation passes shortcodes one after another closing a heading") {
  // awesome-design's "## Social Network :couple::couple:".
  std::vector<Diagnostic> found = lint_text(rules_linter(),
                                            "# T\n\n## Social Network :couple::couple:\n\n- [A](https://a.org) - A.\n\n"
                                            "## Tools:\n\n- [B](https://b.org) - B.\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "heading-punctuation") == 1);
  CHECK(describe(found).find("Tools") != std::string::npos);
}

TEST_CASE("duplicate-url passes a nested item that repeats its parent's URL, and reports a sibling that does") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found =
      lint_text(linter,
                "# L\n\n## Cloud\n\n- [IBM Cloud](https://www.ibm.com/cloud/free/) - Free tier.\n"
                "  - Full, detailed list - https://www.ibm.com/cloud/free/\n"
                "- [IBM](https://www.ibm.com/cloud/free) - Again.\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "duplicate-url") == 1);
  CHECK(describe(found).find("7:1 'IBM' links to the same URL") != std::string::npos);
}

TEST_CASE("a link in a paragraph a table split is reported on its own line (fuzz finding 16)") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found = lint_text(
      linter, "# T\n\nIntro.\n\n## A\n\n| a | b |\n| [x](http://x.org) | y |\n| c | d |\n|---|---|\n| e | f |\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "insecure-link") == 1);
  CHECK(describe(found).find("8:2 insecure link http://x.org") != std::string::npos);
}

TEST_CASE("local-anchor quotes the anchor as written, even one whose escape decodes to no UTF-8 (fuzz finding 18)") {
  Linter linter = rules_linter();
  std::vector<Diagnostic> found =
      lint_text(linter, "# T\n\n## Art and design\n\n- [Art & Design](#art-%design)\n- [Caf\xC3\xA9](#caf%C3%A9)\n");
  INFO(describe(found));
  REQUIRE(count_rule(found, "local-anchor") == 2);
  CHECK(describe(found).find("no heading has the anchor #art-%design") != std::string::npos);
  CHECK(describe(found).find("no heading has the anchor #caf%C3%A9") != std::string::npos);
}
