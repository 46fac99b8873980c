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

struct SchedulerHooks {
  const Clock* clock = nullptr;                                   // steady_clock_source() when null
  std::function<bool()> cancelled;                                // polled often; true stops early
  std::function<void(size_t index, const LinkOutcome&)> on_done;  // as each URL finishes
};

// True for outcomes worth another try: timeouts, connection errors, 408,
// 429 and 5xx.
bool is_retryable(const HttpResponse& response);

// Checks `urls` (fragments already removed, each once). Entry i of the
// result is nullopt only when cancelled before URL i finished.
std::vector<std::optional<LinkOutcome>> run_link_checks(const std::vector<std::string>& urls,
                                                        const LinkOptions& options, HttpClient& client,
                                                        const SchedulerHooks& hooks = {});

}  // namespace curate
