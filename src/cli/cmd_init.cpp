// curate init: writes a commented .curate.json for the list in the working
// directory and says how to run curate before every commit.
#include <filesystem>

#include "app.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/edit/starter_config.hpp"
#include "curate/text/error.hpp"

namespace curate::cli {
namespace {

constexpr const char* k_config_name = ".curate.json";

struct InitOptions {
  std::optional<std::string> file;
};

constexpr const char* k_hook_help =
    "\n"
    "To check the list before every commit with pre-commit (https://pre-commit.com),\n"
    "add this to .pre-commit-config.yaml and run `pre-commit install`:\n"
    "\n"
    "  repos:\n"
    "    - repo: local\n"
    "      hooks:\n"
    "        - id: curate-validate\n"
    "          name: curate validate\n"
    "          entry: curate validate\n"
    "          language: system\n"
    "          files: '(\\.md|\\.markdown|\\.curate\\.json)$'\n"
    "          pass_filenames: false\n"
    "        - id: curate-fmt\n"
    "          name: curate fmt\n"
    "          entry: curate fmt --write\n"
    "          language: system\n"
    "          files: '(\\.md|\\.markdown|\\.curate\\.json)$'\n"
    "          pass_filenames: false\n";

std::string list_to_describe(const InitOptions& options) {
  if (options.file) {
    if (*options.file == "-") throw Error("init needs a list file, not standard input");
    return *options.file;
  }
  if (std::filesystem::exists("README.md")) return "README.md";
  throw Error("no README.md here; name the list: curate init FILE");
}

int run_init(const InitOptions& options) {
  if (std::filesystem::exists(k_config_name))
    throw Error(std::string(k_config_name) + " already exists; edit it, or remove it to start again");
  std::string list_file = list_to_describe(options);
  // The list alone decides the vocabulary: a config further up must not.
  Catalog catalog = parse_catalog(read_source(list_file), Config{});
  write_new_file(k_config_name, starter_config(list_file, catalog));
  std::string tags =
      catalog.tags.empty() ? "no tag legend found" : std::to_string(catalog.tags.size()) + " tags from its legend";
  write_stdout("Wrote " + std::string(k_config_name) + " for " + list_file + " (" + tags + ").\n" + k_hook_help);
  return k_exit_ok;
}

}  // namespace

void add_init_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<InitOptions>();
  command.add_option("FILE", options->file, "The list to configure (default: README.md)");
  command.callback([options, &state] { state.exit_code = run_init(*options); });
}

}  // namespace curate::cli
