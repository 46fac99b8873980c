#pragma once
// Naming several list files at once (DESIGN.md "Several files"): file
// paths, globs and directories, expanded without a shell, leaving out what
// .gitignore ignores. Rules and reasons: docs/cli.md "Several files".

#include <string>
#include <string_view>
#include <vector>

#include "curate/io/process.hpp"

namespace curate {

// True when `argument` is meant as a glob: it holds '*', '?' or '[' and no
// file of that very name exists.
bool is_glob(std::string_view argument);

// True when the '/'-separated `path` matches the glob `pattern` whole.
// Within one part, '*', '?' and '[…]' work as in the shell (fnmatch); a
// part that is exactly "**" matches any number of parts, none included.
// With `hidden` false, as in the shell, a wildcard never matches a name that
// starts with '.' (".github" is matched only by a part written ".github" or
// ".*") and "**" never enters such a folder.
bool glob_matches(std::string_view pattern, std::string_view path, bool hidden = false);

// The patterns of .gitignore files, read without git: for folders outside
// any git work tree (an unpacked archive), where `git ls-files` cannot
// answer. Blank lines and '#' comments are skipped; "!" re-includes; a
// trailing '/' matches folders only; a pattern with a '/' before its end is
// anchored to its .gitignore's folder, one without matches a name at any
// depth; '*', '?', '[…]' and "**" as in glob_matches. A deeper .gitignore
// decides before a shallower one; within one file the last match wins.
class IgnoreRules {
 public:
  // Adds the patterns of a .gitignore whose folder is `folder`, relative to
  // the walk's root ("" for the root itself), one pattern a line.
  void add_file(const std::string& folder, std::string_view text);
  // Whether `path` (relative to the root, '/'-separated) is ignored.
  bool ignored(std::string_view path, bool is_folder) const;

 private:
  struct Pattern {
    std::string folder;  // where its .gitignore is
    std::string glob;    // relative to `folder`
    bool negated = false;
    bool folders_only = false;
  };
  std::vector<Pattern> m_patterns;  // files in the order added: shallower first
};

// Files found under `folder`, relative to it ('/'-separated, sorted), that
// git does not ignore: `git ls-files --cached --others --exclude-standard`
// run in the folder (tracked files, and untracked ones no exclude file
// names), through `run`. Outside a git work tree, or without git, the
// folder is walked and its .gitignore files read with IgnoreRules. The
// ".git" folder is never entered; files listed but gone are left out.
std::vector<std::string> unignored_files(const std::string& folder, const ProcessRunner& run = run_process);

// What a set of FILE arguments names.
struct [[nodiscard]] FileSet {
  std::vector<std::string> paths;  // sorted by path, each once
  bool several = false;            // named as a set: more than one argument, a folder or a glob
};

// True for the names curate reads as Markdown in a folder: *.md and
// *.markdown, in any case.
bool is_markdown_name(std::string_view name);

// Expands FILE arguments: a file (or "-", standard input) stays as named,
// even when missing, so reading it says what is wrong; a folder gives the
// Markdown files below it; a glob the files it matches (paths relative to
// the working directory, or absolute when written so). Folders and globs
// leave out what git ignores (unignored_files) and hidden files and
// folders ('.'-names) unless a glob part names them. Throws curate::Error
// for a folder without a Markdown file and a glob that matches nothing.
FileSet expand_file_arguments(const std::vector<std::string>& arguments, const ProcessRunner& run = run_process);

}  // namespace curate
