#pragma once
// Settings of the link checker (docs/links.md), from .curate.json "links"
// and then the command line, plus the small parsers both share.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "curate/links/http_client.hpp"

namespace curate {

// Inclusive ranges of HTTP statuses that count as a working link.
struct StatusRange {
  long first = 200;
  long last = 299;
};
using AcceptCodes = std::vector<StatusRange>;

// Which followed redirects are reported as redirected-link.
enum class RedirectPolicy { permanent, all, none };

// Hosts that answer automated checks with walls, not pages.
std::vector<std::string> default_bot_hosts();

struct LinkOptions {
  int concurrency = 64;                         // requests in flight at once
  int per_host = 4;                             // requests in flight to one host:port
  std::chrono::milliseconds min_host_delay{0};  // between request starts to one host
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{20000};  // per request, queue wait not included
  int retries = 3;
  std::chrono::milliseconds retry_base{1000};  // first backoff; doubles, with jitter
  std::chrono::milliseconds retry_after_cap{60000};
  int max_redirects = 10;
  std::vector<std::string> include;  // RE2; when any, a URL must match one
  std::vector<std::string> exclude;  // RE2; a matching URL is skipped
  AcceptCodes accept{{200, 299}};
  RedirectPolicy redirects = RedirectPolicy::permanent;
  std::string user_agent = "curate/" CURATE_VERSION;
  std::map<std::string, std::vector<std::string>> host_headers;  // host → "Name: value"
  std::optional<std::string> github_token;                       // sent to github.com hosts only
  std::vector<std::string> bot_hosts = default_bot_hosts();      // failures there are unverified, not dead
  bool use_cache = true;
  std::optional<std::string> cache_path;  // default: .curate-cache.json beside the list
  std::chrono::seconds max_age{3 * 24 * 3600};
  unsigned seed = 0;  // jitter; 0 picks a random seed

  bool check_http = true;        // request every URL (--links); off with --repos
  bool check_repos = true;       // repository health of GitHub links (github.hpp)
  bool check_fragments = false;  // look for #fragments in HTML pages (--check-fragments)
  // GitHub endpoints: the web server whose URLs are repositories, the REST
  // API and the GraphQL API. Enterprise servers and tests point them elsewhere.
  std::string github_server = "https://github.com";
  std::string github_api = "https://api.github.com";
  std::string github_graphql = "https://api.github.com/graphql";
  std::chrono::seconds stale_after{3 * 365 * 24 * 3600};  // repo-stale: no push for longer
};

// Applies .curate.json "links" (an object) over `options`. Throws
// curate::Error naming `config_path` for a wrong value; unknown keys are
// skipped (link_config_warnings names them).
void apply_link_config(const nlohmann::json& links, const std::string& config_path, LinkOptions& options);

// One warning per key of "links" that curate does not know, with a "did
// you mean" (`"links": unknown key "concurency" (did you mean
// "concurrency"?); ignored`).
std::vector<std::string> link_config_warnings(const nlohmann::json& links);

// "200..=299,403" → ranges. Throws curate::Error on bad syntax.
AcceptCodes parse_accept_codes(std::string_view text);
bool accepts(const AcceptCodes& accept, long status);

// "20s", "500ms", "3d", "12h", "30m", "2w", "3y" (365 days), or plain
// seconds. Throws curate::Error.
std::chrono::milliseconds parse_duration(std::string_view text);

// `url` without trailing slashes, when it is an absolute http(s) URL;
// otherwise throws curate::Error naming `what` (a key or a variable).
std::string endpoint_url(std::string url, const std::string& what);

// Checks every option for sane values (limits ≥ 1, valid regexes, …).
// Throws curate::Error.
void validate_link_options(const LinkOptions& options);

// "host" or "host:port": what the per-host limit counts (loopback servers on
// different ports are different hosts).
std::string host_key(std::string_view url);

// True when `host` is `domain` or a subdomain of it.
bool host_matches(std::string_view host, std::string_view domain);

// The request for `url`: user agent, timeouts, per-host headers, the GitHub
// token for github.com hosts.
HttpRequest make_link_request(const LinkOptions& options, const std::string& url, HttpMethod method);

}  // namespace curate
