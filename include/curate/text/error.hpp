#pragma once
// The one error type of curate's core. main() catches it once and prints
// "curate: error: …"; findings (lint diagnostics, dead links) are data instead.

#include <stdexcept>
#include <string>

namespace curate {

// Process exit codes, as DESIGN.md "Output and exit codes" promises.
enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_findings = 1,
  k_exit_usage = 2,
  k_exit_interrupted = 130,
};

// An error the user must see. When the input is at fault it carries the file
// and a 1-based line and column (0 when unknown).
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  Error(std::string file, int line, int column, const std::string& message)
      : std::runtime_error(message), m_file(std::move(file)), m_line(line), m_column(column) {}

  const std::string& file() const { return m_file; }
  int line() const { return m_line; }
  int column() const { return m_column; }

  // "file:line:col: message", or as much of the location as is known.
  std::string describe() const;

 private:
  std::string m_file;
  int m_line = 0;
  int m_column = 0;
};

}  // namespace curate
