// The commented .curate.json that `curate init` writes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include "curate/edit/starter_config.hpp"
#include "test_helpers.hpp"

namespace {

// Writes `text` to a temporary .curate.json and reads it back as a Config.
curate::Config load_written(const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / ("curate-starter-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / ".curate.json").string();
  std::ofstream(path) << text;
  curate::Config config = curate::load_config(path);
  std::filesystem::remove_all(dir);
  return config;
}

}  // namespace

TEST_CASE("the starter config declares the legend's vocabulary and names the list") {
  curate::Catalog catalog = curate::test::parse_text(
      "# List\n\n> Tags:\n> - *cult*: famous research\n> - *intro*: \"light\" reading\n\n- *cult*: \"A\" "
      "[2020](https://a.example/)\n");
  curate::Config config = load_written(curate::starter_config("lists/main list.md", catalog));
  REQUIRE(config.has_tags);
  REQUIRE(config.tags.size() == 2);
  CHECK(config.document()["tags"]["cult"] == "famous research");
  CHECK(config.document()["tags"]["intro"] == "\"light\" reading");
  CHECK(config.document()["file"] == "lists/main list.md");
  CHECK_FALSE(config.document().contains("rules"));
  CHECK_FALSE(config.document().contains("links"));
}

TEST_CASE("without a legend the starter config leaves the vocabulary as a commented example") {
  curate::Catalog catalog = curate::test::parse_text("# List\n\n- [Node.js](https://nodejs.org/) - Runtime.\n");
  std::string text = curate::starter_config("README.md", catalog);
  CHECK(text.find("declares no legend") != std::string::npos);
  curate::Config config = load_written(text);
  CHECK_FALSE(config.has_tags);
  CHECK(config.document()["file"] == "README.md");
}

TEST_CASE("the starter config shows commented rules and links examples") {
  std::string text = curate::starter_config("README.md", curate::test::parse_text("- x\n"));
  CHECK(text.find("// \"rules\": {") != std::string::npos);
  CHECK(text.find("// \"links\": {") != std::string::npos);
}

TEST_CASE("the starter config writes the style detection chose, which then reads the list the same") {
  std::string books =
      "# Books\n\n## Ada\n\n* [Ada Distilled](http://x.org/ada.pdf) - Richard Riehle (PDF)\n"
      "* [Ada 95](http://x.org/ada95) - Jan Skansholm (HTML, PDF)\n* [Lovelace](http://x.org/l) - David Wheeler "
      "(HTML)\n";
  curate::Catalog catalog = curate::test::parse_text(books);
  REQUIRE(catalog.style == "books");
  std::string text = curate::starter_config("README.md", catalog);
  CHECK_THAT(text, Catch::Contains("detected: 3 of the 3 entries that follow a style follow this one"));
  curate::Config config = load_written(text);
  CHECK(config.document()["style"] == "books");
  REQUIRE(config.style.list);
  CHECK(*config.style.list == "books");
}
