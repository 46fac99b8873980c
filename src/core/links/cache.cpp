#include "curate/links/cache.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "curate/io/source.hpp"

namespace curate {
namespace {

constexpr int k_cache_version = 1;

bool fresh(std::int64_t checked, std::int64_t now, std::chrono::seconds max_age) {
  return now - checked <= max_age.count() && checked <= now;
}

}  // namespace

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string default_cache_path(const std::string& list_path) {
  std::filesystem::path dir =
      list_path == "-" ? std::filesystem::path() : std::filesystem::path(list_path).parent_path();
  return (dir / ".curate-cache.json").string();
}

LinkCache LinkCache::load(const std::string& path) {
  LinkCache cache(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return cache;
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    nlohmann::json document = nlohmann::json::parse(buffer.str());
    if (document.value("version", 0) != k_cache_version) throw std::runtime_error("unknown version");
    for (const auto& [url, item] : document.at("links").items()) {
      Entry entry;
      entry.checked = item.at("checked").get<std::int64_t>();
      entry.status = item.at("status").get<long>();
      entry.redirected = item.value("redirected", false);
      entry.detail = item.value("detail", "");
      entry.final_url = item.value("final", "");
      entry.fix_url = item.value("fix", "");
      cache.m_entries[url] = std::move(entry);
    }
    // "repos" came later than version 1's "links": an older file has none.
    nlohmann::json repos = document.value("repos", nlohmann::json::object());
    for (const auto& [key, item] : repos.items()) {
      RepoEntry entry;
      entry.checked = item.at("checked").get<std::int64_t>();
      entry.info.name_with_owner = item.at("name").get<std::string>();
      entry.info.url = item.value("url", "");
      entry.info.archived = item.value("archived", false);
      entry.info.pushed_at = item.value("pushed", "");
      cache.m_repos[key] = std::move(entry);
    }
  } catch (const std::exception& e) {
    cache.m_entries.clear();
    cache.m_repos.clear();
    cache.m_warning = "ignoring damaged link cache " + path + " (" + e.what() + ")";
  }
  return cache;
}

std::optional<LinkResult> LinkCache::lookup(const std::string& url, std::int64_t now, std::chrono::seconds max_age,
                                            const AcceptCodes& accept) const {
  auto found = m_entries.find(url);
  if (found == m_entries.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (!fresh(entry.checked, now, max_age) || !accepts(accept, entry.status)) return std::nullopt;
  LinkResult result;
  result.verdict = entry.redirected ? LinkVerdict::redirected : LinkVerdict::ok;
  result.status = entry.status;
  result.detail = entry.detail;
  result.final_url = entry.final_url;
  result.fix_url = entry.fix_url;
  result.cached = true;
  return result;
}

void LinkCache::record(const std::string& url, const LinkResult& result, std::int64_t now) {
  if (result.verdict != LinkVerdict::ok && result.verdict != LinkVerdict::redirected) {
    m_entries.erase(url);
    return;
  }
  m_entries[url] = Entry{now,           result.status,    result.verdict == LinkVerdict::redirected,
                         result.detail, result.final_url, result.fix_url};
}

std::optional<RepoInfo> LinkCache::lookup_repo(const std::string& key, std::int64_t now,
                                               std::chrono::seconds max_age) const {
  auto found = m_repos.find(key);
  if (found == m_repos.end() || !fresh(found->second.checked, now, max_age)) return std::nullopt;
  return found->second.info;
}

void LinkCache::record_repo(const std::string& key, const RepoInfo& info, std::int64_t now) {
  m_repos[key] = RepoEntry{now, info};
}

void LinkCache::save(std::int64_t now, std::chrono::seconds max_age) const {
  nlohmann::json links = nlohmann::json::object();
  for (const auto& [url, entry] : m_entries) {
    if (now - entry.checked > max_age.count()) continue;
    nlohmann::json item = {{"checked", entry.checked}, {"status", entry.status}};
    if (entry.redirected) item["redirected"] = true;
    if (!entry.detail.empty()) item["detail"] = entry.detail;
    if (!entry.final_url.empty() && entry.final_url != url) item["final"] = entry.final_url;
    if (!entry.fix_url.empty()) item["fix"] = entry.fix_url;
    links[url] = std::move(item);
  }
  nlohmann::json repos = nlohmann::json::object();
  for (const auto& [key, entry] : m_repos) {
    if (!fresh(entry.checked, now, max_age)) continue;
    nlohmann::json item = {{"checked", entry.checked}, {"name", entry.info.name_with_owner}};
    if (!entry.info.url.empty()) item["url"] = entry.info.url;
    if (entry.info.archived) item["archived"] = true;
    if (!entry.info.pushed_at.empty()) item["pushed"] = entry.info.pushed_at;
    repos[key] = std::move(item);
  }
  nlohmann::json document = {{"version", k_cache_version}, {"links", std::move(links)}};
  if (!repos.empty()) document["repos"] = std::move(repos);
  write_output(m_path, document.dump(1) + "\n");
}

}  // namespace curate
