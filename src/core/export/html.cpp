// The browsable page. Everything is rendered here, server-side, through
// html_escape(); the inline script only toggles `hidden` and classes, so no
// list text ever reaches a script or an HTML parser unescaped.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "curate/export/export.hpp"
#include "curate/query/query.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "html_assets.hpp"

namespace curate {
namespace {

constexpr int k_tag_colours = 8;  // .tag-c0 … .tag-c7 in the style sheet

// <meta> lines for <head>: charset, viewport, colour schemes, and a
// Content-Security-Policy that forbids every fetch (default-src 'none').
constexpr const char* k_head_meta =
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"color-scheme\" content=\"light dark\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
    "<meta name=\"generator\" content=\"curate " CURATE_VERSION
    "\">\n"
    "<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E"
    "%3Crect width='16' height='16' rx='4' fill='%234c6ef5'/%3E%3Cpath d='M4 5h8M4 8h8M4 11h5' stroke='white' "
    "stroke-width='1.6' stroke-linecap='round'/%3E%3C/svg%3E\">\n";

// The text `list --grep` searches, ASCII-lowercased as it compares.
std::string search_text(const Item& item) {
  std::vector<std::string> parts = {item.title, item.description.value_or(""), item.note.value_or(""),
                                    item.url.value_or(""), collapse_whitespace(item.raw)};
  parts.insert(parts.end(), item.authors.begin(), item.authors.end());
  for (const auto& field : item.fields) parts.push_back(field.second);
  return to_lower(join(parts, "\n"));
}

std::string host_of(const std::string& url) {
  UrlParts parts;
  if (!parse_url(url, parts) || parts.host.empty()) return "";
  return starts_with(parts.host, "www.") ? parts.host.substr(4) : parts.host;
}

// The page's title over several files: the folder they share ("books/"),
// else a plain word; each file's own title heads its part.
std::string set_title(const CatalogSet& set) {
  std::string folder = std::filesystem::path(set.catalogs.front()->path).parent_path().generic_string();
  for (const Catalog* catalog : set.catalogs)
    while (!folder.empty() && !starts_with(catalog->path, folder + "/"))
      folder = std::filesystem::path(folder).parent_path().generic_string();
  return folder.empty() ? "Catalog" : folder + "/";
}

class PageWriter {
 public:
  explicit PageWriter(const ExportScope& scope)
      : m_scope(scope), m_colours(tag_colour_slots(scope.set, k_tag_colours)), m_vocabulary(scope.vocabulary()) {
    for (const EntryRef& entry : scope.entries) ++m_direct[entry.owner];
  }

  std::string tag_badge(const std::string& tag) const {
    auto found = m_colours.find(to_lower(tag));
    int colour = found == m_colours.end() ? 0 : found->second;
    return fmt::format("<span class=\"tag tag-c{}\">{}</span>", colour, html_escape(tag));
  }

  // Title (a link when the URL is safe), description, byline, note, links.
  std::string card(const Item& item) const {
    std::string out = std::string("<article class=\"card") + (item.url ? "" : " is-stub") + "\"><p class=\"title\">";
    bool linked = item.url && !item.url->empty() && is_safe_link(*item.url);
    if (linked)
      out +=
          "<a href=\"" + html_escape(*item.url) + "\" rel=\"noopener noreferrer\">" + html_escape(item.title) + "</a>";
    else
      out += "<span>" + html_escape(item.title) + "</span>";
    out += "</p>";
    if (item.description) out += "<p class=\"desc\">" + html_escape(*item.description) + "</p>";
    out += "<p class=\"byline\">" + byline(item, linked) + "</p>";
    if (item.note) out += "<p class=\"note\">" + html_escape(*item.note) + "</p>";
    out += more_links(item);
    return out + "</article>";
  }

  std::string byline(const Item& item, bool linked) const {
    std::vector<std::string> parts;
    for (const std::string& tag : item.tags) parts.push_back(tag_badge(tag));
    for (const std::string& kind : item.kinds) parts.push_back("<span class=\"kind\">" + html_escape(kind) + "</span>");
    if (!item.authors.empty())
      parts.push_back("<span class=\"authors\">" + html_escape(join(item.authors, ", ")) + "</span>");
    if (item.date)
      parts.push_back("<time datetime=\"" + html_escape(*item.date) + "\">" + html_escape(*item.date) + "</time>");
    if (linked && !host_of(*item.url).empty())
      parts.push_back("<span class=\"host\">" + html_escape(host_of(*item.url)) + "</span>");
    if (!item.url) parts.push_back("<span class=\"stub\">no link</span>");
    if (item.url && !item.url->empty() && !linked)
      parts.push_back("<span class=\"unsafe\" title=\"not a web link\">" + html_escape(*item.url) + "</span>");
    return join(parts, " ");
  }

  // Links beyond the entry's own URL ("pdf", "code", …), by position.
  std::string more_links(const Item& item) const {
    std::string out;
    int n = 0;
    for (const std::string& link : item.links) {
      if (item.url && link == *item.url) continue;
      if (!is_safe_link(link)) continue;
      std::string label = host_of(link).empty() ? "link " + std::to_string(++n) : host_of(link);
      out += " <a href=\"" + html_escape(link) + "\" rel=\"noopener noreferrer\">" + html_escape(label) + "</a>";
    }
    return out.empty() ? "" : "<p class=\"more\">Also:" + out + "</p>";
  }

  std::string item(const Item& item) const {
    if (item.is_navigation) return "";  // "Back to Top": the page has its own navigation
    std::string children;
    for (const Item& child : item.children)
      if (m_scope.keeps(child)) children += this->item(child);
    std::string list = children.empty() ? "" : "<ul class=\"items\">" + children + "</ul>";
    if (item.is_group) {
      std::string note = item.note ? " <span class=\"note\">" + html_escape(*item.note) + "</span>" : "";
      return "<li class=\"group\"><p class=\"group-title\">" + html_escape(item.title) + note + "</p>" + list + "</li>";
    }
    bool context = m_scope.filtered && !m_scope.selected(item);
    return fmt::format("<li class=\"entry{}\" data-tags=\"{}\" data-kinds=\"{}\" data-search=\"{}\">",
                       context ? " context" : "", html_escape(to_lower(join(item.tags, "\n"))),
                       html_escape(to_lower(join(item.kinds, "\n"))), html_escape(search_text(item))) +
           card(item) + list + "</li>";
  }

  std::string items(const std::vector<Item>& items) const {
    std::string out;
    for (const Item& entry : items)
      if (m_scope.keeps(entry)) out += item(entry);
    return out.empty() ? "" : "<ul class=\"items\">" + out + "</ul>";
  }

  // Several files: headings go one level down, under the file's part.
  std::string section(const Section& section) const {
    int level = std::min(6, std::max(2, section.level + (m_scope.set.several ? 1 : 0)));
    std::string out = fmt::format("<section class=\"sec\" id=\"{}\"><h{} class=\"sec-title\">{}</h{}>",
                                  html_escape(m_id_prefix + section.slug), level, html_escape(section.heading), level);
    out += items(section.items);
    if (section.items.empty() && section.sections.empty()) out += "<p class=\"sec-empty\">No entries yet.</p>";
    for (const Section& child : section.sections)
      if (m_scope.keeps(child)) out += this->section(child);
    return out + "</section>";
  }

  // The section tree with each section's entry count (the script keeps
  // the counts in step with the filters).
  std::string nav(const Section& parent) const {
    std::string out;
    for (const Section& child : parent.sections) {
      if (!m_scope.keeps(child)) continue;
      out += nav_link(m_id_prefix + child.slug, child.heading, selected_below(child), nav(child));
    }
    return out.empty() ? "" : "<ul>" + out + "</ul>";
  }

  static std::string nav_link(const std::string& id, const std::string& text, int count, const std::string& below) {
    return fmt::format(
        "<li><a href=\"#{0}\" data-section=\"{0}\"><span>{1}</span><span class=\"n\">{2}</span></a>{3}</li>",
        html_escape(id), html_escape(text), count, below);
  }

  int selected_below(const Section& section) const {
    auto found = m_direct.find(&section);
    int count = found == m_direct.end() ? 0 : found->second;
    for (const Section& child : section.sections) count += selected_below(child);
    return count;
  }

  // Tag chips in vocabulary order, then by first use; kind chips by how
  // common they are. Only values some selected entry has.
  std::string filters() const {
    std::map<std::string, int> tag_counts, kind_counts;
    std::vector<std::string> tag_order, kind_order;
    auto count = [](std::map<std::string, int>& counts, std::vector<std::string>& order, const std::string& key,
                    const std::string& shown, int add) {
      auto [it, added] = counts.emplace(key, 0);
      if (added) order.push_back(shown);
      it->second += add;
    };
    for (const TagDef& tag : m_vocabulary) count(tag_counts, tag_order, to_lower(tag.name), tag.name, 0);
    for (const EntryRef& entry : m_scope.entries) {
      for (const std::string& tag : entry.item->tags) count(tag_counts, tag_order, to_lower(tag), tag, 1);
      for (const std::string& kind : entry.item->kinds) count(kind_counts, kind_order, kind, kind, 1);
    }
    std::stable_sort(kind_order.begin(), kind_order.end(),
                     [&](const std::string& a, const std::string& b) { return kind_counts[a] > kind_counts[b]; });
    return chip_group("tag", "Tags", tag_order, tag_counts) + chip_group("kind", "Kinds", kind_order, kind_counts);
  }

  // The vocabulary's description of a tag (lowercase name), or "".
  std::string tag_description(const std::string& key) const {
    for (const TagDef& tag : m_vocabulary)
      if (to_lower(tag.name) == key) return tag.description;
    return "";
  }

  std::string chip_group(const char* name, const char* label, const std::vector<std::string>& values,
                         const std::map<std::string, int>& counts) const {
    bool tags = std::string(name) == "tag";
    std::string chips;
    for (const std::string& value : values) {
      std::string key = tags ? to_lower(value) : value;
      int n = counts.at(key);
      if (n == 0) continue;  // a declared tag no selected entry carries
      std::string colour = tags ? fmt::format(" tag tag-c{}", m_colours.at(key)) : "";
      std::string title = tags ? tag_description(key) : "";
      chips += fmt::format(
          "<button type=\"button\" class=\"chip{}\" data-filter=\"{}\" data-value=\"{}\" aria-pressed=\"false\"{}>{}"
          "<span class=\"n\">{}</span></button>",
          colour, name, html_escape(key), title.empty() ? "" : " title=\"" + html_escape(title) + "\"",
          html_escape(value), n);
    }
    if (chips.empty()) return "";
    return fmt::format(
               "<div class=\"filters\" role=\"group\" aria-label=\"{0}\"><span class=\"filter-label\">{0}</span>",
               label) +
           chips + "</div>";
  }

  // Several files: each file is a part of the page, with its sections'
  // anchors prefixed so that two files' "#python" stay apart.
  std::string catalog_parts() {
    if (!m_scope.set.several) {
      const Catalog& catalog = *m_scope.set.catalogs.front();
      m_nav = nav(catalog.root);
      return root_content(catalog);
    }
    std::string out;
    for (size_t k = 0; k < m_scope.set.catalogs.size(); ++k) {
      const Catalog& catalog = *m_scope.set.catalogs[k];
      int count = selected_below(catalog.root);
      if (m_scope.filtered && count == 0) continue;
      std::string id = "file-" + std::to_string(k + 1);
      m_id_prefix = id + "-";
      std::string title = catalog.title.value_or(catalog.path);
      m_nav += nav_link(id, title, count, nav(catalog.root));
      out += fmt::format("<section class=\"sec\" id=\"{}\"><h2 class=\"sec-title\">{}</h2><p class=\"sec-file\">{}</p>",
                         id, html_escape(title), html_escape(catalog.path)) +
             root_content(catalog) + "</section>";
    }
    m_nav = m_nav.empty() ? "" : "<ul>" + m_nav + "</ul>";
    return out;
  }

  std::string root_content(const Catalog& catalog) const {
    std::string out = items(catalog.root.items);
    for (const Section& child : catalog.root.sections)
      if (m_scope.keeps(child)) out += section(child);
    return out;
  }

  std::string page() {
    const CatalogSet& set = m_scope.set;
    std::string content = catalog_parts();
    std::string title = set.several ? set_title(set) : set.catalogs.front()->title.value_or(set.catalogs.front()->path);
    std::vector<std::string> paths;
    for (const Catalog* catalog : set.catalogs) paths.push_back(catalog->path);
    std::string source = set.several ? plural(static_cast<long long>(paths.size()), "file", "files") : paths.front();
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + std::string(k_head_meta);
    out += "<title>" + html_escape(title) + "</title>\n<style>\n" + std::string(k_html_style) + "</style>\n";
    // In <head> so the saved theme applies before the first paint.
    out += "<script>\n" + std::string(k_html_script) + "</script>\n</head>\n";
    out += "<body>\n<header class=\"top\"><div class=\"brand\"><h1>" + html_escape(title) + "</h1>";
    out += fmt::format("<p class=\"sub\">{} entries · {}</p></div>", m_scope.entries.size(), html_escape(source));
    out +=
        "<button type=\"button\" id=\"curateTheme\" class=\"theme\" aria-label=\"Switch between light and dark theme\">"
        "<span class=\"sun\">☀</span><span class=\"moon\">☾</span></button></header>\n";
    out +=
        "<div class=\"layout\">\n<nav class=\"toc\" aria-label=\"Sections\"><details id=\"curateToc\" open>"
        "<summary>Sections</summary>" +
        m_nav + "</details></nav>\n<main>\n";
    out +=
        "<div class=\"controls\"><input type=\"search\" id=\"curateSearch\" autocomplete=\"off\" spellcheck=\"false\" "
        "placeholder=\"Search titles, authors, notes, links…\" aria-label=\"Search entries\">" +
        filters();
    out += fmt::format(
        "<p class=\"status\"><span id=\"curateStatus\" aria-live=\"polite\">{0} of {0} entries</span> "
        "<button type=\"button\" id=\"curateClear\" class=\"clear\" hidden>Clear filters</button></p></div>\n",
        m_scope.entries.size());
    out += "<div id=\"curateCatalog\" data-total=\"" + std::to_string(m_scope.entries.size()) + "\">" + content;
    out +=
        "</div>\n<p id=\"curateEmpty\" class=\"empty\" hidden>No entry matches. Try fewer "
        "filters.</p>\n</main>\n</div>\n";
    out += "<footer>Generated by <strong>curate</strong> from " + html_escape(join(paths, ", ")) + "</footer>\n";
    return out + "</body>\n</html>\n";
  }

 private:
  const ExportScope& m_scope;
  std::map<std::string, int> m_colours;
  std::vector<TagDef> m_vocabulary;
  std::map<const Section*, int> m_direct;  // selected entries owned by each section
  std::string m_id_prefix;                 // before every section anchor: the file's part, with several
  std::string m_nav;                       // the section tree, built with the parts
};

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool is_safe_link(const std::string& url) {
  if (url.empty()) return false;
  for (char c : url)  // browsers drop these before reading the scheme; "\\" reads as "/"
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '\\') return false;
  size_t colon = url.find(':');
  size_t boundary = url.find_first_of("/?#");
  if (colon == std::string::npos || (boundary != std::string::npos && boundary < colon))
    return !starts_with(url, "//");  // relative; protocol-relative would leave the page's scheme
  std::string scheme = to_lower(url.substr(0, colon));
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "ftp";
}

std::string export_html(const ExportScope& scope) { return PageWriter(scope).page(); }

}  // namespace curate
