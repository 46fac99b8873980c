// FILE arguments → the files they name: folders through git's own view of
// what is ignored, globs matched here (no shell is involved).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "curate/io/file_set.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace fs = std::filesystem;
namespace {

std::string read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The fallback without git: every file below `root`, pruning what the
// .gitignore files met on the way ignore.
void walk(const fs::path& root, const std::string& folder, IgnoreRules& rules, std::vector<std::string>& out) {
  fs::path dir = folder.empty() ? root : root / folder;
  std::error_code ec;
  if (fs::is_regular_file(dir / ".gitignore", ec)) rules.add_file(folder, read_text_file(dir / ".gitignore"));
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name == ".git") continue;
    std::string relative = folder.empty() ? name : folder + "/" + name;
    bool is_folder = entry.is_directory(ec) && !entry.is_symlink(ec);  // no symlink loops
    if (rules.ignored(relative, is_folder)) continue;
    if (is_folder)
      walk(root, relative, rules, out);
    else if (entry.is_regular_file(ec))
      out.push_back(relative);
  }
}

std::vector<std::string> split_nul(const std::string& text) {
  std::vector<std::string> out;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\0', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// `folder` as a prefix of the paths found in it: lexically normal, without
// a trailing '/', and "" for the working directory itself.
std::string display_prefix(const std::string& folder) {
  std::string prefix = fs::path(folder).lexically_normal().generic_string();
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  return prefix == "." ? "" : prefix;
}

std::string joined(const std::string& prefix, const std::string& relative) {
  if (prefix.empty()) return relative;
  return prefix.back() == '/' ? prefix + relative : prefix + "/" + relative;
}

bool has_hidden_part(std::string_view path) {
  return starts_with(path, ".") || path.find("/.") != std::string_view::npos;
}

std::vector<std::string> expand_folder(const std::string& folder, const ProcessRunner& run) {
  std::vector<std::string> out;
  std::string prefix = display_prefix(folder);
  for (const std::string& relative : unignored_files(folder, run))
    if (is_markdown_name(relative) && !has_hidden_part(relative)) out.push_back(joined(prefix, relative));
  if (out.empty())
    throw Error(folder, 0, 0,
                "no Markdown file (*.md, *.markdown) in this folder or below, hidden and git-ignored ones left out");
  return out;
}

bool has_wildcard(std::string_view part) { return part.find_first_of("*?[") != std::string_view::npos; }

std::vector<std::string> expand_glob(const std::string& pattern, const ProcessRunner& run) {
  // The folder before the first part with a wildcard is listed; the rest
  // of the pattern is matched against the paths found below it.
  std::string base = pattern.front() == '/' ? "/" : "";
  std::string rest;
  bool in_rest = false;
  for (std::string_view part : split_trimmed_views(pattern, "/")) {
    in_rest = in_rest || has_wildcard(part);
    std::string& into = in_rest ? rest : base;
    if (!into.empty() && into.back() != '/') into += '/';
    into += part;
  }
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_directory(base.empty() ? "." : base, ec)) {
    std::string prefix = display_prefix(base.empty() ? "." : base);
    for (const std::string& relative : unignored_files(base.empty() ? "." : base, run))
      if (glob_matches(rest, relative)) out.push_back(joined(prefix, relative));
  }
  if (out.empty()) throw Error(pattern, 0, 0, "no file matches this pattern (hidden and git-ignored files left out)");
  return out;
}

}  // namespace

std::vector<std::string> unignored_files(const std::string& folder, const ProcessRunner& run) {
  std::vector<std::string> found;
  ProcessResult listed{1, "", ""};
  try {
    listed = run({"git", "-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard"});
  } catch (const Error&) {  // no git: read the .gitignore files instead
  }
  if (listed.exit_code == 0) {
    std::error_code ec;
    for (std::string& relative : split_nul(listed.out))
      if (fs::is_regular_file(fs::path(folder) / relative, ec)) found.push_back(std::move(relative));
  } else {  // not a git work tree
    IgnoreRules rules;
    walk(fs::path(folder), "", rules, found);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

bool is_markdown_name(std::string_view name) {
  std::string lower = to_lower(name);
  return ends_with(lower, ".md") || ends_with(lower, ".markdown");
}

FileSet expand_file_arguments(const std::vector<std::string>& arguments, const ProcessRunner& run) {
  FileSet set;
  set.several = arguments.size() > 1;
  std::set<std::string> seen;  // lexically normal paths: "./a.md" and "a.md" are one file
  auto add = [&](const std::string& path) {
    std::string key = path == "-" ? path : fs::path(path).lexically_normal().generic_string();
    if (seen.insert(key).second) set.paths.push_back(path);
  };
  for (const std::string& argument : arguments) {
    std::error_code ec;
    if (argument != "-" && is_glob(argument)) {
      set.several = true;
      for (const std::string& path : expand_glob(argument, run)) add(path);
    } else if (argument != "-" && fs::is_directory(argument, ec)) {
      set.several = true;
      for (const std::string& path : expand_folder(argument, run)) add(path);
    } else {
      add(argument);
    }
  }
  std::sort(set.paths.begin(), set.paths.end());
  return set;
}

}  // namespace curate
