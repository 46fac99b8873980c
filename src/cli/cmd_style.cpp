// curate style: the entry style in force, how many entries follow it, and
// the lines of those that do not (docs/styles.md).
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/catalog/style.hpp"
#include "curate/text/error.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct StyleOptions {
  std::optional<std::string> file;
  std::string format = "text";
};

struct OtherSource {
  EntrySource source;
  const char* name;  // as `list --format json` names it
  const char* one;
  const char* many;
};

constexpr std::array<OtherSource, 4> k_other_sources{{
    {EntrySource::table, "table", "table row, read by its table's header", "table rows, read by their tables' headers"},
    {EntrySource::paragraph, "paragraph", "paragraph entry", "paragraph entries"},
    {EntrySource::heading, "heading", "entry in a heading", "entries in headings"},
    {EntrySource::html, "html", "entry in an HTML block", "entries in HTML blocks"},
}};

std::string template_of(const std::string& name, const Config& config) {
  for (const BuiltinStyle& style : builtin_styles())
    if (style.name == name) return std::string(style.template_text);
  return config.style.list.value_or("");
}

int run_style(const StyleOptions& options, RunState& state) {
  LoadedList list = load_list(state.global, options.file);
  const Catalog& catalog = list.catalog;
  std::vector<EntryRef> entries = collect_entries(catalog);
  std::vector<std::pair<const Item*, std::string>> departures;
  int considered = 0;
  std::array<int, k_other_sources.size() + 1> elsewhere{};  // entries not in list items, by source
  int seed_marks = 0;                                       // entries with the seed's own marks: a quoted title or tags
  bool sentences = sentences_after_links(catalog);
  for (const EntryRef& entry : entries) {
    if (entry.item->style == EntryStyle::quoted || !entry.item->tags.empty()) ++seed_marks;
    if (entry.item->source != EntrySource::list) ++elsewhere[static_cast<size_t>(entry.item->source)];
    if (entry.item->source != EntrySource::list || !entry.item->url) continue;
    ++considered;
    if (auto why = style_departure(*entry.item, catalog.style, sentences)) departures.emplace_back(entry.item, *why);
  }
  int following = considered - static_cast<int>(departures.size());
  std::string templ = template_of(catalog.style, list.config);
  if (options.format == "json") {
    nlohmann::ordered_json json;
    json["file"] = list.source.path;
    json["style"] = catalog.style;
    json["template"] = templ;
    json["detected"] = catalog.style_detected;
    nlohmann::ordered_json votes = nlohmann::ordered_json::object();
    for (const auto& [name, count] : catalog.style_votes) votes[name] = count;
    json["votes"] = votes;
    json["entries"] = considered;
    json["following"] = following;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& [item, why] : departures)
      rows.push_back({{"line", item->pos.line}, {"id", item->id}, {"title", item->title}, {"reason", why}});
    json["departures"] = rows;
    json["seed_marks"] = seed_marks;
    nlohmann::ordered_json others = nlohmann::ordered_json::object();
    for (const OtherSource& other : k_other_sources)
      if (int count = elsewhere[static_cast<size_t>(other.source)]) others[other.name] = count;
    json["other_entries"] = others;
    write_stdout(json.dump(2) + "\n");
    return k_exit_ok;
  }
  // A list without entries follows no style: detection had nothing to
  // count (prose, paragraphs of badges and links).
  bool none = catalog.style_detected && entries.empty();
  std::string out = none ? fmt::format("{}: no style detected: the list has no entries\n", list.source.path)
                         : fmt::format("{}: {} style{}\n", list.source.path, catalog.style,
                                       catalog.style_detected ? " (detected)" : " (from .curate.json)");
  if (!templ.empty() && !none) out += "  template: " + templ + "\n";
  if (catalog.style_detected) {
    std::string votes;
    for (const auto& [name, count] : catalog.style_votes)
      if (count) votes += fmt::format("{}{} {}", votes.empty() ? "" : ", ", name, count);
    if (!votes.empty()) out += "  votes: " + votes + "\n";
  }
  if (!none) out += fmt::format("  {} of {} linked list entries follow it\n", following, considered);
  if (sentences)
    out += fmt::format(
        "  {} entries go on from their link in a sentence, with no separator: the list's own way, not departures\n",
        catalog.unseparated_entries);
  // GNNPapers, awesome-rl: citations with authors and years vote for the
  // seed's metadata, though no entry quotes its title or has tags.
  if (catalog.style == "seed" && catalog.style_detected && considered > 0 && seed_marks == 0)
    out +=
        "  no entry quotes its title or has tags: the list follows no built-in style, and the grammar reads "
        "each entry as it is written\n";
  // Entries outside list items are read by their own shape, not by the
  // style: a list of tables would otherwise read as "0 of 0".
  std::string others;
  for (const OtherSource& other : k_other_sources)
    if (int count = elsewhere[static_cast<size_t>(other.source)])
      others += fmt::format("{}{} {}", others.empty() ? "" : ", ", count, count == 1 ? other.one : other.many);
  if (!others.empty()) out += "  also " + others + "\n";
  for (const auto& [item, why] : departures)
    out += fmt::format("{}:{}: '{}' {}\n", list.source.path, item->pos.line, item->title, why);
  write_stdout(out);
  return k_exit_ok;
}

}  // namespace

void add_style_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<StyleOptions>();
  add_file_argument(command, options->file);
  add_format_option(command, options->format, {"text", "json"});
  command.callback([options, &state] { state.exit_code = run_style(*options, state); });
}

}  // namespace curate::cli
