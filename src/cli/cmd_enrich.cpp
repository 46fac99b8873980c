// curate enrich: the fields entries lack (authors, kind, date), filled from
// their sources as a reviewed diff; --write applies it (docs/metadata.md).
#include <unistd.h>

#include <cstdio>
#include <map>

#include "app.hpp"
#include "curate/edit/enrich.hpp"
#include "curate/query/query.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "edit_common.hpp"
#include "metadata_run.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct EnrichOptions {
  std::optional<std::string> file;
  std::vector<std::string> selectors;
  std::optional<std::string> match;
  std::optional<std::string> section;
  bool write = false;
  bool dry_run = false;
};

// One entry to ask about, and the fields it lacks.
struct Candidate {
  EntryRef entry;
  std::vector<std::string> fields;
};

std::vector<Candidate> candidates(const LoadedList& list, const EnrichOptions& options) {
  std::vector<EntryRef> entries = options.selectors.empty() && !options.match
                                      ? collect_entries(list.catalog)
                                      : select_for_edit(list.catalog, options.selectors, options.match, true);
  if (options.section) require_section(list.catalog, *options.section);
  EntryFilter filter;
  filter.section = options.section;
  std::vector<Candidate> out;
  for (const EntryRef& entry : entries) {
    if (!matches(entry, filter)) continue;
    std::vector<std::string> fields = fillable_fields(entry, list.catalog, list.config);
    if (!fields.empty()) out.push_back({entry, std::move(fields)});
  }
  return out;
}

// "FILE:LINE: warning: "Title" not filled: why" on stderr ("note" for an
// entry whose source has nothing it lacks, which is no fault).
void warn(const LoadedList& list, const Item& item, const std::string& why, const char* level = "warning") {
  std::fprintf(stderr, "%s:%d: %s: \"%s\" not filled: %s\n", list.source.path.c_str(), item.pos.line, level,
               item.title.c_str(), why.c_str());
}

// Asks each candidate's source (each URL once); failures are warned about
// here. Returns the fills and whether any source failed.
std::vector<EntryFill> ask_sources(const LoadedList& list, const std::vector<Candidate>& wanted, bool& failed) {
  MetadataOptions options = resolve_metadata_options(list.config, list.source.path);
  std::vector<std::string> urls;
  std::map<std::string, size_t> index;
  for (const Candidate& candidate : wanted)
    if (index.emplace(*candidate.entry.item->url, urls.size()).second) urls.push_back(*candidate.entry.item->url);
  if (::isatty(STDERR_FILENO))
    std::fprintf(stderr, "curate: asking the sources of %s…\n",
                 plural(static_cast<long long>(urls.size()), "URL", "URLs").c_str());
  std::vector<MetadataResult> results = fetch_with_curl(urls, options);
  std::vector<EntryFill> fills;
  for (const Candidate& candidate : wanted) {
    const MetadataResult& result = results[index[*candidate.entry.item->url]];
    if (!result.metadata) {
      warn(list, *candidate.entry.item, "cannot read " + *candidate.entry.item->url + ": " + result.problem);
      failed = true;
      continue;
    }
    std::string style = style_for_section(list.catalog, list.config, candidate.entry.section);
    ListFields fields = as_list_writes(*result.metadata, list.catalog, style, options);
    fills.push_back({candidate.entry, fields.authors, fields.kind, fields.date});
  }
  return fills;
}

int run_enrich(EnrichOptions options, const RunState& state) {
  take_file_argument(options.selectors, options.file);
  LoadedList list = load_for_edit(state, options.file);
  std::vector<Candidate> wanted = candidates(list, options);
  if (wanted.empty()) {
    write_stdout(list.source.path + ": nothing to fill: every entry selected has the authors, kind and date its " +
                 "style holds (or its style holds none)\n");
    return k_exit_ok;
  }
  bool failed = false;
  std::vector<EntryFill> fills = ask_sources(list, wanted, failed);
  std::vector<EntryFillOutcome> outcomes;
  EditResult edit = with_file_errors(list.source.path, [&] {
    EnrichResult result = enrich_entries(list.catalog, list.source.text, fills, list.config);
    outcomes = std::move(result.outcomes);
    return std::move(result.edit);
  });
  for (const EntryFillOutcome& outcome : outcomes) {
    if (outcome.skipped.empty()) continue;
    warn(list, *outcome.item, outcome.skipped, outcome.unwritable ? "warning" : "note");
    failed = failed || outcome.unwritable;
  }
  int code = finish_edit(list, edit, !options.write);
  if (!options.write && edit.changed)
    std::fprintf(stderr, "curate: %s: a dry run; --write applies it\n", list.source.path.c_str());
  return code == k_exit_ok && failed ? k_exit_findings : code;
}

}  // namespace

void add_enrich_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<EnrichOptions>();
  namespace ph = placeholder;
  command
      .add_option("SELECTOR", options->selectors,
                  "Entry ids or URLs (default: every entry), then the list file (an existing file, or a name "
                  "ending in .md)")
      ->type_name(ph::k_selector);
  command.add_option("--match", options->match, "Select by title (equal, else containing; case-insensitive)")
      ->type_name(ph::k_text);
  command.add_option("--section", options->section, "Only entries under the sections or groups PATTERN names")
      ->type_name(ph::k_pattern);
  auto* write = command.add_flag("--write", options->write, "Write the filled fields into the file");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing (the default)")
      ->excludes(write);
  command.callback([options, &state] { state.exit_code = run_enrich(*options, state); });
}

}  // namespace curate::cli
