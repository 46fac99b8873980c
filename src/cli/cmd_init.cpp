// curate init: writes a commented .curate.json for the list in the working
// directory and says how to run curate before every commit.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/edit/starter_config.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

constexpr const char* k_config_name = ".curate.json";
constexpr const char* k_cache_name = ".curate-cache.json";

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

// The Markdown files of the working directory, sorted.
std::vector<std::string> markdown_files_here() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(".", ec)) {
    std::string name = entry.path().filename().string();
    std::string lower = to_lower(name);
    if (entry.is_regular_file(ec) && (ends_with(lower, ".md") || ends_with(lower, ".markdown"))) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The named list; else README.md; else the one Markdown file here; else
// README.md, to be written (an empty folder starts a new list).
std::string list_to_describe(const InitOptions& options) {
  if (options.file) {
    if (*options.file == "-") throw Error("init needs a list file, not standard input");
    return *options.file;
  }
  if (std::filesystem::exists("README.md")) return "README.md";
  std::vector<std::string> found = markdown_files_here();
  if (found.size() == 1) return found.front();
  if (found.size() > 1)
    throw Error("no README.md here, and several Markdown files (" + join(found, ", ") +
                "); name the list: curate init FILE");
  return "README.md";
}

// Whether .gitignore in the working directory already names `name`.
bool git_ignores(const std::string& name) {
  std::ifstream in(".gitignore");
  for (std::string line; std::getline(in, line);)
    if (trim(line) == name || trim(line) == "/" + name) return true;
  return false;
}

std::string cache_help() {
  if (git_ignores(k_cache_name)) return "";
  return std::string("\n`curate validate --links` keeps its cache in ") + k_cache_name +
         " beside the list;\nkeep it out of git:\n\n  echo " + k_cache_name + " >> .gitignore\n";
}

int run_init(const InitOptions& options) {
  if (std::filesystem::exists(k_config_name))
    throw Error(std::string(k_config_name) + " already exists; edit it, or remove it to start again");
  std::string list_file = list_to_describe(options);
  bool exists = options.file || std::filesystem::exists(list_file);
  // The list alone decides the vocabulary: a config further up must not.
  Catalog catalog = exists ? parse_catalog(read_source(list_file), Config{}) : Catalog{};
  write_new_file(k_config_name, starter_config(list_file, catalog));
  std::string about = "which does not exist yet: write your list there";
  if (exists)
    about = catalog.tags.empty()
                ? "no tag legend found"
                : plural(static_cast<long long>(catalog.tags.size()), "tag", "tags") + " from its legend";
  write_stdout("Wrote " + std::string(k_config_name) + " for " + list_file + " (" + about + ").\n" + k_hook_help +
               cache_help());
  return k_exit_ok;
}

}  // namespace

void add_init_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<InitOptions>();
  add_file_argument(command, options->file,
                    "The list to configure (default: README.md, else the one Markdown file here)");
  command.callback([options, &state] { state.exit_code = run_init(*options); });
}

}  // namespace curate::cli
