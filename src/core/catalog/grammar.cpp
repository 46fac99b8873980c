#include "curate/catalog/grammar.hpp"

#include <algorithm>
#include <array>

#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// One inline the grammar treats as a unit: an emphasis (tag or note) or a link.
struct Atom {
  bool is_link = false;
  bool is_autolink = false;  // a bare URL turned into a link by GFM
  std::string text;
  std::string url;
};

// The first paragraph as text in which every atom stands as one NUL byte
// (read_source rejects NUL, so it cannot occur in the text itself).
struct Flat {
  std::string text;
  std::vector<Atom> atoms;
  std::vector<size_t> atom_at;  // position of each atom's NUL

  const Atom* atom(size_t pos) const {
    if (pos >= text.size() || text[pos] != '\0') return nullptr;
    auto it = std::lower_bound(atom_at.begin(), atom_at.end(), pos);
    return &atoms[static_cast<size_t>(it - atom_at.begin())];
  }

  // The text of [begin, end) with each atom replaced by its own text.
  std::string render(size_t begin, size_t end) const {
    std::string out;
    end = std::min(end, text.size());
    for (size_t i = begin; i < end;) {
      size_t nul = text.find('\0', i);
      if (nul >= end) {
        out.append(text, i, end - i);
        break;
      }
      out.append(text, i, nul - i);
      out += atom(nul)->text;
      i = nul + 1;
    }
    return out;
  }

  // Whether render(begin, end), trimmed, ends with ':'. Constant time in the
  // length of the segment, so scanning a long line for labels stays linear.
  bool rendered_ends_with_colon(size_t begin, size_t end) const {
    for (size_t i = std::min(end, text.size()); i > begin; --i) {
      char c = text[i - 1];
      if (c == '\0') {
        std::string_view atom_text = trim(atom(i - 1)->text);
        if (atom_text.empty()) continue;
        return atom_text.back() == ':';
      }
      if (!trim(std::string_view(&text[i - 1], 1)).empty()) return c == ':';
    }
    return false;
  }
};

bool has_link(cmark_node* node) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    if (cmark_node_get_type(child) == CMARK_NODE_LINK || has_link(child)) return true;
  return false;
}

void add_atom(Flat& flat, Atom atom) {
  flat.atom_at.push_back(flat.text.size());
  flat.text.push_back('\0');
  flat.atoms.push_back(std::move(atom));
}

void flatten(cmark_node* parent, Flat& flat) {
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        flat.text += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        flat.text += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_IMAGE:  // badges and raw tags are decoration, not fields
        break;
      case CMARK_NODE_EMPH:
        if (has_link(node)) {
          flatten(node, flat);
        } else {
          add_atom(flat, Atom{false, false, plain_text(node), {}});
        }
        break;
      case CMARK_NODE_LINK: {
        Atom atom{true, false, plain_text(node), cmark_node_get_url(node)};
        atom.is_autolink =
            atom.text == atom.url || "http://" + atom.text == atom.url || "mailto:" + atom.text == atom.url;
        add_atom(flat, std::move(atom));
        break;
      }
      default:
        flatten(node, flat);
        break;
    }
  }
}

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
  return std::nullopt;
}

class EntryParser {
 public:
  EntryParser(const Flat& flat, const KindTable& kinds, Item& item)
      : m_flat(flat), m_s(flat.text), m_kinds(kinds), m_item(item) {}

  void run() {
    size_t pos = read_tags(skip_spaces(m_s, 0));
    if (open_quote_length(m_s, pos)) {
      m_item.style = EntryStyle::quoted;
      std::string quote;
      pos = read_quote(pos, quote);
      m_item.title = quote;
      pos = read_link_after_title(skip_spaces(m_s, pos));
    } else if (const Atom* atom = m_flat.atom(pos); atom && atom->is_link) {
      m_item.style = atom->is_autolink ? EntryStyle::bare_url : EntryStyle::leading_link;
      m_item.title = atom->text;
      m_item.url = atom->url;
      pos += 1;
    } else {
      pos = read_plain(pos);
    }
    read_tail(skip_spaces(m_s, pos));
    for (const Atom& atom : m_flat.atoms)
      if (atom.is_link) m_item.links.push_back(atom.url);
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

  // A link right after a title: the entry's URL, and metadata unless its
  // text only names a format.
  size_t read_link_after_title(size_t pos) {
    const Atom* atom = m_flat.atom(pos);
    if (!atom || !atom->is_link) return pos;
    if (!m_item.url) m_item.url = atom->url;
    if (!is_format_label(atom->text)) parse_metadata(atom->text, m_kinds, m_item);
    return pos + 1;
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

  void read_tail(size_t pos) {
    size_t end = m_s.size();
    size_t last = m_s.find_last_not_of(" \t");
    if (last != std::string::npos && last >= pos && is_trailing_emphasis(last)) {
      m_item.note = std::string(trim(m_flat.atom(last)->text));
      end = last;
    }
    std::string tail(trim(m_flat.render(pos, end)));
    if (tail.empty()) return;
    if (!m_item.description) {
      if (auto description = after_separator(tail)) {
        if (!description->empty()) m_item.description = *description;
        return;
      }
    }
    m_item.rest = tail;
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

void parse_entry_fields(cmark_node* paragraph, const KindTable& kinds, Item& item) {
  if (!paragraph) {
    item.style = EntryStyle::empty;
    return;
  }
  // One scratch buffer for every item: its capacity is reused, not
  // allocated afresh per entry.
  thread_local Flat flat;
  flat.text.clear();
  flat.atoms.clear();
  flat.atom_at.clear();
  flatten(paragraph, flat);
  EntryParser(flat, kinds, item).run();
}

}  // namespace curate
