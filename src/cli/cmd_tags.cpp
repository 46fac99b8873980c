// curate tags: the vocabulary, each tag's description and count.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/text/display_width.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct TagsOptions {
  std::vector<std::string> files;
  std::string format = "text";
};

struct TagRow {
  std::string name;
  std::string description;
  bool declared = false;
  int count = 0;
};

// The vocabulary of every file (a tag declared by two files once, with the
// first description), then tags used but not declared, by first use.
std::vector<TagRow> tag_rows(const CatalogSet& set) {
  std::vector<TagRow> rows;
  for (const Catalog* catalog : set.catalogs)
    for (const auto& tag : catalog->tags)
      if (std::none_of(rows.begin(), rows.end(), [&](const TagRow& row) { return iequals(row.name, tag.name); }))
        rows.push_back({tag.name, tag.description, true, 0});
  for (const auto& entry : collect_entries(set)) {
    for (const auto& tag : entry.item->tags) {
      auto it = std::find_if(rows.begin(), rows.end(), [&](const TagRow& row) { return iequals(row.name, tag); });
      if (it == rows.end()) it = rows.insert(rows.end(), TagRow{tag, "", false, 0});
      ++it->count;
    }
  }
  return rows;
}

// "name  count  description" rows aligned by display width; descriptions
// cut so each line fits `width` when given.
std::string tags_text(const std::vector<TagRow>& rows, const std::optional<size_t>& width, bool color) {
  size_t name_width = 0;
  for (const auto& row : rows) name_width = std::max(name_width, display_width(row.name));
  std::string out;
  for (const auto& row : rows) {
    std::string description = row.declared ? row.description : "(not declared in the vocabulary)";
    std::string start = colorize(pad_width(row.name, name_width), "1", color) + fmt::format("  {:>5}  ", row.count);
    size_t used = name_width + 9;
    if (width) description = fit_width(description, *width > used ? *width - used : 1);
    std::string line = start + description;
    out += line.substr(0, line.find_last_not_of(' ') + 1) + "\n";
  }
  return out;
}

int run_tags(const TagsOptions& options, const RunState& state) {
  LoadedCatalog list = load_catalog(state.global, options.files);
  std::vector<TagRow> rows = tag_rows(list.set());
  std::string out;
  if (options.format == "json") {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& row : rows)
      json.push_back(
          {{"name", row.name}, {"description", row.description}, {"declared", row.declared}, {"count", row.count}});
    out = json.dump(2) + "\n";
  } else {
    out = tags_text(rows, output_width(), use_color(stdout));
  }
  write_stdout(out);
  return k_exit_ok;
}

}  // namespace

void add_tags_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<TagsOptions>();
  add_files_argument(command, options->files);
  add_format_option(command, options->format, {"text", "json"});
  command.callback([options, &state] { state.exit_code = run_tags(*options, state); });
}

}  // namespace curate::cli
