// curate add: one new entry, in the list's style, at the end of a section
// or group; what was not given is filled from the URL's source
// (docs/metadata.md).
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/edit/enrich.hpp"
#include "curate/lint/lint.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "edit_common.hpp"
#include "metadata_run.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct AddOptions {
  std::optional<std::string> file;
  std::vector<std::string> args;  // the URL and the list file, in either order
  std::string section;
  std::optional<std::string> group;
  NewEntry entry;
  bool allow_duplicate = false;
  bool new_tag = false;
  bool dry_run = false;
  bool no_fetch = false;
  bool yes = false;
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

// The URL (an argument with "://", unless --url gave it) and the list file.
void take_arguments(AddOptions& options) {
  for (const std::string& arg : options.args) {
    if (options.entry.url.empty() && arg.find("://") != std::string::npos) {
      options.entry.url = arg;
    } else if (!options.file) {
      options.file = arg;
    } else {
      throw Error("unexpected argument '" + arg + "': give the URL and the list file once each");
    }
  }
  if (options.entry.url.empty()) throw Error("name the URL to add: curate add URL --section PATTERN [FILE]");
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

bool has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The fields worth asking `url`'s source for: the title when it was not
// given, and the others its source can give that the target has a place for
// and were not given. A page or paper has no short description of its own.
std::vector<std::string> needed_fields(const NewEntry& entry, const std::vector<std::string>& places,
                                       SourceKind source) {
  std::vector<std::string> out;
  if (entry.title.empty()) out.push_back("title");
  if (has(places, "authors") && entry.authors.empty()) out.push_back("authors");
  if (has(places, "kind") && !entry.kind) out.push_back("kind");
  if (has(places, "date") && !entry.date && source != SourceKind::github) out.push_back("date");
  if (has(places, "description") && !entry.description && source == SourceKind::github) out.push_back("description");
  return out;
}

// Fills what was not given from `fields`, where the target has a place.
void fill(NewEntry& entry, const ListFields& fields, const std::vector<std::string>& needed) {
  if (has(needed, "title")) entry.title = fields.title;
  if (has(needed, "authors")) entry.authors = fields.authors;
  if (has(needed, "kind")) entry.kind = fields.kind;
  if (has(needed, "date")) entry.date = fields.date;
  if (has(needed, "description")) entry.description = fields.description;
}

// Asks the source; returns where the fields came from, "" when nothing was
// asked. Without a title to fall back on, a failed source is an error.
std::string fill_from_source(NewEntry& entry, const LoadedList& list, const EditTarget& target) {
  MetadataOptions options = resolve_metadata_options(list.config, list.source.path);
  SourceRef source = source_of(entry.url, options);
  std::vector<std::string> needed =
      needed_fields(entry, places_for_new_entry(list.catalog, list.config, target), source.kind);
  if (needed.empty()) return "";
  MetadataResult result = fetch_with_curl({entry.url}, options).front();
  if (!result.metadata) {
    if (entry.title.empty())
      throw Error("cannot fill the entry from " + entry.url + ": " + result.problem +
                  "; give --title (and --author, --kind, --date) to add it as you write it, or --no-fetch");
    std::fprintf(stderr, "curate: warning: cannot fill the entry from %s: %s; writing what was given\n",
                 entry.url.c_str(), result.problem.c_str());
    return "";
  }
  std::string style = style_for_section(list.catalog, list.config, target.section_path);
  fill(entry, as_list_writes(*result.metadata, list.catalog, style, options), needed);
  return result.metadata->source;
}

bool on_terminal() { return ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO); }

// Line `number` (1-based) of `text`.
std::string line_of(const std::string& text, int number) {
  size_t begin = 0;
  for (int i = 1; i < number; ++i) {
    begin = text.find('\n', begin);
    if (begin == std::string::npos) return "";
    ++begin;
  }
  return text.substr(begin, text.find('\n', begin) - begin);
}

// Shows the line to be written; on a terminal, asks first (unless --yes).
bool confirmed(const LoadedList& list, const EditResult& result, const std::string& source, bool yes) {
  std::string shown = list.source.path + ":" + std::to_string(result.line) + ": from " + source + ":\n" +
                      line_of(result.text, result.line) + "\n";
  if (yes || !on_terminal()) {
    write_stdout(shown);
    return true;
  }
  std::fprintf(stderr, "%sWrite it? [Y/n] ", shown.c_str());
  std::string answer;
  if (!std::getline(std::cin, answer)) answer = "n";
  answer = to_lower(trim(answer));
  return answer.empty() || answer == "y" || answer == "yes";
}

int run_add(AddOptions options, const RunState& state) {
  take_arguments(options);
  NewEntry entry = cleaned(options.entry);
  if (entry.date) validate_date(*entry.date);
  validate_url(entry.url);
  if (entry.title.empty() && options.no_fetch) throw Error("--no-fetch writes only what was given: give --title");
  LoadedList list = load_for_edit(state, options.file);
  if (entry.date) check_not_future(*entry.date, list.config);
  if (entry.kind && !list.config.kinds.classify(*entry.kind))
    throw Error("unknown kind '" + *entry.kind + "' (known kinds: " + join(list.config.kinds.kinds(), ", ") +
                "; validate's unknown-kind rule would flag it)");
  EditTarget target = resolve_target(list.catalog, options.section, options.group);
  check_tags_known(list.catalog, entry.tags, options.new_tag);
  if (!options.allow_duplicate) check_not_listed(list, entry.url);
  std::string source = options.no_fetch ? "" : fill_from_source(entry, list, target);
  if (entry.title.empty()) throw Error("the title is empty");
  if (entry.date && !source.empty()) check_not_future(*entry.date, list.config);
  EditResult result = with_file_errors(list.source.path, [&] {
    return add_entry(list.catalog, list.source.text, target, entry, list.config.kinds,
                     style_for_section(list.catalog, list.config, target.section_path));
  });
  if (source.empty()) return finish_edit(list, result, options.dry_run);
  return finish_edit(list, result, options.dry_run, [&] { return confirmed(list, result, source, options.yes); });
}

}  // namespace

void add_add_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<AddOptions>();
  NewEntry& entry = options->entry;
  namespace ph = placeholder;
  command.add_option("URL", options->args, "The URL to add (or --url), then the list file")->type_name(ph::k_url);
  command
      .add_option("--section", options->section,
                  "The section PATTERN names: its last headings, whole and case-insensitive, joined by '/' "
                  "(docs/cli.md)")
      ->type_name(ph::k_pattern)
      ->required();
  command.add_option("--group", options->group, "A group (item without a link) in that section, by its TITLE")
      ->type_name(ph::k_title);
  command.add_option("--title", entry.title, "The entry's title (default: the source's)")->type_name(ph::k_title);
  command.add_option("--url", entry.url, "Its URL (absolute http or https)")->type_name(ph::k_url);
  command.add_option("--tag", entry.tags, "A tag from the vocabulary (repeatable)")
      ->type_name(ph::k_tag)
      ->allow_extra_args(false);
  command.add_option("--author", entry.authors, "An author (repeatable; default: the source's)")
      ->type_name(ph::k_name)
      ->allow_extra_args(false);
  command.add_option("--kind", entry.kind, "Its kind: book, paper, blog, video, course, …")->type_name(ph::k_kind);
  command.add_option("--date", entry.date, "Its DATE: YYYY, YYYY-MM or YYYY-MM-DD")
      ->type_name(ph::k_date)
      ->check(date_value());
  command.add_option("--description", entry.description, "A description, quoted after the title")
      ->type_name(ph::k_text);
  command.add_option("--note", entry.note, "A note, in italics at the end")->type_name(ph::k_text);
  command.add_flag("--no-fetch", options->no_fetch, "Write only what was given; ask no source (docs/metadata.md)");
  command.add_flag("--yes,-y", options->yes, "Write a fetched entry without asking first on a terminal");
  command.add_flag("--allow-duplicate", options->allow_duplicate, "Add it even if its URL is already listed");
  command.add_flag("--new-tag", options->new_tag, "Allow tags outside the vocabulary");
  command.add_flag("--dry-run", options->dry_run, "Print the unified diff instead of writing");
  command.callback([options, &state] { state.exit_code = run_add(*options, state); });
}

}  // namespace curate::cli
