#pragma once
// The output formats of `curate validate` (docs/validate.md "Output"):
// text, json, GitHub workflow commands and SARIF 2.1.0. Pure functions from
// diagnostics to the bytes to print.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "curate/lint/diagnostic.hpp"
#include "curate/lint/lint.hpp"

namespace curate {

enum class LintFormat { text, json, github, sarif };

// "text", "json", "github", "sarif"; throws curate::Error for anything else.
LintFormat parse_lint_format(std::string_view name);

struct LintOutputOptions {
  bool color = false;  // ANSI colours in text output
  int files = 1;       // how many files were checked, for the text summary
  // The folder github and sarif locations are relative to (absolute); empty:
  // paths are printed as given.
  std::string root;
  // Each file's text (LF-only), so SARIF columns can be given in UTF-16 code
  // units as the format expects; without it byte columns are printed.
  std::map<std::string, std::string> sources;
};

// `file:line:col: severity: message [rule]` lines, then one summary line;
// nothing at all when there are no diagnostics.
std::string format_lint_text(const std::vector<Diagnostic>& diagnostics, const LintOutputOptions& options);

// A JSON array of {file, line, column, endLine, endColumn, rule, severity,
// message, fixable}.
std::string format_lint_json(const std::vector<Diagnostic>& diagnostics);

// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`
// lines (::warning for warnings), escaped as GitHub's toolkit does.
std::string format_lint_github(const std::vector<Diagnostic>& diagnostics, const LintOutputOptions& options);

// A SARIF 2.1.0 log with one run: every registered rule in
// tool.driver.rules, one result per diagnostic.
std::string format_lint_sarif(const std::vector<Diagnostic>& diagnostics, const RuleRegistry& registry,
                              const LintOutputOptions& options);

std::string format_lint(LintFormat format, const std::vector<Diagnostic>& diagnostics, const RuleRegistry& registry,
                        const LintOutputOptions& options);

// GitHub workflow-command escaping: data escapes %, CR and LF; a property
// value also escapes ':' and ','.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// `file` relative to `root` with '/' separators when it lies below it;
// otherwise `file` as given.
std::string path_relative_to(const std::string& file, const std::string& root);

// The nearest folder at or above `start` that holds a .git entry, or "".
std::string find_repository_root(const std::string& start);

}  // namespace curate
