#pragma once
// The compiled form of entry templates and the matcher (internal to the
// catalog stage; style.hpp is the interface).

#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/catalog/style.hpp"
#include "flat.hpp"

namespace curate::style_detail {

// What a placeholder's value must look like to be read as it: a year, names,
// format labels, kinds, a number, anything. Decided once from the name, as
// the matcher asks at every position a value may end.
enum class Capture : unsigned char { any, year, authors, formats, kinds, number };
Capture capture_of(std::string_view name);

// What a link's text or destination, or a code span, must be: a placeholder
// it fills, or literal text ("[pdf]" stands for any format label).
struct Spec {
  bool placeholder = false;
  std::string text;  // the placeholder's name, or the literal
  Capture check = Capture::any;
};

struct Core {
  enum Kind { placeholder, link, code } kind = placeholder;
  std::string name;              // a placeholder core's name
  Spec text;                     // a link's text, a code span's content
  Spec url;                      // a link's destination
  Capture check = Capture::any;  // a placeholder core's
};

// One placeholder, link or code span with the literal text that leads into
// it and the punctuation that closes it: " (" {formats} ")".
struct Part {
  std::string lead;
  Core core;
  std::string trail;
  bool required = false;  // holds {title} or {url}
  // Whether lead or trail is a separator (" - ", ": "), which matches any
  // separator: decided once here, as the matcher asks at every position.
  bool lead_separator = false;
  bool trail_separator = false;
  // A placeholder the template writes in emphasis ("**{title}**"): where
  // the entry has an emphasis there, it reads within it, never past its end.
  bool emphasized = false;
};

// Template text that stands for any separator: "-", "--", ":", "–", "—"
// with blanks around.
bool is_separator_literal(std::string_view text);

}  // namespace curate::style_detail

namespace curate {
struct EntryTemplate::Compiled {
  std::vector<style_detail::Part> parts;   // for reading: emphasis markers left out
  std::vector<style_detail::Part> layout;  // for writing: as the template writes them
};
}  // namespace curate

namespace curate::style_detail {

// Item::style_misses holds a nibble per style: the styles a set may hold.
inline constexpr size_t k_max_styles = 8;

// Reads `flat` (an entry's first paragraph) with every template style of
// `styles` (only style `only` when it is not -1): a reading that finds more
// than the title and URL goes to item.style_readings; a style whose required
// part is missing is noted in item.style_misses (the part's index + 1, a
// nibble per style), one that leaves unseparated text after the template
// in item.style_unseparated.
void read_template_styles(const grammar_detail::Flat& flat, const KindTable& kinds, const StyleSet& styles, int only,
                          Item& item);

// A core as the template writes it: "{authors}", "[{title}]({url})".
std::string describe_core(const Core& core);

// "G. Hinton, A. Krizhevsky and I. Sutskever et al." → the names, "et al." left out.
std::vector<std::string> split_authors(std::string_view text);

// Whether `text` reads as a list of names (at most 30, each of at most six
// capitalised words, initials or particles): what an {authors} placeholder takes.
bool plausible_authors(std::string_view text);

// "Simon Willison", "Jane Doe, John Roe": names, each of two to four words;
// empty for anything else.
std::vector<std::string> full_names(std::string_view text);

// A lower-case particle of a name: "van", "de", "bin", "al"…
bool is_particle(std::string_view word);

// Only initials: "S.", "P.O.", "J.-P.", "R" (at most six characters).
bool is_initials(std::string_view word);

// The template text of part `index` of `compiled`, for messages ("[{title}]({url})").
std::string describe_part(const EntryTemplate& compiled, size_t index);

}  // namespace curate::style_detail
