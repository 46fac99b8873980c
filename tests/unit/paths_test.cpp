// validate's FILE arguments: files, folders and glob patterns
// (io/paths.hpp expand_list_arguments).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "curate/io/paths.hpp"
#include "curate/text/error.hpp"

namespace fs = std::filesystem;

namespace {

// A folder of lists, removed again: docs/a.md, docs/b.markdown,
// docs/deep/c.md, docs/notes.txt, docs/.github/d.md, docs/node_modules/e.md,
// top.md.
struct ListTree {
  fs::path root = fs::temp_directory_path() / ("curate-paths-" + std::to_string(::getpid()));
  ListTree() {
    for (const char* file : {"docs/a.md", "docs/b.markdown", "docs/deep/c.md", "docs/notes.txt", "docs/.github/d.md",
                             "docs/node_modules/e.md", "top.md"}) {
      fs::create_directories((root / file).parent_path());
      std::ofstream(root / file) << "# T\n";
    }
  }
  ~ListTree() { fs::remove_all(root); }
  std::string at(const std::string& relative) const { return (root / relative).string(); }
};

}  // namespace

TEST_CASE("a folder stands for the Markdown files below it, hidden folders and node_modules skipped") {
  ListTree tree;
  CHECK(curate::expand_list_arguments({tree.at("docs")}) ==
        std::vector<std::string>{tree.at("docs/a.md"), tree.at("docs/b.markdown"), tree.at("docs/deep/c.md")});
}

TEST_CASE("a glob pattern stands for the files it matches, ** for any depth of folders") {
  ListTree tree;
  CHECK(curate::expand_list_arguments({tree.at("docs/*.md")}) == std::vector<std::string>{tree.at("docs/a.md")});
  CHECK(curate::expand_list_arguments({tree.at("**/*.md")}) ==
        std::vector<std::string>{tree.at("top.md"), tree.at("docs/a.md"), tree.at("docs/deep/c.md")});
}

TEST_CASE("files are kept in order and a file named twice is checked once") {
  ListTree tree;
  CHECK(curate::expand_list_arguments({tree.at("top.md"), "-", tree.at("docs/*.md"), tree.at("docs/a.md")}) ==
        std::vector<std::string>{tree.at("top.md"), "-", tree.at("docs/a.md")});
}

TEST_CASE("a pattern that matches nothing and a folder without Markdown are errors, a missing name is not") {
  ListTree tree;
  CHECK_THROWS_WITH(curate::expand_list_arguments({tree.at("docs/*.rst")}),
                    Catch::Contains("no file matches this pattern"));
  fs::create_directories(tree.at("empty"));
  CHECK_THROWS_WITH(curate::expand_list_arguments({tree.at("empty")}), Catch::Contains("a folder without Markdown"));
  CHECK(curate::expand_list_arguments({tree.at("missing.md")}) == std::vector<std::string>{tree.at("missing.md")});
}
