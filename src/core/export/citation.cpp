#include "curate/export/citation.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "curate/text/text.hpp"

namespace curate {
namespace {

// ASCII base letters of U+00C0..U+00FF and U+0100..U+017F, one per code
// point ('-' drops it); the few two-letter foldings are handled before.
constexpr std::string_view k_latin1 = "aaaaaa-ceeeeiiiidnooooo-ouuuuy--aaaaaa-ceeeeiiiidnooooo-ouuuuy-y";
constexpr std::string_view k_latin_ext_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuu"
    "uuuwwyyyzzzzzzs";

const std::set<std::string> k_stop_words = {"a",  "an", "the", "on",  "of", "in", "for", "to",   "and", "or",
                                            "at", "by", "is",  "are", "be", "as", "via", "with", "from"};

const std::set<std::string> k_organisation_words = {
    "academy", "association", "blog",     "center",     "centre",  "channel", "college",   "community",
    "company", "conference",  "council",  "foundation", "group",   "inc",     "inc.",      "institute",
    "journal", "lab",         "labs",     "laboratory", "llc",     "ltd",     "magazine",  "news",
    "press",   "project",     "research", "school",     "society", "team",    "university"};

const std::set<std::string> k_particles = {"van", "von", "de", "der", "den", "da",
                                           "di",  "du",  "la", "le",  "del", "della"};

// Decodes one UTF-8 sequence at `at` (input is validated UTF-8) and advances.
char32_t next_code_point(const std::string& text, size_t& at) {
  auto byte = static_cast<unsigned char>(text[at++]);
  if (byte < 0x80) return byte;
  int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1;
  char32_t code = byte & (0x3F >> extra);
  for (int i = 0; i < extra && at < text.size(); ++i)
    code = (code << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
  return code;
}

std::string fold_code_point(char32_t code) {
  if (code < 0x80) {
    char c = static_cast<char>(code);
    if (c >= 'A' && c <= 'Z') return std::string(1, static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return std::string(1, c);
    return {};
  }
  if (code == 0xC6 || code == 0xE6) return "ae";
  if (code == 0xDE || code == 0xFE) return "th";
  if (code == 0xDF) return "ss";
  if (code == 0x152 || code == 0x153) return "oe";
  char base = '-';
  if (code >= 0xC0 && code <= 0xFF) base = k_latin1[code - 0xC0];
  if (code >= 0x100 && code <= 0x17F) base = k_latin_ext_a[code - 0x100];
  return base == '-' ? std::string() : std::string(1, base);
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A word that can be part of a person's name: "Yann", "LeCun", "J.",
// "O'Neil", "Jean-Luc", "François"; not acronyms ("AI", "NYU") or digits.
bool is_name_word(const std::string& word) {
  if (word.empty() || (!is_upper_ascii(word[0]) && static_cast<unsigned char>(word[0]) < 0x80)) return false;
  bool lower = false;
  for (char c : word) {
    if (c >= '0' && c <= '9') return false;
    if (static_cast<unsigned char>(c) < 0x80 && !std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'' &&
        c != '.')
      return false;
    lower = lower || is_lower_ascii(c) || static_cast<unsigned char>(c) >= 0x80;
  }
  bool initial = word.size() <= 2 && (word.size() == 1 || word[1] == '.');
  return lower || initial;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!current.empty()) words.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(current);
  return words;
}

std::string author_key_part(const Item& item) {
  if (item.authors.empty()) return "anon";
  auto person = split_person_name(item.authors.front());
  std::vector<std::string> words = words_of(person ? person->family : item.authors.front());
  std::string folded = words.empty() ? "" : ascii_fold(person ? words.back() : words.front());
  return folded.empty() ? "anon" : folded;
}

std::string title_key_part(const std::string& title) {
  std::string word;
  auto take = [&]() {
    bool significant = !word.empty() && !k_stop_words.count(word);
    if (!significant) word.clear();
    return significant;
  };
  for (size_t at = 0; at < title.size();) {
    std::string folded = fold_code_point(next_code_point(title, at));
    if (!folded.empty()) {
      word += folded;
    } else if (take()) {
      return word;
    }
  }
  return take() ? word : "";
}

std::string suffix_letters(int n) {  // 1 → "a", 26 → "z", 27 → "aa"
  std::string out;
  for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
  return out;
}

}  // namespace

std::optional<PersonName> split_person_name(const std::string& author) {
  std::vector<std::string> words = words_of(author);
  if (words.size() < 2 || words.size() > 4) return std::nullopt;
  size_t family_start = words.size() - 1;
  for (size_t i = 0; i < words.size(); ++i) {
    if (k_organisation_words.count(to_lower(words[i]))) return std::nullopt;
    bool particle = i > 0 && i + 1 < words.size() && k_particles.count(words[i]);
    if (!particle && !is_name_word(words[i])) return std::nullopt;
    if (particle && family_start == words.size() - 1) family_start = i;
  }
  std::vector<std::string> given(words.begin(), words.begin() + static_cast<long>(family_start));
  std::vector<std::string> family(words.begin() + static_cast<long>(family_start), words.end());
  return PersonName{join(given, " "), join(family, " ")};
}

std::string ascii_fold(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size();) out += fold_code_point(next_code_point(text, at));
  return out;
}

std::string natural_citation_key(const Item& item) {
  auto year = item.year();
  return author_key_part(item) + (year ? std::to_string(*year) : "") + title_key_part(item.title);
}

std::map<const Item*, std::string> citation_keys(const std::vector<EntryRef>& entries) {
  std::map<const Item*, std::string> keys;
  std::set<std::string> used;
  for (const EntryRef& entry : entries) {
    std::string natural = natural_citation_key(*entry.item);
    std::string key = natural;
    for (int n = 1; used.count(key); ++n) key = natural + suffix_letters(n);
    used.insert(key);
    keys[entry.item] = key;
  }
  return keys;
}

std::string primary_kind(const Item& item) {
  static const std::array<const char*, 9> k_order = {"book", "paper",   "article", "blog", "video",
                                                     "talk", "podcast", "course",  "repo"};
  for (const char* kind : k_order)
    if (std::find(item.kinds.begin(), item.kinds.end(), kind) != item.kinds.end()) return kind;
  return "";
}

std::string latex_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '#':
      case '$':
      case '%':
      case '&':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace curate
