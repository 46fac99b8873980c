// curate list: entries, filtered and printed in several formats.
#include <algorithm>

#include "app.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/query/entry_formats.hpp"
#include "curate/query/query.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "entry_text.hpp"
#include "filter_options.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct ListOptions {
  std::vector<std::string> files;
  EntryFilter filter;
  std::string sort = "file";
  bool reverse = false;
  std::optional<size_t> limit;
  bool count = false;
  std::string format = "text";
};

// JSON streams to standard output a megabyte at a time: on big lists the
// whole text would be as large as the parsed list.
std::string render(const std::vector<EntryRef>& entries, const ListOptions& options, const CatalogSet& set) {
  auto flush = [](std::string& text) {
    write_stdout(text);
    text.clear();
  };
  if (options.format == "json") return entries_to_json(entries, flush, parse_jobs());
  if (options.format == "jsonl") return entries_to_jsonl(entries, flush);
  if (options.format == "csv") return entries_to_csv(entries, set.several);
  if (options.format == "tsv") return entries_to_tsv(entries, set.several);
  if (options.format == "markdown") return entries_to_markdown(entries, set.several);
  return entries_to_text(entries, set, {output_width(), use_color(stdout)});
}

int run_list(const ListOptions& options, RunState& state) {
  check_not_a_filter_value(options.files, options.filter);
  LoadedCatalog list = load_catalog(state.global, options.files);
  CatalogSet set = list.set();
  std::vector<EntryRef> entries = select_entries(set, options.filter);
  sort_entries(entries, parse_sort_key(options.sort), options.reverse);
  if (options.limit && entries.size() > *options.limit) entries.resize(*options.limit);
  write_stdout(options.count ? std::to_string(entries.size()) + "\n" : render(entries, options, set));
  state.keep(std::move(entries));  // before the catalog they point into
  state.keep(std::move(list));
  return k_exit_ok;
}

}  // namespace

void add_list_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<ListOptions>();
  add_files_argument(command, options->files);
  add_filter_options(command, options->filter);
  command
      .add_option("--sort", options->sort,
                  "Order of the entries (default: file, the order of the list; files in path order)")
      ->type_name(placeholder::k_sort_key)
      ->check(choice({"file", "title", "date", "year", "section"}));
  command.add_flag("--reverse", options->reverse, "Reverse the order (entries without the key stay last)");
  command.add_option("--limit", options->limit, "Print at most N entries")
      ->type_name(placeholder::k_count)
      ->check(count_value());
  command.add_flag("--count", options->count, "Print only the number of matching entries");
  add_format_option(command, options->format, {"text", "json", "jsonl", "csv", "tsv", "markdown"});
  command.callback([options, &state] { state.exit_code = run_list(*options, state); });
}

}  // namespace curate::cli
