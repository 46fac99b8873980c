// Scheduling, fallback and retry behaviour of the link checker, on a fake
// HTTP client and a fake clock (no network, no waiting).
#include <catch2/catch.hpp>

#include "curate/links/scheduler.hpp"
#include "fake_http_client.hpp"

using namespace curate;
using namespace curate::test;
using std::chrono::milliseconds;

namespace {

LinkOptions scheduler_options() {
  LinkOptions options;
  options.retry_base = milliseconds(100);
  options.seed = 42;
  return options;
}

std::vector<std::string> urls_on(int hosts, int per_host) {
  std::vector<std::string> urls;
  for (int h = 0; h < hosts; ++h)
    for (int i = 0; i < per_host; ++i)
      urls.push_back("https://host" + std::to_string(h) + ".test/page" + std::to_string(i));
  return urls;
}

std::vector<std::optional<LinkOutcome>> run(const std::vector<std::string>& urls, const LinkOptions& options,
                                            FakeHttpClient& client, FakeClock& clock) {
  SchedulerHooks hooks;
  hooks.clock = &clock;
  return run_link_checks(urls, options, client, hooks);
}

}  // namespace

TEST_CASE("The global concurrency limit is never exceeded") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(200); });
  LinkOptions options = scheduler_options();
  options.concurrency = 8;
  auto results = run(urls_on(50, 2), options, client, clock);
  CHECK(client.max_in_flight == 8);
  CHECK(client.started.size() == 100);
  for (const auto& result : results) REQUIRE(result);
}

TEST_CASE("The per-host limit queues requests without shortening their timeout") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) {
    FakeReply answer = reply(200);
    answer.latency = milliseconds(1000);
    return answer;
  });
  LinkOptions options = scheduler_options();
  options.per_host = 2;
  options.timeout = milliseconds(1500);
  run(urls_on(1, 6), options, client, clock);
  CHECK(client.max_per_host["host0.test"] == 2);
  REQUIRE(client.started.size() == 6);
  CHECK(client.started.back().at == Approx(2.0));
  for (const auto& started : client.started) CHECK(started.request.timeout == milliseconds(1500));
}

TEST_CASE("Hosts on different ports count as different hosts") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(200); });
  LinkOptions options = scheduler_options();
  options.per_host = 1;
  run({"http://127.0.0.1:8001/a", "http://127.0.0.1:8002/a"}, options, client, clock);
  CHECK(client.max_in_flight == 2);
}

TEST_CASE("A minimum per-host delay spaces out request starts to one host") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(200); });
  LinkOptions options = scheduler_options();
  options.min_host_delay = milliseconds(500);
  run(urls_on(1, 4), options, client, clock);
  REQUIRE(client.started.size() == 4);
  for (size_t i = 1; i < client.started.size(); ++i)
    CHECK(client.started[i].at - client.started[i - 1].at >= Approx(0.5));
}

TEST_CASE("A HEAD refused with 405 is retried at once with GET, and the host then gets GET first") {
  FakeClock clock;
  FakeHttpClient client(
      clock, [](const HttpRequest& request) { return reply(request.method == HttpMethod::head ? 405 : 200); });
  LinkOptions options = scheduler_options();
  options.per_host = 1;
  auto results = run(urls_on(1, 2), options, client, clock);
  REQUIRE(client.started.size() == 3);
  CHECK(client.started[0].request.method == HttpMethod::head);
  CHECK(client.started[1].request.method == HttpMethod::get);
  CHECK(client.started[2].request.method == HttpMethod::get);
  CHECK(results[0]->response.status == 200);
  CHECK(results[0]->used_get);
}

TEST_CASE("A 404 is confirmed with GET but never retried") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(404); });
  auto results = run({"https://a.test/x"}, scheduler_options(), client, clock);
  CHECK(client.started.size() == 2);
  CHECK(results[0]->attempts == 2);
}

TEST_CASE("Server errors are retried with growing, jittered backoff") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(503); });
  LinkOptions options = scheduler_options();
  options.retries = 3;
  auto results = run({"https://a.test/x"}, options, client, clock);
  // HEAD, the GET fallback, then three retries.
  REQUIRE(client.started.size() == 5);
  CHECK(results[0]->attempts == 5);
  double previous_gap = 0;
  for (size_t i = 2; i < 5; ++i) {
    double gap = client.started[i].at - client.started[i - 1].at - 0.010;
    double nominal = 0.1 * static_cast<double>(1 << (i - 2));
    CHECK(gap >= nominal * 0.5 - 0.002);
    CHECK(gap <= nominal * 1.5 + 0.002);
    CHECK(gap > previous_gap * 0.3);
    previous_gap = gap;
  }
}

TEST_CASE("Timeouts and connection errors are retried; TLS failures are not") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest& request) {
    return failure(request.url.find("tls") != std::string::npos ? TransportError::tls : TransportError::timeout);
  });
  LinkOptions options = scheduler_options();
  options.retries = 2;
  auto results = run({"https://timeout.test/", "https://tls.test/"}, options, client, clock);
  CHECK(results[0]->attempts == 3);
  CHECK(results[1]->attempts == 1);
}

TEST_CASE("Retry-After holds back the whole host, capped") {
  FakeClock clock;
  int busy = 1;
  FakeHttpClient client(clock, [&](const HttpRequest&) {
    if (busy-- > 0) return reply(429, {{"retry-after", "600"}});
    return reply(200);
  });
  LinkOptions options = scheduler_options();
  options.retry_after_cap = milliseconds(5000);
  options.per_host = 1;
  auto results = run(urls_on(1, 3), options, client, clock);
  REQUIRE(client.started.size() == 4);
  // Nothing more went to the host until the capped Retry-After had passed.
  CHECK(client.started[1].at >= Approx(5.01));
  CHECK(client.started[1].at < 5.2);
  CHECK(results[0]->response.status == 200);
}

TEST_CASE("A Cloudflare challenge is not retried") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(503, {{"cf-mitigated", "challenge"}}); });
  auto results = run({"https://a.test/"}, scheduler_options(), client, clock);
  CHECK(results[0]->attempts == 2);  // HEAD, then GET
}

TEST_CASE("Cancelling stops the run and leaves unfinished URLs without an outcome") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) { return reply(200); });
  LinkOptions options = scheduler_options();
  options.concurrency = 1;
  size_t finished = 0;
  SchedulerHooks hooks;
  hooks.clock = &clock;
  hooks.on_done = [&](size_t, const LinkOutcome&) { ++finished; };
  hooks.cancelled = [&] { return finished >= 3; };
  auto results = run_link_checks(urls_on(10, 1), options, client, hooks);
  CHECK(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.has_value(); }) == 3);
}

TEST_CASE("The host with the longest queue is served first, so it does not finish last") {
  FakeClock clock;
  FakeHttpClient client(clock, [](const HttpRequest&) {
    FakeReply answer = reply(200);
    answer.latency = milliseconds(1000);
    return answer;
  });
  LinkOptions options = scheduler_options();
  options.concurrency = 2;
  options.per_host = 1;
  std::vector<std::string> urls = {"https://b.test/1", "https://c.test/1", "https://a.test/1", "https://a.test/2",
                                   "https://a.test/3"};
  run(urls, options, client, clock);
  CHECK(clock.seconds() == Approx(3.0));
}
