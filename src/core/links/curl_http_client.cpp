// The libcurl HttpClient: one multi handle driven by curl_multi_poll on the
// caller's thread. Redirects are followed by curl (http/https only); the
// header callback records each hop so permanent redirects can be reported.
#include <cstring>
#include <unordered_map>

#include "curate/links/curl_handle.hpp"
#include "curate/links/fragments.hpp"
#include "curate/links/http_client.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// What one running request accumulates; owned by the client, found again
// through CURLOPT_PRIVATE.
struct Transfer {
  HttpRequest request;
  CurlEasy easy;
  CurlHeaderList headers;
  HttpResponse response;
  long current_status = 0;
  std::string current_location;
  bool aborted_body = false;               // we stopped the body: enough was read
  std::unique_ptr<FragmentFinder> finder;  // BodyUse::fragments, once the body is known to be HTML
  char error_buffer[CURL_ERROR_SIZE] = {};
};

// `location` resolved against the URL curl is currently fetching.
std::string resolve_location(CURL* easy, const std::string& location) {
  char* effective = nullptr;
  curl().easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
  CurlUrl url(curl().url());
  if (!url || !effective) return location;
  unsigned flags = CURLU_NON_SUPPORT_SCHEME;
  if (curl().url_set(url.get(), CURLUPART_URL, effective, flags) != CURLUE_OK) return location;
  if (curl().url_set(url.get(), CURLUPART_URL, location.c_str(), flags) != CURLUE_OK) return location;
  char* joined = nullptr;
  if (curl().url_get(url.get(), CURLUPART_URL, &joined, 0) != CURLUE_OK) return location;
  CurlString owned(joined);
  return owned.get();
}

void on_header_line(Transfer& transfer, std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (starts_with(line, "HTTP/")) {
    size_t space = line.find(' ');
    transfer.current_status =
        space == std::string_view::npos ? 0 : std::atol(std::string(line.substr(space + 1)).c_str());
    transfer.current_location.clear();
    transfer.response.headers.clear();
    return;
  }
  if (line.empty()) {  // the end of one response's headers
    bool redirect = transfer.current_status >= 300 && transfer.current_status < 400;
    if (redirect && !transfer.current_location.empty())
      transfer.response.redirects.push_back(
          {transfer.current_status, resolve_location(transfer.easy.get(), transfer.current_location)});
    return;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  std::string name = to_lower(line.substr(0, colon));
  std::string value(trim(line.substr(colon + 1)));
  if (name == "location") transfer.current_location = value;
  transfer.response.headers[name] = value;
}

size_t header_callback(char* data, size_t size, size_t count, void* user) {
  on_header_line(*static_cast<Transfer*>(user), std::string_view(data, size * count));
  return size * count;
}

// Hands body bytes to what the request wants them for. Returns false to
// stop the transfer: curl then ends it with a write error that finish()
// recognises as success, since the status is already known.
bool take_body(Transfer& transfer, std::string_view bytes) {
  const HttpRequest& request = transfer.request;
  HttpResponse& response = transfer.response;
  bool over = response.body_bytes > request.body_limit;
  if (over) response.body_truncated = true;
  if (request.body_use == BodyUse::keep) {
    size_t room = static_cast<size_t>(request.body_limit) - std::min(response.body.size(), size_t(request.body_limit));
    response.body.append(bytes.substr(0, room));
    return !over;
  }
  if (request.body_use != BodyUse::fragments) return false;
  if (!transfer.finder) {
    auto type = response.headers.find("content-type");
    if (type == response.headers.end() || !is_html_content_type(type->second)) return false;
    transfer.finder = std::make_unique<FragmentFinder>(request.fragments);
    response.html_scanned = true;
  }
  if (!transfer.finder->feed(bytes)) {
    response.scan_complete = true;  // everything found: the rest is not needed
    return false;
  }
  return !over;
}

// The status is known once headers are in; the first body bytes of a final
// response end the transfer unless the request wants the body. Bodies of
// redirects curl follows are let through.
size_t write_callback(char* data, size_t size, size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  bool following =
      transfer.current_status >= 300 && transfer.current_status < 400 && !transfer.current_location.empty();
  transfer.response.body_bytes += static_cast<long long>(size * count);
  if (following) return size * count;
  if (take_body(transfer, std::string_view(data, size * count))) return size * count;
  transfer.aborted_body = true;
  return 0;
}

TransportError classify(CURLcode code) {
  switch (code) {
    case CURLE_OK:
      return TransportError::none;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportError::timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportError::dns;
    case CURLE_COULDNT_CONNECT:
      return TransportError::connect;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return TransportError::reset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return TransportError::tls;
    case CURLE_TOO_MANY_REDIRECTS:
      return TransportError::too_many_redirects;
    case CURLE_UNSUPPORTED_PROTOCOL:
      return TransportError::unsupported_redirect;
    case CURLE_URL_MALFORMAT:
      return TransportError::malformed;
    default:
      return TransportError::other;
  }
}

// A body read to its end was scanned completely; one stopped early only
// when everything was found (set by take_body).
void finish_scan(FragmentFinder& finder, CURLcode code, HttpResponse& response) {
  if (code == CURLE_OK) {
    finder.finish();
    response.scan_complete = true;
  }
  response.fragments_found.assign(finder.found().begin(), finder.found().end());
}

class CurlHttpClient final : public HttpClient {
 public:
  CurlHttpClient() { m_multi.reset(curl().multi_init()); }
  ~CurlHttpClient() override {
    for (auto& [easy, transfer] : m_transfers) curl().multi_remove_handle(m_multi.get(), easy);
  }

  void start(const HttpRequest& request) override {
    auto transfer = std::make_unique<Transfer>();
    transfer->request = request;
    transfer->response.id = request.id;
    transfer->response.method = request.method;
    transfer->easy.reset(curl().easy_init());
    configure(*transfer);
    CURL* easy = transfer->easy.get();
    m_transfers.emplace(easy, std::move(transfer));
    curl().multi_add_handle(m_multi.get(), easy);
  }

  std::vector<HttpResponse> poll(std::chrono::milliseconds max_wait) override {
    std::vector<HttpResponse> done = perform();
    if (!done.empty()) return done;
    curl().multi_poll(m_multi.get(), nullptr, 0, static_cast<int>(max_wait.count()), nullptr);
    return perform();
  }

  size_t in_flight() const override { return m_transfers.size(); }

 private:
  void configure(Transfer& transfer) {
    CURL* easy = transfer.easy.get();
    const HttpRequest& request = transfer.request;
    for (const auto& line : request.headers) transfer.headers.append(line);
    curl().easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl().easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
    curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl().easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl().easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl().easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(request.max_redirects));
    curl().easy_setopt(easy, CURLOPT_UNRESTRICTED_AUTH, 0L);
    curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
    curl().easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl().easy_setopt(easy, CURLOPT_USERAGENT, request.user_agent.c_str());
    curl().easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers.get());
    curl().easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error_buffer);
    curl().easy_setopt(easy, CURLOPT_HEADERFUNCTION, header_callback);
    curl().easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, write_callback);
    curl().easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    if (request.method == HttpMethod::head) {
      curl().easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (request.method == HttpMethod::post) {
      curl().easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
      curl().easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else {
      curl().easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    }
  }

  std::vector<HttpResponse> perform() {
    int running = 0;
    curl().multi_perform(m_multi.get(), &running);
    std::vector<HttpResponse> done;
    int queued = 0;
    while (CURLMsg* message = curl().multi_info_read(m_multi.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      CURLcode code = message->data.result;
      curl().multi_remove_handle(m_multi.get(), easy);
      auto found = m_transfers.find(easy);
      if (found == m_transfers.end()) continue;
      done.push_back(finish(*found->second, code));
      m_transfers.erase(found);
    }
    return done;
  }

  static HttpResponse finish(Transfer& transfer, CURLcode code) {
    HttpResponse response = std::move(transfer.response);
    CURL* easy = transfer.easy.get();
    curl().easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
    char* effective = nullptr;
    curl().easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective);
    response.final_url = effective ? effective : transfer.request.url;
    bool aborted_ok = code == CURLE_WRITE_ERROR && transfer.aborted_body && response.status > 0;
    response.error = aborted_ok ? TransportError::none : classify(code);
    if (transfer.finder) finish_scan(*transfer.finder, code, response);
    if (response.error != TransportError::none)
      response.error_text = transfer.error_buffer[0] ? transfer.error_buffer : curl().easy_strerror(code);
    // The hop curl refused or had no budget for was recorded but not taken.
    bool last_not_taken =
        response.error == TransportError::unsupported_redirect || response.error == TransportError::too_many_redirects;
    if (last_not_taken && !response.redirects.empty()) {
      if (response.error == TransportError::unsupported_redirect)
        response.refused_redirect = response.redirects.back().location;
      response.redirects.pop_back();
    }
    return response;
  }

  CurlMulti m_multi;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> m_transfers;
};

}  // namespace

std::unique_ptr<HttpClient> make_curl_http_client() { return std::make_unique<CurlHttpClient>(); }

const char* transport_error_name(TransportError error) {
  switch (error) {
    case TransportError::none:
      return "no error";
    case TransportError::timeout:
      return "timed out";
    case TransportError::dns:
      return "host name not found";
    case TransportError::connect:
      return "connection refused";
    case TransportError::reset:
      return "connection reset";
    case TransportError::tls:
      return "TLS error";
    case TransportError::too_many_redirects:
      return "too many redirects";
    case TransportError::unsupported_redirect:
      return "redirect to an unsupported scheme";
    case TransportError::malformed:
      return "malformed URL";
    case TransportError::other:
      return "request failed";
  }
  return "request failed";
}

}  // namespace curate
