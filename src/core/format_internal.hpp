#pragma once
// Pieces of the formatter shared by its source files (not a public header).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog.hpp"
#include "curate/kinds.hpp"

namespace curate::format_detail {

// True for a line of only spaces and tabs.
bool is_blank(std::string_view line);

// `line` without trailing spaces and tabs.
std::string_view rstrip(std::string_view line);

// `line` with up to `columns` columns of leading indentation removed; the
// rest of its leading indentation is written as spaces (tabs count to the
// next multiple of 4 from where they stand in `line`).
std::string strip_indent(std::string_view line, int columns);

// For each of `lines` (one block's source lines), whether its line end lies
// inside a code span, where trailing spaces are content, not a line break.
std::vector<bool> line_ends_in_code_span(const std::vector<std::string_view>& lines);

// The house-style spacing of one entry line (the single-line first paragraph
// of a list item): runs of blanks outside code spans become one space, and a
// link text with ";" reads "A; kind; date". Returns `line` unchanged unless
// the entry's parsed fields stay identical.
std::string normalize_entry_line(std::string_view line, const KindTable& kinds);

// normalize_entry_line() over many lines, with one parse for all of them.
std::vector<std::string> normalize_entry_lines(const std::vector<std::string>& lines, const KindTable& kinds);

// The first field in which two items differ ("title: \"A\" vs \"B\""), or
// nullopt. Compares what check (a) of the safety net promises, children aside.
std::optional<std::string> first_item_difference(const Item& before, const Item& after);

}  // namespace curate::format_detail
