#pragma once
// `curate validate --fix` (docs/validate.md "Fixes"): applies the fixable
// findings of one file and proves that nothing else changed.

#include <string>
#include <vector>

#include "curate/catalog/config.hpp"
#include "curate/io/source.hpp"
#include "curate/lint/lint.hpp"

namespace curate {

struct [[nodiscard]] FixResult {
  std::string text;         // the fixed text (LF-only, no BOM: SourceFile::text's shape)
  int applied = 0;          // findings fixed by text edits
  bool formatted = false;   // the fmt emitter rewrote the layout
  int layout_findings = 0;  // the layout findings that made it run

  bool changed() const { return applied > 0 || formatted; }
  // "FILE: fixed …" for stderr; "" when nothing changed.
  std::string summary(const std::string& file) const;
};

// Fixes what `linter` reports for `source` (severities and suppressions
// apply: an off or suppressed finding is not fixed), only the findings of
// `rules` when it is not empty. Repairs of Markdown the parser read
// otherwise first (FixEffect::structure: glued lines, headings without their
// space, broken links; their net: every link and every entry's URL
// survives), then text fixes (tracking parameters, unique tag typos,
// metadata separators, …), then the fmt emitter when a layout finding
// remains. Each stage passes its safety
// net: the text fixes must leave every entry and link as it was except for
// the intended changes; the layout stage runs fmt's full net (entries, HTML,
// idempotence). Throws curate::Error naming the first difference otherwise;
// nothing is written by this function.
FixResult fix_file(const Linter& linter, const SourceFile& source, const Config& config,
                   const std::vector<std::string>& rules = {});

}  // namespace curate
