#pragma once
// How much room text takes in a terminal, Unicode case folding and UTF-8
// decoding: the one home of each (built on libutf8proc), for every column
// the CLI aligns, every name it compares without regard to case, and every
// writer that escapes code points.

#include <cstddef>
#include <string>
#include <string_view>

namespace curate {

// Terminal columns of UTF-8 `text`, counted per grapheme cluster (what a
// reader sees as one character): 2 for East Asian wide and fullwidth
// characters and emoji (also a text symbol followed by the emoji selector
// U+FE0F, and a flag of two regional indicators), 0 for a cluster of only
// zero-width code points (combining marks, joiners, controls), else 1.
// A byte that is not valid UTF-8 counts as one column.
size_t display_width(std::string_view text);

// `text` when it fits in `width` columns; else its longest prefix of whole
// clusters that fits in `width - 1` columns, followed by "…".
std::string fit_width(std::string_view text, size_t width);

// `text` followed by spaces up to `width` columns (unchanged when wider).
std::string pad_width(std::string_view text, size_t width);

// The code points of UTF-8 `text`; a byte that is not valid UTF-8 stands
// for itself (U+0080 to U+00FF), so nothing is dropped.
std::u32string code_points(std::string_view text);

// `text` with Unicode case folding applied ("Über" and "über" fold alike;
// "Straße" folds to "strasse"), for case-insensitive comparisons of names.
// Invalid UTF-8 is returned as it is, ASCII-lowercased.
std::string fold_case(std::string_view text);

}  // namespace curate
