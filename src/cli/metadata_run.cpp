#include "metadata_run.hpp"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "curate/metadata/conventions.hpp"
#include "link_options.hpp"

namespace curate::cli {

MetadataOptions resolve_metadata_options(const Config& config, const std::string& list_path) {
  MetadataOptions options;
  options.links = resolve_link_options(LinkCliOptions{}, config, list_path);
  if (auto metadata = config.document().find("metadata"); metadata != config.document().end())
    apply_metadata_config(*metadata, config.path, options);
  // Unlike GitHub's variables, which Actions sets on every run, these are
  // only ever set on purpose: they win over the config.
  if (const char* api = std::getenv("CURATE_ARXIV_API"); api && *api)
    options.arxiv_api = endpoint_url(api, "CURATE_ARXIV_API");
  if (const char* resolver = std::getenv("CURATE_DOI_RESOLVER"); resolver && *resolver)
    options.doi_resolver = endpoint_url(resolver, "CURATE_DOI_RESOLVER") + "/";
  return options;
}

std::vector<MetadataResult> fetch_with_curl(const std::vector<std::string>& urls, const MetadataOptions& options) {
  std::unique_ptr<HttpClient> client = make_curl_http_client();
  return fetch_metadata(urls, options, *client);
}

ListFields as_list_writes(const Metadata& metadata, const Catalog& catalog, const std::string& style,
                          const MetadataOptions& options) {
  ListFields out;
  out.title = metadata.title;
  out.authors = shape_authors(metadata.authors, author_convention(style, options.max_authors));
  if (metadata.kind) out.kind = kind_as_written(catalog, *metadata.kind);
  out.date = metadata.date;
  out.description = metadata.description;
  return out;
}

}  // namespace curate::cli
