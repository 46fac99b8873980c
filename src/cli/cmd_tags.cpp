// curate tags: the vocabulary, each tag's description and count.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/text/error.hpp"

namespace curate::cli {
namespace {

struct TagsOptions {
  std::optional<std::string> file;
  std::string format = "text";
};

struct TagRow {
  std::string name;
  std::string description;
  bool declared = false;
  int count = 0;
};

std::vector<TagRow> tag_rows(const Catalog& catalog) {
  std::vector<TagRow> rows;
  for (const auto& tag : catalog.tags) rows.push_back({tag.name, tag.description, true, 0});
  for (const auto& entry : collect_entries(catalog)) {
    for (const auto& tag : entry.item->tags) {
      auto it = std::find_if(rows.begin(), rows.end(), [&](const TagRow& row) { return row.name == tag; });
      if (it == rows.end()) it = rows.insert(rows.end(), TagRow{tag, "", false, 0});
      ++it->count;
    }
  }
  return rows;
}

int run_tags(const TagsOptions& options, const RunState& state) {
  LoadedList list = load_list(state.global, options.file);
  std::vector<TagRow> rows = tag_rows(list.catalog);
  std::string out;
  if (options.format == "json") {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& row : rows)
      json.push_back(
          {{"name", row.name}, {"description", row.description}, {"declared", row.declared}, {"count", row.count}});
    out = json.dump(2) + "\n";
  } else {
    size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row.name.size());
    bool color = use_color(stdout);
    for (const auto& row : rows) {
      std::string description = row.declared ? row.description : "(not declared in the vocabulary)";
      out += fmt::format("{}  {:>5}  {}\n", colorize(fmt::format("{:<{}}", row.name, width), "1", color), row.count,
                         description);
    }
  }
  write_stdout(out);
  return k_exit_ok;
}

}  // namespace

void add_tags_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<TagsOptions>();
  command.add_option("FILE", options->file, "The list file ('-' for standard input)");
  command.add_option("--format", options->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  command.callback([options, &state] { state.exit_code = run_tags(*options, state); });
}

}  // namespace curate::cli
