// curate rm: remove entries (by id, URL or --match on titles).
#include "app.hpp"
#include "edit_common.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct RmOptions {
  std::vector<std::string> selectors;
  std::optional<std::string> match;
  std::optional<std::string> file;
  bool all = false;
  bool recursive = false;
  bool dry_run = false;
};

int run_rm(RmOptions options, const RunState& state) {
  take_file_argument(options.selectors, options.file);
  LoadedList list = load_for_edit(state, options.file);
  std::vector<EntryRef> entries = select_for_edit(list.catalog, options.selectors, options.match, options.all);
  EditResult result = with_file_errors(
      list.source.path, [&] { return remove_entries(list.catalog, list.source.text, entries, options.recursive); });
  result.line = entries.front().item->pos.line;  // where the (first) entry was
  return finish_edit(list, result, options.dry_run);
}

}  // namespace

void add_rm_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<RmOptions>();
  command
      .add_option("SELECTOR", options->selectors,
                  "Entry ids or URLs, then the list file (an existing file, or a name ending in .md)")
      ->type_name(placeholder::k_selector);
  command.add_option("--match", options->match, "Select by title (equal, else containing; case-insensitive)")
      ->type_name(placeholder::k_text);
  command.add_flag("--all", options->all, "Allow a selector to match several entries");
  command.add_flag("--recursive", options->recursive, "Also remove the entries' child items");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing");
  command.callback([options, &state] { state.exit_code = run_rm(*options, state); });
}

}  // namespace curate::cli
