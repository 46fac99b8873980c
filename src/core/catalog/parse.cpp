#include "curate/catalog/parse.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <optional>

#include "builders.hpp"
#include "curate/catalog/grammar.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/markdown/slug.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "flat.hpp"
#include "style_internal.hpp"

namespace curate {
namespace {

SourcePos start_of(const LineShift& lines, cmark_node* node) {
  return {lines.start(node), cmark_node_get_start_column(node)};
}

cmark_node* first_paragraph(cmark_node* item) {
  cmark_node* first = cmark_node_first_child(item);
  return is_type(first, CMARK_NODE_PARAGRAPH) ? first : nullptr;
}

// A heading's source without its marks: "#### **Operating Systems**", or
// an underlined one without its underline.
std::string heading_source(std::string_view raw) {
  if (size_t underline = raw.rfind('\n'); underline != std::string_view::npos)
    return std::string(trim(raw.substr(0, underline)));
  return std::string(trim(raw.substr(std::min(raw.find_first_not_of('#'), raw.size()))));
}

// The web page `<a href="https://…"` opening `tag` links, or "".
std::string_view web_href(std::string_view tag) {
  if (!starts_with(tag, "<a href=\"")) return {};
  size_t end = tag.find('"', 9);
  std::string_view url = tag.substr(9, end == std::string_view::npos ? 0 : end - 9);
  return istarts_with(url, "https://") || istarts_with(url, "http://") ? url : std::string_view();
}

// The first link to a web page in `html`, `<a href="https://…">Text</a>`:
// where its tag opens, its address, its text (tags left in) and what
// follows `</a>`; nullopt when there is none or it is never closed.
struct WebAnchor {
  size_t open = 0;
  std::string_view url, text, after;
};

std::optional<WebAnchor> first_web_anchor(std::string_view html) {
  size_t open = html.find("<a href=\"");
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view url = web_href(html.substr(open));
  size_t tag_end = url.empty() ? std::string_view::npos : html.find('>', open + 10 + url.size());
  size_t close = tag_end == std::string_view::npos ? tag_end : html.find("</a>", tag_end);
  if (close == std::string_view::npos) return std::nullopt;
  return WebAnchor{open, url, html.substr(tag_end + 1, close - tag_end - 1), html.substr(close + 4)};
}

// "- <p><a href="https://bit.ly/3xdqdkt">HJDataset</a> contains over 250,000
// layout element annotations …</p>" (awesome-datasets' 8 entries): an item
// written as one HTML block that opens, after tags only, with a link to a
// web page is an entry; the words after the link describe it. Any other
// block leaves `item` as it is.
void read_html_block_item(cmark_node* block, const LineShift& lines, Item& item) {
  const char* literal = is_type(block, CMARK_NODE_HTML_BLOCK) ? cmark_node_get_literal(block) : nullptr;
  std::string_view html = literal ? literal : "";
  std::optional<WebAnchor> anchor = first_web_anchor(html);
  if (!anchor || !trim(without_tags(html.substr(0, anchor->open))).empty()) return;
  std::string title = collapse_whitespace(without_tags(anchor->text));
  if (title.empty()) return;
  item.style = EntryStyle::leading_link;
  item.title = std::move(title);
  item.url = std::string(anchor->url);
  item.links.push_back(*item.url);
  std::string rest = collapse_whitespace(without_tags(anchor->after));
  std::optional<std::string> described = description_after_separator(rest);
  if (described && !described->empty())
    item.description = std::move(*described);
  else if (!rest.empty())
    item.description = std::move(rest);
  item.raw = std::string(trim(html.substr(0, html.find('\n'))));
  item.paragraph_end_line = lines.end(block);
}

// The page a paragraph's inline HTML links first, or none (HTML in a code
// span is text).
std::optional<std::string> html_link(cmark_node* paragraph) {
  for (cmark_node* node = paragraph ? cmark_node_first_child(paragraph) : nullptr; node; node = cmark_node_next(node)) {
    const char* literal = is_type(node, CMARK_NODE_HTML_INLINE) ? cmark_node_get_literal(node) : nullptr;
    if (std::string_view url = web_href(literal ? literal : ""); !url.empty()) return std::string(url);
  }
  return std::nullopt;
}

// The block that names a list item: its first paragraph, or a heading that
// opens it (cs-video-courses groups its courses under "- #### **Operating
// Systems**").
cmark_node* naming_block(cmark_node* item) {
  cmark_node* first = cmark_node_first_child(item);
  return is_type(first, CMARK_NODE_PARAGRAPH) || is_type(first, CMARK_NODE_HEADING) ? first : nullptr;
}

bool is_anchor(const char* url) { return is_anchor_url(url ? url : ""); }

// A relative link to another Markdown file ("books.md", "./de.md#index").
bool is_markdown_file(const char* url) {
  std::string_view u = url ? url : "";
  if (u.empty() || u.find("://") != std::string_view::npos || starts_with(u, "/") || starts_with(u, "mailto:"))
    return false;
  std::string path = to_lower(u.substr(0, u.find('#')));
  return ends_with(path, ".md") || ends_with(path, ".markdown");
}

size_t count_children(cmark_node* node) {
  size_t count = 0;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) ++count;
  return count;
}

// Walks `root`'s subtree without recursion (lists nest as deep as a file
// says, so a walk must not spend stack per level), calling `visit(node,
// depth)` on entering each node, until it returns false; depth counts the
// lists above it inside root.
template <typename Visit>
void walk_lists(cmark_node* root, Visit visit) {
  cmark_iter* iter = cmark_iter_new(root);
  int depth = 0;
  bool more = true;
  for (cmark_event_type event; more && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (node == root) continue;
    bool list = is_type(node, CMARK_NODE_LIST);
    if (event == CMARK_EVENT_EXIT) {
      depth -= list ? 1 : 0;
      continue;
    }
    more = visit(node, depth);
    depth += list ? 1 : 0;
  }
  cmark_iter_free(iter);
}

void collect_links(cmark_node* node, std::vector<cmark_node*>& out) {
  walk_lists(node, [&](cmark_node* child, int) {
    if (is_type(child, CMARK_NODE_LINK)) out.push_back(child);
    return true;
  });
}

// A link to one more page of the entry above: a site where it is discussed,
// its code, slides or video.
bool is_link_note_name(std::string_view text) {
  return iequals_any(text, {"hn",
                            "hacker news",
                            "reddit",
                            "lobsters",
                            "lobste.rs",
                            "github",
                            "github repo",
                            "repo",
                            "repository",
                            "source",
                            "code",
                            "source code",
                            "slides",
                            "video",
                            "videos",
                            "pdf",
                            "demo",
                            "transcript",
                            "mirror",
                            "archive",
                            "discussion",
                            "comments",
                            "notes",
                            "homework",
                            "assignments",
                            "lecture notes",
                            "lectures",
                            "lecture videos",
                            "syllabus",
                            "readings",
                            "labs",
                            "exams",
                            "old exams",
                            "problem sets",
                            "resources",
                            "schedule",
                            "course website",
                            "website",
                            "textbook",
                            "lectures and assignments"});
}

// "Discussions: [HN](…), [Reddit](…).", "[GitHub Repo](…)." (awesome-
// compilers), "[Source code](…)" (awesome-courses): a child item that only
// points to more pages of the entry it sits under. Its links' texts and
// nodes, or nothing when it says more than that.
std::vector<std::pair<std::string, cmark_node*>> link_note(cmark_node* item) {
  cmark_node* paragraph = cmark_node_first_child(item);
  std::vector<std::pair<std::string, cmark_node*>> links;
  if (!is_type(paragraph, CMARK_NODE_PARAGRAPH) || cmark_node_next(paragraph)) return links;
  bool labelled = false;
  for (cmark_node* node = cmark_node_first_child(paragraph); node; node = cmark_node_next(node)) {
    if (is_type(node, CMARK_NODE_LINK)) {
      if (is_anchor(cmark_node_get_url(node))) return {};
      links.emplace_back(std::string(), node);  // its text once the item proves to be links only
      continue;
    }
    std::string_view text = is_type(node, CMARK_NODE_TEXT) ? cmark_node_get_literal(node) : "";
    if (!is_type(node, CMARK_NODE_TEXT) && !is_type(node, CMARK_NODE_SOFTBREAK)) return {};
    text = trim(text);
    // "Discussions:" before the first link; ",", "|", "/" or "and" between; "." after the last.
    bool label = links.empty() && !cmark_node_previous(node) && text.size() > 1 && text.back() == ':';
    if (label) {
      std::string_view name = trim(text.substr(0, text.size() - 1));
      labelled = iequals_any(name, {"discussion", "discussions", "comments", "mirrors", "links"});
      if (!labelled) return {};
    } else if (links.empty() || !(text.empty() || text == "," || text == "|" || text == "/" || text == "and" ||
                                  (text == "." && !cmark_node_next(node)))) {
      return {};
    }
  }
  for (auto& [text, node] : links) text = trim(plain_text(node));
  if (!labelled && !std::all_of(links.begin(), links.end(), [](const auto& l) { return is_link_note_name(l.first); }))
    links.clear();
  return links;
}

// "📖 Table of Contents" → "Table of Contents": a heading's text without the
// emoji and shortcodes opening it.
std::string_view without_opening_marks(std::string_view text) {
  text = trim(text);
  for (size_t space = text.find(' '); space != std::string_view::npos; space = text.find(' ')) {
    std::string_view word = text.substr(0, space);
    if (!grammar_detail::is_shortcode(word) && !grammar_detail::is_symbol_word(word)) break;
    text = trim(text.substr(space + 1));
  }
  return text;
}

// "[(go back to table of contents)](#table-of-contents)" (adv-patch-paper-
// list, under three papers' headings): a paragraph that only navigates,
// its text the links' to anchors of the document.
bool only_anchor_links(cmark_node* paragraph) {
  bool link = false;
  for (cmark_node* node = cmark_node_first_child(paragraph); node; node = cmark_node_next(node)) {
    if (is_type(node, CMARK_NODE_LINK) && is_anchor(cmark_node_get_url(node))) {
      link = true;
    } else if (!is_type(node, CMARK_NODE_SOFTBREAK) &&
               !(is_type(node, CMARK_NODE_TEXT) &&
                 trim(cmark_node_get_literal(node)).find_first_not_of("|/") == std::string_view::npos)) {
      return false;
    }
  }
  return link;
}

// "* **Host**: Carl Franklin @[carlfranklin](…)" (awesome-podcasts): a
// child item that gives one detail of the entry it sits under, a short key
// in bold and its value, after a colon as a rule. The key, whether the
// colon was there, and the nodes of the value (the text starts past
// `value_skip` bytes of the first); no key when the item is anything else.
struct Detail {
  std::string key;
  bool colon = false;
  cmark_node* first = nullptr;
  size_t value_skip = 0;
};

bool is_short_key(std::string_view key) {
  return !key.empty() && key.size() <= 30 && std::count(key.begin(), key.end(), ' ') <= 2;
}

// "- 📅 Date: March 27, 2026", "- 📑 Publisher: arXiv" (OSU-NLP-Group's
// GUI-Agents-Paper-List, seven under each paper), "* 简介：中文领域…"
// (Awesome-Chinese-LLM): a key in plain text, capitalised or in Chinese,
// maybe after an emoji, then a colon and a value with no link (a label
// before a link names an entry: "Common Lisp: [Postmodern](…)"), but for
// an address ("* 地址：https://github.com/THUDM/ChatGLM-6B").
bool is_address_key(std::string_view key) {
  return iequals_any(key, {"address", "url", "link", "homepage", "website", "repo", "repository", "github", "code",
                           "\xE5\x9C\xB0\xE5\x9D\x80",                                // 地址
                           "\xE9\xA1\xB9\xE7\x9B\xAE\xE5\x9C\xB0\xE5\x9D\x80",        // 项目地址
                           "\xE9\x93\xBE\xE6\x8E\xA5", "\xE7\xBD\x91\xE5\x9D\x80"});  // 链接, 网址
}

Detail plain_detail_of(cmark_node* paragraph) {
  cmark_node* text = cmark_node_first_child(paragraph);
  if (!is_type(text, CMARK_NODE_TEXT)) return {};
  std::string_view literal = cmark_node_get_literal(text);
  std::string_view words = without_opening_marks(literal);
  // (A value that is a link starts a node of its own: "地址: " is trimmed.)
  size_t colon = std::min({words.find(": "), words.find("\xEF\xBC\x9A"),
                           ends_with(words, ":") ? words.size() - 1 : std::string_view::npos});
  if (colon == std::string_view::npos || words.empty()) return {};
  std::string_view key = trim(words.substr(0, colon));
  unsigned char first = key.empty() ? 0 : static_cast<unsigned char>(key.front());
  bool chinese = first >= 0xE3 && first <= 0xE9 && key.size() <= 18 && key.find(' ') == std::string_view::npos;
  if (!chinese && (!std::isupper(first) || !is_short_key(key) || !std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == ' ' || c == '/' || c == '-';
      })))
    return {};
  if (!is_address_key(key))
    for (cmark_node* node = text; node; node = cmark_node_next(node))
      if (is_type(node, CMARK_NODE_LINK) || is_type(node, CMARK_NODE_IMAGE)) return {};
  size_t skip = words[colon] == ':' ? 1 : 3;
  return {std::string(key), true, text, static_cast<size_t>(words.data() - literal.data()) + colon + skip};
}

Detail detail_of(cmark_node* item) {
  cmark_node* paragraph = cmark_node_first_child(item);
  if (!is_type(paragraph, CMARK_NODE_PARAGRAPH)) return {};
  for (cmark_node* block = cmark_node_next(paragraph); block; block = cmark_node_next(block))
    if (!is_type(block, CMARK_NODE_LIST)) return {};
  cmark_node* strong = cmark_node_first_child(paragraph);
  if (!is_type(strong, CMARK_NODE_STRONG)) return plain_detail_of(paragraph);
  for (cmark_node* child = cmark_node_first_child(strong); child; child = cmark_node_next(child))
    if (!is_type(child, CMARK_NODE_TEXT)) return {};  // "**[Name](…)**: …" is an entry
  Detail detail{std::string(trim(plain_text(strong))), false, cmark_node_next(strong), 0};
  std::string_view after = is_type(detail.first, CMARK_NODE_TEXT) ? cmark_node_get_literal(detail.first) : "";
  if (ends_with(detail.key, ":")) {
    detail.key = std::string(trim(std::string_view(detail.key).substr(0, detail.key.size() - 1)));
    detail.colon = true;
  } else if (starts_with(trim(after), ":")) {
    detail.value_skip = after.find(':') + 1;
    detail.colon = true;
  }
  if (!is_short_key(detail.key)) return {};
  return detail;
}

// A first child of names over the details ("Zehai He, Wenyi Hong, Zhen
// Yang, …" over "📅 Date: …", GUI-Agents-Paper-List): the entry's authors.
std::vector<std::string> names_item(cmark_node* item) {
  cmark_node* paragraph = cmark_node_first_child(item);
  cmark_node* text = cmark_node_first_child(paragraph);
  if (!is_type(paragraph, CMARK_NODE_PARAGRAPH) || cmark_node_next(paragraph) || !is_type(text, CMARK_NODE_TEXT) ||
      cmark_node_next(text))
    return {};
  std::string_view names = trim(cmark_node_get_literal(text));
  for (std::string_view more : {"...", "\xE2\x80\xA6"})
    if (ends_with(names, more)) names = trim(names.substr(0, names.size() - more.size()));
  if (!names.empty() && names.back() == ',') names.remove_suffix(1);
  return style_detail::full_names(names);
}

// Folds the details of a child list into `entry` when every item of it is
// one (detail_of), a first line of names aside, and most say so with a
// colon ("**Description** We love…" forgets it): "Description" (or
// "TLDR", "简介") describes the entry, "Date" dates it, "Host(s)",
// "Author(s)", "Speaker(s)" name its authors (their @handles aside), every
// link joins its links, and any other key is a field. An entry with no
// link takes the one of its address detail ("* ChatGLM：" over "* 地址：
// https://github.com/THUDM/ChatGLM-6B", Awesome-Chinese-LLM's 174
// projects), and folds nothing without one.
bool fold_details(cmark_node* list, Item& entry) {
  std::vector<std::pair<cmark_node*, Detail>> details;
  size_t colons = 0;
  std::vector<std::string> authors;
  cmark_node* address = nullptr;  // the address detail's link
  cmark_node* address_item = nullptr;
  for (cmark_node* sub = cmark_node_first_child(list); sub; sub = cmark_node_next(sub)) {
    if (sub == cmark_node_first_child(list) && cmark_node_next(sub) && entry.authors.empty() &&
        !(authors = names_item(sub)).empty())
      continue;
    Detail& detail = details.emplace_back(sub, detail_of(sub)).second;
    if (detail.key.empty()) return false;
    colons += detail.colon ? 1 : 0;
    if (!address && is_address_key(detail.key))
      for (cmark_node* node = detail.first; node && !address; node = cmark_node_next(node))
        if (is_type(node, CMARK_NODE_LINK) && !is_anchor(cmark_node_get_url(node))) {
          address = node;
          address_item = sub;
        }
  }
  if (colons == 0 || colons * 2 < details.size()) return false;
  // A name with no link over its details: the address detail links it.
  bool linked_by_address = !entry.url;
  if (linked_by_address) {
    if (!address || entry.title.empty()) return false;
    entry.url = cmark_node_get_url(address);
    entry.style = EntryStyle::leading_link;
  }
  if (!authors.empty()) entry.authors = std::move(authors);
  for (auto& [sub, detail] : details) {
    std::string value;
    for (cmark_node* node = detail.first; node; node = cmark_node_next(node))
      value += node == detail.first && is_type(node, CMARK_NODE_TEXT)
                   ? std::string(std::string_view(cmark_node_get_literal(node)).substr(detail.value_skip))
                   : plain_text(node);
    std::vector<cmark_node*> links;
    collect_links(sub, links);
    for (cmark_node* link : links)
      if (const char* url = cmark_node_get_url(link); url && *url && !is_anchor(url)) entry.links.push_back(url);
    value = collapse_whitespace(value);
    if (value.empty() || (linked_by_address && sub == address_item)) continue;
    if (iequals_any(detail.key, {"description", "summary", "about", "tldr", "abstract", "\xE7\xAE\x80\xE4\xBB\x8B",
                                 "\xE6\x8F\x8F\xE8\xBF\xB0", "\xE4\xBB\x8B\xE7\xBB\x8D",  // 简介, 描述, 介绍
                                 "\xE6\x95\xB0\xE6\x8D\xAE\xE9\x9B\x86\xE8\xAF\xB4\xE6\x98\x8E"}) &&  // 数据集说明
        !entry.description) {
      entry.description = value;
    } else if (std::optional<std::string> day;
               iequals_any(detail.key, {"date", "published"}) && !entry.date && (day = read_written_date(value))) {
      entry.date = std::move(day);
    } else if (iequals_any(detail.key, {"host", "hosts", "author", "authors", "speaker", "speakers", "presenter",
                                        "presenters", "instructor", "instructors", "by"}) &&
               entry.authors.empty()) {
      std::string names;
      for (std::string_view word : split_trimmed_views(value, " ")) {
        if (word.empty()) continue;
        if (word.front() != '@') {
          names += (names.empty() ? "" : " ") + std::string(word);
        } else if (word.back() == ',' || word.back() == ';') {
          names += word.back();  // "Carl Franklin @carlfranklin, Richard…": the comma after the handle
        }
      }
      entry.authors = style_detail::split_authors(names);
    } else {
      add_field(entry, detail.key, std::move(value));
    }
  }
  return true;
}

// "[[Paper]](…)", "[[Python Reference]](…)": a child item that is one link
// whose text is in brackets, a page of the paper above it.
cmark_node* bracketed_link_item(cmark_node* item) {
  cmark_node* paragraph = cmark_node_first_child(item);
  if (!is_type(paragraph, CMARK_NODE_PARAGRAPH) || cmark_node_next(paragraph)) return nullptr;
  cmark_node* link = nullptr;
  for (cmark_node* node = cmark_node_first_child(paragraph); node; node = cmark_node_next(node)) {
    if (is_type(node, CMARK_NODE_LINK) && !link) {
      link = node;
    } else if (!is_type(node, CMARK_NODE_TEXT) || !trim(cmark_node_get_literal(node)).empty()) {
      return nullptr;
    }
  }
  if (!link || is_anchor(cmark_node_get_url(link))) return nullptr;
  std::string text(trim(plain_text(link)));
  return text.size() > 2 && text.front() == '[' && text.back() == ']' ? link : nullptr;
}

// benedekrozemberczki's paper lists (awesome-graph-classification and its
// siblings): a title with no link, over its authors and its pages:
//   - **Anonymous Walk Embeddings (ICML 2018)**
//     - Sergey Ivanov and Evgeny Burnaev
//     - [[Paper]](https://arxiv.org/pdf/1805.11921.pdf)
//     - [[Python Reference]](https://github.com/nd7141/AWE)
// The child list is the entry's: the first page its url, every page a link
// and a field named by its text, the names line its authors.
bool fold_paper_pages(cmark_node* list, Item& entry) {
  std::vector<cmark_node*> pages;
  cmark_node* names = nullptr;
  for (cmark_node* sub = cmark_node_first_child(list); sub; sub = cmark_node_next(sub)) {
    if (cmark_node* link = bracketed_link_item(sub)) {
      pages.push_back(link);
      continue;
    }
    cmark_node* paragraph = cmark_node_first_child(sub);
    if (names || !pages.empty() || !is_type(paragraph, CMARK_NODE_PARAGRAPH) || cmark_node_next(paragraph))
      return false;
    std::vector<cmark_node*> links;
    collect_links(paragraph, links);
    if (!links.empty() || !style_detail::plausible_authors(collapse_whitespace(plain_text(paragraph)))) return false;
    names = paragraph;
  }
  if (pages.empty()) return false;
  for (cmark_node* link : pages) {
    std::string url = cmark_node_get_url(link);
    if (!entry.url) entry.url = url;
    entry.links.push_back(url);
    std::string text(trim(plain_text(link)));
    text = text.substr(1, text.size() - 2);
    if (auto format = format_of_label(text)) add_format(entry, *format);
    add_field(entry, to_lower(text), std::move(url));
  }
  if (names) entry.authors = style_detail::split_authors(collapse_whitespace(plain_text(names)));
  take_title_venue_year(entry);
  return true;
}

// "- License: [CC BY-SA 4.0](LICENSE)" (game-datasets), "- 维护者：[…](…)",
// "- 贡献者：[唐尤华](…)、[qtvspa](…)…" (awesome-python-cn): a line that
// credits the list's maintainers or states its licence, no entry.
bool is_credit_line(std::string_view raw) {
  // Most entries open with their link ("[Name](https:…)"): no label.
  if (raw.empty() || raw[0] == '[' || raw[0] == '<') return false;
  std::string_view head = raw.substr(0, std::min<size_t>(raw.size(), 40));
  size_t colon = std::min(head.find(':'), head.find("\xEF\xBC\x9A"));
  if (colon == std::string_view::npos || colon > 30) return false;
  std::string_view label = trim(raw.substr(0, colon));
  if (label.find_first_of("[]()`") != std::string_view::npos) return false;
  for (std::string_view mark : {"**", "__", "*", "_"})
    if (starts_with(label, mark) && ends_with(label, mark) && label.size() > 2 * mark.size())
      label = label.substr(mark.size(), label.size() - 2 * mark.size());
  return iequals_any(label, {"license", "licence", "maintainer", "maintainers", "maintained by", "contributor",
                             "contributors", "sponsor", "sponsors", "\xE7\xBB\xB4\xE6\x8A\xA4\xE8\x80\x85",
                             "\xE8\xB4\xA1\xE7\x8C\xAE\xE8\x80\x85", "\xE8\xAE\xB8\xE5\x8F\xAF\xE8\xAF\x81"});
}

// "* Brazilian Portuguese version : [here](…/README_pt-BR.md)."
// (Awesome-Linux-Software), "[English](README.en.md)": a link to the list
// in another language, README_<language>.md, README.<language>.md or
// README-<language>.md: navigation.
bool is_translation_url(std::string_view url) {
  // (Every entry is asked: the file's name is looked at first.)
  size_t slash = url.rfind('/');
  std::string_view name = url.substr(slash == std::string_view::npos ? 0 : slash + 1);
  if (!istarts_with(name, "readme")) return false;
  name = name.substr(0, std::min(name.find_first_of("?#"), name.size()));
  if (name.size() < 11 || !iequals(name.substr(name.size() - 3), ".md")) return false;
  std::string_view language = name.substr(6, name.size() - 9);
  return language.size() >= 3 && language.size() <= 11 &&
         (language[0] == '_' || language[0] == '.' || language[0] == '-') &&
         std::all_of(language.begin() + 1, language.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

// A translation's link that says so: relative, or in an item that speaks
// of a version or a translation ("Awesome-Rust-MachineLearning-日本語向け…",
// another list's README.ja.md, is an entry).
bool is_translation(const Item& item) {
  if (!item.url || !is_translation_url(*item.url)) return false;
  if (item.url->find("://") == std::string::npos) return true;
  std::string raw = to_lower(item.raw);
  return raw.find("version") != std::string::npos || raw.find("translation") != std::string::npos;
}

// "http://www.facebook.com/sharer/sharer.php?u=…", "https://twitter.com/
// intent/tweet?text=…": a button that shares the list, no resource of it.
bool is_share_url(std::string_view url) {
  static constexpr std::array<std::string_view, 12> k_shares = {"twitter.com/home?status=",
                                                                "twitter.com/intent/tweet",
                                                                "twitter.com/share",
                                                                "x.com/intent/tweet",
                                                                "facebook.com/sharer",
                                                                "plus.google.com/share",
                                                                "linkedin.com/shareArticle",
                                                                "linkedin.com/sharing/share-offsite",
                                                                "reddit.com/submit",
                                                                "news.ycombinator.com/submitlink",
                                                                "t.me/share/url",
                                                                "api.whatsapp.com/send"};
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = url.substr(scheme + 3);
  if (starts_with(rest, "www.")) rest.remove_prefix(4);
  // Most addresses are no social site's: their first letter tells.
  if (rest.empty() || std::string_view("txfplrna").find(rest.front()) == std::string_view::npos) return false;
  return std::any_of(k_shares.begin(), k_shares.end(),
                     [&](std::string_view share) { return starts_with(rest, share); });
}

bool all_share_links(const Item& item) {
  return std::all_of(item.links.begin(), item.links.end(), [](const std::string& url) { return is_share_url(url); });
}

// Whether a paragraph only navigates: it links to anchors of this document
// and says nothing outside those links but punctuation ("**[⬆ Back to
// Top](#contents)**", "[Python](#python) | [Go](#go)").
bool is_navigation(cmark_node* paragraph) {
  bool anchors = false;
  bool prose = false;
  cmark_iter* iter = cmark_iter_new(paragraph);
  int inside = 0;  // depth inside an anchor link
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE && !prose;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (is_type(node, CMARK_NODE_LINK)) {
      bool anchor = is_anchor(cmark_node_get_url(node));
      if (!anchor && event == CMARK_EVENT_ENTER) prose = true;
      if (anchor) inside += event == CMARK_EVENT_ENTER ? 1 : -1;
      anchors = anchors || anchor;
    } else if (!inside && (is_type(node, CMARK_NODE_TEXT) || is_type(node, CMARK_NODE_CODE))) {
      // (A section's number before its link is none: "3.1. [Blogs Perso](#BlogsPerso)",
      // the VS Code extension's contents.)
      std::string_view text = trim(cmark_node_get_literal(node));
      bool number = !text.empty() && std::isdigit(static_cast<unsigned char>(text.front())) &&
                    text.find_first_not_of("0123456789.") == std::string_view::npos;
      prose = !number &&
              std::any_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    }
  }
  cmark_iter_free(iter);
  return anchors && !prose;
}

// How the items of a list (nested ones too) link, for the ToC rule.
struct TocCount {
  int anchors = 0;   // items whose links all go to anchors of this document
  int siblings = 0;  // items linking other Markdown files beside it
  int others = 0;    // items linking elsewhere
  int plain = 0;     // leaves without a link ("- Metrics" under "- [Testing](#testing)")
};

void count_item(cmark_node* item, TocCount& count) {
  std::vector<cmark_node*> links;
  if (cmark_node* paragraph = first_paragraph(item)) collect_links(paragraph, links);
  bool has_sublist = false;
  for (cmark_node* child = cmark_node_first_child(item); child; child = cmark_node_next(child))
    has_sublist = has_sublist || is_type(child, CMARK_NODE_LIST);
  auto all = [&](auto pred) {
    return std::all_of(links.begin(), links.end(), [&](cmark_node* link) { return pred(cmark_node_get_url(link)); });
  };
  if (links.empty()) {
    if (!has_sublist) ++count.plain;  // a heading item of a nested ToC is neutral
  } else if (all(is_anchor)) {
    ++count.anchors;
  } else if (all([](const char* url) { return is_anchor(url) || is_markdown_file(url); })) {
    ++count.siblings;
  } else {
    ++count.others;
  }
}

// DESIGN.md "Table of contents": at least 90% of the items (nested ones
// too) link only to anchors of the document, and the rest to Markdown
// files beside it (an index may name a sibling file once among hundreds);
// one sibling file beside three anchors or more is a contents too.
// Leaves without a link, topics the list does not link (awesome-search's
// "- Metrics" under "- [Testing, metrics, KPIs](#…)"), may number up to
// half the anchors. The first item that links elsewhere settles it: a
// list of entries is not walked to its end.
bool is_toc_list(cmark_node* list) {
  TocCount count;
  walk_lists(list, [&](cmark_node* node, int) {
    if (is_type(node, CMARK_NODE_ITEM)) count_item(node, count);
    return count.others == 0;
  });
  // A short contents may close with one sibling file (awesome-bug-bounty's
  // four anchors, then "- [Contribution guide](contributing.md)").
  bool siblings_few =
      count.anchors * 10 >= (count.anchors + count.siblings) * 9 || (count.siblings == 1 && count.anchors >= 3);
  return count.anchors > 0 && count.others == 0 && siblings_few && count.plain * 2 <= count.anchors;
}

void collect_toc(cmark_node* list, const LineShift& lines, std::vector<TocLink>& toc) {
  walk_lists(list, [&](cmark_node* item, int depth) {
    if (!is_type(item, CMARK_NODE_ITEM)) return true;
    std::vector<cmark_node*> links;
    if (cmark_node* paragraph = first_paragraph(item)) collect_links(paragraph, links);
    auto anchor =
        std::find_if(links.begin(), links.end(), [](cmark_node* link) { return is_anchor(cmark_node_get_url(link)); });
    if (anchor == links.end()) return true;
    std::string url = cmark_node_get_url(*anchor);
    toc.push_back({plain_text(*anchor), url.substr(url.find('#') + 1), depth, start_of(lines, item)});
    return true;
  });
}

// Whether some item of `list` links to another document.
bool links_out(cmark_node* list) {
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    std::vector<cmark_node*> links;
    if (cmark_node* paragraph = first_paragraph(item)) collect_links(paragraph, links);
    if (std::any_of(links.begin(), links.end(), [](cmark_node* link) { return !is_anchor(cmark_node_get_url(link)); }))
      return true;
  }
  return false;
}

// The text of a group label: a one-line paragraph that is one emphasis or
// strong emphasis with no link ("**Tools**", "_Web Analytics_", "**Books:**"),
// a block quote of one such line or of plain text ("> Source"), both of at
// most five words and no sentence (awesome-go's "_Libraries for building
// actor-based programs._" describes its section), or an HTML block that
// opens a <details> with its <summary>; nullopt otherwise.
std::optional<std::string> label_text(cmark_node* block) {
  constexpr size_t k_longest = 80;
  auto short_name = [](std::optional<std::string> text) -> std::optional<std::string> {
    if (!text || text->back() == '.' || std::count(text->begin(), text->end(), ' ') > 4) return std::nullopt;
    return text;
  };
  auto one_line = [](cmark_node* paragraph) {
    return cmark_node_get_start_line(paragraph) == cmark_node_get_end_line(paragraph);
  };
  auto has_link = [](cmark_node* paragraph) {
    std::vector<cmark_node*> links;
    collect_links(paragraph, links);
    return !links.empty();
  };
  auto finish = [&](std::string text) -> std::optional<std::string> {
    text = collapse_whitespace(text);
    while (!text.empty() && text.back() == ':') text.pop_back();
    text = std::string(trim(text));
    if (text.empty() || text.size() > k_longest) return std::nullopt;
    return text;
  };
  if (is_type(block, CMARK_NODE_PARAGRAPH)) {
    cmark_node* first = cmark_node_first_child(block);
    if (!first || !one_line(block) || has_link(block)) return std::nullopt;
    cmark_node* next = cmark_node_next(first);
    bool colon_after = next && is_type(next, CMARK_NODE_TEXT) && !cmark_node_next(next) &&
                       trim(cmark_node_get_literal(next) ? cmark_node_get_literal(next) : "") == ":";
    if ((!is_type(first, CMARK_NODE_STRONG) && !is_type(first, CMARK_NODE_EMPH)) || (next && !colon_after))
      return std::nullopt;
    return short_name(finish(plain_text(first)));
  }
  if (is_type(block, CMARK_NODE_BLOCK_QUOTE)) {
    cmark_node* paragraph = cmark_node_first_child(block);
    if (!paragraph || cmark_node_next(paragraph) || !is_type(paragraph, CMARK_NODE_PARAGRAPH) || !one_line(paragraph) ||
        has_link(paragraph))
      return std::nullopt;
    return short_name(finish(plain_text(paragraph)));
  }
  if (is_type(block, CMARK_NODE_HTML_BLOCK)) {
    std::string_view html = cmark_node_get_literal(block) ? cmark_node_get_literal(block) : "";
    if (!istarts_with(trim(html), "<details")) return std::nullopt;
    size_t open = html.find("<summary>"), close = html.find("</summary>");
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return std::nullopt;
    std::string_view inside = html.substr(open + 9, close - open - 9);
    if (inside.find('<') != std::string_view::npos) return std::nullopt;
    return finish(std::string(inside));
  }
  return std::nullopt;
}

// awesome-elixir's "## Cryptography" over "*Encrypting and decrypting
// data*", awesome-osint's "*Google Dorks Tools*" under its namesake: a
// line in emphasis right under a heading, and the only label-like line of
// its section, introduces the section rather than opening a group in it.
bool is_section_intro(cmark_node* block) {
  if (!is_type(cmark_node_previous(block), CMARK_NODE_HEADING) ||
      !is_type(cmark_node_first_child(block), CMARK_NODE_EMPH))
    return false;
  for (cmark_node* later = cmark_node_next(block); later && !is_type(later, CMARK_NODE_HEADING);
       later = cmark_node_next(later))
    if (is_type(cmark_node_next(later), CMARK_NODE_LIST) && label_text(later)) return false;
  return true;
}

// "*tag*: description" items of a legend list; false unless every item reads so.
bool read_legend(cmark_node* list, const LineShift& lines, std::vector<TagDef>& tags) {
  std::vector<TagDef> found;
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    cmark_node* paragraph = first_paragraph(item);
    cmark_node* emph = paragraph ? cmark_node_first_child(paragraph) : nullptr;
    cmark_node* text = emph ? cmark_node_next(emph) : nullptr;
    if (!is_type(emph, CMARK_NODE_EMPH) || !is_type(text, CMARK_NODE_TEXT)) return false;
    std::string_view rest = cmark_node_get_literal(text);
    if (!starts_with(rest, ":")) return false;
    // The description is the first line; a lazy continuation ("etc.") is prose.
    std::string description(trim(rest.substr(1)));
    // (A name over several lines, a hard break in it, reads as GitHub shows it: fuzz finding 34.)
    found.push_back({collapse_whitespace(trim(plain_text(emph))), description, lines.start(item)});
  }
  if (found.empty()) return false;
  tags = std::move(found);
  return true;
}

// Builds the items of lists: const, so the threads that parse chunks can
// build their items too (build_catalog_chunked).
class ItemReader {
 public:
  ItemReader(std::string_view text, const LineIndex& lines, const std::string& path, const KindTable& kinds,
             const StyleSet& styles, int section_style, LineShift lines_of)
      : m_text(text),
        m_lines(lines),
        m_path(path),
        m_kinds(kinds),
        m_styles(styles),
        m_section_style(section_style),
        m_lines_of(lines_of) {}

  // The items of `list`, appended to `items`.
  void add_items(cmark_node* list, std::vector<Item>& items) const {
    if (items.empty()) items.reserve(count_children(list));  // Items are large: no regrowth copies
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item))
      items.push_back(build_item(item, 0));
  }

  // cmark counts blank lines after a list into it; spans end at the last
  // line with text so edits and sections never claim the gap.
  SourcePos end_of(cmark_node* node) const {
    int line = m_lines_of.end(node);
    int first = m_lines_of.start(node);
    while (line > first && trim(m_lines.line_text(m_text, line)).empty()) --line;
    if (line == m_lines_of.end(node)) return {line, cmark_node_get_end_column(node)};
    return {line, static_cast<int>(m_lines.line_text(m_text, line).size())};
  }
  SourceSpan span_of(cmark_node* node) const { return {start_of(m_lines_of, node), end_of(node)}; }

  std::string paragraph_source(cmark_node* paragraph) const {
    int first = m_lines_of.start(paragraph), last = m_lines_of.end(paragraph);
    // cmark-gfm leaves the paragraph a table was split from without a position.
    if (first <= 0 || cmark_node_get_start_column(paragraph) <= 0) return collapse_whitespace(plain_text(paragraph));
    std::string raw(
        m_lines.line_text(m_text, first).substr(static_cast<size_t>(cmark_node_get_start_column(paragraph) - 1)));
    for (int line = first + 1; line <= last; ++line) raw += "\n" + std::string(trim(m_lines.line_text(m_text, line)));
    return std::string(trim(raw));
  }

  // A paragraph that is an entry (CatalogBuilder::is_titled_paragraph).
  Item build_paragraph(cmark_node* paragraph) const {
    Item item = read_fields(paragraph, paragraph);
    // "14 Oct 2021" on a line of its own closing the paragraph: the day the
    // paper appeared, the date unless the venue gave another year (then
    // the field "published").
    std::string last_line;
    for (cmark_node* node = cmark_node_last_child(paragraph);
         node && !is_type(node, CMARK_NODE_LINEBREAK) && !is_type(node, CMARK_NODE_SOFTBREAK);
         node = cmark_node_previous(node))
      last_line = plain_text(node) + last_line;
    if (std::optional<std::string> day = read_written_date(last_line); day && day->size() == 10) {
      if (!item.date || starts_with(*day, *item.date))
        item.date = *day;
      else
        add_field(item, "published", *day);
    }
    return item;
  }

 private:
  // The entry `node` holds, read from its naming block `paragraph` (the
  // node itself for a paragraph entry; null for an item with no text).
  Item read_fields(cmark_node* node, cmark_node* paragraph) const {
    Item item;
    item.pos = start_of(m_lines_of, node);
    item.span = span_of(node);
    parse_entry_fields(paragraph, m_kinds, item, &m_styles, m_section_style);
    if (paragraph) {
      item.raw = paragraph_source(paragraph);
      if (is_type(paragraph, CMARK_NODE_HEADING)) item.raw = heading_source(item.raw);
      item.paragraph_end_line = m_lines_of.end(paragraph);
    }
    if (!item.url && !item.links.empty()) item.url = item.links.front();
    return item;
  }

  // Recursive per nesting level, hence the depth limit: it bounds the stack
  // (here and in every walk over Item::children) and the cost of ids.
  Item build_item(cmark_node* node, size_t depth) const {
    if (depth >= k_max_item_depth)
      throw Error(m_path, m_lines_of.start(node), cmark_node_get_start_column(node),
                  "list items nested more than " + std::to_string(k_max_item_depth) + " levels deep");
    cmark_node* paragraph = naming_block(node);
    Item item = read_fields(node, paragraph);
    if (!paragraph) read_html_block_item(cmark_node_first_child(node), m_lines_of, item);
    // "- <a href="https://…"><b>Alpha</b></a> - first tool.": a leading link too.
    if (!item.url) {
      item.url = html_link(paragraph);
      if (item.url) item.links.push_back(*item.url);
      if (item.url && is_type(cmark_node_first_child(paragraph), CMARK_NODE_HTML_INLINE))
        item.style = EntryStyle::leading_link;
    }
    size_t sub_items = 0;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
      if (is_type(child, CMARK_NODE_LIST)) sub_items += count_children(child);
    item.children.reserve(sub_items);
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      if (!is_type(child, CMARK_NODE_LIST)) continue;
      if ((item.url || (item.links.empty() && item.children.empty())) && fold_details(child, item)) continue;
      if (!item.url && item.links.empty() && fold_paper_pages(child, item)) continue;
      for (cmark_node* sub = cmark_node_first_child(child); sub; sub = cmark_node_next(sub)) {
        if (item.url && fold_link_note(sub, item)) continue;
        item.children.push_back(build_item(sub, depth + 1));
      }
    }
    // "* 1. [Introduction](#Introduction)": a bullet over numbered items
    // that navigate navigates too.
    bool navigating_children =
        !paragraph && !item.children.empty() &&
        std::all_of(item.children.begin(), item.children.end(), [](const Item& child) { return child.is_navigation; });
    item.is_navigation =
        navigating_children || (item.children.empty() && paragraph &&
                                ((item.url ? (is_share_url(*item.url) && all_share_links(item)) || is_translation(item)
                                           : is_navigation(paragraph)) ||
                                 is_credit_line(item.raw)));
    item.is_group = !item.url && !item.children.empty() && !item.is_navigation;
    return item;
  }

  // A link note under an entry belongs to the entry: its links join the
  // entry's, each also a field named by its text ("hn", "github repo").
  static bool fold_link_note(cmark_node* sub, Item& entry) {
    auto links = link_note(sub);
    if (links.empty()) return false;
    for (auto& [text, link] : links) {
      std::string url = cmark_node_get_url(link);
      entry.links.push_back(url);
      add_field(entry, to_lower(text), std::move(url));
    }
    return true;
  }

  std::string_view m_text;
  const LineIndex& m_lines;
  const std::string& m_path;
  const KindTable& m_kinds;
  const StyleSet& m_styles;
  int m_section_style;
  LineShift m_lines_of;
};

// The items of a chunk's lists of entries (not tables of contents), built
// by the thread that parsed the chunk; what building one threw is thrown
// when the reader reaches that list, as if it had built it.
struct BuiltList {
  cmark_node* list = nullptr;
  std::vector<Item> items;
  std::exception_ptr error;
};

std::vector<BuiltList> build_lists(cmark_node* root, const ItemReader& reader) {
  std::vector<BuiltList> built;
  for (cmark_node* block = cmark_node_first_child(root); block; block = cmark_node_next(block)) {
    if (!is_type(block, CMARK_NODE_LIST) || is_toc_list(block)) continue;
    BuiltList& list = built.emplace_back();
    list.list = block;
    try {
      reader.add_items(block, list.items);
    } catch (const Error&) {
      list.error = std::current_exception();
    }
  }
  return built;
}

class CatalogBuilder {
 public:
  CatalogBuilder(std::string_view text, const std::string& path, const Config& config)
      : m_text(text), m_lines(text), m_config(config), m_styles(config.style) {
    m_catalog.path = path;
    m_stack.emplace_back();
    update_section_style();
  }

  // Whether other threads may build a chunk's items (chunk_reader) while
  // this builder reads earlier chunks: not when the style an item is read
  // with depends on its section, which only the builder knows.
  bool items_read_alike() const { return !m_styles.per_section(); }
  ItemReader chunk_reader(int line_offset) const {
    return {m_text, m_lines, m_catalog.path, m_config.kinds, m_styles, m_styles.style_for({}), {line_offset}};
  }

  // Reads the top-level blocks of `root`, the tree of the document or of its
  // chunk whose first line is the file's line `line_offset` + 1. With
  // `release_blocks`, each block is freed once read, so the catalog reuses
  // the AST's memory and peak memory stays near cmark's own. `built`, when
  // given, holds the items of root's lists (build_lists).
  void add_blocks(cmark_node* root, int line_offset, bool release_blocks, const BlockReader& read_block,
                  std::vector<BuiltList>* built = nullptr) {
    m_lines_of.offset = line_offset;
    m_built = built;
    m_next_built = 0;
    for (cmark_node *block = cmark_node_first_child(root), *next = nullptr; block; block = next) {
      next = cmark_node_next(block);
      if (read_block) read_block(block, line_offset);
      // The first heading is the title when it is an H1, after badges, a
      // logo or front matter too (DESIGN.md "The typed tree").
      // "# Table of Contents" over one link to the list's own H1, with its
      // sections below it (doctoc's), is none: that H1 is the title.
      if (!m_seen_heading && is_type(block, CMARK_NODE_HEADING) && cmark_node_get_heading_level(block) == 1 &&
          is_contents_heading(collapse_whitespace(plain_text(block))) && next && is_type(next, CMARK_NODE_LIST) &&
          !cmark_node_next(cmark_node_first_child(next)) && is_toc_list(next)) {
        add_block(block);
        m_seen_heading = false;
      } else if (is_type(block, CMARK_NODE_HEADING) && cmark_node_get_heading_level(block) == 1 &&
                 (!m_seen_heading || late_title())) {
        while (m_stack.size() > 1) pop_section();  // the contents above it are no parent of its sections
        m_catalog.title = collapse_whitespace(plain_text(block));
        m_catalog.title_line = m_lines_of.start(block);
        m_slugs.unique(heading_text(block));  // GitHub gives the title an anchor too
        m_seen_heading = true;
      } else {
        // "<h1 align="center">Awesome GitHub Profile README <a …><img …></a></h1>"
        // over badges in one HTML block: GitHub shows the list's title, until
        // a Markdown H1 before any other heading says otherwise.
        if (!m_seen_heading && !m_catalog.title && is_type(block, CMARK_NODE_HTML_BLOCK))
          if (std::string title = html_title(block); !title.empty()) {
            m_catalog.title = std::move(title);
            m_catalog.title_line = m_lines_of.start(block);
          }
        add_block(block);
      }
      if (release_blocks) cmark_node_free(block);
    }
    m_built = nullptr;
  }

  Catalog finish() {
    while (m_stack.size() > 1) pop_section();
    m_catalog.root = std::move(m_stack.back());
    m_catalog.front_matter_lines = find_front_matter(m_text).lines;
    if (m_config.has_tags) {
      m_catalog.tags = m_config.tags;
      m_catalog.tags_from_config = true;
    }
    settle_style(m_styles, m_config.kinds, m_catalog);
    catalog_detail::canonicalize_tags(m_catalog);
    catalog_detail::assign_ids({&m_catalog});
    return std::move(m_catalog);
  }

 private:
  void add_block(cmark_node* block) {
    if (is_type(block, CMARK_NODE_HEADING)) return open_section(block);
    if (is_type(block, CMARK_NODE_HTML_BLOCK))
      if (std::optional<HtmlHeading> heading = html_heading(block)) return open_html_section(*heading, block);
    // A label right above a list of entries opens a group of its own, over
    // that list and the lists right after it: any other block closes it.
    if (cmark_node* next = cmark_node_next(block); next && is_type(next, CMARK_NODE_LIST)) {
      if (std::optional<std::string> label = label_text(block);
          label && links_out(next) && !is_toc_list(next) && !is_section_intro(block))
        return open_label(*label, block);
    }
    if (m_stack.back().label && !is_type(block, CMARK_NODE_LIST)) pop_section();
    extend_section(end_of(block).line);
    if (is_extension_node(block, "table")) add_table(block);
    if (is_type(block, CMARK_NODE_PARAGRAPH) && is_reference_paragraph(block)) add_reference(block);
    if (is_type(block, CMARK_NODE_PARAGRAPH) && is_titled_paragraph(block)) add_titled_paragraph(block);
    if (is_type(block, CMARK_NODE_HTML_BLOCK)) add_html_entries(block);
    if (Item* entry = heading_entry_described_by(block)) {
      std::string text = collapse_whitespace(plain_text(block));
      if (!text.empty()) entry->description = std::move(text);
    }
    if (is_type(block, CMARK_NODE_LIST)) {
      std::vector<Item>& items = m_stack.back().items;
      size_t first = items.size();
      if (m_built && m_next_built < m_built->size() && (*m_built)[m_next_built].list == block) {
        BuiltList& built = (*m_built)[m_next_built++];
        if (built.error) std::rethrow_exception(built.error);
        if (items.empty()) {
          items = std::move(built.items);
        } else {
          items.insert(items.end(), std::make_move_iterator(built.items.begin()),
                       std::make_move_iterator(built.items.end()));
        }
      } else if (is_toc_list(block)) {
        if (m_stack.size() > 1 && is_contents_heading(m_stack.back().heading)) m_contents_depth = m_stack.size();
        collect_toc(block, m_lines_of, m_catalog.toc);
        m_catalog.blocks.push_back({"toc", span_of(block)});
        return;
      } else {
        item_reader().add_items(block, items);
      }
      // "## Special Thanks 🙇" over "- [Zetao Zhuang](…) for making the
      // site" (awesome-github-profile-readme), "## Acknowledgments" over
      // the lists a list thanks (Awesome-FL): people and lists credited,
      // no entries of the list.
      if (m_stack.size() > 1 && is_credits_heading(m_stack.back().heading))
        for (size_t i = first; i < items.size(); ++i) credit_only(items[i]);
      return;
    }
    if (is_type(block, CMARK_NODE_BLOCK_QUOTE) && !m_catalog.legend_line) {
      for (cmark_node* child = cmark_node_first_child(block); child; child = cmark_node_next(child))
        if (is_type(child, CMARK_NODE_LIST) && read_legend(child, m_lines_of, m_catalog.tags)) {
          m_catalog.legend_line = m_lines_of.start(block);
          break;
        }
    }
    m_catalog.blocks.push_back({cmark_node_get_type_string(block), span_of(block)});
  }

  // An item of a credits section, and its children: navigation, no entry.
  static void credit_only(Item& item) {
    item.is_navigation = true;
    item.is_group = false;
    for (Item& child : item.children) credit_only(child);
  }

  void add_table(cmark_node* table) {
    std::vector<Item>& items = m_stack.back().items;
    TableInfo info;
    size_t first = items.size();
    if (!catalog_detail::read_table(table, m_lines_of, info, items)) return;
    for (size_t i = first; i < items.size(); ++i) items[i].raw = m_lines.line_text(m_text, items[i].pos.line);
    m_stack.back().tables.push_back(std::move(info));
  }

  void add_reference(cmark_node* paragraph) {
    Item item;
    item.source = EntrySource::paragraph;
    item.pos = start_of(m_lines_of, paragraph);
    item.span = span_of(paragraph);
    parse_reference_fields(paragraph, item);
    item.raw = item_reader().paragraph_source(paragraph);
    item.paragraph_end_line = m_lines_of.end(paragraph);
    m_stack.back().items.push_back(std::move(item));
  }

  // Awesome-Diffusion-Models' 236 papers, a paragraph each, a line each
  // (closed by a backslash's hard break) for its title in bold, its
  // authors in italics, its venue and links, and the day it appeared:
  //   **Diffusion Normalizing Flow**
  //   *Qinsheng Zhang, Yongxin Chen*
  //   NeurIPS 2021. [[Paper](https://arxiv.org/abs/2110.07579)] [[Github](…)]
  //   14 Oct 2021
  // A paragraph that opens with bold text alone on its line and links
  // somewhere is an entry, read as a list item would be.
  static bool is_titled_paragraph(cmark_node* paragraph) {
    cmark_node* strong = cmark_node_first_child(paragraph);
    if (!is_type(strong, CMARK_NODE_STRONG)) return false;
    cmark_node* after = cmark_node_next(strong);
    if (is_type(after, CMARK_NODE_TEXT) && trim(cmark_node_get_literal(after)).empty()) after = cmark_node_next(after);
    if (!is_type(after, CMARK_NODE_LINEBREAK) && !is_type(after, CMARK_NODE_SOFTBREAK)) return false;
    std::vector<cmark_node*> links;
    collect_links(paragraph, links);
    return std::any_of(links.begin(), links.end(), [](cmark_node* link) {
      const char* url = cmark_node_get_url(link);
      return url && *url && !is_anchor(url);
    });
  }

  void add_titled_paragraph(cmark_node* paragraph) {
    Item item = item_reader().build_paragraph(paragraph);
    item.source = EntrySource::paragraph;
    m_stack.back().items.push_back(std::move(item));
  }

  // the-book-of-secret-knowledge keeps its 1,000 tools in HTML paragraphs,
  // a line each: "&nbsp;&nbsp;:small_orange_diamond: <a href="https://…">
  // <b>GNU Bash</b></a> - is an sh-compatible shell…<br>". A line of an
  // HTML block that opens (after blanks, &nbsp; and marks) with a link to a
  // web page, then a separator, is an entry.
  void add_html_entries(cmark_node* block) {
    for (int line = m_lines_of.start(block), last = m_lines_of.end(block); line <= last; ++line) {
      std::string_view text = m_lines.line_text(m_text, line);
      std::optional<WebAnchor> anchor = first_web_anchor(text);
      if (!anchor || !is_html_entry_lead(text.substr(0, anchor->open))) continue;
      std::string_view rest = trim(anchor->after);
      size_t separator = 0;
      for (std::string_view dash : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
        if (starts_with(rest, dash)) separator = dash.size();
      std::string title = without_tags(anchor->text);
      if (!separator || title.empty()) continue;
      Item item;
      item.source = EntrySource::html;
      item.style = EntryStyle::leading_link;
      item.title = std::move(title);
      item.url = std::string(anchor->url);
      item.links.push_back(*item.url);
      if (std::string plain = without_tags(rest.substr(separator)); !plain.empty()) item.description = std::move(plain);
      item.pos = {line, static_cast<int>(anchor->open) + 1};
      item.span = {item.pos, {line, static_cast<int>(text.size())}};
      item.raw = std::string(trim(text));
      item.paragraph_end_line = line;
      m_stack.back().items.push_back(std::move(item));
    }
  }

  // What may stand before an HTML entry's link: blanks, "&nbsp;", emoji and
  // shortcodes (":small_orange_diamond:"), no words.
  static bool is_html_entry_lead(std::string_view text) {
    std::string lead(text);
    for (size_t at = lead.find("&nbsp;"); at != std::string::npos; at = lead.find("&nbsp;", at))
      lead.replace(at, 6, " ");
    return each_trimmed_view(lead, " \t", [](std::string_view word) {
      return grammar_detail::is_shortcode(word) || grammar_detail::is_symbol_word(word);
    });
  }

  void open_label(std::string text, cmark_node* block) {
    if (m_stack.back().label) pop_section();
    Section section;
    section.slug = m_stack.back().slug + "--" + github_slug(text);
    section.heading = std::move(text);
    section.level = std::min(6, m_stack.back().level + 1);
    section.label = true;
    section.span = span_of(block);
    m_stack.push_back(std::move(section));
    m_catalog.blocks.push_back({cmark_node_get_type_string(block), span_of(block)});
  }

  void open_section(cmark_node* heading) {
    // A banner holds a heading or two: past eight, none is asked (each asks the text before it).
    if (!m_catalog.title_line && !m_heading_outside_div)
      m_heading_outside_div = ++m_headings_before_title > 8 || !inside_div(m_lines.offset(m_lines_of.start(heading)));
    m_seen_heading = true;
    if (m_stack.back().label) pop_section();
    std::optional<Item> entry = m_catalog.title_line ? heading_entry(heading) : std::nullopt;
    int level = nest_level(cmark_node_get_heading_level(heading), entry.has_value());
    close_contents();
    while (m_stack.size() > 1 && m_stack.back().level >= level) pop_section();
    Section section;
    section.heading = heading_name(heading);
    section.level = level;
    section.slug = m_slugs.unique(heading_text(heading));
    section.anchor = heading_anchor(heading);
    section.span = span_of(heading);
    m_stack.push_back(std::move(section));
    if (entry) m_stack.back().items.push_back(std::move(*entry));
    update_section_style();
  }

  // awesome-R's "# Index" holds its table of contents, and its "##"
  // categories follow: a contents section that holds a table of contents
  // is no parent of the headings after it, whatever their level.
  void close_contents() {
    if (m_contents_depth && m_stack.size() == m_contents_depth && m_stack.back().items.empty()) pop_section();
    m_contents_depth = 0;
  }

  // static-analysis writes its 35 languages as "<a name="abap" />" over
  // "<h2>ABAP</h2>", free-programming-books-zh_CN one as "<h2 id="csshtml">
  // CSS/HTML</h2>": an HTML block of one heading (level 2 to 6; an <h1> is
  // a banner's) after anchors alone is a section, as GitHub shows it.
  struct HtmlHeading {
    int level = 0;
    std::string text;
    std::string anchor;
  };

  // The text of an <h1> opening an HTML block, tags aside ("" for a logo
  // alone), maybe inside a wrapper (awesome-tauri's `<div align="center">`).
  static std::string html_title(cmark_node* block) {
    const char* literal = cmark_node_get_literal(block);
    std::string_view html = trim(literal ? std::string_view(literal) : std::string_view());
    auto opens = [&](std::string_view tag) {
      return istarts_with(html, tag) && html.size() > tag.size() &&
             (html[tag.size()] == '>' || html[tag.size()] == ' ');
    };
    while ((opens("<div") || opens("<p") || opens("<center")) && html.find('>') != std::string_view::npos)
      html = trim(html.substr(html.find('>') + 1));
    if (html.size() < 9 || !istarts_with(html, "<h1") || (html[3] != '>' && html[3] != ' ')) return {};
    size_t open_end = html.find('>'), close = html.find("</h1>");
    if (close == std::string_view::npos) close = html.find("</H1>");
    if (open_end == std::string_view::npos || close == std::string_view::npos || close < open_end) return {};
    return collapse_whitespace(without_tags(html.substr(open_end + 1, close - open_end - 1)));
  }

  std::optional<HtmlHeading> html_heading(cmark_node* block) const {
    const char* literal = cmark_node_get_literal(block);
    std::string_view html = trim(literal ? std::string_view(literal) : std::string_view());
    std::string anchor;
    // Anchors before it: "<a name="abap" />", "<a id="x"></a>".
    while (starts_with(html, "<a ")) {
      size_t end = html.find('>');
      if (end == std::string_view::npos) return std::nullopt;
      std::string_view tag = html.substr(0, end + 1);
      if (!ends_with(tag, "/>")) {
        if (html.compare(end + 1, 4, "</a>") != 0) return std::nullopt;
        end += 4;
      }
      if (std::vector<std::string> ids = html_anchor_ids(tag); !ids.empty() && anchor.empty()) anchor = ids.front();
      html = trim(html.substr(end + 1));
    }
    if (html.size() < 9 || html[0] != '<' || (html[1] != 'h' && html[1] != 'H') || html[2] < '2' || html[2] > '6' ||
        (html[3] != '>' && html[3] != ' '))
      return std::nullopt;
    std::string close = "</h" + std::string(1, html[2]) + ">";
    size_t open_end = html.find('>');
    if (open_end + close.size() > html.size() || !iequals(html.substr(html.size() - close.size()), close))
      return std::nullopt;
    std::string_view inner = html.substr(open_end + 1, html.size() - close.size() - open_end - 1);
    if (inner.find('\n') != std::string_view::npos && inner.find("<h") != std::string_view::npos) return std::nullopt;
    HtmlHeading heading;
    heading.level = html[2] - '0';
    heading.text = collapse_whitespace(without_tags(inner));
    if (heading.text.empty()) return std::nullopt;
    std::vector<std::string> ids = html_anchor_ids(html.substr(0, open_end + 1));
    heading.anchor = ids.empty() ? anchor : ids.front();
    return heading;
  }

  void open_html_section(const HtmlHeading& heading, cmark_node* block) {
    m_seen_heading = true;
    if (m_stack.back().label) pop_section();
    m_nesting.reset();
    close_contents();
    while (m_stack.size() > 1 && m_stack.back().level >= heading.level) pop_section();
    Section section;
    section.heading = heading.text;
    section.level = heading.level;
    section.slug = m_slugs.unique(heading.text);
    section.anchor = heading.anchor;
    section.span = span_of(block);
    m_stack.push_back(std::move(section));
    update_section_style();
  }

  // "#### Scene Understanding" right over "# [SUN RGB-D](…) - …" (awesome-
  // computer-vision writes some of its datasets so): heading entries
  // written shallower than the empty section just opened sit in it, as
  // its entries, rather than closing it and every section around it. The
  // level `written` is read at: one below that section's for such entries
  // (each closes the one before it), else as written.
  int nest_level(int written, bool entry) {
    if (!entry) {
      m_nesting.reset();
      return written;
    }
    if (m_nesting && m_nesting->written == written && m_stack.size() > m_nesting->depth) {
      while (m_stack.size() > m_nesting->depth + 1) pop_section();
      return m_stack.back().level + 1;
    }
    m_nesting.reset();
    const Section& open = m_stack.back();
    if (m_stack.size() < 2 || open.level < written || !open.items.empty() || !open.sections.empty()) return written;
    m_nesting = Nesting{m_stack.size() - 1, written};
    return open.level + 1;
  }

  // GoBooks writes each book as "### [The Little Go Book](…) *Free*", a
  // cover and a paragraph; awesome-ai-agents each agent as "## [AgentGPT](…)"
  // over "### Description": a heading that is one link to a page is an
  // entry (of the section around it once read: pop_section), the first
  // paragraph under it (or under its Description) the description,
  // emphasis after the link the note.
  std::optional<Item> heading_entry(cmark_node* heading) const {
    cmark_node* link = cmark_node_first_child(heading);
    if (!is_type(link, CMARK_NODE_LINK)) return std::nullopt;
    // (Its own files are no resources: "## [Contributing](contributing.md)".)
    const char* url = cmark_node_get_url(link);
    if (!url || !(istarts_with(url, "https://") || istarts_with(url, "http://"))) return std::nullopt;
    Item item;
    item.title = collapse_whitespace(plain_text(link));
    if (item.title.empty()) return std::nullopt;
    for (cmark_node* after = cmark_node_next(link); after; after = cmark_node_next(after)) {
      bool note = is_type(after, CMARK_NODE_EMPH) || is_type(after, CMARK_NODE_STRONG);
      std::string_view text = is_type(after, CMARK_NODE_TEXT) ? trim(cmark_node_get_literal(after)) : "";
      if (note) {
        // "#### [Blindsight](…) *by Peter Watts* [4.0] <img …>" (awesome-
        // scifi): a credit in emphasis names the authors.
        std::string emphasis = collapse_whitespace(plain_text(after));
        if (istarts_with(emphasis, "by ") && style_detail::plausible_authors(emphasis.substr(3)))
          item.authors = style_detail::split_authors(emphasis.substr(3));
        else
          item.note = std::move(emphasis);
      } else if (is_type(after, CMARK_NODE_HTML_INLINE)) {
        continue;  // an icon: decoration
      } else if (text.size() > 2 && text.front() == '[' && text.back() == ']' && !item.authors.empty()) {
        // "[4.0]", "[4.0 (avg)]" after the credit: the rating, as the list's legend says.
        add_field(item, "rating", std::string(trim(text.substr(1, text.size() - 2))));
      } else if (!is_type(after, CMARK_NODE_TEXT) || !text.empty()) {
        // "# [SUN RGB-D](…) - A RGB-D Scene Understanding Benchmark Suite"
        // (awesome-computer-vision): a separator, then the description.
        std::string rest;
        for (cmark_node* node = after; node; node = cmark_node_next(node)) rest += plain_text(node);
        auto description = description_after_separator(trim(rest));
        if (!description) return std::nullopt;
        if (!description->empty()) item.description = collapse_whitespace(*description);
        break;
      }
    }
    item.source = EntrySource::heading;
    item.style = EntryStyle::leading_link;
    item.url = url;
    item.links.push_back(url);
    item.pos = start_of(m_lines_of, heading);
    item.span = span_of(heading);
    item.raw = heading_source(m_lines.line_text(m_text, item.pos.line));
    item.paragraph_end_line = m_lines_of.end(heading);
    return item;
  }

  // The heading entry whose description the paragraph `block` may be: its
  // section's first, or the first of its "Description" subsection.
  Item* heading_entry_described_by(cmark_node* block) {
    if (!is_type(block, CMARK_NODE_PARAGRAPH) || only_anchor_links(block)) return nullptr;
    auto entry_of = [](Section& section) -> Item* {
      bool heading = section.items.size() == 1 && section.items.front().source == EntrySource::heading &&
                     section.items.front().pos.line == section.span.begin.line && !section.items.front().description;
      return heading ? &section.items.front() : nullptr;
    };
    Section& open = m_stack.back();
    if (Item* entry = entry_of(open)) return entry;
    if (m_stack.size() > 2 && open.items.empty() && iequals(open.heading, "Description"))
      return entry_of(m_stack[m_stack.size() - 2]);
    return nullptr;
  }

  // every-programmer-should-know opens with a sponsor's "### [Tuple, …](…)"
  // inside a centred <div>, then "# Every Programmer Should Know": an H1
  // after headings is still the title when they all stood inside <div>s
  // (a banner, not the list's structure) and no entry came before it.
  bool late_title() const {
    return !m_catalog.title_line && !m_heading_outside_div &&
           std::none_of(m_stack.begin(), m_stack.end(), holds_entries);
  }

  // Whether more <div> tags open than close before `offset` of the text.
  bool inside_div(size_t offset) const {
    std::string_view before = m_text.substr(0, offset);
    int depth = 0;
    for (size_t at = before.find('<'); at != std::string_view::npos; at = before.find('<', at + 1)) {
      if (istarts_with(before.substr(at), "<div")) ++depth;
      if (istarts_with(before.substr(at), "</div")) --depth;
    }
    return depth > 0;
  }

  static bool holds_entries(const Section& section) {
    return !section.items.empty() || std::any_of(section.sections.begin(), section.sections.end(), holds_entries);
  }

  void pop_section() {
    Section done = std::move(m_stack.back());
    m_stack.pop_back();
    Section& parent = m_stack.back();
    if (done.span.end.line > parent.span.end.line) parent.span.end = done.span.end;
    // A heading entry is an entry of the section around it, spanning its
    // own (rm takes the whole of it), which is a section still only while
    // it holds more (awesome-ai-agents' "### Features" under each agent).
    if (!done.items.empty() && done.items.front().source == EntrySource::heading &&
        done.items.front().pos.line == done.span.begin.line) {
      done.items.front().span.end = done.span.end;
      parent.items.push_back(std::move(done.items.front()));
      done.items.erase(done.items.begin());
      if (done.items.empty() && done.sections.empty()) return update_section_style();
    }
    parent.sections.push_back(std::move(done));
    update_section_style();
  }

  // A configured style may differ per section (.curate.json "style").
  void update_section_style() {
    if (m_styles.detecting()) return;
    std::vector<std::string> path;  // headings only: a label is read in its section's style
    for (size_t i = 1; i < m_stack.size(); ++i)
      if (!m_stack[i].label) path.push_back(m_stack[i].heading);
    m_section_style = m_styles.style_for(path);
  }

  void extend_section(int line) {
    Section& current = m_stack.back();
    if (line > current.span.end.line)
      current.span.end = {line, static_cast<int>(m_lines.line_text(m_text, line).size())};
  }

  ItemReader item_reader() const {
    return {m_text, m_lines, m_catalog.path, m_config.kinds, m_styles, m_section_style, m_lines_of};
  }
  SourcePos end_of(cmark_node* node) const { return item_reader().end_of(node); }
  SourceSpan span_of(cmark_node* node) const { return item_reader().span_of(node); }

  std::string_view m_text;
  LineIndex m_lines;
  const Config& m_config;
  Catalog m_catalog;
  std::vector<Section> m_stack;  // open sections, the root first
  SlugRegistry m_slugs;
  StyleSet m_styles;
  int m_section_style = -1;            // the configured style of the open section
  bool m_heading_outside_div = false;  // a heading before the title stood outside any <div> (late_title)
  int m_headings_before_title = 0;
  LineShift m_lines_of;         // the lines of the tree being read
  bool m_seen_heading = false;  // a heading was read: a later H1 is a section
  // Heading entries written shallower than the section they sit in
  // (nest_level): that section's place in the stack, and their level.
  struct Nesting {
    size_t depth;
    int written;
  };
  std::optional<Nesting> m_nesting;
  size_t m_contents_depth = 0;  // the depth of a contents section holding a table of contents (close_contents)
  std::vector<BuiltList>* m_built = nullptr;  // the items of the lists being read, when built ahead
  size_t m_next_built = 0;
};

}  // namespace

bool is_credits_heading(std::string_view text) {
  std::string words = collapse_whitespace(text);
  // ":pray: Thanks", "Special Thanks 🙇": marks on either side aside.
  std::string_view rest = without_opening_marks(words);
  for (size_t space = rest.rfind(' '); space != std::string_view::npos; space = rest.rfind(' ')) {
    std::string_view word = rest.substr(space + 1);
    if (!grammar_detail::is_shortcode(word) && !grammar_detail::is_symbol_word(word)) break;
    rest = trim(rest.substr(0, space));
  }
  if (!rest.empty() && rest.back() == ':') rest = trim(rest.substr(0, rest.size() - 1));
  return iequals_any(rest,
                     {"thanks", "special thanks", "thanks to", "acknowledgments", "acknowledgements", "acknowledgment",
                      "acknowledgement", "credits", "contributors", "sponsors", "backers", "supporters",
                      // awesome-italia-remote's "### Built and maintained by" over its two authors
                      "maintainers", "maintained by", "built and maintained by",
                      // and in other languages (a Portuguese list's "## Créditos")
                      "cr\xC3\xA9"
                      "ditos",
                      "agradecimentos", "agradecimientos", "remerciements", "danksagung", "danke",
                      "\xE8\x87\xB4\xE8\xB0\xA2" /* 致谢 */, "\xE9\xB8\xA3\xE8\xB0\xA2" /* 鸣谢 */,
                      // awesome-mcp-servers' "## Legend" of the marks its entries carry
                      "legend"});
}

bool is_contents_heading(std::string_view text) {
  // "📖 Table of Contents", ":books: Contents", "Contents:": marks and a colon aside.
  text = without_opening_marks(text);
  if (!text.empty() && text.back() == ':') text = trim(text.substr(0, text.size() - 1));
  if (ends_with(text, "\xEF\xBC\x9A")) text = trim(text.substr(0, text.size() - 3));  // "目录："
  // Other languages' names (a Chinese list's "目录", a French "Sommaire"):
  // written with a capital, as headings are.
  static constexpr std::array<std::string_view, 21> k_names = {
      "\xE7\x9B\xAE\xE5\xBD\x95",                                                          // 目录
      "\xE7\x9B\xAE\xE9\x8C\x84",                                                          // 目錄
      "\xE7\x9B\xAE\xE6\xAC\xA1",                                                          // 目次
      "\xEB\xAA\xA9\xEC\xB0\xA8",                                                          // 목차
      "\xEC\xB0\xA8\xEB\xA1\x80",                                                          // 차례
      "\xD0\xA1\xD0\xBE\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB6\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5",  // Содержание
      "\xD0\x9E\xD0\xB3\xD0\xBB\xD0\xB0\xD0\xB2\xD0\xBB\xD0\xB5\xD0\xBD\xD0\xB8\xD0\xB5",  // Оглавление
      "\xC3\x8Dndice",
      "Indice",
      "Inhaltsverzeichnis",
      "Inhalt",
      "Sommaire",
      "Table des mati\xC3\xA8res",
      "Contenido",
      "Contenidos",
      "Tabla de contenidos",
      "Conte\xC3\xBA"
      "do",
      "Sum\xC3\xA1rio",
      "Spis tre\xC5\x9B"
      "ci",
      "Inhoud",
      "Indice dei contenuti"};
  return iequals(text, "table of contents") || iequals(text, "contents") || iequals(text, "toc") ||
         iequals(text, "index") || std::find(k_names.begin(), k_names.end(), text) != k_names.end();
}

Catalog build_catalog(const MarkdownDocument& document, std::string_view text, const std::string& path,
                      const Config& config) {
  CatalogBuilder builder(text, path, config);
  builder.add_blocks(document.root(), 0, false, {});
  return builder.finish();
}

Catalog build_catalog_consuming(MarkdownDocument& document, std::string_view text, const std::string& path,
                                const Config& config, const BlockReader& read_block) {
  CatalogBuilder builder(text, path, config);
  builder.add_blocks(document.root(), 0, true, read_block);
  return builder.finish();
}

std::optional<Catalog> build_catalog_chunked(std::string_view text, const std::string& path, const Config& config,
                                             const BlockReader& read_block, size_t chunk_bytes,
                                             const ChunkReader& read_chunk) {
  // Other threads parse the next chunks, build their lists' items and read
  // them for read_chunk, while this one builds the catalog: a list of a few
  // thousand entries, what a pre-commit hook reads, is cut finer so that
  // every thread has chunks to take.
  unsigned jobs = parse_jobs();
  if (jobs > 1) chunk_bytes = std::min(chunk_bytes, std::max(k_min_chunk_bytes, text.size() / (4 * jobs)));
  std::vector<Chunk> chunks = split_chunks(text, chunk_bytes);
  CatalogBuilder builder(text, path, config);
  bool threads = jobs > 1 && chunks.size() > 1;
  bool build_items = threads && builder.items_read_alike();
  bool read_chunks = threads && read_chunk;
  struct Ahead {
    std::vector<BuiltList> lists;
    std::function<void()> add_read;  // read_chunk's result
  };
  std::vector<Ahead> ahead(chunks.size());
  ChunkTrees::OnParsed on_parsed;
  if (build_items || read_chunks)
    on_parsed = [&](MarkdownDocument& tree, size_t i) {
      if (build_items) ahead[i].lists = build_lists(tree.root(), builder.chunk_reader(chunks[i].line_offset));
      if (read_chunks) ahead[i].add_read = read_chunk(tree.root(), chunks[i].line_offset);
    };
  ChunkTrees trees(chunks, jobs, on_parsed);
  for (size_t i = 0; i < chunks.size(); ++i) {
    MarkdownDocument document = trees.take(i);
    if (i + 1 < chunks.size() && chunk_runs_on(document, chunks[i])) return std::nullopt;
    if (read_chunks) ahead[i].add_read();
    builder.add_blocks(document.root(), chunks[i].line_offset, false, read_chunks ? BlockReader() : read_block,
                       build_items ? &ahead[i].lists : nullptr);
    trees.give_back(i, std::move(document));
    ahead[i] = {};
  }
  return builder.finish();
}

Catalog parse_catalog(const SourceFile& file, const Config& config) {
  std::optional<Catalog> catalog = build_catalog_chunked(file.text, file.path, config);
  if (!catalog) {
    MarkdownDocument document(file.text);
    catalog = build_catalog_consuming(document, file.text, file.path, config);
  }
#ifdef __GLIBC__
  // The freed AST (many times the file's size) sits between catalog objects;
  // hand its pages back so the output that follows does not add to the peak.
  if (file.text.size() > (1u << 20)) malloc_trim(0);
#endif
  return std::move(*catalog);
}

}  // namespace curate
