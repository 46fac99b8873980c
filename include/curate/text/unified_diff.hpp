#pragma once
// Unified diffs of two texts (dtl does the line matching).

#include <string>
#include <string_view>

namespace curate {

// A unified diff ("--- old_name", "+++ new_name", "@@ … @@" hunks with three
// lines of context) from `before` to `after`, compared line by line; "" when
// they are equal. A text whose last line has no newline is compared as if
// it had one.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& old_name,
                         const std::string& new_name);

}  // namespace curate
