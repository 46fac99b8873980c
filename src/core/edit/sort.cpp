// sort: reordering the entries of each list, moving whole item line ranges.
#include <algorithm>

#include "curate/edit/edit.hpp"
#include "curate/text/text.hpp"
#include "lines.hpp"

namespace curate {
namespace {

using namespace edit_detail;

class ListSorter {
 public:
  ListSorter(const Lines& lines, const SortOptions& options) : m_lines(lines), m_options(options) {}

  void sort_section(const Section& section, std::vector<std::string>& path, LineEdit& edit) {
    for (auto [begin, end] : runs(section.items)) {
      std::vector<std::string> sorted = run_lines(section.items, begin, end, path);
      int first = item_range(section.items[begin], m_lines).first;
      int last = item_range(section.items[end - 1], m_lines).last;
      if (sorted == original(first, last)) continue;
      edit.remove(first, last);
      edit.insert_after(first - 1, sorted);
    }
    for (const Section& child : section.sections) {
      path.push_back(child.heading);
      sort_section(child, path, edit);
      path.pop_back();
    }
  }

  int moved() const { return m_moved; }
  int lists() const { return m_lists; }

 private:
  // [begin, end) index ranges of items that form one Markdown list.
  std::vector<std::pair<size_t, size_t>> runs(const std::vector<Item>& items) const {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t begin = 0, end; begin < items.size(); begin = end) {
      for (end = begin + 1; end < items.size() && same_list(items[end - 1], items[end], m_lines);) ++end;
      out.emplace_back(begin, end);
    }
    return out;
  }

  std::vector<std::string> original(int first, int last) const {
    std::vector<std::string> out;
    for (int line = first; line <= last; ++line) out.push_back(m_lines.at(line));
    return out;
  }

  // Lists with numbers, or items sharing a line with their parent, stay as
  // they are; so do table rows and reference paragraphs (docs/edit.md).
  bool sortable(const std::vector<Item>& items, size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k)
      if (items[k].source != EntrySource::list || marker_of(items[k], m_lines).size() != 1 ||
          !plain_indent(items[k], m_lines))
        return false;
    return true;
  }

  // A list of entries: at least one item links somewhere. A list of plain
  // text items (steps, topics in a teaching order, notes) is prose, kept
  // in the order its author chose.
  static bool holds_entries(const std::vector<Item>& items, size_t begin, size_t end) {
    return std::any_of(items.begin() + static_cast<long>(begin), items.begin() + static_cast<long>(end),
                       [](const Item& item) { return item.is_entry() && !item.is_stub(); });
  }

  // The order of the run: entries sorted among the entries' slots, groups fixed.
  std::vector<size_t> order(const std::vector<Item>& items, size_t begin, size_t end,
                            const std::vector<std::string>& path) {
    std::vector<size_t> slots(end - begin);
    for (size_t k = begin; k < end; ++k) slots[k - begin] = k;
    if ((m_options.section && !section_matches(*m_options.section, path)) || !holds_entries(items, begin, end) ||
        !sortable(items, begin, end))
      return slots;
    std::vector<EntryRef> entries;
    for (size_t k = begin; k < end; ++k)
      if (items[k].is_entry()) entries.push_back(EntryRef{&items[k], {}, {}, {}, nullptr});
    sort_entries(entries, m_options.key, m_options.reverse);
    size_t next = 0;
    int moved = 0;
    for (size_t& slot : slots) {
      if (items[slot].is_group) continue;
      size_t chosen = static_cast<size_t>(entries[next++].item - items.data());
      if (chosen != slot) ++moved;
      slot = chosen;
    }
    m_moved += moved;
    if (moved) ++m_lists;
    return slots;
  }

  std::vector<std::string> run_lines(const std::vector<Item>& items, size_t begin, size_t end,
                                     std::vector<std::string>& path) {
    std::vector<size_t> slots = order(items, begin, end, path);
    std::vector<std::string> out;
    for (size_t k = begin; k < end; ++k) {
      std::vector<std::string> chunk = item_lines(items[slots[k - begin]], path);
      out.insert(out.end(), chunk.begin(), chunk.end());
      if (k + 1 < end) {
        std::vector<std::string> gap = original(item_range(items[k], m_lines).last + 1, items[k + 1].pos.line - 1);
        out.insert(out.end(), gap.begin(), gap.end());
      }
    }
    return out;
  }

  // The item's lines with the lists of its children sorted too.
  std::vector<std::string> item_lines(const Item& item, std::vector<std::string>& path) {
    LineRange range = item_range(item, m_lines);
    path.push_back(item.title);
    std::vector<std::string> out;
    int line = range.first;
    for (auto [begin, end] : runs(item.children)) {
      int first = item_range(item.children[begin], m_lines).first;
      std::vector<std::string> head = original(line, first - 1);
      out.insert(out.end(), head.begin(), head.end());
      std::vector<std::string> sorted = run_lines(item.children, begin, end, path);
      out.insert(out.end(), sorted.begin(), sorted.end());
      line = item_range(item.children[end - 1], m_lines).last + 1;
    }
    std::vector<std::string> tail = original(line, range.last);
    out.insert(out.end(), tail.begin(), tail.end());
    path.pop_back();
    return out;
  }

  const Lines& m_lines;
  const SortOptions& m_options;
  int m_moved = 0;
  int m_lists = 0;
};

}  // namespace

EditResult sort_lists(const Catalog& catalog, std::string_view text, const SortOptions& options) {
  Lines lines(text);
  ListSorter sorter(lines, options);
  LineEdit edit;
  std::vector<std::string> path;
  sorter.sort_section(catalog.root, path, edit);
  std::string key = options.key == SortKey::title ? "title" : options.key == SortKey::date ? "date" : "year";
  if (options.reverse) key += ", reversed";
  EditResult result{edit.apply(lines), {}, {}, sorter.moved() > 0};
  result.summary = result.changed ? "sorted by " + key + ": " + plural(sorter.moved(), "entry", "entries") +
                                        " moved in " + plural(sorter.lists(), "list", "lists")
                                  : "already sorted by " + key + "; nothing to do";
  return result;
}

}  // namespace curate
