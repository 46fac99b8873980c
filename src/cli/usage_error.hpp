#pragma once
// What `curate` says when the command line cannot be parsed: the unknown
// command or option with the closest known one, or CLI11's message.

#include <CLI/CLI.hpp>

#include <string>

namespace curate::cli {

struct UsageError {
  std::string message;  // for "curate: error: MESSAGE"
  std::string hint;     // "Run 'curate list --help' for usage."
};

// Describes `error`, raised while parsing `argv` with `app`.
UsageError describe_usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

}  // namespace curate::cli
