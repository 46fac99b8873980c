#include "curate/entry_json.hpp"

namespace curate {
namespace {

nlohmann::ordered_json optional_string(const std::optional<std::string>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

nlohmann::ordered_json entry_to_json(const EntryRef& entry, const std::string& file) {
  const Item& item = *entry.item;
  nlohmann::ordered_json json;
  json["id"] = item.id;
  json["title"] = item.title;
  json["description"] = optional_string(item.description);
  json["note"] = optional_string(item.note);
  json["url"] = optional_string(item.url);
  json["links"] = item.links;
  json["tags"] = item.tags;
  json["authors"] = item.authors;
  json["kinds"] = item.kinds;
  json["medium"] = optional_string(item.medium);
  json["date"] = optional_string(item.date);
  auto year = item.year();
  json["year"] = year ? nlohmann::ordered_json(*year) : nlohmann::ordered_json(nullptr);
  json["section"] = entry.section;
  json["parents"] = entry.parents;
  json["file"] = file;
  json["line"] = item.pos.line;
  json["column"] = item.pos.column;
  return json;
}

}  // namespace curate
