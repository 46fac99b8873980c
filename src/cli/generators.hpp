#pragma once
// Documents generated from the command-line model (cli_model.hpp): shell
// completion scripts and the command reference of the man page.

#include <string>

#include "cli_model.hpp"

namespace curate::cli {

// A bash completion script for `program`; defines _curate and registers it.
std::string bash_completion(const CommandModel& program);

// A zsh completion function (#compdef), usable from fpath or `source`.
std::string zsh_completion(const CommandModel& program);

// fish `complete` commands.
std::string fish_completion(const CommandModel& program);

// The OPTIONS and COMMANDS sections of the man page, in roff.
std::string man_reference(const CommandModel& program);

// The names a value of `option` can take in a completion: its choices.
// Values such as "@tags" and "@files" name dynamic sources.
std::string completion_values(const OptionModel& option);

}  // namespace curate::cli
