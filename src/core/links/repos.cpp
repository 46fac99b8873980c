#include "curate/links/repos.hpp"

#include <algorithm>
#include <ctime>
#include <utility>

#include <fmt/format.h>

#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

using std::chrono::milliseconds;

constexpr size_t k_batch = 100;             // GitHub's limit of nodes per connection, and a safe query cost
constexpr size_t k_rest_in_flight = 4;      // GitHub asks for few concurrent requests (secondary limits)
constexpr milliseconds k_secondary{60000};  // GitHub: after a secondary limit without Retry-After, wait a minute

std::string header(const HttpResponse& response, const char* name) {
  auto found = response.headers.find(name);
  return found == response.headers.end() ? "" : found->second;
}

// The wait until x-ratelimit-reset when x-ratelimit-remaining is 0.
std::optional<milliseconds> until_reset(const HttpResponse& response, std::int64_t now) {
  if (header(response, "x-ratelimit-remaining") != "0") return std::nullopt;
  std::string reset = header(response, "x-ratelimit-reset");
  char* end = nullptr;
  long long at = std::strtoll(reset.c_str(), &end, 10);
  if (reset.empty() || *end) return std::nullopt;
  return milliseconds(std::max(0LL, at - now) * 1000 + 1000);
}

bool is_rate_limited(const HttpResponse& response, const QueryAnswer* answer, std::int64_t now) {
  if (response.status == 429 || (answer && answer->rate_limited)) return true;
  if (response.status != 403) return false;
  return retry_after(response) || until_reset(response, now) ||
         to_lower(response.body).find("rate limit") != std::string::npos;
}

std::string describe_failure(const HttpResponse& response) {
  if (response.error != TransportError::none) return transport_error_name(response.error);
  return fmt::format("HTTP {}", response.status);
}

// Seconds since the epoch of an ISO 8601 UTC time ("2021-03-04T05:06:07Z").
std::optional<std::int64_t> parse_iso_time(const std::string& text) {
  std::tm tm{};
  if (!strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

class RepoChecker {
 public:
  RepoChecker(const LinkOptions& options, HttpClient& client, const RepoCheckHooks& hooks, RepoCheck& out)
      : m_options(options),
        m_client(client),
        m_hooks(hooks),
        m_clock(hooks.clock ? *hooks.clock : steady_clock_source()),
        m_now(hooks.now ? hooks.now : unix_now()),
        m_out(out) {}

  void run(const std::vector<RepoRef>& repos) {
    std::vector<RepoRef> to_ask = settle_cached(repos);
    for (size_t i = 0; i < to_ask.size() && m_going; i += k_batch) {
      std::vector<RepoRef> batch(to_ask.begin() + static_cast<long>(i),
                                 to_ask.begin() + static_cast<long>(std::min(to_ask.size(), i + k_batch)));
      ask_graphql(batch);
      if (m_hooks.progress) m_hooks.progress(std::min(to_ask.size(), i + k_batch), to_ask.size());
    }
    std::vector<RepoRef> missing;
    for (const RepoRef& repo : to_ask)
      if (m_out.repos[repo.key()].lookup == RepoLookup::not_found) missing.push_back(repo);
    if (m_going) ask_rest(missing);
    if (!m_stop_reason.empty()) note_unchecked(to_ask);
    remember(to_ask);
  }

 private:
  bool cancelled() {
    if (m_hooks.cancelled && m_hooks.cancelled()) m_going = false;
    return !m_going;
  }

  std::vector<RepoRef> settle_cached(const std::vector<RepoRef>& repos) {
    std::vector<RepoRef> to_ask;
    for (const RepoRef& repo : repos) {
      RepoStatus& status = m_out.repos[repo.key()];
      std::optional<RepoInfo> cached;
      if (m_hooks.cache && m_options.use_cache)
        cached = m_hooks.cache->lookup_repo(repo_cache_key(m_options, repo), m_now, m_options.max_age);
      if (!cached) {
        to_ask.push_back(repo);
        continue;
      }
      status = {RepoLookup::found, *cached, "", true};
      ++m_out.cached;
    }
    return to_ask;
  }

  HttpRequest api_request(const std::string& url, HttpMethod method) const {
    HttpRequest request;
    request.url = url;
    request.method = method;
    request.user_agent = m_options.user_agent;
    request.connect_timeout = m_options.connect_timeout;
    request.timeout = m_options.timeout;
    request.body_use = BodyUse::keep;
    request.headers = {"Authorization: bearer " + m_options.github_token.value_or(""),
                       "Accept: application/vnd.github+json", "X-GitHub-Api-Version: 2022-11-28"};
    return request;
  }

  // Sends one request and waits for its answer; nullopt when cancelled
  // (the request is left to the client, which drops it when it goes).
  std::optional<HttpResponse> fetch(HttpRequest request) {
    request.id = m_next_id++;
    m_client.start(request);
    while (!cancelled())
      for (HttpResponse& response : m_client.poll(k_poll_tick))
        if (response.id == request.id) return std::move(response);
    return std::nullopt;
  }

  // Waits `wait` unless Ctrl-C comes first; false then.
  bool pause(milliseconds wait) {
    SteadyTime until = m_clock.now() + wait;
    for (SteadyTime now = m_clock.now(); now < until; now = m_clock.now()) {
      if (cancelled()) return false;
      m_client.poll(std::min(k_poll_tick, std::chrono::ceil<milliseconds>(until - now)));
    }
    return true;
  }

  // Ends the check (what was answered stays); always false, for returning.
  bool stop(std::string reason) {
    m_going = false;
    m_stop_reason = std::move(reason);
    return false;
  }

  // The rate limit GitHub announced with its last answer: wait it out when
  // it ends soon enough, or stop asking.
  bool respect_limit() {
    if (!m_limit_wait) return true;
    milliseconds wait = *std::exchange(m_limit_wait, std::nullopt);
    if (wait > m_options.retry_after_cap)
      return stop(fmt::format("GitHub's API rate limit is used up for {} s", wait.count() / 1000));
    return pause(wait);
  }

  void ask_graphql(const std::vector<RepoRef>& batch) {
    HttpRequest request = api_request(m_options.github_graphql, HttpMethod::post);
    request.body = repo_query(batch);
    request.headers.push_back("Content-Type: application/json");
    for (int attempt = 0; respect_limit() && !cancelled(); ++attempt) {
      std::optional<HttpResponse> response = fetch(request);
      if (!response) return;
      ++m_out.queries;
      QueryAnswer answer = read_repo_query_answer(response->body, batch.size());
      m_limit_wait = until_reset(*response, m_now);
      bool answered = response->error == TransportError::none && response->status == 200 && answer.error.empty();
      if (answered) return store(batch, answer);
      if (!retry_after_failure(*response, &answer, attempt)) return;
    }
  }

  // Decides what a failed request leads to: true to ask again (after the
  // wait it needed), false when the check stops.
  bool retry_after_failure(const HttpResponse& response, const QueryAnswer* answer, int attempt) {
    if (response.status == 401) return stop("GitHub refused the token (HTTP 401)");
    bool last = attempt >= m_options.retries;
    if (is_rate_limited(response, answer, m_now)) {
      std::optional<milliseconds> wait = retry_after(response);
      if (!wait) wait = until_reset(response, m_now);
      if (!wait) wait = k_secondary;
      m_limit_wait.reset();
      if (last || *wait > m_options.retry_after_cap)
        return stop(fmt::format("GitHub's API rate limit ({}; asked to wait {} s)", describe_failure(response),
                                wait->count() / 1000));
      return pause(*wait);
    }
    bool transient = response.error == TransportError::timeout || response.error == TransportError::reset ||
                     response.status == 408 || response.status >= 500;
    if (!transient || last) {
      bool http_ok = response.error == TransportError::none && response.status == 200;
      std::string why = http_ok && answer ? answer->error : describe_failure(response);
      return stop(fmt::format("the GitHub API at {} failed: {}", response.final_url, why));
    }
    return pause(m_options.retry_base * (1LL << std::min(attempt, 10)));
  }

  void store(const std::vector<RepoRef>& batch, const QueryAnswer& answer) {
    for (size_t i = 0; i < batch.size(); ++i) {
      const RepoAnswer& got = answer.repos[i];
      m_out.repos[batch[i].key()] = {got.lookup, got.info, got.reason, false};
    }
  }

  // GraphQL finds renamed repositories, but not every transfer; REST's
  // /repos/OWNER/REPO redirects for both, so it settles moved or gone.
  void ask_rest(const std::vector<RepoRef>& missing) {
    std::map<std::uint64_t, const RepoRef*> running;
    size_t next = 0;
    while ((next < missing.size() && m_going) || !running.empty()) {
      while (m_going && next < missing.size() && running.size() < k_rest_in_flight) {
        const RepoRef& repo = missing[next++];
        HttpRequest request =
            api_request(fmt::format("{}/repos/{}/{}", m_options.github_api, repo.owner, repo.name), HttpMethod::get);
        request.id = m_next_id++;
        running[request.id] = &repo;
        m_client.start(request);
      }
      if (cancelled()) return;
      for (const HttpResponse& response : m_client.poll(k_poll_tick)) {
        auto found = running.find(response.id);
        if (found == running.end()) continue;
        ++m_out.rest_requests;
        judge_rest(*found->second, response);
        running.erase(found);
      }
    }
  }

  void judge_rest(const RepoRef& repo, const HttpResponse& response) {
    RepoStatus& status = m_out.repos[repo.key()];
    std::optional<RepoInfo> info = response.status == 200 ? read_rest_repo(response.body) : std::nullopt;
    if (info) {
      status = {RepoLookup::found, *info, "", false};
    } else if (response.status == 404 || response.status == 410 || response.status == 451) {
      status.reason = response.status == 451 ? "unavailable for legal reasons (HTTP 451)" : "not found";
    } else {
      status = {RepoLookup::unknown, {}, "not confirmed over REST: " + describe_failure(response), false};
      if (is_rate_limited(response, nullptr, m_now)) stop("GitHub's REST API rate limit");
    }
  }

  void note_unchecked(const std::vector<RepoRef>& asked) {
    size_t unchecked = static_cast<size_t>(std::count_if(asked.begin(), asked.end(), [&](const RepoRef& repo) {
      const RepoStatus& status = m_out.repos[repo.key()];
      return status.lookup == RepoLookup::unknown && status.reason.empty();
    }));
    m_out.notes.push_back(fmt::format("repository checks stopped: {}; {} of {} repositories not checked", m_stop_reason,
                                      unchecked, m_out.repos.size()));
  }

  // Successes are cached; a repository GitHub did not find is forgotten.
  void remember(const std::vector<RepoRef>& asked) {
    if (!m_hooks.cache || !m_options.use_cache) return;
    for (const RepoRef& repo : asked) {
      const RepoStatus& status = m_out.repos[repo.key()];
      std::string key = repo_cache_key(m_options, repo);
      if (status.lookup == RepoLookup::found) m_hooks.cache->record_repo(key, status.info, m_now);
      if (status.lookup == RepoLookup::not_found) m_hooks.cache->forget_repo(key);
    }
  }

  const LinkOptions& m_options;
  HttpClient& m_client;
  const RepoCheckHooks& m_hooks;
  const Clock& m_clock;
  std::int64_t m_now;
  RepoCheck& m_out;
  std::uint64_t m_next_id = k_repo_request_ids;
  bool m_going = true;
  std::string m_stop_reason;
  std::optional<milliseconds> m_limit_wait;  // x-ratelimit-remaining was 0: until the reset
};

std::string years(std::int64_t seconds) {
  double value = static_cast<double>(seconds) / (365.0 * 86400);
  return value >= 1 ? fmt::format("{:.0f} year{}", value, value >= 1.5 ? "s" : "")
                    : fmt::format("{} days", seconds / 86400);
}

}  // namespace

std::string repo_cache_key(const LinkOptions& options, const RepoRef& repo) {
  return host_key(options.github_server) + "/" + repo.key();
}

RepoCheck check_repositories(const std::vector<RepoRef>& repos, const LinkOptions& options, HttpClient& client,
                             const RepoCheckHooks& hooks) {
  RepoCheck out;
  if (!options.github_token || options.github_token->empty()) {
    out.skipped = true;
    out.notes.push_back(
        "GITHUB_TOKEN is not set: repository checks (repo-archived, repo-moved, repo-gone, "
        "repo-stale) skipped; GitHub's GraphQL API needs a token (any token, no scopes)");
    return out;
  }
  RepoChecker(options, client, hooks, out).run(repos);
  return out;
}

std::vector<RepoFinding> repo_findings(const std::string& written, const RepoLink& link, const RepoStatus& status,
                                       std::int64_t now, const LinkOptions& options) {
  std::vector<RepoFinding> out;
  const RepoRef& repo = link.repo;
  if (status.lookup == RepoLookup::not_found) {
    out.push_back({"repo-gone",
                   fmt::format("{}: repository {}/{} is gone from GitHub ({}; deleted, or made private)", written,
                               repo.owner, repo.name, status.reason),
                   ""});
    return out;
  }
  if (status.lookup != RepoLookup::found) return out;
  const RepoInfo& info = status.info;
  if (to_lower(info.name_with_owner) != repo.key()) {
    std::string canonical = info.url.empty() ? options.github_server + "/" + info.name_with_owner : info.url;
    out.push_back({"repo-moved", fmt::format("{}: repository moved to {}", written, info.name_with_owner),
                   moved_url(written, link, canonical)});
  }
  if (info.archived) {
    out.push_back(
        {"repo-archived",
         fmt::format("{}: repository {} is archived (read-only, no longer maintained)", written, info.name_with_owner),
         ""});
    return out;  // an archived repository is stale by definition: one finding says it
  }
  std::optional<std::int64_t> pushed = parse_iso_time(info.pushed_at);
  if (pushed && now - *pushed > options.stale_after.count())
    out.push_back({"repo-stale",
                   fmt::format("{}: no push to {} for {} (last {})", written, info.name_with_owner,
                               years(now - *pushed), info.pushed_at.substr(0, 10)),
                   ""});
  return out;
}

}  // namespace curate
