// The metadata settings (.curate.json "metadata") and which source a URL
// is read from.
#include "curate/metadata/metadata.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "curate/links/github.hpp"
#include "curate/metadata/arxiv.hpp"
#include "curate/metadata/doi.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

constexpr std::string_view k_keys[] = {"arxiv_api", "doi_resolver", "max_authors"};

std::string endpoint(const nlohmann::json& value, const std::string& key, const std::string& path) {
  if (!value.is_string()) throw Error(path, 0, 0, "\"metadata\": \"" + key + "\" must be a URL");
  return endpoint_url(value.get<std::string>(), "\"metadata\": \"" + key + "\"");
}

}  // namespace

void apply_metadata_config(const nlohmann::json& metadata, const std::string& path, MetadataOptions& options) {
  if (!metadata.is_object()) throw Error(path, 0, 0, "\"metadata\" must be an object");
  if (auto value = metadata.find("arxiv_api"); value != metadata.end())
    options.arxiv_api = endpoint(*value, "arxiv_api", path);
  // The resolver is a prefix the DOI is appended to: its trailing "/" stays.
  if (auto value = metadata.find("doi_resolver"); value != metadata.end())
    options.doi_resolver = endpoint(*value, "doi_resolver", path) + "/";
  if (auto value = metadata.find("max_authors"); value != metadata.end()) {
    if (!value->is_number_integer() || value->get<long long>() < 1 || value->get<long long>() > 100)
      throw Error(path, 0, 0, "\"metadata\": \"max_authors\" must be a whole number from 1 to 100");
    options.max_authors = value->get<int>();
  }
}

std::vector<std::string> metadata_config_warnings(const nlohmann::json& metadata) {
  std::vector<std::string> warnings;
  if (!metadata.is_object()) return warnings;
  std::vector<std::string> names(std::begin(k_keys), std::end(k_keys));
  for (const auto& [key, value] : metadata.items())
    if (std::find(names.begin(), names.end(), key) == names.end())
      warnings.push_back("\"metadata\": unknown key \"" + key + "\"" + did_you_mean(key, names, "\"", "\"") +
                         "; ignored");
  return warnings;
}

SourceRef source_of(const std::string& url, const MetadataOptions& options) {
  if (auto id = arxiv_id_of(url)) return {SourceKind::arxiv, *id};
  if (auto doi = doi_of(url)) {
    if (auto id = arxiv_id_of_doi(*doi)) return {SourceKind::arxiv, *id};
    return {SourceKind::doi, *doi};
  }
  // A repository's own page only: a file or issue inside it is a page of its own.
  if (auto repo = github_repo_of(url, host_key(options.links.github_server)); repo && repo->root)
    return {SourceKind::github, repo->repo.owner + "/" + repo->repo.name};
  return {SourceKind::page, without_fragment(url)};
}

}  // namespace curate
