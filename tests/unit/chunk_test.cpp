// Parsing a list a chunk at a time (markdown.hpp split_chunks, parse.hpp
// build_catalog_chunked) gives the catalog and the findings of parsing it
// whole: on every list the tests and the corpus hold, split at every heading
// where a split is allowed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "curate/lint/lint.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "test_helpers.hpp"

using namespace curate;

namespace {

std::string pos(SourcePos p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }
std::string span(const SourceSpan& s) { return pos(s.begin) + "-" + pos(s.end); }
std::string opt(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "none"; }
std::string list(const std::vector<std::string>& parts) { return "[" + join(parts, "|") + "]"; }

void describe(const Item& item, int depth, std::ostringstream& out) {
  out << std::string(static_cast<size_t>(depth) * 2, ' ') << "item " << item.id << " " << pos(item.pos) << " "
      << span(item.span) << " p" << item.paragraph_end_line << " group=" << item.is_group
      << " style=" << static_cast<int>(item.style) << " title='" << item.title << "' url=" << opt(item.url)
      << " description=" << opt(item.description) << " note=" << opt(item.note) << " medium=" << opt(item.medium)
      << " date=" << opt(item.date) << " links=" << list(item.links) << " tags=" << list(item.tags)
      << " authors=" << list(item.authors) << " kinds=" << list(item.kinds) << " rest='" << item.rest
      << "' comma=" << item.metadata_comma_split << " unclosed=" << item.unclosed_quote << " raw='" << item.raw
      << "'\n";
  for (const Item& child : item.children) describe(child, depth + 1, out);
}

void describe(const Section& section, std::ostringstream& out) {
  out << "section " << section.level << " '" << section.heading << "' " << section.slug << " " << span(section.span)
      << "\n";
  for (const Item& item : section.items) describe(item, 1, out);
  for (const Section& child : section.sections) describe(child, out);
}

// Everything a catalog holds, as text, so two catalogs compare with a diff.
std::string describe(const Catalog& catalog) {
  std::ostringstream out;
  out << "title " << opt(catalog.title) << " at " << catalog.title_line << ", legend at " << catalog.legend_line
      << "\n";
  for (const TagDef& tag : catalog.tags)
    out << "tag " << tag.name << " '" << tag.description << "' " << tag.line << "\n";
  for (const TocLink& link : catalog.toc)
    out << "toc " << link.depth << " '" << link.text << "' #" << link.anchor << " " << pos(link.pos) << "\n";
  for (const VerbatimBlock& block : catalog.blocks) out << "block " << block.type << " " << span(block.span) << "\n";
  describe(catalog.root, out);
  return out.str();
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  for (const Diagnostic& d : diagnostics)
    out << pos(d.begin) << "-" << pos(d.end) << " " << d.rule << " " << d.message << " fixable=" << d.fixable << "\n";
  return out.str();
}

std::vector<Diagnostic> lint(const SourceFile& source, size_t chunk_bytes) {
  LintOptions options{"2026-11-26", [](const std::string&) { return true; }, chunk_bytes};
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry);
  Linter linter(std::move(registry), std::move(settings), options);
  return linter.finish(linter.lint(source, Config{}));
}

// The lists to compare: the shipped list, the corpus, every Markdown file
// of the tests (fixtures, golden inputs, the fuzz corpus) and a generated
// benchmark list.
std::vector<std::string> inputs() {
  namespace fs = std::filesystem;
  std::vector<std::string> paths{test::repo_path("data/resources.md"),
                                 test::repo_path("tests/golden/inputs/resources.md")};
  for (const auto& entry : fs::directory_iterator(test::repo_path("tests/data/corpus")))
    if (entry.path().extension() == ".md") paths.push_back(entry.path().string());
  for (const auto& entry : fs::recursive_directory_iterator(test::repo_path("tests"))) {
    std::string path = entry.path().string();
    if (!entry.is_regular_file() || path.find("node_modules") != std::string::npos) continue;
    if (entry.path().extension() == ".md" || path.find("/fuzz/corpus/") != std::string::npos) paths.push_back(path);
  }
  std::string generated = (fs::temp_directory_path() / "curate-chunk-test-bench.md").string();
  std::string command = "python3 '" + test::repo_path("bench/gen") + "' 3000 '" + generated + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  paths.push_back(generated);
  return paths;
}

}  // namespace

TEST_CASE("a list parsed a chunk at a time has the catalog and findings of the list parsed whole") {
  size_t split_files = 0;
  for (const std::string& path : inputs()) {
    SourceFile source;
    try {
      source = read_source(path);
    } catch (const Error&) {
      continue;  // fuzz inputs that are not UTF-8 text
    }
    if (split_chunks(source.text, 0).size() > 1) ++split_files;
    MarkdownDocument whole(source.text);
    INFO(path);
    unsigned before = parse_jobs();
    set_parse_jobs(1);
    std::string whole_findings = describe(lint(source, SIZE_MAX));
    // One thread reads the chunks' blocks as it builds; several read each
    // chunk where they parse it (LintContext::read_chunk) and build its items.
    for (unsigned jobs : {1u, 4u}) {
      set_parse_jobs(jobs);
      std::optional<Catalog> chunked = build_catalog_chunked(source.text, path, Config{}, {}, 0);
      REQUIRE(chunked);
      CHECK(describe(*chunked) == describe(build_catalog(whole, source.text, path, Config{})));
      CHECK(describe(lint(source, 0)) == whole_findings);
    }
    set_parse_jobs(before);
  }
  CHECK(split_files >= 10);  // the comparison above is not of single chunks only
}

TEST_CASE("chunks start at a heading after a blank line, outside fences and HTML blocks") {
  auto starts = [](const std::string& text) {
    std::vector<int> lines;
    for (const Chunk& chunk : split_chunks(text, 0)) lines.push_back(chunk.line_offset + 1);
    return lines;
  };
  CHECK(starts("# T\n\n## A\n- a\n\n## B\n- b\n") == std::vector<int>{1, 3, 6});
  CHECK(starts("# T\n## A\n") == std::vector<int>{1});                        // no blank line before
  CHECK(starts("x\n\n #### A\n\n####### B\n\n#C\n") == std::vector<int>{1});  // indented, 7 hashes, no space
  CHECK(starts("```\n\n## A\n```\n\n## B\n") == std::vector<int>{1, 6});      // inside a fence
  CHECK(starts("~~~~\n~~~\n\n## A\n~~~~\n") == std::vector<int>{1});          // a shorter fence does not close
  CHECK(starts("``` a`b\n\n## A\n") == std::vector<int>{1, 3});               // not a fence: backtick in the info
  CHECK(starts("<!--\n\n## A\n-->\n\n## B\n") == std::vector<int>{1, 6});     // inside an HTML comment
  CHECK(starts("<PRE>\n\n## A\n</pre>\n\n## B\n") == std::vector<int>{1, 6});
  CHECK(starts("<!-- one line -->\n\n## A\n") == std::vector<int>{1, 3});
  CHECK(starts("[a]: https://example.com\n\n## A\n") == std::vector<int>{1});  // link references reach everywhere
  CHECK(split_chunks("[a]: https://example.com\n\n## A\nlast", 0).at(0).line_count == 4);
  CHECK(starts("- a\n\n## A\n").size() == 2);
  // At least min_bytes each: the last chunk takes what is left.
  std::vector<Chunk> chunks = split_chunks("## A\n\n## B\n\n## C\n", 7);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[0].text == "## A\n\n## B\n\n");
  CHECK(chunks[0].line_count == 4);
  CHECK(chunks[1].text == "## C\n");
  CHECK(chunks[1].line_offset == 4);
}

TEST_CASE("a chunk whose parse runs on into the next makes the catalog come from the whole list") {
  // The look at line starts takes the item's fence for one at the top level,
  // so it takes the real top-level fence on line 8 for the closing one and
  // would split inside it, before "## Y".
  std::string text = "- a\n\n  ```\n  code\n\n## X\n\n```\n\n## Y\n```\n";
  std::vector<Chunk> chunks = split_chunks(text, 0);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[1].line_offset == 9);
  MarkdownDocument first(chunks[0].text);
  CHECK(chunk_runs_on(first, chunks[0]));
  CHECK_FALSE(build_catalog_chunked(text, "test.md", Config{}, {}, 0));
  Catalog catalog = test::parse_text(text);
  REQUIRE(catalog.root.sections.size() == 1);
  CHECK(catalog.root.sections[0].heading == "X");
  SourceFile source = source_from_bytes("test.md", text);
  CHECK(describe(lint(source, 0)) == describe(lint(source, SIZE_MAX)));
}

TEST_CASE("an indented code block closing a chunk does not run on into the next") {
  // cmark counts the chunk's closing blank line into the code block; the
  // heading that starts the next chunk ends it all the same.
  std::string text = "# T\n    <img a | b>\n\n## A\n- [x](https://x.org)\n";
  std::vector<Chunk> chunks = split_chunks(text, 0);
  REQUIRE(chunks.size() == 2);
  CHECK_FALSE(chunk_runs_on(MarkdownDocument(chunks[0].text), chunks[0]));
  std::optional<Catalog> chunked = build_catalog_chunked(text, "test.md", Config{}, {}, 0);
  REQUIRE(chunked);
  CHECK(describe(*chunked) == describe(test::parse_text(text)));
}

TEST_CASE("chunk trees parsed on several threads are the trees of a parse on one") {
  // Tables and autolinks together: cmark-gfm's extensions once shared one
  // table of special characters that a parse ending on one thread cleared
  // under another (markdown.hpp prepare_markdown_parsers).
  std::string text = "# T\n\n";
  for (int i = 0; i < 200; ++i) {
    text += "## S" + std::to_string(i) + "\n\n| a | b |\n|---|---|\n| x~~y~~ | https://example.com/" +
            std::to_string(i) + " |\n\n- Name: www.example.org/" + std::to_string(i) + " ~~old~~\n\n";
  }
  std::vector<Chunk> chunks = split_chunks(text, 0);
  REQUIRE(chunks.size() > 100);
  std::vector<std::string> expected;
  for (const Chunk& chunk : chunks) expected.push_back(MarkdownDocument(chunk.text).render_html());
  for (unsigned jobs : {1u, 2u, 4u, 8u}) {
    ChunkTrees trees(chunks, jobs);
    for (size_t i = 0; i < chunks.size(); ++i) {
      INFO("jobs " << jobs << ", chunk " << i);
      CHECK(trees.take(i).render_html() == expected[i]);
    }
  }
  CHECK(expected[1].find("<a href=\"http://www.example.org/0\">") != std::string::npos);
  CHECK(expected[1].find("<del>old</del>") != std::string::npos);
}

TEST_CASE("chunk trees left untaken are freed and their threads stopped") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "## S" + std::to_string(i) + "\n\n- [a](https://example.com)\n\n";
  std::vector<Chunk> chunks = split_chunks(text, 0);
  REQUIRE(chunks.size() == 100);
  ChunkTrees trees(chunks, 4);
  CHECK(trees.take(0).render_html().find("<h2>S0</h2>") != std::string::npos);
  // The destructor joins the threads with 99 chunks not taken.
}

TEST_CASE("chunk trees given back are freed, also after the last parse and when some are not taken") {
  // Each tree goes back to the thread that parsed it, which frees it while
  // it waits for work and before it stops; the ASan pass's leak check and
  // a ThreadSanitizer build are what watch this (docs/performance.md).
  std::string text;
  for (int i = 0; i < 80; ++i) text += "## S" + std::to_string(i) + "\n\n- [a](https://example.com)\n\n";
  std::vector<Chunk> chunks = split_chunks(text, 0);
  REQUIRE(chunks.size() == 80);
  for (unsigned jobs : {1u, 2u, 4u, 8u}) {
    for (size_t taken : {chunks.size(), size_t{30}}) {
      INFO("jobs " << jobs << ", " << taken << " taken");
      ChunkTrees trees(chunks, jobs);
      for (size_t i = 0; i < taken; ++i) {
        MarkdownDocument tree = trees.take(i);
        CHECK(tree.render_html().find("<h2>S" + std::to_string(i) + "</h2>") != std::string::npos);
        trees.give_back(i, std::move(tree));
      }
    }
  }
}

TEST_CASE("on_parsed sees each chunk's tree once, on the thread that parsed it, before take returns it") {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "## S" + std::to_string(i) + "\n\n- [a](https://example.com)\n\n";
  std::vector<Chunk> chunks = split_chunks(text, 0);
  REQUIRE(chunks.size() == 60);
  for (unsigned jobs : {1u, 2u, 4u}) {
    INFO("jobs " << jobs);
    std::vector<int> seen(chunks.size(), 0);  // each index written by one thread only
    std::vector<cmark_node*> roots(chunks.size(), nullptr);
    ChunkTrees trees(chunks, jobs, [&](MarkdownDocument& tree, size_t i) {
      ++seen[i];
      roots[i] = tree.root();
      if (i == 41) throw Error("chunk 41");
    });
    for (size_t i = 0; i < 41; ++i) {
      MarkdownDocument tree = trees.take(i);
      CHECK(seen[i] == 1);
      CHECK(roots[i] == tree.root());
    }
    CHECK_THROWS_WITH(trees.take(41), "chunk 41");
  }
}

TEST_CASE("the catalog of a list parsed on one thread and on several is the same") {
  std::string text = "# T\n\n";
  for (int i = 0; i < 300; ++i)
    text += "## S" + std::to_string(i) + "\n\n- [A " + std::to_string(i) + "](https://example.com/" +
            std::to_string(i) + ") - Words.\n- *cult*: \"B\" [X; blog; 2020](https://example.org/" + std::to_string(i) +
            ")\n- [C](https://example.net/" + std::to_string(i) + ") - Ann Lee, Bo Chen (PDF)\n\n";
  // Detected; one configured style (the chunks' threads build the items);
  // a style per section (only the reader knows the section: it builds them).
  std::vector<Config> configs(3);
  configs[1].style.list = "books";
  configs[2].style.sections = {{"S1", "books"}, {"S2", "awesome"}};
  for (const Config& config : configs) {
    unsigned before = parse_jobs();
    set_parse_jobs(1);
    std::optional<Catalog> one = build_catalog_chunked(text, "t.md", config, {}, 0);
    set_parse_jobs(4);
    std::optional<Catalog> four = build_catalog_chunked(text, "t.md", config, {}, 0);
    set_parse_jobs(before);
    REQUIRE(one);
    REQUIRE(four);
    CHECK(describe(*one) == describe(*four));
  }
}

TEST_CASE("nesting too deep in a later chunk fails the same on one thread and on several") {
  std::string text = "# T\n\n";
  int deep_line = 0;
  for (int i = 0; i < 50; ++i) {
    text += "## S" + std::to_string(i) + "\n\n- [a](https://example.com/" + std::to_string(i) + ")\n\n";
    if (i != 30) continue;
    deep_line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (int level = 0; level < 300; ++level) text += "- ";
    text += "x\n\n";
  }
  auto error_with = [&](unsigned jobs) {
    unsigned before = parse_jobs();
    set_parse_jobs(jobs);
    std::string message;
    try {
      build_catalog_chunked(text, "t.md", Config{}, {}, 0);
    } catch (const Error& e) {
      message = e.describe();
    }
    set_parse_jobs(before);
    return message;
  };
  std::string one = error_with(1);
  CHECK(one == "t.md:" + std::to_string(deep_line) + ":513: list items nested more than 256 levels deep");
  CHECK(error_with(2) == one);
  CHECK(error_with(4) == one);
}
