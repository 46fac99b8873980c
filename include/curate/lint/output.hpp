#pragma once
// The output formats of `curate validate` (docs/validate.md "Output"):
// text, json, GitHub workflow commands, SARIF 2.1.0 and JUnit XML. Pure
// functions from diagnostics to the bytes to print.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "curate/lint/diagnostic.hpp"
#include "curate/lint/lint.hpp"

namespace curate {

enum class LintFormat { text, json, github, sarif, junit };

// "text", "json", "github", "sarif", "junit"; throws curate::Error for anything else.
LintFormat parse_lint_format(std::string_view name);

struct LintOutputOptions {
  bool color = false;          // ANSI colours in text output
  int files = 1;               // how many files were checked, for the text summary
  bool clean_summary = false;  // text: a summary line even without findings (a terminal's reader wants one)
  // The folder github and sarif locations are relative to (absolute); empty:
  // paths are printed as given.
  std::string root;
  // Each file's text (LF-only), so SARIF columns can be given in UTF-16 code
  // units as the format expects; without it byte columns are printed.
  std::map<std::string, std::string> sources;
};

// `file:line:col: severity: message [rule]` lines, then one summary line;
// without diagnostics nothing at all, or with `clean_summary` one line that
// says how many files were clean.
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

// A JUnit XML report (the <testsuites> format Jenkins, GitLab and most CI
// read): one <testsuite> per file of `options.sources` and of the
// diagnostics, a failing <testcase> per finding (warnings too: the failure's
// type says which), and one passing <testcase> for a clean file.
std::string format_lint_junit(const std::vector<Diagnostic>& diagnostics, const LintOutputOptions& options);

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
