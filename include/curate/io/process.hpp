#pragma once
// Running a helper program (git) without a shell: arguments are passed as
// given, so no quoting or injection issues.

#include <functional>
#include <string>
#include <vector>

namespace curate {

struct [[nodiscard]] ProcessResult {
  int exit_code = 0;  // 128 + signal number when killed by a signal
  std::string out;    // everything it wrote to standard output
  std::string err;    // and to standard error
};

// Runs argv[0] (searched in PATH) with argv[1…], standard input closed
// (/dev/null), and collects both output streams. Throws curate::Error when
// the program cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv);

// The seam through which the core runs programs; tests pass a fake.
using ProcessRunner = std::function<ProcessResult(const std::vector<std::string>& argv)>;

}  // namespace curate
