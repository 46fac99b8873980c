// The bash completion script. The generated part is data (case tables keyed
// by the canonical subcommand path); the walk over the command line is fixed
// shell code, so the script stays readable and adapts to new commands.
#include <fmt/format.h>

#include "curate/text/text.hpp"
#include "generators.hpp"

namespace curate::cli {
namespace {

// A command with its canonical path ("" for the program, "tag add" nested)
// and the options it accepts, own and inherited through fallthrough.
struct PathEntry {
  std::string path;
  const CommandModel* command;
  std::vector<const OptionModel*> options;
};

void collect_paths(const CommandModel& command, const std::string& path, std::vector<const OptionModel*> inherited,
                   std::vector<PathEntry>& out) {
  std::vector<const OptionModel*> options;
  for (const auto& option : command.options)
    if (option.positional.empty()) options.push_back(&option);
  for (const auto* option : inherited) options.push_back(option);
  out.push_back({path, &command, options});
  std::vector<const OptionModel*> passed_down;
  if (command.fallthrough)
    for (const auto* option : named_options(command)) passed_down.push_back(option);
  for (const auto* option : inherited) passed_down.push_back(option);
  for (const auto& sub : command.subcommands)
    collect_paths(sub, path.empty() ? sub.name : path + " " + sub.name, passed_down, out);
}

std::string sh_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::vector<std::string> dashed_names(const OptionModel& option) {
  std::vector<std::string> names;
  for (const auto& name : option.short_names) names.push_back("-" + name);
  for (const auto& name : option.long_names) names.push_back("--" + name);
  return names;
}

std::string subcommand_table(const std::vector<PathEntry>& paths) {
  std::string out = "_curate_subcommand() {\n  case \"$1/$2\" in\n";
  for (const auto& entry : paths) {
    for (const auto& sub : entry.command->subcommands) {
      std::string child = entry.path.empty() ? sub.name : entry.path + " " + sub.name;
      std::vector<std::string> labels{sh_quoted(entry.path + "/" + sub.name)};
      for (const auto& alias : sub.aliases) labels.push_back(sh_quoted(entry.path + "/" + alias));
      out += fmt::format("    {}) echo {} ;;\n", join(labels, "|"), sh_quoted(child));
    }
  }
  return out + "  esac\n}\n";
}

std::string word_lists(const std::vector<PathEntry>& paths) {
  std::string subs = "_curate_subcommands() {\n  case \"$1\" in\n";
  std::string opts = "_curate_options() {\n  case \"$1\" in\n";
  for (const auto& entry : paths) {
    std::vector<std::string> names;
    for (const auto& sub : entry.command->subcommands) {
      names.push_back(sub.name);
      names.insert(names.end(), sub.aliases.begin(), sub.aliases.end());
    }
    if (!names.empty()) subs += fmt::format("    {}) echo {} ;;\n", sh_quoted(entry.path), sh_quoted(join(names, " ")));
    names.clear();
    for (const auto* option : entry.options) {
      auto dashed = dashed_names(*option);
      names.insert(names.end(), dashed.begin(), dashed.end());
    }
    opts += fmt::format("    {}) echo {} ;;\n", sh_quoted(entry.path), sh_quoted(join(names, " ")));
  }
  return subs + "  esac\n}\n" + opts + "  esac\n}\n";
}

std::string value_tables(const std::vector<PathEntry>& paths) {
  std::string takes = "_curate_takes_value() {\n  case \"$1/$2\" in\n";
  std::string values = "_curate_values() {\n  case \"$1/$2\" in\n";
  for (const auto& entry : paths) {
    for (const auto* option : entry.options) {
      if (!option->takes_value) continue;
      std::vector<std::string> labels;
      for (const auto& name : dashed_names(*option)) labels.push_back(sh_quoted(entry.path + "/" + name));
      takes += fmt::format("    {}) return 0 ;;\n", join(labels, "|"));
      values += fmt::format("    {}) echo {} ;;\n", join(labels, "|"), sh_quoted(completion_values(*option)));
    }
    int index = 0;
    for (const auto* option : positionals(*entry.command))
      values += fmt::format("    {}) echo {} ;;\n", sh_quoted(entry.path + "/#" + std::to_string(++index)),
                            sh_quoted(completion_values(*option)));
  }
  return takes + "  esac\n  return 1\n}\n" + values + "  esac\n}\n";
}

// The walk over COMP_WORDS: finds the subcommand path, counts positionals,
// remembers the list file and --config for the tag lookup, then completes.
constexpr const char* k_bash_main = R"BASH(
# Tag names of the list on the command line (or the configured one).
_curate_tag_names() {
  local -a config=()
  [[ -n $_curate_config ]] && config=(--config "$_curate_config")
  "${COMP_WORDS[0]}" "${config[@]}" completions --tags${_curate_file:+="$_curate_file"} 2>/dev/null
}

_curate() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local path="" npos=0 i=1 w sub values _curate_file="" _curate_config=""
  if [[ $prev == "=" && $COMP_CWORD -ge 2 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
  [[ $cur == "=" ]] && cur=""
  while ((i < COMP_CWORD)); do
    w=${COMP_WORDS[i]}
    if [[ $w == -?* ]] && _curate_takes_value "$path" "$w"; then
      [[ ${COMP_WORDS[i+1]} == "=" ]] && i=$((i + 1))
      i=$((i + 1))
      [[ $w == --config && $i -lt $COMP_CWORD ]] && _curate_config=${COMP_WORDS[i]}
    elif [[ $w != -?* ]]; then
      sub=$(_curate_subcommand "$path" "$w")
      if [[ -n $sub && $npos -eq 0 ]]; then
        path=$sub
      else
        npos=$((npos + 1))
        [[ $(_curate_values "$path" "#$npos") == @list && $w != - ]] && _curate_file=$w
      fi
    fi
    i=$((i + 1))
  done
  if [[ $prev == -?* ]] && ((COMP_CWORD > 1)) && _curate_takes_value "$path" "$prev"; then
    values=$(_curate_values "$path" "$prev")
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_curate_options "$path")" -- "$cur"))
    return 0
  else
    values=$(_curate_subcommands "$path")
    if [[ -z $values || $npos -gt 0 ]]; then values=$(_curate_values "$path" "#$((npos + 1))"); fi
  fi
  case "$values" in
    @tags) local IFS=$'\n'; COMPREPLY=($(compgen -W "$(_curate_tag_names)" -- "$cur")) ;;
    @files|@list) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    *) COMPREPLY=($(compgen -W "$values" -- "$cur")) ;;
  esac
  return 0
}
complete -F _curate curate
)BASH";

}  // namespace

std::string completion_values(const OptionModel& option) {
  if (!option.choices.empty()) return join(option.choices, " ");
  if (option.tag_value) return "@tags";
  if (option.positional == "FILE") return "@list";
  const std::string& name = option.positional;
  if (!name.empty()) {
    bool is_path = name.find("FILE") != std::string::npos || name.find("PATH") != std::string::npos || name == "OLD" ||
                   name == "NEW";
    return is_path ? "@files" : "";
  }
  // Named options take free text unless their value or name says path.
  if (option.value_name.find("FILE") != std::string::npos || option.value_name.find("PATH") != std::string::npos ||
      option.value_name.find("DIR") != std::string::npos)
    return "@files";
  static const std::vector<std::string> k_path_options = {"config", "output", "out", "file", "cache"};
  for (const auto& long_name : option.long_names)
    for (const auto& path_name : k_path_options)
      if (long_name == path_name) return "@files";
  return "";
}

std::string bash_completion(const CommandModel& program) {
  std::vector<PathEntry> paths;
  collect_paths(program, "", {}, paths);
  std::string out = "# bash completion for " + program.name + "\n";
  out += "# Generated by `" + program.name + " completions bash` from the program's own option definitions.\n";
  out += "# Install: " + program.name + " completions bash > ~/.local/share/bash-completion/completions/" +
         program.name + "\n\n";
  out += subcommand_table(paths) + word_lists(paths) + value_tables(paths) + k_bash_main;
  return out;
}

}  // namespace curate::cli
