#pragma once
// Reading an older version of a list from git, for `diff --rev`.

#include <string>

#include "curate/io/process.hpp"

namespace curate {

// The bytes of `file` at revision `rev`: `git show REV:PATH` with PATH
// relative to the repository root (from `git rev-parse --show-prefix`, run
// in the file's folder). Throws curate::Error with git's own message when
// the folder is not in a repository or the revision or path is unknown.
std::string read_git_revision(const std::string& file, const std::string& rev, const ProcessRunner& run = run_process);

}  // namespace curate
