// A page's own metadata: Highwire citation_* tags (what Google Scholar
// reads), Open Graph, JSON-LD and <title>, in that order of trust.
#include "curate/metadata/page.hpp"

#include <nlohmann/json.hpp>

#include "curate/catalog/kinds.hpp"
#include "curate/links/html_scan.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// What each family of tags said, before the families are merged.
struct Found {
  Metadata highwire, open_graph, json_ld;
  std::vector<std::string> meta_authors;
  std::optional<std::string> meta_date;
  std::string title_element;
};

// "2016-06-27T10:00:00Z", "2016/06/27", "June 2016" → YYYY[-MM[-DD]].
std::optional<std::string> date_from(std::string_view text) {
  text = trim(text);
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') text = text.substr(0, 10);
  if (is_date_shape(text)) {
    if (check_date(text) == DateFault::none) return std::string(text);
    return std::nullopt;
  }
  return read_written_date(text);
}

// "He, Kaiming" → "Kaiming He"; names without exactly one comma stay.
std::string natural_order(std::string name) {
  name = collapse_whitespace(name);
  size_t comma = name.find(',');
  if (comma == std::string::npos || name.find(',', comma + 1) != std::string::npos) return name;
  std::string family(trim(std::string_view(name).substr(0, comma)));
  std::string given(trim(std::string_view(name).substr(comma + 1)));
  return family.empty() || given.empty() ? name : given + " " + family;
}

bool looks_like_url(std::string_view text) { return text.find("://") != std::string_view::npos; }

std::optional<std::string> kind_of_og_type(std::string_view type) {
  if (type == "article") return "article";
  if (type == "book") return "book";
  if (starts_with(type, "video")) return "video";
  return std::nullopt;
}

std::optional<std::string> kind_of_schema_type(std::string_view type) {
  static const std::pair<std::string_view, std::string_view> k_kinds[] = {
      {"BlogPosting", "blog"},
      {"ScholarlyArticle", "paper"},
      {"TechArticle", "article"},
      {"NewsArticle", "article"},
      {"Article", "article"},
      {"VideoObject", "video"},
      {"Book", "book"},
      {"Course", "course"},
      {"PodcastEpisode", "podcast"},
      {"SoftwareSourceCode", "repo"},
      {"Dataset", "dataset"},
  };
  for (const auto& [schema, kind] : k_kinds)
    if (schema == type) return std::string(kind);
  return std::nullopt;
}

void read_meta(const HtmlElement& element, Found& found) {
  const std::string_view* content = element.attribute("content");
  if (!content) return;
  const std::string_view* key = element.attribute("name");
  if (!key) key = element.attribute("property");
  if (!key) key = element.attribute("itemprop");
  if (!key) return;
  std::string name = to_lower(*key);
  std::string value = collapse_whitespace(*content);
  if (value.empty()) return;
  if (name == "citation_title" && found.highwire.title.empty()) found.highwire.title = value;
  if (name == "citation_author") found.highwire.authors.push_back(natural_order(value));
  if ((name == "citation_publication_date" || name == "citation_date") && !found.highwire.date)
    found.highwire.date = date_from(value);
  if (name == "og:title" && found.open_graph.title.empty()) found.open_graph.title = value;
  if (name == "og:type" && !found.open_graph.kind) found.open_graph.kind = kind_of_og_type(value);
  if (name == "article:published_time" && !found.open_graph.date) found.open_graph.date = date_from(value);
  if ((name == "author" || name == "article:author") && !looks_like_url(value)) found.meta_authors.push_back(value);
  // Microdata (<meta itemprop="datePublished">, as video sites write it).
  if ((name == "datepublished" || name == "uploaddate") && !found.meta_date) found.meta_date = date_from(value);
}

std::string string_of(const nlohmann::json& node, const char* key) {
  auto value = node.find(key);
  return value != node.end() && value->is_string() ? collapse_whitespace(value->get<std::string>()) : "";
}

void add_json_ld_authors(const nlohmann::json& author, std::vector<std::string>& out) {
  if (author.is_array()) {
    for (const nlohmann::json& one : author) add_json_ld_authors(one, out);
  } else if (author.is_string() && !looks_like_url(author.get<std::string>())) {
    out.push_back(collapse_whitespace(author.get<std::string>()));
  } else if (author.is_object()) {
    if (std::string name = string_of(author, "name"); !name.empty()) out.push_back(name);
  }
}

std::string schema_type(const nlohmann::json& node) {
  auto type = node.find("@type");
  if (type == node.end()) return "";
  if (type->is_string()) return type->get<std::string>();
  if (type->is_array() && !type->empty() && (*type)[0].is_string()) return (*type)[0].get<std::string>();
  return "";
}

// The first JSON-LD node that describes a work (a headline, or a typed name).
void read_json_ld_node(const nlohmann::json& node, Metadata& out) {
  if (!out.title.empty()) return;
  if (node.is_array()) {
    for (const nlohmann::json& one : node) read_json_ld_node(one, out);
    return;
  }
  if (!node.is_object()) return;
  if (auto graph = node.find("@graph"); graph != node.end()) return read_json_ld_node(*graph, out);
  std::optional<std::string> kind = kind_of_schema_type(schema_type(node));
  std::string title = string_of(node, "headline");
  if (title.empty() && kind) title = string_of(node, "name");
  if (title.empty()) return;
  out.title = title;
  out.kind = kind;
  if (auto author = node.find("author"); author != node.end()) add_json_ld_authors(*author, out.authors);
  out.date = date_from(string_of(node, "datePublished"));
}

void read_json_ld(std::string_view text, Found& found) {
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (!document.is_discarded()) read_json_ld_node(document, found.json_ld);
}

bool is_json_ld(const HtmlElement& element) {
  const std::string_view* type = element.attribute("type");
  return element.name == "script" && type && iequals(trim(*type), "application/ld+json");
}

// Each field from the first family that has it.
Metadata merge(const Found& found) {
  Metadata out;
  const Metadata* families[] = {&found.highwire, &found.open_graph, &found.json_ld};
  const char* names[] = {"citation_* tags", "Open Graph tags", "JSON-LD"};
  for (size_t i = 0; i < 3; ++i) {
    const Metadata& family = *families[i];
    if (out.title.empty() && !family.title.empty()) {
      out.title = family.title;
      out.source = std::string("the page's ") + names[i];
    }
    if (out.authors.empty()) out.authors = family.authors;
    if (!out.date) out.date = family.date;
    if (!out.kind) out.kind = family.kind;
  }
  if (!found.highwire.title.empty()) out.kind = "paper";
  if (out.title.empty() && !found.title_element.empty()) {
    out.title = found.title_element;
    out.source = "the page's <title>";
  }
  if (out.authors.empty()) out.authors = found.meta_authors;
  if (!out.date) out.date = found.meta_date;
  return out;
}

}  // namespace

std::optional<Metadata> read_page_metadata(std::string_view html) {
  Found found;
  HtmlScanner::Handlers handlers;
  handlers.on_element = [&](const HtmlElement& element) {
    if (element.name == "meta") read_meta(element, found);
  };
  handlers.capture = [](const HtmlElement& element) { return element.name == "title" || is_json_ld(element); };
  handlers.on_text = [&](std::string_view element, std::string text) {
    if (element == "title" && found.title_element.empty()) found.title_element = collapse_whitespace(text);
    if (element == "script") read_json_ld(text, found);
  };
  HtmlScanner scanner(std::move(handlers));
  scanner.feed(html);
  scanner.finish();
  Metadata out = merge(found);
  if (out.title.empty()) return std::nullopt;
  return out;
}

}  // namespace curate
