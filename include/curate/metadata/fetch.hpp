#pragma once
// Asking the sources: one request per paper batch, DOI, repository or page,
// through the link checker's HTTP seam (http/https only, also after
// redirects; its timeouts, user agent and per-host headers), at most
// `links.concurrency` at once and `links.per_host` to one host, the arXiv
// API one at a time with `arxiv_delay` between requests.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "curate/links/http_client.hpp"
#include "curate/links/scheduler.hpp"
#include "curate/metadata/metadata.hpp"

namespace curate {

// What was learnt about one URL.
struct MetadataResult {
  std::optional<Metadata> metadata;
  std::string problem;  // why there is none, in words: "the arXiv API answered HTTP 503", …
};

struct FetchHooks {
  const Clock* clock = nullptr;     // steady_clock_source() when null
  std::function<bool()> cancelled;  // polled often; true stops early (the rest: "not asked")
};

// arXiv papers asked in one request.
inline constexpr size_t k_arxiv_batch = 100;
// The most of a body read: metadata is in an API answer or a page's head.
inline constexpr long long k_metadata_body_limit = 4LL << 20;

// The metadata of each URL (result i for urls[i]). A source that fails or
// answers badly gives a problem, never an exception: one bad answer never
// stops the others.
std::vector<MetadataResult> fetch_metadata(const std::vector<std::string>& urls, const MetadataOptions& options,
                                           HttpClient& client, const FetchHooks& hooks = {});

}  // namespace curate
