#include "curate/format/layout.hpp"

#include <array>
#include <map>
#include <set>
#include <string>

#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

template <typename Key>
Key dominant(const std::map<Key, int>& votes, Key fallback) {
  Key best = fallback;
  int most = 0;
  for (const auto& [key, count] : votes)
    if (count > most || (count == most && key == fallback)) best = key, most = count;
  return best;
}

// -2: tab, -1: under the text, N: N spaces right of the parent's marker.
int nesting_key(const Nesting& nest) {
  return nest.style == NestStyle::tab ? -2 : nest.style == NestStyle::under_text ? -1 : nest.spaces;
}

Nesting nesting_from_key(int key) {
  if (key == -2) return {NestStyle::tab, 2};
  if (key == -1) return {NestStyle::under_text, 2};
  return {NestStyle::spaces, key};
}

}  // namespace

Nesting nesting_of(const MarkerSample& sample) {
  if (sample.column == sample.parent_content_column) return {NestStyle::under_text, 2};
  if (sample.tab_indented) return {NestStyle::tab, 2};
  if (sample.column > sample.parent_column) return {NestStyle::spaces, sample.column - sample.parent_column};
  return {NestStyle::under_text, 2};
}

LayoutConventions dominant_layout(const std::vector<MarkerSample>& samples) {
  std::map<char, int> bullets;
  std::map<int, int> top_columns, nests;
  for (const MarkerSample& sample : samples) {
    if (sample.bullet) ++bullets[sample.bullet];
    if (!sample.nested && sample.column <= 3) ++top_columns[sample.column];
    if (sample.nested) ++nests[nesting_key(nesting_of(sample))];
  }
  return {dominant(bullets, '-'), dominant(top_columns, 0), nesting_from_key(dominant(nests, -1))};
}

ImposedLayout imposed_layout(const FmtSettings& settings) {
  ImposedLayout imposed;
  imposed.bullet = settings.bullet;
  imposed.top_indent = settings.top_indent;
  if (settings.indent)
    imposed.nest = nesting_from_key(*settings.indent == "tab"    ? -2
                                    : *settings.indent == "text" ? -1
                                                                 : std::stoi(*settings.indent));
  return imposed;
}

int nested_column(const Nesting& nest, int parent_column, int parent_content_column, bool& tab) {
  tab = false;
  // A nested marker must stand at the parent's text or up to three columns
  // right of it, or it would not nest (or would open indented code).
  auto nests = [&](int column) { return column >= parent_content_column && column <= parent_content_column + 3; };
  if (nest.style == NestStyle::tab) {
    int column = parent_column + 4 - parent_column % 4;
    // A tab that lands on the parent's text reads back as "under the text"
    // (nesting_of), written with spaces: so it is written so at once (fuzz
    // finding 20: "*   a" / "→- b" once "* a" took its list's three spaces).
    if (nests(column) && column != parent_content_column) {
      tab = true;
      return column;
    }
  } else if (nest.style == NestStyle::spaces && nests(parent_column + nest.spaces)) {
    return parent_column + nest.spaces;
  }
  return parent_content_column;
}

HeadingGaps heading_gaps(std::string_view text, const std::vector<std::pair<int, int>>& headings) {
  LineIndex lines(text);
  std::map<int, int> before, between, after;
  int count = static_cast<int>(lines.line_count());
  auto line_at = [&](int number) { return lines.line_text(text, number); };
  std::set<int> heading_starts, heading_ends;  // with the comments over and under them
  for (auto [first, last] : headings)
    heading_starts.insert(heading_top(first, line_at)), heading_ends.insert(heading_bottom(last, count, line_at));
  for (auto [heading, last] : headings) {
    int first = heading_top(heading, line_at), blanks = 0;
    while (first - blanks - 1 >= 1 && is_blank(lines.line_text(text, first - blanks - 1))) ++blanks;
    if (first - blanks > 1) ++(heading_ends.count(first - blanks - 1) ? between : before)[std::min(blanks, 2)];
    int bottom = heading_bottom(last, count, line_at), next = bottom + 1;
    while (next <= count && is_blank(lines.line_text(text, next))) ++next;
    if (bottom < count && !heading_starts.count(next)) ++after[is_blank(lines.line_text(text, bottom + 1)) ? 1 : 0];
  }
  // Leaving no blank line is a habit only when several headings show it,
  // and more of them than leave one or two: under that habit fmt writes two
  // blank lines as one, so weighing none against one and two apart would let
  // a first pass turn the habit over for the second (fuzz finding 15).
  // A heading right under another has a habit of its own (free-programming-
  // books leaves two blank lines before a heading, one between "### 0 -
  // 言語非依存" and the "####" under it); with no other heading, the pairs
  // give the "before" habit too.
  constexpr int k_habit = 3;
  // Headings stacked with no blank line between them (Awesome-Transformer-
  // Attention's "## Image Classification" over "### Replace Conv w/
  // Attention" over "#### Pure Attention", six pairs of six) are a habit of
  // the pairs when at least three pairs show it and more than leave a gap.
  int stacked = between.count(0) ? between[0] : 0;
  int spaced = (between.count(1) ? between[1] : 0) + (between.count(2) ? between[2] : 0);
  between.erase(0);
  std::map<int, int>& votes = before.empty() ? between : before;
  int none = votes.count(0) ? votes[0] : 0;
  int some = (votes.count(1) ? votes[1] : 0) + (votes.count(2) ? votes[2] : 0);
  // Neither one nor two blank lines before two thirds of the headings, and
  // each before three at least: no habit, each heading keeps its own (a heading with none gets one, and
  // counts as one here, so a second pass decides alike).
  auto habit = [&](std::map<int, int>& counts, int fallback) {
    int one = (counts.count(0) ? counts[0] : 0) + (counts.count(1) ? counts[1] : 0);
    int two = counts.count(2) ? counts[2] : 0;
    if (one >= k_habit && two >= k_habit && std::max(one, two) * 3 < (one + two) * 2) return HeadingGaps::k_as_written;
    counts.erase(0);
    return dominant(counts, fallback);
  };
  HeadingGaps gaps;
  if (none >= k_habit && none > some) {
    gaps.before = 0;
  } else {
    gaps.before = habit(votes, 1);
  }
  gaps.between = gaps.before == 0 || (stacked >= k_habit && stacked > spaced)
                     ? 0
                     : habit(between, gaps.before == HeadingGaps::k_as_written ? 1 : gaps.before);
  if (after[0] < k_habit) after.erase(0);
  gaps.after = dominant(after, 1) > 0;
  return gaps;
}

char list_bullet(char imposed, char own, char previous_adjacent) {
  if (previous_adjacent != imposed) return imposed;
  if (own && own != previous_adjacent) return own;
  for (char bullet : std::array<char, 3>{'-', '*', '+'})
    if (bullet != previous_adjacent) return bullet;
  return imposed;
}

}  // namespace curate
