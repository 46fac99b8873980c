#include "curate/text/text.hpp"

#include <algorithm>
#include <numeric>

namespace curate {
std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool icontains(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
  return it != haystack.end() || needle.empty();
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

std::vector<std::string_view> split_trimmed_views(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  each_trimmed_view(text, separators, [&](std::string_view part) {
    parts.push_back(part);
    return true;
  });
  return parts;
}

std::vector<std::string> split_trimmed(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> views = split_trimmed_views(text, separators);
  return {views.begin(), views.end()};
}

std::string without_tags(std::string_view text) {
  std::string out;
  bool in_tag = false;
  for (char c : text) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return collapse_whitespace(out);
}

std::string collapse_whitespace(std::string_view text) {
  // Most text (a name, a title) has single spaces only: copied at once.
  bool single = std::adjacent_find(text.begin(), text.end(), [](char a, char b) {
                  return (a != ' ' && is_space(a)) || (a == ' ' && is_space(b));
                }) == text.end();
  if (single && !text.empty() && !is_space(text.front()) && !is_space(text.back())) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row;
  return edit_distance_below(a, b, std::max(a.size(), b.size()) + 1, row);
}

size_t edit_distance_below(std::string_view a, std::string_view b, size_t bound, std::vector<size_t>& row) {
  // The distance is at least the difference in length.
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) >= bound) return bound;
  row.resize(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] =
          std::min({row[j] + 1, row[j - 1] + 1, diagonal + (ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    // No cell of a later row is below this row's minimum.
    if (row_min >= bound) return bound;
  }
  return std::min(row[b.size()], bound);
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  std::vector<size_t> row;
  for (const auto& candidate : candidates) {
    // Only a distance below best_distance can change the answer, so the
    // bounded distance picks the same candidate as the full one.
    size_t d = edit_distance_below(word, candidate, best_distance, row);
    if (d < best_distance || (best.empty() && word.size() >= 3 && icontains(candidate, word))) {
      best_distance = std::min(d, best_distance);
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::string_view open,
                         std::string_view close) {
  std::string best = closest_match(word, candidates);
  if (best.empty()) return {};
  return " (did you mean " + std::string(open) + best + std::string(close) + "?)";
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::string single_quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

bool is_escaped(std::string_view text, size_t at) {
  size_t backslashes = 0;
  while (at > backslashes && text[at - backslashes - 1] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

size_t matching_bracket(std::string_view text, size_t open) {
  char opening = text[open];
  char closing = opening == '[' ? ']' : ')';
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if ((c != opening && c != closing) || is_escaped(text, i)) continue;  // the escape test only where it matters
    if (c == opening) ++depth;
    if (c == closing && --depth == 0) return i;
  }
  return std::string_view::npos;
}

size_t markdown_link_end(std::string_view text, size_t open) {
  if (open >= text.size() || text[open] != '[') return std::string_view::npos;
  size_t close = matching_bracket(text, open);
  if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '(')
    return std::string_view::npos;
  size_t end = matching_bracket(text, close + 1);
  return end == std::string_view::npos ? end : end + 1;
}

std::string plural(long long count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace curate
