#include <map>

#include <nlohmann/json.hpp>

#include "curate/export/export.hpp"
#include "curate/query/entry_json.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

using Json = nlohmann::ordered_json;

// Version of the document shape in docs/catalog.schema.json; bumped on
// incompatible changes.
constexpr int k_format_version = 1;

struct TreeWriter {
  const ExportScope& scope;
  std::vector<std::string> path;         // section headings
  std::vector<const Item*> ancestors;    // enclosing items
  std::map<const Section*, int> direct;  // selected entries owned by each section

  Json item_json(const Item& item, const Section& owner) {
    Json json;
    if (item.is_entry()) {
      EntryRef ref{&item, path, {}, ancestors, &owner, nullptr};
      for (const Item* ancestor : ancestors) ref.parents.push_back(ancestor->title);
      Json fields = entry_to_json(ref);
      fields.erase("file");  // the document (or its part of "files") names it once
      json["type"] = "entry";
      json.update(fields);
      if (scope.filtered && !scope.selected(item)) json["context"] = true;
    } else {
      json["type"] = "group";
      json["id"] = item.id;
      json["title"] = item.title;
      json["note"] = item.note ? Json(*item.note) : Json(nullptr);
      json["line"] = item.pos.line;
      json["column"] = item.pos.column;
    }
    json["children"] = items_json(item.children, owner, &item);
    return json;
  }

  Json items_json(const std::vector<Item>& items, const Section& owner, const Item* parent) {
    Json array = Json::array();
    if (parent) ancestors.push_back(parent);
    for (const Item& item : items)
      if (scope.keeps(item)) array.push_back(item_json(item, owner));
    if (parent) ancestors.pop_back();
    return array;
  }

  Json section_json(const Section& section) {
    Json json;
    json["heading"] = section.heading;
    json["level"] = section.level;
    json["slug"] = section.slug;
    if (section.label) json["label"] = true;
    json["line"] = section.span.begin.line;
    json["entry_count"] = selected_below(section);
    json["items"] = items_json(section.items, section, nullptr);
    json["sections"] = sections_json(section);
    return json;
  }

  Json sections_json(const Section& parent) {
    Json array = Json::array();
    for (const Section& child : parent.sections) {
      if (!scope.keeps(child)) continue;
      path.push_back(child.heading);
      array.push_back(section_json(child));
      path.pop_back();
    }
    return array;
  }

  int selected_below(const Section& section) const {
    auto found = direct.find(&section);
    int count = found == direct.end() ? 0 : found->second;
    for (const Section& child : section.sections) count += selected_below(child);
    return count;
  }
};

// The vocabulary with the number of selected entries carrying each tag,
// then tags used but not declared (description null), by first use.
Json tags_json(const ExportScope& scope) {
  std::vector<std::pair<std::string, Json>> tags;
  std::map<std::string, size_t> index;  // lowercase name → position
  std::vector<int> counts;
  for (const TagDef& tag : scope.vocabulary()) {
    index.emplace(to_lower(tag.name), tags.size());
    tags.emplace_back(tag.name, Json(tag.description));
    counts.push_back(0);
  }
  for (const EntryRef& entry : scope.entries)
    for (const std::string& tag : entry.item->tags) {
      auto [it, added] = index.emplace(to_lower(tag), tags.size());
      if (added) {
        tags.emplace_back(tag, Json(nullptr));
        counts.push_back(0);
      }
      ++counts[it->second];
    }
  Json array = Json::array();
  for (size_t i = 0; i < tags.size(); ++i)
    array.push_back({{"name", tags[i].first}, {"description", tags[i].second}, {"count", counts[i]}});
  return array;
}

// One file's part of a document over several: its path and title, its
// selected entries, the items before its first heading and its sections.
Json file_json(const Catalog& catalog, TreeWriter& writer) {
  Json json;
  json["file"] = catalog.path;
  json["title"] = catalog.title ? Json(*catalog.title) : Json(nullptr);
  json["entry_count"] = writer.selected_below(catalog.root);
  json["items"] = writer.items_json(catalog.root.items, catalog.root, nullptr);
  json["sections"] = writer.sections_json(catalog.root);
  return json;
}

}  // namespace

std::string export_json(const ExportScope& scope) {
  TreeWriter writer{scope, {}, {}, {}};
  for (const EntryRef& entry : scope.entries) ++writer.direct[entry.owner];
  Json json;
  json["format"] = "curate-catalog";
  json["version"] = k_format_version;
  if (!scope.set.several) {
    const Catalog& catalog = *scope.set.catalogs.front();
    json["file"] = catalog.path;
    json["title"] = catalog.title ? Json(*catalog.title) : Json(nullptr);
    json["filtered"] = scope.filtered;
    json["entry_count"] = scope.entries.size();
    json["tags"] = tags_json(scope);
    json["items"] = writer.items_json(catalog.root.items, catalog.root, nullptr);
    json["sections"] = writer.sections_json(catalog.root);
    return json.dump(2) + "\n";
  }
  json["filtered"] = scope.filtered;
  json["entry_count"] = scope.entries.size();
  json["tags"] = tags_json(scope);
  json["files"] = Json::array();
  for (const Catalog* catalog : scope.set.catalogs) json["files"].push_back(file_json(*catalog, writer));
  return json.dump(2) + "\n";
}

}  // namespace curate
