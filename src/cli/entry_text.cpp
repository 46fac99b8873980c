#include "entry_text.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <span>

#include <fmt/format.h>

#include "app.hpp"
#include "curate/query/query.hpp"
#include "curate/text/display_width.hpp"
#include "curate/text/text.hpp"

namespace curate::cli {
namespace {

enum Column : size_t { title, authors, kinds, date, tags, url, k_columns };
using Widths = std::array<size_t, k_columns>;

constexpr size_t k_indent = 2;  // before every row
constexpr size_t k_gap = 2;     // between columns

// Tag colours by vocabulary slot; undeclared tags take the slots after it.
constexpr std::array<const char*, 6> k_tag_palette = {"1;35", "1;36", "1;32", "1;34", "1;33", "1;31"};

struct Row {
  std::array<std::string, k_columns> cells;  // plain text; the title cell holds its depth's indent
  std::vector<std::string> tag_names;
};

std::string group_header(const EntryRef& entry, bool with_file) {
  std::vector<std::string> parts = entry.section;
  for (const Item* ancestor : entry.ancestors)
    if (ancestor->is_group) parts.push_back(ancestor->title);
  std::string header = parts.empty() ? "(top level)" : join(parts, " / ");
  return with_file ? entry.file() + ": " + header : header;
}

size_t entry_depth(const EntryRef& entry) {
  return static_cast<size_t>(
      std::count_if(entry.ancestors.begin(), entry.ancestors.end(), [](const Item* a) { return a->is_entry(); }));
}

Row row_of(const EntryRef& entry) {
  const Item& item = *entry.item;
  Row row;
  row.cells[title] = std::string(entry_depth(entry) * 2, ' ') + item.title;
  row.cells[authors] = join(item.authors, ", ");
  row.cells[kinds] = join(item.kinds, ", ");
  row.cells[date] = item.date.value_or("");
  row.cells[tags] = join(item.tags, " ");
  row.cells[url] = item.url ? *item.url : "(no link)";
  row.tag_names = item.tags;
  return row;
}

size_t line_width(const Widths& widths) {
  size_t total = k_indent, shown = 0;
  for (size_t width : widths)
    if (width > 0) total += width + (shown++ ? k_gap : 0);
  return total;
}

// Column caps that make every row fit `limit`: each step narrows one column
// down to a floor (0 drops it), in order, until the rows fit; then the title
// takes back any room left. Long titles and URLs give way first, then
// authors and kinds; tags, dates and a short title stay the longest.
Widths fit_columns(const Widths& natural, size_t limit) {
  struct Step {
    Column column;
    size_t floor;
  };
  static constexpr Step k_steps[] = {{title, 50}, {authors, 20}, {url, 40},    {title, 30}, {authors, 16},
                                     {url, 30},   {title, 20},   {authors, 0}, {kinds, 0},  {url, 20},
                                     {url, 0},    {tags, 0},     {title, 8},   {date, 0}};
  Widths widths = natural;
  for (const Step& step : k_steps) {
    size_t total = line_width(widths);
    if (total <= limit) break;
    size_t& width = widths[step.column];
    if (width <= step.floor) continue;
    size_t excess = total - limit;
    width = step.floor == 0 ? 0 : std::max(step.floor, width - std::min(width, excess));
  }
  size_t total = line_width(widths);
  if (total < limit && widths[title] > 0) widths[title] = std::min(natural[title], widths[title] + (limit - total));
  return widths;
}

Widths natural_widths(std::span<const Row> rows) {
  Widths widths{};
  for (const Row& row : rows)
    for (size_t c = 0; c < k_columns; ++c) widths[c] = std::max(widths[c], display_width(row.cells[c]));
  return widths;
}

class TextWriter {
 public:
  TextWriter(const CatalogSet& set, const EntryTextOptions& options) : m_options(options) {
    if (options.color) m_colours = tag_colour_slots(set, static_cast<int>(k_tag_palette.size()));
  }

  // Every row is cut to the caps computed over all rows, so columns are
  // dropped alike in every group; each group aligns to its own widest cells.
  void set_caps(const std::vector<Row>& rows) {
    m_caps = natural_widths(rows);
    if (m_options.width) m_caps = fit_columns(m_caps, *m_options.width);
  }

  void group(std::string& out, const std::string& header, std::span<const Row> rows) const {
    if (rows.empty()) return;
    if (!out.empty()) out += "\n";
    std::string shown = m_options.width ? fit_width(header, *m_options.width) : header;
    out += colorize(shown, "1", m_options.color) + "\n";
    Widths widths = natural_widths(rows);
    for (size_t c = 0; c < k_columns; ++c) widths[c] = std::min(widths[c], m_caps[c]);
    for (const Row& row : rows) out += line(row, widths);
  }

 private:
  std::string line(const Row& row, const Widths& widths) const {
    std::string out(k_indent, ' ');
    bool first = true;
    for (size_t c = 0; c < k_columns; ++c) {
      if (widths[c] == 0) continue;
      if (!first) out += std::string(k_gap, ' ');
      first = false;
      std::string cell = fit_width(row.cells[c], widths[c]);
      size_t shown = display_width(cell);
      out += c == tags ? coloured_tags(cell, row.tag_names) : cell;
      if (c != url) out.append(widths[c] - std::min(widths[c], shown), ' ');
    }
    out.erase(out.find_last_not_of(' ') + 1);
    return out + "\n";
  }

  // The tags cell (maybe cut) with each whole tag in its colour.
  std::string coloured_tags(const std::string& cell, const std::vector<std::string>& names) const {
    if (!m_options.color) return cell;
    std::vector<std::string> words = split_trimmed(cell, " ");
    for (size_t k = 0; k < words.size() && k < names.size(); ++k) {
      auto found = m_colours.find(to_lower(names[k]));
      words[k] = colorize(words[k], found == m_colours.end() ? "1" : k_tag_palette[found->second], true);
    }
    return join(words, " ");
  }

  const EntryTextOptions& m_options;
  std::map<std::string, int> m_colours;
  Widths m_caps{};
};

}  // namespace

std::string entries_to_text(const std::vector<EntryRef>& entries, const CatalogSet& set,
                            const EntryTextOptions& options) {
  std::vector<std::string> headers;
  std::vector<Row> rows;
  headers.reserve(entries.size());
  rows.reserve(entries.size());
  for (const auto& entry : entries) {
    headers.push_back(group_header(entry, set.several));
    rows.push_back(row_of(entry));
  }
  TextWriter writer(set, options);
  writer.set_caps(rows);
  std::string out;
  for (size_t begin = 0, end; begin < rows.size(); begin = end) {
    for (end = begin + 1; end < rows.size() && headers[end] == headers[begin];) ++end;
    writer.group(out, headers[begin], std::span<const Row>(rows).subspan(begin, end - begin));
  }
  return out;
}

std::string entry_details(const EntryRef& entry, bool color) {
  const Item& item = *entry.item;
  std::string out;
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty())
      out += colorize(fmt::format("{:<12}", std::string(name) + ":"), "1", color) + " " + value + "\n";
  };
  field("title", item.title);
  field("id", item.id);
  field("url", item.url ? (item.url->empty() ? "(empty)" : *item.url) : "(no link)");
  field("description", item.description.value_or(""));
  field("note", item.note.value_or(""));
  field("tags", join(item.tags, ", "));
  field("authors", join(item.authors, ", "));
  field("kinds", join(item.kinds, ", "));
  field("medium", item.medium.value_or(""));
  field("date", item.date.value_or(""));
  field("formats", join(item.formats, ", "));
  for (const auto& [name, value] : item.fields) field(name.c_str(), value);  // table columns, {venue}…
  field("section", join(entry.section, " / "));
  field("parents", join(entry.parents, " / "));
  if (item.links.size() > 1) field("links", join(item.links, " "));
  field("children", item.children.empty() ? "" : std::to_string(item.children.size()));
  field("location", fmt::format("{}:{}:{}", entry.file(), item.pos.line, item.pos.column));
  field("source", item.raw);
  return out;
}

}  // namespace curate::cli
