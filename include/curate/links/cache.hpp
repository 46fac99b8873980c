#pragma once
// The link cache: successful checks (ok and redirected) remembered in a JSON
// file so the next run within the max age skips them. Failures, 429s, 5xx
// and timeouts are never stored, so a broken link is always checked again.
// Repositories GitHub answered for (archived, moved and stale ones too) are
// kept the same way; one it did not find is never stored.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "curate/links/github.hpp"
#include "curate/links/options.hpp"
#include "curate/links/verdict.hpp"

namespace curate {

// Seconds since the Unix epoch, as the cache stores times.
std::int64_t unix_now();

// ".curate-cache.json" in the folder of `list_path` (the working directory
// for standard input).
std::string default_cache_path(const std::string& list_path);

class LinkCache {
 public:
  LinkCache() = default;
  explicit LinkCache(std::string path) : m_path(std::move(path)) {}

  // Reads `path`. A missing file gives an empty cache; a damaged one too,
  // with warning() saying so (it is rewritten on save).
  static LinkCache load(const std::string& path);

  // The remembered success for `url` when it is at most `max_age` old and
  // its status is still accepted; nullopt otherwise.
  std::optional<LinkResult> lookup(const std::string& url, std::int64_t now, std::chrono::seconds max_age,
                                   const AcceptCodes& accept) const;

  // Remembers a success; forgets the URL for any other verdict.
  void record(const std::string& url, const LinkResult& result, std::int64_t now);

  // GitHub's answer for repository `key` ("server/owner/name", lower-case)
  // when it is at most `max_age` old.
  std::optional<RepoInfo> lookup_repo(const std::string& key, std::int64_t now, std::chrono::seconds max_age) const;
  void record_repo(const std::string& key, const RepoInfo& info, std::int64_t now);
  void forget_repo(const std::string& key) { m_repos.erase(key); }

  // Writes the file atomically, dropping entries older than `max_age`.
  // Throws curate::Error.
  void save(std::int64_t now, std::chrono::seconds max_age) const;

  const std::string& path() const { return m_path; }
  const std::string& warning() const { return m_warning; }
  size_t size() const { return m_entries.size() + m_repos.size(); }

 private:
  struct Entry {
    std::int64_t checked = 0;
    long status = 0;
    bool redirected = false;
    std::string detail;
    std::string final_url;
    std::string fix_url;
  };
  std::string m_path;
  std::string m_warning;
  struct RepoEntry {
    std::int64_t checked = 0;
    RepoInfo info;
  };
  std::map<std::string, Entry> m_entries;
  std::map<std::string, RepoEntry> m_repos;
};

}  // namespace curate
