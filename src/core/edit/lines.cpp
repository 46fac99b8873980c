#include "lines.hpp"

#include "curate/markdown/list_marker.hpp"

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate::edit_detail {

Lines::Lines(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      trailing_newline = false;
      return;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
}

bool Lines::blank(int line) const { return line < 1 || line > count() || trim(at(line)).empty(); }

void LineEdit::remove(int first, int last) {
  for (int line = first; line <= last; ++line) removed.insert(line);
}

void LineEdit::insert_after(int line, const std::vector<std::string>& new_lines) {
  auto& slot = inserted_after[line];
  slot.insert(slot.end(), new_lines.begin(), new_lines.end());
}

std::string LineEdit::apply(const Lines& lines) const {
  std::vector<const std::string*> out;
  auto emit_inserted = [&](int line) {
    if (auto it = inserted_after.find(line); it != inserted_after.end())
      for (const auto& text : it->second) out.push_back(&text);
  };
  emit_inserted(0);
  for (int line = 1; line <= lines.count(); ++line) {
    if (!removed.count(line)) {
      auto it = replaced.find(line);
      out.push_back(it != replaced.end() ? &it->second : &lines.at(line));
    }
    emit_inserted(line);
  }
  std::string text;
  for (size_t i = 0; i < out.size(); ++i) {
    if (i) text += '\n';
    text += *out[i];
  }
  // A file without a final newline keeps lacking it; an empty result stays empty.
  if (lines.trailing_newline && !out.empty()) text += '\n';
  return text;
}

LineRange item_range(const Item& item, const Lines& lines) {
  LineRange range{item.pos.line, std::max(item.pos.line, item.span.end.line)};
  while (range.last > range.first && lines.blank(range.last)) --range.last;
  return range;
}

std::string marker_of(const Item& item, const Lines& lines) {
  const std::string& line = lines.at(item.pos.line);
  ListMarker marker = read_list_marker(line, item.pos.column);
  // The marker must stand where the item starts: a table row or a
  // paragraph has none.
  if (!marker.found || marker.at != static_cast<size_t>(item.pos.column - 1)) return {};
  return std::string(marker.text(line));
}

bool same_list(const Item& a, const Item& b, const Lines& lines) {
  LineRange range = item_range(a, lines);
  for (int line = range.last + 1; line < b.pos.line; ++line)
    if (!lines.blank(line)) return false;
  std::string ma = marker_of(a, lines), mb = marker_of(b, lines);
  return !ma.empty() && !mb.empty() && ma.back() == mb.back();
}

std::optional<std::string> plain_indent(const Item& item, const Lines& lines) {
  std::string indent = lines.at(item.pos.line).substr(0, static_cast<size_t>(item.pos.column - 1));
  if (indent.find_first_not_of(" \t") != std::string::npos) return std::nullopt;
  return indent;
}

std::string indent_of(const Item& item, const Lines& lines) {
  std::optional<std::string> indent = plain_indent(item, lines);
  if (!indent)
    throw Error("", item.pos.line, item.pos.column,
                "cannot edit this item: its line starts with something other than indentation (a quote or "
                "another item)");
  return *indent;
}

std::vector<std::string> reindent(const Lines& lines, LineRange range, const std::string& from_indent,
                                  const std::string& to_indent) {
  std::vector<std::string> out;
  for (int line = range.first; line <= range.last; ++line) {
    const std::string& text = lines.at(line);
    // Blank lines stay as they are; so do lazy continuation lines, which are
    // indented less than the item and need no indentation to belong to it.
    if (text.empty() || text.compare(0, from_indent.size(), from_indent) != 0 || trim(text).empty())
      out.push_back(text);
    else
      out.push_back(to_indent + text.substr(from_indent.size()));
  }
  return out;
}

const char* place_of(EntrySource source, bool many) {
  switch (source) {
    case EntrySource::table:
      return many ? "a table" : "a table row";
    case EntrySource::paragraph:
      return many ? "paragraph entries" : "a paragraph entry";
    case EntrySource::heading:
      return many ? "headings" : "a heading";
    case EntrySource::html:
      return many ? "HTML" : "a line of HTML";
    case EntrySource::list:
      break;
  }
  return many ? "lists" : "a list item";
}

void refuse_non_list(const Item& item, const char* verb) {
  if (item.source == EntrySource::list) return;
  bool addable = item.source == EntrySource::table || item.source == EntrySource::paragraph;
  throw Error("", item.pos.line, item.pos.column,
              "\"" + item.title + "\" is " + place_of(item.source, false) + "; curate can " + verb +
                  " list items only: edit it by hand (" + (addable ? "rm and add work" : "rm works") + " on it)");
}

}  // namespace curate::edit_detail
