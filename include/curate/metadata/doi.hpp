#pragma once
// DOIs: which URLs name one, the content-negotiation request, and reading
// the CSL-JSON answer (https://citation.crosscite.org/docs.html).

#include <optional>
#include <string>
#include <string_view>

#include "curate/metadata/metadata.hpp"

namespace curate {

// The DOI `url` names: the path of doi.org / dx.doi.org, else a DOI
// ("10.NNNN/…") inside the URL's path (dl.acm.org/doi/10.1145/…,
// link.springer.com/article/10.1007/…), percent-decoded, without a trailing
// ".pdf", "/full", "/abstract", "/pdf" or "/epdf"; nullopt when there is none.
std::optional<std::string> doi_of(std::string_view url);

// `resolver` + the DOI, its reserved characters percent-encoded ("/" kept).
std::string doi_request_url(const std::string& resolver, const std::string& doi);

// The Accept header of the request: CSL-JSON.
inline constexpr const char* k_csl_json_accept = "Accept: application/vnd.citationstyles.csl+json";

// The kind of a CSL item type: article-journal, paper-conference, article,
// report, thesis → paper; book, chapter → book; post-weblog → blog; webpage
// → website; motion_picture, broadcast → video; software → repo; dataset →
// dataset; speech → talk; nullopt for the rest.
std::optional<std::string> kind_of_csl_type(std::string_view type);

// Reads a CSL-JSON item (or an array holding one): title, authors (given
// and family names, or a literal), issued date, kind. Markup in titles
// (<i>, <sub>) is dropped. Throws curate::Error when the body is not JSON or
// has no title.
Metadata read_csl_json(std::string_view body);

}  // namespace curate
