#pragma once
// A plain description of the command line, read from the CLI11 App at run
// time, so the man page, the shell completions and the drift tests are all
// generated from the one definition that parses arguments.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace curate::cli {

// One option, flag or positional argument of a command.
struct OptionModel {
  std::vector<std::string> long_names;   // without the leading "--"
  std::vector<std::string> short_names;  // without the leading "-"
  std::string positional;                // e.g. "FILE"; empty for options and flags
  std::string description;
  std::string value_name;            // e.g. "TEXT", "UINT"; empty for flags
  std::vector<std::string> choices;  // from an IsMember validator, in definition order
  bool takes_value = false;
  bool optional_value = false;  // the value may be left out (`--tags` or `--tags FILE`)
  bool repeatable = false;
  bool required = false;
  bool help = false;       // -h/--help, documented once for every command
  bool tag_value = false;  // the value is a tag name of the list
};

// One command: the program itself or a subcommand, with its children.
struct CommandModel {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<OptionModel> options;
  std::vector<CommandModel> subcommands;
  bool fallthrough = false;  // options of this command are accepted after its subcommands
};

// Walks `app` and its subcommands.
CommandModel describe_app(CLI::App& app);

// The model as JSON (`curate completions --dump-cli`), for tests and tools.
nlohmann::ordered_json to_json(const CommandModel& command);

// "--format", "-h, --help" or "FILE": how documentation names an option.
std::string display_names(const OptionModel& option);

// Options of `command` other than positionals and help.
std::vector<const OptionModel*> named_options(const CommandModel& command);

// Positional arguments of `command`, in order.
std::vector<const OptionModel*> positionals(const CommandModel& command);

}  // namespace curate::cli
