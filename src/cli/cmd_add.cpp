// curate add: one new entry, in the house style, at the end of a section or group.
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/lint/lint.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "edit_common.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct AddOptions {
  std::optional<std::string> file;
  std::string section;
  std::optional<std::string> group;
  NewEntry entry;
  bool allow_duplicate = false;
  bool new_tag = false;
  bool dry_run = false;
};

// Trims every text field; empty optional fields count as absent.
NewEntry cleaned(NewEntry entry) {
  auto clean = [](std::optional<std::string>& value) {
    if (value) value = collapse_whitespace(*value);
    if (value && value->empty()) value.reset();
  };
  entry.title = collapse_whitespace(entry.title);
  entry.url = std::string(trim(entry.url));
  for (auto& tag : entry.tags) tag = std::string(trim(tag));
  for (auto& author : entry.authors) author = collapse_whitespace(author);
  clean(entry.kind);
  clean(entry.date);
  clean(entry.description);
  clean(entry.note);
  return entry;
}

void check_not_listed(const LoadedList& list, const std::string& url) {
  std::string wanted = normalize_url(url);
  for (const auto& ref : collect_entries(list.catalog)) {
    const Item& item = *ref.item;
    if (item.url && !item.url->empty() && normalize_url(*item.url) == wanted)
      throw Error("URL already in the list at " + list.source.path + ":" + std::to_string(item.pos.line) + " (\"" +
                  item.title + "\"); use --allow-duplicate to add it anyway");
  }
}

// The future-date judgement of validate's malformed-date rule, with the
// list's own "future-slack-days".
void check_not_future(const std::string& date, const Config& config) {
  LintSettings settings(builtin_rules(), config);
  int slack = settings.options("malformed-date").value("future-slack-days", 0);
  if (auto problem = date_problem(date, today_for_checks(), slack))
    throw Error("the date '" + date + "' " + *problem + " (validate's malformed-date rule would refuse it)");
}

int run_add(const AddOptions& options, const RunState& state) {
  NewEntry entry = cleaned(options.entry);
  if (entry.date) validate_date(*entry.date);
  validate_url(entry.url);
  if (entry.title.empty()) throw Error("the title is empty");
  LoadedList list = load_for_edit(state, options.file);
  if (entry.date) check_not_future(*entry.date, list.config);
  if (entry.kind && !list.config.kinds.classify(*entry.kind))
    throw Error("unknown kind '" + *entry.kind + "' (known kinds: " + join(list.config.kinds.kinds(), ", ") +
                "; validate's unknown-kind rule would flag it)");
  EditTarget target = resolve_target(list.catalog, options.section, options.group);
  check_tags_known(list.catalog, entry.tags, options.new_tag);
  if (!options.allow_duplicate) check_not_listed(list, entry.url);
  EditResult result = with_file_errors(list.source.path, [&] {
    return add_entry(list.catalog, list.source.text, target, entry, list.config.kinds,
                     style_for_section(list.catalog, list.config, target.section_path));
  });
  return finish_edit(list, result, options.dry_run);
}

}  // namespace

void add_add_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<AddOptions>();
  NewEntry& entry = options->entry;
  namespace ph = placeholder;
  add_file_argument(command, options->file, "The list file");
  command
      .add_option("--section", options->section,
                  "The section PATTERN names: its last headings, whole and case-insensitive, joined by '/' "
                  "(docs/cli.md)")
      ->type_name(ph::k_pattern)
      ->required();
  command.add_option("--group", options->group, "A group (item without a link) in that section, by its TITLE")
      ->type_name(ph::k_title);
  command.add_option("--title", entry.title, "The entry's title")->type_name(ph::k_title)->required();
  command.add_option("--url", entry.url, "Its URL (absolute http or https)")->type_name(ph::k_url)->required();
  command.add_option("--tag", entry.tags, "A tag from the vocabulary (repeatable)")
      ->type_name(ph::k_tag)
      ->allow_extra_args(false);
  command.add_option("--author", entry.authors, "An author (repeatable)")
      ->type_name(ph::k_name)
      ->allow_extra_args(false);
  command.add_option("--kind", entry.kind, "Its kind: book, paper, blog, video, course, …")->type_name(ph::k_kind);
  command.add_option("--date", entry.date, "Its DATE: YYYY, YYYY-MM or YYYY-MM-DD")
      ->type_name(ph::k_date)
      ->check(date_value());
  command.add_option("--description", entry.description, "A description, quoted after the title")
      ->type_name(ph::k_text);
  command.add_option("--note", entry.note, "A note, in italics at the end")->type_name(ph::k_text);
  command.add_flag("--allow-duplicate", options->allow_duplicate, "Add it even if its URL is already listed");
  command.add_flag("--new-tag", options->new_tag, "Allow tags outside the vocabulary");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing");
  command.callback([options, &state] { state.exit_code = run_add(*options, state); });
}

}  // namespace curate::cli
