#pragma once
// Runs the HTTP checks of many URLs politely: a global concurrency limit, a
// per-host limit kept by our own per-host queues (so waiting for a host never
// eats into a request's timeout), an optional minimum delay between requests
// to one host, HEAD with a GET fallback, and retries with backoff.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "curate/links/http_client.hpp"
#include "curate/links/options.hpp"

namespace curate {

using SteadyTime = std::chrono::steady_clock::time_point;

// Where the scheduler reads the time; tests advance a fake one.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual SteadyTime now() const = 0;
};

// std::chrono::steady_clock.
const Clock& steady_clock_source();

// How one URL's checking ended: the response that decided it.
struct [[nodiscard]] LinkOutcome {
  HttpResponse response;
  int attempts = 0;       // requests made, the GET fallback included
  bool used_get = false;  // HEAD was refused or failed, GET decided
};

// A URL whose check has started and not ended: since when (its first
// request; retries and their waits count too).
struct PendingLink {
  std::string url;
  SteadyTime since{};
};

struct SchedulerHooks {
  const Clock* clock = nullptr;                                   // steady_clock_source() when null
  std::function<bool()> cancelled;                                // polled often; true stops early
  std::function<void(size_t index, const LinkOutcome&)> on_done;  // as each URL finishes
  // After every wait for responses (at least ten times a second while the
  // run lasts): the URL pending the longest, if any.
  std::function<void(const std::optional<PendingLink>& oldest)> on_tick;
};

// One URL to check, and the fragments to look for in its page (then it is
// fetched with GET, and its HTML read until they are all found).
struct LinkTarget {
  std::string url;
  std::vector<std::string> fragments;
};

// True for outcomes worth another try: timeouts, resets, 408, 429 and 5xx.
// A refused connection or an unknown host name gives the same answer a
// second later, so neither is retried.
bool is_retryable(const HttpResponse& response);

// The wait a response's Retry-After asks for (seconds or an HTTP date);
// nullopt when absent or unusable.
std::optional<std::chrono::milliseconds> retry_after(const HttpResponse& response);

// Checks `urls` (fragments already removed, each once). Entry i of the
// result is nullopt only when cancelled before URL i finished.
std::vector<std::optional<LinkOutcome>> run_link_checks(const std::vector<LinkTarget>& targets,
                                                        const LinkOptions& options, HttpClient& client,
                                                        const SchedulerHooks& hooks = {});
// The same for URLs without fragments.
std::vector<std::optional<LinkOutcome>> run_link_checks(const std::vector<std::string>& urls,
                                                        const LinkOptions& options, HttpClient& client,
                                                        const SchedulerHooks& hooks = {});

}  // namespace curate
