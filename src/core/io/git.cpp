#include "curate/io/git.hpp"

#include <filesystem>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// git's first line of complaint, for the error message.
std::string git_message(const ProcessResult& result) {
  std::string_view err = trim(result.err);
  std::string first(err.substr(0, err.find('\n')));
  if (starts_with(first, "fatal: ")) first = first.substr(7);
  return first.empty() ? "git exited with status " + std::to_string(result.exit_code) : first;
}

}  // namespace

std::string read_git_revision(const std::string& file, const std::string& rev, const ProcessRunner& run) {
  // A revision starting with "-" would reach git as an option.
  if (rev.empty() || rev.front() == '-') throw Error("invalid git revision '" + rev + "'");
  namespace fs = std::filesystem;
  fs::path absolute = fs::absolute(fs::path(file));
  std::string dir = absolute.parent_path().string();
  ProcessResult prefix = run({"git", "-C", dir, "rev-parse", "--show-prefix"});
  if (prefix.exit_code != 0) throw Error(file, 0, 0, "cannot read from git: " + git_message(prefix));
  std::string path = std::string(trim(prefix.out)) + absolute.filename().string();
  ProcessResult shown = run({"git", "-C", dir, "show", rev + ":" + path});
  if (shown.exit_code != 0)
    throw Error(file, 0, 0, "cannot read " + rev + ":" + path + " from git: " + git_message(shown));
  return shown.out;
}

}  // namespace curate
