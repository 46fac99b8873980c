// Reading an older version through git, and running programs without a shell.
#include <catch2/catch.hpp>

#include "curate/io/git.hpp"
#include "curate/io/process.hpp"
#include "curate/text/error.hpp"

using namespace curate;

TEST_CASE("run_process passes arguments as given, without a shell, and collects both streams") {
  ProcessResult result =
      run_process({"sh", "-c", "printf '%s|' \"$0\" \"$1\"; echo oops >&2; exit 3", "a b", "$HOME;x"});
  CHECK(result.out == "a b|$HOME;x|");
  CHECK(result.err == "oops\n");
  CHECK(result.exit_code == 3);
}

TEST_CASE("run_process reports a program that cannot be started") {
  CHECK_THROWS_AS(run_process({"curate-no-such-program"}), Error);
}

TEST_CASE("read_git_revision asks git for the path from the repository root") {
  std::vector<std::vector<std::string>> calls;
  auto fake = [&](const std::vector<std::string>& argv) {
    calls.push_back(argv);
    if (argv[3] == "rev-parse") return ProcessResult{0, "data/\n", ""};
    return ProcessResult{0, "# old\n", ""};
  };
  CHECK(read_git_revision("/repo/data/resources.md", "HEAD~1", fake) == "# old\n");
  REQUIRE(calls.size() == 2);
  CHECK(calls[0] == std::vector<std::string>{"git", "-C", "/repo/data", "rev-parse", "--show-prefix"});
  CHECK(calls[1] == std::vector<std::string>{"git", "-C", "/repo/data", "show", "HEAD~1:data/resources.md"});
}

TEST_CASE("read_git_revision shows git's complaint and refuses revisions that look like options") {
  auto failing = [](const std::vector<std::string>&) {
    return ProcessResult{128, "", "fatal: not a git repository (or any of the parent directories): .git\n"};
  };
  CHECK_THROWS_WITH(read_git_revision("/x/list.md", "HEAD", failing),
                    "cannot read from git: not a git repository (or any of the parent directories): .git");
  CHECK_THROWS_WITH(read_git_revision("/x/list.md", "--output=/tmp/x", failing),
                    "invalid git revision '--output=/tmp/x'");
}
