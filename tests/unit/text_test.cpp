// The string helpers of curate/text.hpp, chiefly the bounded edit distance
// behind "did you mean" suggestions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "curate/catalog/kinds.hpp"
#include "curate/lint/lint.hpp"
#include "curate/text/text.hpp"

namespace {

using namespace curate;

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Full-matrix Levenshtein distance (ASCII case folded): the reference the
// bounded version must agree with.
size_t reference_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1)});
  return d[a.size()][b.size()];
}

// closest_match as first written: the full distance to every candidate.
std::string reference_closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    size_t d = reference_distance(word, candidate);
    if (d < best_distance || (icontains(candidate, word) && word.size() >= 3 && best.empty())) {
      best_distance = std::min(d, best_distance);
      best = candidate;
    }
  }
  return best;
}

// Random words over a small alphabet (so near misses and substrings are
// common), sometimes upper-cased, sometimes a mutation of `base`.
class WordMaker {
 public:
  explicit WordMaker(unsigned seed) : m_random(seed) {}

  std::string word(size_t max_length) {
    std::string out(pick(max_length + 1), ' ');
    for (char& c : out) c = letter();
    return out;
  }

  std::string mutation(const std::string& base) {
    std::string out = base;
    for (size_t edits = pick(5); edits > 0; --edits) {
      size_t at = out.empty() ? 0 : pick(out.size());
      switch (pick(4)) {
        case 0:
          out.insert(out.begin() + static_cast<long>(at), letter());
          break;
        case 1:
          if (!out.empty()) out.erase(at, 1);
          break;
        case 2:
          if (!out.empty()) out[at] = letter();
          break;
        default:
          if (!out.empty()) out[at] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[at])));
          break;
      }
    }
    return out;
  }

  size_t pick(size_t below) { return std::uniform_int_distribution<size_t>(0, below - 1)(m_random); }

 private:
  char letter() { return "abcdeAB-1"[pick(9)]; }

  std::mt19937 m_random;
};

TEST_CASE("edit_distance_below equals the full distance below the bound and the bound otherwise") {
  WordMaker maker(7);
  std::vector<size_t> row;
  for (int round = 0; round < 20000; ++round) {
    std::string a = maker.word(12), b = round % 2 ? maker.mutation(a) : maker.word(12);
    size_t full = reference_distance(a, b), bound = maker.pick(15);
    INFO(a << " / " << b << " bound " << bound);
    CHECK(edit_distance(a, b) == full);
    CHECK(edit_distance_below(a, b, bound, row) == std::min(full, bound));
  }
}

TEST_CASE("closest_match picks what the full-distance version picks, ties and substrings included") {
  WordMaker maker(11);
  int suggested = 0, by_substring = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string word = maker.word(14);
    std::vector<std::string> candidates;
    for (size_t n = maker.pick(30); n > 0; --n)
      candidates.push_back(maker.pick(3) == 0 ? maker.word(20) : maker.mutation(maker.pick(2) ? word : maker.word(14)));
    if (maker.pick(2) == 0)  // a candidate that contains the word, anywhere in the list
      candidates.insert(candidates.begin() + static_cast<long>(maker.pick(candidates.size() + 1)),
                        maker.word(4) + word + maker.word(8));
    if (maker.pick(8) == 0) candidates.insert(candidates.begin(), "");
    INFO("word " << word);
    std::string best = reference_closest(word, candidates);
    CHECK(closest_match(word, candidates) == best);
    suggested += !best.empty();
    by_substring += !best.empty() && reference_distance(word, best) > std::max<size_t>(2, word.size() / 3);
  }
  // The rounds exercise both ways a candidate is chosen.
  CHECK(suggested > 1000);
  CHECK(by_substring > 50);
}

TEST_CASE("closest_match suggests like before for rule ids and heading slugs") {
  std::vector<std::string> rules = builtin_rules().ids();
  std::vector<std::string> slugs = {"contents",
                                    "section-1-robust-large-small",
                                    "section-2-modern-vision",
                                    "big-data",
                                    "big-data-1",
                                    "machine-learning",
                                    "deep-learning",
                                    "natural-language-processing",
                                    "computer-vision",
                                    "user-content-faq",
                                    "faq",
                                    "c",
                                    "go",
                                    "section-10",
                                    "section-11"};
  std::vector<std::string> words = {"local-anchr",
                                    "bad-urls",
                                    "tracking",
                                    "trailing-whitespaces",
                                    "dup",
                                    "big-dta",
                                    "bigdata",
                                    "section-1",
                                    "section-1-robust",
                                    "learning",
                                    "machine",
                                    "vision",
                                    "FAQ",
                                    "c++",
                                    "g",
                                    "",
                                    "Big-Data-2",
                                    "sectoin-10"};
  for (const auto* candidates : {&rules, &slugs})
    for (const std::string& word : words) {
      INFO(word);
      CHECK(closest_match(word, *candidates) == reference_closest(word, *candidates));
    }
  CHECK(closest_match("big-dta", slugs) == "big-data");
  CHECK(closest_match("local-anchr", rules) == "local-anchor");
}

}  // namespace

TEST_CASE("plural puts the noun in the form its count takes") {
  CHECK(curate::plural(1, "list", "lists") == "1 list");
  CHECK(curate::plural(0, "entry", "entries") == "0 entries");
  CHECK(curate::plural(2, "layout finding", "layout findings") == "2 layout findings");
}

TEST_CASE("is_space and ascii_lower read every byte as std::isspace and std::tolower do in the C locale") {
  for (int byte = 0; byte < 256; ++byte) {
    INFO("byte " << byte);
    char c = static_cast<char>(byte);
    CHECK(is_space(c) == (byte < 128 && std::isspace(byte) != 0));
    CHECK(ascii_lower(c) == (byte < 128 ? static_cast<char>(std::tolower(byte)) : c));
  }
}

TEST_CASE("collapse_whitespace gives single-spaced text back as it is and collapses everything else") {
  CHECK(collapse_whitespace("Anna Lee") == "Anna Lee");  // copied at once
  CHECK(collapse_whitespace("A") == "A");
  CHECK(collapse_whitespace("") == "");
  CHECK(collapse_whitespace("Anna  Lee") == "Anna Lee");
  CHECK(collapse_whitespace("Anna\tLee") == "Anna Lee");
  CHECK(collapse_whitespace("Anna \nLee") == "Anna Lee");
  CHECK(collapse_whitespace(" Anna Lee") == "Anna Lee");
  CHECK(collapse_whitespace("Anna Lee\t") == "Anna Lee");
  CHECK(collapse_whitespace("\v") == "");
}

TEST_CASE("ends_with_year: a year of the 1900s or 2000s closing the text, alone or after a blank") {
  CHECK(curate::ends_with_year("Rick Szeliski 2010"));
  CHECK(curate::ends_with_year("ICLR 2016"));
  CHECK(curate::ends_with_year("1998"));
  CHECK_FALSE(curate::ends_with_year("Vol. 1234"));
  CHECK_FALSE(curate::ends_with_year("arXiv:1505.2016"));
  CHECK_FALSE(curate::ends_with_year("201"));
}
