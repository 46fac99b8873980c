// add, rm and mv as line edits on the source text.
#include <algorithm>
#include <set>

#include "curate/edit/edit.hpp"
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
  int gap = 0;  // blank lines before the new item
};

bool is_bullet(const std::string& marker) { return marker == "-" || marker == "*" || marker == "+"; }

const std::vector<Item>& items_of(const EditTarget& target) {
  return target.group ? target.group->children : target.section->items;
}

Insertion insertion_point(const EditTarget& target, const Lines& lines) {
  const std::vector<Item>& items = items_of(target);
  if (items.empty()) {
    // An empty section: after its own last block, before any subsection.
    const Section& section = *target.section;
    int end = section.sections.empty() ? section.span.end.line : section.sections.front().span.begin.line - 1;
    while (end > section.span.begin.line && lines.blank(end)) --end;
    return {end, "", "-", 1};
  }
  const Item& last = items.back();
  Insertion at{item_range(last, lines).last, indent_of(last, lines), marker_of(last, lines), 0};
  if (!is_bullet(at.marker))
    throw Error("", last.pos.line, last.pos.column, "cannot append to an ordered list; only bullet lists are edited");
  if (items.size() >= 2 && same_list(items[items.size() - 2], last, lines))
    at.gap = last.pos.line - item_range(items[items.size() - 2], lines).last - 1;
  return at;
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

}  // namespace

EditResult add_entry(const Catalog&, std::string_view text, const EditTarget& target, const NewEntry& entry,
                     const KindTable& kinds) {
  Lines lines(text);
  Insertion at = insertion_point(target, lines);
  std::vector<std::string> chunk(static_cast<size_t>(at.gap), "");
  chunk.push_back(at.indent + at.marker + " " + render_entry(entry, kinds));
  LineEdit edit;
  edit.insert_after(at.after_line, chunk);
  EditResult result{edit.apply(lines), {}, {}, true};
  result.line = at.after_line + at.gap + 1;
  result.summary = "added \"" + entry.title + "\" to " + target.describe();
  result.expected.added = entry;
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
    indent_of(item, lines);
    remove_item_lines(siblings_of(entry), item, going, lines, edit);
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
  for (const auto& entry : entries) going.insert(entry.item);
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
