// The check as a person sees it: the progress bar fits the terminal and
// names the slowest pending URL, refused connections and unknown hosts are
// not retried, an interrupted run names what it did not check, and links in
// prose are checked at their own lines.
#include <catch2/catch.hpp>

#include "curate/catalog/config.hpp"
#include "curate/links/check.hpp"
#include "curate/lint/lint.hpp"
#include "fake_http_client.hpp"
#include "test_helpers.hpp"

using namespace curate;
using namespace curate::test;
using std::chrono::milliseconds;

namespace {

LinkProgress slow_progress() {
  LinkProgress progress;
  progress.done = 8;
  progress.total = 9;
  progress.failures = 1;
  progress.seconds = 30;
  progress.slowest = "https://very-slow.example.org/a/rather/long/path/to/a/page/that/never/answers.html";
  progress.slowest_seconds = 27;
  return progress;
}

LinkOptions quick_options() {
  LinkOptions options;
  options.retry_base = milliseconds(100);
  options.seed = 3;
  options.check_repos = false;
  return options;
}

}  // namespace

TEST_CASE("At 40 columns the progress bar still names the slow URL") {
  std::string bar = format_progress_bar(slow_progress(), 40);
  CHECK(bar.size() <= 39);
  CHECK(bar.find("8/9 1 failed 27s: very-") != std::string::npos);
  CHECK(bar.substr(bar.size() - 5) == ".html");  // shortened in the middle: both ends kept
}

TEST_CASE("The progress bar never reaches the last column, however narrow the terminal") {
  for (size_t width : {10, 20, 40, 60, 80, 200}) {
    INFO(width);
    std::string bar = format_progress_bar(slow_progress(), width);
    CHECK(bar.size() <= width - 1);
    CHECK(bar.find('\n') == std::string::npos);
  }
}

TEST_CASE("The progress bar names the slowest pending URL, shortened in the middle to fit") {
  std::string wide = format_progress_bar(slow_progress(), 200);
  CHECK(wide.find("8/9") != std::string::npos);
  CHECK(wide.find("waiting 27s: very-slow.example.org/a/rather/long/path/") != std::string::npos);
  std::string narrow = format_progress_bar(slow_progress(), 80);
  CHECK(narrow.find("waiting 27s: very-slow.") != std::string::npos);
  CHECK(narrow.find("...") != std::string::npos);
  CHECK(narrow.find("answers.html") != std::string::npos);
  LinkProgress quick = slow_progress();
  quick.slowest_seconds = 1;
  CHECK(format_progress_bar(quick, 200).find("waiting") == std::string::npos);
}

TEST_CASE("The plain progress line names the slowest pending URL in full") {
  CHECK(format_progress_line(slow_progress()) ==
        "links: 8/9 checked, 1 failed, 30 s; waiting 27 s on " + slow_progress().slowest);
}

TEST_CASE("A refused connection and an unknown host are not retried") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    return failure(request.url.find("refused") != std::string::npos ? TransportError::connect : TransportError::dns);
  });
  LinkOptions options = quick_options();
  options.retries = 3;
  Catalog catalog = parse_text("- [A](https://refused.test/) - a.\n- [B](https://unknown.test/) - b.\n");
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  LinkReport report = check_catalog_links(catalog, options, client, hooks);
  CHECK(client.started.size() == 2);
  CHECK(report.summary.dead == 2);
}

TEST_CASE("Progress names the URL pending the longest while the run waits for it") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    FakeReply answer = reply(200);
    if (request.url.find("slow") != std::string::npos) answer.latency = milliseconds(12000);
    return answer;
  });
  Catalog catalog = parse_text("- [A](https://fast.test/) - a.\n- [B](https://slow.test/) - b.\n");
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  LinkProgress longest;
  hooks.progress = [&](const LinkProgress& progress) {
    if (progress.slowest_seconds > longest.slowest_seconds) longest = progress;
  };
  LinkReport report = check_catalog_links(catalog, quick_options(), client, hooks);
  CHECK(report.findings.empty());
  CHECK(longest.slowest == "https://slow.test/");
  CHECK(longest.slowest_seconds >= 11.5);
  CHECK(longest.done == 1);
}

TEST_CASE("An interrupted run names the URLs it did not check") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    FakeReply answer = reply(200);
    if (request.url.find("hang") != std::string::npos) answer.latency = milliseconds(60000);
    return answer;
  });
  Catalog catalog = parse_text("- [A](https://ok.test/) - a.\n- [B](https://hang.test/) - b.\n");
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  hooks.cancelled = [&clock] { return clock.seconds() > 5; };
  LinkReport report = check_catalog_links(catalog, quick_options(), client, hooks);
  CHECK(report.summary.interrupted);
  CHECK(report.summary.unchecked == std::vector<std::string>{"https://hang.test/"});
  CHECK(format_link_summary(report.summary).find("(interrupted: 1 of 2 not checked)") != std::string::npos);
  CHECK(format_unchecked(report.summary) == "not checked: https://hang.test/\n");
}

TEST_CASE("Long lists of unchecked URLs are cut short") {
  LinkSummary summary;
  for (int i = 0; i < 12; ++i) summary.unchecked.push_back("https://x.test/" + std::to_string(i));
  std::string text = format_unchecked(summary, 10);
  CHECK(std::count(text.begin(), text.end(), '\n') == 11);
  CHECK(text.find("… and 2 more\n") != std::string::npos);
}

TEST_CASE("Links in paragraphs, block quotes, tables and headings are checked at their own lines") {
  std::string text =
      "# List\n"
      "\n"
      "Intro with [a dead link](https://dead.test/intro) in prose.\n"
      "\n"
      "> Quoted [dead too](https://dead.test/quote).\n"
      "\n"
      "## See [the spec](https://dead.test/heading)\n"
      "\n"
      "- [Entry](https://dead.test/entry) - an entry.\n"
      "\n"
      "| Name | Note |\n"
      "| --- | --- |\n"
      "| Plain | see [here](https://dead.test/cell) |\n";
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry);
  LintOptions lint_options;
  lint_options.keep_links = true;
  Linter linter(std::move(registry), std::move(settings), lint_options);
  FileFindings findings = linter.lint(source_from_bytes("list.md", text), Config{});
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(404); });
  LinkCheckHooks hooks;
  hooks.clock = &clock;
  hooks.text = findings.source.text;
  hooks.document_links = &findings.links;
  LinkReport report = check_catalog_links(findings.catalog, quick_options(), client, hooks);
  std::map<std::string, int> lines;
  for (const LinkFinding& finding : report.findings) lines[finding.url] = finding.diagnostic.begin.line;
  CHECK(lines == std::map<std::string, int>{{"https://dead.test/intro", 3},
                                            {"https://dead.test/quote", 5},
                                            {"https://dead.test/heading", 7},
                                            {"https://dead.test/entry", 9},
                                            {"https://dead.test/cell", 13}});
  CHECK(report.findings.size() == 5);  // the entry's link once, not again as prose
}
