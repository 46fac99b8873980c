// curate stats: counts per section, tag, kind, year or author, as bar charts.
#include "app.hpp"
#include "curate/query/query.hpp"
#include "curate/query/stats.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "filter_options.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

constexpr size_t k_default_width = 80;  // pipes and files without COLUMNS get a stable layout

struct StatsOptions {
  std::vector<std::string> files;
  EntryFilter filter;
  std::string by = "section";
  std::string format = "text";
};

int run_stats(const StatsOptions& options, const RunState& state) {
  check_not_a_filter_value(options.files, options.filter);
  LoadedCatalog list = load_catalog(state.global, options.files);
  CatalogSet set = list.set();
  Stats stats = compute_stats(select_entries(set, options.filter), parse_stats_group_by(options.by), set.several);
  if (options.format == "json") {
    write_stdout(stats_to_json(stats, list.paths(), set.several));
    return k_exit_ok;
  }
  StatsTextOptions text;
  text.width = static_cast<int>(output_width().value_or(k_default_width));
  text.color = use_color(stdout);
  const Catalog& first = *set.catalogs.front();
  text.heading = set.several ? plural(static_cast<long long>(set.catalogs.size()), "file", "files") + ": " +
                                   join(list.paths(), ", ")
                             : (first.title ? *first.title + " — " : std::string()) + first.path;
  write_stdout(stats_to_text(stats, text));
  return k_exit_ok;
}

}  // namespace

void add_stats_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<StatsOptions>();
  add_files_argument(command, options->files);
  add_filter_options(command, options->filter);
  command.add_option("--by", options->by, "Group entries by this (default: section)")
      ->type_name(placeholder::k_group_by)
      ->check(choice({"section", "tag", "kind", "year", "author", "file"}));
  add_format_option(command, options->format, {"text", "json"});
  command.callback([options, &state] { state.exit_code = run_stats(*options, state); });
}

}  // namespace curate::cli
