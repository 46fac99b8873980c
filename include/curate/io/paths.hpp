#pragma once
// The list files a command line names (docs/validate.md "Files, globs and
// directories"): files as given, directories and glob patterns expanded.

#include <string>
#include <vector>

namespace curate {

// Each argument in order: "-" and an existing file as given; a directory as
// the Markdown files (.md, .markdown) below it, hidden folders and
// node_modules skipped; otherwise a glob pattern (`*`, `?`, `[…]` within a
// path segment, `**` for any depth of folders, e.g. "docs/**/*.md"), as the
// files it matches. Expansions are sorted; a file named twice is kept once,
// in its first place. Throws curate::Error for a directory without Markdown
// and for a pattern that matches nothing; a plain name that does not exist is
// returned as given, for the reader to report.
std::vector<std::string> expand_list_arguments(const std::vector<std::string>& arguments);

}  // namespace curate
