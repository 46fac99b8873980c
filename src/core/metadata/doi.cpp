// DOIs in URLs, and the CSL-JSON a DOI resolver gives for one.
#include "curate/metadata/doi.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "curate/catalog/kinds.hpp"
#include "curate/links/options.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

// Where "10.NNNN/" starts in `path` (at the start or after a "/"), or npos.
size_t doi_start(std::string_view path) {
  for (size_t at = path.find("10."); at != std::string_view::npos; at = path.find("10.", at + 1)) {
    if (at > 0 && path[at - 1] != '/') continue;
    size_t digits = at + 3;
    while (digits < path.size() && std::isdigit(static_cast<unsigned char>(path[digits]))) ++digits;
    if (digits - (at + 3) >= 4 && digits + 1 < path.size() && path[digits] == '/') return at;
  }
  return std::string_view::npos;
}

std::string without_suffixes(std::string doi) {
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view suffix : {".pdf", "/full", "/abstract", "/pdf", "/epdf", "/"})
      if (ends_with(doi, suffix) && doi.size() > suffix.size()) {
        doi.resize(doi.size() - suffix.size());
        cut = true;
      }
  }
  return doi;
}

// A CSL name: "given family", a literal, or an organisation's name.
std::string name_of(const nlohmann::json& person) {
  if (!person.is_object()) return "";
  auto text = [&](const char* key) {
    auto found = person.find(key);
    return found != person.end() && found->is_string() ? collapse_whitespace(found->get<std::string>()) : "";
  };
  if (std::string literal = text("literal"); !literal.empty()) return literal;
  std::string given = text("given"), family = text("family");
  if (!family.empty()) return given.empty() ? family : given + " " + family;
  return text("name");
}

// "issued": {"date-parts": [[2016, 6, 27]]} → 2016-06-27 (as much as is given).
std::optional<std::string> issued_date(const nlohmann::json& item) {
  auto issued = item.find("issued");
  if (issued == item.end() || !issued->is_object()) return std::nullopt;
  auto parts = issued->find("date-parts");
  if (parts == issued->end() || !parts->is_array() || parts->empty() || !(*parts)[0].is_array()) return std::nullopt;
  std::string date;
  const char* separators[] = {"", "-", "-"};
  size_t index = 0;
  for (const nlohmann::json& part : (*parts)[0]) {
    if (index == 3) break;
    long value = part.is_number_integer() ? part.get<long>()
                 : part.is_string()       ? std::atol(part.get<std::string>().c_str())
                                          : 0;
    if (value <= 0) break;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, index == 0 ? "%04ld" : "%02ld", value);
    date += separators[index++] + std::string(buffer);
  }
  if (date.empty() || check_date(date) != DateFault::none) return std::nullopt;
  return date;
}

// A string field, or the first of an array of strings.
std::string first_text(const nlohmann::json& item, const char* key) {
  auto found = item.find(key);
  if (found == item.end()) return "";
  if (found->is_string()) return found->get<std::string>();
  if (found->is_array() && !found->empty() && (*found)[0].is_string()) return (*found)[0].get<std::string>();
  return "";
}

}  // namespace

std::optional<std::string> doi_of(std::string_view url) {
  UrlParts parts;
  if (!parse_url(url, parts) || (parts.scheme != "http" && parts.scheme != "https")) return std::nullopt;
  std::string path = percent_decode(parts.path);
  if (host_matches(parts.host, "doi.org")) {
    std::string doi = without_suffixes(std::string(trim(std::string_view(path).substr(path.empty() ? 0 : 1))));
    return doi_start(doi) == 0 ? std::optional<std::string>(doi) : std::nullopt;
  }
  size_t start = doi_start(path);
  if (start == std::string::npos) return std::nullopt;
  return without_suffixes(path.substr(start));
}

std::string doi_request_url(const std::string& resolver, const std::string& doi) {
  return resolver + (ends_with(resolver, "/") ? "" : "/") + percent_encode(doi, "/:;()");
}

std::optional<std::string> kind_of_csl_type(std::string_view type) {
  static const std::pair<std::string_view, std::string_view> k_kinds[] = {
      {"article-journal", "paper"},
      {"paper-conference", "paper"},
      {"article", "paper"},
      {"report", "paper"},
      {"thesis", "paper"},
      {"manuscript", "paper"},
      {"book", "book"},
      {"chapter", "book"},
      {"post-weblog", "blog"},
      {"post", "blog"},
      {"webpage", "website"},
      {"motion_picture", "video"},
      {"broadcast", "video"},
      {"software", "repo"},
      {"dataset", "dataset"},
      {"speech", "talk"},
  };
  for (const auto& [csl, kind] : k_kinds)
    if (csl == type) return std::string(kind);
  return std::nullopt;
}

Metadata read_csl_json(std::string_view body) {
  nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded()) throw Error("the DOI resolver's answer is not valid JSON");
  if (document.is_array() && !document.empty()) document = document[0];
  if (!document.is_object()) throw Error("the DOI resolver's answer is not a CSL-JSON item");
  Metadata out;
  out.source = "the DOI's CSL-JSON";
  out.title = without_tags(first_text(document, "title"));
  if (out.title.empty()) throw Error("the DOI resolver's answer has no title");
  if (auto authors = document.find("author"); authors != document.end() && authors->is_array())
    for (const nlohmann::json& person : *authors)
      if (std::string name = name_of(person); !name.empty()) out.authors.push_back(name);
  out.date = issued_date(document);
  out.kind = kind_of_csl_type(first_text(document, "type"));
  return out;
}

}  // namespace curate
