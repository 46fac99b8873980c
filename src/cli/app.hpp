#pragma once
// What every subcommand of the curate executable shares: global options,
// loading the list, and terminal-aware output.

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/io/source.hpp"

namespace curate::cli {

struct GlobalOptions {
  std::optional<std::string> config_path;
};

// Set by the subcommand that ran; main() returns it.
struct RunState {
  GlobalOptions global;
  int exit_code = 0;
  // What a command's output was made from, kept to the end of the run:
  // main() exits without destroying it, as freeing a big list's catalog
  // entry by entry only costs time (7% of `list` on 100k entries).
  std::vector<std::shared_ptr<void>> kept;

  template <typename T>
  void keep(T&& value) {
    kept.push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
  }
};

// A subcommand: its names, one line of help, and how to add it to the app.
struct CommandSpec {
  const char* name;
  const char* alias;  // nullptr when none
  const char* help;
  void (*add)(CLI::App& command, RunState& state);
};

// The table of subcommands, in the order `curate --help` lists them.
const std::vector<CommandSpec>& command_table();

// A list loaded with its configuration.
struct LoadedList {
  Config config;
  SourceFile source;
  Catalog catalog;
};

// Resolves the config (--config, else the nearest .curate.json) and prints
// its warnings, the links section's included, on stderr as `curate: warning:
// FILE: …`. Every command calls it once. Throws curate::Error.
Config load_cli_config(const GlobalOptions& global);

// Resolves the config and list file (DESIGN.md "Command line"), reads and
// parses it. Throws curate::Error.
LoadedList load_list(const GlobalOptions& global, const std::optional<std::string>& file);

// Whether to colour what goes to `stream`: a terminal, and NO_COLOR unset.
bool use_color(std::FILE* stream);

// Wraps `text` in an ANSI colour when `enabled`.
std::string colorize(const std::string& text, const char* ansi_code, bool enabled);

// Writes `text` to stdout in one go, so a failure never leaves half an
// answer that looks complete. A closed pipe (`curate list | head -1`) ends
// the process quietly by SIGPIPE.
void write_stdout(const std::string& text);

}  // namespace curate::cli
