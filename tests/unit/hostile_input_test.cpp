// Hostile input (issue 8): bad bytes, absurd nesting, huge lines and files
// that change under us must give a clear error or a bounded run, never a
// crash, a hang or a clobbered file.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "curate/catalog/parse.hpp"
#include "curate/io/source.hpp"
#include "curate/query/query.hpp"
#include "curate/text/error.hpp"
#include "test_helpers.hpp"

namespace fs = std::filesystem;
using curate::Error;
using namespace std::string_literals;
using curate::test::parse_text;

namespace {

std::string error_of(const std::string& bytes) {
  try {
    curate::parse_catalog(curate::source_from_bytes("list.md", bytes), curate::Config{});
  } catch (const Error& e) {
    return e.describe();
  }
  return "";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

void write_file(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("invalid UTF-8 is an error naming the file, line and column of the bad byte") {
  CHECK(error_of("# T\n\n- ok\n- b\xC3(x)\n") == "list.md:4:4: invalid UTF-8");
  CHECK(error_of("- overlong \xC0\xAF\n") == "list.md:1:12: invalid UTF-8");
  CHECK(error_of("- surrogate \xED\xA0\x80\n") == "list.md:1:13: invalid UTF-8");
  CHECK(error_of("truncated at the end \xE2\x80") == "list.md:1:22: invalid UTF-8");
}

TEST_CASE("a NUL byte or binary data is an error, not a parse") {
  CHECK(error_of("- a\n- b\0c\n"s) == "list.md:2:4: binary data (NUL byte); not a Markdown text file");
  std::string png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s;
  CHECK(error_of(png).find("list.md:1:1:") == 0);
}

TEST_CASE("valid multi-byte text passes the word-at-a-time check at every alignment") {
  for (size_t pad = 0; pad < 9; ++pad) {
    std::string text = std::string(pad, 'a') + "- caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\x9A [x](https://x.org)\n";
    CHECK(error_of(text).empty());
    CHECK(error_of(text + "\xFF").find("invalid UTF-8") != std::string::npos);
  }
}

TEST_CASE("10,000 nested list levels give a clear error quickly instead of a stack overflow") {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "- ";
  deep += "[x](https://x.org)\n";
  auto start = std::chrono::steady_clock::now();
  CHECK(error_of(deep) == "list.md:1:513: list items nested more than 256 levels deep");
  CHECK(seconds_since(start) < 10);
}

TEST_CASE("nesting up to the limit still parses, with every ancestor as a parent") {
  std::string deep;
  for (size_t i = 0; i < curate::k_max_item_depth; ++i) deep += "- ";
  curate::Catalog catalog = parse_text(deep + "[x](https://x.org)\n");
  auto entries = curate::collect_entries(catalog);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].parents.size() == curate::k_max_item_depth - 1);
  CHECK(entries[0].item->url == "https://x.org");
  CHECK(error_of("- " + deep + "x\n").find("nested more than 256 levels") != std::string::npos);
}

TEST_CASE("10,000 nested block quotes parse in bounded time with no entries") {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "> ";
  auto start = std::chrono::steady_clock::now();
  curate::Catalog catalog = parse_text(deep + "- [x](https://x.org)\n\n- [y](https://y.org)\n");
  CHECK(seconds_since(start) < 10);
  CHECK(curate::collect_entries(catalog).size() == 1);  // only the list after the quotes
}

TEST_CASE("a 1 MB single line parses in linear time, whatever it repeats") {
  const std::vector<std::string> units = {"x",      "a: \"", "\" ",         "*a* ", "[a](https://a.org) ",
                                          "a and ", ": ",    "\xE2\x80\x9C"};
  for (const auto& unit : units) {
    std::string line = "- ";
    while (line.size() < (1u << 20)) line += unit;
    for (const std::string& text : {line + "\n", "- \"t\" [" + line.substr(2) + "](https://x.org)\n"}) {
      auto start = std::chrono::steady_clock::now();
      curate::Catalog catalog = parse_text(text);
      INFO("unit '" << unit << "'");
      CHECK(seconds_since(start) < 20);
      CHECK(curate::collect_entries(catalog).size() == 1);
    }
  }
}

TEST_CASE("write_atomic refuses to replace a file that changed since it was read") {
  TempDir dir("curate-changed");
  fs::path file = dir.path / "list.md";
  write_file(file, "- [a](https://a.org)\n");
  curate::SourceFile source = curate::read_source(file.string());
  REQUIRE(source.stamp);
  write_file(file, "- [a](https://a.org)\n- [someone else's edit](https://b.org)\n");
  CHECK_THROWS_WITH(curate::write_atomic(file.string(), "new", *source.stamp),
                    Catch::Contains("changed or vanished since it was read; left unchanged"));
  CHECK(read_file(file) == "- [a](https://a.org)\n- [someone else's edit](https://b.org)\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);  // no temp file left
}

TEST_CASE("write_output creates a file that did not exist, and replaces one that does") {
  TempDir dir("curate-new");
  curate::write_output((dir.path / "new.md").string(), "- a\n");
  CHECK(read_file(dir.path / "new.md") == "- a\n");
  curate::write_output((dir.path / "new.md").string(), "- b\n");
  CHECK(read_file(dir.path / "new.md") == "- b\n");
}

TEST_CASE("write_new_file creates a file but never overwrites one") {
  TempDir dir("curate-exclusive");
  fs::path file = dir.path / ".curate.json";
  curate::write_new_file(file.string(), "{}\n");
  CHECK(read_file(file) == "{}\n");
  CHECK_THROWS_WITH(curate::write_new_file(file.string(), "{\"file\": \"x\"}\n"), Catch::Contains("already exists"));
  CHECK(read_file(file) == "{}\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);  // no temp file left
}

TEST_CASE("write_atomic returns the stamp of the file it wrote, so a second write in one run passes") {
  TempDir dir("curate-restamp");
  fs::path file = dir.path / "list.md";
  write_file(file, "- a\n");
  curate::SourceFile source = curate::read_source(file.string());
  curate::FileStamp written = curate::write_atomic(file.string(), "- b\n", *source.stamp);
  CHECK(curate::stamp_of(file.string()) == written);
  curate::write_atomic(file.string(), "- c\n", written);
  CHECK(read_file(file) == "- c\n");
}

TEST_CASE("a list not read from a regular file has no stamp to replace") {
  curate::SourceFile source = curate::source_from_bytes("-", "- a\n");
  CHECK_THROWS_WITH(curate::stamp_to_replace(source), Catch::Contains("not a regular file"));
}

TEST_CASE("CURATE_TEST_BEFORE_REPLACE runs between the write and the stamp comparison") {
  TempDir dir("curate-seam");
  fs::path file = dir.path / "list.md";
  write_file(file, "- a\n");
  curate::SourceFile source = curate::read_source(file.string());
  struct Hook {
    explicit Hook(const std::string& command) { ::setenv("CURATE_TEST_BEFORE_REPLACE", command.c_str(), 1); }
    ~Hook() { ::unsetenv("CURATE_TEST_BEFORE_REPLACE"); }
  };
  {
    Hook hook("true");
    source.stamp = curate::write_atomic(file.string(), "- b\n", *source.stamp);
  }
  CHECK(read_file(file) == "- b\n");
  Hook hook("echo '- other' >> '" + file.string() + "'");
  CHECK_THROWS_WITH(curate::write_atomic(file.string(), "- c\n", *source.stamp), Catch::Contains("changed"));
  CHECK(read_file(file) == "- b\n- other\n");
}

TEST_CASE("write_atomic refuses to recreate a file that vanished since it was read") {
  TempDir dir("curate-vanished");
  fs::path file = dir.path / "list.md";
  write_file(file, "- a\n");
  curate::SourceFile source = curate::read_source(file.string());
  fs::remove(file);
  CHECK_THROWS_WITH(curate::write_atomic(file.string(), "new", *source.stamp), Catch::Contains("vanished"));
  CHECK(!fs::exists(file));
}

TEST_CASE("write_atomic with an unchanged stamp replaces the file") {
  TempDir dir("curate-unchanged");
  fs::path file = dir.path / "list.md";
  write_file(file, "- a\n");
  curate::SourceFile source = curate::read_source(file.string());
  curate::write_atomic(file.string(), "- b\n", *source.stamp);
  CHECK(read_file(file) == "- b\n");
}

TEST_CASE("writing a symlinked list replaces its target and keeps the link") {
  TempDir dir("curate-symlink");
  write_file(dir.path / "real.md", "- a\n");
  fs::create_symlink("real.md", dir.path / "link.md");
  curate::SourceFile source = curate::read_source((dir.path / "link.md").string());
  curate::write_atomic((dir.path / "link.md").string(), "- b\n", *source.stamp);
  CHECK(fs::is_symlink(dir.path / "link.md"));
  CHECK(fs::read_symlink(dir.path / "link.md") == "real.md");
  CHECK(read_file(dir.path / "real.md") == "- b\n");
}

TEST_CASE("a path with spaces and non-ASCII letters reads and writes") {
  TempDir dir("curate-unicode");
  fs::path folder = dir.path / "my lists \xC3\xA9t\xC3\xA9";
  fs::create_directories(folder);
  fs::path file = folder / "lecture \xE6\x97\xA5\xE6\x9C\xAC.md";
  write_file(file, "- [a](https://a.org)\n");
  curate::SourceFile source = curate::read_source(file.string());
  CHECK(curate::collect_entries(curate::parse_catalog(source, curate::Config{})).size() == 1);
  curate::write_atomic(file.string(), "- [b](https://b.org)\n", *source.stamp);
  CHECK(read_file(file) == "- [b](https://b.org)\n");
}

TEST_CASE("a lone CR ends a line, as cmark reads it, so positions stay in step") {
  curate::SourceFile source = curate::source_from_bytes("list.md", "- a\r- [b](https://b.org)\r\n- c\r");
  CHECK(source.text == "- a\n- [b](https://b.org)\n- c\n");
  curate::Catalog catalog = curate::parse_catalog(source, curate::Config{});
  auto entries = curate::collect_entries(catalog);
  REQUIRE(entries.size() == 3);
  CHECK(entries[1].item->pos.line == 2);
  CHECK(entries[1].item->raw == "[b](https://b.org)");
}
