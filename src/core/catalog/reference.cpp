// Reference paragraphs, as paper roadmaps write them (DESIGN.md "Where
// entries live"): **[3]** Hinton, Geoffrey, et al. "**Title**." Venue (2012). [[pdf]](url)
#include <algorithm>
#include <cctype>

#include "curate/catalog/grammar.hpp"
#include "curate/text/text.hpp"
#include "flat.hpp"

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

// "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton" → Yann LeCun, Yoshua
// Bengio, Geoffrey Hinton: the first author is written surname first.
std::vector<std::string> split_reference_authors(std::string_view text) {
  std::vector<std::string> parts;
  std::string normalized(text);
  for (std::string_view joiner : {", and ", " and ", " & "}) {
    for (size_t at = normalized.find(joiner); at != std::string::npos; at = normalized.find(joiner, at + 1))
      normalized.replace(at, joiner.size(), ", ");
  }
  for (std::string_view part : split_trimmed_views(normalized, ",")) parts.emplace_back(part);
  if (parts.size() >= 2 && is_single_word(parts[0]) && parts[1] != "et al." && parts[1] != "et al" &&
      std::isupper(static_cast<unsigned char>(parts[1].front())) &&
      std::count(parts[1].begin(), parts[1].end(), ' ') < 2) {
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
    for (std::string& author : split_reference_authors(strip_edges(flat.render(mark, open), " \t.,")))
      item.authors.push_back(std::move(author));
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
