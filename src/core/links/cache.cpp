#include "curate/links/cache.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "curate/io/source.hpp"

namespace curate {
namespace {

constexpr int k_cache_version = 1;

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
  } catch (const std::exception& e) {
    cache.m_entries.clear();
    cache.m_warning = "ignoring damaged link cache " + path + " (" + e.what() + ")";
  }
  return cache;
}

std::optional<LinkResult> LinkCache::lookup(const std::string& url, std::int64_t now, std::chrono::seconds max_age,
                                            const AcceptCodes& accept) const {
  auto found = m_entries.find(url);
  if (found == m_entries.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (now - entry.checked > max_age.count() || entry.checked > now || !accepts(accept, entry.status))
    return std::nullopt;
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
  nlohmann::json document = {{"version", k_cache_version}, {"links", std::move(links)}};
  write_output(m_path, document.dump(1) + "\n");
}

}  // namespace curate
