// The canonical emitter and the safety net, one rule per test.
#include <catch2/catch.hpp>

#include "curate/format/format.hpp"
#include "curate/format/layout.hpp"
#include "curate/io/source.hpp"
#include "test_helpers.hpp"

using namespace curate;

namespace {

// fmt keeps what `before` renders and its entries, and a second pass
// changes nothing.
void check_safe_and_stable(const std::string& before) {
  INFO(before);
  std::string after = format_markdown(before);
  CHECK(check_format_safety(before, after).ok());
  CHECK(format_markdown(after) == after);
}

}  // namespace

TEST_CASE("a list keeps its bullet, its spaces after the marker, and nests where it nested") {
  // Under the parent's text: the list keeps its three spaces after the
  // marker (nlp-datasets writes every item so), the nested list its place.
  CHECK(format_markdown("*   a\n    + b\n") == "*   a\n    + b\n");
  // An item written otherwise takes the list's spaces, its text with them.
  CHECK(format_markdown("*   a\n* b\n  more\n") == "*   a\n*   b\n    more\n");
  // So does an item with a tab after its marker (a first pass that wrote one
  // space there left the second pass something to change).
  CHECK(format_markdown("*   a\n*\tb\n  more\n") == "*   a\n*   b\n    more\n");
  check_safe_and_stable("*   a\n*\tb\n  more\n");
  // Four columns right of the parent's marker, or a tab: kept.
  CHECK(format_markdown("* a\n    * b\n") == "* a\n    * b\n");
  CHECK(format_markdown("- a\n\t- b\n") == "- a\n\t- b\n");
  // A top-level list indented one to three columns keeps that indentation.
  CHECK(format_markdown("  * a\n    * b\n") == "  * a\n    * b\n");
}

TEST_CASE("a list's items take the spaces after the marker most of them have, the first on a tie") {
  // every-programmer-should-know: "-  📖 [Hello Algo](…)" over four "- [x](…)".
  CHECK(format_markdown("-  a\n- b\n- c\n") == "- a\n- b\n- c\n");
  CHECK(format_markdown("1. a\n2.\tb\n3.\tc\n") == "1.\ta\n2.\tb\n3.\tc\n");
  // "1." to "9." vote, "10." and later keep their text column.
  std::string ordered;
  for (int n = 1; n <= 12; ++n) ordered += std::to_string(n) + ". x\n";
  CHECK(format_markdown(ordered) == ordered);
  // Wider markers keep the spaces most of them have: awesome-deep-learning
  // writes two spaces after "9." and after "10.", "11.", and one after "12.".
  CHECK(format_markdown("9.  a\n10.  b\n11.  c\n12. d\n") == "9.  a\n10.  b\n11.  c\n12.  d\n");
  CHECK(format_markdown("9.  a\n10. b\n") == "9.  a\n10. b\n");
  check_safe_and_stable("9.  a\n10.  b\n11.  c\n12. d\n");
  check_safe_and_stable("-  a\n  more\n- b\n- c\n");
}

TEST_CASE("the items of one list follow its first item's indentation") {
  CHECK(format_markdown("- a\n\n - b\n   - c\n") == "- a\n\n- b\n  - c\n");
}

TEST_CASE("a bullet list right after another bullet list keeps its own bullet") {
  CHECK(format_markdown("- a\n\n* b\n") == "- a\n\n* b\n");
  CHECK(format_markdown("* a\n\n+ b\n") == "* a\n\n+ b\n");
}

TEST_CASE(".curate.json fmt settings impose a bullet and a nesting, keeping adjacent lists apart") {
  FmtSettings settings;
  settings.bullet = '-';
  settings.indent = "4";
  CHECK(format_markdown("* a\n  * b\n\n+ c\n", KindTable{}, settings) == "- a\n    - b\n\n+ c\n");
  settings.indent = "tab";
  CHECK(format_markdown("* a\n  * b\n", KindTable{}, settings) == "- a\n\t- b\n");
  settings = {};
  settings.top_indent = 0;
  CHECK(format_markdown("  * a\n", KindTable{}, settings) == "* a\n");
}

TEST_CASE("a file that leaves two blank lines before its headings keeps them") {
  std::string two = "# T\n\n\n## A\n\n- a\n\n\n## B\n\n- b\n";
  CHECK(format_markdown(two) == two);
  CHECK(format_markdown("# T\n\nintro\n\n## A\n\n- a\n\n\n\n## B\n\ntext\n\n\ntext\n") ==
        "# T\n\nintro\n\n## A\n\n- a\n\n## B\n\ntext\n\ntext\n");
}

TEST_CASE("a file with no habit of blank lines before its headings keeps each heading's") {
  // mahseema/awesome-ai-tools leaves one blank line before 18 headings and
  // two before 20: fmt rewrote 29 gaps one way.
  std::string text =
      "# T\n\n## A\n\n- a\n\n## B\n\n- b\n\n## C\n\n- c\n\n## D\n\n- d\n\n\n## E\n\n- e\n\n\n"
      "## F\n\n- f\n\n\n\n## G\n- g\n";
  CHECK(heading_gaps(text, {{1, 1}, {3, 3}, {7, 7}, {11, 11}, {15, 15}, {20, 20}, {25, 25}, {31, 31}}).before ==
        HeadingGaps::k_as_written);
  CHECK(format_markdown(text) ==
        "# T\n\n## A\n\n- a\n\n## B\n\n- b\n\n## C\n\n- c\n\n## D\n\n- d\n\n\n## E\n\n- e\n\n\n"
        "## F\n\n- f\n\n\n## G\n\n- g\n");
  check_safe_and_stable(text);
  // One heading of each: too few to tell, the first count decides as before.
  CHECK(heading_gaps("# T\n\n## A\n\n## B\n\n\n## C\n", {{1, 1}, {3, 3}, {5, 5}, {8, 8}}).before == 1);
}

TEST_CASE("a heading right under another keeps the blank lines such pairs have") {
  // free-programming-books-ja: two blank lines before each heading, one
  // between "### 0 - 言語非依存" and the "####" right under it.
  std::string fpb = "# T\n\n* [A](#a)\n\n\n### 0 - X\n\n#### A\n\n* a\n\n\n#### B\n\n* b\n";
  CHECK(format_markdown(fpb) == fpb);
  CHECK(heading_gaps(fpb, {{1, 1}, {6, 6}, {8, 8}, {13, 13}}).before == 2);
  CHECK(heading_gaps(fpb, {{1, 1}, {6, 6}, {8, 8}, {13, 13}}).between == 1);
  check_safe_and_stable(fpb);
  // Pairs alone give the "before" habit as well.
  CHECK(heading_gaps("# T\n\n\n## A\n", {{1, 1}, {4, 4}}).before == 2);
}

TEST_CASE("headings stacked without a blank line stay stacked when most pairs are") {
  // cmhungsteve/Awesome-Transformer-Attention: "## Image Classification /
  // Backbone" over "### Replace Conv w/ Attention" over "#### Pure Attention".
  std::string stacked = "# T\n\n## A\n### B\n#### C\n\n* x\n\n## D\n### E\n\n* y\n";
  CHECK(format_markdown(stacked) == stacked);
  check_safe_and_stable(stacked);
  // Two pairs are no habit yet: a blank line between each.
  CHECK(format_markdown("# T\n\n## A\n### B\n\n* x\n\n## D\n### E\n\n* y\n") ==
        "# T\n\n## A\n\n### B\n\n* x\n\n## D\n\n### E\n\n* y\n");
}

TEST_CASE("front matter is copied byte for byte and never formatted") {
  std::string text = "---\ntitle:  My list  \ntags: [a, b]\n---\n\n# T\n\n*  [A](https://a.org)\n";
  CHECK(format_markdown(text) == "---\ntitle:  My list  \ntags: [a, b]\n---\n\n# T\n\n*  [A](https://a.org)\n");
  CHECK(check_format_safety(text, format_markdown(text)).ok());
}

TEST_CASE("ordered items keep their numbers and nest where they nested") {
  CHECK(format_markdown("1.  a\n    - b\n10. c\n     - d\n") == "1.  a\n    - b\n10. c\n     - d\n");
}

TEST_CASE("setext headings become ATX headings with one blank line around them") {
  CHECK(format_markdown("Title\n=====\ntext\n\nSub\n---\n") == "# Title\n\ntext\n\n## Sub\n");
  CHECK(format_markdown("Two\nlines\n---\n") == "## Two lines\n");
}

TEST_CASE("a tab-nested list under an item that takes its list's spaces is written with spaces") {
  // fuzz finding 20: "* b" becomes "*   b", and the tab before "- c" would
  // land on b's text, which a second pass reads as nesting under the text.
  std::string text = "*   a\n\n* b\n\t- c\n";
  CHECK(format_markdown(text) == "*   a\n\n*   b\n    - c\n");
  check_safe_and_stable(text);
}

TEST_CASE("a file that underlines its headings keeps them underlined") {
  // awesome-courses underlines its three level-2 headings.
  std::string text =
      "# Awesome Courses\n\nIntroduction\n------------\n\nText.\n\nTable of Contents\n-----\n\n- [a](#a)\n\n"
      "Courses\n  -------  \n\n- [CS 61C](https://cs61c.example/) - Great Ideas.\n";
  std::string after = format_markdown(text);
  CHECK(after ==
        "# Awesome Courses\n\nIntroduction\n------------\n\nText.\n\nTable of Contents\n-----\n\n- [a](#a)\n\n"
        "Courses\n-------\n\n- [CS 61C](https://cs61c.example/) - Great Ideas.\n");
  check_safe_and_stable(text);
  // fuzz finding 21: a heading of two lines stays underlined too, on one
  // line; turned into an ATX heading, it tipped the habit for a second pass.
  std::string two_lines = "# T\n\nIntro\n-----\n\nTable of C\nntents\n---\n\nCourses\n-------\n";
  CHECK(format_markdown(two_lines) == "# T\n\nIntro\n-----\n\nTable of C ntents\n---\n\nCourses\n-------\n");
  check_safe_and_stable(two_lines);
  // Two underlined headings are no habit yet: they become ATX headings.
  CHECK(format_markdown("A\n===\n\nB\n---\n") == "# A\n\n## B\n");
}

TEST_CASE("a file that closes its ATX headings keeps their closing hashes") {
  // awesome-c closes 55 of its 57 headings: "## AI ##".
  std::string text = "# Awesome C #\n\n## AI ##\n\n### Books  ###\n\n## C# ##\n\n## Open\n";
  CHECK(format_markdown(text) == "# Awesome C #\n\n## AI ##\n\n### Books ###\n\n## C# ##\n\n## Open\n");
  check_safe_and_stable(text);
  // Two closed headings are no habit: their hashes go.
  CHECK(format_markdown("# A #\n\n## B ##\n\n## C\n") == "# A\n\n## B\n\n## C\n");
  // Underlined headings fmt writes with '#' count as open ones, or a second
  // pass would count them so and drop the hashes (fuzz finding 31).
  check_safe_and_stable("## A ##\n\n## B ##\n\n## C ##\n\nD\n-\n\nE\n-\n\nF\n-\n");
  check_safe_and_stable("## A ##\n\n## B ##\n\n## C ##\n\n## ##\n\n## ##\n\n## ##\n\n## ##\n");
}

TEST_CASE("a file that writes its items' continuation lines at the margin keeps them there") {
  // thunlp's GNNPapers: "1. **Title.**" over "*Authors.* Venue. [paper](…)", 152 times.
  std::string text =
      "# Papers\n\n1. **Deep Sets.**\n*Manzil Zaheer.* NIPS 2017. [paper](https://arxiv.org/pdf/1703.06114.pdf)\n\n"
      "1. **Graph Attention Networks.**\n*Petar Velickovic.* ICLR 2018. [paper](https://example.com/gat.pdf)\n\n"
      "1. **Relational Deep Reinforcement Learning.**\n*Vinicius Zambaldi.* 2018. [paper](https://example.com/r.pdf)\n";
  CHECK(format_markdown(text) == text);
  check_safe_and_stable(text);
  // One such line is no habit: it is indented under the item's text.
  CHECK(format_markdown("- a\nb\n- c\n  d\n") == "- a\n  b\n- c\n  d\n");
  // A line that could start a block is indented past the item's text, habit or not.
  std::string blocky = "1. a\nb\n1. c\nd\n1. e\nf\n1. g\n- h\n";
  check_safe_and_stable(blocky);
  // Such lines count for no habit: indented, they would tip it on the
  // second pass (fuzz finding 30).
  check_safe_and_stable("- [A](#a)\n  - [B](./#b)\n2021A(\n| a | b |\n|---|\n| 1A | p\n");
  // Nor do lines left of the item's text but off the margin: fmt moves the
  // second list one column left, under "   —", which was lazy and is not
  // on the second pass (fuzz finding 32).
  check_safe_and_stable("> - *a*: b\n -* c\n - d\n  * [E](#e)\n   \u2014 f](#f)\ng, h\n");
  // With the habit, such a line stays where it is only while it is left of
  // the item's text as fmt writes it (fuzz finding 35).
  check_safe_and_stable("- T\n !  - A\n -* c*: d\n S  - \n - Cloud\n  * [E](#e)\n   \u2014 f](#f)");
}

TEST_CASE("a legend's tag written over a hard break keeps its name") {
  // fuzz finding 34: the name ran over "|  " and a line break; fmt wrote
  // the break as a backslash and the tag vocabulary changed.
  check_safe_and_stable("> - *intro)|\n|  \n| [Z](https://z.com/?a=b*: light, brief overview\n");
}

TEST_CASE("fenced code in an item whose lines open with a tab keeps its tabs") {
  // ps-wiki/best-of-ps (best-of-lists' generator): 139 fences were re-indented.
  std::string text =
      "- [GitHub](https://github.com/CURENT/andes) (27):\n\n\t```\n\tgit clone https://github.com/CURENT/andes\n"
      "\t```\n- [PyPi](https://pypi.org/project/andes):\n\t```\n\tpip install andes\n\t```\n";
  CHECK(format_markdown(text) == text);
  check_safe_and_stable(text);
  // A line of the code without the tab: re-indented as before.
  check_safe_and_stable("- [A](https://a.org):\n\t```\n  x\n\t```\n");
  check_safe_and_stable("1. [A](https://a.org):\n\t```\n\t  x\n\t```\n\n\tmore\n");
}

TEST_CASE("comments right over a heading's comment stay against it") {
  // doctoc writes two comments over its "## Table of Contents"
  // (charlax/engineering-management); fmt put a blank line between them.
  std::string text =
      "<!-- START doctoc -->\n<!-- DON'T EDIT -->\n## Table of Contents\n\n- [A](#a)\n\n<!-- END doctoc -->\n\n"
      "# List\n\n## A\n\n- [x](https://x.org)\n";
  CHECK(format_markdown(text) == text);
  check_safe_and_stable(text);
}

TEST_CASE("a list right before an indented code block stays as written") {
  // fuzz finding 33: "-   +" keeps "    - S" out of its item; written "- +"
  // it would take it in.
  std::string text = "- Tlili\n -   +\n    - S\n\n- List\n";
  CHECK(format_markdown(text) == text);
  check_safe_and_stable(text);
  check_safe_and_stable("- Tlili\n !\"  - A\n -   +\n    - S\n\n- List\n  +  COD tx\nt e   - T\n");
}

TEST_CASE("the habit of underlining is each level's") {
  // awesome-kubernetes underlines its level-1 headings, 17 of them, and
  // writes its level-2 headings with '#': both stay as they are.
  std::string text =
      "Awesome\n=======\n\nMenu\n====\n\n## Intro\n\nText.\n\nStart\n=====\n\n## Tools\n\n- [A](https://a.org) - A.\n\n"
      "## More\n\nText.\n\n## Last\n\nText.\n";
  CHECK(format_markdown(text) == text);
  check_safe_and_stable(text);
}

TEST_CASE("a setext heading with a two-space break after '*' stays as written") {
  // fuzz finding 22: after '*' the break stays two spaces (a backslash would
  // change the reading), so joining the lines would lose it.
  std::string text = "*\na **  \nb c\t*\n -\n";
  CHECK(format_markdown(text) == "*\n\na **  \nb c\t*\n -\n");
  check_safe_and_stable(text);
}

TEST_CASE("a setext heading whose text ends in hashes keeps them escaped") {
  std::string after = format_markdown("Issue ##\n===\n");
  CHECK(after == "# Issue \\##\n");
  CHECK(check_format_safety("Issue ##\n===\n", after).ok());
}

TEST_CASE("ATX headings lose their closing sequence and extra indentation") {
  CHECK(format_markdown("  ##   Title ##\n") == "## Title\n");
}

TEST_CASE("runs of blank lines collapse to one and the file ends in one newline") {
  CHECK(format_markdown("\n\na\n\n\n\nb\n\n\n") == "a\n\nb\n");
  CHECK(format_markdown("a") == "a\n");
  CHECK(format_markdown("") == "");
}

TEST_CASE("trailing whitespace goes and a trailing-space hard break becomes a backslash") {
  CHECK(format_markdown("a  \nb \n") == "a\\\nb\n");
}

TEST_CASE("a hard break after a backslash, an emphasis or a strikethrough marker keeps its two spaces") {
  // A backslash there would escape the new one, or turn "*" into an opener
  // (fuzz finding 09: "-*  " / "a*: x" became emphasis).
  for (std::string before : {"> -*  \n> a*: x\n", "a\\  \nb\n", "c_  \nd\n", "e~~  \nf\n", "g*   \nh*\n"}) {
    INFO(before);
    std::string after = format_markdown(before);
    CHECK(check_format_safety(before, after).ok());
    CHECK(after.find("  \n") != std::string::npos);
    CHECK(after.find("\\\n") == std::string::npos);
    CHECK(format_markdown(after) == after);
  }
  CHECK(format_markdown("g*   \nh*\n") == "g*  \nh*\n");
  CHECK(backslash_break_after("word"));
  CHECK(backslash_break_after("a."));
  CHECK_FALSE(backslash_break_after("a*"));
}

TEST_CASE("a form feed or vertical tab at the edge of a heading is part of its text") {
  // CommonMark strips only spaces and tabs around a heading's text (fuzz finding 10).
  for (std::string before : {"## About\f\n", "## B \f ##\n", "### C\v\n"}) check_safe_and_stable(before);
  CHECK(format_markdown("## About\f\n") == "## About\f\n");
  // The same in a setext heading written as an ATX one (fuzz finding 14).
  for (std::string before : {"\v</div>\n--\n", "\vA\n==\n", "A\f\n--\n"}) check_safe_and_stable(before);
  CHECK(format_markdown("\vA\n==\n") == "# \vA\n");
}

TEST_CASE("a delimiter-like row that does not match its header row is not taken for the table's") {
  // "|---|" has one cell under the two of "| a | b |": no table there; the
  // table is "|---|" over "--|", and the paragraph before it has no
  // position from cmark-gfm (fuzz finding 11).
  std::string before = "## A\n| a | b |\n|---|\n--|\n| 1 | x\n";
  CHECK(format_markdown(before) == "## A\n\n| a | b |\n|---|\n--|\n| 1 | x\n");
  check_safe_and_stable(before);
  CHECK(format_markdown("## A\n| a \\| b |\n|---|\n| 1 |\n") == "## A\n\n| a \\| b |\n|---|\n| 1 |\n");
}

TEST_CASE("empty metadata fields take no blank, so a second pass changes nothing") {
  // "[N; blog post;]( x](url)": the link text ends in an empty field; a
  // blank written before it stayed at the text's edge and got another one
  // each pass (fuzz finding 12).
  for (std::string before : {"- \"M\" [N; blog post;]( 2022](https://n.ai/m)\n",
                             "- \"M\" [N; blog post; ]( 2022](https://n.ai/m)\n", "- \"M\" [A;;B](https://n.ai/m)\n"})
    check_safe_and_stable(before);
  CHECK(format_markdown("- \"M\" [A ;;B;](https://n.ai/m)\n") == "- \"M\" [A;; B;](https://n.ai/m)\n");
}

TEST_CASE("a lazy line after a reference definition in an item keeps the blank cmark-gfm renders") {
  // cmark-gfm renders "- [A]:(#a)" over " ew, x" as "<li> ew, x</li>"
  // (fuzz finding 13): the line stays lazy, with its blank.
  for (std::string before : {"- [A]:(#a)\n ew, x\n", "> - [A]:(#a)\n ew, x\n", "- [A]:(#a)\n  ew, x\n"})
    check_safe_and_stable(before);
  CHECK(format_markdown("- [A]:(#a)\n ew, x\n") == "- [A]:(#a)\n ew, x\n");
}

TEST_CASE("the habit of no blank line before headings is weighed against one and two together") {
  // Four headings without a blank line, two after one, two after two: "none"
  // led one and two apart, a first pass wrote the twos as ones, and the
  // second pass found one leading (fuzz finding 15). Now a blank line is
  // the habit from the start.
  std::string before = "# T\np\n## A\np\n## B\np\n## C\np\n## D\np\n\n## E\np\n\n## F\np\n\n\n## G\np\n\n\n## H\np\n";
  CHECK(heading_gaps(before, {{1, 1}, {3, 3}, {5, 5}, {7, 7}, {9, 9}, {12, 12}, {15, 15}, {19, 19}, {23, 23}}).before ==
        1);
  check_safe_and_stable(before);
  // Five without, two after one, two after two: none stays the habit, and
  // each heading keeps a blank line or none.
  std::string kept =
      "# T\np\n## A\np\n## B\np\n## C\np\n## D\np\n## Z\np\n\n## E\np\n\n## F\np\n\n\n## G\np\n\n\n## H\np\n";
  check_safe_and_stable(kept);
  CHECK(format_markdown(kept).find("## D\np\n## Z") != std::string::npos);
}

TEST_CASE("trailing spaces inside a code span are not taken for a hard break") {
  std::string before = "a `code  \nspan`  \nb\n";
  std::string after = format_markdown(before);
  CHECK(after == "a `code\nspan`\\\nb\n");
  CHECK(check_format_safety(before, after).ok());
}

TEST_CASE("blank lines between items are kept so a loose list stays loose") {
  CHECK(format_markdown("- a\n\n\n- b\n- c\n") == "- a\n\n- b\n- c\n");
}

TEST_CASE("a one-space-indented sibling item is re-indented with its children") {
  CHECK(format_markdown("- a\n  - b\n\n - c\n   - d\n") == "- a\n  - b\n\n- c\n  - d\n");
}

TEST_CASE("spacing inside an entry is normalised to the house style") {
  CHECK(format_markdown("- *cult*:  \"T\"   [A; k; 2016](https://x.org)\n") ==
        "- *cult*: \"T\" [A; k; 2016](https://x.org)\n");
  CHECK(format_markdown("- *cult*: \"T\" [A;book ;2016](https://x.org)\n") ==
        "- *cult*: \"T\" [A; book; 2016](https://x.org)\n");
}

TEST_CASE("blanks at the edges of a metadata link text stay, as they render") {
  // Fuzz finding 03: trimming them changed the HTML, so the net refused the file.
  std::string text = "- \"T\" [ A;book ;2016 ](https://x.org)\n";
  CHECK(format_markdown(text) == "- \"T\" [ A; book; 2016 ](https://x.org)\n");
  CHECK(check_format_safety(text, format_markdown(text)).ok());
}

TEST_CASE("entry spacing is left alone when normalising would change a field") {
  // The leading link's text is the title: "Foo;Bar" must not become "Foo; Bar".
  CHECK(format_markdown("- [Foo;Bar](https://x.org) - d\n") == "- [Foo;Bar](https://x.org) - d\n");
}

TEST_CASE("code spans keep their inner spacing in an entry") {
  CHECK(format_markdown("- `a  b`  [x](https://x.org)\n") == "- `a  b` [x](https://x.org)\n");
}

TEST_CASE("tables, HTML, code, quotes and reference definitions are kept verbatim") {
  std::string text =
      "| a  | b |\n|----|---|\n| 1  | 2 |\n\n<div>\n  <b>x</b>\n</div>\n\n```\n  a   b\n```\n\n> q   r\n> - s\n\n"
      "[r]:   https://x.org\n\nA   paragraph [r].\n";
  CHECK(format_markdown(text) == text);
}

TEST_CASE("a reference definition inside a list item is kept") {
  std::string before = "- a\n\n    [r]: https://x.org\n- [b][r]\n";
  std::string after = format_markdown(before);
  CHECK(after == "- a\n\n  [r]: https://x.org\n- [b][r]\n");
  CHECK(check_format_safety(before, after).ok());
}

TEST_CASE("a table that splits a paragraph in a list item stays in place") {
  std::string before = "* item\n  | t | u |\n  |---|---|\n  | 1 | 2 |\n";
  std::string after = format_markdown(before);
  CHECK(after == "* item\n  | t | u |\n  |---|---|\n  | 1 | 2 |\n");
  CHECK(check_format_safety(before, after).ok());
}

TEST_CASE("code blocks inside list items keep their relative indentation") {
  std::string before = "*   a\n\n        code\n*   b\n    ```\n      x\n    ```\n";
  std::string after = format_markdown(before);
  CHECK(after == "*   a\n\n        code\n*   b\n    ```\n      x\n    ```\n");
  CHECK(check_format_safety(before, after).ok());
  // An item that takes the list's spaces moves its code with its text.
  before = "*   a\n\n        code\n*  b\n   ```\n     x\n   ```\n";
  after = format_markdown(before);
  CHECK(after == "*   a\n\n        code\n*   b\n    ```\n      x\n    ```\n");
  CHECK(check_format_safety(before, after).ok());
}

TEST_CASE("CRLF and a BOM survive formatting and restore_layout") {
  SourceFile source = source_from_bytes("x.md", "\xEF\xBB\xBF* a  \r\n\r\n\r\n* b\r\n");
  std::string bytes = restore_layout(format_markdown(source.text), source);
  CHECK(bytes == "\xEF\xBB\xBF* a\r\n\r\n* b\r\n");
}

TEST_CASE("the safety net names a changed URL") {
  SafetyResult result = check_format_safety("- [A](https://a.org)\n", "- [A](https://b.org)\n");
  REQUIRE_FALSE(result.ok());
  CHECK(result.difference->find("url \"https://a.org\" became \"https://b.org\"") != std::string::npos);
}

TEST_CASE("the safety net names a missing entry") {
  SafetyResult result = check_format_safety("- [A](https://a.org)\n- [B](https://b.org)\n", "- [A](https://a.org)\n");
  REQUIRE_FALSE(result.ok());
  CHECK(result.difference->find("entry \"B\" (line 2) is missing") != std::string::npos);
}

TEST_CASE("the safety net names an HTML difference outside entries") {
  SafetyResult result = check_format_safety("Some *text*.\n", "Some text.\n");
  REQUIRE_FALSE(result.ok());
  CHECK(result.difference->find("rendered HTML differs") != std::string::npos);
}

TEST_CASE("the safety net reports output that a second pass would change") {
  SafetyResult result = check_format_safety("#  a\n", "#  a\n", k_check_idempotent);
  REQUIRE_FALSE(result.ok());
  CHECK(result.difference->find("not idempotent") != std::string::npos);
}

TEST_CASE("callers can run only the entry and HTML checks") {
  // Not canonical, but the same content: fine for an edit command.
  CHECK(check_format_safety("* a\n", "*   a\n", k_check_entries | k_check_html).ok());
}

TEST_CASE("first_entry_difference compares two catalogs directly") {
  Catalog before = test::parse_text("# T\n\n## S\n\n- *cult*: \"A\" [X; book; 2016](https://a.org)\n");
  Catalog retagged = test::parse_text("# T\n\n## S\n\n- *intro*: \"A\" [X; book; 2016](https://a.org)\n");
  Catalog moved = test::parse_text("# T\n\n## R\n\n- *cult*: \"A\" [X; book; 2016](https://a.org)\n");
  CHECK(first_entry_difference(before, before) == std::nullopt);
  CHECK(first_entry_difference(before, retagged).value_or("").find("tags [cult] became [intro]") != std::string::npos);
  CHECK(first_entry_difference(before, moved).value_or("").find("section \"S\"") != std::string::npos);
}

// Each case below is a re-indentation that once moved a line into or out of
// a list item; the safety net must now pass on it.
namespace {
void check_safe_and_idempotent(const std::string& before) {
  std::string after = format_markdown(before);
  SafetyResult safety = check_format_safety(before, after);
  INFO(before);
  INFO(after);
  INFO(safety.difference.value_or(""));
  CHECK(safety.ok());
}
}  // namespace

TEST_CASE("a lazy continuation line that looks like a list item stays paragraph text") {
  std::string after = format_markdown("   * star\n\t- tab\n");
  CHECK(after == "   * star\n         - tab\n");
  check_safe_and_idempotent("   * star\n\t- tab\n");
  check_safe_and_idempotent("- [ ] task\n===\n");
}

TEST_CASE("a block indented after a list loses the indentation that would pull it into the list") {
  CHECK(format_markdown("  - nested\n   ~~~\n   1. one\n") == "  - nested\n~~~\n1. one\n");
  check_safe_and_idempotent("   - three\n\n  text line\n");
}

TEST_CASE("no blank line is added after a list item that ends in an unclosed fence") {
  check_safe_and_idempotent("- ```\n# H\n");
  check_safe_and_idempotent("- ```\n* star\n");
}

TEST_CASE("leading tabs keep their width when an item is re-indented") {
  check_safe_and_idempotent("-   [A](https://a.org) - d\n\t\t- [B](https://b.org)\n");
}

TEST_CASE("a setext heading with an indented line of dashes keeps that line as text") {
  check_safe_and_idempotent("Title\n     -\n---\n");
}

TEST_CASE("a lazy block quote line in an item stays in the quote") {
  check_safe_and_idempotent("   - > quote in item\n    - deep\n");
}

TEST_CASE("a fence whose indentation is a tab keeps the columns cmark-gfm takes off its code") {
  // cmark-gfm counts the fence's indentation in bytes (the tab is one) and
  // takes that many columns off each code line: " - [M]" in the source
  // (fuzz finding 25). The fence is written flush with its item, unless
  // the item keeps its lines' tabs, and the code's lines all have one.
  std::string text = "- [J](https://j.org)\n\t- [P](https://p.org)\n\t```- x\n\t- [M](https://m.org)\n";
  CHECK(format_markdown(text) == text);
  std::string spaced = "- [J](https://j.org)\n\t- [P](https://p.org)\n\t```- x\n  - [M](https://m.org)\n";
  CHECK(format_markdown(spaced) == "- [J](https://j.org)\n\t- [P](https://p.org)\n  ```- x\n  - [M](https://m.org)\n");
  check_safe_and_idempotent(spaced);
  check_safe_and_idempotent(text);
  check_safe_and_idempotent("- a\n \t```\n \t x\n \t```\n");
  check_safe_and_idempotent("- a\n  - b\n\n\t```\n\tx\n\t```\n");
}

TEST_CASE("an item's underlined heading of two lines keeps its line break") {
  // The break after the link's remark separates the description; one line
  // would lose it (fuzz finding 26).
  std::string text = "- [O](https://c.net/p.pdf) (Mo and Ma)\nrks06a. b\n\t-\n";
  CHECK(format_markdown(text).find("(Mo and Ma)\n") != std::string::npos);
  check_safe_and_idempotent(text);
}

TEST_CASE("a hard break after a bare address stays two spaces") {
  // GFM's autolink would take a backslash into the address (fuzz finding 27).
  CHECK(format_markdown("See https://example.com  \nnext\n") == "See https://example.com  \nnext\n");
  CHECK(format_markdown("Mail a@b.org  \nnext\n") == "Mail a@b.org  \nnext\n");
  CHECK(format_markdown("See example  \nnext\n") == "See example\\\nnext\n");
  check_safe_and_idempotent("- [Alpha](https://example.cob  \n and 1I\n");
}

TEST_CASE("a lazy block quote line stays in the quote when the quote loses its indentation") {
  // After a list, the quote's one column goes; its lazy line "    - b" would
  // then have three and open a list outside the quote (fuzz finding 24).
  std::string text = "  - a\n > - quoted\n    - b\n";
  CHECK(format_markdown(text) == "  - a\n> - quoted\n    - b\n");
  check_safe_and_idempotent(text);
  check_safe_and_idempotent("- x\n  - a\n >    - [N](#n)\n    - [W](#w)np\n");
}

TEST_CASE("a lazy line of an item's underlined heading stays heading text when it could start a block") {
  // Indented to the item's content, "-:" is a table's delimiter row under
  // "e" (fuzz finding 29); four more columns keep it heading text.
  std::string text = "- e\n-:\n  -\n";
  CHECK(format_markdown(text) == "- e\n      -:\n  -\n");
  check_safe_and_idempotent(text);
  check_safe_and_idempotent("- e\n==\n  -\n");
  check_safe_and_idempotent("- e\n|-|\n  ---\n");
}

TEST_CASE("indented code after a list marker keeps its columns when a tab follows the marker") {
  // The first tab is partly the blank after "*" and partly the code's
  // indentation; copying the line from the next byte on lost two columns
  // and the code became an HTML block (fuzz finding 4).
  CHECK(format_markdown("- a\n  - *\t\t</div>\n") == "- a\n  - *       </div>\n");
  check_safe_and_idempotent("- a\n  - *\t\t</div>\n");
  check_safe_and_idempotent("*\t\tcode\n");
  check_safe_and_idempotent("1.\t\t  code\n");
  check_safe_and_idempotent("-      code\n");
}

TEST_CASE("an item opened on its parent's marker line continues under blanks, not under the parent's marker") {
  std::string text =
      "- Overview\n  - *\t\t</div>\n\t\t</a>\n\t\tring\n  - *cult*: \"X\" [A; article; 2019](https://x.org)\n";
  std::string once = format_markdown(text);
  CHECK(once.find("  -     </a>") == std::string::npos);
  CHECK(check_format_safety(text, once).ok());
  CHECK(format_markdown("- * a\n    b\n") == "- * a\n    b\n");
}

TEST_CASE("a file that mostly writes headings without blank lines around them keeps each as written") {
  std::string table = "| a | b |\n|---|---|\n| [x](https://x.org) | y |\n";
  std::string tight =
      "# T\n\n## A\n" + table + "\ntext\n## B\n" + table + "text\n## C\n" + table + "text\n## D\n" + table;
  CHECK(format_markdown(tight) == tight);
  CHECK(format_markdown("# T\n\n## A\n\n- a\n## B\n- b\n") == "# T\n\n## A\n\n- a\n\n## B\n\n- b\n");
}

TEST_CASE("the gap between two headings does not tip the habit a second pass sees") {
  // fuzz finding 05: the title right above "## A" counted as a heading with
  // no blank line after it, so the first pass's blank line there turned
  // "none after" into "one after" for the second pass.
  std::string text = "# b\n## A\n| a | b |\n\n## C\n| 1U | x |\n|---|---|\n";
  std::string once = format_markdown(text);
  CHECK(format_markdown(once) == once);
  CHECK(once == "# b\n\n## A\n\n| a | b |\n\n## C\n\n| 1U | x |\n|---|---|\n");
}

TEST_CASE("a tab-indented sublist under a space-indented list is written with spaces, once") {
  // fuzz finding 06: the tab came out after the parent's two spaces
  // ("  \t- b"), which a second pass read as mixed indentation.
  std::string text = "  - a\n- [R](https://r.org)\n\t- [P](https://p.org) - P.\n";
  std::string once = format_markdown(text);
  CHECK(once == "  - a\n  - [R](https://r.org)\n    - [P](https://p.org) - P.\n");
  CHECK(format_markdown(once) == once);
  std::string tabs = "- [R](https://r.org)\n\t- [P](https://p.org) - P.\n";
  CHECK(format_markdown(tabs) == tabs);  // after no lead, the tab stays
}

TEST_CASE("a list right after another is never taken into the other's last item") {
  // fuzz finding 07: "  * c" was its own list (another bullet) beside " - b",
  // whose content starts in column 3; written under "- b" (content in
  // column 2) it would have become b's child.
  std::string text = "- a\n - b\n  * [c](#c)\n";
  std::string once = format_markdown(text);
  CHECK(once == "- a\n- b\n* [c](#c)\n");
  CHECK(format_markdown(once) == once);
}

TEST_CASE("a list right after another inside an item is never taken into the other's last item") {
  // fuzz finding 17: "  +   - B" opens its content in column 6, so "    - S"
  // is a list of its own in Tools; "  + - B" opens it in column 4, where
  // "    - S" would become B's child. The second list goes no deeper than
  // the first, as at the top level (finding 07).
  std::string text = "- Tools\n    - A\n  +   - B\n    - S\n\n- List\n  +   text\n    - T\n";
  std::string once = format_markdown(text);
  CHECK(once == "- Tools\n    - A\n  +   - B\n  - S\n\n- List\n  +   text\n  - T\n");
  check_safe_and_stable(text);
}

TEST_CASE("an author name with a tab in it reads as fmt writes it") {
  // fuzz finding 08: "Sascha Ke<TAB>rsken" was one word, so a name; fmt
  // writes the tab as a space, and "rsken" then made the field no names.
  std::string books;
  for (int i = 0; i < 3; ++i)
    books += "* [B" + std::to_string(i) + "](https://b.org/" + std::to_string(i) + ") - Ann Lee (PDF)\n";
  Catalog with_tab = test::parse_text(books + "* [T](https://t.org) - Sascha\tKersken (Online)\n");
  Catalog formatted = test::parse_text(format_markdown(books + "* [T](https://t.org) - Sascha\tKersken (Online)\n"));
  REQUIRE(with_tab.style == "books");
  CHECK(with_tab.root.items.back().authors == std::vector<std::string>{"Sascha Kersken"});
  CHECK(formatted.root.items.back().authors == with_tab.root.items.back().authors);
}

TEST_CASE("an HTML comment block opened by '<!---' is kept to its '-->' line (fuzz finding 19)") {
  // cmark-gfm ends the block on its first line; the lines after it up to
  // "-->" are still its text, and fmt kept them only as uncovered lines,
  // losing their indentation a little more on every pass.
  std::string text = "- a\n\n<!--- x\n  <a>\n    <img y-->\n\nText.\n";
  CHECK(format_markdown(text) == text);
  check_safe_and_stable(text);
}
