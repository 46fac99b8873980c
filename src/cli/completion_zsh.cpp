// The zsh completion function: one _arguments call per command, the
// subcommands offered through _describe, tag names read from the list.
#include <fmt/format.h>

#include "curate/text/text.hpp"
#include "generators.hpp"

namespace curate::cli {
namespace {

// Inside a single-quoted _arguments spec: quotes closed and reopened,
// brackets and colons escaped so they stay part of the description.
std::string spec_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\')
      out += std::string("\\") + c;
    else
      out += c;
  }
  return out;
}

std::string function_name(const std::string& program, const std::string& path) {
  std::string name = "_" + program + "_cmd" + (path.empty() ? "" : "_");
  for (char c : path) name += (c == ' ' || c == '-') ? '_' : c;
  return name;
}

std::string value_action(const OptionModel& option) {
  std::string values = completion_values(option);
  if (values == "@tags") return "_curate_tags";
  if (values == "@files" || values == "@list") return "_files";
  if (values.empty()) return " ";
  return "(" + values + ")";
}

std::string option_specs(const OptionModel& option) {
  std::vector<std::string> names;
  for (const auto& name : option.short_names) names.push_back("-" + name);
  for (const auto& name : option.long_names) names.push_back("--" + name);
  std::string exclusion =
      option.help ? "(- *)" : (names.size() > 1 && !option.repeatable ? "(" + join(names, " ") + ")" : "");
  std::string out;
  for (const auto& name : names) {
    std::string suffix = option.takes_value ? (name.size() == 2 ? "+" : "=") : "";
    std::string spec =
        (option.repeatable ? "*" : "") + exclusion + name + suffix + "[" + spec_text(option.description) + "]";
    if (option.takes_value)
      spec += (option.optional_value ? "::" : ":") + spec_text(option.value_name) + ":" + value_action(option);
    out += " \\\n    '" + spec + "'";
  }
  return out;
}

std::string child_path(const std::string& path, const CommandModel& sub) {
  return path.empty() ? sub.name : path + " " + sub.name;
}

// The part of a command's function that offers its subcommands, then hands
// the rest of the line to the chosen one's function.
std::string subcommand_dispatch(const CommandModel& command, const std::string& program, const std::string& path) {
  std::string out = " \\\n    '1: :->command' \\\n    '*:: :->args' && return 0\n";
  out += "  case $state in\n    command)\n      local -a commands=(";
  for (const auto& sub : command.subcommands) {
    out += "\n        '" + spec_text(sub.name) + ":" + spec_text(sub.description) + "'";
    for (const auto& alias : sub.aliases)
      out += "\n        '" + spec_text(alias) + ":" + spec_text(sub.description) + "'";
  }
  out += "\n      )\n      _describe -t commands '" + program + " command' commands ;;\n";
  out += "    args)\n      case $line[1] in\n";
  for (const auto& sub : command.subcommands) {
    std::vector<std::string> labels{sub.name};
    labels.insert(labels.end(), sub.aliases.begin(), sub.aliases.end());
    out += "        " + join(labels, "|") + ") " + function_name(program, child_path(path, sub)) + " ;;\n";
  }
  return out + "      esac ;;\n  esac\n}\n\n";
}

void append_function(const CommandModel& command, const std::string& program, const std::string& path,
                     const std::vector<const OptionModel*>& inherited, std::string& out) {
  bool has_subcommands = !command.subcommands.empty();
  out += function_name(program, path) + "() {\n";
  if (has_subcommands) out += "  local curcontext=$curcontext state line\n";
  out += "  _arguments -s -S" + std::string(has_subcommands ? " -C" : "");
  for (const auto& option : command.options)
    if (option.positional.empty()) out += option_specs(option);
  for (const auto* option : inherited) out += option_specs(*option);
  int index = 0;
  for (const auto* option : positionals(command))
    out += fmt::format(" \\\n    '{}:{}:{}'", ++index, spec_text(option->positional), value_action(*option));
  out += has_subcommands ? subcommand_dispatch(command, program, path) : "\n}\n\n";
  std::vector<const OptionModel*> passed_down = inherited;
  if (command.fallthrough)
    for (const auto* option : named_options(command)) passed_down.push_back(option);
  for (const auto& sub : command.subcommands) append_function(sub, program, child_path(path, sub), passed_down, out);
}

// Tag names come from the program itself, on the list file named on the
// command line if any; _curate records both before _arguments rewrites words.
constexpr const char* k_zsh_tags = R"ZSH(_curate_tags() {
  local -a tags expl
  tags=(${(f)"$(_call_program tags $_curate_program $_curate_config completions $_curate_tags_arg 2>/dev/null)"})
  _wanted tags expl 'tag' compadd -a tags
}

_curate() {
  local _curate_program=${words[1]} _curate_tags_arg=--tags
  local -a _curate_config
  local i
  for ((i = 2; i < CURRENT; i++)); do
    case ${words[i]} in
      --config) _curate_config=(--config ${words[i+1]}) ;;
      *.md|*.markdown) _curate_tags_arg=--tags=${words[i]} ;;
    esac
  done
  _curate_cmd "$@"
}

if [[ $funcstack[1] == _curate ]]; then
  _curate "$@"
else
  compdef _curate curate
fi
)ZSH";

}  // namespace

std::string zsh_completion(const CommandModel& program) {
  std::string out = "#compdef " + program.name + "\n";
  out += "# zsh completion for " + program.name + ", generated by `" + program.name +
         " completions zsh` from the program's own option definitions.\n";
  out += "# Install: put it in a directory of $fpath as _" + program.name + ", or source it.\n\n";
  append_function(program, program.name, "", {}, out);
  return out + k_zsh_tags;
}

}  // namespace curate::cli
