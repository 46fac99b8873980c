#include "curate/links/scheduler.hpp"

#include <algorithm>
#include <ctime>
#include <deque>
#include <random>
#include <set>
#include <unordered_map>

#include "curate/text/text.hpp"

namespace curate {
namespace {

using std::chrono::milliseconds;

class SteadyClock final : public Clock {
 public:
  SteadyTime now() const override { return std::chrono::steady_clock::now(); }
};

struct Job {
  std::string url;
  std::vector<std::string> fragments;  // looked for in the page: GET, never HEAD
  std::string host;
  int retries_used = 0;
  int requests = 0;
  bool use_get = false;
  SteadyTime not_before{};
  bool started = false;
  SteadyTime first_start{};  // of its first request: how long it has kept the run waiting
};

struct HostState {
  std::deque<size_t> waiting;  // job indexes, front first
  int active = 0;
  SteadyTime next_start{};     // the minimum per-host delay
  SteadyTime blocked_until{};  // Retry-After or a 429 backoff, for the whole host
  bool prefers_get = false;    // HEAD was refused here once (405/501)
};

bool is_challenge(const HttpResponse& response) {
  auto found = response.headers.find("cf-mitigated");
  return found != response.headers.end() && iequals(found->second, "challenge");
}

// HEAD is often refused or mishandled where GET works: any unaccepted
// status (but a rate limit, which GET would hit too) or a dropped connection.
bool needs_get_fallback(const HttpResponse& response, const LinkOptions& options) {
  if (response.method != HttpMethod::head) return false;
  if (response.error == TransportError::reset) return true;
  return response.error == TransportError::none && response.status != 429 && !accepts(options.accept, response.status);
}

class Scheduler {
 public:
  Scheduler(const std::vector<LinkTarget>& targets, const LinkOptions& options, HttpClient& client,
            const SchedulerHooks& hooks)
      : m_options(options),
        m_client(client),
        m_hooks(hooks),
        m_clock(hooks.clock ? *hooks.clock : steady_clock_source()),
        m_rng(options.seed ? options.seed : std::random_device{}()),
        m_results(targets.size()),
        m_remaining(targets.size()) {
    for (size_t i = 0; i < targets.size(); ++i) {
      std::string host = host_key(targets[i].url);
      m_jobs.push_back({targets[i].url, targets[i].fragments, host});
      m_hosts[host].waiting.push_back(i);
    }
  }

  std::vector<std::optional<LinkOutcome>> run() {
    while (m_remaining > 0) {
      if (m_hooks.cancelled && m_hooks.cancelled()) break;
      SteadyTime now = m_clock.now();
      release_delayed(now);
      dispatch(now);
      for (const HttpResponse& response : m_client.poll(next_wait(m_clock.now()))) handle(response);
      if (m_hooks.on_tick) m_hooks.on_tick(oldest_pending());
    }
    return std::move(m_results);
  }

 private:
  bool can_start(const HostState& host, SteadyTime now) const {
    return !host.waiting.empty() && host.active < m_options.per_host && now >= host.next_start &&
           now >= host.blocked_until;
  }

  std::optional<PendingLink> oldest_pending() const {
    if (m_pending.empty()) return std::nullopt;
    auto [started, index] = *m_pending.begin();
    return PendingLink{m_jobs[index].url, started};
  }

  void start(size_t index, HostState& host, SteadyTime now) {
    Job& job = m_jobs[index];
    bool get = job.use_get || host.prefers_get || !job.fragments.empty();
    HttpRequest request = make_link_request(m_options, job.url, get ? HttpMethod::get : HttpMethod::head);
    if (!job.fragments.empty()) {
      request.body_use = BodyUse::fragments;
      request.fragments = job.fragments;
    }
    request.id = index;
    if (!job.started) {
      job.started = true;
      job.first_start = now;
      m_pending.insert({now, index});
    }
    ++host.active;
    ++m_active;
    host.next_start = now + m_options.min_host_delay;
    m_client.start(request);
  }

  // Fills free slots, each from the startable host with the most waiting
  // URLs: the per-host limit makes the longest queue the one that decides
  // when the run ends, so it must never be left for last.
  void dispatch(SteadyTime now) {
    while (m_active < m_options.concurrency) {
      HostState* best = nullptr;
      for (auto& [name, host] : m_hosts)
        if (can_start(host, now) && (!best || host.waiting.size() > best->waiting.size())) best = &host;
      if (!best) return;
      size_t index = best->waiting.front();
      best->waiting.pop_front();
      start(index, *best, now);
    }
  }

  void release_delayed(SteadyTime now) {
    auto due = [&](size_t index) { return m_jobs[index].not_before <= now; };
    for (size_t index : m_delayed)
      if (due(index)) m_hosts[m_jobs[index].host].waiting.push_front(index);
    m_delayed.erase(std::remove_if(m_delayed.begin(), m_delayed.end(), due), m_delayed.end());
  }

  // Until the next thing the loop must do by itself (a backoff ending, a
  // host delay passing); responses wake poll() earlier.
  milliseconds next_wait(SteadyTime now) const {
    SteadyTime next = now + k_poll_tick;
    for (size_t index : m_delayed) next = std::min(next, m_jobs[index].not_before);
    for (const auto& [name, host] : m_hosts)
      if (!host.waiting.empty() && host.active < m_options.per_host)
        next = std::min(next, std::max({host.next_start, host.blocked_until, now}));
    if (m_active >= m_options.concurrency) next = now + k_poll_tick;
    return std::max(milliseconds(0), std::chrono::ceil<milliseconds>(next - now));
  }

  milliseconds backoff(int retry) {
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    double base =
        static_cast<double>(m_options.retry_base.count()) * static_cast<double>(1LL << std::min(retry - 1, 20));
    return milliseconds(static_cast<long long>(base * jitter(m_rng)));
  }

  void handle(const HttpResponse& response) {
    if (response.id >= m_jobs.size()) return;  // not ours (another check's request left behind)
    size_t index = static_cast<size_t>(response.id);
    Job& job = m_jobs[index];
    HostState& host = m_hosts[job.host];
    --host.active;
    --m_active;
    ++job.requests;
    if (needs_get_fallback(response, m_options)) {
      job.use_get = true;
      if (response.status == 405 || response.status == 501) host.prefers_get = true;
      host.waiting.push_front(index);
      return;
    }
    if (is_retryable(response) && !is_challenge(response) && job.retries_used < m_options.retries) {
      schedule_retry(job, host, response);
      m_delayed.push_back(index);
      return;
    }
    finish(index, response);
  }

  void schedule_retry(Job& job, HostState& host, const HttpResponse& response) {
    SteadyTime now = m_clock.now();
    milliseconds delay = backoff(++job.retries_used);
    std::optional<milliseconds> asked = retry_after(response);
    if (asked) delay = std::min(*asked, m_options.retry_after_cap);
    // A host that asks us to slow down gets no request at all meanwhile.
    if (asked || response.status == 429) host.blocked_until = std::max(host.blocked_until, now + delay);
    job.not_before = now + delay;
  }

  void finish(size_t index, const HttpResponse& response) {
    Job& job = m_jobs[index];
    LinkOutcome outcome{response, job.requests, job.use_get};
    m_pending.erase({job.first_start, index});
    if (m_hooks.on_done) m_hooks.on_done(index, outcome);
    m_results[index] = std::move(outcome);
    --m_remaining;
  }

  const LinkOptions& m_options;
  HttpClient& m_client;
  const SchedulerHooks& m_hooks;
  const Clock& m_clock;
  std::mt19937 m_rng;
  std::vector<Job> m_jobs;
  std::unordered_map<std::string, HostState> m_hosts;
  std::vector<size_t> m_delayed;
  std::set<std::pair<SteadyTime, size_t>> m_pending;  // started and unfinished, by first start
  int m_active = 0;
  std::vector<std::optional<LinkOutcome>> m_results;
  size_t m_remaining = 0;
};

}  // namespace

const Clock& steady_clock_source() {
  static const SteadyClock clock;
  return clock;
}

bool is_retryable(const HttpResponse& response) {
  switch (response.error) {
    case TransportError::none:
      return response.status == 408 || response.status == 429 || (response.status >= 500 && response.status <= 599);
    case TransportError::timeout:
    case TransportError::reset:
    case TransportError::other:
      return true;
    default:
      return false;
  }
}

std::optional<milliseconds> retry_after(const HttpResponse& response) {
  auto found = response.headers.find("retry-after");
  if (found == response.headers.end()) return std::nullopt;
  const std::string& value = found->second;
  if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return milliseconds(std::stoll(value.substr(0, 9)) * 1000);
  std::tm tm{};
  if (!strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S", &tm)) return std::nullopt;
  long long seconds = static_cast<long long>(timegm(&tm)) - static_cast<long long>(std::time(nullptr));
  return milliseconds(std::max(0LL, seconds) * 1000);
}

std::vector<std::optional<LinkOutcome>> run_link_checks(const std::vector<LinkTarget>& targets,
                                                        const LinkOptions& options, HttpClient& client,
                                                        const SchedulerHooks& hooks) {
  return Scheduler(targets, options, client, hooks).run();
}

std::vector<std::optional<LinkOutcome>> run_link_checks(const std::vector<std::string>& urls,
                                                        const LinkOptions& options, HttpClient& client,
                                                        const SchedulerHooks& hooks) {
  std::vector<LinkTarget> targets;
  targets.reserve(urls.size());
  for (const std::string& url : urls) targets.push_back({url, {}});
  return run_link_checks(targets, options, client, hooks);
}

}  // namespace curate
