// curate show: one entry in full.
#include "app.hpp"
#include "curate/query/entry_json.hpp"
#include "curate/query/query.hpp"
#include "curate/text/error.hpp"
#include "entry_text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct ShowOptions {
  std::string selector;
  std::optional<std::string> file;
  std::string format = "text";
};

int run_show(const ShowOptions& options, const RunState& state) {
  LoadedList list = load_list(state.global, options.file);
  std::vector<EntryRef> found = resolve_selector(list.catalog, options.selector);
  if (found.empty()) throw Error("no entry matches '" + options.selector + "'");
  if (found.size() > 1) {
    std::string names;
    for (size_t i = 0; i < found.size() && i < 5; ++i)
      names += "\n  " + found[i].item->id + "  " + found[i].item->title;
    throw Error("'" + options.selector + "' matches " + std::to_string(found.size()) + " entries; use an id:" + names +
                (found.size() > 5 ? "\n  …" : ""));
  }
  if (options.format == "json")
    write_stdout(entry_to_json(found.front(), list.source.path).dump(2) + "\n");
  else
    write_stdout(entry_details(found.front(), list.source.path, use_color(stdout)));
  return k_exit_ok;
}

}  // namespace

void add_show_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<ShowOptions>();
  command.add_option("SELECTOR", options->selector, "An entry id, a URL, or text of a title")
      ->type_name(placeholder::k_selector)
      ->required();
  add_file_argument(command, options->file);
  add_format_option(command, options->format, {"text", "json"});
  command.callback([options, &state] { state.exit_code = run_show(*options, state); });
}

}  // namespace curate::cli
