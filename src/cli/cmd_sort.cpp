// curate sort: order the entries of each list by title, date or year.
#include "app.hpp"
#include "curate/query/query.hpp"
#include "edit_common.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct SortCommandOptions {
  std::optional<std::string> file;
  std::string by = "title";
  std::optional<std::string> section;
  bool reverse = false;
  bool dry_run = false;
};

int run_sort(const SortCommandOptions& options, const RunState& state) {
  LoadedList list = load_for_edit(state, options.file);
  if (options.section) require_section(list.catalog, *options.section);
  SortOptions sort{parse_sort_key(options.by), options.reverse, options.section};
  EditResult result =
      with_file_errors(list.source.path, [&] { return sort_lists(list.catalog, list.source.text, sort); });
  return finish_edit(list, result, options.dry_run);
}

}  // namespace

void add_sort_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<SortCommandOptions>();
  add_file_argument(command, options->file, "The list file");
  command.add_option("--by", options->by, "Sort key (default: title)")
      ->type_name(placeholder::k_sort_key)
      ->check(choice({"title", "date", "year"}));
  command
      .add_option("--section", options->section,
                  "Only lists in the sections or groups PATTERN names (docs/cli.md), and below")
      ->type_name(placeholder::k_pattern);
  command.add_flag("--reverse", options->reverse, "Descending (entries without a date stay last)");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing");
  command.callback([options, &state] { state.exit_code = run_sort(*options, state); });
}

}  // namespace curate::cli
