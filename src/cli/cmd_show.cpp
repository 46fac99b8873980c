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
  std::vector<std::string> files;
  std::string format = "text";
};

// Several matches: each with its id (unique across the files) and where it
// is, so the next command can name one.
std::string ambiguity_message(const std::string& selector, const std::vector<EntryRef>& found) {
  std::string names;
  for (size_t i = 0; i < found.size() && i < 5; ++i) {
    const Item& item = *found[i].item;
    names += "\n  " + item.id + "  " + found[i].file() + ":" + std::to_string(item.pos.line) + "  " + item.title;
  }
  return "'" + selector + "' matches " + std::to_string(found.size()) + " entries; use an id:" + names +
         (found.size() > 5 ? "\n  …" : "");
}

int run_show(const ShowOptions& options, const RunState& state) {
  LoadedCatalog list = load_catalog(state.global, options.files);
  std::vector<EntryRef> found = resolve_selector(list.set(), options.selector);
  if (found.empty()) throw Error("no entry matches '" + options.selector + "'");
  if (found.size() > 1) throw Error(ambiguity_message(options.selector, found));
  if (options.format == "json")
    write_stdout(entry_to_json(found.front()).dump(2) + "\n");
  else
    write_stdout(entry_details(found.front(), use_color(stdout)));
  return k_exit_ok;
}

}  // namespace

void add_show_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<ShowOptions>();
  command.add_option("SELECTOR", options->selector, "An entry id, a URL, or text of a title")
      ->type_name(placeholder::k_selector)
      ->required();
  add_files_argument(command, options->files);
  add_format_option(command, options->format, {"text", "json"});
  command.callback([options, &state] { state.exit_code = run_show(*options, state); });
}

}  // namespace curate::cli
