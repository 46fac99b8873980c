// Reference paragraphs, as paper roadmaps write them (DESIGN.md "Where
// entries live"): **[3]** Hinton, Geoffrey, et al. "**Title**." Venue (2012). [[pdf]](url)
#include <algorithm>
#include <cctype>

#include "curate/catalog/grammar.hpp"
#include "curate/text/text.hpp"
#include "flat.hpp"
#include "style_internal.hpp"

namespace curate {
namespace {

using grammar_detail::Flat;

size_t skip_blanks(const std::string& s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// The end of a "[12]" mark at `pos`, or npos.
size_t reference_mark_end(const std::string& s, size_t pos) {
  if (pos >= s.size() || s[pos] != '[') return std::string::npos;
  size_t digits = pos + 1;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits == pos + 1 || digits >= s.size() || s[digits] != ']') return std::string::npos;
  return digits + 1;
}

// An opening quote (" or “) at or after `from`: its position and length.
std::pair<size_t, size_t> find_open_quote(const std::string& s, size_t from, size_t before) {
  size_t straight = s.find('"', from), curly = s.find("\xE2\x80\x9C", from);
  size_t at = std::min(straight, curly);
  if (at >= before) return {std::string::npos, 0};
  return {at, at == curly ? 3 : 1};
}

std::pair<size_t, size_t> find_close_quote(const std::string& s, size_t from, size_t before) {
  size_t straight = s.find('"', from), curly = s.find("\xE2\x80\x9D", from);
  size_t at = std::min(straight, curly);
  if (at >= before) return {std::string::npos, 0};
  return {at, at == curly ? 3 : 1};
}

std::string strip_edges(std::string_view text, std::string_view junk) {
  size_t begin = text.find_first_not_of(junk);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(junk);
  return std::string(text.substr(begin, end - begin + 1));
}

bool is_single_word(std::string_view text) { return !text.empty() && text.find(' ') == std::string_view::npos; }

bool is_et_al(std::string_view part) {
  return part == "et al." || part == "et al" || part == "etal." || part == "etal" || part == "al.";
}

// "Yann", "Aaron van den": given names, maybe with the particles of the
// surname they precede.
bool is_given_names(std::string_view part) {
  if (part.empty() || !std::isupper(static_cast<unsigned char>(part.front()))) return false;
  size_t words = 0, particles = 0;
  for (std::string_view word : split_trimmed_views(part, " ")) {
    ++words;
    if (style_detail::is_particle(word)) ++particles;
  }
  return words - particles <= 2;
}

// "Mordvintsev, Alexander" → "Alexander Mordvintsev".
std::string uninvert(std::string_view name) {
  size_t comma = name.find(',');
  if (comma == std::string_view::npos) return std::string(trim(name));
  std::string_view surname = trim(name.substr(0, comma)), given = trim(name.substr(comma + 1));
  return given.empty() ? std::string(surname) : std::string(given) + " " + std::string(surname);
}

// The authors of a reference, written the ways papers cite them:
// - "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton": the first author
//   surname first (given names may end in particles: "Oord, Aaron van den");
// - "Mordvintsev, Alexander; Olah, Christopher": each surname first;
// - "Pinheiro, P.O., Collobert, R., Dollar, P.": surnames and initials;
// "et al." is no author.
std::vector<std::string> split_reference_authors(std::string_view text) {
  std::vector<std::string> parts;
  if (text.find(';') != std::string_view::npos) {
    for (std::string_view name : split_trimmed_views(text, ";"))
      if (std::string author = uninvert(name); !author.empty() && !is_et_al(author)) parts.push_back(author);
    return parts;
  }
  // "Ulyanov, Dmitry and Lebedev, Vadim, et al.": each name surname first,
  // joined by "and".
  {
    std::string_view names = text;
    for (std::string_view etal : {", et al.", ", et al", " et al.", " et al"})
      if (ends_with(names, etal)) names = trim(names.substr(0, names.size() - etal.size()));
    std::vector<std::string> inverted;
    bool pairs = names.find(" and ") != std::string_view::npos;
    for (size_t at = 0; pairs && at <= names.size();) {
      size_t joiner = std::min(names.find(" and ", at), names.size());
      std::string_view name = trim(names.substr(at, joiner - at));
      size_t comma = name.find(',');
      pairs = comma != std::string_view::npos && name.find(',', comma + 1) == std::string_view::npos &&
              is_single_word(trim(name.substr(0, comma))) && is_given_names(trim(name.substr(comma + 1)));
      if (pairs) inverted.push_back(uninvert(name));
      at = joiner + 5;
    }
    if (pairs && inverted.size() >= 2) return inverted;
  }
  std::string normalized(text);
  for (std::string_view joiner : {", and ", " and ", " & "}) {
    for (size_t at = normalized.find(joiner); at != std::string::npos; at = normalized.find(joiner, at + 1))
      normalized.replace(at, joiner.size(), ", ");
  }
  for (std::string_view part : split_trimmed_views(normalized, ",")) {
    for (std::string_view etal : {" et al.", " et al"})
      if (ends_with(part, etal)) part = trim(part.substr(0, part.size() - etal.size()));
    if (!part.empty() && !is_et_al(part)) parts.emplace_back(part);
  }
  bool surname_initials = parts.size() >= 2 && parts.size() % 2 == 0;
  for (size_t i = 0; surname_initials && i < parts.size(); i += 2)
    surname_initials =
        is_single_word(parts[i]) && !style_detail::is_initials(parts[i]) && style_detail::is_initials(parts[i + 1]);
  if (surname_initials) {
    std::vector<std::string> names;
    for (size_t i = 0; i < parts.size(); i += 2) names.push_back(parts[i + 1] + " " + parts[i]);
    return names;
  }
  // "Wu, Schuster, Chen, Le, et al.": surnames alone, none turned round
  // ("Szegedy, Christian, et al." is one name: two words cannot tell).
  bool surnames_only = parts.size() > 2 && std::all_of(parts.begin(), parts.end(),
                                                       [](const std::string& part) { return is_single_word(part); });
  if (!surnames_only && parts.size() >= 2 && is_single_word(parts[0]) && is_given_names(parts[1])) {
    parts[0] = parts[1] + " " + parts[0];
    parts.erase(parts.begin() + 1);
  }
  return parts;
}

// The first "(2015)" or stand-alone year 1800-2099 in `text`: its
// position and the year.
std::pair<size_t, std::string> find_year(std::string_view text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    bool digits = std::all_of(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(i + 4),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    bool alone = (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))) &&
                 (i + 4 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 4])));
    if (digits && alone && (text.substr(i, 2) == "18" || text.substr(i, 2) == "19" || text.substr(i, 2) == "20"))
      return {i, std::string(text.substr(i, 4))};
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  }
  return {std::string_view::npos, {}};
}

}  // namespace

bool is_reference_paragraph(cmark_node* paragraph) {
  thread_local Flat flat;
  grammar_detail::flatten(paragraph, flat);
  size_t mark = reference_mark_end(flat.text, skip_blanks(flat.text, 0));
  return mark != std::string::npos && !flat.atoms.empty() &&
         std::any_of(flat.atoms.begin(), flat.atoms.end(), [](const auto& atom) { return atom.is_link; });
}

void parse_reference_fields(cmark_node* paragraph, Item& item) {
  thread_local Flat flat;
  grammar_detail::flatten(paragraph, flat);
  const std::string& s = flat.text;
  item.style = EntryStyle::reference;
  size_t start = skip_blanks(s, 0);
  size_t mark = reference_mark_end(s, start);
  if (mark == std::string::npos) return;
  item.fields.emplace_back("n", s.substr(start + 1, mark - start - 2));
  size_t first_link = std::min(s.find('\0', mark), s.size());
  auto [open, open_length] = find_open_quote(s, mark, first_link);
  size_t after_title = mark;
  if (open != std::string::npos) {
    auto [close, close_length] = find_close_quote(s, open + open_length, first_link);
    if (close == std::string::npos) close = first_link;
    item.title = strip_edges(flat.render(open + open_length, close), " \t.,");
    std::string written = flat.render(mark, open);
    std::string authors = strip_edges(written, " \t.,");
    // "Le, Quoc V.": the stop closing an initial is the initial's.
    if (size_t n = authors.size(); n >= 1 && std::isupper(static_cast<unsigned char>(authors[n - 1])) &&
                                   (n == 1 || authors[n - 2] == ' ') &&
                                   written.find(authors + ".") != std::string::npos)
      authors += '.';
    // "Tyka, Mike (2015).": the year written after the authors.
    if (authors.size() > 6 && authors.back() == ')' && authors[authors.size() - 6] == '(') {
      auto [at, year] = find_year(std::string_view(authors).substr(authors.size() - 5, 4));
      if (at == 0) {
        item.date = year;
        authors = strip_edges(std::string_view(authors).substr(0, authors.size() - 6), " \t.,");
      }
    }
    for (std::string& author : split_reference_authors(authors)) item.authors.push_back(std::move(author));
    after_title = std::min(close + close_length, s.size());
  } else {
    item.title = strip_edges(flat.render(mark, first_link), " \t.,");
  }
  std::string venue = flat.render(after_title, first_link);
  auto [year_at, year] = find_year(venue);
  if (year_at != std::string::npos) {
    item.date = year;
    venue = venue.substr(0, year_at);
  }
  venue = strip_edges(venue, " \t.,:;(");
  if (!venue.empty()) item.fields.emplace_back("venue", venue);
  size_t last_atom = 0;
  for (size_t i = 0; i < flat.atoms.size(); ++i) {
    const auto& atom = flat.atoms[i];
    if (!atom.is_link) continue;
    if (!item.url) item.url = atom.url;
    item.links.push_back(atom.url);
    if (auto format = format_of_label(atom.text)) add_format(item, *format);
    last_atom = flat.atom_at[i] + 1;
  }
  std::string after = strip_edges(flat.render(std::max(last_atom, first_link), s.size()), " \t");
  if (!after.empty()) item.note = after;
}

}  // namespace curate
