#pragma once
// --fix for redirected-link and repo-moved: writes the URL a permanent
// redirect or a moved repository leads to in place of the old one, in the
// entries and prose links that carry it, and proves by re-parsing that
// nothing else changed.

#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/io/source.hpp"

namespace curate {

// Replace `from` (as written) by `to` in the first paragraph of the item
// whose list marker is on `line`; with `last_line`, in lines
// [line, last_line] (a link in prose).
struct UrlRewrite {
  int line = 0;
  std::string from;
  std::string to;
  int last_line = 0;
};

struct [[nodiscard]] RewriteResult {
  std::string text;  // the new source text (LF, no BOM: pass through restore_layout)
  size_t applied = 0;
  std::vector<UrlRewrite> skipped;  // written in a form we do not rewrite (escapes, entities)
};

// Applies `rewrites` to `source`. The result is re-parsed: every entry must
// keep its title and fields, and its links may change only as the rewrites
// say; otherwise throws curate::Error and nothing should be written.
RewriteResult rewrite_urls(const SourceFile& source, const Catalog& catalog, const Config& config,
                           const std::vector<UrlRewrite>& rewrites);

}  // namespace curate
