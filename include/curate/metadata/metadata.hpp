#pragma once
// Metadata of what a URL points at (DESIGN.md "Beyond reachability: entry
// health and metadata"): what `add URL` and `enrich` fill an entry from.
// One file per source (arxiv, doi, github_repo, page), the endpoints and
// limits here, the requests in fetch.hpp. docs/metadata.md has the rules.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "curate/links/options.hpp"

namespace curate {

// What one source says about one URL. Text is plain (no Markdown), with
// whitespace collapsed.
struct Metadata {
  std::string title;
  std::vector<std::string> authors;        // full names ("Kaiming He"), in the source's order
  std::optional<std::string> date;         // YYYY, YYYY-MM or YYYY-MM-DD
  std::optional<std::string> kind;         // a built-in kind (kinds.hpp): paper, repo, blog, video, …
  std::optional<std::string> description;  // only where the source has a short one (a repository's)
  std::string source;                      // where it came from, for messages: "the arXiv API", …
};

// Where the metadata of a URL comes from, in the order they are tried.
enum class SourceKind {
  arxiv,   // arxiv.org/abs/ID, /pdf/ID, versions, old-style ids: the arXiv API (Atom)
  doi,     // doi.org/…, dx.doi.org/…, a DOI inside the URL: content negotiation (CSL-JSON)
  github,  // a GitHub repository's URL: the REST API
  page,    // anything else: the page's own tags
};

// The source of one URL and what it asks that source about.
struct SourceRef {
  SourceKind kind = SourceKind::page;
  std::string key;  // the arXiv id (no version), the DOI, "owner/name", or the URL
};

// Endpoints and limits of the metadata requests.
struct MetadataOptions {
  // The link checker's settings hold here too: user agent, timeouts,
  // redirects, concurrency and per-host limits, per-host headers, and the
  // GitHub server, REST API and token (GITHUB_SERVER_URL, GITHUB_API_URL,
  // links.github_api, GITHUB_TOKEN).
  LinkOptions links;
  std::string arxiv_api = "https://export.arxiv.org/api/query";  // asked with ?id_list=ID
  std::string doi_resolver = "https://doi.org/";                 // + the DOI
  // arXiv asks for one request at a time and three seconds between them.
  std::chrono::milliseconds arxiv_delay{3000};
  std::optional<int> max_authors;  // "metadata.max_authors": overrides the style's convention
};

// Applies .curate.json "metadata" (an object: arxiv_api, doi_resolver,
// max_authors) over `options`. Throws curate::Error naming `config_path`
// for a wrong value; unknown keys are skipped (metadata_config_warnings).
void apply_metadata_config(const nlohmann::json& metadata, const std::string& config_path, MetadataOptions& options);

// One warning per key of "metadata" curate does not know, with a "did you mean".
std::vector<std::string> metadata_config_warnings(const nlohmann::json& metadata);

// The source `url` is read from (SourceKind order: arXiv, DOI, GitHub, page).
SourceRef source_of(const std::string& url, const MetadataOptions& options);

}  // namespace curate
