// Display width by grapheme cluster (curate/text/display_width.hpp): what
// every aligned column of the CLI is measured with.
#include <catch2/catch.hpp>

#include <string>

#include "curate/text/display_width.hpp"

namespace {

using namespace curate;

TEST_CASE("ASCII text is one column per character") {
  CHECK(display_width("") == 0);
  CHECK(display_width("Deep Learning") == 13);
}

TEST_CASE("CJK characters and emoji take two columns") {
  CHECK(display_width("深度学习") == 8);
  CHECK(display_width("ＡＢ") == 4);  // fullwidth Latin
  CHECK(display_width("🚀 Rocket") == 9);
  CHECK(display_width("日本語 and 😀") == 13);
}

TEST_CASE("combining marks and joiners take no column of their own") {
  CHECK(display_width("e\xCC\x81t\xC3\xA9") == 3);  // e + U+0301, t, precomposed é
  CHECK(display_width("a\xE2\x80\x8B"
                      "b") == 2);  // zero-width space
}

TEST_CASE("an emoji sequence is one cluster of two columns") {
  CHECK(display_width("👨‍👩‍👧") == 2);        // family: emoji joined by U+200D
  CHECK(display_width("\xE2\x9D\xA4\xEF\xB8\x8F") == 2);  // ❤ + emoji selector U+FE0F
  CHECK(display_width("🇩🇪") == 2);                        // flag: two regional indicators
  CHECK(display_width("👍🏽") == 2);                  // skin-tone modifier
}

TEST_CASE("bytes that are not UTF-8 count one column each") {
  CHECK(display_width("a\xFF\xFE"
                      "b") == 4);
}

TEST_CASE("fit_width keeps text that fits and cuts the rest with an ellipsis") {
  CHECK(fit_width("Deep Learning", 13) == "Deep Learning");
  CHECK(fit_width("Deep Learning", 8) == "Deep Le…");
  CHECK(display_width(fit_width("Deep Learning", 8)) == 8);
  CHECK(fit_width("Deep", 1) == "…");
  CHECK(fit_width("Deep", 0).empty());
}

TEST_CASE("fit_width never splits a wide character or a cluster") {
  CHECK(fit_width("深度学习", 6) == "深度…");  // 5 columns: a third 2-column character would overflow
  CHECK(fit_width("深度学习", 5) == "深度…");
  CHECK(fit_width("e\xCC\x81"
                  "abc",
                  2) == "e\xCC\x81…");
  CHECK(fit_width("a👨‍👩‍👧b", 3) == "a…");
}

TEST_CASE("pad_width pads to a width in columns, not bytes") {
  CHECK(pad_width("深度", 6) == "深度  ");
  CHECK(pad_width("é", 3) == "é  ");
  CHECK(pad_width("wider than", 4) == "wider than");
}

TEST_CASE("code_points decodes UTF-8 and keeps a stray byte as itself") {
  CHECK(code_points("aé深🚀") == std::u32string{U'a', U'\u00E9', U'\u6DF1', U'\U0001F680'});
  CHECK(code_points("a\xFF") == std::u32string{U'a', char32_t{0xFF}});
}

TEST_CASE("fold_case folds Unicode case for comparisons") {
  CHECK(fold_case("Computer Vision") == "computer vision");
  CHECK(fold_case("ÜBER") == fold_case("über"));
  CHECK(fold_case("Straße") == "strasse");
  CHECK(fold_case("a\xFF") == "a\xFF");
}

}  // namespace
