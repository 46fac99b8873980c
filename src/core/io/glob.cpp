// Globs and .gitignore patterns: matching '/'-separated paths part by part,
// each part with the C library's fnmatch (the shell's own rules), "**"
// here, since fnmatch has no notion of it.
#include <fnmatch.h>

#include <filesystem>

#include "curate/io/file_set.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

using Parts = std::vector<std::string_view>;

Parts split_parts(std::string_view path) {
  Parts parts;
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool part_matches(std::string_view pattern, std::string_view name, bool hidden) {
  std::string p(pattern), n(name);  // fnmatch wants terminated strings
  return ::fnmatch(p.c_str(), n.c_str(), hidden ? 0 : FNM_PERIOD) == 0;
}

bool match_from(const Parts& pattern, size_t i, const Parts& path, size_t j, bool hidden) {
  if (i == pattern.size()) return j == path.size();
  if (pattern[i] == "**") {
    for (size_t k = j;; ++k) {
      if (match_from(pattern, i + 1, path, k, hidden)) return true;
      if (k == path.size() || (!hidden && starts_with(path[k], "."))) return false;
    }
  }
  return j < path.size() && part_matches(pattern[i], path[j], hidden) &&
         match_from(pattern, i + 1, path, j + 1, hidden);
}

// The line as a pattern: trailing blanks dropped, a leading backslash
// (for "\#" and "\!") removed.
std::string_view pattern_text(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

}  // namespace

bool is_glob(std::string_view argument) {
  if (argument.find_first_of("*?[") == std::string_view::npos) return false;
  std::error_code ec;
  return !std::filesystem::exists(std::filesystem::path(argument), ec);
}

bool glob_matches(std::string_view pattern, std::string_view path, bool hidden) {
  return match_from(split_parts(pattern), 0, split_parts(path), 0, hidden);
}

void IgnoreRules::add_file(const std::string& folder, std::string_view text) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = pattern_text(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line.front() == '#') continue;
    Pattern pattern;
    pattern.folder = folder;
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    } else if (line.front() == '\\') {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.folders_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    bool anchored = line.find('/') != std::string_view::npos;
    if (line.front() == '/') line.remove_prefix(1);
    pattern.glob = anchored ? std::string(line) : "**/" + std::string(line);
    m_patterns.push_back(std::move(pattern));
  }
}

bool IgnoreRules::ignored(std::string_view path, bool is_folder) const {
  for (auto it = m_patterns.rbegin(); it != m_patterns.rend(); ++it) {
    const Pattern& pattern = *it;
    if (pattern.folders_only && !is_folder) continue;
    std::string_view relative = path;
    if (!pattern.folder.empty()) {
      if (!starts_with(path, pattern.folder) || path.size() <= pattern.folder.size() ||
          path[pattern.folder.size()] != '/')
        continue;
      relative = path.substr(pattern.folder.size() + 1);
    }
    if (glob_matches(pattern.glob, relative, /*hidden=*/true)) return !pattern.negated;
  }
  return false;
}

}  // namespace curate
