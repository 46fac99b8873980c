#pragma once
// arXiv: which URLs name a paper, the API request, and reading its Atom
// answer (https://info.arxiv.org/help/api/user-manual.html).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/metadata/metadata.hpp"

namespace curate {

// The paper `url` names, without its version: arxiv.org (www., export.) /abs/,
// /pdf/ (with or without ".pdf"), /html/ or /format/ followed by a new-style
// id (2103.00020, 0704.0001v2) or an old-style one (hep-th/9901001,
// math.GT/0309136v1); nullopt for anything else.
std::optional<std::string> arxiv_id_of(std::string_view url);

// The id of an arXiv DOI (10.48550/arXiv.2103.00020), without its version.
std::optional<std::string> arxiv_id_of_doi(std::string_view doi);

// `api`?id_list=A,B…&max_results=N: one request for several papers.
std::string arxiv_query_url(const std::string& api, const std::vector<std::string>& ids);

// One paper of an answer, by its id without version.
struct ArxivPaper {
  std::string id;
  Metadata metadata;  // title, authors, date of the first version, kind "paper"
};

// Reads the API's Atom feed with libxml2's XML parser (no network, no
// entity expansion). Throws curate::Error when the body is not XML, not an
// Atom feed, or the API's own error entry ("incorrect id format for …").
// A paper the API does not know is simply absent.
std::vector<ArxivPaper> read_arxiv_feed(std::string_view body);

}  // namespace curate
