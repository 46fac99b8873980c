// curate completions: shell completion scripts, and the generated parts of
// the documentation, all read from the CLI11 definitions at run time.
#include <set>

#include "app.hpp"
#include "cli_model.hpp"
#include "curate/text/error.hpp"
#include "generators.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct CompletionsOptions {
  std::optional<std::string> shell;
  bool man = false;
  bool dump_cli = false;
  CLI::Option* tags = nullptr;
  std::string tags_file;
};

// The tag names a `--tag` value can take: the vocabulary, then tags used in
// entries but not declared, one per line.
std::string tag_names(const CompletionsOptions& options, const RunState& state) {
  std::optional<std::string> file;
  if (!options.tags_file.empty()) file = options.tags_file;
  LoadedList list = load_list(state.global, file);
  std::set<std::string> seen;
  std::string out;
  auto add = [&](const std::string& name) {
    if (seen.insert(name).second) out += name + "\n";
  };
  for (const auto& tag : list.catalog.tags) add(tag.name);
  for (const auto& entry : collect_entries(list.catalog))
    for (const auto& tag : entry.item->tags) add(tag);
  return out;
}

CLI::App& root_of(CLI::App& command) {
  CLI::App* app = &command;
  while (app->get_parent() != nullptr) app = app->get_parent();
  return *app;
}

int run_completions(CLI::App& command, const CompletionsOptions& options, const RunState& state) {
  if (options.tags->count() > 0) {
    write_stdout(tag_names(options, state));
    return k_exit_ok;
  }
  CommandModel program = describe_app(root_of(command));
  if (options.dump_cli) {
    write_stdout(to_json(program).dump(2) + "\n");
  } else if (options.man) {
    write_stdout(man_reference(program));
  } else if (!options.shell) {
    throw Error("name a shell: curate completions bash|zsh|fish");
  } else if (*options.shell == "bash") {
    write_stdout(bash_completion(program));
  } else if (*options.shell == "zsh") {
    write_stdout(zsh_completion(program));
  } else {
    write_stdout(fish_completion(program));
  }
  return k_exit_ok;
}

}  // namespace

void add_completions_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<CompletionsOptions>();
  command.add_option("SHELL", options->shell, "The shell to print a completion script for")
      ->type_name(placeholder::k_shell)
      ->check(choice({"bash", "zsh", "fish"}));
  command.add_flag("--man", options->man, "Print the OPTIONS and COMMANDS sections of the man page (roff)");
  command.add_flag("--dump-cli", options->dump_cli, "Print every command and option as JSON");
  options->tags = command
                      .add_option("--tags", options->tags_file,
                                  "Print the tag names of the list FILE (or the configured list), one per line")
                      ->expected(0, 1)
                      ->type_name(placeholder::k_file);
  command.callback([options, &command, &state] { state.exit_code = run_completions(command, *options, state); });
}

}  // namespace curate::cli
