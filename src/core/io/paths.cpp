#include "curate/io/paths.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace fs = std::filesystem;

namespace curate {
namespace {

bool is_markdown(const fs::path& path) {
  std::string extension = to_lower(path.extension().string());
  return extension == ".md" || extension == ".markdown";
}

// Folders a maintainer never means when naming a tree: .git, .github's
// templates, dependencies.
bool skipped_folder(const fs::path& path) {
  std::string name = path.filename().string();
  return (name.size() > 1 && name.front() == '.') || name == "node_modules";
}

// `dir`'s path joined with an entry's name, written as the user would ("a/b",
// not "./a/b").
std::string joined(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::vector<std::string> sorted_entries(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void markdown_below(const std::string& dir, std::vector<std::string>& out) {
  std::error_code ec;
  for (const std::string& name : sorted_entries(dir)) {
    std::string path = joined(dir, name);
    if (fs::is_directory(path, ec)) {
      if (!skipped_folder(name)) markdown_below(path, out);
    } else if (is_markdown(name) && fs::is_regular_file(path, ec)) {
      out.push_back(path);
    }
  }
}

// Matches segments[index…] below `dir`: a segment without wildcards is a
// name, "**" any number of folders (none included), others fnmatch patterns.
void match_segments(const std::string& dir, const std::vector<std::string>& segments, size_t index,
                    std::vector<std::string>& out) {
  std::error_code ec;
  bool last = index + 1 == segments.size();
  const std::string& segment = segments[index];
  if (segment == "**") {
    if (last) return markdown_below(dir, out);
    match_segments(dir, segments, index + 1, out);
    for (const std::string& name : sorted_entries(dir))
      if (!skipped_folder(name) && fs::is_directory(joined(dir, name), ec))
        match_segments(joined(dir, name), segments, index, out);
    return;
  }
  for (const std::string& name : sorted_entries(dir)) {
    if (fnmatch(segment.c_str(), name.c_str(), FNM_PERIOD) != 0) continue;
    std::string path = joined(dir, name);
    if (last && fs::is_regular_file(path, ec))
      out.push_back(path);
    else if (!last && fs::is_directory(path, ec))
      match_segments(path, segments, index + 1, out);
  }
}

bool has_wildcard(std::string_view text) { return text.find_first_of("*?[") != std::string_view::npos; }

std::vector<std::string> expand_glob(const std::string& pattern) {
  std::vector<std::string> segments = split_trimmed(pattern, "/");
  segments.erase(std::remove(segments.begin(), segments.end(), std::string()), segments.end());
  // The folders before the first wildcard are walked as they are.
  std::string base = pattern.front() == '/' ? "/" : "";
  size_t first = 0;
  while (first + 1 < segments.size() && !has_wildcard(segments[first])) base = joined(base, segments[first++]);
  segments.erase(segments.begin(), segments.begin() + static_cast<long>(first));
  std::vector<std::string> out;
  if (!segments.empty()) match_segments(base, segments, 0, out);
  return out;
}

}  // namespace

std::vector<std::string> expand_list_arguments(const std::vector<std::string>& arguments) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& path) {
    if (seen.insert(fs::path(path).lexically_normal().string()).second) out.push_back(path);
  };
  std::error_code ec;
  for (const std::string& argument : arguments) {
    if (argument == "-" || fs::is_regular_file(argument, ec)) {
      add(argument);
    } else if (fs::is_directory(argument, ec)) {
      std::vector<std::string> found;
      markdown_below(argument, found);
      if (found.empty()) throw Error(argument + ": a folder without Markdown files (.md, .markdown)");
      for (const std::string& path : found) add(path);
    } else if (has_wildcard(argument)) {
      std::vector<std::string> found = expand_glob(argument);
      if (found.empty()) throw Error(argument + ": no file matches this pattern");
      for (const std::string& path : found) add(path);
    } else {
      add(argument);
    }
  }
  return out;
}

}  // namespace curate
