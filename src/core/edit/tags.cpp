// tag: editing only the `*tag*:` prefix of an entry's first line.
#include <algorithm>

#include "curate/edit/edit.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "lines.hpp"

namespace curate {
namespace {

using namespace edit_detail;

// One `*tag*: ` element of the prefix, with the spaces after it.
struct TagElement {
  std::string name;
  size_t begin = 0;
  size_t end = 0;
};

size_t skip_spaces(const std::string& line, size_t at) {
  while (at < line.size() && line[at] == ' ') ++at;
  return at;
}

// Reads the elements starting at `at`; `prefix_end` is where the title starts.
std::vector<TagElement> read_prefix(const std::string& line, size_t at, size_t& prefix_end) {
  std::vector<TagElement> out;
  while (at + 1 < line.size() && (line[at] == '*' || line[at] == '_') && line[at + 1] != line[at]) {
    size_t close = line.find(line[at], at + 1);
    if (close == std::string::npos) break;
    size_t colon = skip_spaces(line, close + 1);
    if (colon >= line.size() || line[colon] != ':') break;
    out.push_back(
        {std::string(trim(std::string_view(line).substr(at + 1, close - at - 1))), at, skip_spaces(line, colon + 1)});
    at = out.back().end;
  }
  prefix_end = at;
  return out;
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return iequals(n, name); });
}

// One entry's first line with its prefix edited.
struct Retag {
  std::string line;
  std::vector<std::string> tags;     // after the edit
  std::vector<std::string> changes;  // "+x", "-y" actually made
  bool changed = false;
};

Retag retag_line(const Item& item, const Lines& lines, const std::vector<std::string>& add,
                 const std::vector<std::string>& remove) {
  const std::string& line = lines.at(item.pos.line);
  size_t content = skip_spaces(line, static_cast<size_t>(item.pos.column - 1) + marker_of(item, lines).size());
  size_t prefix_end = content;
  std::vector<TagElement> elements = read_prefix(line, content, prefix_end);
  std::vector<std::string> names;
  for (const auto& element : elements) names.push_back(element.name);
  if (names != item.tags)
    throw Error("", item.pos.line, item.pos.column,
                "cannot edit the tags of \"" + item.title + "\": they are not a `*tag*:` prefix on its first line");
  Retag out;
  out.line = line.substr(0, content);
  for (const auto& element : elements) {
    if (listed(remove, element.name)) {
      out.changes.push_back("-" + element.name);
      continue;
    }
    out.line += line.substr(element.begin, element.end - element.begin);
    out.tags.push_back(element.name);
  }
  for (const auto& tag : add) {
    if (listed(out.tags, tag)) continue;
    out.line += "*" + tag + "*: ";
    out.tags.push_back(tag);
    out.changes.push_back("+" + tag);
  }
  out.line += line.substr(prefix_end);
  out.changed = out.line != line;
  return out;
}

}  // namespace

EditResult retag_entries(const Catalog&, std::string_view text, const std::vector<EntryRef>& entries,
                         const std::vector<std::string>& add, const std::vector<std::string>& remove) {
  Lines lines(text);
  LineEdit edit;
  EditResult result{std::string(text), {}, {}, false};
  std::vector<std::string> messages;
  for (const auto& entry : entries) {
    refuse_non_list(*entry.item, "tag");
    Retag retag = retag_line(*entry.item, lines, add, remove);
    if (!retag.changed) continue;
    edit.replaced[entry.item->pos.line] = retag.line;
    result.expected.retagged.emplace_back(entry.item->pos.line, retag.tags);
    messages.push_back("\"" + entry.item->title + "\" " + join(retag.changes, " ") +
                       " (tags: " + (retag.tags.empty() ? "none" : join(retag.tags, ", ")) + ")");
    result.line = entry.item->pos.line;
  }
  if (messages.empty()) {
    result.summary = std::string(entries.size() == 1 ? "the entry already has" : "the entries already have") +
                     " those tags; nothing to do";
    return result;
  }
  result.changed = true;
  result.text = edit.apply(lines);
  if (messages.size() > 1) result.line = 0;
  result.summary = "tagged " + join(messages, "; ");
  return result;
}

}  // namespace curate
