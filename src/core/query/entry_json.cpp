#include <nlohmann/json.hpp>

#include "curate/query/entry_json.hpp"

namespace curate {
namespace {

nlohmann::ordered_json optional_string(const std::optional<std::string>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

template <typename Value>
void field(JsonWriter& out, std::string_view name, const Value& value) {
  out.key(name);
  out.value(value);
}

const char* source_name(EntrySource source) {
  switch (source) {
    case EntrySource::table:
      return "table";
    case EntrySource::paragraph:
      return "paragraph";
    case EntrySource::heading:
      return "heading";
    case EntrySource::html:
      return "html";
    case EntrySource::list:
      break;
  }
  return "list";
}

}  // namespace

nlohmann::ordered_json entry_to_json(const EntryRef& entry) {
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
  json["section"] = entry.section.get();
  json["parents"] = entry.parents;
  json["file"] = entry.file();
  json["line"] = item.pos.line;
  json["column"] = item.pos.column;
  json["source"] = source_name(item.source);
  json["formats"] = item.formats;
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  for (const auto& [name, value] : item.fields) fields[name] = value;
  json["fields"] = std::move(fields);
  return json;
}

void write_entry_json(JsonWriter& out, const EntryRef& entry) {
  const Item& item = *entry.item;
  out.begin_object();
  field(out, "id", item.id);
  field(out, "title", item.title);
  field(out, "description", item.description);
  field(out, "note", item.note);
  field(out, "url", item.url);
  field(out, "links", item.links);
  field(out, "tags", item.tags);
  field(out, "authors", item.authors);
  field(out, "kinds", item.kinds);
  field(out, "medium", item.medium);
  field(out, "date", item.date);
  out.key("year");
  if (auto year = item.year()) {
    out.value(std::int64_t{*year});
  } else {
    out.null();
  }
  field(out, "section", entry.section);
  field(out, "parents", entry.parents);
  field(out, "file", entry.file());
  field(out, "line", std::int64_t{item.pos.line});
  field(out, "column", std::int64_t{item.pos.column});
  field(out, "source", source_name(item.source));
  field(out, "formats", item.formats);
  out.key("fields");
  out.begin_object();
  for (const auto& [name, value] : item.fields) {
    out.any_key(name);
    out.value(value);
  }
  out.end_object();
  out.end_object();
}

}  // namespace curate
