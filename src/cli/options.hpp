#pragma once
// The vocabulary of the command line, in one place: the placeholder every
// option value shows in --help and in the man page (both are generated from
// these definitions), the validators that check values with messages a
// person can act on, and the help layout.

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace curate::cli {

// Placeholders for option values and arguments. Choices show as
// `a|b|c` instead (a `choice` validator).
namespace placeholder {
inline constexpr const char* k_file = "FILE";          // a path (or several); "-" for standard input where it is read
inline constexpr const char* k_pattern = "PATTERN";    // a section pattern (docs/cli.md)
inline constexpr const char* k_tag = "TAG";            // a tag name
inline constexpr const char* k_kind = "KIND";          // a kind name
inline constexpr const char* k_text = "TEXT";          // free text, matched case-insensitively
inline constexpr const char* k_date = "DATE";          // YYYY, YYYY-MM or YYYY-MM-DD
inline constexpr const char* k_count = "N";            // a whole number, 0 or more
inline constexpr const char* k_selector = "SELECTOR";  // an entry id, a URL, or title text
inline constexpr const char* k_url = "URL";
inline constexpr const char* k_title = "TITLE";
inline constexpr const char* k_name = "NAME";   // an author's name
inline constexpr const char* k_rev = "GITREV";  // a git revision
inline constexpr const char* k_command = "COMMAND";
inline constexpr const char* k_args = "ARGS";  // tag's SELECTOR, +TAG/-TAG changes and FILE
// Names of values that are choices: --help and the man page show the
// choices (text|json); completions and --dump-cli use these names.
inline constexpr const char* k_format = "FORMAT";
inline constexpr const char* k_sort_key = "KEY";
inline constexpr const char* k_group_by = "GROUP";
inline constexpr const char* k_shell = "SHELL";
}  // namespace placeholder

// Accepts one of `values`; the description "{a,b}" is where the man page,
// the completions and --help read the choices from. The message names the
// value, the choices and the closest one.
CLI::Validator choice(std::vector<std::string> values);

// Accepts a whole number from 0 up (N).
CLI::Validator count_value();

// Accepts YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (DATE).
CLI::Validator date_value();

// The choices of an option with a `choice` validator, in order; else empty.
std::vector<std::string> choices_of(const CLI::Option& option);

// How --help and the man page show an option's value: "a|b|c" for choices,
// else its placeholder; "" for flags and positionals.
std::string value_display(const CLI::Option& option);

// The help layout of every command: `--format text|json`, `--limit N`,
// positionals by their placeholder, "(repeatable)" instead of CLI11's "...".
std::shared_ptr<CLI::Formatter> help_formatter();

// Adds the FILE positional of a command that reads one list.
CLI::Option* add_file_argument(CLI::App& command, std::optional<std::string>& file,
                               const std::string& description = "The list file ('-' for standard input)");

// Adds the FILE… positional of a reading command: files, folders and globs
// (docs/cli.md "Several files").
CLI::Option* add_files_argument(CLI::App& command, std::vector<std::string>& files);

// Adds `--format` with its choices; the first is the default.
CLI::Option* add_format_option(CLI::App& command, std::string& format, const std::vector<std::string>& choices,
                               const std::string& description = "Output format");

}  // namespace curate::cli
