#include "usage_error.hpp"

#include <vector>

#include "app.hpp"
#include "curate/text/text.hpp"

namespace curate::cli {
namespace {

// Every spelling of the options `command` accepts: its own, and the
// program's global ones when it lets them through.
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* app = &command; app; app = app->get_parent()) {
    for (const CLI::Option* option : app->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
    if (!app->get_fallthrough()) break;
  }
  return names;
}

std::string command_path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* app = command.get_parent(); app; app = app->get_parent()) path = app->get_name() + " " + path;
  return path;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& spec : command_table()) names.emplace_back(spec.name);
  return names;
}

}  // namespace

UsageError describe_usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  std::vector<CLI::App*> chosen = app.get_subcommands();
  if (chosen.empty()) {
    if (argc >= 2 && argv[1][0] != '-')
      return {std::string("unknown command '") + argv[1] + "'" + did_you_mean(argv[1], command_names()),
              "Run 'curate help' for the list of commands."};
  }
  const CLI::App& command = chosen.empty() ? app : *chosen.front();
  UsageError out{error.what(), "Run '" + command_path(command) + " --help' for usage."};
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return out;
  std::vector<std::string> rest = app.remaining(true);  // what no command took, in order
  for (const std::string& arg : rest) {
    if (arg.size() < 2 || arg[0] != '-') continue;
    std::string option = arg.substr(0, arg.find('='));
    out.message = "unknown option '" + option + "' for '" + command_path(command) + "'" +
                  did_you_mean(option, option_names(command));
    return out;
  }
  if (!rest.empty()) out.message = "unexpected argument '" + rest.front() + "' for '" + command_path(command) + "'";
  return out;
}

}  // namespace curate::cli
