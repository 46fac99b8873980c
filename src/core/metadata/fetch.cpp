// Runs the metadata requests: one job per request, started in order within
// the global, per-host and arXiv limits, each answer read by its source.
#include "curate/metadata/fetch.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "curate/links/fragments.hpp"
#include "curate/metadata/arxiv.hpp"
#include "curate/metadata/doi.hpp"
#include "curate/metadata/github_repo.hpp"
#include "curate/metadata/page.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

using std::chrono::milliseconds;

// One request and the URLs its answer is for.
struct Job {
  SourceKind kind = SourceKind::page;
  std::string key;               // the DOI, "owner/name" or page URL, for messages
  std::vector<std::string> ids;  // arXiv: the papers asked
  std::vector<size_t> urls;      // indices into the URLs asked about
  HttpRequest request;
  std::string host;
};

const char* who(SourceKind kind) {
  switch (kind) {
    case SourceKind::arxiv:
      return "the arXiv API";
    case SourceKind::doi:
      return "the DOI resolver";
    case SourceKind::github:
      return "the GitHub API";
    case SourceKind::page:
      return "the page";
  }
  return "the source";
}

HttpRequest request_for(const MetadataOptions& options, SourceKind kind, const std::string& url) {
  HttpRequest request = make_link_request(options.links, url, HttpMethod::get);
  request.body_use = BodyUse::keep;
  request.body_limit = k_metadata_body_limit;
  switch (kind) {
    case SourceKind::arxiv:
      request.headers.push_back("Accept: application/atom+xml");
      break;
    case SourceKind::doi:
      request.headers.push_back(k_csl_json_accept);
      break;
    case SourceKind::github:
      request.headers.push_back("Accept: application/vnd.github+json");
      request.headers.push_back("X-GitHub-Api-Version: 2022-11-28");
      // make_link_request already sends the token to github.com hosts.
      if (UrlParts parts; options.links.github_token && !options.links.github_token->empty() && parse_url(url, parts) &&
                          !host_matches(parts.host, "github.com"))
        request.headers.push_back("Authorization: Bearer " + *options.links.github_token);
      break;
    case SourceKind::page:
      request.headers.push_back("Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
      break;
  }
  return request;
}

std::vector<Job> plan_jobs(const std::vector<std::string>& urls, const MetadataOptions& options) {
  std::vector<Job> jobs;
  std::map<std::string, size_t> by_key;               // "kind key" → job
  std::map<std::string, std::vector<size_t>> papers;  // arXiv id → URLs, in id order
  std::vector<std::string> paper_order;
  for (size_t i = 0; i < urls.size(); ++i) {
    SourceRef source = source_of(urls[i], options);
    if (source.kind == SourceKind::arxiv) {
      if (papers[source.key].empty()) paper_order.push_back(source.key);
      papers[source.key].push_back(i);
      continue;
    }
    auto [found, added] = by_key.emplace(std::to_string(static_cast<int>(source.kind)) + " " + source.key, jobs.size());
    if (added) {
      Job job{source.kind, source.key, {}, {}, {}, {}};
      std::string url = source.kind == SourceKind::doi ? doi_request_url(options.doi_resolver, source.key)
                        : source.kind == SourceKind::github
                            ? github_repo_request_url(options.links.github_api, source.key)
                            : source.key;
      job.request = request_for(options, source.kind, url);
      jobs.push_back(std::move(job));
    }
    jobs[found->second].urls.push_back(i);
  }
  for (size_t first = 0; first < paper_order.size(); first += k_arxiv_batch) {
    Job job;
    job.kind = SourceKind::arxiv;
    for (size_t i = first; i < std::min(paper_order.size(), first + k_arxiv_batch); ++i) {
      job.ids.push_back(paper_order[i]);
      for (size_t url : papers[paper_order[i]]) job.urls.push_back(url);
    }
    job.key = join(job.ids, ",");
    job.request = request_for(options, SourceKind::arxiv, arxiv_query_url(options.arxiv_api, job.ids));
    jobs.push_back(std::move(job));
  }
  for (Job& job : jobs) job.host = host_key(job.request.url);
  return jobs;
}

// Why a response cannot be read, or "" when it can.
std::string transfer_problem(const Job& job, const HttpResponse& response) {
  std::string source = who(job.kind);
  if (!response.refused_redirect.empty())
    return source + " redirected to " + response.refused_redirect +
           ", which is not http or https (curate follows no other scheme)";
  if (response.error != TransportError::none)
    return "no answer from " + source + " (" + job.request.url + "): " + transport_error_name(response.error);
  if (response.status == 404 && job.kind == SourceKind::github)
    return "GitHub knows no repository " + job.key + " (HTTP 404)";
  if (response.status == 404 && job.kind == SourceKind::doi)
    return "the DOI resolver knows no DOI " + job.key + " (HTTP 404)";
  if (response.status < 200 || response.status > 299)
    return source + " answered HTTP " + std::to_string(response.status) + " (" + job.request.url + ")";
  return "";
}

std::string header(const HttpResponse& response, const char* name) {
  auto found = response.headers.find(name);
  return found == response.headers.end() ? "" : found->second;
}

// Reads a good answer into the results of the job's URLs; throws
// curate::Error when the answer cannot be read.
void read_answer(const Job& job, const HttpResponse& response, const std::vector<std::string>& urls,
                 std::vector<MetadataResult>& results) {
  if (job.kind == SourceKind::arxiv) {
    std::vector<ArxivPaper> papers = read_arxiv_feed(response.body);
    for (size_t url : job.urls) {
      std::string id = source_of(urls[url], {}).key;
      auto paper = std::find_if(papers.begin(), papers.end(), [&](const ArxivPaper& p) { return p.id == id; });
      if (paper == papers.end())
        results[url].problem = "the arXiv API knows no paper " + id;
      else
        results[url].metadata = paper->metadata;
    }
    return;
  }
  Metadata metadata;
  if (job.kind == SourceKind::doi) {
    metadata = read_csl_json(response.body);
  } else if (job.kind == SourceKind::github) {
    metadata = read_github_repository(response.body);
  } else {
    std::string type = header(response, "content-type");
    if (!type.empty() && !is_html_content_type(type))
      throw Error("the page is not HTML (" + std::string(trim(type.substr(0, type.find(';')))) +
                  "), so it names no title curate can read");
    std::optional<Metadata> page = read_page_metadata(response.body);
    if (!page) throw Error("the page names no title (no citation_title, og:title, JSON-LD headline or <title>)");
    metadata = *page;
  }
  for (size_t url : job.urls) results[url].metadata = metadata;
}

void settle(const Job& job, const HttpResponse& response, const std::vector<std::string>& urls,
            std::vector<MetadataResult>& results) {
  std::string problem = transfer_problem(job, response);
  if (problem.empty()) {
    try {
      read_answer(job, response, urls, results);
      return;
    } catch (const Error& e) {
      problem = e.what();
    }
  }
  for (size_t url : job.urls) results[url].problem = problem;
}

}  // namespace

std::vector<MetadataResult> fetch_metadata(const std::vector<std::string>& urls, const MetadataOptions& options,
                                           HttpClient& client, const FetchHooks& hooks) {
  std::vector<MetadataResult> results(urls.size());
  std::vector<Job> jobs = plan_jobs(urls, options);
  const Clock& clock = hooks.clock ? *hooks.clock : steady_clock_source();
  std::vector<size_t> waiting(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) waiting[i] = i;
  std::map<std::string, int> busy;  // requests in flight per host
  size_t running = 0;
  std::optional<SteadyTime> arxiv_free;  // the next arXiv request may start then
  auto cancelled = [&] { return hooks.cancelled && hooks.cancelled(); };
  while ((!waiting.empty() || running > 0) && !cancelled()) {
    SteadyTime now = clock.now();
    milliseconds wait = k_poll_tick;
    for (auto it = waiting.begin(); it != waiting.end() && running < static_cast<size_t>(options.links.concurrency);) {
      Job& job = jobs[*it];
      bool arxiv = job.kind == SourceKind::arxiv;
      if (busy[job.host] >= (arxiv ? 1 : options.links.per_host)) {
        ++it;
        continue;
      }
      if (arxiv && arxiv_free && now < *arxiv_free) {
        wait = std::min(wait, std::chrono::ceil<milliseconds>(*arxiv_free - now));
        ++it;
        continue;
      }
      if (arxiv) arxiv_free = now + options.arxiv_delay;
      job.request.id = *it;
      client.start(job.request);
      ++busy[job.host];
      ++running;
      it = waiting.erase(it);
    }
    for (HttpResponse& response : client.poll(wait)) {
      if (response.id >= jobs.size()) continue;
      const Job& job = jobs[response.id];
      --busy[job.host];
      --running;
      settle(job, response, urls, results);
    }
  }
  for (MetadataResult& result : results)
    if (!result.metadata && result.problem.empty()) result.problem = "not asked: interrupted";
  return results;
}

}  // namespace curate
