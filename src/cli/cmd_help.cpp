// curate help [COMMAND]: the same text as `curate --help` or
// `curate COMMAND --help`, for people who type it the other way round.
#include "app.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct HelpOptions {
  std::optional<std::string> command;
};

const CLI::App& root_of(const CLI::App& command) {
  const CLI::App* app = &command;
  while (app->get_parent() != nullptr) app = app->get_parent();
  return *app;
}

int run_help(const CLI::App& command, const HelpOptions& options) {
  const CLI::App& root = root_of(command);
  if (!options.command) {
    write_stdout(root.get_formatter()->make_help(&root, root.get_name(), CLI::AppFormatMode::Normal));
    return k_exit_ok;
  }
  std::vector<std::string> names;
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(*options.command)) {
      write_stdout(
          sub->get_formatter()->make_help(sub, root.get_name() + " " + sub->get_name(), CLI::AppFormatMode::Normal));
      return k_exit_ok;
    }
    names.push_back(sub->get_name());
  }
  throw Error("unknown command '" + *options.command + "'" + did_you_mean(*options.command, names));
}

}  // namespace

void add_help_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<HelpOptions>();
  command.add_option("COMMAND", options->command, "The command to explain (default: all of them)")
      ->type_name(placeholder::k_command);
  command.callback([options, &command, &state] { state.exit_code = run_help(command, *options); });
}

}  // namespace curate::cli
