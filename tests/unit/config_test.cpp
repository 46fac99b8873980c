// .curate.json: the key table, unknown keys as warnings, JSON errors with
// a position.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "curate/catalog/config.hpp"
#include "curate/text/error.hpp"

namespace {

// Writes `text` to a temporary config file and loads it.
curate::Config load_text(const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("curate-config-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "config.json").string();
  std::ofstream(path) << text;
  struct Cleanup {
    std::filesystem::path dir;
    ~Cleanup() { std::filesystem::remove_all(dir); }
  } cleanup{dir};
  return curate::load_config(path);
}

// The error load_text throws.
curate::Error load_error(const std::string& text) {
  try {
    load_text(text);
  } catch (const curate::Error& e) {
    return e;
  }
  FAIL("no error for " << text);
  return curate::Error("");
}

}  // namespace

TEST_CASE("every known key is read and gives no warning") {
  curate::Config config = load_text(R"({"file": "l.md", "tags": ["a"], "kinds": ["zine"], "rules": {}, "links": {}})");
  CHECK(config.warnings.empty());
  CHECK(config.file);
  CHECK(config.tags.size() == 1);
  CHECK(config.kinds.lookup("zine"));
}

TEST_CASE("an unknown key is a warning with the closest known key, and the rest is still read") {
  curate::Config config = load_text(R"({"rulez": {}, "tags": ["a"]})");
  CHECK(config.warnings == std::vector<std::string>{R"(unknown key "rulez" (did you mean "rules"?); ignored)"});
  CHECK(config.tags.size() == 1);
}

TEST_CASE("an unknown key nothing resembles lists the known keys") {
  curate::Config config = load_text(R"({"frobnicate": 1})");
  CHECK(config.warnings ==
        std::vector<std::string>{
            R"(unknown key "frobnicate" (known keys: file, tags, kinds, rules, links, style, fmt); ignored)"});
}

TEST_CASE("text that is not JSON is an error at its line and column, without the library's exception id") {
  curate::Error e = load_error("{\n  // a comment\n  \"tags\": {\"a\": \"b\",}\n}\n");
  CHECK(e.line() == 3);
  CHECK(e.column() == 21);
  CHECK(std::string(e.what()) ==
        "invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST_CASE("a config that ends too early is an error at its end") {
  curate::Error e = load_error("{\n  \"file\": \"l.md\"\n");
  CHECK(e.line() == 3);
  CHECK(e.column() == 1);
}

TEST_CASE("a wrong value of a known key is still an error") {
  CHECK(std::string(load_error(R"({"file": 3})").what()) == "\"file\" must be a string");
}
