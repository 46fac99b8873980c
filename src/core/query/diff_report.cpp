// Rendering a CatalogDiff as text (grouped by section) and as JSON.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "curate/query/catalog_diff.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

const char* type_name(ChangeType type) {
  switch (type) {
    case ChangeType::added:
      return "added";
    case ChangeType::removed:
      return "removed";
    case ChangeType::moved:
      return "moved";
    case ChangeType::changed:
      break;
  }
  return "changed";
}

// "Deep Learning > Overview": headings then parents. " > " because titles
// contain "/" ("Architecture / Concepts").
std::string where(const EntryPlace& place) {
  std::vector<std::string> parts = place.section;
  parts.insert(parts.end(), place.parents.begin(), place.parents.end());
  return parts.empty() ? "(top)" : join(parts, " > ");
}

const EntryPlace& current(const EntryChange& change) { return change.after ? *change.after : *change.before; }

std::string field_value(const std::vector<std::string>& values) {
  return values.empty() ? "(none)" : join(values, ", ");
}

std::string change_line(const EntryChange& change) {
  const EntryPlace& place = current(change);
  std::string type = type_name(change.type);
  std::string line = "  " + type + std::string(9 - type.size(), ' ') + "\"" + place.title + "\"";
  if (place.url && !place.url->empty()) line += " " + *place.url;
  if (change.type == ChangeType::removed)
    line += " (old line " + std::to_string(place.line) + ")";
  else if (change.type == ChangeType::moved)
    line += " (line " + std::to_string(place.line) + ", from " + where(*change.before) + ")";
  else
    line += " (line " + std::to_string(place.line) + ")";
  line += "\n";
  for (const auto& field : change.fields)
    line += "             " + field.field + ": " + field_value(field.before) + " -> " + field_value(field.after) + "\n";
  return line;
}

nlohmann::ordered_json place_json(const std::optional<EntryPlace>& place) {
  if (!place) return nullptr;
  nlohmann::ordered_json json;
  json["id"] = place->id;
  json["title"] = place->title;
  json["url"] = place->url ? nlohmann::ordered_json(*place->url) : nlohmann::ordered_json(nullptr);
  json["section"] = place->section;
  json["parents"] = place->parents;
  json["line"] = place->line;
  return json;
}

nlohmann::ordered_json value_json(const FieldChange& field, const std::vector<std::string>& values) {
  if (field.is_list) return values;
  return values.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(values.front());
}

std::string summary_line(const CatalogDiff& diff) {
  return std::to_string(diff.count(ChangeType::added)) + " added, " + std::to_string(diff.count(ChangeType::removed)) +
         " removed, " + std::to_string(diff.count(ChangeType::changed)) + " changed, " +
         std::to_string(diff.count(ChangeType::moved)) + " moved\n";
}

}  // namespace

std::string diff_to_text(const CatalogDiff& diff) {
  if (diff.empty()) return {};
  // Groups in order of first appearance; changes keep their order inside.
  std::vector<std::pair<std::string, std::string>> groups;
  for (const auto& change : diff.entries) {
    std::string key = where(current(change));
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      groups.emplace_back(key, "");
      it = groups.end() - 1;
    }
    it->second += change_line(change);
  }
  std::string out;
  for (const auto& [heading, lines] : groups) out += heading + "\n" + lines + "\n";
  for (const auto& path : diff.sections_added) out += "section added: " + join(path, " > ") + "\n";
  for (const auto& path : diff.sections_removed) out += "section removed: " + join(path, " > ") + "\n";
  if (!diff.sections_added.empty() || !diff.sections_removed.empty()) out += "\n";
  return out + summary_line(diff);
}

nlohmann::ordered_json diff_to_json(const CatalogDiff& diff, const std::string& old_label,
                                    const std::string& new_label) {
  nlohmann::ordered_json json;
  json["old"] = old_label;
  json["new"] = new_label;
  json["changes"] = nlohmann::ordered_json::array();
  for (const auto& change : diff.entries) {
    nlohmann::ordered_json item;
    item["change"] = type_name(change.type);
    item["old"] = place_json(change.before);
    item["new"] = place_json(change.after);
    item["fields"] = nlohmann::ordered_json::array();
    for (const auto& field : change.fields)
      item["fields"].push_back(
          {{"field", field.field}, {"old", value_json(field, field.before)}, {"new", value_json(field, field.after)}});
    json["changes"].push_back(std::move(item));
  }
  json["sections_added"] = diff.sections_added;
  json["sections_removed"] = diff.sections_removed;
  json["summary"] = {{"added", diff.count(ChangeType::added)},
                     {"removed", diff.count(ChangeType::removed)},
                     {"changed", diff.count(ChangeType::changed)},
                     {"moved", diff.count(ChangeType::moved)}};
  return json;
}

}  // namespace curate
