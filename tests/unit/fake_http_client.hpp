#pragma once
// A scripted HttpClient on a fake clock, for the scheduling, retry and
// verdict tests: each request gets the script's response after the script's
// latency, and time only moves inside poll().

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

#include "curate/links/http_client.hpp"
#include "curate/links/options.hpp"
#include "curate/links/scheduler.hpp"

namespace curate::test {

class FakeClock final : public Clock {
 public:
  SteadyTime now() const override { return m_now; }
  void advance_to(SteadyTime when) { m_now = std::max(m_now, when); }
  double seconds() const { return std::chrono::duration<double>(m_now - SteadyTime{}).count(); }

 private:
  SteadyTime m_now{};
};

struct FakeReply {
  HttpResponse response;
  std::chrono::milliseconds latency{10};
};

inline FakeReply reply(long status, std::map<std::string, std::string> headers = {}) {
  FakeReply out;
  out.response.status = status;
  out.response.headers = std::move(headers);
  return out;
}

inline FakeReply failure(TransportError error, std::chrono::milliseconds latency = std::chrono::milliseconds(10)) {
  FakeReply out;
  out.response.error = error;
  out.latency = latency;
  return out;
}

struct StartedRequest {
  HttpRequest request;
  double at = 0;  // fake seconds
};

class FakeHttpClient final : public HttpClient {
 public:
  using Script = std::function<FakeReply(const HttpRequest&)>;
  FakeHttpClient(FakeClock& clock, Script script) : m_clock(clock), m_script(std::move(script)) {}

  void start(const HttpRequest& request) override {
    started.push_back({request, m_clock.seconds()});
    FakeReply answer = m_script(request);
    answer.response.id = request.id;
    answer.response.method = request.method;
    if (answer.response.final_url.empty()) answer.response.final_url = request.url;
    m_running.push_back({m_clock.now() + answer.latency, host_key(request.url), answer.response});
    max_in_flight = std::max(max_in_flight, m_running.size());
    size_t& host_max = max_per_host[host_key(request.url)];
    host_max = std::max(host_max, in_host(host_key(request.url)));
  }

  std::vector<HttpResponse> poll(std::chrono::milliseconds max_wait) override {
    SteadyTime limit = m_clock.now() + max_wait;
    SteadyTime earliest = limit;
    for (const auto& running : m_running) earliest = std::min(earliest, running.due);
    m_clock.advance_to(earliest);
    std::vector<HttpResponse> done;
    for (auto it = m_running.begin(); it != m_running.end();) {
      if (it->due <= m_clock.now()) {
        done.push_back(it->response);
        it = m_running.erase(it);
      } else {
        ++it;
      }
    }
    return done;
  }

  size_t in_flight() const override { return m_running.size(); }

  std::vector<StartedRequest> started;
  size_t max_in_flight = 0;
  std::map<std::string, size_t> max_per_host;

 private:
  struct Running {
    SteadyTime due;
    std::string host;
    HttpResponse response;
  };
  size_t in_host(const std::string& host) const {
    return static_cast<size_t>(
        std::count_if(m_running.begin(), m_running.end(), [&](const Running& r) { return r.host == host; }));
  }

  FakeClock& m_clock;
  Script m_script;
  std::vector<Running> m_running;
};

}  // namespace curate::test
