#include "curate/markdown/list_marker.hpp"

#include <algorithm>

namespace curate {

int visual_width(std::string_view text, int column) {
  int start = column;
  for (char c : text) column += c == '\t' ? 4 - column % 4 : 1;
  return column - start;
}

ListMarker read_list_marker(std::string_view line, int byte_column) {
  ListMarker marker;
  size_t at = static_cast<size_t>(std::max(byte_column - 1, 0));
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  at = std::min(at, line.size());
  marker.at = at;
  std::string_view before = line.substr(0, at);
  marker.at_line_start = before.find_first_not_of(" \t") == std::string_view::npos;
  marker.tab_indented = marker.at_line_start && before.find('\t') != std::string_view::npos;
  marker.column = visual_width(before);
  size_t end = at;
  while (end < line.size() && line[end] >= '0' && line[end] <= '9' && end - at < 9) ++end;
  if (end > at && end < line.size() && (line[end] == '.' || line[end] == ')')) {
    marker.delimiter = line[end];
    ++end;
    marker.found = true;
  } else if (end == at && at < line.size() && (line[at] == '-' || line[at] == '*' || line[at] == '+')) {
    marker.bullet = line[at];
    ++end;
    marker.found = true;
  }
  marker.end = end;
  marker.width = static_cast<int>(end - at);
  size_t content = end;
  while (content < line.size() && (line[content] == ' ' || line[content] == '\t')) ++content;
  marker.content = content;
  marker.has_content = content < line.size();
  std::string_view blanks = line.substr(end, content - end);
  marker.tab_after = blanks.find('\t') != std::string_view::npos;
  int marker_end = marker.column + marker.width;
  marker.blanks_after = visual_width(blanks, marker_end);
  marker.code_after_marker = marker.has_content && marker.blanks_after > 4;
  // CommonMark: 1-4 blanks after the marker set the content column; more
  // (indented code) or none (an empty item) count as one.
  bool one = !marker.has_content || marker.blanks_after > 4 || marker.blanks_after == 0;
  marker.content_column = marker_end + (one ? 1 : marker.blanks_after);
  return marker;
}

bool tab_in_indent(std::string_view line, const ListMarker& marker, int from) {
  int column = 0;
  for (size_t i = 0; i < marker.at && i < line.size(); ++i) {
    if (line[i] == '\t' && column >= from) return true;
    column += line[i] == '\t' ? 4 - column % 4 : 1;
  }
  return false;
}

int list_text_offset(const ListMarker& first) {
  bool kept = first.found && first.has_content && !first.tab_after && !first.code_after_marker &&
              first.blanks_after >= 1 && first.blanks_after <= 4;
  return first.width + (kept ? first.blanks_after : 1);
}

int ListSpacing::padding(int width) const {
  for (const auto& [wide, spaces] : wider)
    if (wide == width) return spaces;
  return std::max(1, offset - width);
}

void ListSpacingVote::add(const ListMarker& marker) {
  if (!marker.has_content) return;
  if (!m_width) m_width = marker.width;
  // An ordered list's "1." and "10." differ in width: each width votes on its own.
  bool wider = marker.width != m_width;
  int offset = wider ? list_text_offset(marker) - marker.width : list_text_offset(marker);
  bool tab = !wider && tab_separated(marker);
  std::vector<Count>& counts = wider ? m_wider : m_counts;
  for (Count& count : counts)
    if (count.spacing.offset == offset && count.spacing.tab == tab && count.width == (wider ? marker.width : 0)) {
      ++count.items;
      return;
    }
  counts.push_back({{offset, tab, marker.tab_after}, 1, wider ? marker.width : 0});
}

ListSpacing ListSpacingVote::result() const {
  const Count* best = nullptr;
  for (const Count& count : m_counts)
    if (!best || count.items > best->items) best = &count;
  ListSpacing spacing = best ? best->spacing : ListSpacing{};
  for (const Count& count : m_wider) {
    auto known = std::find_if(spacing.wider.begin(), spacing.wider.end(),
                              [&](const auto& entry) { return entry.first == count.width; });
    if (known != spacing.wider.end()) continue;  // the earliest majority of that width is taken below
    const Count* most = &count;
    for (const Count& other : m_wider)
      if (other.width == count.width && other.items > most->items) most = &other;
    spacing.wider.emplace_back(count.width, most->spacing.offset);
  }
  return spacing;
}

bool tab_separated(const ListMarker& marker) {
  return marker.found && marker.has_content && marker.tab_after && marker.content == marker.end + 1;
}

}  // namespace curate
