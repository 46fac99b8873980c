#include "curate/catalog/grammar.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"
#include "flat.hpp"
#include "style_internal.hpp"

namespace curate {
namespace {

using grammar_detail::Atom;
using grammar_detail::Flat;

// Opening quote at `pos`: returns its byte length and the closers it accepts.
size_t open_quote_length(const std::string& s, size_t pos) {
  if (pos < s.size() && s[pos] == '"') return 1;
  if (s.compare(pos, 3, "\xE2\x80\x9C") == 0) return 3;  // “
  return 0;
}

// Position and length of the quote closing one opened before `from`.
std::pair<size_t, size_t> find_close_quote(const std::string& s, size_t from) {
  size_t straight = s.find('"', from);
  size_t curly = s.find("\xE2\x80\x9D", from);  // ”
  if (curly < straight) return {curly, 3};
  return {straight, 1};
}

size_t skip_spaces(const std::string& s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// Separators between a name and its description ("- ", "— ", "– ", ": ").
std::optional<std::string> after_separator(std::string_view text) {
  static constexpr std::array<std::string_view, 5> k_separators = {"- ", "\xE2\x80\x94 ", "\xE2\x80\x93 ", ": ", "-- "};
  for (auto sep : k_separators)
    if (starts_with(text, sep)) return std::string(trim(text.substr(sep.size())));
  for (auto sep : {std::string_view("-"), std::string_view(":"), std::string_view("\xE2\x80\x94")})
    if (text == sep) return std::string();
  // "[UI Design Daily](…) :Weekly FREE UI resources": a colon glued to the
  // description still separates it.
  if (text.size() > 1 && text[0] == ':' && std::isalnum(static_cast<unsigned char>(text[1])))
    return std::string(trim(text.substr(1)));
  return std::nullopt;
}

// Where the first separator of `text` starts (" - ", " – ", " — ", ": "), or npos.
size_t find_separator(std::string_view text) {
  return std::min({text.find(" - "), text.find(" \xE2\x80\x93 "), text.find(" \xE2\x80\x94 "), text.find(": ")});
}

// "by @bzimmerman", "by Penedo et al.": who an awesome entry credits right
// after its link, when every name is a name or a GitHub handle.
std::optional<std::vector<std::string>> credited_authors(std::string_view text) {
  if (text.size() < 4 || !iequals(text.substr(0, 3), "by ")) return std::nullopt;
  std::string_view names = trim(text.substr(3));
  bool handle = names.size() > 1 && names[0] == '@' && names.find_first_of(" \t,") == std::string_view::npos;
  if (!handle && !style_detail::plausible_authors(names)) return std::nullopt;
  return style_detail::split_authors(names);
}

class EntryParser {
 public:
  EntryParser(const Flat& flat, const KindTable& kinds, Item& item)
      : m_flat(flat), m_s(flat.text), m_kinds(kinds), m_item(item) {}

  void run() {
    size_t pos = read_tags(skip_spaces(m_s, 0));
    const Atom* title_link = nullptr;  // "[mp3](…) - Native Go MP3 decoder.": a name, not a format
    if (open_quote_length(m_s, pos)) {
      m_item.style = EntryStyle::quoted;
      std::string quote;
      pos = read_quote(pos, quote);
      m_item.title = quote;
      pos = read_link_after_title(skip_spaces(m_s, pos));
    } else if (const Atom* atom = m_flat.atom(pos); atom && atom->is_link) {
      m_item.style = atom->is_autolink ? EntryStyle::bare_url : EntryStyle::leading_link;
      title_link = atom;
      m_item.title = atom->text;
      m_item.url = atom->url;
      pos = read_year_after_link(skip_spaces(m_s, pos + 1));
    } else {
      pos = read_plain(pos);
    }
    read_tail(skip_spaces(m_s, pos));
    for (const Atom& atom : m_flat.atoms) {
      if (!atom.is_link) continue;
      m_item.links.push_back(atom.url);
      if (&atom == title_link) continue;
      if (auto format = format_of_label(atom.text)) add_format(m_item, *format);
    }
  }

 private:
  size_t read_tags(size_t pos) {
    while (const Atom* atom = m_flat.atom(pos)) {
      if (atom->is_link) break;
      size_t colon = skip_spaces(m_s, pos + 1);
      if (colon >= m_s.size() || m_s[colon] != ':') break;
      m_item.tags.emplace_back(trim(atom->text));
      pos = skip_spaces(m_s, colon + 1);
    }
    return pos;
  }

  size_t read_quote(size_t pos, std::string& quote) {
    size_t open = open_quote_length(m_s, pos);
    auto [close, close_length] = find_close_quote(m_s, pos + open);
    if (close == std::string::npos) {
      m_item.unclosed_quote = true;
      quote = std::string(trim(m_flat.render(pos + open, m_s.size())));
      return m_s.size();
    }
    quote = std::string(trim(m_flat.render(pos + open, close)));
    return close + close_length;
  }

  // "[SuperBPE](url) (2025) - …": a date in parentheses right after the
  // leading link is the entry's date.
  size_t read_year_after_link(size_t pos) {
    if (pos >= m_s.size() || m_s[pos] != '(') return pos;
    size_t close = m_s.find(')', pos);
    if (close == std::string::npos) return pos;
    std::string_view inside = trim(std::string_view(m_s).substr(pos + 1, close - pos - 1));
    if (!is_date_shape(inside)) return pos;
    m_item.date = std::string(inside);
    return close + 1;
  }

  // A link right after a title: the entry's URL, and metadata unless its
  // text only names a format.
  size_t read_link_after_title(size_t pos) {
    const Atom* atom = m_flat.atom(pos);
    if (!atom || !atom->is_link) return pos;
    if (!m_item.url) m_item.url = atom->url;
    if (!is_format_label(atom->text)) parse_metadata(atom->text, m_kinds, m_item);
    return pos + 1;
  }

  // Where a trailing *note* starts, or the end of the text.
  size_t note_start() const {
    size_t last = m_s.find_last_not_of(" \t");
    return last != std::string::npos && is_trailing_emphasis(last) ? last : m_s.size();
  }

  bool is_trailing_emphasis(size_t pos) const {
    const Atom* atom = m_flat.atom(pos);
    return atom && !atom->is_link && skip_spaces(m_s, pos + 1) == m_s.size();
  }

  // Plain text up to a link, a labelled quote or a trailing note.
  size_t read_plain(size_t pos) {
    m_item.style = EntryStyle::plain;
    size_t end = pos;
    for (; end < m_s.size(); ++end) {
      const Atom* atom = m_flat.atom(end);
      if (atom && (atom->is_link || is_trailing_emphasis(end))) break;
      if (open_quote_length(m_s, end) && m_flat.rendered_ends_with_colon(pos, end)) break;
    }
    std::string segment(trim(m_flat.render(pos, end)));
    bool label = ends_with(segment, ":");
    bool dash = !label && strip_trailing_dash(segment);
    m_item.title = label ? std::string(trim(std::string_view(segment).substr(0, segment.size() - 1))) : segment;
    if (open_quote_length(m_s, end)) {
      m_item.style = EntryStyle::quoted;
      std::string quote;
      end = read_quote(end, quote);
      m_item.description = quote;
      return read_link_after_title(skip_spaces(m_s, end));
    }
    if (const Atom* atom = m_flat.atom(end); atom && atom->is_link) {
      if (atom->is_autolink && label) {
        m_item.style = EntryStyle::bare_url;
        m_item.url = atom->url;
        return end + 1;
      }
      // "MySQL - [awesome-mysql](url)": a link after a separator names the
      // entry's page; its text describes it rather than holding metadata.
      if (label || dash) {
        m_item.url = atom->url;
        if (!is_format_label(atom->text)) m_item.description = atom->text;
        return end + 1;
      }
      // "For free books, go [here](url).": a link whose text is prose, not
      // metadata, is the entry's page; the whole sentence is its title.
      if (!is_format_label(atom->text) && !is_metadata_text(atom->text, m_kinds)) {
        m_item.url = atom->url;
        size_t stop = note_start();
        m_item.title = std::string(trim(m_flat.render(pos, stop)));
        return stop;
      }
      return read_link_after_title(end);
    }
    if (!label && end == m_s.size()) split_plain_description();
    return end;
  }

  // Removes a trailing " -", " —" or " –" from `text`; true if there was one.
  static bool strip_trailing_dash(std::string& text) {
    for (std::string_view sep : {" -", " \xE2\x80\x94", " \xE2\x80\x93"}) {
      if (!ends_with(text, sep)) continue;
      text = std::string(trim(std::string_view(text).substr(0, text.size() - sep.size())));
      return true;
    }
    return false;
  }

  // "macOS - Operating system for Apple's Mac computers."
  void split_plain_description() {
    for (std::string_view sep : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
      size_t at = m_item.title.find(sep);
      if (at == std::string::npos || at == 0) continue;
      m_item.description = std::string(trim(m_item.title.substr(at + sep.size())));
      m_item.title = std::string(trim(m_item.title.substr(0, at)));
      return;
    }
  }

  // "[chinese-poetry](…) _In Chinese_ – The most comprehensive…",
  // "[Actionsflow](…) `⚠` - The free Zapier/IFTTT alternative…",
  // "[recipes](…) by @bzimmerman – This repository…": a note in emphasis or
  // a code span, or a credit, between an awesome entry's link and its
  // separator. True when it read one, with the description after it.
  bool read_qualified_tail(size_t pos) {
    if (m_item.style != EntryStyle::leading_link || m_item.description || m_item.note || !m_item.authors.empty())
      return false;
    const Atom* atom = m_flat.atom(pos);
    auto code =
        std::find_if(m_flat.code.begin(), m_flat.code.end(), [&](const auto& span) { return span.first == pos; });
    if ((atom && !atom->is_link) || code != m_flat.code.end()) {
      size_t after_note = atom ? pos + 1 : code->second;
      std::string after(trim(m_flat.render(after_note, m_s.size())));
      std::optional<std::string> description = after_separator(after);
      if (!description || description->empty()) return false;
      m_item.note = atom ? std::string(trim(atom->text)) : std::string(trim(m_flat.render(pos, after_note)));
      m_item.description = std::move(*description);
      return true;
    }
    // Most tails open with their separator: only "by …" is rendered and read.
    if (m_s.size() < pos + 4 || !iequals(std::string_view(m_s).substr(pos, 3), "by ")) return false;
    std::string tail(trim(m_flat.render(pos, m_s.size())));
    size_t separator = find_separator(tail);
    std::string_view credit = trim(std::string_view(tail).substr(0, separator));
    std::optional<std::vector<std::string>> authors = credited_authors(credit);
    if (!authors || authors->empty()) return false;
    m_item.authors = std::move(*authors);
    if (separator != std::string::npos)
      if (auto description = after_separator(trim(std::string_view(tail).substr(separator)));
          description && !description->empty())
        m_item.description = std::move(*description);
    return true;
  }

  void read_tail(size_t pos) {
    if (read_qualified_tail(pos)) return;
    size_t end = m_s.size();
    size_t last = m_s.find_last_not_of(" \t");
    if (last != std::string::npos && last >= pos && is_trailing_emphasis(last)) {
      m_item.note = std::string(trim(m_flat.atom(last)->text));
      end = last;
    }
    std::string tail(trim(m_flat.render(pos, end)));
    take_trailing_formats(tail);
    if (tail.empty()) return;
    if (!m_item.description) {
      if (auto description = after_separator(tail)) {
        if (!description->empty()) m_item.description = *description;
        return;
      }
    }
    m_item.rest = tail;
  }

  // "… - Author (PDF, EPUB)": a closing parenthesis of format labels gives
  // the formats and leaves the text.
  void take_trailing_formats(std::string& tail) {
    if (tail.empty() || tail.back() != ')') return;
    size_t open = tail.rfind('(');
    if (open == std::string::npos) return;
    auto labels = split_trimmed_views(std::string_view(tail).substr(open + 1, tail.size() - open - 2), ",");
    if (labels.empty() || !std::all_of(labels.begin(), labels.end(),
                                       [](std::string_view label) { return format_of_label(label).has_value(); }))
      return;
    for (std::string_view label : labels) add_format(m_item, *format_of_label(label));
    tail = std::string(trim(std::string_view(tail).substr(0, open)));
  }

  const Flat& m_flat;
  const std::string& m_s;
  const KindTable& m_kinds;
  Item& m_item;
};

}  // namespace

bool is_format_label(std::string_view link_text) {
  std::string_view text = trim(link_text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') return true;
  static constexpr std::array<std::string_view, 11> k_labels = {
      "pdf", "html", "code", "slides", "video", "source", "demo", "epub", "audio", "transcript", "mp3"};
  return std::any_of(k_labels.begin(), k_labels.end(), [&](std::string_view label) { return iequals(text, label); });
}

std::optional<std::string> format_of_label(std::string_view label) {
  std::string_view text = trim(label);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = trim(text.substr(1, text.size() - 2));
  static constexpr std::array<std::string_view, 29> k_formats = {
      "pdf",      "html",  "epub",   "mobi", "azw3",  "kindle", "djvu", "ps",     "txt", "md",
      "markdown", "ipynb", "online", "web",  "video", "audio",  "mp3",  "slides", "ppt", "pptx",
      "doc",      "docx",  "odt",    "odp",  "rtf",   "chm",    "tex",  "latex",  "zip"};
  static constexpr size_t k_longest = [] {
    size_t longest = 0;
    for (std::string_view format : k_formats) longest = std::max(longest, format.size());
    return longest;
  }();
  if (text.size() > k_longest) return std::nullopt;  // most text is no label: no comparisons
  // Lower-cased once, then plain comparisons (most settled by the length).
  std::array<char, k_longest> lowered;
  std::transform(text.begin(), text.end(), lowered.begin(), ascii_lower);
  std::string_view key(lowered.data(), text.size());
  for (std::string_view format : k_formats)
    if (format == key) return std::string(format);
  return std::nullopt;
}

void add_format(Item& item, const std::string& format) {
  if (std::find(item.formats.begin(), item.formats.end(), format) == item.formats.end()) item.formats.push_back(format);
}

bool is_metadata_text(std::string_view text, const KindTable& kinds) {
  std::string_view trimmed = trim(text);
  if (trimmed.find(';') != std::string_view::npos || is_date_shape(trimmed) || kinds.classify(trimmed)) return true;
  auto parts = split_trimmed_views(trimmed, ",");
  return parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](std::string_view part) {
           return is_date_shape(part) || kinds.classify(part);
         });
}

void parse_metadata(std::string_view text, const KindTable& kinds, Item& item) {
  auto set_medium = [&](std::string_view raw) {
    item.medium = item.medium ? *item.medium + "; " + std::string(raw) : std::string(raw);
  };
  auto add_kinds = [&](const std::vector<std::string>& found) {
    for (const auto& kind : found)
      if (std::find(item.kinds.begin(), item.kinds.end(), kind) == item.kinds.end()) item.kinds.push_back(kind);
  };
  for (std::string_view field : split_trimmed_views(text, ";")) {
    if (is_date_shape(field)) {
      if (!item.date) item.date = field;
      continue;
    }
    if (auto found = kinds.classify(field)) {
      add_kinds(*found);
      set_medium(field);
      continue;
    }
    // "Blog & Paper, 2021-05": every comma part a date or kinds.
    auto parts = split_trimmed_views(field, ",");
    bool all_meta = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](std::string_view part) {
                      return is_date_shape(part) || kinds.classify(part);
                    });
    if (all_meta) {
      item.metadata_comma_split = true;
      for (std::string_view part : parts) {
        if (is_date_shape(part)) {
          if (!item.date) item.date = part;
        } else {
          add_kinds(*kinds.classify(part));
          set_medium(part);
        }
      }
      continue;
    }
    for (std::string_view author : split_trimmed_views(field, "&,")) item.authors.emplace_back(author);
  }
}

void parse_entry_fields(cmark_node* paragraph, const KindTable& kinds, Item& item, const StyleSet* styles, int style) {
  if (!paragraph) {
    item.style = EntryStyle::empty;
    return;
  }
  // One scratch buffer for every item: its capacity is reused, not
  // allocated afresh per entry.
  thread_local Flat flat;
  grammar_detail::flatten(paragraph, flat);
  EntryParser(flat, kinds, item).run();
  if (styles && (styles->detecting() || style >= 0))
    style_detail::read_template_styles(flat, kinds, *styles, style, item);
}

}  // namespace curate
