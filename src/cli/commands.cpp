// The table of subcommands: one line each, in the order --help shows them.
#include "app.hpp"

namespace curate::cli {

void add_list_command(CLI::App& command, RunState& state);
void add_sections_command(CLI::App& command, RunState& state);
void add_tags_command(CLI::App& command, RunState& state);
void add_style_command(CLI::App& command, RunState& state);
void add_show_command(CLI::App& command, RunState& state);
void add_stats_command(CLI::App& command, RunState& state);
void add_export_command(CLI::App& command, RunState& state);
void add_fmt_command(CLI::App& command, RunState& state);
void add_validate_command(CLI::App& command, RunState& state);
void add_diff_command(CLI::App& command, RunState& state);
void add_add_command(CLI::App& command, RunState& state);
void add_enrich_command(CLI::App& command, RunState& state);
void add_rm_command(CLI::App& command, RunState& state);
void add_mv_command(CLI::App& command, RunState& state);
void add_tag_command(CLI::App& command, RunState& state);
void add_sort_command(CLI::App& command, RunState& state);
void add_init_command(CLI::App& command, RunState& state);
void add_completions_command(CLI::App& command, RunState& state);
void add_help_command(CLI::App& command, RunState& state);

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> table = {
      {"list", "ls", "List entries, filtered by section, tag, kind, author, year or text", add_list_command},
      {"sections", nullptr, "Show the section tree with entry counts", add_sections_command},
      {"tags", nullptr, "Show the tag vocabulary with descriptions and counts", add_tags_command},
      {"style", nullptr, "Show the entry style in force and the entries that do not follow it", add_style_command},
      {"show", nullptr, "Show one entry in full (by id, URL or title)", add_show_command},
      {"stats", nullptr, "Count entries per section, tag, kind, year or author, with bar charts", add_stats_command},
      {"export", nullptr, "Export as JSON, CSV, BibTeX, CSL-JSON or a self-contained HTML page", add_export_command},
      {"validate", "lint", "Check the list against the rules of docs/validate.md (--fix, --format github|sarif)",
       add_validate_command},
      {"fmt", nullptr, "Re-render the list in the canonical style (--check, --diff, --write)", add_fmt_command},
      {"diff", nullptr, "Show entries added, removed, changed and moved between two versions", add_diff_command},
      {"add", nullptr, "Add one entry in the list's style at the end of a section or group, filled from its URL",
       add_add_command},
      {"enrich", nullptr, "Fill the authors, kind and date entries lack from their sources (--write)",
       add_enrich_command},
      {"rm", nullptr, "Remove entries (by id, URL or --match on titles)", add_rm_command},
      {"mv", nullptr, "Move entries to the end of another section or group", add_mv_command},
      {"tag", nullptr, "Add (+tag) or remove (-tag) tags of entries", add_tag_command},
      {"sort", nullptr, "Sort the entries of each list by title, date or year", add_sort_command},
      {"init", nullptr, "Write a commented .curate.json for the list in this folder", add_init_command},
      {"completions", nullptr, "Print a shell completion script (bash, zsh or fish)", add_completions_command},
      {"help", nullptr, "Show the help of curate or of one command", add_help_command},
  };
  return table;
}

}  // namespace curate::cli
