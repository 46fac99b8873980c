#pragma once
// Entry styles (DESIGN.md "Entry styles and layout conventions"): templates
// over an entry's inline Markdown such as `[{title}]({url}) - {description}`.
// The built-in styles are seed, awesome, books, papers, code-spans and
// reference; a list may name one or write its own in .curate.json "style",
// else the style most of its entries follow is detected. docs/styles.md has
// the template language and the detection rule.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"

namespace curate {

// A built-in style: its name, its template, and how detection weighs it.
struct BuiltinStyle {
  std::string_view name;
  std::string_view template_text;
  std::string_view
      distinctive;  // the placeholders whose presence sets it apart, comma-separated ("" for seed and awesome)
  int specificity;  // an entry two styles read votes for the higher
};

// seed, awesome, books, papers, code-spans, reference: the order of docs/styles.md.
const std::vector<BuiltinStyle>& builtin_styles();

// .curate.json "style": a built-in name or a template, for the whole list
// and, where it mixes styles, per section.
struct StyleSpec {
  std::optional<std::string> list;                            // nullopt: detect
  std::vector<std::pair<std::string, std::string>> sections;  // section path pattern → name or template
};

// One template, compiled. Placeholders: {title}, {url}, {description},
// {authors}, {date}, {year}, {kinds}, {formats}, {note}; any other name
// ({venue}, {org}, {n}) is kept in the entry's fields. `[text](url)` is a
// link, `` `{x}` `` a code span; emphasis markers only lay the text out. A
// literal " - " stands for any of " - ", " – ", " — ", " -- ", ": ". Every
// part but the one with {title} and the one with {url} may be missing.
class EntryTemplate {
 public:
  // Throws curate::Error when `text` is not a template: no {title}, no
  // link whose destination is {url}, an unclosed "{", "[" or "`".
  explicit EntryTemplate(std::string_view text);
  ~EntryTemplate();
  EntryTemplate(EntryTemplate&&) noexcept;
  EntryTemplate& operator=(EntryTemplate&&) noexcept;

  const std::string& text() const { return m_text; }

  // An entry written in this template from placeholder values (raw text;
  // escaped here): each part whose placeholders all have a value, with its
  // lead and trail, and no trace of the others. Throws curate::Error when
  // the title or the URL is missing.
  std::string render(const std::vector<std::pair<std::string, std::string>>& values) const;

  // The placeholder names it holds, in order ("title", "url", …).
  std::vector<std::string> placeholders() const;

  struct Compiled;
  const Compiled& compiled() const { return *m_compiled; }

 private:
  std::string m_text;
  std::unique_ptr<Compiled> m_compiled;
};

// The styles one catalog is read with: every built-in when detecting, else
// the configured ones (the list's and its sections').
class StyleSet {
 public:
  // Throws curate::Error (naming "style") for an unknown name or a bad template.
  explicit StyleSet(const StyleSpec& spec);
  ~StyleSet();
  StyleSet(StyleSet&&) noexcept;

  bool detecting() const { return m_detecting; }
  size_t size() const { return m_styles.size(); }
  const std::string& name(int style) const { return m_styles[static_cast<size_t>(style)].name; }
  const std::string& template_text(int style) const { return m_styles[static_cast<size_t>(style)].text; }
  // The configured style of the section at `path` (headings, title
  // excluded); -1 when detecting.
  int style_for(const std::vector<std::string>& path) const;
  // Whether style_for depends on the path: some section has a style of its own.
  bool per_section() const { return !m_sections.empty(); }
  // The index of the built-in `name`, or -1.
  int find(std::string_view name) const;

  struct Style {
    std::string name;                         // a built-in's name, or "custom"
    std::string text;                         // its template
    std::unique_ptr<EntryTemplate> compiled;  // nullptr for seed and awesome: the entry grammar reads them
    std::string distinctive;
    int specificity = 0;
  };
  const Style& style(int index) const { return m_styles[static_cast<size_t>(index)]; }

 private:
  std::vector<Style> m_styles;
  std::vector<std::pair<std::vector<std::string>, int>> m_sections;  // path pattern parts → style
  int m_list_style = -1;
  bool m_detecting = true;
};

// Where `item` (an entry of a list item) departs from `style` (a style
// name as in Catalog::style), in words fit for a finding; nullopt when it
// follows it. Stubs and groups follow every style. Words right after the
// link depart from it unless the list writes most of its entries so
// (sentences_after_links).
std::optional<std::string> style_departure(const Item& item, std::string_view style, bool sentences_after_links);

// Whether a list writes most of its linked entries as a link and a sentence
// with no separator ("- [CREMA-D](…) is a dataset of 7,442 clips…",
// awesome-datasets' 74 of 75): its own convention, not a missing ' - '.
bool sentences_after_links(const Catalog& catalog);

// The style a whole catalog follows: the configured one, else the style most
// entries vote for (each entry votes for the most specific style it
// distinctively follows). Then every entry's fields are read in that style
// (its section's, when configured) and Item::style_miss says where an entry
// departs from it. Clears the readings the entry grammar left.
void settle_style(const StyleSet& styles, const KindTable& kinds, Catalog& catalog);

}  // namespace curate
