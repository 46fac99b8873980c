// curate mv: move entries (with their children) to the end of another section or group.
#include "app.hpp"
#include "curate/text/error.hpp"
#include "edit_common.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct MvOptions {
  std::vector<std::string> args;  // SELECTOR… [FILE]
  std::optional<std::string> match;
  std::optional<std::string> file;
  std::string to;
  bool all = false;
  bool dry_run = false;
};

int run_mv(MvOptions options, const RunState& state) {
  take_file_argument(options.args, options.file);
  LoadedList list = load_for_edit(state, options.file);
  std::vector<EntryRef> entries = select_for_edit(list.catalog, options.args, options.match, options.all);
  EditTarget target = resolve_move_target(list.catalog, options.to);
  EditResult result =
      with_file_errors(list.source.path, [&] { return move_entries(list.catalog, list.source.text, entries, target); });
  return finish_edit(list, result, options.dry_run);
}

}  // namespace

void add_mv_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<MvOptions>();
  command
      .add_option("SELECTOR", options->args,
                  "Entry ids or URLs, then the list file (an existing file, or a name ending in .md)")
      ->type_name(placeholder::k_selector);
  command
      .add_option("--to", options->to,
                  "Where the entries go (appended at the end): the section PATTERN names, or SECTION/GROUP")
      ->type_name(placeholder::k_pattern)
      ->required();
  command.add_option("--match", options->match, "Select by title (equal, else containing; case-insensitive)")
      ->type_name(placeholder::k_text);
  command.add_flag("--all", options->all, "Allow a selector to match several entries (moved in document order)");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing");
  command.callback([options, &state] { state.exit_code = run_mv(*options, state); });
}

}  // namespace curate::cli
