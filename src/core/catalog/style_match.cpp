// Reading an entry with a template, and settling a list's style
// (docs/styles.md "How an entry is read" and "Detection").
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>

#include "curate/catalog/grammar.hpp"
#include "curate/text/text.hpp"
#include "style_internal.hpp"

namespace curate {
namespace style_detail {
namespace {

// An entry as templates see it: emphasis is layout, so its text stands in
// the text; links and code spans are single NUL tokens.
struct Token {
  bool is_link = false;
  std::string text;
  std::string url;
};

struct Input {
  std::string text;
  std::vector<Token> tokens;
  std::vector<size_t> token_at;
  std::vector<std::pair<size_t, size_t>> emphasis;  // where each emphasis's text stands in `text`, in order

  // The end of the emphasis whose text starts at `pos`, or npos.
  size_t emphasis_end(size_t pos) const {
    auto it = std::lower_bound(emphasis.begin(), emphasis.end(), std::make_pair(pos, size_t{0}));
    return it != emphasis.end() && it->first == pos ? it->second : std::string::npos;
  }

  const Token* token(size_t pos) const {
    if (pos >= text.size() || text[pos] != '\0') return nullptr;
    auto it = std::lower_bound(token_at.begin(), token_at.end(), pos);
    return &tokens[static_cast<size_t>(it - token_at.begin())];
  }
  // The first character render(from, end of text) would show that is not
  // white space; '\0' when there is none.
  char first_rendered(size_t from) const {
    for (size_t i = from; i < text.size(); ++i) {
      std::string_view shown = text[i] ? std::string_view(&text[i], 1) : std::string_view(token(i)->text);
      if (std::string_view shown_text = trim(shown); !shown_text.empty()) return shown_text.front();
    }
    return '\0';
  }
  // render(begin, end) trimmed, without a copy when no token stands in
  // the range; `scratch` holds the rendering otherwise.
  std::string_view view(size_t begin, size_t end, std::string& scratch) const {
    end = std::min(end, text.size());
    std::string_view range = std::string_view(text).substr(begin, end > begin ? end - begin : 0);
    if (range.find('\0') == std::string_view::npos) return trim(range);
    scratch = render(begin, end);
    return trim(scratch);
  }
  std::string render(size_t begin, size_t end) const {
    std::string out;
    end = std::min(end, text.size());
    out.reserve(end > begin ? end - begin : 0);
    for (size_t i = begin; i < end; ++i) {
      if (text[i])
        out += text[i];
      else
        out += token(i)->text;
    }
    return out;
  }
};

// Where a position of `flat` stands in the input build_input makes of it.
size_t input_position(const grammar_detail::Flat& flat, size_t to) {
  size_t at = 0, code_span = 0;
  for (size_t i = 0; i < to && i < flat.text.size();) {
    while (code_span < flat.code.size() && flat.code[code_span].second <= i) ++code_span;
    if (code_span < flat.code.size() && flat.code[code_span].first == i) {
      ++at;
      i = flat.code[code_span].second;
      continue;
    }
    const grammar_detail::Atom* atom = flat.atom(i);
    at += atom && !atom->is_link ? atom->text.size() : 1;
    ++i;
  }
  return at;
}

// The strong emphasis of `flat` as spans of the input, with the emphasis
// atoms build_input recorded (bold entries are few: not in its loop).
void add_strong_spans(const grammar_detail::Flat& flat, Input& in) {
  for (auto [begin, end] : flat.strong)
    in.emphasis.emplace_back(input_position(flat, begin), input_position(flat, end));
  std::sort(in.emphasis.begin(), in.emphasis.end());
}

// Whether a `<br>` written now, after `in`'s text so far, stands right
// after a link, a code span or emphasis: it separates what follows, as
// " - " would ("[RawCMS](…) _(label: good first issue)_ <br> RawCMS is…":
// Flat::breaks).
bool separating_break(const Input& in) {
  size_t last = in.text.find_last_not_of(" \t");
  return last != std::string::npos &&
         (in.text[last] == '\0' || (!in.emphasis.empty() && in.emphasis.back().second == last + 1));
}

void build_input(const grammar_detail::Flat& flat, Input& in) {
  in.text.clear();
  in.tokens.clear();
  in.token_at.clear();
  in.emphasis.clear();
  size_t code = 0, line_break = 0;
  auto add_token = [&](Token token) {
    in.token_at.push_back(in.text.size());
    in.text.push_back('\0');
    in.tokens.push_back(std::move(token));
  };
  for (size_t i = 0; i < flat.text.size();) {
    while (code < flat.code.size() && flat.code[code].second <= i) ++code;
    if (code < flat.code.size() && flat.code[code].first == i) {
      auto [begin, end] = flat.code[code];
      add_token({false, flat.text.substr(begin, end - begin), {}});
      i = end;
      continue;
    }
    if (const grammar_detail::Atom* atom = flat.atom(i)) {
      if (atom->is_link) {
        add_token({true, atom->text, atom->url});
      } else {
        in.emphasis.emplace_back(in.text.size(), in.text.size() + atom->text.size());
        in.text += atom->text;  // emphasis: its text
      }
    } else if (line_break < flat.breaks.size() && flat.breaks[line_break] == i) {
      ++line_break;  // the breaks stand on blanks, in order: never inside a code span or an atom
      in.text += separating_break(in) ? " - " : " ";
    } else {
      // Plain text up to the next atom, code span or break, at once.
      size_t end = std::min(flat.text.find('\0', i), flat.text.size());
      if (code < flat.code.size()) end = std::min(end, flat.code[code].first);
      if (line_break < flat.breaks.size()) end = std::min(end, flat.breaks[line_break]);
      in.text.append(flat.text, i, std::max(end, i + 1) - i);
      i = std::max(end, i + 1);
      continue;
    }
    ++i;
  }
  if (!flat.strong.empty()) add_strong_spans(flat, in);
}

bool is_blank_byte(char c) { return c == ' ' || c == '\t'; }

size_t skip_blanks(const std::string& s, size_t pos) {
  while (pos < s.size() && is_blank_byte(s[pos])) ++pos;
  return pos;
}

// What a straight quote in a template also matches: “ and ”.
constexpr std::array<std::string_view, 2> k_curly_quotes = {"\xE2\x80\x9C", "\xE2\x80\x9D"};

// The length of the curly quote at `pos`, or 0.
size_t curly_quote_at(const std::string& s, size_t pos) {
  for (std::string_view quote : k_curly_quotes)
    if (s.compare(pos, quote.size(), quote) == 0) return quote.size();
  return 0;
}

// Matches literal template text at `pos`; the position after it, or npos.
// Blanks match any run of blanks (none included); a separator matches any
// separator; a straight quote matches curly ones.
size_t match_literal(std::string_view literal, bool separator, const std::string& s, size_t pos) {
  if (separator) {
    size_t p = skip_blanks(s, pos);
    bool spaced = p > pos;
    size_t length = 0;
    if (s.compare(p, 2, "--") == 0) {
      length = 2;
    } else if (p < s.size() && s[p] == ':') {
      length = 1;
    } else if (p < s.size() && s[p] == '-' && spaced) {
      length = 1;
    } else if (s.compare(p, 3, "\xE2\x80\x93") == 0 || s.compare(p, 3, "\xE2\x80\x94") == 0) {
      length = 3;
    }
    if (!length) return std::string::npos;
    p += length;
    if (p < s.size() && !is_blank_byte(s[p])) return std::string::npos;
    return skip_blanks(s, p);
  }
  size_t p = pos;
  for (size_t i = 0; i < literal.size(); ++i) {
    char c = literal[i];
    if (is_blank_byte(c)) {
      p = skip_blanks(s, p);
      continue;
    }
    if (size_t curly = c == '"' ? curly_quote_at(s, p) : 0) {
      p += curly;
      continue;
    }
    if (p >= s.size() || s[p] != c) return std::string::npos;
    ++p;
  }
  return p;
}

// The role mark closing a name, as Japanese credits write it:
// "Tsuyoshi Tokuda(翻訳)", "高木正弘（監訳）"; empty when there is none.
constexpr std::string_view k_role_marks[] = {"(翻訳)", "（翻訳）", "(監訳)", "（監訳）", "(訳)",   "（訳）",
                                             "(監修)", "（監修）", "(編)",   "（編）",   "(編集)", "（編集）"};

std::string_view role_mark(std::string_view name) {
  if (name.empty() || (name.back() != ')' && name.back() != '\x89')) return {};  // ")" or the last byte of "）"
  for (std::string_view mark : k_role_marks)
    if (ends_with(name, mark)) return mark;
  return {};
}

// "情報処理推進機構(IPA)": an organisation with its acronym glued on.
bool ends_in_acronym(std::string_view word) {
  if (word.size() < 4 || word.back() != ')') return false;
  size_t open = word.rfind('(');
  if (open == std::string_view::npos || open == 0 || word.size() - open - 2 > 8) return false;
  std::string_view inside = word.substr(open + 1, word.size() - open - 2);
  return !inside.empty() &&
         std::all_of(inside.begin(), inside.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

// A GitHub or Twitter handle, "@nishio_dens", or a Hatena id, "id:thinca".
bool is_handle(std::string_view word) {
  // Most words open otherwise: one byte rules them out.
  if (word.empty() || (word.front() != '@' && word.front() != 'i')) return false;
  if (starts_with(word, "@"))
    word.remove_prefix(1);
  else if (starts_with(word, "id:"))
    word.remove_prefix(3);
  else
    return false;
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '\\';
  });
}

// An abbreviation a name may carry: a title ("Prof. Patrick Henry Winston")
// or a company's form ("Epicodus Inc.", "Tutorials Point India Ltd."),
// of over three characters: "Dr.", "Co.", "LLC" read as name words anyway.
bool is_name_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 5> k_abbreviations = {"Prof.", "Mrs.", "Inc.", "Ltd.", "Corp."};
  return std::find(k_abbreviations.begin(), k_abbreviations.end(), word) != k_abbreviations.end();
}

// What follows a name after a comma or a joiner but names nobody: "al"
// (", et al" splits at the joiner " et "; "et. al." is a misspelling), a degree or a generation
// ("Carol S. Dweck,Ph.D.", "Michael Greger, M.D.", "King, Jr.").
bool is_name_suffix(std::string_view word) {
  static constexpr std::array<std::string_view, 16> k_suffixes = {
      "et al.", "et al", "et. al.", "al.", "al",  "Ph.D.", "Ph.D", "PhD",
      "M.D.",   "MD",    "M.B.A.",  "MBA", "Jr.", "Jr",    "Sr.",  "Sr"};
  // Most names are longer than every suffix and need no comparison.
  static constexpr size_t k_longest = std::max_element(k_suffixes.begin(), k_suffixes.end(), [](auto a, auto b) {
                                        return a.size() < b.size();
                                      })->size();
  return word.size() <= k_longest && std::find(k_suffixes.begin(), k_suffixes.end(), word) != k_suffixes.end();
}

// A brand written in lower case: camel case or a domain name
// ("freeCodeCamp", "freeCodeCamp.org"), but no plain lower-case word.
bool is_lower_brand(std::string_view word) {
  // One pass: most words asked are plain lower-case words of a description.
  bool camel = false, dot = false;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z')
      camel = true;
    else if (c == '.')
      dot = true;
    else if ((c < 'a' || c > 'z') && c != '-')
      return false;
  }
  if (camel) return word.front() >= 'a' && word.back() != '.';
  if (!dot || word.front() < 'a') return false;
  for (std::string_view tld : {".org", ".com", ".io", ".net", ".dev"})
    if (ends_with(word, tld)) return true;
  return false;
}

// A word of a person's or an organisation's name: capitalised (or of a
// script without case), an initial ("C.", "J.-P."), a particle, a handle,
// a title or company form, or a brand in lower case.
bool is_name_word(std::string_view word) {
  if (word.empty()) return false;
  if (is_particle(word) || is_handle(word)) return true;
  if (std::string_view mark = role_mark(word); !mark.empty()) {
    word.remove_suffix(mark.size());
    if (word.empty()) return true;  // "高木正弘 (翻訳)"
  } else if (ends_in_acronym(word)) {
    word = word.substr(0, word.rfind('('));
  }
  unsigned char first = static_cast<unsigned char>(word.front());
  if (first < 0x80 && !std::isupper(first)) return is_lower_brand(word);
  // "唐尤华", "高木正弘", an agency's "独立行政法人": a name in Chinese or
  // Japanese is eight characters at most and no punctuation; "中文分词工具。"
  // (awesome-python-cn) is a sentence.
  // So is any word with CJK punctuation in it ("Konoha：日本語トークナイザー").
  size_t characters = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (std::isdigit(c) || c == '(' || c == ')' || c == '/' || c == ':') return false;
    if ((c & 0xC0) != 0x80) ++characters;
    bool cjk_punctuation = c == 0xE3 && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80;
    bool full_width_punctuation = c == 0xEF && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0xBC;
    if (cjk_punctuation || full_width_punctuation) return false;
  }
  if (first >= 0xE3 && first <= 0xE9 && characters > 8) return false;
  // "K.", "Jr.", "J.-P.", "Prof.", "Inc.", but not a sentence's end ("Industrial-strength NLP.").
  return word.back() != '.' || word.size() <= 3 || word.find('.') + 1 < word.size() || is_name_abbreviation(word);
}

bool has_role(std::string_view name) {
  // Every role reads "xxx.:" and is followed by a name.
  if (name.size() < 6 || name[3] != '.' || name[4] != ':') return false;
  std::string_view role = name.substr(0, 3);
  return iequals(role, "trl") || iequals(role, "edt") || iequals(role, "ill");
}

}  // namespace

namespace {

// Calls `visit` with each name of `text` as split_authors reads it, before
// blanks inside it are collapsed: no copy of the text, as detection reads
// many candidate ends of an {authors} placeholder per entry.
template <typename Visit>
void each_author(std::string_view text, const Visit& visit) {
  static constexpr std::string_view k_joiners[] = {", and ", " and ", " und ", " & ", " et ", " y "};
  auto piece = [&](std::string_view raw) {
    std::string_view name = trim(raw);
    // free-programming-books marks other contributors with a role in a code
    // span ("`trl.:` Ben Straub"), its Japanese list after the name
    // ("Tsuyoshi Tokuda(翻訳)"): a translator, editor or illustrator is not
    // an author.
    if (name.empty() || has_role(name) || !role_mark(name).empty()) return;
    // "G. Hinton et al.": the others are not named.
    // (Most names end otherwise: two bytes rule them out.)
    size_t n = name.size();
    if ((n > 3 && name[n - 1] == 'l' && name[n - 2] == 'a') || (n > 4 && name[n - 1] == '.' && name[n - 2] == 'l'))
      for (std::string_view etal : {" et al.", " et al", " et. al."})
        if (ends_with(name, etal)) name = trim(name.substr(0, name.size() - etal.size()));
    if (!name.empty() && !is_name_suffix(name)) visit(name);
  };
  // A joiner ends a name as "," and ";" do; at each position the longest
  // joiner wins, and its closing space may open the next ("a and and b").
  size_t start = 0;
  for (size_t at = 0; at < text.size();) {
    // Every joiner opens with ',' or ' ' and goes on with one of a few
    // bytes: other places need no comparison.
    auto joiner = std::end(k_joiners);
    char next = at + 1 < text.size() ? text[at + 1] : '\0';
    if ((text[at] == ' ' || text[at] == ',') &&
        (next == 'a' || next == 'u' || next == '&' || next == 'e' || next == 'y' || next == ' '))
      joiner = std::find_if(std::begin(k_joiners), std::end(k_joiners),
                            [&](std::string_view j) { return text.substr(at, j.size()) == j; });
    if (joiner != std::end(k_joiners)) {
      piece(text.substr(start, at - start));
      start = at += joiner->size() - 1;
    } else if (text[at] == ',' || text[at] == ';') {
      piece(text.substr(start, at - start));
      start = ++at;
    } else {
      ++at;
    }
  }
  piece(text.substr(start));
}

}  // namespace

std::vector<std::string> split_authors(std::string_view text) {
  std::vector<std::string> out;
  // A tab inside a name is a blank as fmt writes it (fuzz finding 08).
  each_author(text, [&](std::string_view name) {
    // "MongoDB, Inc.": the company's form belongs to the name before it.
    if (!out.empty() && (name == "Inc." || name == "Ltd." || name == "LLC" || name == "GmbH"))
      out.back() += ", " + std::string(name);
    else
      out.push_back(collapse_whitespace(name));
  });
  return out;
}

namespace {

// Where the next blank at or after `from` is (a space or tab; with
// `any_space`, also a line break, form feed or vertical tab), or the end:
// a loop, as find_first_of asks memchr of the set for every byte.
size_t next_blank(std::string_view text, size_t from, bool any_space) {
  for (size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || (any_space && (c == '\n' || c == '\r' || c == '\f' || c == '\v'))) return i;
  }
  return text.size();
}

// A quick, allocation-free "no" for most text that is not names (a
// sentence of description): without separators, roles or "et al.", every
// word but a joiner belongs to a name, so one word that cannot settles it.
bool plainly_not_names(std::string_view text) {
  // One pass over the bytes (find_first_of asks memchr of the set for each).
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ',' || c == ';' || c == ':' || c == '`' || (c == 'e' && text.compare(i, 5, "et al") == 0)) return false;
  }
  for (size_t at = 0; at < text.size();) {
    size_t space = next_blank(text, at, false);
    std::string_view word = trim(text.substr(at, space - at));
    at = space + 1;
    if (word.empty() || word == "and" || word == "und" || word == "&" || word == "et" || word == "y") continue;
    if (!is_name_word(word)) return true;
  }
  return false;
}

}  // namespace

bool plausible_authors(std::string_view text) {
  if (plainly_not_names(text)) return false;
  size_t names = 0;
  bool plausible = true;
  each_author(text, [&](std::string_view name) {
    ++names;
    size_t words = 0;
    for (size_t at = 0; plausible && at <= name.size();) {
      size_t end = next_blank(name, at, true);  // collapse_whitespace's blanks
      std::string_view word = name.substr(at, end - at);
      at = end + 1;
      if (word.empty()) continue;
      plausible = ++words <= 6 && is_name_word(word);
    }
    plausible = plausible && words > 0;
  });
  return plausible && names > 0 && names <= 30;
}

// "Simon Willison", "Jane Doe, John Roe": names, each of two to four words;
// empty for anything else.
std::vector<std::string> full_names(std::string_view text) {
  if (!plausible_authors(text)) return {};
  std::vector<std::string> names = split_authors(text);
  bool full = std::all_of(names.begin(), names.end(), [](const std::string& name) {
    size_t blanks = std::count(name.begin(), name.end(), ' ');
    return blanks >= 1 && blanks <= 3;
  });
  return full ? names : std::vector<std::string>();
}

bool is_particle(std::string_view word) {
  // Every particle is lower case: a capitalised word, most of a name, needs no comparison.
  if (word.empty() || word.front() < 'a' || word.front() > 'z') return false;
  static constexpr std::array<std::string_view, 22> k_particles = {
      "von", "van", "de",  "der", "den", "da", "di", "del", "della", "du",  "la",
      "le",  "bin", "ibn", "al",  "y",   "e",  "zu", "et",  "al.",   "dos", "das"};
  return std::find(k_particles.begin(), k_particles.end(), word) != k_particles.end();
}

bool is_initials(std::string_view word) {
  return !word.empty() && word.size() <= 6 && std::isupper(static_cast<unsigned char>(word.front())) &&
         std::all_of(word.begin(), word.end(),
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.' || c == '-'; });
}

namespace {

// An initial with its stop: "S.", "J.-P.".
bool is_initial(std::string_view word) { return word.size() >= 2 && word.back() == '.' && is_initials(word); }

// "S. Zheng and S. Jayasumana." before " [[pdf]]": names written with
// initials may end in a full stop that closes the list, not a name; the
// value without it. Other text is left as it is ("Industrial-strength
// NLP." is a sentence, not names; "et al." keeps its own stop).
std::string_view without_closing_stop(std::string_view names) {
  // An initial is followed by a name: without ". " there is none (most
  // text a description ends in a stop has no other).
  if (names.size() < 2 || names.back() != '.' || names.find(". ") == std::string_view::npos ||
      ends_with(names, "et al."))
    return names;
  size_t last_word = names.find_last_of(" \t");
  if (last_word == std::string_view::npos || is_initial(names.substr(last_word + 1))) return names;
  for (size_t at = 0; at < last_word;) {
    size_t end = at;
    while (end < last_word && names[end] != ' ' && names[end] != '\t' && names[end] != ',') ++end;
    if (is_initial(names.substr(at, end - at))) return names.substr(0, names.size() - 1);
    at = end + 1;
  }
  return names;
}

bool is_year(std::string_view text) {
  return is_date_shape(text) && text.substr(0, 2) >= "18" && text.substr(0, 2) <= "20";
}

bool valid_capture(Capture check, std::string_view value, const KindTable& kinds) {
  if (value.empty()) return false;
  switch (check) {
    case Capture::year:
      return is_year(value);
    case Capture::authors:
      return plausible_authors(value);
    case Capture::formats: {
      bool labels = false;
      return each_format_label(value,
                               [&](std::string_view label) { return (labels = format_of_label(label).has_value()); }) &&
             labels;
    }
    case Capture::kinds:
      return kinds.classify(value).has_value();
    case Capture::number:
      return std::all_of(value.begin(), value.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    case Capture::any:
      break;
  }
  return true;
}

// How literal text of a template reads a link's text or a code span:
// "[pdf]" stands for any format label (the label's format is returned),
// other text must be there (""); nullopt when the text does not fit.
std::optional<std::string> read_literal(const Spec& spec, std::string_view text) {
  std::string_view literal = trim(spec.text);
  if (literal.size() >= 2 && literal.front() == '[' && literal.back() == ']') return format_of_label(text);
  if (iequals(text, literal)) return std::string();
  return std::nullopt;
}

using Captures = std::vector<std::pair<std::string, std::string>>;

// The matcher's tables, kept from one entry to the next so that reading a
// big list does not allocate them afresh for every entry and template.
struct MatcherScratch {
  std::vector<Captures> captured;  // per part
  std::vector<char> can_end;       // per (part, position): 0 not yet asked, 1 yes, 2 no
  std::vector<char> failed;        // (part, position) pairs that cannot match
  std::string rendered;            // a value that needed rendering (Input::view)
};

// One attempt to read an entry with one template: a backtracking walk over
// its parts with a step budget, so no input costs more than a few thousand
// steps.
class Matcher {
 public:
  Matcher(const std::vector<Part>& parts, const Input& in, const KindTable& kinds, MatcherScratch& scratch)
      : m_parts(parts),
        m_in(in),
        m_kinds(kinds),
        m_captured(scratch.captured),
        m_can_end(scratch.can_end),
        m_failed(scratch.failed),
        m_rendered(scratch.rendered) {
    m_captured.resize(parts.size());
    for (Captures& captures : m_captured) captures.clear();
    m_can_end.assign(parts.size() * (in.text.size() + 1), 0);
    m_has_at = in.text.find('@') != std::string::npos;
    m_failed.assign(parts.size() * (in.text.size() + 1), 0);
  }

  bool run() { return match(0, skip_blanks(m_in.text, 0)); }

  size_t end() const { return m_end; }
  // The captures of the successful match, in template order, but for a
  // title or URL the grammar read alike into `item`: a big list keeps a
  // reading of every entry until its style is settled, and overlaying
  // those would change nothing.
  PackedCaptures captures_beyond(const Item& item) const {
    PackedCaptures out;
    for (size_t k = 0; k < m_parts.size(); ++k)
      for (const auto& [name, value] : m_captured[k])
        if (!(name == "title" && value == item.title) && !(name == "url" && item.url && value == *item.url))
          out.add(name, value);
    return out;
  }
  bool captured_more_than_title_and_url() const {
    return std::any_of(m_captured.begin(), m_captured.end(), [](const Captures& captures) {
      return std::any_of(captures.begin(), captures.end(),
                         [](const auto& capture) { return capture.first != "title" && capture.first != "url"; });
    });
  }
  // The first required part the best attempt could not read.
  const Part* missing() const { return m_missing; }

 private:
  // Whether parts k… read the text from `pos`. A failure depends only on
  // (k, pos), so it is remembered: backtracking never walks it twice.
  bool match(size_t k, size_t pos) {
    if (++m_steps > k_budget) return false;
    if (k == m_parts.size()) {
      m_end = pos;
      return true;
    }
    size_t state = k * (m_in.text.size() + 1) + pos;
    if (m_failed[state]) return false;
    const Part& part = m_parts[k];
    if (present(k, pos)) return true;
    m_captured[k].clear();
    bool matched = false;
    if (part.required) {
      if (!m_missing || k > m_missing_index) m_missing = &part, m_missing_index = k;
    } else {
      matched = match(k + 1, pos);
    }
    if (!matched) m_failed[state] = true;
    return matched;
  }

  // Reads part k at `pos` and the rest of the template after it.
  bool present(size_t k, size_t pos) {
    const Part& part = m_parts[k];
    size_t p = match_literal(part.lead, part.lead_separator, m_in.text, pos);
    if (p == std::string::npos) return false;
    // A colon introduces what a thing is, not who wrote it: "[JEB
    // Decompiler](…) : Powerful Integrated Analysis Tools" (awesome-android-
    // security, 34 entries) is no books entry's authors.
    if (part.lead_separator && part.core.check == Capture::authors && m_in.text[skip_blanks(m_in.text, pos)] == ':')
      return false;
    if (part.core.kind != Core::placeholder) {
      size_t after = read_token_core(part, p, m_captured[k]);
      if (after == std::string::npos) return false;
      size_t q = match_literal(part.trail, part.trail_separator, m_in.text, after);
      return q != std::string::npos && match(k + 1, q);
    }
    // "**{title}**" on an entry that opens the part in emphasis ends within
    // that emphasis ("**Show and tell (2015)**, O. Vinyals" keeps its year),
    // never past it; one without it reads as if the markers were not there.
    size_t last_end = part.emphasized ? m_in.emphasis_end(p) : std::string::npos;
    // An entry in bold reads the whole bold text: "[CS 61C](…) **Great Ideas in
    // Computer Architecture** *UC Berkeley*" is not the title "Great".
    size_t first_end = last_end != std::string::npos ? last_end : p + 1;
    for (size_t e = first_end; e <= m_in.text.size() && e <= last_end; ++e) {
      if (!may_end(k, e)) continue;
      if (++m_steps > k_budget) return false;
      std::string_view value = m_in.view(p, e, m_rendered);
      // "David L. Poole, Alan K. Mackworth @ Cambridge University Press"
      // (free-programming-books): the authors, and their publisher.
      std::string_view publisher;
      if (part.core.check == Capture::authors) {
        if (size_t at = m_has_at ? value.find(" @ ") : std::string_view::npos; at != std::string_view::npos) {
          publisher = trim(value.substr(at + 3));
          value = trim(value.substr(0, at));
        }
        value = without_closing_stop(value);
      }
      if (!valid_capture(part.core.check, value, m_kinds)) continue;
      size_t q = match_literal(part.trail, part.trail_separator, m_in.text, e);
      if (q == std::string::npos) continue;
      m_captured[k] = {{part.core.name, std::string(value)}};
      if (!publisher.empty()) m_captured[k].emplace_back("publisher", std::string(publisher));
      if (match(k + 1, q)) return true;
    }
    m_captured[k].clear();
    return false;
  }

  // Whether placeholder k may end at e: asked only as far as the reading
  // goes, and remembered, as every attempt at the part asks the same.
  bool may_end(size_t k, size_t e) {
    char& known = m_can_end[k * (m_in.text.size() + 1) + e];
    if (!known) known = can_end_placeholder(k, e) ? 1 : 2;
    return known == 1;
  }

  // A placeholder may end only where the template can go on: where its own
  // closing text is, where a later part can begin, or at the end.
  bool can_end_placeholder(size_t k, size_t e) const {
    if (e == m_in.text.size()) return true;
    if (e < m_in.text.size() && m_in.text[e] != '\0' && e > 0 && m_in.text[e - 1] != '\0' &&
        ((m_in.text[e] & 0xC0) == 0x80))
      return false;  // inside a UTF-8 sequence
    const Part& part = m_parts[k];
    if (!part.trail.empty()) return match_literal(part.trail, part.trail_separator, m_in.text, e) != std::string::npos;
    for (size_t j = k + 1; j < m_parts.size(); ++j) {
      if (can_begin(j, e)) return true;
      if (m_parts[j].required) break;
    }
    return false;
  }

  bool can_begin(size_t j, size_t e) const {
    const Part& part = m_parts[j];
    if (part.lead.empty() && part.core.kind == Core::placeholder) return true;
    // A lead that opens with a blank never begins inside a word.
    if (!part.lead.empty() && is_blank_byte(part.lead.front()) && e < m_in.text.size() && !is_blank_byte(m_in.text[e]))
      return false;
    size_t p = match_literal(part.lead, part.lead_separator, m_in.text, e);
    if (p == std::string::npos) return false;
    if (part.core.kind == Core::placeholder) return p < m_in.text.size();
    const Token* token = m_in.token(skip_extras(part, p));
    return token && token->is_link == (part.core.kind == Core::link);
  }

  // Before a code span, other links and brackets may stand ("([Code](…))
  // `Org`"): they are passed over and stay in the entry's links.
  size_t skip_extras(const Part& part, size_t p) const {
    if (part.core.kind != Core::code) return p;
    while (p < m_in.text.size()) {
      const Token* token = m_in.token(p);
      char c = m_in.text[p];
      if ((token && token->is_link) || is_blank_byte(c) || c == '(' || c == ')' || c == '[' || c == ']') {
        ++p;
        continue;
      }
      break;
    }
    return p;
  }

  size_t read_token_core(const Part& part, size_t p, Captures& captured) {
    p = skip_extras(part, p);
    const Token* token = m_in.token(p);
    if (!token || token->is_link != (part.core.kind == Core::link)) return std::string::npos;
    captured.clear();
    if (!read_spec(part.core.text, token->text, captured)) return std::string::npos;
    if (part.core.kind == Core::link && !read_spec(part.core.url, token->url, captured)) return std::string::npos;
    return p + 1;
  }

  bool read_spec(const Spec& spec, const std::string& value, Captures& captured) const {
    std::string_view text = trim(value);
    if (spec.placeholder) {
      if (spec.text != "url" && !valid_capture(spec.check, text, m_kinds)) return false;
      captured.emplace_back(spec.text, std::string(text));
      return true;
    }
    std::optional<std::string> format = read_literal(spec, text);
    if (!format) return false;
    if (!format->empty()) captured.emplace_back("formats", std::move(*format));
    return true;
  }

  static constexpr int k_budget = 4000;
  const std::vector<Part>& m_parts;
  const Input& m_in;
  const KindTable& m_kinds;
  std::vector<Captures>& m_captured;
  std::vector<char>& m_can_end;
  std::vector<char>& m_failed;
  size_t m_end = 0;
  bool m_has_at = false;  // the entry holds an '@': an author may have a publisher after it
  int m_steps = 0;
  const Part* m_missing = nullptr;
  size_t m_missing_index = 0;
  std::string& m_rendered;
};

}  // namespace

std::string describe_core(const Core& core) {
  auto spec = [](const Spec& s) { return s.placeholder ? "{" + s.text + "}" : s.text; };
  switch (core.kind) {
    case Core::link:
      return "[" + spec(core.text) + "](" + spec(core.url) + ")";
    case Core::code:
      return "`" + spec(core.text) + "`";
    case Core::placeholder:
      break;
  }
  return "{" + core.name + "}";
}

// The template text of a part, for messages: " ({formats})".
std::string describe(const Part& part) { return std::string(trim(part.lead + describe_core(part.core) + part.trail)); }

constexpr size_t k_max_entry_bytes = 4096;

// Whether some link or code span of the entry can be the core of `part`
// (its kind, and literal text such as "[pdf]", which stands for any format
// label); placeholders are not checked here.
bool some_token_fits(const Part& part, const Input& in) {
  return std::any_of(in.tokens.begin(), in.tokens.end(), [&](const Token& token) {
    if (token.is_link != (part.core.kind == Core::link)) return false;
    const Spec& spec = part.core.text;
    return spec.placeholder || read_literal(spec, trim(token.text)).has_value();
  });
}

// Whether the literal text leading into `part` may match somewhere in the
// entry: false only when its first character (after blanks) is nowhere.
bool lead_may_fit(const Part& part, const Input& in) {
  if (part.lead_separator) return true;
  size_t first = part.lead.find_first_not_of(" \t");
  if (first == std::string::npos) return true;
  char c = part.lead[first];
  if (in.text.find(c) != std::string::npos) return true;
  // A straight quote matches curly ones (match_literal).
  return c == '"' && std::any_of(k_curly_quotes.begin(), k_curly_quotes.end(),
                                 [&](std::string_view quote) { return in.text.find(quote) != std::string::npos; });
}

// A quick answer before the backtracking reading, the part the reading
// would report missing, in two cases:
// - the first required link or code span that no token of the entry can
//   be, when only placeholders come before it (the reading can always carry
//   them to the end of the text);
// - the first required part, when only optional parts come before it and
//   its lead ('"' before the reference style's title) cannot be anywhere in
//   the entry: every reading reaches that part and none gets past it.
// Most entries of a list in another style end here: a big list reads every
// entry with every template while its style is detected.
std::optional<size_t> unreadable_part(const std::vector<Part>& parts, const Input& in) {
  for (size_t k = 0; k < parts.size(); ++k) {
    if (parts[k].core.kind == Core::placeholder) continue;
    if (parts[k].required && !some_token_fits(parts[k], in)) return k;
    break;
  }
  auto required = std::find_if(parts.begin(), parts.end(), [](const Part& part) { return part.required; });
  if (required != parts.end() && !lead_may_fit(*required, in)) return static_cast<size_t>(required - parts.begin());
  return std::nullopt;
}

void read_template_styles(const grammar_detail::Flat& flat, const KindTable& kinds, const StyleSet& styles, int only,
                          Item& item) {
  // Entries are a line or two: a longer paragraph is prose no template
  // reads, and the matcher's work grows with the length.
  if (flat.text.size() > k_max_entry_bytes) return;
  thread_local Input in;
  build_input(flat, in);
  for (size_t i = 0; i < styles.size() && i < k_max_styles; ++i) {
    const StyleSet::Style& style = styles.style(static_cast<int>(i));
    if (!style.compiled || (only >= 0 && static_cast<size_t>(only) != i)) continue;
    const std::vector<Part>& parts = style.compiled->compiled().parts;
    if (std::optional<size_t> missing = unreadable_part(parts, in)) {
      item.style_misses |= static_cast<uint32_t>(std::min<size_t>(*missing + 1, 15)) << (4 * i);
      continue;
    }
    thread_local MatcherScratch scratch;
    Matcher matcher(parts, in, kinds, scratch);
    if (!matcher.run()) {
      size_t missing = matcher.missing() ? static_cast<size_t>(matcher.missing() - parts.data()) : 0;
      item.style_misses |= static_cast<uint32_t>(std::min<size_t>(missing + 1, 15)) << (4 * i);
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(in.first_rendered(matcher.end()))))
      item.style_unseparated |= static_cast<uint16_t>(1u << i);
    // A reading that finds only the title and URL adds nothing to the
    // grammar's: not kept (a big list reads every entry with every style).
    if (!matcher.captured_more_than_title_and_url()) continue;
    StyleReading reading;
    reading.style = static_cast<int>(i);
    reading.captures = matcher.captures_beyond(item);
    reading.captures.each([&](std::string_view captured, std::string_view) {
      reading.distinctive =
          reading.distinctive ||
          !each_trimmed_view(style.distinctive, ",", [&](std::string_view name) { return name != captured; });
    });
    reading.rest = trim(in.render(matcher.end(), in.text.size()));
    item.style_readings.push_back(std::move(reading));
  }
}

std::string describe_part(const EntryTemplate& compiled, size_t index) {
  const std::vector<Part>& parts = compiled.compiled().parts;
  return index < parts.size() ? describe(parts[index]) : compiled.text();
}

}  // namespace style_detail
}  // namespace curate
