#pragma once
// The HTTP seam of link checking. The scheduler (link_scheduler.hpp) starts
// requests and collects their outcomes through this interface; the real
// implementation drives libcurl's multi interface on the calling thread, and
// unit tests substitute a fake.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace curate {

enum class HttpMethod { head, get, post };

// What the client does with the final response's body (the bodies of
// redirects it follows are skipped).
enum class BodyUse {
  none,       // stop at its first byte: a link check needs only the status
  keep,       // keep it in HttpResponse::body, up to body_limit (API answers)
  fragments,  // when it is HTML, look for `fragments` in it as it arrives (fragments.hpp)
};

// One request. Only http and https are ever fetched, also after redirects.
struct HttpRequest {
  std::uint64_t id = 0;  // chosen by the caller, echoed in the response
  std::string url;
  HttpMethod method = HttpMethod::head;
  std::vector<std::string> headers;  // "Name: value", sent to this URL's host only
  std::string user_agent;
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{20000};  // whole request, redirects included
  int max_redirects = 10;
  std::string body;  // sent with post
  BodyUse body_use = BodyUse::none;
  std::vector<std::string> fragments;  // BodyUse::fragments: element ids or names, percent-decoded
  // The most body bytes read; a transfer that reaches it is stopped.
  long long body_limit = 16LL << 20;
};

// Why a request ended without a usable status.
enum class TransportError {
  none,
  timeout,
  dns,                   // the host name did not resolve
  connect,               // refused or unreachable
  reset,                 // the connection dropped, or nothing came back
  tls,                   // handshake or certificate failure
  too_many_redirects,    // more than max_redirects (e.g. a redirect loop)
  unsupported_redirect,  // a redirect to a scheme other than http/https (not followed)
  malformed,             // the URL itself is unusable
  other,
};

// One redirect that was followed: the status that sent it and where to.
struct RedirectHop {
  long status = 0;
  std::string location;  // absolute
};

struct [[nodiscard]] HttpResponse {
  std::uint64_t id = 0;
  HttpMethod method = HttpMethod::head;
  long status = 0;  // the final response's status; 0 when none arrived
  TransportError error = TransportError::none;
  std::string error_text;
  std::string final_url;
  std::vector<RedirectHop> redirects;          // in order
  std::string refused_redirect;                // the Location not followed (unsupported_redirect)
  std::map<std::string, std::string> headers;  // final response; lower-case names
  long long body_bytes = 0;                    // body bytes received (a GET stops after the status)
  std::string body;                            // BodyUse::keep
  bool body_truncated = false;                 // body_limit was reached
  // BodyUse::fragments: whether the body was HTML and scanned, whether the
  // scan saw the end of it (or found everything first), and what it found.
  bool html_scanned = false;
  bool scan_complete = false;
  std::vector<std::string> fragments_found;
};

// Runs requests concurrently. Not thread-safe: one caller drives it.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Starts a request at once; the caller keeps its own limits.
  virtual void start(const HttpRequest& request) = 0;
  // Waits at most `max_wait` for requests to finish and returns those that
  // did (possibly none). Returns early when interrupted by a signal.
  virtual std::vector<HttpResponse> poll(std::chrono::milliseconds max_wait) = 0;
  // Requests started and not yet returned by poll().
  virtual size_t in_flight() const = 0;
};

// The longest a loop waiting on poll() sleeps, so that Ctrl-C is noticed quickly.
inline constexpr std::chrono::milliseconds k_poll_tick{100};

// The libcurl implementation (multi interface, one thread, curl_multi_poll).
std::unique_ptr<HttpClient> make_curl_http_client();

// "timed out", "connection refused", … for messages.
const char* transport_error_name(TransportError error);

}  // namespace curate
