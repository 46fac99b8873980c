#include <nlohmann/json.hpp>

#include "curate/export/citation.hpp"
#include "curate/export/export.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

using Json = nlohmann::ordered_json;

// CSL 1.0.2 item types: "article" is CSL's type for papers without a venue
// (preprints, working papers), which is what reading lists link to.
std::string csl_type(const Item& item) {
  std::string kind = primary_kind(item);
  if (kind == "book") return "book";
  if (kind == "paper" || kind == "article") return "article";
  if (kind == "blog") return "post-weblog";
  if (kind == "video") return "motion_picture";
  if (kind == "talk") return "speech";
  if (kind == "podcast") return "broadcast";
  if (kind == "repo") return "software";
  if (item.url && !item.url->empty()) return "webpage";
  return "document";
}

Json csl_author(const std::string& author) {
  if (auto person = split_person_name(author)) return {{"family", person->family}, {"given", person->given}};
  return {{"literal", author}};
}

// [[year, month, day]] with as many parts as the date has.
Json csl_issued(const std::string& date) {
  Json parts = Json::array();
  for (const std::string& part : split_trimmed(date, "-")) parts.push_back(std::stoi(part));
  return {{"date-parts", Json::array({parts})}};
}

Json csl_item(const Item& item, const std::string& id) {
  Json json;
  json["id"] = id;
  json["type"] = csl_type(item);
  json["title"] = item.title;
  if (!item.authors.empty()) {
    json["author"] = Json::array();
    for (const std::string& author : item.authors) json["author"].push_back(csl_author(author));
  }
  if (item.year()) json["issued"] = csl_issued(*item.date);
  if (item.url && !item.url->empty()) json["URL"] = *item.url;
  if (item.description) json["abstract"] = *item.description;
  if (item.note) json["note"] = *item.note;
  if (!item.tags.empty()) json["keyword"] = join(item.tags, ", ");
  return json;
}

}  // namespace

std::string export_csl_json(const ExportScope& scope) {
  auto keys = citation_keys(collect_entries(scope.set));
  Json array = Json::array();
  for (const EntryRef& entry : scope.entries) array.push_back(csl_item(*entry.item, keys.at(entry.item)));
  return array.dump(2) + "\n";
}

}  // namespace curate
