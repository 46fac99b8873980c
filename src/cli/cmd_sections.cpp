// curate sections: the heading tree with entry counts, or a Markdown TOC.
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/text/display_width.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct SectionsOptions {
  std::optional<std::string> file;
  std::string format = "text";
  bool toc = false;
};

int own_entries(const Section& section) {
  int count = 0;
  for (const Item& item : section.items) count += count_entries(item);
  return count;
}

// "  Heading (N)", the heading cut so the line fits `width` when given.
void append_text(const Section& section, int depth, const std::optional<size_t>& width, std::string& out) {
  for (const Section& child : section.sections) {
    std::string indent(static_cast<size_t>(depth) * 2, ' ');
    std::string count = " (" + std::to_string(count_entries(child)) + ")";
    std::string heading = child.heading;
    if (width) {
      size_t used = indent.size() + count.size();
      heading = fit_width(heading, *width > used ? *width - used : 1);
    }
    out += indent + heading + count + "\n";
    append_text(child, depth + 1, width, out);
  }
}

void append_toc(const Section& section, int depth, std::string& out) {
  for (const Section& child : section.sections) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + "- [" + child.heading + "](#" +
           (child.anchor.empty() ? child.slug : child.anchor) + ")\n";
    append_toc(child, depth + 1, out);
  }
}

nlohmann::ordered_json to_json(const Section& section) {
  nlohmann::ordered_json json;
  json["heading"] = section.heading;
  json["level"] = section.level;
  json["slug"] = section.slug;
  json["line"] = section.span.begin.line;
  json["entries"] = count_entries(section);
  json["own_entries"] = own_entries(section);
  json["sections"] = nlohmann::ordered_json::array();
  for (const Section& child : section.sections) json["sections"].push_back(to_json(child));
  return json;
}

int run_sections(const SectionsOptions& options, const RunState& state) {
  LoadedList list = load_list(state.global, options.file);
  const Section& root = list.catalog.root;
  std::string out;
  if (options.toc) {
    append_toc(root, 0, out);
  } else if (options.format == "json") {
    nlohmann::ordered_json json = to_json(root);
    json["heading"] = list.catalog.title.value_or("");
    out = json.dump(2) + "\n";
  } else {
    if (int top = own_entries(root)) out += "(top level) (" + std::to_string(top) + ")\n";
    append_text(root, 0, output_width(), out);
    int total = count_entries(root);
    out += "total: " + plural(total, "entry", "entries") + "\n";
  }
  write_stdout(out);
  return k_exit_ok;
}

}  // namespace

void add_sections_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<SectionsOptions>();
  add_file_argument(command, options->file);
  add_format_option(command, options->format, {"text", "json"});
  command.add_flag("--toc", options->toc, "Print a Markdown table of contents for the headings");
  command.callback([options, &state] { state.exit_code = run_sections(*options, state); });
}

}  // namespace curate::cli
