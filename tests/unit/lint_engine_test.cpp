// The rule engine around the rules: configuration, suppression comments,
// rules registered from outside, output formats and --fix.
#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "curate/lint/fix.hpp"
#include "curate/lint/lint.hpp"
#include "curate/lint/output.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/text/error.hpp"
#include "rules_config.hpp"
#include "test_helpers.hpp"

namespace {

using namespace curate;

std::vector<Diagnostic> lint(const std::string& text, const Config& config = Config{}) {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, config);
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
  return linter.finish(linter.lint(source_from_bytes("-", text), config));
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(std::to_string(d.begin.line) + " " + d.rule);
  return out;
}

std::string error_of(const Config& config) {
  try {
    LintSettings settings(builtin_rules(), config);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const std::string k_stubs = "# T\n\n- one stub\n- [X](http://example.com/x) - Plain HTTP.\n";

}  // namespace

TEST_CASE("config turns a rule off, changes its severity, or sets it with options") {
  CHECK(rules_of(lint(k_stubs)) == std::vector<std::string>{"3 missing-link", "4 insecure-link"});
  auto off = lint(k_stubs, test::config_with_rules(R"({"missing-link": "off"})"));
  CHECK(rules_of(off) == std::vector<std::string>{"4 insecure-link"});
  auto raised = lint(k_stubs, test::config_with_rules(R"({"insecure-link": "error"})"));
  REQUIRE(raised.size() == 2);
  CHECK(raised[1].severity == Severity::error);
  auto object =
      lint(k_stubs,
           test::config_with_rules(R"({"insecure-link": {"severity": "warning", "allow-hosts": ["example.com"]}})"));
  CHECK(rules_of(object) == std::vector<std::string>{"3 missing-link"});
}

TEST_CASE("a rule option changes what the rule reports") {
  std::string text = "# T\n\n- \"A\" [Ann; book; 2025-12-10](https://example.com/a)\n";
  CHECK(rules_of(lint(text)) == std::vector<std::string>{"3 malformed-date"});
  CHECK(lint(text, test::config_with_rules(R"({"malformed-date": {"future-slack-days": 30}})")).empty());
}

TEST_CASE("config errors name the file and suggest the closest rule or option") {
  CHECK(error_of(test::config_with_rules(R"({"mising-link": "off"})")) ==
        "\"rules\": unknown rule 'mising-link' (did you mean 'missing-link'?)");
  CHECK(error_of(test::config_with_rules(R"({"malformed-date": {"future-slack-day": 3}})")) ==
        "\"rules\": rule 'malformed-date' has no option 'future-slack-day' (did you mean 'future-slack-days'?)");
  CHECK(error_of(test::config_with_rules(R"({"missing-link": "fatal"})")) ==
        "\"rules\": the severity of \"missing-link\" must be \"off\", \"warning\" or \"error\"");
  CHECK(error_of(test::config_with_rules(R"({"malformed-date": {"future-slack-days": "x"}})")) ==
        "\"rules\": option \"future-slack-days\" of \"malformed-date\" must be a number");
}

TEST_CASE("curate-disable and curate-enable switch rules off and on for a region") {
  std::string text =
      "# T\n\n<!-- curate-disable missing-link -->\n\n- stub a\n- [L](https://example.com/l)\n\n"
      "<!-- curate-enable missing-link -->\n\n- stub b\n- [M](https://example.com/m)\n";
  CHECK(rules_of(lint(text)) == std::vector<std::string>{"10 missing-link"});
}

TEST_CASE("curate-disable without rules switches every rule off, and enable RULE brings one back") {
  std::string text =
      "# T\n\n<!-- curate-disable -->\n\n- stub a\n- [X](http://example.com/x) - d\n\n"
      "<!-- curate-enable insecure-link -->\n\n- stub b\n- [Y](http://example.com/y) - d\n";
  CHECK(rules_of(lint(text)) == std::vector<std::string>{"11 insecure-link"});
}

TEST_CASE("curate-disable-next-line silences only the next line, with an optional reason") {
  std::string text =
      "# T\n\n<!-- curate-disable-next-line missing-link, insecure-link -- placeholders -->\n- stub a\n- stub b\n"
      "- [L](https://example.com/l)\n- [M](https://example.com/m)\n";
  CHECK(rules_of(lint(text)) == std::vector<std::string>{"5 missing-link"});
}

TEST_CASE("a suppression comment inside a code block is text, not a comment") {
  std::string text = "# T\n\n```\n<!-- curate-disable -->\n```\n\n- stub a\n- [L](https://example.com/l)\n";
  CHECK(rules_of(lint(text)) == std::vector<std::string>{"7 missing-link"});
}

TEST_CASE("a misspelt rule in a suppression comment is reported with a suggestion") {
  auto found = lint("# T\n\n<!-- curate-disable-next-line mising-link -->\n- stub a\n- [L](https://example.com/l)\n");
  REQUIRE(rules_of(found) == std::vector<std::string>{"3 invalid-suppression", "4 missing-link"});
  CHECK(found[0].message == "unknown rule 'mising-link' in a suppression comment (did you mean 'missing-link'?)");
}

TEST_CASE("rules registered from outside get config severities, suppressions and sorting") {
  RuleRegistry registry = builtin_rules();
  registry.add({"dead-link", "Links resolve", Severity::error, false, "Checked over HTTP."});
  Config config = test::config_with_rules(R"({"dead-link": "warning"})");
  LintSettings settings(registry, config);
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
  FileFindings findings = linter.lint(
      source_from_bytes("list.md",
                        "# T\n\n- [A](https://a.example/) - d\n<!-- curate-disable-next-line dead-link -->\n"
                        "- [B](https://b.example/) - d\n"),
      config);
  findings.diagnostics.push_back({"list.md", {5, 3}, {5, 3}, "dead-link", Severity::error, "404", false});
  findings.diagnostics.push_back({"list.md", {3, 3}, {3, 3}, "dead-link", Severity::error, "410", false});
  auto found = linter.finish(findings);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "410");
  CHECK(found[0].severity == Severity::warning);
}

// The checks run in two groups, side by side on two threads (Linter::lint).
TEST_CASE("validate finds the same findings and fixes in the same order on one thread and on two") {
  Config config;
  Linter linter(builtin_rules(), LintSettings(builtin_rules(), config), LintOptions{"2025-11-26", {}});
  SourceFile source = read_source(test::repo_path("tests/data/corpus/awesome-python.md"));
  // Findings of both groups: whole-context, comparing and per-entry rules.
  source.text +=
      "\n## Again\n\n- [The Django framework](https://github.com/django/django) - same page.\n- "
      "[x](http://a.example/?utm_source=x) - "
      "Hosted on Github.\n";
  unsigned before = parse_jobs();
  set_parse_jobs(1);
  FileFindings one = linter.lint(source, config);
  set_parse_jobs(2);
  FileFindings two = linter.lint(source, config);
  set_parse_jobs(before);
  auto described = [](const FileFindings& findings) {
    std::vector<std::string> out;
    for (const Diagnostic& d : findings.diagnostics)
      out.push_back(std::to_string(d.begin.line) + ":" + std::to_string(d.begin.column) + " " + d.rule + " " +
                    d.message);
    for (const TextEdit& e : findings.edits)
      out.push_back(e.rule + " @" + std::to_string(e.offset) + " " + e.replacement);
    return out;
  };
  std::vector<std::string> found = described(one);
  CHECK(found == described(two));
  auto has = [&](const std::string& rule) {
    return std::any_of(one.diagnostics.begin(), one.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.rule == rule; });
  };
  CHECK(has("duplicate-url"));    // compares entries: beside the whole-context checks
  CHECK(has("tracking-params"));  // whole context
  CHECK(has("name-spelling"));    // one entry at a time
}

TEST_CASE("a check that fails on the other thread fails validate as it does on one") {
  for (unsigned jobs : {1u, 2u}) {
    RuleRegistry registry = builtin_rules();
    registry.add_comparing_item_rule({"explodes", "Fails", Severity::error, false, "A test rule."},
                                     [](const LintContext&, RuleReporter&) -> ItemCheck {
                                       return [](const ItemVisit&) { throw Error("the check failed"); };
                                     });
    LintSettings settings(registry);
    Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
    unsigned before = parse_jobs();
    set_parse_jobs(jobs);
    CHECK_THROWS_WITH(linter.lint(source_from_bytes("-", "# T\n\n- [A](https://a.example/) - d\n"), Config{}),
                      "the check failed");
    set_parse_jobs(before);
  }
}

TEST_CASE("github output escapes data and properties exactly as the Actions toolkit does") {
  CHECK(github_escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d");
  CHECK(github_escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
  Diagnostic d{"dir/a,b:c.md", {3, 5}, {3, 9}, "bad-url", Severity::error, "bad URL '50%'\nx", false};
  Diagnostic w{"x.md", {1, 1}, {1, 1}, "missing-link", Severity::warning, "entry 'A: b, c' has no link", false};
  CHECK(format_lint_github({d, w}, LintOutputOptions{}) ==
        "::error file=dir/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=9,title=bad-url::bad URL '50%25'%0Ax\n"
        "::warning file=x.md,line=1,col=1,endLine=1,endColumn=1,title=missing-link::entry 'A: b, c' has no link\n");
}

TEST_CASE("text output prints one line per finding and a summary, and nothing when clean") {
  Diagnostic d{"a.md", {3, 5}, {3, 9}, "bad-url", Severity::error, "bad", false};
  Diagnostic w{"a.md", {4, 1}, {4, 1}, "trailing-whitespace", Severity::warning, "ws", true};
  CHECK(format_lint_text({d, w}, LintOutputOptions{}) ==
        "a.md:3:5: error: bad [bad-url]\na.md:4:1: warning: ws [trailing-whitespace]\n"
        "1 error and 1 warning in 1 file (1 fixable with --fix)\n");
  CHECK(format_lint_text({}, LintOutputOptions{}).empty());
}

TEST_CASE("json output is an array of diagnostics with positions, rule and severity") {
  Diagnostic d{"a.md", {3, 5}, {3, 9}, "bad-url", Severity::error, "bad", false};
  auto json = nlohmann::json::parse(format_lint_json({d}));
  REQUIRE(json.size() == 1);
  CHECK(json[0]["file"] == "a.md");
  CHECK(json[0]["line"] == 3);
  CHECK(json[0]["column"] == 5);
  CHECK(json[0]["endColumn"] == 9);
  CHECK(json[0]["rule"] == "bad-url");
  CHECK(json[0]["severity"] == "error");
  CHECK(nlohmann::json::parse(format_lint_json({})).empty());
}

TEST_CASE("sarif locations are relative to the root with UTF-16 columns and an exclusive end") {
  LintOutputOptions options;
  options.root = "/repo";
  options.sources["/repo/docs/list.md"] = "# T\n\n- \xC3\xA9\xF0\x9F\x98\x80 [x]() - d\n";
  Diagnostic d{"/repo/docs/list.md", {3, 10}, {3, 15}, "bad-url", Severity::error, "bad", false};
  auto log = nlohmann::json::parse(format_lint_sarif({d}, builtin_rules(), options));
  auto& result = log["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "bad-url");
  CHECK(log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"] == "bad-url");
  auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "docs/list.md");
  CHECK(location["region"]["startColumn"] == 7);  // after "- " + é (1 unit) + 😀 (2 units) + " "
  CHECK(location["region"]["endColumn"] == 13);
}

TEST_CASE("validate --fix removes tracking parameters, fixes unique tag typos and metadata commas") {
  std::string text =
      "# T\n\n> - *cult*: famous\n\n- *cutl*: \"A\" [Ann; Blog & Paper, "
      "2021-05](https://example.com/a?utm_source=x&id=2)\n";
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry);
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
  FixResult fixed = fix_file(linter, source_from_bytes("list.md", text), Config{});
  CHECK(fixed.applied == 3);
  CHECK(fixed.text ==
        "# T\n\n> - *cult*: famous\n\n- *cult*: \"A\" [Ann; Blog & Paper; 2021-05](https://example.com/a?id=2)\n");
}

TEST_CASE("validate --fix leaves switched-off and suppressed findings alone") {
  std::string text =
      "# T\n\n<!-- curate-disable-next-line tracking-params -->\n- [A](https://a.example/?utm_source=x) - d\n"
      "- [B](https://b.example/?fbclid=1) - d  \n";
  Config config = test::config_with_rules(R"({"trailing-whitespace": "off"})");
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry, config);
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
  FixResult fixed = fix_file(linter, source_from_bytes("list.md", text), config);
  CHECK(fixed.applied == 1);
  CHECK_FALSE(fixed.formatted);
  CHECK(fixed.text ==
        "# T\n\n<!-- curate-disable-next-line tracking-params -->\n- [A](https://a.example/?utm_source=x) - d\n"
        "- [B](https://b.example/) - d  \n");
}

TEST_CASE("validate --fix runs the fmt emitter for layout findings") {
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry);
  Linter linter(std::move(registry), std::move(settings), LintOptions{"2025-11-26", {}});
  FixResult fixed =
      fix_file(linter, source_from_bytes("list.md", "# T\n\n*  [A](https://a.example/) - d \n\n\n"), Config{});
  CHECK(fixed.formatted);
  CHECK(fixed.text == "# T\n\n*  [A](https://a.example/) - d\n");
}

TEST_CASE("how --fix treats a rule is a flag on the rule, never its id") {
  RuleRegistry registry = builtin_rules();
  std::map<std::string, FixEffect> fixable;
  for (const Rule& rule : registry.rules())
    if (rule.info.fixable) fixable[rule.info.id] = rule.info.fix_effect;
  CHECK(fixable == std::map<std::string, FixEffect>{{"blank-lines", FixEffect::layout},
                                                    {"bullet-style", FixEffect::layout},
                                                    {"final-newline", FixEffect::layout},
                                                    {"hard-tab", FixEffect::layout},
                                                    {"heading-space", FixEffect::structure},
                                                    {"lazy-continuation", FixEffect::structure},
                                                    {"link-syntax", FixEffect::structure},
                                                    {"link-text-spaces", FixEffect::text},
                                                    {"list-indent", FixEffect::layout},
                                                    {"list-marker-space", FixEffect::structure},
                                                    {"metadata-separator", FixEffect::text},
                                                    {"separator-style", FixEffect::text},
                                                    {"tracking-params", FixEffect::url},
                                                    {"trailing-whitespace", FixEffect::layout},
                                                    {"unknown-tag", FixEffect::tag}});
}
