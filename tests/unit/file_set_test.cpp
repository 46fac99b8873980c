// Several files (DESIGN.md "Several files"): globs, .gitignore patterns and
// FILE arguments expanded into the files of one catalog.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "curate/io/file_set.hpp"
#include "curate/text/error.hpp"

using namespace curate;
namespace fs = std::filesystem;

namespace {

// A scratch folder removed when the test ends.
class TempFolder {
 public:
  TempFolder() : m_path(fs::temp_directory_path() / ("curate-file-set-" + std::to_string(::getpid()))) {
    fs::remove_all(m_path);
    fs::create_directories(m_path);
  }
  ~TempFolder() { fs::remove_all(m_path); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  void write(const std::string& relative, const std::string& text = "- [A](https://a.org)\n") const {
    fs::create_directories((m_path / relative).parent_path());
    std::ofstream(m_path / relative) << text;
  }
  std::string path() const { return m_path.generic_string(); }

 private:
  fs::path m_path;
};

// A runner with no git, as on a machine without it: the walk reads .gitignore itself.
ProcessResult no_git(const std::vector<std::string>&) { throw Error("git: not found"); }

}  // namespace

TEST_CASE("a glob part matches names as the shell does, and ** any number of folders") {
  CHECK(glob_matches("books/*.md", "books/free-programming-books-de.md"));
  CHECK_FALSE(glob_matches("books/*.md", "books/more/a.md"));
  CHECK(glob_matches("**/*.md", "a.md"));
  CHECK(glob_matches("**/*.md", "books/more/a.md"));
  CHECK(glob_matches("books/free-programming-books-??.md", "books/free-programming-books-de.md"));
  CHECK(glob_matches("books/*-[de].md", "books/x-d.md"));
  CHECK_FALSE(glob_matches("books/*.md", "books/a.txt"));
}

TEST_CASE("a wildcard never matches a hidden name unless the pattern writes the dot") {
  CHECK_FALSE(glob_matches("*.md", ".hidden.md"));
  CHECK_FALSE(glob_matches("**/*.md", ".github/a.md"));
  CHECK(glob_matches(".github/*.md", ".github/a.md"));
  CHECK(glob_matches("**/*.md", ".github/a.md", /*hidden=*/true));
}

TEST_CASE("gitignore patterns: unanchored names at any depth, anchored ones, folders only and re-includes") {
  IgnoreRules rules;
  rules.add_file("", "# drafts\ndrafts/\n/top.md\n*.bak.md\n!keep.bak.md\n");
  CHECK(rules.ignored("drafts", true));
  CHECK(rules.ignored("books/drafts", true));
  CHECK_FALSE(rules.ignored("drafts", false));  // a file named drafts: "drafts/" names folders only
  CHECK(rules.ignored("top.md", false));
  CHECK_FALSE(rules.ignored("books/top.md", false));
  CHECK(rules.ignored("books/old.bak.md", false));
  CHECK_FALSE(rules.ignored("keep.bak.md", false));
}

TEST_CASE("a deeper gitignore decides before a shallower one, and only below its own folder") {
  IgnoreRules rules;
  rules.add_file("", "*.md\n");
  rules.add_file("books", "!*.md\n");
  CHECK(rules.ignored("README.md", false));
  CHECK_FALSE(rules.ignored("books/a.md", false));
  CHECK(rules.ignored("other/a.md", false));
}

TEST_CASE("a folder outside git gives its Markdown files, leaving out ignored and hidden ones") {
  TempFolder folder;
  folder.write("books/de.md");
  folder.write("books/en.markdown");
  folder.write("books/notes.txt");
  folder.write("books/drafts/wip.md");
  folder.write("books/.github/template.md");
  folder.write("books/.gitignore", "drafts/\n");
  FileSet set = expand_file_arguments({folder.path() + "/books"}, no_git);
  CHECK(set.several);
  CHECK(set.paths == std::vector<std::string>{folder.path() + "/books/de.md", folder.path() + "/books/en.markdown"});
}

TEST_CASE("a folder inside git lists what git ls-files names, files gone left out") {
  TempFolder folder;
  folder.write("a.md");
  folder.write("b.md");
  std::vector<std::string> asked;
  auto git = [&](const std::vector<std::string>& argv) {
    asked = argv;
    return ProcessResult{0, std::string("b.md\0a.md\0gone.md\0c.txt\0", 24), ""};
  };
  FileSet set = expand_file_arguments({folder.path()}, git);
  CHECK(asked.at(0) == "git");
  CHECK(set.paths == std::vector<std::string>{folder.path() + "/a.md", folder.path() + "/b.md"});
}

TEST_CASE("one file argument is one file, named as given, even when missing") {
  FileSet set = expand_file_arguments({"missing.md"}, no_git);
  CHECK_FALSE(set.several);
  CHECK(set.paths == std::vector<std::string>{"missing.md"});
}

TEST_CASE("several arguments are a set, each file once and in path order") {
  FileSet set = expand_file_arguments({"b.md", "./a.md", "a.md"}, no_git);
  CHECK(set.several);
  CHECK(set.paths == std::vector<std::string>{"./a.md", "b.md"});
}

TEST_CASE("a glob that matches nothing and a folder without Markdown are errors, not empty catalogs") {
  TempFolder folder;
  folder.write("notes.txt", "text\n");
  CHECK_THROWS_WITH(expand_file_arguments({folder.path() + "/*.md"}, no_git),
                    Catch::Contains("no file matches this pattern"));
  CHECK_THROWS_WITH(expand_file_arguments({folder.path()}, no_git), Catch::Contains("no Markdown file"));
}
