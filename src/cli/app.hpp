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
#include "curate/query/query.hpp"

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

// Whether a command may read the list from standard input when no file is
// named: reading commands may, commands that rewrite the list never do.
enum class StdinUse { allowed, never };

// Reads the list: the FILE argument; else standard input when it is
// redirected (a pipe or a file, not a terminal or /dev/null) and holds
// something, and `stdin_use` allows it; else the configured list ("file",
// or the one file "files" names) or README.md (DESIGN.md "Command line").
// Throws curate::Error.
SourceFile read_list(const std::optional<std::string>& file, const Config& config,
                     StdinUse stdin_use = StdinUse::allowed);

// Resolves the config, reads the list (read_list) and parses it. Throws
// curate::Error.
LoadedList load_list(const GlobalOptions& global, const std::optional<std::string>& file,
                     StdinUse stdin_use = StdinUse::allowed);

// Numbers `list`'s entries as in the whole catalog when .curate.json "files"
// names its file among others, so that ids copied from `list` select the
// same entries in an edit (docs/cli.md "Several files"). Reads the other
// files. Throws curate::Error.
void use_catalog_ids(LoadedList& list);

// The files a reading command reads (docs/cli.md "Several files"): what
// its FILE arguments name (expand_file_arguments: files, folders, globs);
// with none, standard input when it is redirected and holds something and
// `stdin_use` allows it, else the configured "files" (a set), else the one
// list read_list would read. Throws curate::Error for a folder or glob
// that names nothing; a missing file is left for reading to report.
struct [[nodiscard]] ListInputs {
  std::vector<std::string> paths;
  bool several = false;                  // named as a set (CatalogSet::several)
  std::optional<SourceFile> read_ahead;  // paths.front(), already read: standard input, which reads once
};
ListInputs resolve_inputs(const std::vector<std::string>& files, const Config& config,
                          StdinUse stdin_use = StdinUse::allowed);

// One file of a catalog.
struct LoadedFile {
  SourceFile source;
  Catalog catalog;
};

// A catalog of one or several files, loaded with its configuration.
struct LoadedCatalog {
  Config config;
  std::vector<LoadedFile> files;  // in file order (sorted paths)
  bool several = false;

  CatalogSet set() const;
  std::vector<std::string> paths() const;
};

// Resolves the config, reads every file resolve_inputs names and parses
// each; entry ids are then made unique across the files
// (assign_ids_across). Throws curate::Error.
LoadedCatalog load_catalog(const GlobalOptions& global, const std::vector<std::string>& files,
                           StdinUse stdin_use = StdinUse::allowed);

// Today for date checks: SOURCE_DATE_EPOCH when set (the reproducible-builds
// convention, so CI runs and tests do not depend on the clock), else the
// system clock (UTC). YYYY-MM-DD.
std::string today_for_checks();

// Whether to colour what goes to `stream`: a terminal, and NO_COLOR unset
// or empty (no-color.org), and TERM not "dumb".
bool use_color(std::FILE* stream);

// The columns output should fit: COLUMNS when it is a positive number, else
// the terminal's width when standard output is one; nullopt for a pipe or a
// file without COLUMNS (docs/cli.md).
std::optional<size_t> output_width();

// Wraps `text` in an ANSI colour when `enabled`.
std::string colorize(const std::string& text, const char* ansi_code, bool enabled);

// Prints "curate: error: MESSAGE" on standard error, as every error reads.
void print_error(const std::string& message);

// Writes `text` to stdout in one go, so a failure never leaves half an
// answer that looks complete. A closed pipe (`curate list | head -1`) ends
// the process quietly by SIGPIPE.
void write_stdout(const std::string& text);

}  // namespace curate::cli
