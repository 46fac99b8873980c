#include "flat.hpp"

#include <array>

#include "curate/catalog/grammar.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate::grammar_detail {
namespace {

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

struct Navigation {
  std::vector<std::pair<size_t, size_t>> ranges;  // the anchor links' text in Flat::text
};

void read_inlines(cmark_node* parent, Flat& flat, Navigation& navigation) {
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        flat.text += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_CODE: {
        size_t begin = flat.text.size();
        flat.text += cmark_node_get_literal(node);
        flat.code.emplace_back(begin, flat.text.size());
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        // "- [Learn X in Y Minutes](…)⏎  Learn the basics of…"
        // (every-programmer-should-know): a line's end is a break, which
        // separates a description from the link right before it.
        flat.breaks.push_back(flat.text.size());
        flat.text += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        // A line break GitHub shows: a blank between words.
        if (const char* html = cmark_node_get_literal(node); html && istarts_with(html, "<br")) {
          flat.breaks.push_back(flat.text.size());
          flat.text += ' ';
        }
        break;
      case CMARK_NODE_IMAGE:  // badges and raw tags are decoration, not fields
        break;
      case CMARK_NODE_EMPH:
        if (has_link(node)) {
          read_inlines(node, flat, navigation);
        } else {
          add_atom(flat, Atom{false, false, plain_text(node), {}});
        }
        break;
      case CMARK_NODE_STRONG: {
        size_t begin = flat.text.size();
        read_inlines(node, flat, navigation);
        flat.strong.emplace_back(begin, flat.text.size());
        break;
      }
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(node);
        if (is_anchor_url(url ? url : "")) {
          size_t begin = flat.text.size();
          flat.text += plain_text(node);
          navigation.ranges.emplace_back(begin, flat.text.size());
          break;
        }
        Atom atom{true, false, plain_text(node), url ? url : ""};
        // A badge after the entry's words ("… a DNS-server [<img
        // src=…>](https://travis-ci.org/…)") is decoration, like an image.
        // One that links a repository's home page names the entry's source
        // (awesome-mac's "[![Open-Source Software][OSS Icon]](https://github.com/brackets-cont/brackets/)":
        // 314 entries): one of its links, still no words of it.
        if (trim(atom.text).empty() && cmark_node_first_child(node) &&
            flat.text.find_first_not_of(" \t") != std::string::npos) {
          if (auto home = code_host_path(atom.url); home && home->repository_home())
            flat.badge_links.push_back(std::move(atom.url));
          break;
        }
        atom.is_autolink =
            atom.text == atom.url || "http://" + atom.text == atom.url || "mailto:" + atom.text == atom.url;
        add_atom(flat, std::move(atom));
        break;
      }
      default:
        read_inlines(node, flat, navigation);
        break;
    }
  }
}

// Characters that only join a navigation link to the rest of the line.
bool is_joiner(char c) { return c == ' ' || c == '\t' || c == '|' || c == '(' || c == ')' || c == '[' || c == ']'; }

// True when `flat` says something outside the navigation ranges.
bool has_other_content(const Flat& flat, const Navigation& navigation) {
  size_t at = 0;
  for (auto [begin, end] : navigation.ranges) {
    for (size_t i = at; i < begin; ++i)
      if (!is_joiner(flat.text[i])) return true;
    at = end;
  }
  for (size_t i = at; i < flat.text.size(); ++i)
    if (!is_joiner(flat.text[i])) return true;
  return false;
}

// Removes [begin, end) from the text, shifting what comes after.
void erase(Flat& flat, size_t begin, size_t end) {
  size_t length = end - begin;
  flat.text.erase(begin, length);
  for (size_t& at : flat.atom_at)
    if (at >= end) at -= length;
  for (auto* spans : {&flat.code, &flat.strong}) {
    for (auto& [from, to] : *spans) {
      if (from >= end) from -= length;
      if (to >= end) to -= length;
    }
  }
}

}  // namespace

void take_closing_labels(Flat& flat, std::vector<Atom>& labels) {
  static constexpr std::array<std::string_view, 24> k_labels = {
      "website",     "web site", "webpage", "web page", "homepage",   "home page",     "site", "source",
      "source code", "code",     "github",  "repo",     "repository", "documentation", "docs", "demo",
      "paper",       "pdf",      "slides",  "video",    "blog",       "download",      "web",  "pypi"};
  labels.clear();
  const std::string& text = flat.text;
  size_t cut = text.size();       // where the closing run of labels starts
  bool all_parenthesized = true;  // "- Steven Halim [(PDF)](…)": a label in parentheses closes any text
  // "… by Google [[Web](…)]" (awesome-deep-vision): a label may stand in
  // brackets of its own, which go with it.
  constexpr const char* k_between = " \t,|-";
  size_t last = text.find_last_not_of(k_between);
  // A stop may close the labels too: "… for DevOps teams. [repo](…)." (free-for-dev).
  if (last != std::string::npos && last > 0 && text[last] == '.' && text[last - 1] == '\0') --last;
  while (last != std::string::npos) {
    // "[[Paper](…)]" reads as "[Paper](…)" would, its brackets with it.
    bool bracketed = text[last] == ']' && last >= 2 && text[last - 1] == '\0' && text[last - 2] == '[';
    size_t at = bracketed ? last - 1 : last;
    if (text[at] != '\0') break;  // no atom: the common case, asked first
    const Atom* atom = flat.atom(at);
    std::string_view label_text = atom->is_link ? trim(atom->text) : std::string_view();
    bool parenthesized = label_text.size() > 2 && label_text.front() == '(' && label_text.back() == ')';
    if (parenthesized) label_text = trim(label_text.substr(1, label_text.size() - 2));
    parenthesized = parenthesized || bracketed;
    if (label_text.empty() || label_text.size() > 13 ||  // the longest label, "documentation"
        (std::none_of(k_labels.begin(), k_labels.end(),
                      [&](std::string_view label) { return iequals(label_text, label); }) &&
         !(parenthesized && format_of_label(label_text))))
      break;
    all_parenthesized = all_parenthesized && parenthesized;
    cut = bracketed ? at - 1 : at;
    last = cut ? text.find_last_not_of(k_between, cut - 1) : std::string::npos;
  }
  if (cut == text.size() || last == std::string::npos ||
      (!all_parenthesized && std::string_view(".!?)]").find(text[last]) == std::string_view::npos))
    return;
  // "- [ ] [video](…)": after a task box, the label is all the entry has.
  if (std::string_view before = trim(std::string_view(text).substr(0, last + 1));
      before == "[ ]" || before == "[x]" || before == "[X]")
    return;
  size_t first_label =
      static_cast<size_t>(std::lower_bound(flat.atom_at.begin(), flat.atom_at.end(), cut) - flat.atom_at.begin());
  for (size_t i = first_label; i < flat.atoms.size(); ++i) labels.push_back(std::move(flat.atoms[i]));
  flat.atoms.resize(first_label);
  flat.atom_at.resize(first_label);
  flat.text.resize(last + 1);
  flat.breaks.erase(std::remove_if(flat.breaks.begin(), flat.breaks.end(), [&](size_t at) { return at > last; }),
                    flat.breaks.end());
  for (auto* spans : {&flat.code, &flat.strong}) {
    spans->erase(std::remove_if(spans->begin(), spans->end(), [&](const auto& span) { return span.first > last; }),
                 spans->end());
    for (auto& span : *spans) span.second = std::min(span.second, last + 1);
  }
}

bool is_shortcode(std::string_view word) {
  return word.size() > 2 && word.front() == ':' && word.back() == ':' &&
         std::all_of(word.begin() + 1, word.end() - 1, [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
         });
}

bool is_symbol_word(std::string_view word) {
  if (word.empty() || word.size() > 16) return false;
  for (size_t i = 0; i < word.size();) {
    auto byte = [&](size_t k) { return k < word.size() ? static_cast<unsigned char>(word[k]) : 0; };
    if (byte(i) == 0xF0 && i + 4 <= word.size())
      i += 4;
    else if ((byte(i) == 0xE2 || (byte(i) == 0xEF && byte(i + 1) == 0xB8)) && i + 3 <= word.size())
      i += 3;
    else
      return false;
  }
  return true;
}

void take_leading_marks(Flat& flat, std::string& marks) {
  marks.clear();
  const std::string& text = flat.text;
  size_t at = text.find_first_not_of(" \t");
  size_t words = 0;
  while (at != std::string::npos && at < text.size() && text[at] != '\0') {
    size_t end = std::min(text.find_first_of(" \t", at), text.size());
    std::string_view word = std::string_view(text).substr(at, end - at);
    if (!is_shortcode(word) && !is_symbol_word(word)) return;
    ++words;
    at = text.find_first_not_of(" \t", end);
  }
  if (!words || at == std::string::npos || !flat.atom(at)->is_link) return;
  marks = collapse_whitespace(std::string_view(text).substr(0, at));
  flat.text.erase(0, at);
  for (size_t& position : flat.atom_at) position -= at;
  for (auto* spans : {&flat.code, &flat.strong})
    for (auto& span : *spans) span = {span.first > at ? span.first - at : 0, span.second > at ? span.second - at : 0};
  for (size_t& position : flat.breaks) position = position > at ? position - at : 0;
}

void Flat::clear() {
  text.clear();
  atoms.clear();
  atom_at.clear();
  code.clear();
  strong.clear();
  breaks.clear();
  badge_links.clear();
  dropped_navigation = false;
}

std::string Flat::render(size_t begin, size_t end) const {
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

bool Flat::rendered_ends_with_colon(size_t begin, size_t end) const {
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

void flatten(cmark_node* paragraph, Flat& flat) {
  flat.clear();
  Navigation navigation;
  read_inlines(paragraph, flat, navigation);
  if (navigation.ranges.empty() || !has_other_content(flat, navigation)) return;
  // From the last range back, so earlier positions stay valid; each range
  // takes the joiners before it ("… | [Back to Top](#top)").
  for (auto it = navigation.ranges.rbegin(); it != navigation.ranges.rend(); ++it) {
    size_t begin = it->first, end = it->second;
    while (begin > 0 && is_joiner(flat.text[begin - 1])) --begin;
    while (end < flat.text.size() && (flat.text[end] == ')' || flat.text[end] == ']')) ++end;
    erase(flat, begin, end);
  }
  flat.dropped_navigation = true;
}

}  // namespace curate::grammar_detail
