// URL parsing, normalisation and ids: what duplicate-url, the link checker
// and every entry id rest on.
#include <catch2/catch.hpp>

#include <string>

#include "curate/text/url.hpp"

using namespace curate;

TEST_CASE("parse_url splits a URL, lower-casing scheme and host only") {
  UrlParts parts;
  REQUIRE(parse_url("HTTPS://User@WWW.Example.ORG:8080/A/b?x=1&Y=2#Top", parts));
  CHECK(parts.scheme == "https");
  CHECK(parts.host == "www.example.org");
  CHECK(parts.port == "8080");
  CHECK(parts.path == "/A/b");
  CHECK(parts.query == "x=1&Y=2");
  CHECK(parts.fragment == "Top");
  REQUIRE(parse_url("mailto:someone@example.org", parts));
  CHECK(parts.scheme == "mailto");
  CHECK(parts.path == "someone@example.org");
  CHECK_FALSE(parse_url("relative/path.md", parts));
  CHECK_FALSE(parse_url("#anchor", parts));
  CHECK_FALSE(parse_url("", parts));
}

TEST_CASE("parse_url refuses a blank, a control byte or DEL wherever it sits") {
  // Every position of a 41-byte URL: inside the eight-byte blocks and in the tail.
  const std::string url = "https://example.org/some/long/path/x.html";
  UrlParts parts;
  REQUIRE(parse_url(url, parts));
  for (char bad : {' ', '\t', '\n', '\x01', '\x1f', '\x7f'}) {
    for (size_t at = 8; at < url.size(); ++at) {
      std::string broken = url;
      broken[at] = bad;
      INFO("byte " << static_cast<int>(bad) << " at " << at);
      CHECK_FALSE(parse_url(broken, parts));
    }
  }
  // Bytes from 0x80 up (UTF-8) and '!' (0x21) and '~' (0x7e) are fine.
  CHECK(parse_url("https://example.org/caf\xC3\xA9/!~/\xE2\x80\x94/abcdefgh", parts));
}

TEST_CASE("normalize_url makes the spellings of one address equal") {
  std::string canonical = normalize_url("https://example.org/page");
  CHECK(canonical == "https://example.org/page");
  CHECK(normalize_url("http://www.Example.org/page/") == canonical);
  CHECK(normalize_url("  https://example.org:443/page#section  ") == canonical + "#section");
  CHECK(normalize_url("https://example.org/page?utm_source=x&fbclid=y") == canonical);
  CHECK(normalize_url("https://example.org:8080/page") == "https://example.org:8080/page");
  CHECK(normalize_url("https://example.org/page?id=1&utm_medium=m") == "https://example.org/page?id=1");
  CHECK(normalize_url("docs/guide.md#part") == "docs/guide.md#part");
}

TEST_CASE("normalize_url keeps a URL already normal and folds each near miss") {
  // Already normal: given back as written (without parsing it).
  for (const char* url : {"https://a.org", "https://a.org/x", "https://a.org#f", "https://a.org/x#f/",
                          "https://a.org/caf\xC3\xA9/x", "https://wwwx.org/x"})
    CHECK(normalize_url(url) == url);
  // One step from normal: each is folded as the full parse folds it.
  CHECK(normalize_url("https://a.org/") == "https://a.org");
  CHECK(normalize_url("https://a.org/x/#f") == "https://a.org/x#f");
  CHECK(normalize_url("https://a.org/x#") == "https://a.org/x");
  CHECK(normalize_url("https://A.org/X") == "https://a.org/X");
  CHECK(normalize_url("https://www.a.org/x") == "https://a.org/x");
  CHECK(normalize_url("https://user@a.org/x") == "https://a.org/x");
  CHECK(normalize_url("https://a.org:443/x") == "https://a.org/x");
  CHECK(normalize_url("https://a.org/x?utm_source=y") == "https://a.org/x");
  CHECK(normalize_url("https://a.org/x?id=1") == "https://a.org/x?id=1");
  CHECK(normalize_url("https://a.org/x y") == "https://a.org/x y");
  CHECK(normalize_url("https:///x") == "https:///x");
}

TEST_CASE("stable_id is the FNV-1a hash as eight lower-case hex digits") {
  CHECK(stable_id("") == "811c9dc5");
  CHECK(stable_id("a") == "e40c292c");
  CHECK(stable_id(normalize_url("http://www.example.org/page/")) == stable_id("https://example.org/page"));
  CHECK(stable_hash("a") == 0xe40c292cu);
  CHECK(hash_id(stable_hash("a")) == "e40c292c");
  CHECK(hash_id(0x0000abcdu) == "0000abcd");
}

TEST_CASE("percent_encode keeps unreserved ASCII and the bytes asked for, escapes the rest upper-case") {
  CHECK(curate::percent_encode("a b/c\xC3\xA9~", "/") == "a%20b/c%C3%A9~");
  CHECK(curate::percent_encode("10.1000/x;(1)", "/:;()") == "10.1000/x;(1)");
  CHECK(curate::percent_encode("10.1000/x;(1)", "") == "10.1000%2Fx%3B%281%29");
}

TEST_CASE("code_host_path reads a code host's path; a repository's home page is OWNER/NAME alone") {
  auto home = [](std::string_view url) {
    auto at = curate::code_host_path(url);
    return at && at->repository_home();
  };
  auto at = curate::code_host_path("https://www.github.com/brackets-cont/brackets/");
  REQUIRE(at);
  CHECK(at->host == "github.com");
  CHECK(at->path == "brackets-cont/brackets");
  CHECK(home("https://github.com/brackets-cont/brackets/"));
  CHECK(home("http://codeberg.org/a/b"));
  CHECK_FALSE(home("https://github.com/a/b/issues"));
  CHECK_FALSE(home("https://github.com/a"));
  CHECK_FALSE(home("https://github.com/a/b?tab=readme"));
  CHECK_FALSE(curate::code_host_path("https://travis-ci.org/a/b"));
  CHECK_FALSE(curate::code_host_path("https://github.com"));
}

TEST_CASE("page_query keeps the query pairs that say which page a URL is") {
  CHECK(page_query("https://news.ycombinator.com/item?id=13406081") == "id=13406081");
  CHECK(page_query("https://www.youtube.com/watch?v=G-lGCC4KKok&t=40s&utm_source=x") == "v=G-lGCC4KKok");
  CHECK(page_query("https://github.com/go-gitea/gitea?tab=readme-ov-file") == "");
  CHECK(page_query("https://example.com/a?lang=en#top") == "");
  CHECK(page_query("https://example.com/a") == "");
}

TEST_CASE("has_tracking_params finds a tracking parameter; an empty query or empty pairs are none") {
  CHECK(has_tracking_params("https://a.com/x?utm_source=feed"));
  CHECK(has_tracking_params("https://a.com/x?id=3&&fbclid=abc#top"));
  CHECK_FALSE(has_tracking_params("http://self.gutenberg.org/wplbn0002828847-the-black-art-of-programming.aspx?"));
  CHECK_FALSE(has_tracking_params("https://a.com/x?id=3&"));
  CHECK_FALSE(has_tracking_params("https://a.com/x#utm_source=feed"));  // a fragment is no query
  CHECK_FALSE(has_tracking_params("https://a.com/x"));
  CHECK(strip_tracking_params("https://a.com/x?id=3&&fbclid=abc#top") == "https://a.com/x?id=3#top");
  CHECK(strip_tracking_params("https://a.com/x?utm_source=feed") == "https://a.com/x");
}
