// curate export: the list as JSON, CSV, BibTeX, CSL-JSON or one HTML page.
#include <filesystem>

#include "app.hpp"
#include "curate/export/export.hpp"
#include "curate/io/source.hpp"
#include "curate/query/entry_formats.hpp"
#include "curate/query/query.hpp"
#include "curate/text/error.hpp"
#include "filter_options.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct ExportOptions {
  std::vector<std::string> files;
  EntryFilter filter;
  std::string format = "json";
  std::optional<std::string> output;
};

std::string render(const ExportScope& scope, const std::string& format) {
  if (format == "csv") return entries_to_csv(scope.entries, scope.set.several);
  if (format == "bibtex") return export_bibtex(scope);
  if (format == "csl-json") return export_csl_json(scope);
  if (format == "html") return export_html(scope);
  return export_json(scope);
}

// Refuses to write the export over the list it was made from.
void check_output(const std::string& output, const std::string& list) {
  std::error_code ec;
  if (list != "-" && std::filesystem::equivalent(output, list, ec))
    throw Error(output + ": is the list being exported; choose another --output file");
}

int run_export(const ExportOptions& options, const RunState& state) {
  check_not_a_filter_value(options.files, options.filter);
  LoadedCatalog list = load_catalog(state.global, options.files);
  if (options.output && *options.output != "-")
    for (const std::string& path : list.paths()) check_output(*options.output, path);
  CatalogSet set = list.set();
  ExportScope scope = ExportScope::make(set, select_entries(set, options.filter), options.filter.any());
  std::string bytes = render(scope, options.format);
  if (options.output && *options.output != "-")
    write_output(*options.output, bytes);
  else
    write_stdout(bytes);
  return k_exit_ok;
}

}  // namespace

void add_export_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<ExportOptions>();
  add_files_argument(command, options->files);
  add_filter_options(command, options->filter);
  add_format_option(command, options->format, {"json", "csv", "bibtex", "csl-json", "html"},
                    "Output format (json: the whole tree; docs/export.md)");
  command.add_option("-o,--output", options->output, "Write to FILE (atomically) instead of standard output")
      ->type_name(placeholder::k_file);
  command.callback([options, &state] { state.exit_code = run_export(*options, state); });
}

}  // namespace curate::cli
