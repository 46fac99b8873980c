// curate diff: what changed between two versions of a list, as a catalog.
#include "app.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/io/git.hpp"
#include "curate/query/catalog_diff.hpp"
#include "curate/text/error.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct DiffOptions {
  std::vector<std::string> files;
  std::optional<std::string> rev;
  std::string format = "text";
};

int run_diff(const DiffOptions& options, const RunState& state) {
  Config config = load_cli_config(state.global);
  SourceFile old_source, new_source;
  if (options.rev) {
    if (options.files.size() > 1) throw Error("diff --rev takes at most one list file");
    std::optional<std::string> file;
    if (!options.files.empty()) file = options.files.front();
    new_source = read_source(resolve_list_path(file, config));
    if (new_source.path == "-") throw Error("diff --rev needs a list file in a git repository, not standard input");
    old_source =
        source_from_bytes(*options.rev + ":" + new_source.path, read_git_revision(new_source.path, *options.rev));
  } else {
    if (options.files.size() != 2) throw Error("diff needs two list files (OLD NEW), or --rev GITREV [FILE]");
    if (options.files[0] == "-" && options.files[1] == "-")
      throw Error("diff can read only one side from standard input");
    old_source = read_source(options.files[0]);
    new_source = read_source(options.files[1]);
  }
  CatalogDiff diff = diff_catalogs(parse_catalog(old_source, config), parse_catalog(new_source, config));
  if (options.format == "json")
    write_stdout(diff_to_json(diff, old_source.path, new_source.path).dump(2) + "\n");
  else
    write_stdout(diff_to_text(diff));
  return diff.empty() ? k_exit_ok : k_exit_findings;
}

}  // namespace

void add_diff_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<DiffOptions>();
  command.add_option("FILE", options->files, "OLD NEW, or with --rev the list file")->type_name(placeholder::k_file);
  command.add_option("--rev", options->rev, "Compare with the list as of this git revision (git show GITREV:PATH)")
      ->type_name(placeholder::k_rev);
  add_format_option(command, options->format, {"text", "json"});
  command.callback([options, &state] { state.exit_code = run_diff(*options, state); });
}

}  // namespace curate::cli
