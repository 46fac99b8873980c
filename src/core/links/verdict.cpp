#include "curate/links/verdict.hpp"

#include <fmt/format.h>

#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

const char* reason_phrase(long status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 410:
      return "Gone";
    case 429:
      return "Too Many Requests";
    case 451:
      return "Unavailable For Legal Reasons";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

std::string http_status_text(long status) {
  const char* phrase = reason_phrase(status);
  return *phrase ? fmt::format("HTTP {} {}", status, phrase) : fmt::format("HTTP {}", status);
}

std::string after_attempts(int attempts) { return attempts > 1 ? fmt::format(" after {} attempts", attempts) : ""; }

bool on_bot_host(const std::string& url, const LinkOptions& options) {
  UrlParts parts;
  if (!parse_url(url, parts)) return false;
  for (const auto& domain : options.bot_hosts)
    if (host_matches(parts.host, domain)) return true;
  return false;
}

std::string header(const HttpResponse& response, const char* name) {
  auto found = response.headers.find(name);
  return found == response.headers.end() ? "" : found->second;
}

// The wall a 403 came from, when the headers give one away; "" otherwise.
std::string bot_wall(const HttpResponse& response) {
  if (iequals(header(response, "cf-mitigated"), "challenge")) return "Cloudflare challenge";
  if (response.status != 403) return "";
  std::string server = to_lower(header(response, "server"));
  if (server.find("cloudflare") != std::string::npos) return "Cloudflare";
  if (server.find("akamaighost") != std::string::npos) return "Akamai";
  if (!header(response, "x-datadome").empty()) return "DataDome";
  if (!header(response, "x-amzn-waf-action").empty()) return "AWS WAF";
  return "";
}

LinkResult make(LinkVerdict verdict, std::string detail) {
  LinkResult result;
  result.verdict = verdict;
  result.detail = std::move(detail);
  return result;
}

// A working link, or redirected-link when the policy asks for it.
LinkResult working(const HttpResponse& response, const std::string& url, const LinkOptions& options) {
  if (response.redirects.empty() || options.redirects == RedirectPolicy::none) return make(LinkVerdict::ok, "");
  std::string target;
  long status = response.redirects.front().status;
  if (options.redirects == RedirectPolicy::all) {
    target = response.final_url;
  } else {
    for (const RedirectHop& hop : response.redirects) {
      if (hop.status != 301 && hop.status != 308) break;
      target = hop.location;
    }
  }
  if (target.empty() || target == url) return make(LinkVerdict::ok, "");
  bool permanent = status == 301 || status == 308;
  LinkResult result = make(LinkVerdict::redirected,
                           fmt::format("redirects {}({}) to {}", permanent ? "permanently " : "", status, target));
  // The reader ends up further on through temporary redirects; say where.
  if (!response.final_url.empty() && response.final_url != target) result.detail += ", then to " + response.final_url;
  result.fix_url = target;
  return result;
}

LinkResult from_status(const std::string& url, const LinkOutcome& outcome, const LinkOptions& options) {
  const HttpResponse& response = outcome.response;
  std::string wall = bot_wall(response);
  if (!wall.empty())
    return make(LinkVerdict::unverified,
                fmt::format("{} from a bot wall ({})", http_status_text(response.status), wall));
  if (accepts(options.accept, response.status)) return working(response, url, options);
  if (response.status == 999) return make(LinkVerdict::unverified, "HTTP 999 (the host refuses automated checks)");
  if (response.status == 429)
    return make(LinkVerdict::unverified, http_status_text(429) + after_attempts(outcome.attempts));
  if (on_bot_host(url, options) || on_bot_host(response.final_url, options))
    return make(LinkVerdict::unverified,
                http_status_text(response.status) + " from a host that blocks automated checks");
  bool retried = response.status == 408 || response.status >= 500;
  return make(LinkVerdict::dead, http_status_text(response.status) + (retried ? after_attempts(outcome.attempts) : ""));
}

LinkResult from_error(const std::string& url, const LinkOutcome& outcome, const LinkOptions& options) {
  const HttpResponse& response = outcome.response;
  if (response.error == TransportError::unsupported_redirect && !response.refused_redirect.empty()) {
    UrlParts parts;
    parse_url(response.refused_redirect, parts);
    std::string detail = "redirects to " + response.refused_redirect + ", which is not followed (only http and https)";
    // A browser never follows a web page to a local file; other schemes
    // (ftp, …) may work for a reader but are not ours to check.
    return make(parts.scheme == "file" ? LinkVerdict::dead : LinkVerdict::unverified, detail);
  }
  bool bot_host = on_bot_host(url, options) || on_bot_host(response.final_url, options);
  if (response.error == TransportError::timeout)
    return make(bot_host ? LinkVerdict::unverified : LinkVerdict::timeout,
                "timed out" + after_attempts(outcome.attempts));
  std::string detail = transport_error_name(response.error);
  if (response.error == TransportError::too_many_redirects) detail = "redirect loop (more than the redirect limit)";
  if (bot_host && response.error != TransportError::dns)
    return make(LinkVerdict::unverified, detail + " on a host that blocks automated checks");
  bool retried = is_retryable(response);
  return make(LinkVerdict::dead, detail + (retried ? after_attempts(outcome.attempts) : ""));
}

}  // namespace

LinkResult classify_outcome(const std::string& url, const LinkOutcome& outcome, const LinkOptions& options) {
  const HttpResponse& response = outcome.response;
  LinkResult result =
      response.error == TransportError::none ? from_status(url, outcome, options) : from_error(url, outcome, options);
  result.status = response.status;
  result.final_url = response.final_url;
  result.attempts = outcome.attempts;
  result.fragments_scanned = response.html_scanned && response.scan_complete;
  result.fragments_found = response.fragments_found;
  return result;
}

LinkResult check_link_syntax(const std::string& url) {
  UrlParts parts;
  if (!parse_url(url, parts)) return make(LinkVerdict::dead, "malformed URL");
  if (parts.scheme == "mailto") {
    // "mailto:security%40datocapital.com": an address may be percent-encoded.
    std::string address = percent_decode(parts.path.substr(0, parts.path.find('?')));
    size_t at = address.find('@');
    bool valid =
        at != std::string::npos && at > 0 && at + 1 < address.size() && address.find('@', at + 1) == std::string::npos;
    if (!valid) return make(LinkVerdict::dead, "malformed e-mail address '" + address + "'");
  }
  return make(LinkVerdict::ok, "");
}

const char* verdict_rule(LinkVerdict verdict) {
  switch (verdict) {
    case LinkVerdict::ok:
      return "";
    case LinkVerdict::redirected:
      return "redirected-link";
    case LinkVerdict::unverified:
      return "unverified-link";
    case LinkVerdict::dead:
      return "dead-link";
    case LinkVerdict::timeout:
      return "timeout-link";
  }
  return "";
}

}  // namespace curate
