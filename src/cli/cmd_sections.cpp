// curate sections: the heading tree with entry counts, or a Markdown TOC.
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/markdown/list_marker.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/display_width.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct SectionsOptions {
  std::vector<std::string> files;
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

// How a table of contents writes its items: "- " and two columns a level
// by default; a list's own contents set both (awesome-math's "* " and four
// columns), so that its table can be pasted over the old one.
struct TocLayout {
  std::string bullet = "- ";
  int indent = 2;
};

TocLayout toc_layout(const Catalog& catalog, std::string_view text) {
  TocLayout layout;
  const TocLink* top = nullptr;
  const TocLink* nested = nullptr;
  for (const TocLink& link : catalog.toc) {
    if (link.depth == 0 && !top) top = &link;
    if (link.depth == 1 && !nested) nested = &link;
  }
  if (!top) return layout;
  LineIndex lines(text);
  auto marker_of = [&](const TocLink& link) {
    std::string_view line = lines.line_text(text, link.pos.line);
    return read_list_marker(line, static_cast<int>(std::min(line.find_first_not_of(" \t"), line.size())));
  };
  ListMarker first = marker_of(*top);
  if (!first.found || !first.bullet) return layout;
  layout.bullet = std::string(1, first.bullet) + " ";
  if (nested)
    if (ListMarker inner = marker_of(*nested); inner.found && inner.column > first.column)
      layout.indent = inner.column - first.column;
  return layout;
}

// Links go to `file` + "#slug": "" within one list, the file's path when
// the table of contents spans several.
void append_toc(const Section& section, int depth, const std::string& file, const TocLayout& layout, std::string& out) {
  for (const Section& child : section.sections) {
    if (child.label) continue;  // no heading, no anchor
    // The contents do not list their own heading (toc-mismatch does not ask it).
    if (is_contents_heading(child.heading) && child.sections.empty()) continue;
    out += std::string(static_cast<size_t>(depth * layout.indent), ' ') + layout.bullet + "[" + child.heading + "](" +
           file + "#" + (child.anchor.empty() ? child.slug : child.anchor) + ")\n";
    append_toc(child, depth + 1, file, layout, out);
  }
}

nlohmann::ordered_json to_json(const Section& section) {
  nlohmann::ordered_json json;
  json["heading"] = section.heading;
  json["level"] = section.level;
  json["slug"] = section.slug;
  if (section.label) json["label"] = true;
  json["line"] = section.span.begin.line;
  json["entries"] = count_entries(section);
  json["own_entries"] = own_entries(section);
  json["sections"] = nlohmann::ordered_json::array();
  for (const Section& child : section.sections) json["sections"].push_back(to_json(child));
  return json;
}

// One file's tree: "(top level) (N)" for entries before any heading,
// then "Heading (N)" indented by depth.
void append_tree(const Catalog& catalog, int depth, const std::optional<size_t>& width, std::string& out) {
  if (int top = own_entries(catalog.root))
    out += std::string(static_cast<size_t>(depth) * 2, ' ') + "(top level) (" + std::to_string(top) + ")\n";
  append_text(catalog.root, depth, width, out);
}

nlohmann::ordered_json root_json(const Catalog& catalog) {
  nlohmann::ordered_json json = to_json(catalog.root);
  json["heading"] = catalog.title.value_or("");
  return json;
}

// Several files: a tree per file under "FILE (N)"; JSON {"entries", "files"}
// with each file's root; a table of contents per file under a link to it.
std::string several_files(const CatalogSet& set, const SectionsOptions& options) {
  std::string out;
  int total = 0;
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  std::optional<size_t> width = output_width();
  for (const Catalog* catalog : set.catalogs) {
    int count = count_entries(catalog->root);
    total += count;
    if (options.toc) {
      out += "- [" + catalog->title.value_or(catalog->path) + "](" + catalog->path + ")\n";
      append_toc(catalog->root, 1, catalog->path, TocLayout(), out);
    } else if (options.format == "json") {
      nlohmann::ordered_json json = {{"file", catalog->path}};
      json.update(root_json(*catalog));
      files.push_back(std::move(json));
    } else {
      std::string header = catalog->path + " (" + std::to_string(count) + ")";
      out += (width ? fit_width(header, *width) : header) + "\n";
      append_tree(*catalog, 1, width, out);
    }
  }
  if (options.toc) return out;
  if (options.format == "json") return nlohmann::ordered_json{{"entries", total}, {"files", files}}.dump(2) + "\n";
  return out + "total: " + plural(total, "entry", "entries") + " in " +
         plural(static_cast<long long>(set.catalogs.size()), "file", "files") + "\n";
}

int run_sections(const SectionsOptions& options, const RunState& state) {
  LoadedCatalog list = load_catalog(state.global, options.files);
  CatalogSet set = list.set();
  if (set.several) {
    write_stdout(several_files(set, options));
    return k_exit_ok;
  }
  const Catalog& catalog = *set.catalogs.front();
  std::string out;
  if (options.toc) {
    append_toc(catalog.root, 0, "", toc_layout(catalog, list.files.front().source.text), out);
  } else if (options.format == "json") {
    out = root_json(catalog).dump(2) + "\n";
  } else {
    append_tree(catalog, 0, output_width(), out);
    out += "total: " + plural(count_entries(catalog.root), "entry", "entries") + "\n";
  }
  write_stdout(out);
  return k_exit_ok;
}

}  // namespace

void add_sections_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<SectionsOptions>();
  add_files_argument(command, options->files);
  add_format_option(command, options->format, {"text", "json"});
  command.add_flag("--toc", options->toc, "Print a Markdown table of contents for the headings");
  command.callback([options, &state] { state.exit_code = run_sections(*options, state); });
}

}  // namespace curate::cli
