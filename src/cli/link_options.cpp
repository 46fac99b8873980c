// The --links options: CLI11 wiring and merging over .curate.json "links".
#include "link_options.hpp"

#include <cstdlib>
#include <filesystem>

#include "curate/links/cache.hpp"

namespace curate::cli {

void add_link_options(CLI::App& command, LinkCliOptions& options) {
  const char* group = "Link checking";
  command
      .add_flag("--links", options.links,
                "Also check every URL over HTTP(S), and GitHub repositories' health (with GITHUB_TOKEN)")
      ->group(group);
  command
      .add_flag("--repos", options.repos,
                "Check only GitHub repositories: archived, moved, gone, stale (needs GITHUB_TOKEN)")
      ->group(group);
  command
      .add_flag("--check-fragments", options.check_fragments,
                "Also check that a URL's #fragment names an element of its HTML page")
      ->group(group);
  command.add_flag("--offline", options.offline, "Only offline rules, even when the config enables links")
      ->group(group);
  command.add_option("--concurrency", options.concurrency, "Requests in flight at once (default 64)")->group(group);
  command.add_option("--per-host", options.per_host, "Requests in flight to one host (default 4)")->group(group);
  command.add_option("--timeout", options.timeout, "Per request, e.g. 20s or 500ms (default 20s)")->group(group);
  command.add_option("--retries", options.retries, "Retries for timeouts, 429 and 5xx (default 3)")->group(group);
  command.add_option("--min-delay", options.min_delay, "Minimum time between requests to one host (default 0)")
      ->group(group);
  command.add_option("--exclude", options.exclude, "Skip URLs matching this RE2 regex (repeatable)")
      ->allow_extra_args(false)
      ->group(group);
  command.add_option("--include", options.include, "Check only URLs matching this RE2 regex (repeatable)")
      ->allow_extra_args(false)
      ->group(group);
  command.add_option("--accept", options.accept, "Statuses that count as working (default 200..=299)")->group(group);
  command.add_option("--user-agent", options.user_agent, "User-Agent header (default curate/VERSION)")->group(group);
  command.add_option("--cache", options.cache, "Cache file (default .curate-cache.json beside the list)")->group(group);
  command.add_flag("--no-cache", options.no_cache, "Neither read nor write the link cache")->group(group);
  command.add_option("--max-age", options.max_age, "Reuse cached successes this young, e.g. 3d or 12h (default 3d)")
      ->group(group);
}

bool links_requested(const LinkCliOptions& cli, const Config& config) {
  if (cli.offline) return false;
  if (cli.links || cli.repos) return true;
  auto links = config.document().find("links");
  if (links == config.document().end() || !links->is_object()) return false;
  auto enabled = links->find("enabled");
  return enabled != links->end() && enabled->is_boolean() && enabled->get<bool>();
}

namespace {

void apply_github_environment(LinkOptions& options) {
  struct Variable {
    const char* name;
    std::string LinkOptions::*field;
  };
  for (auto [name, field] : {Variable{"GITHUB_SERVER_URL", &LinkOptions::github_server},
                             Variable{"GITHUB_API_URL", &LinkOptions::github_api},
                             Variable{"GITHUB_GRAPHQL_URL", &LinkOptions::github_graphql}})
    if (const char* value = std::getenv(name); value && *value) options.*field = endpoint_url(value, name);
}

}  // namespace

LinkOptions resolve_link_options(const LinkCliOptions& cli, const Config& config, const std::string& list_path) {
  LinkOptions options;
  apply_github_environment(options);
  if (auto links = config.document().find("links"); links != config.document().end())
    apply_link_config(*links, config.path, options);
  // A cache named in the config is relative to the config's folder.
  if (options.cache_path && !config.path.empty() && std::filesystem::path(*options.cache_path).is_relative())
    options.cache_path = (std::filesystem::path(config.path).parent_path() / *options.cache_path).string();
  if (cli.concurrency) options.concurrency = *cli.concurrency;
  if (cli.per_host) options.per_host = *cli.per_host;
  if (cli.retries) options.retries = *cli.retries;
  if (cli.timeout) options.timeout = parse_duration(*cli.timeout);
  if (cli.min_delay) options.min_host_delay = parse_duration(*cli.min_delay);
  if (cli.max_age) options.max_age = std::chrono::duration_cast<std::chrono::seconds>(parse_duration(*cli.max_age));
  if (cli.accept) options.accept = parse_accept_codes(*cli.accept);
  if (cli.user_agent) options.user_agent = *cli.user_agent;
  if (cli.cache) options.cache_path = *cli.cache;
  if (cli.no_cache) options.use_cache = false;
  if (!cli.exclude.empty()) options.exclude.insert(options.exclude.end(), cli.exclude.begin(), cli.exclude.end());
  if (!cli.include.empty()) options.include = cli.include;
  if (cli.check_fragments) options.check_fragments = true;
  // --repos alone asks GitHub only; with --links (or the config) both run.
  options.check_http = !cli.repos || cli.links;
  // A connect timeout longer than the whole request would never apply.
  options.connect_timeout = std::min(options.connect_timeout, options.timeout);
  if (!options.cache_path) options.cache_path = default_cache_path(list_path);
  if (const char* token = std::getenv("GITHUB_TOKEN"); token && *token) options.github_token = token;
  validate_link_options(options);
  return options;
}

}  // namespace curate::cli
