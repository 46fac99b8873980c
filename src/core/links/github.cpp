#include "curate/links/github.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "curate/links/options.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

// First path segments that are GitHub's own pages, not users or
// organisations (a user cannot take these names).
constexpr std::array k_reserved = {"about",         "account",        "apps",          "blog",
                                   "codespaces",    "collections",    "contact",       "customer-stories",
                                   "dashboard",     "enterprise",     "events",        "explore",
                                   "features",      "github-copilot", "issues",        "join",
                                   "login",         "logout",         "marketplace",   "new",
                                   "notifications", "orgs",           "organizations", "pricing",
                                   "pulls",         "readme",         "search",        "security",
                                   "settings",      "signup",         "site",          "sponsors",
                                   "stars",         "team",           "topics",        "trending",
                                   "users",         "watching"};

bool valid_owner(std::string_view owner) {
  if (owner.empty() || owner.size() > 39 || owner.front() == '-') return false;
  return std::all_of(owner.begin(), owner.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 100 || name == "." || name == "..") return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
}

bool on_server(const UrlParts& parts, std::string_view url, std::string_view server_host) {
  std::string host = host_key(url);
  if (host == server_host) return true;
  return server_host == "github.com" && parts.host == "www.github.com" && parts.port.empty();
}

RepoInfo read_repository(const nlohmann::json& repository, const char* name_key, const char* url_key,
                         const char* archived_key, const char* pushed_key) {
  RepoInfo info;
  info.name_with_owner = repository.at(name_key).get<std::string>();
  info.url = repository.value(url_key, "");
  info.archived = repository.value(archived_key, false);
  const auto& pushed = repository.find(pushed_key);
  if (pushed != repository.end() && pushed->is_string()) info.pushed_at = pushed->get<std::string>();
  return info;
}

// The alias index of an error's path ("r12" → 12); npos when none.
size_t alias_index(const nlohmann::json& error) {
  auto path = error.find("path");
  if (path == error.end() || !path->is_array() || path->empty() || !(*path)[0].is_string()) return std::string::npos;
  std::string alias = (*path)[0].get<std::string>();
  if (alias.size() < 2 || alias[0] != 'r') return std::string::npos;
  try {
    return std::stoul(alias.substr(1));
  } catch (const std::exception&) {
    return std::string::npos;
  }
}

void read_errors(const nlohmann::json& errors, QueryAnswer& answer) {
  for (const auto& error : errors) {
    std::string type = error.value("type", "");
    std::string message = error.value("message", "");
    size_t index = alias_index(error);
    if (type == "RATE_LIMITED") answer.rate_limited = true;
    if (index >= answer.repos.size()) {
      if (answer.error.empty()) answer.error = message.empty() ? type : message;
      continue;
    }
    RepoAnswer& repo = answer.repos[index];
    repo.lookup = type == "NOT_FOUND" ? RepoLookup::not_found : RepoLookup::unknown;
    repo.reason = message;
  }
}

}  // namespace

std::string RepoRef::key() const { return to_lower(owner + "/" + name); }

std::optional<RepoLink> github_repo_of(std::string_view url, std::string_view server_host) {
  UrlParts parts;
  if (!parse_url(url, parts) || (parts.scheme != "http" && parts.scheme != "https")) return std::nullopt;
  if (!on_server(parts, url, server_host)) return std::nullopt;
  std::string_view path = parts.path;
  if (path.empty() || path[0] != '/') return std::nullopt;
  size_t slash = path.find('/', 1);
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view owner = path.substr(1, slash - 1);
  size_t end = path.find('/', slash + 1);
  std::string_view name = path.substr(slash + 1, end == std::string_view::npos ? end : end - slash - 1);
  std::string_view rest = end == std::string_view::npos ? std::string_view() : path.substr(end);
  if (name.size() > 4 && iequals(name.substr(name.size() - 4), ".git")) name.remove_suffix(4);
  std::string lower_owner = to_lower(owner);
  if (std::find(k_reserved.begin(), k_reserved.end(), lower_owner) != k_reserved.end()) return std::nullopt;
  if (!valid_owner(owner) || !valid_name(name)) return std::nullopt;
  RepoLink link;
  link.repo = {std::string(owner), std::string(name)};
  link.name_end = static_cast<size_t>(name.data() + name.size() - url.data());
  link.root = rest.empty() || rest == "/";
  return link;
}

std::string moved_url(std::string_view url, const RepoLink& link, std::string_view canonical_url) {
  std::string_view base = canonical_url;
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return std::string(base) + std::string(url.substr(link.name_end));
}

std::string repo_query(const std::vector<RepoRef>& repos) {
  std::string query = "query {";
  for (size_t i = 0; i < repos.size(); ++i)
    // Owner and name hold only [A-Za-z0-9._-] (github_repo_of): nothing to escape.
    query += fmt::format(" r{}: repository(owner: \"{}\", name: \"{}\") {{ nameWithOwner url isArchived pushedAt }}", i,
                         repos[i].owner, repos[i].name);
  query += " rateLimit { remaining resetAt } }";
  return nlohmann::json({{"query", query}}).dump();
}

QueryAnswer read_repo_query_answer(std::string_view body, size_t count) {
  QueryAnswer answer;
  answer.repos.resize(count);
  nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    answer.error = "the answer is not JSON";
    return answer;
  }
  if (auto errors = document.find("errors"); errors != document.end() && errors->is_array())
    read_errors(*errors, answer);
  auto data = document.find("data");
  if (data == document.end() || !data->is_object()) {
    if (answer.error.empty()) answer.error = document.value("message", "the answer has no data");
    return answer;
  }
  for (size_t i = 0; i < count; ++i) {
    auto repository = data->find("r" + std::to_string(i));
    if (repository == data->end() || !repository->is_object()) continue;
    try {
      answer.repos[i].info = read_repository(*repository, "nameWithOwner", "url", "isArchived", "pushedAt");
      answer.repos[i].lookup = RepoLookup::found;
    } catch (const nlohmann::json::exception& e) {
      answer.repos[i].reason = e.what();
    }
  }
  return answer;
}

std::optional<RepoInfo> read_rest_repo(std::string_view body) {
  nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object() || !document.contains("full_name")) return std::nullopt;
  try {
    return read_repository(document, "full_name", "html_url", "archived", "pushed_at");
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace curate
