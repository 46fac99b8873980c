#pragma once
// Small string helpers shared by the core (ASCII-only case folding: list
// syntax is ASCII, and titles are compared as written otherwise).

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace curate {

// Whitespace as std::isspace reads it in the "C" locale: space, \t, \n, \v, \f, \r.
inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// ASCII lower case (std::tolower in the "C" locale), without a call per byte.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// Without the whitespace at either end. Inline: the entry grammar and the
// checks trim hundreds of thousands of short views.
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}
std::string to_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
// Whether `text` equals one of `words`, ignoring ASCII case.
inline bool iequals_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (iequals(text, word)) return true;
  return false;
}
// Case-insensitive (ASCII) substring test; an empty needle matches.
bool icontains(std::string_view haystack, std::string_view needle);
// Inline: most callers pass a literal, whose comparison then needs no call.
inline bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}
// starts_with, ignoring ASCII case: no lower-cased copy is made.
bool istarts_with(std::string_view text, std::string_view prefix);
inline bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}
// Splits on any of `separators`, trimming each part and dropping empty ones.
// split_trimmed without copies: views into `text`.
std::vector<std::string_view> split_trimmed_views(std::string_view text, std::string_view separators);
// Calls `visit` with each part split_trimmed_views gives, without building
// the vector; stops at the first part `visit` returns false for and
// returns false then (the matcher asks at every position a value may end).
template <typename Visit>
bool each_trimmed_view(std::string_view text, std::string_view separators, const Visit& visit) {
  // One separator: memchr. Several: a plain loop, as find_first_of calls
  // memchr on `separators` for every byte.
  auto next = [&](size_t from) {
    if (separators.size() == 1) return std::min(text.find(separators[0], from), text.size());
    for (size_t i = from; i < text.size(); ++i)
      for (char separator : separators)
        if (text[i] == separator) return i;
    return text.size();
  };
  for (size_t start = 0; start <= text.size();) {
    size_t end = next(start);
    std::string_view part = trim(text.substr(start, end - start));
    if (!part.empty() && !visit(part)) return false;
    start = end + 1;
  }
  return true;
}
std::vector<std::string> split_trimmed(std::string_view text, std::string_view separators);
// Collapses runs of ASCII whitespace to one space and trims.
std::string collapse_whitespace(std::string_view text);

// Text without markup tags, whitespace collapsed: Crossref titles carry
// <i>, <sub> and <scp>, HTML entries <b> ("<a href=…><b>GNU Bash</b></a>").
std::string without_tags(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);
// edit_distance(a, b) when it is below `bound`, else `bound`: stops as soon
// as the bound is certain. `row` is scratch space a caller may reuse.
size_t edit_distance_below(std::string_view a, std::string_view b, size_t bound, std::vector<size_t>& row);
// The candidate closest to `word` within a small distance, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// The one "did you mean" of every message: " (did you mean 'best'?)" with
// the closest candidate between `open` and `close`, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::string_view open = "'",
                         std::string_view close = "'");
// "1 list", "2 lists", "0 entries": the count with the noun in the form
// the count takes, for every message that counts.
// The text in single quotes, as messages name what they quote: 'intro'.
std::string single_quoted(std::string_view text);

std::string plural(long long count, std::string_view one, std::string_view many);
// True for a line (or text) of only spaces and tabs, the empty one included.
bool is_blank(std::string_view line);
// True for a setext heading's underline: a line of only "=" or only "-",
// blanks around it aside.
inline bool is_setext_underline(std::string_view line) {
  line = trim(line);
  return !line.empty() && (line.front() == '=' || line.front() == '-') &&
         line.find_first_not_of(line.front()) == std::string_view::npos;
}
// True when the character at `at` is escaped by an odd run of backslashes.
bool is_escaped(std::string_view text, size_t at);
// The offset of the bracket that closes the one at `open` ('[' or '('),
// counting nested pairs and skipping escaped ones; npos when it is not
// closed within `text`.
size_t matching_bracket(std::string_view text, size_t open);
// The offset just past the Markdown link `[text](url)` whose '[' is at
// `open`, brackets and parentheses counted in pairs; npos when no link
// opens there.
size_t markdown_link_end(std::string_view text, size_t open);

}  // namespace curate
