// Properties fmt must keep on real lists: the seed and the corpus in tests/data
// (issue 3, "What must hold when it lands").
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

#include "curate/format/format.hpp"
#include "curate/markdown/markdown.hpp"
#include "test_helpers.hpp"

using namespace curate;

namespace {

std::vector<std::string> property_files() {
  // The seed as shipped (data/resources.md is now formatted) and as written.
  return {test::repo_path("data/resources.md"), test::repo_path("tests/golden/inputs/resources.md"),
          test::repo_path("tests/data/corpus/awesome.md"), test::repo_path("tests/data/corpus/awesome-python.md")};
}

// Every URL a reader can follow: link and image destinations from the AST,
// plus http(s) URLs written anywhere in the text (raw HTML included).
std::vector<std::string> url_multiset(const std::string& text) {
  std::vector<std::string> urls;
  MarkdownDocument document(text);
  CmarkIterPtr iter(cmark_iter_new(document.root()));
  for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
      urls.push_back(std::string("ast:") + cmark_node_get_url(node));
  }
  for (size_t at = text.find("http"); at != std::string::npos; at = text.find("http", at + 1)) {
    size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ')' &&
           text[end] != '"' && text[end] != '>')
      ++end;
    urls.push_back("text:" + text.substr(at, end - at));
  }
  std::sort(urls.begin(), urls.end());
  return urls;
}

std::string formatted(const std::string& path) { return format_markdown(read_source(path).text); }

}  // namespace

TEST_CASE("the HTML of fmt's output equals the input's after collapsing whitespace") {
  for (const std::string& path : property_files()) {
    INFO(path);
    std::string text = read_source(path).text;
    CHECK(first_html_difference(text, format_markdown(text)) == std::nullopt);
  }
}

TEST_CASE("fmt is idempotent on the seed and the corpus") {
  for (const std::string& path : property_files()) {
    INFO(path);
    std::string once = formatted(path);
    CHECK(format_markdown(once) == once);
  }
}

TEST_CASE("fmt keeps the multiset of URLs") {
  for (const std::string& path : property_files()) {
    INFO(path);
    std::string text = read_source(path).text;
    CHECK(url_multiset(format_markdown(text)) == url_multiset(text));
  }
}

TEST_CASE("fmt keeps every entry with the same fields and passes its whole safety net") {
  for (const std::string& path : property_files()) {
    INFO(path);
    std::string text = read_source(path).text;
    std::string after = format_markdown(text);
    CHECK(first_entry_difference(test::parse_text(text), test::parse_text(after)) == std::nullopt);
    SafetyResult safety = check_format_safety(text, after);
    INFO(safety.difference.value_or(""));
    CHECK(safety.ok());
  }
}

TEST_CASE("a canonical file comes back byte-identical") {
  for (const std::string& path : property_files()) {
    INFO(path);
    std::string canonical = formatted(path);
    std::string again = format_markdown(canonical);
    CHECK(again.size() == canonical.size());
    CHECK(again == canonical);
  }
  std::string handwritten = read_source(test::repo_path("tests/golden/fmt_canonical_unchanged/input.md")).text;
  CHECK(format_markdown(handwritten) == handwritten);
}

TEST_CASE("the seed's one-space-indented item and trailing spaces are normalised") {
  std::string text = read_source(test::repo_path("tests/golden/inputs/resources.md")).text;
  REQUIRE(text.find("\n - Cloud Use Cases\n") != std::string::npos);
  REQUIRE(text.find(" \n") != std::string::npos);
  std::string after = format_markdown(text);
  CHECK(after.find("\n - Cloud Use Cases") == std::string::npos);
  CHECK(after.find("\n\n- Cloud Use Cases\n  - Comparison of AWS") != std::string::npos);
  CHECK(after.find(" \n") == std::string::npos);
  CHECK(after.find("\t\n") == std::string::npos);
  CHECK(after.find("\n\n\n") == std::string::npos);
  CHECK(after.back() == '\n');
  CHECK(after.find("[MLOps Community; YouTube; 2021]") != std::string::npos);
  // Nothing else changes meaning: same entries, same rendered HTML.
  CHECK(check_format_safety(text, after).ok());
}

TEST_CASE("the shipped list is canonical") {
  std::string text = read_source(test::repo_path("data/resources.md")).text;
  CHECK(format_markdown(text) == text);
}

TEST_CASE("the corpus's tab-indented nested items keep their tabs") {
  std::string text = read_source(test::repo_path("tests/data/corpus/awesome.md")).text;
  REQUIRE(text.find("\n\t- [Cross-Platform]") != std::string::npos);
  std::string after = format_markdown(text);
  CHECK(after.find("\n\t- [Cross-Platform]") != std::string::npos);
}
