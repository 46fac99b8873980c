// curate tag: add (+tag) and remove (-tag) tags of entries.
#include <algorithm>

#include "app.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "edit_common.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct TagOptions {
  std::vector<std::string> args;  // SELECTOR, +tag/-tag changes, [FILE]
  std::optional<std::string> match;
  std::optional<std::string> file;
  bool all = false;
  bool new_tag = false;
  bool dry_run = false;
};

struct TagChanges {
  std::vector<std::string> add, remove, other;
};

// "-introductionary" reaches us as an unknown option; CLI11 keeps it in remaining().
TagChanges split_changes(const std::vector<std::string>& args) {
  TagChanges changes;
  for (const auto& arg : args) {
    if (arg.size() > 1 && arg[0] == '+')
      changes.add.push_back(arg.substr(1));
    else if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-')
      changes.remove.push_back(arg.substr(1));
    else if (arg.size() > 1 && arg[0] == '-')
      throw Error("unknown option '" + arg + "'");
    else
      changes.other.push_back(arg);
  }
  if (changes.add.empty() && changes.remove.empty()) throw Error("name the tag changes: +tag to add, -tag to remove");
  return changes;
}

bool has_tag(const Item& item, const std::string& tag) {
  return std::any_of(item.tags.begin(), item.tags.end(), [&](const std::string& t) { return iequals(t, tag); });
}

// "the tag 'x'" or "the tags 'x', 'y'".
std::string tag_names(const std::vector<std::string>& tags) {
  std::vector<std::string> quoted;
  for (const auto& tag : tags) quoted.push_back("'" + tag + "'");
  return std::string(tags.size() == 1 ? "the tag " : "the tags ") + join(quoted, ", ");
}

// Why nothing changed, entry by entry: what each already has, or lacks.
std::string unchanged_summary(const std::vector<EntryRef>& entries, const TagChanges& changes) {
  std::vector<std::string> reasons;
  for (const auto& entry : entries) {
    std::vector<std::string> present, absent;
    for (const auto& tag : changes.add)
      if (has_tag(*entry.item, tag)) present.push_back(tag);
    for (const auto& tag : changes.remove)
      if (!has_tag(*entry.item, tag)) absent.push_back(tag);
    std::vector<std::string> facts;
    if (!present.empty()) facts.push_back("already has " + tag_names(present));
    if (!absent.empty()) facts.push_back("does not have " + tag_names(absent));
    reasons.push_back("\"" + entry.item->title + "\" " + join(facts, " and "));
  }
  return join(reasons, "; ") + "; nothing to do";
}

int run_tag(TagOptions options, const RunState& state) {
  TagChanges changes = split_changes(options.args);
  take_file_argument(changes.other, options.file);
  LoadedList list = load_for_edit(state, options.file);
  check_tags_known(list.catalog, changes.add, options.new_tag);
  std::vector<EntryRef> entries = select_for_edit(list.catalog, changes.other, options.match, options.all);
  EditResult result = with_file_errors(list.source.path, [&] {
    return retag_entries(list.catalog, list.source.text, entries, changes.add, changes.remove);
  });
  if (!result.changed) result.summary = unchanged_summary(entries, changes);
  return finish_edit(list, result, options.dry_run);
}

}  // namespace

void add_tag_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<TagOptions>();
  // "-tag" is not an option: keep unknown dashes here instead of passing them up.
  command.allow_extras();
  command.fallthrough(false);
  command.add_option("ARGS", options->args, "SELECTOR, then +TAG / -TAG changes, then the list file")
      ->type_name(placeholder::k_args);
  command.add_option("--match", options->match, "Select by title (equal, else containing; case-insensitive)")
      ->type_name(placeholder::k_text);
  command.add_flag("--all", options->all, "Allow a selector to match several entries");
  command.add_flag("--new-tag", options->new_tag, "Allow added tags outside the vocabulary");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing");
  command.callback([options, &state, &command] {
    std::vector<std::string> args = options->args;
    for (const auto& extra : command.remaining()) args.push_back(extra);
    options->args = args;
    state.exit_code = run_tag(*options, state);
  });
}

}  // namespace curate::cli
