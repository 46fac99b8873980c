#pragma once
// An entry's inline Markdown as the grammars read it (internal to the
// catalog stage): the first paragraph as text in which links and emphasis
// stand as single NUL bytes ("atoms"), with where its code spans sit.

#include <cmark-gfm.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace curate::grammar_detail {

// One inline the grammar treats as a unit: an emphasis (tag or note) or a link.
struct Atom {
  bool is_link = false;
  bool is_autolink = false;  // a bare URL turned into a link by GFM
  std::string text;
  std::string url;
};

// read_source rejects NUL, so it cannot occur in the text itself.
struct Flat {
  std::string text;
  std::vector<Atom> atoms;
  std::vector<size_t> atom_at;                  // position of each atom's NUL
  std::vector<std::pair<size_t, size_t>> code;  // [begin, end) of each code span's text
  // [begin, end) of each strong emphasis's text (**bold**), which stays
  // text: only templates that write "**{title}**" ask where it ends.
  std::vector<std::pair<size_t, size_t>> strong;
  // Where each `<br>` stood (awesome-for-beginners writes "[RawCMS](…)
  // _(label: good first issue)_ <br> RawCMS is a headless CMS…": the
  // break separates the name from the description).
  std::vector<size_t> breaks;
  // Repositories a badge after the entry's words links (flat.cpp).
  std::vector<std::string> badge_links;
  bool dropped_navigation = false;  // a same-document anchor link was left out

  void clear();
  const Atom* atom(size_t pos) const {
    if (pos >= text.size() || text[pos] != '\0') return nullptr;
    auto it = std::lower_bound(atom_at.begin(), atom_at.end(), pos);
    return &atoms[static_cast<size_t>(it - atom_at.begin())];
  }
  // Whether a `<br>` stands among the blanks around `pos`.
  bool break_at(size_t pos) const {
    size_t from = std::min(pos, text.size());
    while (from > 0 && (text[from - 1] == ' ' || text[from - 1] == '\t')) --from;
    size_t to = std::min(text.find_first_not_of(" \t", pos), text.size());
    return std::any_of(breaks.begin(), breaks.end(), [&](size_t b) { return b >= from && b <= to; });
  }
  // The text of [begin, end) with each atom replaced by its own text.
  std::string render(size_t begin, size_t end) const;
  // Whether render(begin, end), trimmed, ends with ':' (constant time in
  // the segment's length, so scanning a long line for labels stays linear).
  bool rendered_ends_with_colon(size_t begin, size_t end) const;
};

// Reads the inlines of `paragraph` (a paragraph or table cell) into `flat`
// (cleared first). Images and inline HTML are decoration and left out. A
// same-document anchor link is navigation ("Back to Top"): when the
// paragraph says anything else it is left out with the separator before it
// ("| [Back to Top](#contents)"); alone, its text stays as plain text.
void flatten(cmark_node* paragraph, Flat& flat);

// Moves into `labels` (cleared first) the links closing `flat` that only
// label another page of the entry, "… Committee. [website](…)", "… code
// analysis. - [source](…)", "… [Boost] [website](…)", and cuts the text
// after the sentence or bracket they follow. Labels after a phrase ("see
// the [code](…)") or standing alone stay.
void take_closing_labels(Flat& flat, std::vector<Atom>& labels);

// ":book:", ":movie_camera:": an emoji shortcode, the whole word.
bool is_shortcode(std::string_view word);

// "📜", "⚡️", "🧑‍💻": a word of emoji (U+1xxxx, the symbols of U+2000–U+2FFF,
// a variation selector), never a word of letters such as CJK's.
bool is_symbol_word(std::string_view word);

// Moves into `marks` (cleared first) the icons opening `flat` before its
// first link, emoji shortcodes or symbols: "- :book: [Clean Code](…)",
// "- 📜 [Go To Statement Considered Harmful](…)" (every-programmer-should-
// know), and cuts them from the text, so the link opens the entry. Icons
// before text that is no link stay.
void take_leading_marks(Flat& flat, std::string& marks);

}  // namespace curate::grammar_detail
