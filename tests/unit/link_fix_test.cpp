// --fix for redirected links: only the redirected URLs change.
#include <catch2/catch.hpp>

#include "curate/catalog/parse.hpp"
#include "curate/links/fix.hpp"
#include "curate/text/error.hpp"

using namespace curate;

namespace {

RewriteResult fix(const std::string& markdown, const std::vector<UrlRewrite>& rewrites) {
  SourceFile source = source_from_bytes("list.md", markdown);
  Catalog catalog = parse_catalog(source, Config{});
  return rewrite_urls(source, catalog, Config{}, rewrites);
}

}  // namespace

TEST_CASE("Fixing a redirected link rewrites it in its entry only") {
  std::string markdown =
      "# List\n\nSee https://old.test/a in prose.\n\n"
      "- [A](https://old.test/a) - first.\n"
      "- [B](https://old.test/ab) - not the same URL.\n"
      "- Bare: https://old.test/a.\n";
  RewriteResult result =
      fix(markdown, {{5, "https://old.test/a", "https://new.test/a"}, {7, "https://old.test/a", "https://new.test/a"}});
  CHECK(result.applied == 2);
  CHECK(result.text ==
        "# List\n\nSee https://old.test/a in prose.\n\n"
        "- [A](https://new.test/a) - first.\n"
        "- [B](https://old.test/ab) - not the same URL.\n"
        "- Bare: https://new.test/a.\n");
}

TEST_CASE("A rewrite that would change an entry beyond its URL is refused") {
  // The new URL contains a space-free ")" that would end the destination early.
  std::string markdown = "- [A](https://old.test/a) - first.\n";
  CHECK_THROWS_AS(fix(markdown, {{1, "https://old.test/a", "https://new.test/a)x"}}), Error);
}

TEST_CASE("A URL written in a form we do not rewrite is skipped") {
  std::string markdown = "- [A](https://old.test/a&amp;b)\n";
  RewriteResult result = fix(markdown, {{1, "https://old.test/a&b", "https://new.test/"}});
  CHECK(result.applied == 0);
  CHECK(result.skipped.size() == 1);
  CHECK(result.text == markdown);
}

TEST_CASE("A link in prose is rewritten within its own lines only") {
  std::string markdown =
      "# List\n\nSee [the old page](https://old.test/a) and\n[again](https://old.test/a).\n\n"
      "Elsewhere https://old.test/a stays.\n\n"
      "- [A](https://old.test/a) - an entry not asked about.\n";
  RewriteResult result = fix(markdown, {{3, "https://old.test/a", "https://new.test/a", 4}});
  CHECK(result.applied == 2);
  CHECK(result.text ==
        "# List\n\nSee [the old page](https://new.test/a) and\n[again](https://new.test/a).\n\n"
        "Elsewhere https://old.test/a stays.\n\n"
        "- [A](https://old.test/a) - an entry not asked about.\n");
}
