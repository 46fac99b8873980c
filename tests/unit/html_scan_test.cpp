// The streaming HTML scanner: start tags with attributes, captured text,
// chunk boundaries anywhere, stopping early, and handler exceptions.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "curate/links/html_scan.hpp"

using namespace curate;

namespace {

const char* k_page = R"(<!DOCTYPE html>
<html><head><title>A &amp; B</title>
<meta property="og:title" content="Open &quot;Graph&quot;">
<script type="application/ld+json">{"@type": "Article", "name": "x < y"}</script>
</head>
<body><h1 id="intro">Intro</h1><p>text <a name="old-anchor">here</a><input disabled>
<div id=unquoted class='a b'>x</div></body></html>)";

struct Seen {
  std::vector<std::string> elements;  // "name attr=value …"
  std::vector<std::string> texts;     // "element: text"
};

HtmlScanner::Handlers recorder(Seen& seen) {
  HtmlScanner::Handlers handlers;
  handlers.on_element = [&seen](const HtmlElement& element) {
    std::string line(element.name);
    for (const HtmlAttribute& attribute : element.attributes)
      line += " " + std::string(attribute.name) + "=" + std::string(attribute.value);
    seen.elements.push_back(line);
  };
  handlers.capture = [](const HtmlElement& element) {
    const std::string_view* type = element.attribute("type");
    return element.name == "title" || (element.name == "script" && type && *type == "application/ld+json");
  };
  handlers.on_text = [&seen](std::string_view element, std::string text) {
    seen.texts.push_back(std::string(element) + ": " + text);
  };
  return handlers;
}

Seen scan(std::string_view page, size_t chunk) {
  Seen seen;
  HtmlScanner scanner(recorder(seen));
  for (size_t at = 0; at < page.size(); at += chunk) scanner.feed(page.substr(at, chunk));
  scanner.finish();
  return seen;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("Every start tag reaches the element callback with its decoded attributes") {
  Seen seen = scan(k_page, 1 << 20);
  CHECK(has(seen.elements, "meta property=og:title content=Open \"Graph\""));
  CHECK(has(seen.elements, "h1 id=intro"));
  CHECK(has(seen.elements, "a name=old-anchor"));
  CHECK(has(seen.elements, "input disabled="));
  CHECK(has(seen.elements, "div id=unquoted class=a b"));
}

TEST_CASE("Text inside chosen elements is captured, script content included") {
  Seen seen = scan(k_page, 1 << 20);
  CHECK(seen.texts ==
        std::vector<std::string>{"title: A & B", "script: {\"@type\": \"Article\", \"name\": \"x < y\"}"});
}

TEST_CASE("A page fed one byte at a time reads the same as one fed whole") {
  Seen whole = scan(k_page, 1 << 20);
  Seen bytes = scan(k_page, 1);
  CHECK(bytes.elements == whole.elements);
  CHECK(bytes.texts == whole.texts);
}

TEST_CASE("Stopping from a handler ends the scan: feed says so and no callback follows") {
  std::vector<std::string> ids;
  HtmlScanner* self = nullptr;
  HtmlScanner::Handlers handlers;
  handlers.on_element = [&](const HtmlElement& element) {
    if (const std::string_view* id = element.attribute("id")) ids.emplace_back(*id);
    if (!ids.empty()) self->stop();
  };
  HtmlScanner scanner(handlers);
  self = &scanner;
  CHECK_FALSE(scanner.feed("<p id=first></p><p id=second></p>"));
  CHECK_FALSE(scanner.feed("<p id=third></p>"));
  scanner.finish();
  CHECK(ids == std::vector<std::string>{"first"});
  CHECK(scanner.stopped());
}

TEST_CASE("An exception thrown by a handler comes out of feed") {
  HtmlScanner::Handlers handlers;
  handlers.on_element = [](const HtmlElement&) { throw std::runtime_error("from the handler"); };
  HtmlScanner scanner(handlers);
  CHECK_THROWS_WITH(scanner.feed("<p>x</p>"), "from the handler");
  CHECK(scanner.stopped());
}

TEST_CASE("Broken markup and bytes that are not UTF-8 are read without failing") {
  Seen seen = scan("<div id=a><p <b id=\"b\">\xff\xfe text</i></div><span id=c", 3);
  CHECK(has(seen.elements, "div id=a"));
}

TEST_CASE("Captured text stops at the capture limit") {
  std::string text;
  HtmlScanner::Handlers handlers;
  handlers.capture = [](const HtmlElement& element) { return element.name == "title"; };
  handlers.on_text = [&text](std::string_view, std::string captured) { text = std::move(captured); };
  HtmlScanner scanner(handlers, 5);
  scanner.feed("<title>0123456789</title>");
  scanner.finish();
  CHECK(text == "01234");
}
