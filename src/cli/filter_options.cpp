#include "filter_options.hpp"

#include <filesystem>

#include "curate/text/error.hpp"
#include "options.hpp"

namespace curate::cli {

void add_filter_options(CLI::App& command, EntryFilter& filter) {
  namespace ph = placeholder;
  command
      .add_option("--section", filter.section,
                  "Only entries in the sections or groups PATTERN names: whole titles, case-insensitive, "
                  "'/' between consecutive ones, '*' for any text (docs/cli.md)")
      ->type_name(ph::k_pattern);
  command
      .add_option("--tag", filter.tags, "Only entries with this tag (repeatable or comma-separated; all must match)")
      ->type_name(ph::k_tag)
      ->allow_extra_args(false)
      ->delimiter(',');
  command.add_flag("--untagged", filter.untagged, "Only entries without tags");
  command
      .add_option("--kind", filter.kinds, "Only entries of this kind (repeatable or comma-separated; any may match)")
      ->type_name(ph::k_kind)
      ->allow_extra_args(false)
      ->delimiter(',');
  command.add_option("--author", filter.author, "Only entries with an author whose name contains TEXT")
      ->type_name(ph::k_text);
  command.add_option("--since", filter.since, "Only entries dated DATE (YYYY, YYYY-MM or YYYY-MM-DD) or later")
      ->type_name(ph::k_date)
      ->check(date_value());
  command.add_option("--until", filter.until, "Only entries dated DATE (YYYY, YYYY-MM or YYYY-MM-DD) or earlier")
      ->type_name(ph::k_date)
      ->check(date_value());
  command.add_option("--grep", filter.grep, "Only entries with TEXT in a field or in their text as written")
      ->type_name(ph::k_text);
  command.add_flag("--stubs", filter.stubs, "Only entries without a link");
}

void check_not_a_filter_value(const std::vector<std::string>& files, const EntryFilter& filter) {
  for (const std::string& file : files) {
    std::error_code ec;
    if (file == "-" || std::filesystem::exists(file, ec)) continue;
    if (file.find_first_of("./*?[") != std::string::npos) continue;  // a path or glob: its own error says it
    if (!filter.kinds.empty())
      throw Error(file + ": no such file; for several kinds, repeat the option or separate them with commas: --kind " +
                  filter.kinds.back() + "," + file);
    if (!filter.tags.empty())
      throw Error(file + ": no such file; for several tags, repeat the option or separate them with commas: --tag " +
                  filter.tags.back() + "," + file);
  }
}

}  // namespace curate::cli
