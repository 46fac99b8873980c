// add, rm and mv as line edits on the source text.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>

#include "curate/catalog/grammar.hpp"
#include "curate/edit/edit.hpp"
#include "curate/markdown/list_marker.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/display_width.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "lines.hpp"

namespace curate {
namespace {

using namespace edit_detail;

// Where an item appended to a target goes, and how it looks there.
struct Insertion {
  int after_line = 0;
  std::string indent;
  std::string marker = "-";
  int padding = 1;   // spaces after the marker: the list's own ("*   [x](…)")
  int gap = 0;       // blank lines before the new item
  bool tab = false;  // one tab after the marker instead, when the list writes that
};

bool is_bullet(const std::string& marker) { return marker == "-" || marker == "*" || marker == "+"; }

const std::vector<Item>& items_of(const EditTarget& target) {
  return target.group ? target.group->children : target.section->items;
}

// The marker of an item appended after `last` in an ordered list: the next
// number ("21." after "20.", applied-ml numbers every section), or the same
// one when the list repeats it ("1." on every item, as Markdown allows).
std::string next_ordered_marker(const std::vector<Item>& items, const Item& last, const Lines& lines) {
  std::string marker = marker_of(last, lines);
  long number = std::strtol(marker.c_str(), nullptr, 10);
  bool repeated = items.size() >= 2 && same_list(items[items.size() - 2], last, lines) &&
                  marker_of(items[items.size() - 2], lines) == marker;
  return (repeated ? marker.substr(0, marker.size() - 1) : std::to_string(number + 1)) + marker.back();
}

Insertion insertion_point(const EditTarget& target, const Lines& lines, bool ordered_too = false) {
  const std::vector<Item>& items = items_of(target);
  if (items.empty()) {
    // An empty section: after its own last block, before any subsection.
    const Section& section = *target.section;
    int end = section.sections.empty() ? section.span.end.line : section.sections.front().span.begin.line - 1;
    while (end > section.span.begin.line && lines.blank(end)) --end;
    return {end, "", "-", 1, 1};
  }
  const Item& last = items.back();
  if (last.source != EntrySource::list)
    throw Error("", last.pos.line, last.pos.column,
                target.describe() + " keeps its entries in " + place_of(last.source, true) +
                    "; only list items can be moved or appended there by this edit");
  Insertion at{item_range(last, lines).last, indent_of(last, lines), marker_of(last, lines), 1, 0};
  if (!is_bullet(at.marker)) {
    if (!ordered_too)
      throw Error("", last.pos.line, last.pos.column, "cannot move entries into an ordered list; only bullet lists");
    at.marker = next_ordered_marker(items, last, lines);
  }
  // The spaces after the marker: the list's own, as fmt and list-indent
  // take them (list_marker.hpp ListSpacingVote; an ordered marker's own
  // width counts: "9.  a" / "10. b").
  ListSpacingVote vote;
  for (const Item& item : items) vote.add(read_list_marker(lines.at(item.pos.line), item.pos.column));
  ListSpacing spacing = vote.result();
  at.padding = spacing.padding(visual_width(at.marker));
  at.tab = spacing.tab;
  if (items.size() >= 2 && same_list(items[items.size() - 2], last, lines))
    at.gap = last.pos.line - item_range(items[items.size() - 2], lines).last - 1;
  return at;
}

// `text` as a table cell: pipes escaped, line breaks as spaces.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

// A row for `entry` in the table's column order, shaped like `like` (a
// row of the same table: with or without its outer pipes).
// The cells of a table row as written, spaces kept, between its pipes (an
// escaped "\|" is text); the outer pipes' empty ends are left out.
std::vector<std::string_view> row_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  line = trim(line);
  size_t start = !line.empty() && line.front() == '|' ? 1 : 0;
  for (size_t at = start; at <= line.size(); ++at) {
    if (at < line.size() && (line[at] != '|' || (at > 0 && line[at - 1] == '\\'))) continue;
    if (at < line.size() || at > start) cells.push_back(line.substr(start, at - start));
    start = at + 1;
  }
  return cells;
}

// A row written under an aligned header ("| Name      | Year |", each
// column as wide as on the header line, as movies-for-hackers pads its 66
// rows) is padded to those widths; other tables are not.
std::string padded_row(const std::vector<std::string>& cells, std::string_view like, std::string_view header,
                       bool outer) {
  std::vector<std::string_view> like_cells = row_cells(like), header_cells = row_cells(header);
  bool aligned = like_cells.size() == cells.size() && header_cells.size() == cells.size();
  for (size_t i = 0; aligned && i < cells.size(); ++i)
    aligned = display_width(like_cells[i]) == display_width(header_cells[i]) && like_cells[i].size() > 2 &&
              like_cells[i].back() == ' ';
  if (!aligned) return (outer ? "| " : "") + join(cells, " | ") + (outer ? " |" : "");
  std::string row = outer ? "|" : "";
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string cell = " " + cells[i] + " ";
    size_t width = display_width(header_cells[i]);
    if (display_width(cell) < width) cell.append(width - display_width(cell), ' ');
    row += (i ? "|" : "") + cell;
  }
  return row + (outer ? "|" : "");
}

RenderedEntry render_table_row(const TableInfo& table, const NewEntry& entry, std::string_view like,
                               std::string_view header) {
  RenderedEntry out{{}, {}, entry};
  NewEntry& written = out.written;
  std::vector<std::string> cells;
  bool titled = std::any_of(table.columns.begin(), table.columns.end(),
                            [](const std::string& c) { return column_role(c) == ColumnRole::title; });
  bool placed_title = false, placed_description = false, placed_date = false, placed_authors = false;
  for (const std::string& column : table.columns) {
    ColumnRole role = column_role(column);
    std::string text;
    if (!placed_title && (role == ColumnRole::title || (!titled && cells.empty()))) {
      text = "[" + cell(escape_inline(entry.title)) + "](" + link_destination(entry.url) + ")";
      placed_title = true;
    } else if (role == ColumnRole::description && entry.description && !placed_description) {
      text = cell(escape_inline(*entry.description));
      placed_description = true;
    } else if (role == ColumnRole::date && entry.date && !placed_date) {
      text = *entry.date;
      placed_date = true;
    } else if (role == ColumnRole::authors && !entry.authors.empty() && !placed_authors) {
      text = cell(escape_inline(join(entry.authors, ", ")));
      placed_authors = true;
    }
    cells.push_back(text);
  }
  auto drop = [&](bool present, bool placed, const char* field, auto clear) {
    if (present && !placed) {
      out.dropped.push_back(field);
      clear();
    }
  };
  drop(entry.description.has_value(), placed_description, "description", [&] { written.description.reset(); });
  drop(entry.date.has_value(), placed_date, "date", [&] { written.date.reset(); });
  drop(!entry.authors.empty(), placed_authors, "authors", [&] { written.authors.clear(); });
  drop(!entry.tags.empty(), false, "tags", [&] { written.tags.clear(); });
  drop(entry.kind.has_value(), false, "kind", [&] { written.kind.reset(); });
  drop(entry.note.has_value(), false, "note", [&] { written.note.reset(); });
  out.line = padded_row(cells, like, header, starts_with(trim(like), "|"));
  return out;
}

// The items listed beside `entry` (its parent's children or its section's items).
const std::vector<Item>& siblings_of(const EntryRef& entry) {
  return entry.ancestors.empty() ? entry.owner->items : entry.ancestors.back()->children;
}

// Lines to delete for `item`: its own lines plus the blank lines that
// separated it from a surviving neighbour, so a loose list stays loose and
// an emptied place does not keep a double blank line.
void remove_item_lines(const std::vector<Item>& siblings, const Item& item, const std::set<const Item*>& going,
                       const Lines& lines, LineEdit& edit) {
  size_t index = static_cast<size_t>(&item - siblings.data());
  LineRange range = item_range(item, lines);
  for (size_t j = index + 1; j < siblings.size() && same_list(siblings[j - 1], siblings[j], lines); ++j)
    if (!going.count(&siblings[j])) return edit.remove(range.first, siblings[j].pos.line - 1);
  for (size_t j = index; j > 0 && same_list(siblings[j - 1], siblings[j], lines); --j)
    if (!going.count(&siblings[j - 1])) return edit.remove(item_range(siblings[j - 1], lines).last + 1, range.last);
  edit.remove(range.first, range.last);
  if (lines.blank(range.first - 1) && range.first > 1 && lines.blank(range.last + 1))
    edit.remove(range.first - 1, range.first - 1);
}

// A table row or an HTML line is its line; a reference paragraph its
// lines and the blank line after it, so the paragraphs around stay one
// blank line apart; a heading entry its section, blank line after and all.
void remove_block_entry(const Item& item, const Lines& lines, LineEdit& edit) {
  int first = item.span.begin.line, last = item.span.end.line;
  bool block = item.source == EntrySource::paragraph || item.source == EntrySource::heading;
  if (block && lines.blank(last + 1) && last + 1 <= lines.count()) ++last;
  edit.remove(first, last);
}

void entry_lines(const Item& item, std::vector<int>& out) {
  if (item.is_entry()) out.push_back(item.pos.line);
  for (const Item& child : item.children) entry_lines(child, out);
}

bool contains(const Item& item, const Item* wanted) {
  if (&item == wanted) return true;
  return std::any_of(item.children.begin(), item.children.end(), [&](const Item& c) { return contains(c, wanted); });
}

std::string quoted(const Item& item) { return "\"" + item.title + "\""; }

// Refuses to take the last items out of a group: it would turn into an entry.
void check_group_keeps_items(const EntryRef& entry, const std::set<const Item*>& going) {
  if (entry.ancestors.empty() || !entry.ancestors.back()->is_group) return;
  const Item& group = *entry.ancestors.back();
  bool all =
      std::all_of(group.children.begin(), group.children.end(), [&](const Item& c) { return going.count(&c) > 0; });
  if (all)
    throw Error("", entry.item->pos.line, entry.item->pos.column,
                "group " + quoted(group) + " would have no items left and turn into an entry; edit it by hand");
}

// The separator most of the list's awesome-style entries write after their
// link (" - ", " – ", " — ", ": ", best-websites' " : "), or " - " when they write none.
std::string dominant_separator(const Catalog& catalog) {
  static constexpr std::array<std::string_view, 5> k_separators = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ",
                                                                   " : "};
  std::array<size_t, k_separators.size()> counts{};
  for (const EntryRef& ref : collect_entries(catalog)) {
    const std::string& raw = ref.item->raw;
    size_t end = markdown_link_end(raw, 0);
    if (ref.item->style != EntryStyle::leading_link || end == std::string::npos) continue;
    for (size_t i = 0; i < k_separators.size(); ++i)
      if (raw.compare(end, k_separators[i].size(), k_separators[i]) == 0) ++counts[i];
  }
  size_t most = static_cast<size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  return std::string(counts[most] ? k_separators[most] : k_separators[0]);
}

}  // namespace

EditResult add_entry(const Catalog& catalog, std::string_view text, const EditTarget& target, const NewEntry& entry,
                     const KindTable& kinds, const std::string& list_style) {
  // An awesome list written with another separator gets that one.
  std::string style = list_style;
  if (style == "awesome")
    if (std::string separator = dominant_separator(catalog); separator != " - ")
      style = "[{title}]({url})" + separator + "{description}";
  Lines lines(text);
  const std::vector<Item>& items = items_of(target);
  bool table =
      !target.group && !items.empty() && items.back().source == EntrySource::table && !target.section->tables.empty();
  LineEdit edit;
  RenderedEntry rendered;
  int line = 0;
  if (table) {
    const TableInfo& info = target.section->tables.back();
    rendered = render_table_row(info, entry, lines.at(items.back().pos.line), lines.at(info.span.begin.line));
    edit.insert_after(info.span.end.line, {rendered.line});
    line = info.span.end.line + 1;
  } else {
    Insertion at = insertion_point(target, lines, /*ordered_too=*/true);
    rendered = render_entry_in_style(entry, kinds, style);
    std::vector<std::string> chunk(static_cast<size_t>(at.gap), "");
    chunk.push_back(at.indent + at.marker +
                    (at.tab ? std::string("\t") : std::string(static_cast<size_t>(at.padding), ' ')) + rendered.line);
    edit.insert_after(at.after_line, chunk);
    line = at.after_line + at.gap + 1;
  }
  EditResult result{edit.apply(lines), {}, {}, true};
  result.line = line;
  result.summary = "added \"" + entry.title + "\" to " + target.describe() + (table ? " (a table row)" : "");
  if (!rendered.dropped.empty()) {
    result.notice = "not written, as the list's " + std::string(table ? "table" : "style") +
                    " has no place for them: " + join(rendered.dropped, ", ");
    result.summary += "; " + result.notice;
  }
  result.expected.added = rendered.written;
  result.expected.added_section = target.section_path;
  result.expected.added_parents = target.parents;
  return result;
}

EditResult remove_entries(const Catalog&, std::string_view text, const std::vector<EntryRef>& entries, bool recursive) {
  Lines lines(text);
  std::set<const Item*> going;
  for (const auto& entry : entries) going.insert(entry.item);
  LineEdit edit;
  EditResult result{{}, {}, {}, true};
  std::vector<std::string> titles;
  for (const auto& entry : entries) {
    const Item& item = *entry.item;
    if (std::any_of(entry.ancestors.begin(), entry.ancestors.end(), [&](const Item* a) { return going.count(a); }))
      continue;  // goes with its parent
    if (!item.children.empty() && !recursive)
      throw Error("", item.pos.line, item.pos.column,
                  quoted(item) + " has " + std::to_string(item.children.size()) +
                      " child item(s); use --recursive to remove them too");
    check_group_keeps_items(entry, going);
    if (item.source != EntrySource::list) {
      remove_block_entry(item, lines, edit);
    } else {
      indent_of(item, lines);
      remove_item_lines(siblings_of(entry), item, going, lines, edit);
    }
    entry_lines(item, result.expected.removed);
    titles.push_back(quoted(item));
  }
  result.text = edit.apply(lines);
  size_t total = result.expected.removed.size();
  result.summary = "removed " + join(titles, ", ");
  if (total > titles.size()) result.summary += " (" + std::to_string(total) + " entries with their children)";
  return result;
}

// Checks that `entry` may leave its place for `target`.
void check_movable(const EntryRef& entry, const EditTarget& target, const std::set<const Item*>& going,
                   const Lines& lines) {
  const Item& item = *entry.item;
  const Item* parent = entry.ancestors.empty() ? nullptr : entry.ancestors.back();
  if (target.group == parent && target.section == entry.owner)
    throw Error(quoted(item) + " is already in " + target.describe());
  if (target.group && contains(item, target.group)) throw Error("cannot move " + quoted(item) + " into itself");
  indent_of(item, lines);
  if (marker_of(item, lines).size() != 1)
    throw Error("", item.pos.line, item.pos.column, "cannot move an item of an ordered list");
  check_group_keeps_items(entry, going);
}

EditResult move_entries(const Catalog&, std::string_view text, const std::vector<EntryRef>& entries,
                        const EditTarget& target) {
  Lines lines(text);
  std::set<const Item*> going;
  for (const auto& entry : entries) {
    going.insert(entry.item);
    refuse_non_list(*entry.item, "move");
  }
  Insertion at = insertion_point(target, lines);
  LineEdit edit;
  std::vector<std::string> chunk, titles;
  EditResult result{{}, {}, {}, true};
  for (const auto& entry : entries) {
    const Item& item = *entry.item;
    if (std::any_of(entry.ancestors.begin(), entry.ancestors.end(), [&](const Item* a) { return going.count(a); }))
      continue;  // travels with its parent
    check_movable(entry, target, going, lines);
    remove_item_lines(siblings_of(entry), item, going, lines, edit);
    // Each moved item is separated like the target list's items are.
    int gap = chunk.empty() || !items_of(target).empty() ? at.gap : 0;
    chunk.insert(chunk.end(), static_cast<size_t>(gap), "");
    std::vector<std::string> moved = reindent(lines, item_range(item, lines), indent_of(item, lines), at.indent);
    moved.front()[at.indent.size()] = at.marker.front();  // the target list's bullet
    chunk.insert(chunk.end(), moved.begin(), moved.end());
    entry_lines(item, result.expected.moved);
    titles.push_back(quoted(item));
  }
  edit.insert_after(at.after_line, chunk);
  result.text = edit.apply(lines);
  result.summary = "moved " + join(titles, ", ") + " to " + target.describe();
  // Where the first moved entry now starts: the lines removed above the
  // insertion point move it up.
  result.line = at.after_line + at.gap + 1 -
                static_cast<int>(std::distance(edit.removed.begin(), edit.removed.upper_bound(at.after_line)));
  return result;
}

}  // namespace curate
