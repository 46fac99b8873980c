// arXiv ids from URLs, and the Atom answer read with libxml2's XML parser
// (already linked for the HTML scanner): a real parser, so namespaces,
// CDATA and character references read as they should.
#include "curate/metadata/arxiv.hpp"

#include <cctype>
#include <cstring>
#include <memory>

#include "curate/catalog/kinds.hpp"
#include "curate/links/options.hpp"
#include "curate/links/xml_api.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

bool digits(std::string_view text, size_t count) {
  if (text.size() != count) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "v2" (or nothing) after an id.
bool version_or_nothing(std::string_view text) {
  if (text.empty()) return true;
  if (text.size() < 2 || text[0] != 'v') return false;
  return digits(text.substr(1), text.size() - 1);
}

// YYMM.NNNN or YYMM.NNNNN, then an optional version: the id without it.
std::optional<std::string> new_style_id(std::string_view text) {
  size_t dot = text.find('.');
  if (dot != 4 || !digits(text.substr(0, 4), 4)) return std::nullopt;
  for (size_t length : {5u, 4u}) {
    std::string_view number = text.substr(5, length);
    if (digits(number, length) && version_or_nothing(text.substr(5 + number.size())))
      return std::string(text.substr(0, 5 + length));
  }
  return std::nullopt;
}

// archive(.SC)/YYMMNNN, then an optional version: hep-th/9901001, math.GT/0309136.
std::optional<std::string> old_style_id(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  for (char c : text.substr(0, slash))
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '.') return std::nullopt;
  std::string_view number = text.substr(slash + 1, 7);
  if (!digits(number, 7) || !version_or_nothing(text.substr(slash + 8))) return std::nullopt;
  return std::string(text.substr(0, slash + 8));
}

std::optional<std::string> id_of(std::string_view text) {
  if (auto id = new_style_id(text)) return id;
  return old_style_id(text);
}

// Owners of what libxml2 allocates: the one place each is freed.
struct DocFree {
  void operator()(xmlDocPtr doc) const { xml().free_doc(doc); }
};
struct TextFree {
  void operator()(xmlChar* text) const { (*xml().free)(text); }
};

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string text_of(const xmlNode* node) {
  std::unique_ptr<xmlChar, TextFree> content(xml().node_content(node));
  return content ? collapse_whitespace(reinterpret_cast<const char*>(content.get())) : "";
}

// The first child element called `name`, or null.
const xmlNode* child(const xmlNode* parent, const char* name) {
  for (const xmlNode* node = parent->children; node; node = node->next)
    if (named(node, name)) return node;
  return nullptr;
}

ArxivPaper read_entry(const xmlNode* entry) {
  const xmlNode* id = child(entry, "id");
  std::string id_text = id ? text_of(id) : "";
  if (id_text.find("/api/errors") != std::string::npos) {
    const xmlNode* summary = child(entry, "summary");
    throw Error("the arXiv API answered with an error: " + (summary ? text_of(summary) : id_text));
  }
  ArxivPaper paper;
  size_t abs = id_text.find("/abs/");
  if (abs != std::string::npos) paper.id = id_of(std::string_view(id_text).substr(abs + 5)).value_or("");
  Metadata& out = paper.metadata;
  out.source = "the arXiv API";
  out.kind = "paper";
  if (const xmlNode* title = child(entry, "title")) out.title = text_of(title);
  for (const xmlNode* node = entry->children; node; node = node->next)
    if (named(node, "author"))
      if (const xmlNode* name = child(node, "name"); name && !text_of(name).empty())
        out.authors.push_back(text_of(name));
  if (const xmlNode* published = child(entry, "published")) {
    std::string date = text_of(published).substr(0, 10);
    if (check_date(date) == DateFault::none) out.date = date;
  }
  return paper;
}

}  // namespace

std::optional<std::string> arxiv_id_of(std::string_view url) {
  UrlParts parts;
  if (!parse_url(url, parts) || (parts.scheme != "http" && parts.scheme != "https")) return std::nullopt;
  if (!host_matches(parts.host, "arxiv.org")) return std::nullopt;
  std::string path = percent_decode(parts.path);
  for (std::string_view prefix : {"/abs/", "/pdf/", "/html/", "/format/"}) {
    if (!starts_with(path, prefix)) continue;
    std::string_view rest = std::string_view(path).substr(prefix.size());
    if (ends_with(rest, ".pdf")) rest.remove_suffix(4);
    while (ends_with(rest, "/")) rest.remove_suffix(1);
    return id_of(rest);
  }
  return std::nullopt;
}

std::optional<std::string> arxiv_id_of_doi(std::string_view doi) {
  constexpr std::string_view k_prefix = "10.48550/arxiv.";
  if (!istarts_with(doi, k_prefix)) return std::nullopt;
  return id_of(doi.substr(k_prefix.size()));
}

std::string arxiv_query_url(const std::string& api, const std::vector<std::string>& ids) {
  return api + "?id_list=" + join(ids, ",") + "&max_results=" + std::to_string(ids.size());
}

std::vector<ArxivPaper> read_arxiv_feed(std::string_view body) {
  std::unique_ptr<xmlDoc, DocFree> doc(xml().read_memory(body.data(), static_cast<int>(body.size()), "arxiv.xml",
                                                         nullptr,
                                                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) throw Error("the arXiv API's answer is not valid XML");
  const xmlNode* feed = xml().root_element(doc.get());
  if (!feed || !named(feed, "feed")) throw Error("the arXiv API's answer is not an Atom feed");
  std::vector<ArxivPaper> papers;
  for (const xmlNode* node = feed->children; node; node = node->next)
    if (named(node, "entry")) {
      ArxivPaper paper = read_entry(node);
      if (!paper.id.empty() && !paper.metadata.title.empty()) papers.push_back(std::move(paper));
    }
  return papers;
}

}  // namespace curate
