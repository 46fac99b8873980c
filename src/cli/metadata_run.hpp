#pragma once
// Fetching metadata from the command line (`add URL`, `enrich`): the
// settings, the real HTTP client, and turning what a source says into the
// fields of an entry as the list writes them.

#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "curate/metadata/fetch.hpp"

namespace curate::cli {

// The link checker's settings (GITHUB_SERVER_URL / GITHUB_API_URL, then
// .curate.json "links", then GITHUB_TOKEN), then .curate.json "metadata",
// then CURATE_ARXIV_API and CURATE_DOI_RESOLVER from the environment. Throws
// curate::Error on bad values.
MetadataOptions resolve_metadata_options(const Config& config, const std::string& list_path);

// fetch_metadata with the libcurl client.
std::vector<MetadataResult> fetch_with_curl(const std::vector<std::string>& urls, const MetadataOptions& options);

// A source's fields as the list writes them in `style`: authors after the
// style's convention ("First Author et al.", initials), the kind spelled as
// the list spells it.
struct ListFields {
  std::string title;
  std::vector<std::string> authors;
  std::optional<std::string> kind;
  std::optional<std::string> date;
  std::optional<std::string> description;
};
ListFields as_list_writes(const Metadata& metadata, const Catalog& catalog, const std::string& style,
                          const MetadataOptions& options);

}  // namespace curate::cli
