#include "curate/catalog/grammar.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <utf8proc.h>

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
  if (pos >= s.size()) return 0;
  if (s[pos] == '"') return 1;
  // “, byte by byte: read_plain asks at every byte it scans.
  return s[pos] == '\xE2' && pos + 2 < s.size() && s[pos + 1] == '\x80' && s[pos + 2] == '\x9C' ? 3 : 0;
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

// The length of the emoji shortcode opening `text` (":zap:", ":star2:"), or 0.
size_t shortcode_length(std::string_view text) {
  if (text.size() < 3 || text[0] != ':') return 0;
  size_t i = 1;
  while (i < text.size() &&
         (std::islower(static_cast<unsigned char>(text[i])) || std::isdigit(static_cast<unsigned char>(text[i])) ||
          text[i] == '_' || text[i] == '+' || text[i] == '-'))
    ++i;
  return i > 1 && i < text.size() && text[i] == ':' ? i + 1 : 0;
}

// Whether `text` opens with a letter or digit of any script ("廖雪峰",
// "Android"), as words right after a link do.
bool opens_with_word(std::string_view text) {
  if (text.empty()) return false;
  utf8proc_int32_t code = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &code);
  if (code < 0) return false;
  if (code < 0x80) return std::isalnum(static_cast<unsigned char>(code)) != 0;
  utf8proc_category_t category = utf8proc_category(code);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

// "8th Light https://8thlight.com/blog/": whether the text before a bare
// address names it (under a dozen words), rather than leading into it ("more at
// https://…", "… assistants (see www.nuprl.org").
bool names_bare_url(std::string_view text) {
  if (text.empty() || std::string_view("([{<\"'*_`~").find(text.back()) != std::string_view::npos ||
      std::count(text.begin(), text.end(), '(') != std::count(text.begin(), text.end(), ')') ||
      std::count(text.begin(), text.end(), ' ') >= 12)
    return false;
  size_t space = text.find_last_of(" \t");
  std::string_view last = space == std::string_view::npos ? text : text.substr(space + 1);
  static constexpr std::array<std::string_view, 22> k_leads = {
      "a",   "an",    "the",  "at", "in",  "on",  "to", "of", "for",  "from", "via",
      "see", "visit", "here", "is", "are", "and", "or", "by", "with", "into", "as"};
  return std::none_of(k_leads.begin(), k_leads.end(), [&](std::string_view lead) { return last == lead; });
}

// "link to paper", "Project page": link text that only labels the page
// the text before it names.
bool is_page_label(std::string_view link_text) {
  static constexpr std::array<std::string_view, 16> k_labels = {
      "link",    "link to paper", "paper", "arxiv", "website",  "homepage",   "project page", "project",
      "article", "blog post",     "post",  "web",   "official", "repository", "repo",         "github"};
  std::string_view text = trim(link_text);
  return std::any_of(k_labels.begin(), k_labels.end(), [&](std::string_view label) { return iequals(text, label); });
}

// Separators between a name and its description ("- ", "— ", "– ", ": ").
std::optional<std::string> after_separator(std::string_view text) {
  // "-> ", "=> ", "→ " (awesome-datascience's "[neptune.ml](…) -> …"), and a
  // stop or comma right after the link ("[AI Digest](…). A weekly …").
  static constexpr std::array<std::string_view, 10> k_separators = {
      "- ", "\xE2\x80\x94 ", "\xE2\x80\x93 ", ": ", "-- ", "-> ", "=> ", "\xE2\x86\x92 ", ". ", ", "};
  for (auto sep : k_separators)
    if (starts_with(text, sep)) return std::string(trim(text.substr(sep.size())));
  // "[p](…)：非常简单的交互式 Python 版本管理工具。" (awesome-python-cn): a
  // full-width colon, no blank after it in Chinese.
  if (starts_with(text, "\xEF\xBC\x9A")) return std::string(trim(text.substr(3)));
  for (auto sep : {std::string_view("-"), std::string_view(":"), std::string_view("\xE2\x80\x94")})
    if (text == sep) return std::string();
  // "[UI Design Daily](…) :Weekly FREE UI resources": a colon glued to the
  // description still separates it (an emoji shortcode, ":zap: …", does not);
  // so does a dash glued to a capital ("[ChakraCore](…) -A JavaScript
  // engine"), which entry-format still reports.
  if (text.size() > 1 && text[0] == ':' && std::isalnum(static_cast<unsigned char>(text[1])) && !shortcode_length(text))
    return std::string(trim(text.substr(1)));
  if (text.size() > 1 && text[0] == '-' && std::isupper(static_cast<unsigned char>(text[1])))
    return std::string(trim(text.substr(1)));
  // "[Sudachi](…) -　A Japanese Tokenizer" (an ideographic space after the
  // dash), "[bert-classification-tutorial](…) -【2023年版】BERT…"
  // (awesome-japanese-nlp-resources): a dash before CJK text or brackets.
  if (text.size() > 3 && text[0] == '-') {
    unsigned char lead = static_cast<unsigned char>(text[1]);
    std::string_view rest = text.substr(1);
    if (starts_with(rest, "\xE3\x80\x80")) return std::string(trim(rest.substr(3)));  // U+3000
    if (lead >= 0xE3 && lead <= 0xE9) return std::string(trim(rest));                 // U+3000-U+9FFF
  }
  return std::nullopt;
}

// Where the first separator of `text` starts (" - ", " – ", " — ", ": "),
// or npos; one inside parentheses ("by @ackzell (2017 - 2018)") is none.
size_t find_separator(std::string_view text) {
  size_t at = std::min({text.find(" - "), text.find(" \xE2\x80\x93 "), text.find(" \xE2\x80\x94 "), text.find(": ")});
  if (at == std::string_view::npos) return at;
  size_t open = text.rfind('(', at);
  if (open == std::string_view::npos || text.find(')', open) < at) return at;
  size_t close = text.find(')', at);
  if (close == std::string_view::npos) return at;
  size_t next = find_separator(text.substr(close));
  return next == std::string_view::npos ? next : close + next;
}

// "Packt", "O'Reilly Media", "No Starch Press": a publisher of books, not
// one of their authors.
bool is_publisher(std::string_view name) {
  for (std::string_view suffix : {" Press", " Publishing", " Publications", " Books"})
    if (name.size() > suffix.size() && ends_with(name, suffix)) return true;
  return iequals_any(name, {"packt", "o'reilly", "o'reilly media", "manning", "apress", "leanpub", "sitepoint", "wiley",
                            "springer", "wrox", "addison-wesley", "prentice hall", "pragmatic bookshelf",
                            "the pragmatic programmers", "no starch", "a book apart"});
}

// "https://github.com/mul14", "https://twitter.com/rajdeepdua": a person's
// or organisation's page on GitHub, GitLab or Twitter.
bool is_profile_url(std::string_view url) {
  for (std::string_view host : {"https://github.com/", "https://gitlab.com/", "https://twitter.com/", "https://x.com/",
                                "http://github.com/", "http://twitter.com/"}) {
    if (!istarts_with(url, host)) continue;
    std::string_view name = url.substr(host.size());
    if (!name.empty() && name.back() == '/') name.remove_suffix(1);
    return !name.empty() && name.find_first_of("/?#") == std::string_view::npos;
  }
  return false;
}

// "(2017 - 2018)", "(2015–2017)": the first year of a range of years, or "".
std::string first_year_of_range(std::string_view text) {
  if (text.size() < 9 || !is_date_shape(text.substr(0, 4))) return "";
  std::string_view rest = trim(text.substr(4));
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
    if (starts_with(rest, dash)) {
      std::string_view end = trim(rest.substr(dash.size()));
      return end.size() == 4 && is_date_shape(end) ? std::string(text.substr(0, 4)) : "";
    }
  return "";
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

// "(by John Smith)", "(作者：阮一峰)": a remark after the link that only
// credits the entry's authors.
std::optional<std::vector<std::string>> credit_in_remark(std::string_view remark) {
  for (std::string_view label : {"\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", "\xE4\xBD\x9C\xE8\x80\x85:"})  // 作者：
    if (starts_with(remark, label)) {
      std::string_view names = trim(remark.substr(label.size()));
      if (names.empty() || !style_detail::plausible_authors(names)) return std::nullopt;
      return style_detail::split_authors(names);
    }
  return credited_authors(remark);
}

// "Python", "C++", "Golang": the name of a programming language.
bool is_language_name(std::string_view name) {
  return iequals_any(
      name, {"python", "r",      "c",      "c++",     "c#",      "java",        "javascript", "typescript", "go",
             "golang", "rust",   "julia",  "scala",   "ruby",    "php",         "matlab",     "haskell",    "kotlin",
             "swift",  "elixir", "erlang", "clojure", "lua",     "perl",        "excel",      "fortran",    "ocaml",
             "f#",     "dart",   "shell",  "bash",    "node.js", "zig",         "nim",        "crystal",    "groovy",
             "vba",    "q",      "kdb+",   "sql",     "cython",  "objective-c", "elm",        "wasm"});
}

// "《Python源码剖析》" (jobbole's awesome-programming-books): a title without
// the marks Chinese sets around a book's title.
std::string_view without_book_marks(std::string_view text) {
  if (text.size() >= 6 && starts_with(text, "\xE3\x80\x8A") && ends_with(text, "\xE3\x80\x8B") &&
      text.find("\xE3\x80\x8A", 3) == std::string_view::npos)
    return trim(text.substr(3, text.size() - 6));
  return text;
}

// "Can I Use" (a site: "… vendor prefixes to rules by Can I Use.", awesome-
// ruby), "First-Class Designers" (a kind of people: "Free Icons by First-
// Class Designers.", awesome-stock-resources): words no person is named by,
// the pronoun "I" or a plural that names a group.
bool names_no_person(std::string_view name) {
  for (std::string_view word : split_trimmed_views(name, " ")) {
    if (word == "I") return true;
    if (iequals_any(word, {"designers", "developers", "photographers", "artists", "engineers", "experts", "creators",
                           "users", "people", "folks", "friends", "volunteers", "photos", "images"}))
      return true;
  }
  return false;
}

// "36:05", "00:45:34": a talk's length.
bool is_duration(std::string_view text) {
  return text.find(':') != std::string_view::npos && text.find_first_not_of("0123456789:") == std::string_view::npos;
}

// Text without the quotes around all of it: "\"Title\"", "“Title”".
std::string_view without_quotes(std::string_view text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return trim(text.substr(1, text.size() - 2));
  if (text.size() >= 6 && starts_with(text, "\xE2\x80\x9C") && ends_with(text, "\xE2\x80\x9D"))
    return trim(text.substr(3, text.size() - 6));
  return text;
}

// "Peter Norvig." before "[\"How to Write a Spelling Corrector\"](…)":
// whether `before`, a link's lead, is names of two words or more closed by
// a stop, and the link's text a title of two words or more.
bool credits_before_link(std::string_view before, std::string_view link_text) {
  if (before.size() < 4 || before.back() != '.' || before.find(' ') == std::string_view::npos ||
      trim(link_text).find(' ') == std::string_view::npos)
    return false;
  return style_detail::plausible_authors(before.substr(0, before.size() - 1));
}

class EntryParser {
 public:
  EntryParser(const Flat& flat, const KindTable& kinds, Item& item)
      : m_flat(flat), m_s(flat.text), m_kinds(kinds), m_item(item) {}

  // `labelled`: links that only label the entry's pages closed it.
  void run(bool labelled) {
    size_t pos = read_kind_label(read_dated_prefix(read_tags(skip_task_box(skip_spaces(m_s, 0)))));
    const Atom* title_link = nullptr;  // "[mp3](…) - Native Go MP3 decoder.": a name, not a format
    // "《[计算机系统概论](…)》" (jobbole's awesome-programming-books): the
    // marks Chinese sets around a book's title, around its link.
    bool book_marks = m_s.compare(pos, 3, "\xE3\x80\x8A") == 0 && m_flat.atom(pos + 3) && m_flat.atom(pos + 3)->is_link;
    if (book_marks) pos += 3;
    // "[![Open-Source Software][OSS Icon]](…/development.html) [Ardour](https://
    // ardour.org/) - …" (Awesome-Linux-Software, 514 entries): badges that
    // link the source before the entry's own link; their pages join its links.
    for (const Atom* badge = m_flat.atom(pos);
         badge && badge->is_link && !badge->is_autolink && trim(badge->text).empty() && pos + 1 < m_s.size();
         badge = m_flat.atom(pos)) {
      size_t next = skip_spaces(m_s, pos + 1);
      const Atom* own = m_flat.atom(next);
      if (!own || !own->is_link || trim(own->text).empty()) break;
      pos = next;
    }
    if (opens_quoted_title(pos)) {
      m_item.style = EntryStyle::quoted;
      std::string quote;
      pos = read_quote(pos, quote);
      m_item.title = quote;
      pos = read_link_after_title(skip_spaces(m_s, pos));
    } else if (const Atom* atom = m_flat.atom(pos); atom && atom->is_link) {
      m_item.style = atom->is_autolink ? EntryStyle::bare_url : EntryStyle::leading_link;
      title_link = atom;
      // "[\"Building a self-updating profile README\"](…)" (awesome-github-
      // profile-readme): quotes around the whole text are no part of the title.
      m_item.title = std::string(without_quotes(trim(atom->text)));
      // "[Top 20 SQLITE  Interview Questions](…)": blanks as GitHub shows them.
      if (m_item.title.find_first_of("\t\n") != std::string::npos || m_item.title.find("  ") != std::string::npos)
        m_item.title = collapse_whitespace(m_item.title);
      m_item.url = atom->url;
      // "[Oobleck:](…) Resilient distributed training…": the colon inside
      // the link separates the name from its description.
      if (m_item.title.size() > 1 && m_item.title.back() == ':') {
        m_item.title = std::string(trim(std::string_view(m_item.title).substr(0, m_item.title.size() - 1)));
        m_colon_title = true;
      }
      take_title_credit();
      m_item.title = std::string(without_quotes(m_item.title));  // "[\"Step-by-step resume guide\" by …](…)"
      take_title_counts();
      take_title_kind();
      size_t after_link = skip_spaces(m_s, pos + 1);
      if (book_marks && m_s.compare(after_link, 3, "\xE3\x80\x8B") == 0) after_link = skip_spaces(m_s, after_link + 3);
      pos = read_year_after_link(after_link);
      // "[Angular Interview Questions (2020)](…)" (awesome-interview-
      // questions): a year closing the link's text dates the entry too.
      if (size_t n = m_item.title.size(); !m_item.date && n > 7 && m_item.title[n - 1] == ')' &&
                                          m_item.title.compare(n - 7, 2, " (") == 0 &&
                                          is_date_shape(std::string_view(m_item.title).substr(n - 5, 4)))
        m_item.date = m_item.title.substr(n - 5, 4);
    } else if (size_t after = read_spaced_link(pos); after != pos) {
      pos = after;
    } else {
      pos = read_plain(pos);
    }
    read_tail(skip_spaces(m_s, pos));
    if (m_status && !m_item.note) m_item.note = std::move(m_status);
    // "Robots that can adapt like animals (Cully, Nature 2015) [[Paper](…)]",
    // "… (Kohl, ICRA 2004) [[Paper]](…)" (awesome-rl): a title its labels'
    // links follow.
    if (m_item.style == EntryStyle::plain && m_item.authors.empty())
      take_bold_title_credits(m_plain_start, m_plain_end);
    if (m_item.style == EntryStyle::plain && !m_item.description && (labelled || m_label_link))
      take_title_venue_year(m_item);
    if (m_item.style == EntryStyle::plain && m_item.authors.empty() && m_item.note) take_emphasized_citation();
    if (m_item.style == EntryStyle::plain && !m_item.date) take_in_venue();
    if (m_item.style == EntryStyle::plain && m_item.authors.empty()) take_citation();
    for (const Atom& atom : m_flat.atoms) {
      if (!atom.is_link) continue;
      m_item.links.push_back(atom.url);
      if (&atom == title_link) continue;
      if (auto format = format_of_label(atom.text)) add_format(m_item, *format);
    }
  }

 private:
  // "[CoreNLP] (http://nlp.stanford.edu/…) - Stanford CoreNLP": a link
  // written with a space before its parenthesis is no link (link-syntax
  // reports it), but GFM makes the address one: the bracketed text is still
  // the title. So do "[Find Security Contacts] https://…" (awesome-osint)
  // and "[Getting Started on Kubernetes][http://…]" (awesome-kubernetes).
  // The position after the address (and its closing bracket), or `pos`.
  size_t read_spaced_link(size_t pos) {
    if (pos >= m_s.size() || m_s[pos] != '[') return pos;
    size_t close = m_s.find(']', pos);
    if (close == std::string::npos) return pos;
    size_t at = 0;
    char closer = 0;
    if (m_s.compare(close, 3, "] (") == 0) {
      at = close + 3, closer = ')';
    } else if (m_s.compare(close, 2, "][") == 0) {
      at = close + 2, closer = ']';
    } else if (m_s.compare(close, 2, "] ") == 0) {
      at = close + 2;
    } else {
      return pos;
    }
    std::string_view title = trim(std::string_view(m_s).substr(pos + 1, close - pos - 1));
    if (title.empty() || title.find('\0') != std::string_view::npos) return pos;
    std::string url;
    size_t end = at + 1;
    if (const Atom* link = m_flat.atom(at); link && link->is_autolink) {
      url = link->url;
    } else if (size_t shut = m_s.find(']', at); closer == ']' && shut != std::string::npos) {
      // "[…][http://…]" is a reference GFM does not autolink inside.
      std::string_view address = std::string_view(m_s).substr(at, shut - at);
      if (!(starts_with(address, "http://") || starts_with(address, "https://")) ||
          address.find_first_of(" \t\0") != std::string_view::npos)
        return pos;
      url = std::string(address);
      end = shut;
    } else {
      return pos;
    }
    if (closer && (end >= m_s.size() || m_s[end] != closer)) return pos;
    m_item.style = EntryStyle::leading_link;
    m_item.title = std::string(title);
    m_item.url = std::move(url);
    return closer ? end + 1 : end;
  }

  // Whether a quote opening at `pos` is the entry's title: it is never
  // closed (unbalanced-quotes says so), or what follows it is the rest of an
  // entry (its link, a separator, a remark, a credit) rather than more of a
  // sentence: "“Mini-agent” as tool" is a phrase, not a title.
  bool opens_quoted_title(size_t pos) const {
    size_t open = open_quote_length(m_s, pos);
    if (!open) return false;
    auto [close, close_length] = find_close_quote(m_s, pos + open);
    if (close == std::string::npos) return true;
    size_t next = skip_spaces(m_s, close + close_length);
    if (next == m_s.size() || m_flat.atom(next)) return true;
    std::string_view rest = std::string_view(m_s).substr(next);
    return rest[0] == '(' || rest[0] == ',' || rest[0] == '.' || after_separator(rest) ||
           (rest.size() > 3 && iequals(rest.substr(0, 3), "by "));
  }

  // "- [ ] Add new stuff…", "- [x] Done": GitHub shows a task list's box as
  // a checkbox, no text of the entry's.
  size_t skip_task_box(size_t pos) const {
    for (std::string_view box : {"[ ] ", "[x] ", "[X] "})
      if (m_s.compare(pos, box.size(), box) == 0) return skip_spaces(m_s, pos + box.size());
    return pos;
  }

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

  // "**LR-Net**: "Local Relation Networks for Image Recognition", ICCV,
  // 2019 (*Microsoft*). [[Paper](…)]" (cmhungsteve/Awesome-Transformer-
  // Attention's 363 papers): a method's name in bold labels the paper's
  // quoted title, and a venue and year follow it, then remarks in
  // parentheses: one in emphasis is the authors' affiliation ("(*CUHK +
  // Intel*)"), any other the note ("(rejected by ICLR 2020)"). `label_at`:
  // where the name starts; `pos`: after the closing quote. Where the
  // citation ends, or `pos` when the entry is written otherwise.
  size_t read_named_paper(size_t label_at, const std::string& quote, size_t pos) {
    label_at = skip_spaces(m_s, label_at);
    auto bold = std::find_if(m_flat.strong.begin(), m_flat.strong.end(),
                             [&](const auto& span) { return span.first == label_at; });
    if (bold == m_flat.strong.end() || m_s.compare(bold->second, 1, ":") != 0 || quote.empty()) return pos;
    size_t at = skip_spaces(m_s, pos);
    if (at >= m_s.size() || m_s[at] != ',') return pos;
    size_t venue_end = m_s.find(',', at + 1);
    if (venue_end == std::string::npos) return pos;
    std::string_view venue = trim(std::string_view(m_s).substr(at + 1, venue_end - at - 1));
    size_t year_at = skip_spaces(m_s, venue_end + 1);
    std::string_view year = std::string_view(m_s).substr(year_at, 4);
    bool year_ends = year_at + 4 >= m_s.size() || !std::isdigit(static_cast<unsigned char>(m_s[year_at + 4]));
    if (venue.empty() || venue.size() > 40 ||
        venue.find_first_of(std::string_view("\0\"", 2)) != std::string_view::npos || !is_date_shape(year) ||
        !year_ends)
      return pos;
    std::string affiliation, note;
    at = skip_spaces(m_s, year_at + 4);
    while (at < m_s.size() && m_s[at] == '(') {
      size_t close = matching_bracket(m_s, at);
      if (close == std::string::npos) return pos;
      std::string_view inside = trim(std::string_view(m_s).substr(at + 1, close - at - 1));
      const Atom* atom = inside.size() == 1 ? m_flat.atom(static_cast<size_t>(inside.data() - m_s.data())) : nullptr;
      if (atom && !atom->is_link)
        affiliation = std::string(trim(atom->text));
      else
        note += (note.empty() ? "" : "; ") + std::string(trim(m_flat.render(at + 1, close)));
      at = skip_spaces(m_s, close + 1);
    }
    if (at < m_s.size() && m_s[at] == '.') at = skip_spaces(m_s, at + 1);
    // Only the paper's and its code's links may follow: "[[Paper](…)][[PyTorch (lucidrains)](…)]".
    for (size_t i = at; i < m_s.size(); ++i) {
      const Atom* atom = m_flat.atom(i);
      if (!(atom && atom->is_link) && m_s[i] != '[' && m_s[i] != ']' && m_s[i] != ' ') return pos;
    }
    std::string name = std::move(m_item.title);
    m_item.style = EntryStyle::plain;
    m_item.title = quote;
    if (name != "?") add_field(m_item, "name", std::move(name));  // the list's "?": a method without a name
    add_field(m_item, "venue", std::string(venue));
    m_item.date = std::string(year);
    if (!affiliation.empty()) add_field(m_item, "affiliation", std::move(affiliation));
    if (!note.empty()) m_item.note = std::move(note);
    return m_s.size();
  }

  // "- [2023/04] **Learning Distributed Representations…** *Felix Hill…*"
  // (WooooDyy/LLM-Agent-Paper-List, 136 papers): a year and month in
  // brackets, no link, open the entry: its date, no word of its title.
  // The position after it, or `pos`.
  size_t read_dated_prefix(size_t pos) {
    if (pos >= m_s.size() || m_s[pos] != '[') return pos;
    size_t close = m_s.find(']', pos);
    if (close == std::string::npos || close + 1 >= m_s.size() || m_s[close + 1] != ' ') return pos;
    std::string_view inside = std::string_view(m_s).substr(pos + 1, close - pos - 1);
    if (inside.size() != 4 && inside.size() != 7) return pos;
    std::string date(inside);
    if (date.size() == 7) {
      if (date[4] != '/' && date[4] != '.' && date[4] != '-') return pos;
      date[4] = '-';
    }
    if (!is_date_shape(date) || (date.compare(0, 2, "19") != 0 && date.compare(0, 2, "20") != 0) ||
        (date.size() == 7 && (date.compare(5, 2, "01") < 0 || date.compare(5, 2, "12") > 0)))
      return pos;
    m_item.date = std::move(date);
    return skip_spaces(m_s, close + 1);
  }

  // "* [Report] [Writing the worlds worst Android fuzzer](…)", "[Paper]",
  // "[Speaker]" (NetKingJ/awesome-android-security, 60 entries): one word in
  // brackets, no link, before the entry's link labels what it is: its kind
  // when the vocabulary knows the word, else the note; no word of the
  // title. The position of the link, or `pos`.
  size_t read_kind_label(size_t pos) {
    if (pos >= m_s.size() || m_s[pos] != '[') return pos;
    size_t close = m_s.find(']', pos);
    if (close == std::string::npos || close - pos < 2 || close - pos > 16) return pos;
    std::string_view word = std::string_view(m_s).substr(pos + 1, close - pos - 1);
    size_t link = skip_spaces(m_s, close + 1);
    const Atom* atom = m_flat.atom(link);
    if (link == close + 1 || !atom || !atom->is_link || trim(atom->text).empty() ||
        !std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) ||
        !std::isupper(static_cast<unsigned char>(word.front())))
      return pos;
    if (std::optional<std::string> kind = m_kinds.lookup(word))
      m_item.kinds.push_back(std::move(*kind));
    else
      m_item.note = std::string(word);
    return link;
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
    if (!is_format_label(atom->text))
      parse_metadata(atom->text, m_kinds, m_item);
    else
      m_label_link = skip_spaces(m_s, pos + 1) == m_s.size();
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
    size_t quoted_until = 0;  // inside a quote of the text ("Prepend the ticket with "Sweep:" and…") until there
    for (; end < m_s.size(); ++end) {
      const Atom* atom = m_flat.atom(end);
      if (atom && (atom->is_link || is_trailing_emphasis(end))) break;
      if (end < quoted_until) continue;
      if (size_t open = open_quote_length(m_s, end)) {
        if (m_flat.rendered_ends_with_colon(pos, end)) break;
        auto [close, close_length] = find_close_quote(m_s, end + open);
        quoted_until = close == std::string::npos ? close : close + close_length;
      }
    }
    m_plain_start = pos, m_plain_end = end;
    std::string segment(trim(m_flat.render(pos, end)));
    // A full-width colon labels as ':' does (awesome-mac's "App Shopper：[…](…)").
    size_t colon = ends_with(segment, ":") ? 1 : ends_with(segment, "\xEF\xBC\x9A") ? 3 : 0;
    bool label = colon > 0;
    bool dash = !label && strip_trailing_dash(segment);
    m_item.title = label ? std::string(trim(std::string_view(segment).substr(0, segment.size() - colon)))
                         : std::string(without_book_marks(segment));
    if (open_quote_length(m_s, end)) {
      m_item.style = EntryStyle::quoted;
      std::string quote;
      end = read_quote(end, quote);
      if (size_t after = label ? read_named_paper(pos, quote, end) : end; after != end) return after;
      m_item.description = quote;
      return read_link_after_title(skip_spaces(m_s, end));
    }
    if (const Atom* atom = m_flat.atom(end); atom && atom->is_link) {
      // "PubNub: https://…", "8th Light https://…", "Foo - https://… - …":
      // a name, then its bare address.
      if (atom->is_autolink && (label || dash || names_bare_url(m_item.title))) {
        m_item.style = EntryStyle::bare_url;
        m_item.url = atom->url;
        if (!label && !dash) take_closing_remark();  // "Daniel Doubrovkine (dB.) http://…"
        return end + 1;
      }
      // "Switch Transformers: … (JMLR'21) [link to paper](…)": the link
      // labels the page the text names.
      if (!m_item.title.empty() && is_page_label(atom->text)) {
        m_item.url = atom->url;
        take_title_venue_year(m_item);
        return end + 1;
      }
      // "MySQL - [awesome-mysql](url)": a link after a separator names the
      // entry's page; its text describes it rather than holding metadata.
      // "- [ ]  Course: [Intro to JS: Drawing & Animation](…)", "Book: [Eloquent
      // JavaScript](…)" (p1xt-guides' 40 steps): a kind labels the link, whose
      // text is the entry's title.
      if (std::optional<std::string> kind =
              label && !atom->is_autolink && !trim(atom->text).empty() ? m_kinds.lookup(m_item.title) : std::nullopt) {
        m_item.style = EntryStyle::leading_link;
        m_item.title = collapse_whitespace(trim(atom->text));
        m_item.url = atom->url;
        if (std::find(m_item.kinds.begin(), m_item.kinds.end(), *kind) == m_item.kinds.end())
          m_item.kinds.push_back(*kind);
        return end + 1;
      }
      // "Russian: [pymorphy2](…) - a good pos-tagger for Russian" (awesome-
      // nlp), "YouTube playlist by Kelvin Mai: [NestJS Ideas API](…) - A
      // project based course…" (awesome-nestjs): a label over a link that a
      // separator and a description follow names the linked entry's
      // language, medium or maker: the link's text is the title, the label
      // the note (a credit in it the authors), and the description is read
      // after the link as for any leading link.
      if (label && !atom->is_autolink && !trim(atom->text).empty()) {
        std::optional<std::string> described = after_separator(trim(m_flat.render(end + 1, note_start())));
        if (described && !described->empty()) {
          std::string_view name = m_item.title;
          if (size_t by = name.rfind(" by "); by != std::string_view::npos)
            if (auto authors = credited_authors(name.substr(by + 1)); authors && !authors->empty()) {
              m_item.authors = std::move(*authors);
              name = trim(name.substr(0, by));
            }
          m_item.note = std::string(name);
          m_item.style = EntryStyle::leading_link;
          m_item.title = collapse_whitespace(trim(atom->text));
          m_item.url = atom->url;
          return end + 1;
        }
      }
      if (label || dash) {
        m_item.url = atom->url;
        // "**Spotify** - [Very bad](…) privacy policy. They collect…"
        // (awesome-privacy): a link that opens a sentence is part of it.
        size_t stop = note_start();
        std::string after = m_flat.render(end + 1, stop);
        if (opens_with_word(after.substr(std::min(after.find_first_not_of(" \t.,;:"), after.size())))) {
          m_item.description = std::string(trim(m_flat.render(end, stop)));
          return stop;
        }
        // "Airbnb - [Real-time personalization in search](…)" (awesome-
        // search), "`AGPL-3.0` - [GNU Affero General Public License 3.0](…)"
        // (awesome-selfhosted): a title of three words or more after a
        // short name (who wrote it, a topic, a code) is the entry's, the
        // name its note; "MySQL - [awesome-mysql](…)" names a page.
        std::string_view text = trim(atom->text);
        if (dash && std::count(text.begin(), text.end(), ' ') >= 2 &&
            std::count(m_item.title.begin(), m_item.title.end(), ' ') < 3) {
          m_item.note = std::exchange(m_item.title, std::string(text));
          return end + 1;
        }
        if (!is_format_label(atom->text)) m_item.description = atom->text;
        return end + 1;
      }
      // "Peter Norvig. [\"How to Write a Spelling Corrector\"](…)" (awesome-
      // search): names closed by a stop before the link are its authors,
      // the link's text its title.
      // One link only: "E-commerce Site-Search KPIs. [Part 1](…), [Part 2](…)"
      // names a series, not its authors.
      if (!atom->is_autolink && m_item.authors.empty() && credits_before_link(m_item.title, atom->text) &&
          std::count_if(m_flat.atoms.begin(), m_flat.atoms.end(), [](const Atom& a) { return a.is_link; }) == 1) {
        m_item.url = atom->url;
        m_item.authors = style_detail::split_authors(std::string_view(m_item.title).substr(0, m_item.title.size() - 1));
        m_item.title = std::string(without_quotes(trim(atom->text)));
        return end + 1;
      }
      // "📖 Oren Ellenbogen, [Leading Snowflakes: the Engineering Manager
      // Handbook](…): some truly great content…" (charlax/engineering-
      // management, 16 entries): full names and a comma before the link.
      if (!atom->is_autolink && m_item.authors.empty() && ends_with(m_item.title, ",") && !trim(atom->text).empty()) {
        std::string_view names = std::string_view(m_item.title).substr(0, m_item.title.size() - 1);
        while (!names.empty()) {
          size_t space = names.find(' ');
          if (space == std::string_view::npos || !grammar_detail::is_symbol_word(names.substr(0, space))) break;
          names = trim(names.substr(space + 1));
        }
        if (std::vector<std::string> found = style_detail::full_names(names); !found.empty()) {
          m_item.style = EntryStyle::leading_link;  // what follows the link reads as after any
          m_item.url = atom->url;
          m_item.authors = std::move(found);
          m_item.title = std::string(without_quotes(trim(atom->text)));
          return end + 1;
        }
      }
      // "For free books, go [here](url).": a link whose text is prose, not
      // metadata, is the entry's page; the whole sentence is its title,
      // or, after a name and a separator, its description ("ADB AppControl
      // - A simple adb wrapper with a [terrible privacy policy](…) to …").
      if (!is_format_label(atom->text) && !is_metadata_text(atom->text, m_kinds)) {
        m_item.url = atom->url;
        size_t stop = note_start();
        if (!atom->is_autolink && split_at_separator(pos, end, stop, 6)) return stop;
        m_item.title = std::string(trim(m_flat.render(pos, stop)));
        return stop;
      }
      return read_link_after_title(end);
    }
    // (The title lost a trailing dash, which the description loses too.)
    if (!label && end == m_s.size() && split_at_separator(pos, m_s.size(), m_s.size(), std::string::npos)) {
      if (dash) strip_trailing_dash(*m_item.description);
      take_closing_shortcode();
    }
    return end;
  }

  // "**Semi-Supervised Classification with Graph Convolutional Networks.**"
  // over "*Thomas N. Kipf, Max Welling.* ICLR 2017. [paper](…)" (thunlp's
  // GNNPapers and its sibling lists): the title in bold, the authors in
  // emphasis, then the venue and year, before the page's label [pos, end).
  bool take_bold_title_credits(size_t pos, size_t end) {
    auto bold =
        std::find_if(m_flat.strong.begin(), m_flat.strong.end(), [&](const auto& span) { return span.first == pos; });
    if (bold == m_flat.strong.end()) return false;
    // (PLMpapers writes "**Title**. *Authors*. NAACL 2018. [[pdf](…)]": the
    // stops outside the emphasis.)
    size_t at = bold->second;
    while (at < end && (m_s[at] == '\n' || m_s[at] == ' ' || m_s[at] == '\t' || m_s[at] == '.')) ++at;
    const Atom* names = m_flat.atom(at);
    if (!names || names->is_link || at >= end) return false;
    std::string_view authors = without_stop(names->text);
    if (ends_with(authors, " and others")) authors.remove_suffix(11);  // "… and Faulkner, Ryan and others."
    std::string_view title = without_stop(std::string_view(m_s).substr(pos, bold->second - pos));
    // "*Anonymous authors*": a paper under review names nobody.
    bool anonymous = iequals(authors, "anonymous") || iequals(authors, "anonymous authors");
    if (title.empty() || authors.empty() || (!anonymous && !style_detail::plausible_authors(authors))) return false;
    std::string rest = m_flat.render(at + 1, end);
    std::string_view venue = trim(rest);
    if (!venue.empty() && venue.back() == '[') venue.remove_suffix(1);  // "[[pdf](…)]" opens before its link
    auto [name, date] = venue_and_year(venue);
    m_item.title = std::string(title);
    if (!anonymous) m_item.authors = surname_first(authors);
    if (!anonymous && m_item.authors.empty()) m_item.authors = style_detail::split_authors(authors);
    if (date && !m_item.date) m_item.date = std::move(date);
    if (!name.empty()) add_field(m_item, "venue", std::string(name));
    return true;
  }

  // "NAACL 2018.", "2018", "EMNLP2019" glued: a venue and the year closing
  // it, either maybe missing.
  static std::pair<std::string_view, std::optional<std::string>> venue_and_year(std::string_view venue) {
    while (!venue.empty() && (venue.front() == '.' || venue.front() == ' ')) venue.remove_prefix(1);
    venue = without_stop(venue);
    size_t n = venue.size();
    if (!ends_with_year(venue) && !(n > 4 && std::isalpha(static_cast<unsigned char>(venue[n - 5])) &&
                                    ends_with_year(std::string(venue.substr(n - 4)))))
      return {venue, std::nullopt};
    std::string date(venue.substr(n - 4));
    venue = trim(venue.substr(0, n - 4));
    if (!venue.empty() && venue.back() == ',') venue = trim(venue.substr(0, venue.size() - 1));
    return {venue, std::move(date)};
  }

  // "[**Efficient Transformers: A Survey.**](…) *Yi Tay, Mostafa Dehghani,
  // Dara Bahri, Donald Metzler.* Arxiv 2022." (Awesome-LLM-Long-Context-
  // Modeling's 94 papers, and many LLM paper lists): names in emphasis
  // right after the link, then maybe a venue and the year, and nothing
  // else. The title loses the citation's stop.
  bool take_link_citation(std::string_view names, std::string_view after) {
    // A citation's stop after the names, or a year after them: "*Free
    // Software*" alone is a note.
    std::string_view authors = trim(names);
    bool stop = ends_with(authors, ".");
    authors = without_stop(authors);  // split_authors leaves "et al." out
    std::vector<std::string> found = style_detail::full_names(authors);
    if (found.empty() || (!after.empty() && !std::isalnum(static_cast<unsigned char>(after.front())))) return false;
    auto [venue, date] = venue_and_year(after);
    size_t words = std::count(venue.begin(), venue.end(), ' ') + (venue.empty() ? 0 : 1);
    if (date ? words > 6 : !stop || words > 4 || venue.size() > 40) return false;
    m_item.authors = std::move(found);
    m_item.title = std::string(without_stop(m_item.title));
    if (date && !m_item.date) m_item.date = std::move(date);
    if (!venue.empty()) add_field(m_item, "venue", std::string(venue));
    return true;
  }

  // `text` trimmed, without a closing stop ("et al." keeps its own).
  static std::string_view without_stop(std::string_view text) {
    text = trim(text);
    while (!text.empty() && text.back() == '.' && !ends_with(text, " al.")) text.remove_suffix(1);
    return trim(text);
  }

  // "Battaglia, Peter W and Hamrick, Jessica B" (BibTeX's order): names
  // parted by " and ", each "Surname, Given", in the order people write
  // them; none when the text is not so.
  static std::vector<std::string> surname_first(std::string_view text) {
    std::vector<std::string> names;
    for (size_t at = 0; at <= text.size();) {
      size_t joiner = std::min(text.find(" and ", at), text.size());
      std::string_view name = trim(text.substr(at, joiner - at));
      size_t comma = name.find(", ");
      if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) return {};
      names.push_back(collapse_whitespace(std::string(trim(name.substr(comma + 2))) + " " +
                                          std::string(trim(name.substr(0, comma)))));
      at = joiner + 5;
    }
    return names.size() > 1 ? names : std::vector<std::string>();
  }

  // "**ENRE-cpp** :warning: — ENRE (ENtity Relationship Extractor) is …"
  // (static-analysis, 73 entries): a shortcode closing the title is its
  // note, as after a link.
  void take_closing_shortcode() {
    std::string& title = m_item.title;
    size_t space = title.find_last_of(' ');
    if (space == std::string::npos || m_item.note || !grammar_detail::is_shortcode(title.substr(space + 1))) return;
    m_item.note = title.substr(space + 1);
    title = std::string(trim(std::string_view(title).substr(0, space)));
  }

  // The title's closing "(remark)" is its note.
  void take_closing_remark() {
    std::string& title = m_item.title;
    size_t open = title.rfind(" (");
    if (title.empty() || title.back() != ')' || open == std::string::npos || m_item.note) return;
    std::string_view inside = trim(std::string_view(title).substr(open + 2, title.size() - open - 3));
    if (inside.empty() || inside.find_first_of("()") != std::string_view::npos) return;
    m_item.note = std::string(inside);
    title = std::string(trim(std::string_view(title).substr(0, open)));
  }

  // "Nicolas Ballas, Li Yao, Pal Chris, Aaron Courville, "Delving Deeper
  // into Convolutional Networks…", ICLR 2016." (awesome-deep-vision): a
  // citation's names, quoted title, venue and year.
  // "Vijay Badrinarayanan, Alex Kendall and Roberto Cipolla "SegNet: …."
  // arXiv preprint arXiv:1511.00561, 2015.": the comma may be missing.
  // "**Learning Distributed Representations….** *Felix Hill(University of
  // Cambridge) et al. arXiv.*" (LLM-Agent-Paper-List's 136 papers): a title,
  // then in emphasis the first author, their affiliation glued on in
  // parentheses, "et al." and the venue. Read into authors, the field
  // affiliation and the venue; the title loses its stop.
  void take_emphasized_citation() {
    std::string_view text = trim(*m_item.note);
    if (!text.empty() && text.back() == '.') text.remove_suffix(1);
    size_t etal = text.find(" et al.");
    size_t cut = etal;
    // Without "et al.", only after a title in bold: "**Title.** *Ann Lee. ICML.*".
    if (cut == std::string_view::npos && !m_flat.strong.empty()) cut = text.rfind(". ");
    if (cut == std::string_view::npos) return;
    std::string_view names = trim(text.substr(0, cut));
    std::string_view venue = trim(text.substr(cut + (etal != std::string_view::npos ? 7 : 2)));
    std::string_view affiliation;
    if (size_t open = names.find('('); open != std::string_view::npos && names.back() == ')') {
      affiliation = trim(names.substr(open + 1, names.size() - open - 2));
      names = trim(names.substr(0, open));
    }
    if (venue.empty() || venue.size() > 40 || std::count(venue.begin(), venue.end(), ' ') > 3 ||
        !std::isalpha(static_cast<unsigned char>(venue.front())))
      return;
    std::vector<std::string> authors = style_detail::full_names(names);
    if (authors.empty()) return;
    m_item.authors = std::move(authors);
    if (!affiliation.empty()) add_field(m_item, "affiliation", std::string(affiliation));
    add_field(m_item, "venue", std::string(venue));
    m_item.note.reset();
    m_item.title = std::string(without_stop(m_item.title));
  }

  // "Gradient descent only converges to minimizers. In *COLT 2016*.
  // [[pdf](…)]" (deep-learning-dynamics-paper-list, 92 papers): the venue
  // and year after "In" close the title.
  void take_in_venue() {
    std::string& title = m_item.title;
    size_t in = title.rfind(". In ");
    if (in == std::string::npos || in == 0) return;
    auto [venue, date] = venue_and_year(trim(std::string_view(title).substr(in + 5)));
    if (!date || venue.empty() || venue.size() > 40 || std::count(venue.begin(), venue.end(), ' ') > 3) return;
    add_field(m_item, "venue", std::string(venue));
    m_item.date = std::move(date);
    title.resize(in);
  }

  void take_citation() {
    std::string& text = m_item.title;
    size_t open = text.find(" \"");
    if (open == std::string::npos) return take_unquoted_citation();
    std::string_view names = std::string_view(text).substr(0, open);
    if (!names.empty() && names.back() == ',')
      names.remove_suffix(1);
    else if (names.find(' ') == std::string_view::npos)  // "Multiple "expertGPTs" collaborate…"
      return;
    size_t close = text.find('"', open + 2);
    if (names.empty() || close == std::string::npos || close == open + 2 || !style_detail::plausible_authors(names))
      return;
    std::string_view quoted = trim(std::string_view(text).substr(open + 2, close - open - 2));
    while (!quoted.empty() && (quoted.back() == ',' || quoted.back() == '.')) quoted.remove_suffix(1);
    std::string title(quoted);
    std::string_view rest = trim(std::string_view(text).substr(close + 1));
    while (!rest.empty() && (rest.front() == ',' || rest.back() == ',' || rest.back() == '.'))
      rest = trim(rest.front() == ',' ? rest.substr(1) : rest.substr(0, rest.size() - 1));
    std::string_view venue = rest;
    if (ends_with_year(rest)) {
      if (!m_item.date) m_item.date = std::string(rest.substr(rest.size() - 4));
      venue = trim(rest.substr(0, rest.size() - 4));
      if (!venue.empty() && venue.back() == ',') venue = trim(venue.substr(0, venue.size() - 1));
    }
    // "Nature 521.7553 (2015): 445-451": the year in parentheses.
    if (size_t paren = venue.find(" ("); !m_item.date && paren != std::string_view::npos && venue.size() >= paren + 8 &&
                                         venue[paren + 6] == ')' && is_date_shape(venue.substr(paren + 2, 4)))
      m_item.date = std::string(venue.substr(paren + 2, 4));
    m_item.authors = style_detail::split_authors(names);
    if (!venue.empty()) add_field(m_item, "venue", std::string(venue));
    text = std::move(title);
  }

  // "Jens Kober, J. Andrew Bagnell, Jan Peters, Reinforcement Learning in
  // Robotics, A Survey, IJRR, 2013." (awesome-rl, awesome-deep-vision): the
  // names, title, venue and year of a citation, parted by commas, the title
  // unquoted. A year closes it; every name has two words or more ("et al."
  // aside), so "Fast R-CNN, Microsoft Research" is no citation.
  void take_unquoted_citation() {
    if (!m_flat.strong.empty()) return;  // a title in bold is no citation's
    std::string_view text = without_stop(m_item.title);
    if (!ends_with_year(text) || text.find(", ") == std::string_view::npos) return;
    std::vector<std::string_view> parts;
    for (size_t at = 0; at <= text.size();) {
      size_t comma = std::min(text.find(", ", at), text.size());
      parts.push_back(trim(text.substr(at, comma - at)));
      at = comma + 2;
    }
    // "Nature, 2015" or "ICLR 2016": the venue may share the year's part;
    // "ArXiv, 16 Oct 2015": a date may be all of it.
    std::string_view last = parts.back();
    std::optional<std::string> date = read_written_date(last);
    std::string_view venue = date ? std::string_view() : trim(last.substr(0, last.size() - 4));
    if (!date) date = std::string(last.substr(last.size() - 4));
    parts.pop_back();
    auto is_names = [](std::string_view part) {
      return part == "et al." || part == "et. al." ||
             (part.find(' ') != std::string_view::npos && style_detail::plausible_authors(part));
    };
    size_t names = 0;
    while (names < parts.size() && is_names(parts[names])) ++names;
    // "…, Xiaogang Wang, and Huchuan Lu, Visual Tracking…": the last name
    // after a serial comma; "…, V. De Smet, and L. Van Gool. A+: Adjusted
    // Anchored…": a stop may close it, and the title follow.
    std::string last_names;
    if (names > 0 && names < parts.size() && starts_with(parts[names], "and ")) {
      std::string_view rest = parts[names].substr(4);
      size_t stop = sentence_stop(rest);
      std::string_view name = stop == std::string_view::npos ? rest : rest.substr(0, stop);
      if (is_names(name) || style_detail::plausible_authors(name)) {
        last_names = std::string(name);
        if (stop == std::string_view::npos)
          parts.erase(parts.begin() + static_cast<long>(names));
        else
          parts[names] = rest.substr(stop + 2);
      }
    }
    // A title of capitalised words reads as names too: "Jan Peters, Stefan
    // Schaal, Natural Actor-Critic, ECML, 2005" leaves one word, the venue.
    size_t left = parts.size() - names;
    if (names >= 2 && (left == 0 || (left == 1 && venue.empty() && parts.back().find(' ') == std::string_view::npos)))
      --names, ++left;
    if (names == 0 || left == 0) return;
    std::vector<std::string> title_parts(parts.begin() + static_cast<long>(names), parts.end());
    // "…, IEEE Transactions on Image Processing, Vol. 23, No. 6, Pages
    // 2569-2582, June 2014": a volume, number or pages belong to the venue.
    std::vector<std::string> venue_parts;
    if (!venue.empty()) venue_parts.emplace_back(venue);
    while (title_parts.size() >= 2 && is_locator(title_parts.back())) {
      venue_parts.insert(venue_parts.begin(), title_parts.back());
      title_parts.pop_back();
    }
    if ((venue.empty() || venue_parts.size() > 1) && title_parts.size() >= 2) {
      venue_parts.insert(venue_parts.begin(), title_parts.back());
      title_parts.pop_back();
    }
    std::string title = join(title_parts, ", ");
    std::string venue_text = join(venue_parts, ", ");
    // "Learning to predict by the methods of temporal differences. Machine
    // Learning 3: 9-44, 1988": a stop parts the title from its venue.
    if (size_t stop = sentence_stop(title); stop != std::string::npos) {
      venue_text = title.substr(stop + 2) + (venue_text.empty() ? "" : ", " + venue_text);
      title.resize(stop);
    }
    if (starts_with(venue_text, "in ")) venue_text.erase(0, 3);  // "in ECCV 2014"
    if (title.empty()) return;
    std::vector<std::string> name_parts(parts.begin(), parts.begin() + static_cast<long>(names));
    if (!last_names.empty()) name_parts.push_back(last_names);
    m_item.authors = style_detail::split_authors(join(name_parts, ", "));
    if (!m_item.date) m_item.date = std::move(date);
    if (!venue_text.empty()) add_field(m_item, "venue", std::move(venue_text));
    m_item.title = std::move(title);
  }

  // Where a sentence ends in `text`: a stop after a lower-case letter and
  // before a capital ("representation. IEEE", not "Ph.D. Thesis").
  static size_t sentence_stop(std::string_view text) {
    for (size_t at = text.find(". "); at != std::string_view::npos; at = text.find(". ", at + 1))
      if (at > 0 && at + 2 < text.size() && std::islower(static_cast<unsigned char>(text[at - 1])) &&
          std::isupper(static_cast<unsigned char>(text[at + 2])))
        return at;
    return std::string_view::npos;
  }

  // A citation's volume, number or pages: "Vol. 23", "No. 6", "issue 11",
  // "Pages 2569-2582", "pp. 1-9".
  static bool is_locator(std::string_view part) {
    for (std::string_view word : {"vol", "no.", "issue", "pages", "pp.", "number"})
      if (part.size() > word.size() && istarts_with(part, word)) return true;
    return false;
  }

  // "… (JMLR'21)", "… (NeurIPS 2021)": a paper's venue and year closing
  // its title are the field "venue" and the date.
  // Removes a trailing " -", " —", " –" or " |" from `text`; true if there was one.
  static bool strip_trailing_dash(std::string& text) {
    for (std::string_view sep : {" -", " \xE2\x80\x94", " \xE2\x80\x93", " |"}) {
      if (!ends_with(text, sep)) continue;
      text = std::string(trim(std::string_view(text).substr(0, text.size() - sep.size())));
      return true;
    }
    return false;
  }

  // "macOS - Operating system for Apple's Mac computers.", "ADB AppControl
  // - A simple adb wrapper with a [terrible privacy policy](…) to …": the
  // text from `pos` to `stop` split at its first separator before `limit`
  // outside a code span (a code span is one unit: `[![OSSU - Computer
  // Science](…)](…)`) into title and description; false when there is
  // none, or when the title would hold `max_blanks` blanks or more.
  bool split_at_separator(size_t pos, size_t limit, size_t stop, size_t max_blanks) {
    for (std::string_view sep : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
      size_t at = m_s.find(sep, pos);
      while (at != std::string::npos && at < limit && in_code_span(at)) at = m_s.find(sep, at + 1);
      if (at == std::string::npos || at >= limit) continue;
      std::string title(trim(m_flat.render(pos, at)));
      if (title.empty()) continue;
      if (static_cast<size_t>(std::count(title.begin(), title.end(), ' ')) >= max_blanks) return false;
      m_item.title = std::move(title);
      m_item.description = std::string(trim(m_flat.render(at + sep.size(), stop)));
      return true;
    }
    return false;
  }

  bool in_code_span(size_t at) const {
    return std::any_of(m_flat.code.begin(), m_flat.code.end(),
                       [&](const auto& span) { return span.first <= at && at < span.second; });
  }

  // What stands between an awesome entry's link and its separator, read as
  // a note with the description after it:
  // - a note in emphasis or a code span: "[chinese-poetry](…) _In Chinese_ –
  //   The most comprehensive…", "[Actionsflow](…) `⚠` - The free…";
  // - an aside in parentheses: "[libtorrent](…) (a.k.a.
  //   libtorrent-rasterbar) - An efficient…", "[Quay.io](…) (part of
  //   CoreOS) - Secure hosting…";
  // - marks: emoji shortcodes or symbols, "[Boost](…) :zap: - A large…"
  //   (awesome-cpp's header-only mark), "[Twistlock](…) $$$ - …";
  // - a second name's link joined by "/", "and", "&" or ",": "[xlwt](…) /
  //   [xlrd](…) - …" (no note: the second link is one of the entry's links),
  //   maybe with a date or a remark in parentheses after it;
  // - a credit, "[recipes](…) by @bzimmerman – This repository…", which
  //   gives the authors.
  // True when it read one, with the description after it.
  bool read_qualified_tail(size_t pos) {
    if (m_item.style != EntryStyle::leading_link || m_item.description || m_item.note || !m_item.authors.empty())
      return false;
    if (auto [note_end, note] = note_before_separator(pos); note_end != std::string::npos) {
      // After joined links, a date or a remark in parentheses may still come.
      std::optional<std::string> date;
      if (note.empty() && note_end != pos) {
        size_t year = skip_spaces(m_s, note_end);
        auto [remark_end, remark] = year < m_s.size() && m_s[year] == '(' ? note_before_separator(year)
                                                                          : std::pair{std::string::npos, std::string()};
        if (remark_end != std::string::npos) {
          if (is_date_shape(remark))
            date = std::move(remark);
          else
            note = std::move(remark);
          note_end = remark_end;
        }
      }
      // "… [00:45:34] by **Jeremy Pierre** (2008)": the credit after the remark.
      if (size_t by = skip_spaces(m_s, note_end); !note.empty() && read_credit(by)) {
        take_remark(std::move(note));
        return true;
      }
      std::string after(trim(m_flat.render(note_end, m_tail_end)));
      if (const Atom* names = m_flat.atom(pos);
          names && !names->is_link && note_end == pos + 1 && take_link_citation(note, after))
        return true;
      std::optional<std::string> description = after_separator(after);
      if (!description && m_flat.break_at(note_end)) description = after;
      // "[x](…) _(label: good first issue)_ Desc…": words right after a
      // note in emphasis are still the description, and `rest` has them
      // for entry-format to report the missing separator.
      // So are words after a remark in brackets ("[IBM Watson](…) [8⭐] Easily
      // integrate…"), but a credit that did not read as names is no missing
      // separator (programming-talks' "[…](…) [00:41:07] by **lvh**").
      const Atom* emphasis = m_flat.atom(pos);
      // So are words after marks ("[manusa/Kubernetes MCP Server](…) 🏎️ 🏠 A
      // - powerful…", "[quran-mcp-server](…) 📇 ☁️ MCP server to…": awesome-
      // mcp-servers), which would otherwise be lost. Marks are emoji or
      // shortcodes on the link's line (a stop or a "+" after the link is
      // punctuation, "：简单的" a full-width colon and words); a dash glued
      // to the last one ("🐍 🏠- Run Python…") separates.
      bool marks = !emphasis && !note.empty() && m_s[pos] != '[' && m_s[pos] != '(' && !m_flat.break_at(pos) &&
                   each_trimmed_view(note, " \t", [](std::string_view word) {
                     if (word.size() > 1 && word.back() == '-') word.remove_suffix(1);
                     return grammar_detail::is_shortcode(word) || grammar_detail::is_symbol_word(word);
                   });
      if (!description && ((emphasis && !emphasis->is_link) || m_s[pos] == '[' || marks) && !after.empty() &&
          std::isalnum(static_cast<unsigned char>(after.front()))) {
        description = after;
        if (!istarts_with(after, "by ")) m_item.rest = after;
      }
      if (!description || description->empty()) return false;
      if (!note.empty()) m_item.note = std::move(note);
      if (date && !m_item.date) m_item.date = std::move(date);
      m_item.description = std::move(*description);
      if (m_item.authors.empty()) take_closing_credit(*m_item.description);
      return true;
    }
    return read_credit(pos);
  }

  // "[BGE](…) and [BGE-M3](…) (2024) - …", "[xlwt](…) / [xlrd](…) - …": an
  // entry naming two resources, joined by "and", "&", "," or "/". Where the
  // last joined link ends, or `pos` when no link is joined there.
  size_t after_joined_links(size_t pos) const {
    size_t end = pos;
    for (;;) {
      size_t at = skip_spaces(m_s, end);
      size_t joint = 0;
      for (std::string_view word : {"and ", "& ", ",", "/"})
        if (m_s.compare(at, word.size(), word) == 0) joint = word.size();
      if (!joint) return end;
      size_t next = skip_spaces(m_s, at + joint);
      // "[GTE](…), [BGE](…), and [Stella](…) - …" (awesome-nlp)
      if (m_s[at] == ',')
        for (std::string_view word : {"and ", "& "})
          if (m_s.compare(next, word.size(), word) == 0) next = skip_spaces(m_s, next + word.size());
      const Atom* link = m_flat.atom(next);
      if (!link || !link->is_link) return end;
      end = next + 1;
    }
  }

  // Where a note standing right after the link at `pos` ends, and its text
  // (empty for a second link); npos when none of read_qualified_tail's
  // shapes opens there.
  std::pair<size_t, std::string> note_before_separator(size_t pos) const {
    constexpr auto none = std::string::npos;
    // Most entries go on with their separator ("-", ":", "–", "—"): none of the shapes.
    if (pos >= m_s.size() || m_s[pos] == '-' || m_s.compare(pos, 2, "\xE2\x80") == 0 ||
        (m_s[pos] == ':' && !shortcode_length(std::string_view(m_s).substr(pos))))
      return {none, {}};
    const Atom* atom = m_flat.atom(pos);
    if (atom && !atom->is_link) return {pos + 1, std::string(trim(atom->text))};
    // "[Alpaca: …](…) [00:45:34] by **Jeremy Pierre**" (programming-talks):
    // a remark in brackets, no link.
    if (m_s[pos] == '[') {
      size_t close = m_s.find(']', pos);
      if (close != std::string::npos && close > pos + 1 &&
          std::string_view(m_s).substr(pos, close - pos).find('\0') == std::string_view::npos)
        return {close + 1, std::string(trim(std::string_view(m_s).substr(pos + 1, close - pos - 1)))};
    }
    auto code =
        std::find_if(m_flat.code.begin(), m_flat.code.end(), [&](const auto& span) { return span.first == pos; });
    if (code != m_flat.code.end()) return {code->second, std::string(trim(m_flat.render(pos, code->second)))};
    if (m_s[pos] == '(') {
      int depth = 0;
      for (size_t i = pos; i < m_s.size(); ++i) {
        depth += m_s[i] == '(' ? 1 : m_s[i] == ')' ? -1 : 0;
        if (depth == 0) return {i + 1, std::string(trim(m_flat.render(pos + 1, i)))};
      }
      return {none, {}};
    }
    if (size_t joined = after_joined_links(pos); joined != pos) return {joined, {}};
    size_t end = pos;
    for (size_t at = pos; at < m_s.size();) {
      size_t word_end = std::min(m_s.find_first_of(" \t", at), m_s.size());
      std::string_view word = std::string_view(m_s).substr(at, word_end - at);
      bool separator =
          word.find_first_not_of("-:") == std::string_view::npos || word == "\xE2\x80\x93" || word == "\xE2\x80\x94";
      bool mark = shortcode_length(word) == word.size() ||
                  (!separator && word != "," && word.size() <= 16 && std::none_of(word.begin(), word.end(), [](char c) {
                    return c == '\0' || c == '(' || std::isalnum(static_cast<unsigned char>(c));
                  }));
      if (!mark) break;
      // "[Release It!](…) 📖: this books goes…": a colon glued to the mark separates.
      if (word.size() > 1 && word.back() == ':' && !shortcode_length(word)) {
        end = word_end - 1;
        break;
      }
      end = word_end;
      at = skip_spaces(m_s, word_end);
    }
    return end > pos ? std::pair{end, std::string(trim(m_flat.render(pos, end)))} : std::pair{none, std::string()};
  }

  // "[recipes](…) by @bzimmerman – …", "[Docker in Production](…) by
  // [@jpetazzo][jpetazzo] (36:05)": a credit after the link gives the
  // authors, a remark in parentheses after it the note.
  bool read_credit(size_t pos) {
    // Most tails open with their separator: only "by …" is rendered and read,
    // and "of @handle" ("[Blog](…) of [@jwilder](…)", awesome-docker).
    // So is a comma before names: "[Mastering Programming](…), Kent Beck."
    // (professional-programming).
    if (m_s.size() < pos + 4) return false;
    // "[DevOps - Intégrez et déployez en continu](…) de Ernesto Leite", "…
    // par Jean Dupont" (awesome-french-devops), "… von Jan Schmidt": a credit
    // in French or German, when all that follows is full names.
    for (std::string_view word : {"de ", "par ", "von "})
      if (iequals(std::string_view(m_s).substr(pos, word.size()), word)) {
        std::string names(trim(m_flat.render(pos + word.size(), m_s.size())));
        std::vector<std::string> found = style_detail::full_names(without_stop(names));
        if (found.empty()) return false;
        m_item.authors = std::move(found);
        return true;
      }
    bool of = iequals(std::string_view(m_s).substr(pos, 3), "of ");
    bool comma = m_s[pos] == ',';
    if (!of && !comma && !iequals(std::string_view(m_s).substr(pos, 3), "by ")) return false;
    std::string tail(trim(m_flat.render(comma ? pos + 1 : pos, m_s.size())));
    size_t separator = find_separator(tail);
    std::string_view credit = trim(std::string_view(tail).substr(0, separator));
    if (comma && separator == std::string::npos && ends_with(credit, ".")) credit.remove_suffix(1);
    if (credit.size() < (comma ? 2 : 4)) return false;
    std::optional<std::string> note;
    if (separator == std::string::npos && ends_with(credit, ")"))
      if (size_t open = credit.rfind('('); open != std::string_view::npos && open > 3) {
        note = std::string(trim(credit.substr(open + 1, credit.size() - open - 2)));
        credit = trim(credit.substr(0, open));
      }
    // "by **Alan Kay** [1:04:34]" (awesome-talks, 67 talks): the talk's length.
    if (separator == std::string::npos && !note && ends_with(credit, "]"))
      if (size_t open = credit.rfind('['); open != std::string_view::npos && open > 3) {
        std::string_view inside = trim(credit.substr(open + 1, credit.size() - open - 2));
        if (is_duration(inside)) {
          note = std::string(inside);
          credit = trim(credit.substr(0, open));
        }
      }
    // "by Olga Filipova. (Dec 2016)", "by [@hawkeye64](…). (November 2018)"
    // (awesome-vue): the stop closes the credit, not a name's initial.
    if (credit.size() > 2 && credit.back() == '.' && !ends_with(credit, "et al.") &&
        (std::islower(static_cast<unsigned char>(credit[credit.size() - 2])) ||
         std::isdigit(static_cast<unsigned char>(credit[credit.size() - 2]))))
      credit.remove_suffix(1);
    // "by Andrew Ng in Coursera (2010-2014)", "by CILVR lab @ NYU (2014)"
    // (awesome-deep-learning): where the credited taught is the field "venue".
    std::string_view venue;
    if (!of && !comma) {
      size_t cut = std::min({credit.find(" in "), credit.find(" at "), credit.find(" @ ")});
      if (cut != std::string_view::npos && cut > 3) {
        venue = trim(credit.substr(cut + (credit[cut + 1] == '@' ? 3 : 4)));
        credit = trim(credit.substr(0, cut));
      }
    }
    // "… Richard Socher, Hugo Larochelle and many others": the names given.
    for (std::string_view others : {" and many others", " and several others", " and others"})
      if (ends_with(credit, others)) credit = trim(credit.substr(0, credit.size() - others.size()));
    std::optional<std::vector<std::string>> authors = credited_authors(of      ? "by " + std::string(credit.substr(3))
                                                                       : comma ? "by " + std::string(credit)
                                                                               : std::string(credit));
    if ((!authors || authors->empty()) && !of && !comma) authors = profile_credit(trim(credit.substr(3)));
    if (!authors || authors->empty()) return false;
    if (of && !std::all_of(authors->begin(), authors->end(), [](const std::string& name) { return name[0] == '@'; }))
      return false;
    // "by Olga Filipova, Packt": the publisher closing the names.
    if (authors->size() > 1 && is_publisher(authors->back())) {
      add_field(m_item, "publisher", std::move(authors->back()));
      authors->pop_back();
    }
    m_item.authors = std::move(*authors);
    if (!venue.empty()) add_field(m_item, "venue", std::string(venue));
    if (note && !note->empty()) take_remark(std::move(*note));
    if (separator != std::string::npos)
      if (auto description = after_separator(trim(std::string_view(tail).substr(separator)));
          description && !description->empty())
        m_item.description = std::move(*description);
    return true;
  }

  // The length of the separator " - ", " – " or " — " whose dash is at `pos`, or 0.
  size_t dash_separator(size_t pos) const {
    for (std::string_view dash : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
      if (m_s.compare(pos, dash.size(), dash) == 0) return dash.size();
    return 0;
  }

  // "[numpy](…) - `Python` - NumPy is the fundamental package…", "[Lean](…)
  // - `Python` `C#` - Lean Algorithmic Trading Engine…" (awesome-quant):
  // code spans between two separators label the entry; they are the field
  // "language" when each names a programming language, else "labels".
  bool read_code_labels(size_t pos) {
    size_t dash = dash_separator(pos);
    if (!dash) return false;
    std::vector<std::string_view> labels;
    size_t at = skip_spaces(m_s, pos + dash);
    for (;;) {
      auto span = std::find_if(m_flat.code.begin(), m_flat.code.end(), [&](const auto& c) { return c.first == at; });
      if (span == m_flat.code.end() || span->first == span->second) break;
      labels.push_back(trim(std::string_view(m_s).substr(span->first, span->second - span->first)));
      at = skip_spaces(m_s, span->second);
      if (at < m_s.size() && (m_s[at] == ',' || m_s[at] == '/')) at = skip_spaces(m_s, at + 1);
    }
    size_t second = labels.empty() ? 0 : dash_separator(at);
    if (!second) return false;
    bool languages = std::all_of(labels.begin(), labels.end(), is_language_name);
    std::string value;
    for (std::string_view label : labels) value += (value.empty() ? "" : ", ") + std::string(label);
    add_field(m_item, languages ? "language" : "labels", std::move(value));
    std::string description(trim(m_flat.render(at + second, m_tail_end)));
    if (!description.empty()) m_item.description = std::move(description);
    return true;
  }

  // "by [mul14](https://github.com/mul14)" (awesome-vue): names that are
  // each the text of a link to a profile on GitHub, GitLab or Twitter.
  std::optional<std::vector<std::string>> profile_credit(std::string_view names) const {
    std::vector<std::string> out = style_detail::split_authors(names);
    bool profiles = !out.empty() && std::all_of(out.begin(), out.end(), [&](const std::string& name) {
      return std::any_of(m_flat.atoms.begin(), m_flat.atoms.end(), [&](const Atom& atom) {
        return atom.is_link && trim(atom.text) == name && is_profile_url(atom.url);
      });
    });
    return profiles ? std::optional(std::move(out)) : std::nullopt;
  }

  // "[Learn Vue 2: Step By Step](…) on Laracasts", "[…](…) on YouTube by
  // [Fatih Acet](…)" (awesome-vue, 38 entries): where the work is published
  // is the field "venue", maybe with a credit and a description after it.
  bool read_site(size_t pos) {
    if (m_s.compare(pos, 3, "on ") != 0) return false;
    std::string tail(trim(m_flat.render(pos + 3, m_tail_end)));
    std::optional<std::string> description;
    if (size_t separator = find_separator(tail); separator != std::string::npos) {
      description = after_separator(trim(std::string_view(tail).substr(separator)));
      if (!description) return false;
      tail.resize(separator);
    }
    std::string_view site = trim(tail), credit;
    if (size_t by = site.find(" by "); by != std::string_view::npos) {
      credit = trim(site.substr(by + 4));
      site = trim(site.substr(0, by));
    }
    if (site.empty() || std::count(site.begin(), site.end(), ' ') > 2 ||
        site.find_first_of("(),;:") != std::string_view::npos)
      return false;
    std::optional<std::vector<std::string>> authors;
    if (!credit.empty()) {
      authors = credited_authors("by " + std::string(credit));
      if (!authors) authors = profile_credit(credit);
      if (!authors) return false;
      m_item.authors = std::move(*authors);
    }
    add_field(m_item, "venue", std::string(site));
    if (description && !description->empty()) m_item.description = std::move(description);
    return true;
  }

  // A remark beside the entry's parts: a date ("(2008)", "(Dec 2015)") is its date, a
  // duration ("[00:45:34]") its field "duration", anything else its note.
  void take_remark(std::string remark) {
    if (is_duration(remark)) {
      add_field(m_item, "duration", std::move(remark));
    } else if (auto date = m_item.date ? std::nullopt : read_written_date(remark)) {
      m_item.date = std::move(*date);  // "(2008)", "(Dec 2015)"
    } else if (size_t comma = remark.rfind(", ");
               comma != std::string::npos && !m_item.date &&
               (date = read_written_date(std::string_view(remark).substr(comma + 2)))) {
      m_item.date = std::move(*date);  // "(Video, February 2020)": the date, and "Video" the note
      if (!m_item.note) m_item.note = std::string(trim(std::string_view(remark).substr(0, comma)));
    } else if (!m_item.note) {
      // "(2017 - 2018)": the range stays the note, its start is the date.
      if (std::string year = first_year_of_range(remark); !year.empty() && !m_item.date) m_item.date = year;
      m_item.note = std::move(remark);
    }
  }

  void read_tail(size_t pos) {
    bool leading = m_item.style == EntryStyle::leading_link;
    m_tail_end = leading ? cut_closing_labels(pos, m_s.size()) : m_s.size();
    if (leading && (read_code_labels(pos) || read_site(pos))) return;
    if (read_qualified_tail(pos)) return;
    size_t end = m_tail_end;
    size_t last = m_s.find_last_not_of(" \t");
    if (end == m_s.size() && last != std::string::npos && last >= pos && is_trailing_emphasis(last)) {
      m_item.note = std::string(trim(m_flat.atom(last)->text));
      end = last;
      // "[\"Building a self-updating profile README…\"](…) - *Simon Willison*"
      // (awesome-github-profile-readme): names in emphasis, alone after the
      // separator, are the entry's authors; "- *Free*" stays a note.
      std::string before(trim(m_flat.render(pos, last)));
      if (leading && m_item.authors.empty() && (before == "-" || before == "\xE2\x80\x93" || before == "\xE2\x80\x94"))
        if (std::vector<std::string> names = style_detail::full_names(*m_item.note); !names.empty()) {
          m_item.authors = std::move(names);
          m_item.note.reset();
          return;
        }
    }
    // "[AdaBoost Wiki](…), [Python Code](…)", "[Hold-out](…), [2](…)"
    // (Machine-Learning-Tutorials, 50 entries): more links after a comma
    // are the entry's other pages, in `links`, and describe nothing.
    if (leading && pos < end && m_s[skip_spaces(m_s, pos)] == ',' && only_links(pos, end)) return;
    std::string tail(trim(m_flat.render(pos, end)));
    take_trailing_formats(tail);
    if (tail.empty()) return;
    // "- https://github.com/raysan5/custom_game_engines [A comprehensive list
    // of custom game engines]" (awesome-game-security): a bare address's
    // description in brackets.
    if (m_item.style == EntryStyle::bare_url && !m_item.description && tail.front() == '[' &&
        matching_bracket(tail, 0) == tail.size() - 1) {
      if (std::string_view inside = trim(std::string_view(tail).substr(1, tail.size() - 2)); !inside.empty()) {
        m_item.description = std::string(inside);
        return;
      }
    }
    if (!m_item.description && leading) {
      // "[ChatGPT](…) - *[reviews](…)* - ChatGPT by OpenAI…" (awesome-ai-
      // tools), "[Bara Art](…) - [:copyright:](…) The world…" (awesome-
      // stock-resources): a link right after the separator that marks a
      // page about the entry, its review or its licence, is the field of
      // that name; the description is what follows it.
      if (std::optional<size_t> rest = read_marker_link(pos, end))
        tail = "- " + std::string(trim(m_flat.render(*rest, end)));
    }
    if (!m_item.description) {
      if (auto description = after_separator(tail)) {
        if (!description->empty()) m_item.description = *description;
        // (An address shown as its own text, "[sakurity.com/blog](http://sakurity.com/blog)
        // - by …", credits too.)
        bool address = m_item.style == EntryStyle::bare_url;
        if ((leading || address) && m_item.description && m_item.authors.empty()) take_written_by();
        if (leading && m_item.description && m_item.authors.empty()) take_closing_credit(*m_item.description);
        if (leading && m_item.description && m_item.authors.empty() && !m_item.date) take_dated_credit();
        // "[CVPR 2015](…) - Jun 2015", "[Graduate Summer School 2013](…) -
        // IPAM, 2013" (awesome-computer-vision): a date, maybe after a venue.
        if (leading && m_item.description && !m_item.date && !m_item.note) take_dated_description();
        // "-A …", "-【2023年版】…": reported; "-\u3000A …" has its (ideographic) blank.
        if (leading && tail.size() > 1 && tail[0] == '-' && tail[1] != ' ' && tail[1] != '-' &&
            tail.compare(1, 3, "\xE3\x80\x80") != 0)
          m_item.rest = tail;
        return;
      }
    }
    bool parenthesized =
        tail.size() > 2 && tail.front() == '(' && tail.back() == ')' && tail.find(')') == tail.size() - 1;
    bool bracketed = tail.size() > 2 && tail.front() == '[' && tail.back() == ']' && tail.find(']') == tail.size() - 1;
    // "（PDF版）": full-width parentheses.
    bool full_width = tail.size() > 6 && starts_with(tail, "\xEF\xBC\x88") && ends_with(tail, "\xEF\xBC\x89") &&
                      tail.find("\xEF\xBC\x89") == tail.size() - 3;
    if (leading && !m_item.note && (parenthesized || bracketed || full_width)) {
      // "[Docker Compose](…) (Define and run multi-container applications)",
      // "[The One](…) [250👍]" (awesome-flutter): a remark is the note.
      size_t open = full_width ? 3 : 1;
      std::string_view remark = trim(std::string_view(tail).substr(open, tail.size() - 2 * open));
      if (!bracketed && m_item.authors.empty())
        if (auto authors = credit_in_remark(remark)) {
          m_item.authors = std::move(*authors);
          return;
        }
      // "[Fragments in Vue JS](…) (December 2019)": a date.
      if (bracketed)
        m_item.note = std::string(remark);
      else
        take_remark(std::string(remark));
      return;
    }
    // "[FreeRADIUS新手入门](…) :worried:": a list's mark (free-programming-
    // books-zh_CN's "link unreachable") is the note.
    if (leading && !m_item.note && shortcode_length(tail) == tail.size()) {
      m_item.note = tail;
      return;
    }
    // "[CS 61C](…) **Great Ideas in Computer Architecture** *UC Berkeley*"
    // (awesome-courses): a name in bold after the link is the description,
    // a convention of its own, not a missing separator.
    if (leading && !m_item.description && is_bold(pos, end)) {
      m_item.description = tail;
      return;
    }
    // "[Oobleck:](…) Resilient distributed training…": the link's colon
    // was the separator.
    if (leading && !m_item.description && m_colon_title) {
      m_item.description = tail;
      return;
    }
    // "[Docker Hub](…) provided by Docker Inc.": words right after the link,
    // with no separator, are still its description; `rest` keeps them too,
    // for entry-format to report the missing separator. A few words before
    // a later separator are a note ("[American fuzzy lop](…) a.k.a.
    // afl-fuzz - Crazy fuzzing tool…"), as a remark in parentheses would be.
    // "[Plain](…) <br> A description": the break is the separator.
    if (leading && !m_item.description && m_flat.break_at(pos)) {
      m_item.description = tail;
      return;
    }
    if (leading && !m_item.description && opens_with_word(tail)) {
      size_t separator = find_separator(tail);
      std::string_view before = std::string_view(tail).substr(0, separator);
      std::optional<std::string> after = separator == std::string::npos
                                             ? std::nullopt
                                             : after_separator(trim(std::string_view(tail).substr(separator)));
      if (after && !after->empty() && !m_item.note && std::count(before.begin(), before.end(), ' ') < 4) {
        m_item.note = std::string(trim(before));
        m_item.description = std::move(after);
        return;
      }
      m_item.description = tail;
      if (m_item.authors.empty()) take_closing_credit(*m_item.description);
    }
    m_item.rest = tail;
  }

  // Whether [pos, end) holds links and nothing but commas and blanks between them.
  bool only_links(size_t pos, size_t end) const {
    bool link = false;
    for (size_t at = pos; at < end; ++at) {
      char c = m_s[at];
      if (c == ',' || c == ' ' || c == '\t') continue;
      const Atom* atom = m_flat.atom(at);
      if (!atom || !atom->is_link) return false;
      link = true;
    }
    return link;
  }

  // Where the description starts after a marker link at `pos` (after a
  // separator, before another maybe), or nullopt.
  std::optional<size_t> read_marker_link(size_t pos, size_t end) {
    size_t p = skip_spaces(m_s, pos);
    size_t dash = separator_length(p);
    if (!dash) return std::nullopt;
    p = skip_spaces(m_s, p + dash);
    const Atom* atom = m_flat.atom(p);
    if (!atom || !atom->is_link || p >= end) return std::nullopt;
    std::string text = to_lower(trim(atom->text));
    const char* field = text == "review" || text == "reviews" || starts_with(text, "review on ") ? "review"
                        : text == ":copyright:" || text == "license" || text == "licence"        ? "license"
                                                                                                 : nullptr;
    if (!field) return std::nullopt;
    add_field(m_item, field, atom->url);
    p = skip_spaces(m_s, p + 1);
    if (size_t second = separator_length(p)) p = skip_spaces(m_s, p + second);
    return p;
  }

  // The length of a " - ", " – " or " — " separator's dash at `pos`, 0 if none.
  size_t separator_length(size_t pos) const {
    for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})
      if (m_s.compare(pos, dash.size(), dash) == 0 && pos + dash.size() < m_s.size() &&
          (m_s[pos + dash.size()] == ' ' || m_s[pos + dash.size()] == '\0'))
        return dash.size();
    return 0;
  }

  // "7.4/10", "4/5", "87/100": a score out of a round number.
  static bool is_rating(std::string_view text) {
    size_t slash = text.find('/');
    if (slash == 0 || slash == std::string_view::npos) return false;
    std::string_view score = text.substr(0, slash), scale = text.substr(slash + 1);
    return score.find_first_not_of("0123456789.") == std::string_view::npos &&
           std::isdigit(static_cast<unsigned char>(score.front())) && (scale == "5" || scale == "10" || scale == "100");
  }

  static bool is_license_url(std::string_view url) {
    for (std::string_view site : {"spdx.org/licenses/", "opensource.org/licenses/", "choosealicense.com/licenses/"})
      if (url.find(site) != std::string_view::npos) return true;
    return false;
  }

  // awesome-selfhosted closes every entry with its other pages in
  // parentheses and its license and language in code spans: "… platform.
  // ([Source Code](…)) `MIT` `Nodejs`". The code spans, each one word after
  // the sentence or the parentheses, give the field "labels" ("MIT,
  // Nodejs"); the parentheses hold links only, which stay in `links`.
  // Where the description ends.
  size_t cut_closing_labels(size_t pos, size_t end) {
    auto last_before = [&](size_t at) {  // the last non-blank position before `at`, or npos
      while (at > pos && (m_s[at - 1] == ' ' || m_s[at - 1] == '\t')) --at;
      return at > pos ? at - 1 : std::string::npos;
    };
    // awesome-c closes 442 entries with their licence's link, "[``MIT``][MIT]"
    // to spdx.org: the field "license" (the link stays in `links`).
    if (size_t last = last_before(end); last != std::string::npos)
      if (const Atom* atom = m_flat.atom(last); atom && atom->is_link && is_license_url(atom->url) &&
                                                !trim(atom->text).empty() && last_before(last) != std::string::npos) {
        add_field(m_item, "license", std::string(trim(atom->text)));
        end = last;
      }
    // "… conference <sup>[7.4/10](http://www.imdb.com/…)</sup>" (awesome-
    // computer-history, 18 films): a closing link that is a rating.
    if (size_t last = last_before(end); last != std::string::npos)
      if (const Atom* atom = m_flat.atom(last); atom && atom->is_link && is_rating(trim(atom->text))) {
        add_field(m_item, "rating", std::string(trim(atom->text)));
        end = last;
      }
    std::vector<std::string_view> labels;
    size_t cut = end;
    for (size_t last = last_before(cut); last != std::string::npos; last = last_before(cut)) {
      auto code = std::find_if(m_flat.code.begin(), m_flat.code.end(),
                               [&](const auto& span) { return span.second == last + 1; });
      if (code == m_flat.code.end()) break;
      std::string_view word = trim(std::string_view(m_s).substr(code->first, code->second - code->first));
      // "MIT", "Apache 2.0", "Public domain", "PHP/Javascript": a name, no sentence.
      if (word.empty() || word.size() > 40 || word.find_first_of(".,;:!?") + 1 == word.size() ||
          std::count(word.begin(), word.end(), ' ') > 2)
        break;
      labels.push_back(word);
      cut = code->first;
    }
    // Where the parenthesis closing at `last` opens, when it holds links only.
    auto links_only_parenthesis = [&](size_t last) {
      size_t open = m_s.rfind('(', last);
      std::string_view inside =
          open == std::string::npos ? "" : std::string_view(m_s).substr(open + 1, last - open - 1);
      bool only_links = inside.find('\0') != std::string_view::npos &&
                        inside.find_first_not_of(std::string_view(" ,|\0", 4)) == std::string_view::npos;
      for (size_t at = open + 1; only_links && at < last; ++at)
        if (const Atom* atom = m_flat.atom(at)) only_links = atom->is_link;
      return only_links ? open : std::string::npos;
    };
    // The labels follow a sentence or the parentheses after one, never a
    // word ("run `make`") nor the entry's link alone: applied-ml writes
    // "[Title](…) ([Paper](…)) `Microsoft`", its organisation in the
    // code-spans style.
    size_t before_labels = last_before(cut);
    bool labelled =
        !labels.empty() && before_labels != std::string::npos &&
        (m_s[before_labels] == '.' ||
         (m_s[before_labels] == ')' && (links_only_parenthesis(before_labels) == std::string::npos ||
                                        last_before(links_only_parenthesis(before_labels)) != std::string::npos)));
    if (!labelled) cut = end;
    size_t last = last_before(cut);
    // Parentheses of links only are no words of the entry (their links are
    // in `links`): "… platform. ([Source Code](…))", "[Title](…) ([Paper](…))".
    // A status among them ("… 21st century. ([Discontinued](…))", Awesome-
    // Linux-Software) is the entry's note, as "(archived)" would be, unless
    // the entry has one.
    if (last != std::string::npos && m_s[last] == ')')
      if (size_t open = links_only_parenthesis(last); open != std::string::npos) {
        cut = open;
        const Atom* link = m_flat.atom(skip_spaces(m_s, open + 1));
        if (std::string_view text = link ? trim(link->text) : "";
            iequals_any(text, {"discontinued", "deprecated", "archived", "unmaintained", "abandoned", "dead",
                               "obsolete", "no longer maintained"}))
          m_status = std::string(text);
      }
    if (labelled) {
      std::string joined;
      for (auto it = labels.rbegin(); it != labels.rend(); ++it)
        joined += (joined.empty() ? "" : ", ") + std::string(*it);
      add_field(m_item, "labels", std::move(joined));
    }
    return cut;
  }

  // Whether [pos, end), blanks aside, is one bold span.
  bool is_bold(size_t pos, size_t end) const {
    size_t last = m_s.find_last_not_of(" \t", end - 1);
    return last != std::string::npos && std::any_of(m_flat.strong.begin(), m_flat.strong.end(), [&](const auto& span) {
             return span.first == pos && span.second >= last + 1;
           });
  }

  // "… using docker-gen by [@jwilder][jwilder]", "… GridView with tiles of
  // variable sizes by [Romain Rastel](…)." (awesome-flutter, 228 entries): a
  // credit closing the description gives the authors and leaves the
  // description. The credit names GitHub users, or people by two words or
  // more ("Learn Go by Example" credits nobody), after a word that may
  // credit: not a participle such as "inspired" or "powered", but
  // "created", "written", "maintained" and the like.
  // "[Computer Vision: Theory and Application](…) - Rick Szeliski 2010",
  // "… - Jitendra Malik (UC Berkeley) 2013" (awesome-computer-vision): a
  // description that is only names, maybe an affiliation in parentheses,
  // and a year, is the authors, the note and the date.
  void take_dated_credit() {
    std::string_view text = trim(*m_item.description);
    if (text.size() < 10 || !ends_with_year(text)) return;
    std::string_view year = text.substr(text.size() - 4);
    std::string_view names = trim(text.substr(0, text.size() - 4));
    if (!names.empty() && names.back() == ',') names = trim(names.substr(0, names.size() - 1));
    std::string_view affiliation;
    if (!names.empty() && names.back() == ')')
      if (size_t open = names.rfind(" ("); open != std::string_view::npos) {
        affiliation = trim(names.substr(open + 2, names.size() - open - 3));
        names = trim(names.substr(0, open));
      }
    if (names.find(' ') == std::string_view::npos || affiliation.find_first_of("()") != std::string_view::npos ||
        !style_detail::plausible_authors(names))
      return;
    // "Reinhard, E., Heidrich, W., …": names written surname first split
    // apart; each name here has words enough.
    std::vector<std::string> authors = style_detail::split_authors(names);
    if (std::any_of(authors.begin(), authors.end(),
                    [](const std::string& name) { return name.find(' ') == std::string::npos; }))
      return;
    if (authors.size() > 1 && is_publisher(authors.back())) {
      add_field(m_item, "publisher", std::move(authors.back()));
      authors.pop_back();
    }
    m_item.authors = std::move(authors);
    m_item.date = std::string(year);
    if (!affiliation.empty() && !m_item.note) m_item.note = std::string(affiliation);
    m_item.description.reset();
  }

  void take_dated_description() {
    std::string_view text = *m_item.description;
    // Every date closes with its year's digits: most descriptions need no reading.
    if (text.size() < 4 || text.size() > 40 || !std::isdigit(static_cast<unsigned char>(text.back()))) return;
    std::optional<std::string> date = read_written_date(text);
    std::string_view venue;
    if (size_t comma = text.rfind(", ");
        !date && comma != std::string_view::npos && std::count(text.begin(), text.begin() + comma, ' ') < 3) {
      date = read_written_date(text.substr(comma + 2));
      venue = trim(text.substr(0, comma));
    }
    if (!date) return;
    m_item.date = std::move(*date);
    if (!venue.empty()) m_item.note = std::string(venue);
    m_item.description.reset();
  }

  // "[GitHub Enterprise SQL Injection](…) - Written by [Orange](…).", "…
  // challenge - Written by [@0xdabbad00](…)." (awesome-web-security, 73
  // entries): a closing sentence that says who wrote the page, one name
  // of one word or several, "from" an organisation maybe. The authors; the
  // description is what comes before it, if anything.
  // "by X, Y." closing a description: the names credited, its stop and
  // commas aside.
  static std::optional<std::vector<std::string>> closing_credit_names(std::string_view credit) {
    credit = trim(credit);
    while (!credit.empty() && std::string_view(".,;").find(credit.back()) != std::string_view::npos)
      credit.remove_suffix(1);
    return credited_authors(credit);
  }
  static bool is_handle_name(const std::string& name) {
    return name.size() > 1 && name[0] == '@' && name.find(' ') == std::string::npos;
  }
  static bool is_person_name(const std::string& name) {
    return name.find(' ') != std::string::npos && !names_no_person(name);
  }

  void take_written_by() {
    std::optional<std::string>& description = m_item.description;
    std::string_view text = *description;
    // "[sakurity.com/blog](…)  -  by [Egor Homakov](…)" (awesome-bug-bounty's
    // write-ups): a description that is only a credit, of people named in
    // full or by handle ("By default, …" credits nobody).
    if (istarts_with(text, "by ")) {
      std::optional<std::vector<std::string>> authors = closing_credit_names(text);
      if (authors && !authors->empty() && std::all_of(authors->begin(), authors->end(), [](const std::string& name) {
            return is_handle_name(name) || is_person_name(name);
          })) {
        m_item.authors = std::move(*authors);
        description.reset();
      }
      return;
    }
    size_t at = istarts_with(text, "written by ") ? 0 : text.find(" - Written by ");
    if (at == std::string_view::npos) return;
    size_t names_at = at == 0 ? 11 : at + 14;
    std::string_view names = trim(text.substr(names_at));
    if (ends_with(names, ".")) names.remove_suffix(1);
    if (size_t from = names.find(" from "); from != std::string_view::npos) names = names.substr(0, from);
    names = trim(names);
    if (names.empty() || names.size() > 80 || names.find_first_of(".:;!?") != std::string_view::npos) return;
    std::vector<std::string> authors = style_detail::split_authors(names);
    bool named = !authors.empty() && std::all_of(authors.begin(), authors.end(), [](const std::string& name) {
      return std::count(name.begin(), name.end(), ' ') <= 3;
    });
    if (!named) return;
    m_item.authors = std::move(authors);
    if (at == 0)
      description.reset();
    else
      *description = std::string(trim(text.substr(0, at)));
  }

  void take_closing_credit(std::string& description) {
    size_t by = description.rfind(" by ");
    if (by == std::string::npos) return;
    std::optional<std::vector<std::string>> authors =
        closing_credit_names(std::string_view(description).substr(by + 1));
    if (!authors || authors->empty()) return;
    bool handles = std::all_of(authors->begin(), authors->end(), is_handle_name);
    bool people = std::all_of(authors->begin(), authors->end(), is_person_name);
    if (!handles && (!people || !may_credit(std::string_view(description).substr(0, by)))) return;
    m_item.authors = std::move(*authors);
    // "… the digital world presented by Aleks Krotoski." (awesome-geek-
    // podcasts), "Wargame maintained by OvertheWire Community" (awesome-ctf)
    // keep their words: cut, the participle would dangle. "… of variable
    // sizes by X" loses its credit.
    if (is_credit_participle(std::string_view(description).substr(0, by))) return;
    std::string_view rest = trim(std::string_view(description).substr(0, by));
    while (!rest.empty() && (rest.back() == ',' || rest.back() == ';')) rest.remove_suffix(1);
    if (rest.find(' ') != std::string_view::npos) description = std::string(rest);
  }

  // "[The Art of Exploitation by Jon Erickson, 2008](…)", "[The Database
  // Hacker's Handbook, David Litchfield et al., 2005](…)" (awesome-pentest's
  // 45 books), "[What's Next for Phoenix by Chris McCord](…)": a credit,
  // and a year after it, closing the link's text. A year alone stays.
  void take_title_credit() {
    std::string& title = m_item.title;
    // One pass over the title's blanks: most titles credit nobody.
    bool credits = false;
    for (size_t at = title.find(' '); at != std::string::npos && !credits; at = title.find(' ', at + 1))
      credits = title.compare(at + 1, 3, "by ") == 0 || title.compare(at + 1, 5, "et al") == 0;
    if (!credits) return;
    std::string year;
    if (size_t n = title.size(); n > 6 && title.compare(n - 6, 2, ", ") == 0 && ends_with_year(title.substr(n - 4))) {
      year = title.substr(n - 4);
      title.resize(n - 6);
    }
    // "Simplicity by Distributing Complexity", "Performance Optimization by
    // Brotli Compression", "Sort by Best Rating": a title may say how.
    // After "by" without a comma before it, a name has no word of "-ing",
    // "-tion" or "-sion"; ", by Jiaming Liang" is a credit.
    bool how = false;
    if (size_t by = title.rfind(" by "); by != std::string::npos && (by == 0 || title[by - 1] != ',')) {
      each_trimmed_view(std::string_view(title).substr(by + 4), " ", [&](std::string_view word) {
        std::string lower = to_lower(word);
        how = lower.size() > 5 && (ends_with(lower, "ing") || ends_with(lower, "tion") || ends_with(lower, "sion"));
        return !how;
      });
    }
    if (!how) take_closing_credit(title);
    size_t comma = title.rfind(", ");
    if (m_item.authors.empty() && comma != std::string::npos && title.find(" et al", comma) != std::string::npos &&
        style_detail::plausible_authors(std::string_view(title).substr(comma + 2))) {
      m_item.authors = style_detail::split_authors(std::string_view(title).substr(comma + 2));
      title.resize(comma);
    }
    if (m_item.authors.empty()) {
      if (!year.empty()) title += ", " + year;
    } else if (!year.empty() && !m_item.date) {
      m_item.date = year;
    }
  }

  // "[Video: Web Components in Action](…)", "[Book: Eloquent JavaScript](…)"
  // (frontend-dev-bookmarks, 23 entries): a kind naming the link's text
  // before a colon is the entry's kind, the rest its title.
  void take_title_kind() {
    std::string& title = m_item.title;
    size_t colon = title.find(": ");
    if (colon == std::string::npos || colon == 0 || colon > 12 || !m_item.kinds.empty() || colon + 2 >= title.size())
      return;
    std::string_view word = std::string_view(title).substr(0, colon);
    if (word.find(' ') != std::string_view::npos) return;
    std::optional<std::string> kind = m_kinds.lookup(word);
    if (!kind) return;
    m_item.kinds = {*kind};
    m_item.medium = std::string(word);
    title = std::string(trim(std::string_view(title).substr(colon + 2)));
  }

  // "[doobie ★ 812 ⧗ 0](…)" (awesome-scala's generator, 324 entries): the
  // stars and the "⧗" count closing the link's text are fields, not title.
  void take_title_counts() {
    static constexpr std::string_view k_star = " \xE2\x98\x85 ", k_glass = " \xE2\xA7\x97 ";
    std::string& title = m_item.title;
    size_t star = title.find(k_star);
    if (star == std::string::npos || star == 0) return;
    auto number = [](std::string_view text) {
      return !text.empty() && text.find_first_not_of("0123456789,.k") == std::string_view::npos &&
             std::isdigit(static_cast<unsigned char>(text.front()));
    };
    std::string_view counts = std::string_view(title).substr(star + k_star.size());
    size_t glass = counts.find(k_glass);
    std::string_view stars = counts.substr(0, glass);
    std::string_view age = glass == std::string_view::npos ? std::string_view() : counts.substr(glass + k_glass.size());
    if (!number(stars) || (glass != std::string_view::npos && !number(age))) return;
    add_field(m_item, "stars", std::string(stars));
    if (!age.empty()) add_field(m_item, "\xE2\xA7\x97", std::string(age));
    title.resize(star);
  }

  // Whether the word closing `before` may precede "by NAMES" as a credit.
  static bool may_credit(std::string_view before) {
    size_t space = before.find_last_of(' ');
    std::string word = to_lower(space == std::string_view::npos ? before : before.substr(space + 1));
    return (!ends_with(word, "ed") && !ends_with(word, "en")) || is_credit_participle(before);  // "… sizes by X"
  }

  // Whether the word closing `before` is a participle that credits
  // ("created", "hosted"), not one that does not ("inspired", "powered").
  static bool is_credit_participle(std::string_view before) {
    size_t space = before.find_last_of(' ');
    std::string word = to_lower(space == std::string_view::npos ? before : before.substr(space + 1));
    static constexpr std::array<std::string_view, 16> k_credits = {
        "created", "developed", "maintained", "written",  "authored",  "designed",  "presented", "taught",
        "curated", "edited",    "published",  "produced", "organized", "organised", "hosted",    "implemented"};
    return std::find(k_credits.begin(), k_credits.end(), word) != k_credits.end();
  }

  // "… - Author (PDF, EPUB)": a closing parenthesis of format labels gives
  // the formats and leaves the text. So does a bracket ("[**C**: _Chess Engine In C_](…) [video]",
  // build-your-own-x).
  void take_trailing_formats(std::string& tail) {
    if (tail.empty() || (tail.back() != ')' && tail.back() != ']')) return;
    size_t open = tail.rfind(tail.back() == ')' ? '(' : '[');
    if (open == std::string::npos) return;
    std::string_view inside = std::string_view(tail).substr(open + 1, tail.size() - open - 2);
    bool labels = false;
    if (!each_format_label(inside,
                           [&](std::string_view label) { return (labels = format_of_label(label).has_value()); }) ||
        !labels)
      return;
    each_format_label(inside, [&](std::string_view label) {
      add_format(m_item, *format_of_label(label));
      return true;
    });
    tail = std::string(trim(std::string_view(tail).substr(0, open)));
  }

  const Flat& m_flat;
  const std::string& m_s;
  const KindTable& m_kinds;
  Item& m_item;
  bool m_colon_title = false;                 // the leading link's text ended in ':'
  bool m_label_link = false;                  // a format label's link closed the entry ("… [[Paper]](…)")
  size_t m_plain_start = 0, m_plain_end = 0;  // the text read_plain read: [start, end)
  size_t m_tail_end = 0;                      // where the tail's text ends: before closing labels (cut_closing_labels)
  std::optional<std::string> m_status;        // "([Discontinued](…))" closing the entry (cut_closing_labels)
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
  if (text.size() >= 2 && ((text.front() == '[' && text.back() == ']') || (text.front() == '(' && text.back() == ')')))
    text = trim(text.substr(1, text.size() - 2));
  static constexpr std::array<std::string_view, 29> k_formats = {
      "pdf",      "html",  "epub",   "mobi", "azw3",  "kindle", "djvu", "ps",     "txt", "md",
      "markdown", "ipynb", "online", "web",  "video", "audio",  "mp3",  "slides", "ppt", "pptx",
      "doc",      "docx",  "odt",    "odp",  "rtf",   "chm",    "tex",  "latex",  "zip"};
  // Other names of those formats (free-programming-books writes them).
  // ("Videos" is not one: cs-video-courses links "([Videos](…))" after its courses.)
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_aliases = {{
      {"postscript", "ps"},
      {"jupyter notebook", "ipynb"},
      {"jupyter", "ipynb"},
      {"notebook", "ipynb"},
  }};
  static constexpr size_t k_longest = [] {
    size_t longest = 0;
    for (std::string_view format : k_formats) longest = std::max(longest, format.size());
    for (const auto& alias : k_aliases) longest = std::max(longest, alias.first.size());
    return longest;
  }();
  if (text.size() > k_longest) return std::nullopt;  // most text is no label: no comparisons
  // Lower-cased once, then plain comparisons (most settled by the length).
  std::array<char, k_longest> lowered;
  std::transform(text.begin(), text.end(), lowered.begin(), ascii_lower);
  std::string_view key(lowered.data(), text.size());
  for (std::string_view format : k_formats)
    if (format == key) return std::string(format);
  for (const auto& [alias, format] : k_aliases)
    if (alias == key) return std::string(format);
  return std::nullopt;
}

void add_format(Item& item, const std::string& format) {
  if (std::find(item.formats.begin(), item.formats.end(), format) == item.formats.end()) item.formats.push_back(format);
}

void add_field(Item& item, std::string name, std::string value) {
  if (std::none_of(item.fields.begin(), item.fields.end(), [&](const auto& field) { return field.first == name; }))
    item.fields.emplace_back(std::move(name), std::move(value));
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

namespace {

// The icons opening an entry ("📖", ":book: :zap:") are its field "icon";
// one that pictures a kind ("📖", ":movie_camera:") gives the kind too.
void add_icon(const std::string& marks, Item& item) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> k_icon_kinds = {{
      {":book:", "book"},
      {":books:", "book"},
      {"\xF0\x9F\x93\x96", "book"},  // 📖
      {"\xF0\x9F\x93\x9A", "book"},  // 📚
      {":movie_camera:", "video"},
      {":tv:", "video"},
      {":video_camera:", "video"},
      {"\xF0\x9F\x8E\xA5", "video"},  // 🎥
      {"\xF0\x9F\x93\xBA", "video"},  // 📺
      {":newspaper:", "article"},
      {":page_facing_up:", "article"},
      {"\xF0\x9F\x93\xB0", "article"},  // 📰
      {"\xF0\x9F\x93\x84", "article"},  // 📄
      {":headphones:", "podcast"},
      {":microphone:", "podcast"},
      {"\xF0\x9F\x8E\xA7", "podcast"},  // 🎧
  }};
  add_field(item, "icon", marks);
  for (std::string_view mark : split_trimmed_views(marks, " "))
    for (const auto& [icon, kind] : k_icon_kinds)
      if (mark == icon && std::find(item.kinds.begin(), item.kinds.end(), kind) == item.kinds.end())
        item.kinds.emplace_back(kind);
}

}  // namespace

void parse_entry_fields(cmark_node* paragraph, const KindTable& kinds, Item& item, const StyleSet* styles, int style) {
  if (!paragraph) {
    item.style = EntryStyle::empty;
    return;
  }
  // One scratch buffer for every item: its capacity is reused, not
  // allocated afresh per entry.
  thread_local Flat flat;
  grammar_detail::flatten(paragraph, flat);
  // Links that only label other pages of the entry ("… [website](…)") are
  // no words of it: every reading sees the text without them.
  thread_local std::vector<Atom> labels;
  grammar_detail::take_closing_labels(flat, labels);
  thread_local std::string marks;
  grammar_detail::take_leading_marks(flat, marks);
  EntryParser(flat, kinds, item).run(!labels.empty());
  if (!marks.empty()) add_icon(marks, item);
  for (const Atom& label : labels) {
    item.links.push_back(label.url);
    if (auto format = format_of_label(label.text)) add_format(item, *format);
  }
  // A badge's repository is one more link of an entry that has its own,
  // never the link of one that has none (ossu's "Put the OSSU-CS badge in
  // the README of your repository!" stays prose).
  if (!item.links.empty())
    for (const std::string& link : flat.badge_links)
      if (std::find(item.links.begin(), item.links.end(), link) == item.links.end()) item.links.push_back(link);
  if (styles && (styles->detecting() || style >= 0))
    style_detail::read_template_styles(flat, kinds, *styles, style, item);
}

// "Switch Transformers (JMLR'21)", "Deep Sets (NIPS 2017)", "(Kohl, ICRA
// 2004)": a venue and year closing the title in parentheses.
void take_title_venue_year(Item& item) {
  std::string& title = item.title;
  size_t open = title.rfind('(');
  if (title.empty() || title.back() != ')' || open == std::string::npos || open == 0) return;
  std::string_view inside = trim(std::string_view(title).substr(open + 1, title.size() - open - 2));
  auto digits = [](std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  };
  std::string year;
  std::string_view venue;
  size_t n = inside.size();
  // "'21" or "’21" closing it, else " 2021".
  size_t mark = n >= 3 && inside[n - 3] == '\''                           ? n - 3
                : n >= 5 && inside.compare(n - 5, 3, "\xE2\x80\x99") == 0 ? n - 5
                                                                          : std::string_view::npos;
  if (mark != std::string_view::npos && digits(inside.substr(n - 2))) {
    int two = std::stoi(std::string(inside.substr(n - 2)));
    year = std::to_string(year_of_two_digits(two));
    venue = inside.substr(0, mark);
  } else if (n > 5 && digits(inside.substr(n - 4)) && inside[n - 5] == ' ' &&
             (inside.compare(n - 4, 2, "19") == 0 || inside.compare(n - 4, 2, "20") == 0)) {
    year = std::string(inside.substr(n - 4));
    venue = inside.substr(0, n - 5);
  } else {
    return;
  }
  venue = trim(venue);
  if (!venue.empty() && venue.back() == ',') venue = trim(venue.substr(0, venue.size() - 1));
  // "(Kohl, ICRA 2004)": the author before the venue.
  std::string_view author;
  if (size_t comma = venue.find(", "); comma != std::string_view::npos && item.authors.empty() &&
                                       style_detail::plausible_authors(venue.substr(0, comma))) {
    author = venue.substr(0, comma);
    venue = trim(venue.substr(comma + 2));
  }
  if (venue.empty() || venue.size() > 40 || !std::isalpha(static_cast<unsigned char>(venue.front())) ||
      std::count(venue.begin(), venue.end(), ' ') > 3)
    return;
  if (!author.empty()) item.authors = style_detail::split_authors(author);
  if (!item.date) item.date = year;
  add_field(item, "venue", std::string(venue));
  title = std::string(trim(std::string_view(title).substr(0, open)));
}

std::optional<std::string> description_after_separator(std::string_view text) { return after_separator(text); }

}  // namespace curate
