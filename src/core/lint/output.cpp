#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "curate/lint/output.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

std::string paint(const std::string& text, const char* code, bool color) {
  return color ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
}

std::string summary(const std::vector<Diagnostic>& diagnostics, int files) {
  DiagnosticCounts counts = count_diagnostics(diagnostics);
  std::string line = plural(counts.errors, "error", "errors") + " and " +
                     plural(counts.warnings, "warning", "warnings") + " in " + plural(files, "file", "files");
  if (counts.fixable) line += " (" + std::to_string(counts.fixable) + " fixable with --fix)";
  return line + "\n";
}

}  // namespace

LintFormat parse_lint_format(std::string_view name) {
  if (name == "text") return LintFormat::text;
  if (name == "json") return LintFormat::json;
  if (name == "github") return LintFormat::github;
  if (name == "sarif") return LintFormat::sarif;
  if (name == "junit") return LintFormat::junit;
  throw Error("unknown output format '" + std::string(name) + "' (use text, json, github, sarif or junit)");
}

std::string format_lint_text(const std::vector<Diagnostic>& diagnostics, const LintOutputOptions& options) {
  if (diagnostics.empty())
    return options.clean_summary ? "no errors or warnings in " + plural(options.files, "file", "files") + "\n" : "";
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    bool error = d.severity == Severity::error;
    out += paint(fmt::format("{}:{}:{}:", d.file, d.begin.line, d.begin.column), "1", options.color) + " " +
           paint(std::string(severity_name(d.severity)) + ":", error ? "31" : "33", options.color) + " " + d.message +
           " " + paint("[" + d.rule + "]", "2", options.color) + "\n";
  }
  return out + summary(diagnostics, options.files);
}

std::string format_lint_json(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    array.push_back({{"file", d.file},
                     {"line", d.begin.line},
                     {"column", d.begin.column},
                     {"endLine", d.end.line},
                     {"endColumn", d.end.column},
                     {"rule", d.rule},
                     {"severity", severity_name(d.severity)},
                     {"message", d.message},
                     {"fixable", d.fixable}});
  }
  return array.dump(2) + "\n";
}

std::string github_escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  for (char c : github_escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string format_lint_github(const std::vector<Diagnostic>& diagnostics, const LintOutputOptions& options) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    std::string file = options.root.empty() ? d.file : path_relative_to(d.file, options.root);
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       d.severity == Severity::error ? "error" : "warning", github_escape_property(file), d.begin.line,
                       d.begin.column, d.end.line, d.end.column, github_escape_property(d.rule),
                       github_escape_data(d.message));
  }
  return out;
}

std::string format_lint(LintFormat format, const std::vector<Diagnostic>& diagnostics, const RuleRegistry& registry,
                        const LintOutputOptions& options) {
  switch (format) {
    case LintFormat::json:
      return format_lint_json(diagnostics);
    case LintFormat::github:
      return format_lint_github(diagnostics, options);
    case LintFormat::sarif:
      return format_lint_sarif(diagnostics, registry, options);
    case LintFormat::junit:
      return format_lint_junit(diagnostics, options);
    case LintFormat::text:
      break;
  }
  return format_lint_text(diagnostics, options);
}

std::string path_relative_to(const std::string& file, const std::string& root) {
  namespace fs = std::filesystem;
  if (file == "-" || root.empty()) return file;
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec).lexically_normal();
  if (ec) return file;
  fs::path relative = absolute.lexically_relative(fs::path(root).lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return file;
  return relative.generic_string();
}

std::string find_repository_root(const std::string& start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (ec) return {};
  for (;;) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path() || dir.empty()) return {};
    dir = dir.parent_path();
  }
}

}  // namespace curate
