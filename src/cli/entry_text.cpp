#include "entry_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app.hpp"
#include "curate/text/text.hpp"

namespace curate::cli {
namespace {

constexpr size_t k_max_title_width = 60;
constexpr size_t k_max_authors_width = 32;

size_t display_width(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

// Cuts `text` to `width` code points, marking the cut with "…".
std::string fit(const std::string& text, size_t width) {
  if (display_width(text) <= width) return text;
  size_t count = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count == width) break;
  }
  return text.substr(0, i) + "\xE2\x80\xA6";
}

std::string pad(const std::string& text, size_t width) {
  size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

const char* tag_color(const std::string& tag) {
  if (iequals(tag, "cult")) return "1;35";
  if (iequals(tag, "introductionary")) return "1;36";
  return "1;33";
}

std::string group_header(const EntryRef& entry) {
  std::vector<std::string> parts = entry.section;
  for (const Item* ancestor : entry.ancestors)
    if (ancestor->is_group) parts.push_back(ancestor->title);
  return parts.empty() ? "(top level)" : join(parts, " / ");
}

size_t entry_depth(const EntryRef& entry) {
  return static_cast<size_t>(
      std::count_if(entry.ancestors.begin(), entry.ancestors.end(), [](const Item* a) { return a->is_entry(); }));
}

struct Row {
  std::string title, authors, kinds, date, tags, url;
  size_t depth;
};

Row row_of(const EntryRef& entry, bool color) {
  const Item& item = *entry.item;
  Row row{std::string(entry_depth(entry) * 2, ' ') + fit(item.title, k_max_title_width),
          fit(join(item.authors, ", "), k_max_authors_width),
          join(item.kinds, ", "),
          item.date.value_or(""),
          "",
          item.url ? *item.url : "(no link)",
          entry_depth(entry)};
  std::vector<std::string> tags;
  for (const auto& tag : item.tags) tags.push_back(colorize(tag, tag_color(tag), color));
  row.tags = join(tags, " ");
  return row;
}

void flush_group(std::string& out, const std::string& header, const std::vector<Row>& rows, bool color) {
  if (rows.empty()) return;
  if (!out.empty()) out += "\n";
  out += colorize(header, "1", color) + "\n";
  size_t title_w = 0, authors_w = 0, kinds_w = 0, date_w = 0, tags_w = 0;
  for (const auto& row : rows) {
    title_w = std::max(title_w, display_width(row.title));
    authors_w = std::max(authors_w, display_width(row.authors));
    kinds_w = std::max(kinds_w, display_width(row.kinds));
    date_w = std::max(date_w, display_width(row.date));
    tags_w = std::max(tags_w, display_width(row.tags));
  }
  for (const auto& row : rows) {
    std::string line = "  " + pad(row.title, title_w);
    for (auto [text, width] :
         {std::pair{&row.authors, authors_w}, {&row.kinds, kinds_w}, {&row.date, date_w}, {&row.tags, tags_w}})
      if (width) line += "  " + pad(*text, width + (text == &row.tags ? row.tags.size() - display_width(row.tags) : 0));
    line += "  " + row.url;
    out += std::string(trim(line).empty() ? "" : line.substr(0, line.find_last_not_of(' ') + 1)) + "\n";
  }
}

}  // namespace

std::string entries_to_text(const std::vector<EntryRef>& entries, bool color) {
  std::string out;
  std::string header;
  std::vector<Row> rows;
  for (const auto& entry : entries) {
    std::string this_header = group_header(entry);
    if (this_header != header) {
      flush_group(out, header, rows, color);
      rows.clear();
      header = this_header;
    }
    rows.push_back(row_of(entry, color));
  }
  flush_group(out, header, rows, color);
  return out;
}

std::string entry_details(const EntryRef& entry, const std::string& file, bool color) {
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
  field("section", join(entry.section, " / "));
  field("parents", join(entry.parents, " / "));
  if (item.links.size() > 1) field("links", join(item.links, " "));
  field("children", item.children.empty() ? "" : std::to_string(item.children.size()));
  field("location", fmt::format("{}:{}:{}", file, item.pos.line, item.pos.column));
  field("source", item.raw);
  return out;
}

}  // namespace curate::cli
