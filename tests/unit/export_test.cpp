// export: the JSON tree under filters, and the HTML page's escaping rules.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "curate/export/export.hpp"
#include "curate/query/entry_formats.hpp"
#include "curate/query/query.hpp"
#include "test_helpers.hpp"

using namespace curate;
using curate::test::parse_text;

namespace {
const char* const k_list =
    "# List\n\n## Papers\n\n- Group\n  - \"One\" [A; paper; 2020](https://a.org/1)\n    - \"Talk\" [A; video; "
    "2020](https://a.org/t)\n"
    "\n## Empty\n\n## Videos\n\n- \"Two\" [B; video; 2021](https://a.org/2)\n";

ExportScope scope_for(const Catalog& catalog, const EntryFilter& filter, bool filtered) {
  return ExportScope::make(catalog, select_entries(catalog, filter), filtered);
}
}  // namespace

TEST_CASE("an unfiltered JSON export keeps empty sections") {
  Catalog catalog = parse_text(k_list);
  auto json = nlohmann::json::parse(export_json(scope_for(catalog, {}, false)));
  CHECK(json["entry_count"] == 3);
  REQUIRE(json["sections"].size() == 3);
  CHECK(json["sections"][1]["heading"] == "Empty");
  CHECK(json["sections"][0]["items"][0]["type"] == "group");
}

TEST_CASE("a filtered JSON export keeps only the path to selected entries") {
  Catalog catalog = parse_text(k_list);
  EntryFilter filter;
  filter.kinds = {"video"};
  auto json = nlohmann::json::parse(export_json(scope_for(catalog, filter, true)));
  CHECK(json["entry_count"] == 2);
  REQUIRE(json["sections"].size() == 2);
  const auto& parent = json["sections"][0]["items"][0]["children"][0];
  CHECK(parent["title"] == "One");
  CHECK(parent["context"] == true);
  CHECK(parent["children"][0]["title"] == "Talk");
  CHECK_FALSE(parent["children"][0].contains("context"));
}

TEST_CASE("html_escape escapes text and attribute delimiters") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("only web and mail and relative URLs become links") {
  for (const char* url :
       {"https://a.org/x?y=1", "http://a.org", "mailto:me@a.org", "ftp://a.org/f", "docs/x.md", "#anchor", "./x:y"})
    CHECK(is_safe_link(url));
  for (const char* url :
       {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "", "java\tscript:alert(1)",
        " javascript:alert(1)", "//evil.org/x", "\\\\evil.org\\x", "https://a.org/\x01"})
    CHECK_FALSE(is_safe_link(url));
}

TEST_CASE("the HTML page never carries list text unescaped") {
  Catalog catalog = parse_text(
      "# T </title><script>x()</script>\n\n- \"\\<script>alert(1)\\</script>\" [A; blog; 2020](javascript:alert(1))\n");
  std::string page = export_html(scope_for(catalog, {}, false));
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("href=\"javascript:") == std::string::npos);
  size_t scripts = 0;
  for (size_t at = 0; (at = page.find("<script", at)) != std::string::npos; ++at) ++scripts;
  CHECK(scripts == 1);
  CHECK(page.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("entries as JSON written in blocks on several threads are the bytes written on one") {
  for (int count : {0, 1, 4095, 4096, 4097, 14000}) {
    std::string list = "# L\n\n## S\n\n";
    for (int i = 0; i < count; ++i)
      list += "- [E " + std::to_string(i) + "](https://e.org/" + std::to_string(i) + ") - \"quoted\" text.\n";
    Catalog catalog = parse_text(list);
    std::vector<EntryRef> entries = collect_entries(catalog);
    REQUIRE(entries.size() == static_cast<size_t>(count));
    std::string one = entries_to_json(entries);
    CHECK(nlohmann::json::parse(one).size() == entries.size());
    for (unsigned jobs : {2u, 3u}) {
      INFO(count << " entries, " << jobs << " jobs");
      CHECK(entries_to_json(entries, {}, jobs) == one);
      std::string streamed;
      std::string rest = entries_to_json(
          entries,
          [&](std::string& text) {
            streamed += text;
            text.clear();
          },
          jobs);
      CHECK(streamed + rest == one);
    }
  }
}
