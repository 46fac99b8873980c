#include "filter_options.hpp"

namespace curate::cli {

void add_filter_options(CLI::App& command, EntryFilter& filter) {
  command.add_option(
      "--section", filter.section,
      "Only entries under sections or groups matching PATTERN (case-insensitive; '/' separates consecutive parts)");
  command.add_option("--tag", filter.tags, "Only entries with this tag (repeatable; all must match)")
      ->allow_extra_args(false);
  command.add_flag("--untagged", filter.untagged, "Only entries without tags");
  command.add_option("--kind", filter.kinds, "Only entries of this kind (repeatable; any may match)")
      ->allow_extra_args(false);
  command.add_option("--author", filter.author, "Only entries with an author containing TEXT");
  command.add_option("--since", filter.since, "Only entries from YEAR or later");
  command.add_option("--until", filter.until, "Only entries from YEAR or earlier");
  command.add_option("--grep", filter.grep, "Only entries whose title, description, note, authors or URL contain TEXT");
  command.add_flag("--stubs", filter.stubs, "Only entries without a link");
}

}  // namespace curate::cli
