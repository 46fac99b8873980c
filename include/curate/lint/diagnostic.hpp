#pragma once
// Findings: what validate rules (offline and link checks) report. Findings
// are data, never exceptions.

#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

enum class Severity { off, warning, error };

// What `validate --fix` changes for a fixable rule's finding, so the fix can
// predict the fixed list and prove that nothing else changed (lint/fix).
enum class FixEffect {
  text,    // the finding's TextEdit, which leaves every entry as it was
  url,     // the TextEdit replaces a URL: entries' url and links change with it
  tag,     // the TextEdit replaces a tag of the entry on the finding's line
  layout,  // no TextEdit: the fmt emitter rewrites the file's layout
  // the TextEdit repairs Markdown the parser read otherwise (a glued line, a
  // heading without its space, a broken link): entries may appear or gain a
  // URL, so the net asks that every link and every entry's URL survive
  structure,
};

// A rule's description for --list-rules, configuration and SARIF, and the
// flags that say how the engine treats it (never its id).
struct RuleInfo {
  std::string id;           // kebab-case, e.g. "missing-link"
  std::string description;  // one line
  Severity default_severity = Severity::error;
  bool fixable = false;
  std::string help;                        // a longer explanation (SARIF fullDescription/help)
  FixEffect fix_effect = FixEffect::text;  // when fixable
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
