#pragma once
// Helpers the entry rules and --fix share: finding an entry's metadata link
// and reading its fields, dates. Internal to curate_core.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"

namespace curate {

// The ';'-separated fields of a metadata link's text; empty when the text
// names a format ("pdf", "[code]") rather than metadata.
std::vector<std::string_view> metadata_fields(const LinkInfo& link);

// The metadata text with every comma-separated group of dates and kinds
// split into fields: "Google; Blog & Paper; 2021-05".
std::string semicolon_metadata(const LinkInfo& link, const KindTable& kinds);

// True for text that is meant as a date but is not in YYYY[-MM[-DD]] shape:
// "2021-5", "2021/05/03", "03.05.2021".
bool looks_like_date(std::string_view text);

// A cheap pre-check for looks_like_date over a whole metadata text: false
// when no field can be a date written in another shape.
bool may_hold_date(std::string_view text);

// The position of `needle` on the line of `from`, at or after its column;
// `from` itself when absent.
SourcePos locate_in_line(const LintContext& context, SourcePos from, const std::string& needle);

}  // namespace curate
