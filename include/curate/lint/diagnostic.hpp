#pragma once
// Findings: what validate rules (offline and link checks) report. Findings
// are data, never exceptions.

#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

enum class Severity { off, warning, error };

// A rule's description for --list-rules, configuration and SARIF.
struct RuleInfo {
  std::string id;           // kebab-case, e.g. "missing-link"
  std::string description;  // one line
  Severity default_severity = Severity::error;
  bool fixable = false;
  std::string help;  // a longer explanation (SARIF fullDescription/help)
};

// One finding at a place in a file (1-based line and column; `end` is the
// last position the finding covers, equal to `begin` when unknown).
struct Diagnostic {
  std::string file;
  SourcePos begin;
  SourcePos end;
  std::string rule;
  Severity severity = Severity::error;
  std::string message;
  bool fixable = false;
};

// "error", "warning", "off".
const char* severity_name(Severity severity);

}  // namespace curate
