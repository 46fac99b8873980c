// validate --format junit (lint/output.hpp format_lint_junit). The shape is
// the one Ant's junitreport wrote and CI servers read; tests/data/junit.xsd
// holds it, and the test suite validates the output against it.
#include <map>

#include <fmt/format.h>

#include "curate/lint/output.hpp"

namespace curate {
namespace {

// XML text and attribute values: the five special characters, and control
// characters XML 1.0 cannot hold at all (dropped).
std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

// One file: a <testsuite> with a failing <testcase> per finding, or one
// passing <testcase> when it is clean.
void write_suite(std::string& out, const std::string& file, const std::vector<const Diagnostic*>& found) {
  std::string name = xml_escape(file);
  out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", name,
                     found.empty() ? 1 : found.size(), found.size());
  if (found.empty()) out += fmt::format("    <testcase classname=\"{}\" name=\"curate validate\"/>\n", name);
  for (const Diagnostic* d : found) {
    const char* severity = severity_name(d->severity);
    std::string message = xml_escape(d->message);
    out += fmt::format("    <testcase classname=\"{}\" name=\"{}:{} {}\">\n", name, d->begin.line, d->begin.column,
                       xml_escape(d->rule));
    out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}:{}:{}: {}: {} [{}]</failure>\n", message, severity,
                       name, d->begin.line, d->begin.column, severity, message, xml_escape(d->rule));
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n";
}

}  // namespace

std::string format_lint_junit(const std::vector<Diagnostic>& diagnostics, const LintOutputOptions& options) {
  std::map<std::string, std::vector<const Diagnostic*>> files;  // by name: deterministic
  for (const auto& [file, text] : options.sources) files[file];
  for (const Diagnostic& d : diagnostics) files[d.file].push_back(&d);
  size_t tests = 0;
  for (const auto& [file, found] : files) tests += found.empty() ? 1 : found.size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"curate validate\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests,
                     diagnostics.size());
  for (const auto& [file, found] : files) write_suite(out, file, found);
  return out + "</testsuites>\n";
}

}  // namespace curate
