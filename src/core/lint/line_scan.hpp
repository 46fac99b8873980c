#pragma once
// Reading Markdown source a line at a time, for the rules that look at what
// the parser could not read as intended (broken link syntax, glued lines):
// which bytes are code spans, where a marker's text starts (text.hpp
// says which characters are escaped and where brackets close). Internal to
// curate_core.

#include <string_view>
#include <vector>

#include "curate/text/text.hpp"  // is_escaped and matching_bracket, which these rules use with the helpers here

namespace curate {

// For each byte of `line`, whether it lies inside a code span (between
// matching backtick runs on this line; an unmatched run is literal text).
std::vector<bool> code_span_mask(std::string_view line);

// The column (0-based, in bytes) where an item's text starts on its marker
// line: after the marker at byte `marker` and the spaces that follow it.
size_t content_column(std::string_view line, size_t marker);

}  // namespace curate
