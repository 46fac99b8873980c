// curate stats: counts per section, tag, kind, year or author, as bar charts.
#include <sys/ioctl.h>
#include <unistd.h>

#include "app.hpp"
#include "curate/query/query.hpp"
#include "curate/query/stats.hpp"
#include "curate/text/error.hpp"
#include "filter_options.hpp"

namespace curate::cli {
namespace {

struct StatsOptions {
  std::optional<std::string> file;
  EntryFilter filter;
  std::string by = "section";
  std::string format = "text";
};

// The terminal's width when stdout is one, else 80 (pipes and files get a
// stable layout).
int output_width() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

int run_stats(const StatsOptions& options, const RunState& state) {
  LoadedList list = load_list(state.global, options.file);
  Stats stats = compute_stats(select_entries(list.catalog, options.filter), parse_stats_group_by(options.by));
  if (options.format == "json") {
    write_stdout(stats_to_json(stats, list.source.path));
    return k_exit_ok;
  }
  StatsTextOptions text;
  text.width = output_width();
  text.color = use_color(stdout);
  text.heading = (list.catalog.title ? *list.catalog.title + " — " : std::string()) + list.source.path;
  write_stdout(stats_to_text(stats, text));
  return k_exit_ok;
}

}  // namespace

void add_stats_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<StatsOptions>();
  command.add_option("FILE", options->file, "The list file ('-' for standard input)");
  add_filter_options(command, options->filter);
  command.add_option("--by", options->by, "Group entries by section, tag, kind, year or author")
      ->check(CLI::IsMember({"section", "tag", "kind", "year", "author"}));
  command.add_option("--format", options->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  command.callback([options, &state] { state.exit_code = run_stats(*options, state); });
}

}  // namespace curate::cli
