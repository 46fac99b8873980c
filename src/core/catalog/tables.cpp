// Table rows as entries (DESIGN.md "Where entries live").
#include <algorithm>
#include <array>

#include "builders.hpp"
#include "curate/catalog/grammar.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "flat.hpp"
#include "style_internal.hpp"

namespace curate::catalog_detail {
namespace {

struct CellLink {
  std::string text;
  std::string url;
  bool badge = false;  // only an image: "[![Stars](…svg)](…/stargazers)"
};

struct Cell {
  std::string text;             // plain text, whitespace collapsed
  std::string lead;             // the plain text before its first link
  std::vector<CellLink> links;  // links to other documents, in order
  std::string bold;             // "1) **Muse: …** - introduces Muse…": the bold text opening it, after a number
  std::string after_bold;       // and the text after that
};

// "1)", "12.": a row's number in its name cell.
bool is_row_number(std::string_view text) {
  text = trim(text);
  if (text.size() < 2 || (text.back() != ')' && text.back() != '.')) return false;
  return std::all_of(text.begin(), text.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

// Fills cell.bold and cell.after_bold when the cell opens with bold text.
void read_bold_lead(cmark_node* cell, Cell& out) {
  cmark_node* child = cmark_node_first_child(cell);
  while (child && is_type(child, CMARK_NODE_TEXT) &&
         (trim(cmark_node_get_literal(child)).empty() || is_row_number(cmark_node_get_literal(child))))
    child = cmark_node_next(child);
  if (!child || !is_type(child, CMARK_NODE_STRONG)) return;
  std::string after;
  for (cmark_node* rest = cmark_node_next(child); rest; rest = cmark_node_next(rest)) after += plain_text(rest);
  out.bold = collapse_whitespace(plain_text(child));
  out.after_bold = collapse_whitespace(after);
}

void collect_cell_links(cmark_node* node, std::vector<CellLink>& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    if (is_type(child, CMARK_NODE_LINK)) {
      const char* url = cmark_node_get_url(child);
      if (url && *url && !is_anchor_url(url)) {
        bool badge = cmark_node_first_child(child) != nullptr;
        for (cmark_node* inside = cmark_node_first_child(child); inside && badge; inside = cmark_node_next(inside))
          badge = is_type(inside, CMARK_NODE_IMAGE) ||
                  (is_type(inside, CMARK_NODE_TEXT) && trim(cmark_node_get_literal(inside)).empty());
        out.push_back({collapse_whitespace(plain_text(child)), url, badge});
      }
      continue;
    }
    collect_cell_links(child, out);
  }
}

std::vector<Cell> read_cells(cmark_node* row) {
  std::vector<Cell> cells;
  for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
    Cell& out = cells.emplace_back();
    out.text = collapse_whitespace(plain_text(cell));
    collect_cell_links(cell, out.links);
    // "[PySyft](…)<br />[![Stars](…)](…/stargazers)" (Awesome-FL, 27 rows): a
    // badge beside a link decorates it.
    if (std::any_of(out.links.begin(), out.links.end(), [](const CellLink& link) { return !link.badge; }))
      out.links.erase(
          std::remove_if(out.links.begin(), out.links.end(), [](const CellLink& link) { return link.badge; }),
          out.links.end());
    read_bold_lead(cell, out);
    if (out.links.size() > 1) {
      std::string lead;
      for (cmark_node* child = cmark_node_first_child(cell); child && !is_type(child, CMARK_NODE_LINK);
           child = cmark_node_next(child))
        lead += plain_text(child);
      out.lead = collapse_whitespace(lead);
    }
  }
  return cells;
}

// One splitting rule for names wherever they are written (style_internal.hpp).
void add_authors(std::string_view text, Item& item) {
  for (std::string& author : style_detail::split_authors(text)) item.authors.push_back(std::move(author));
}

// "| - | - |" (awesome-italia-remote's 67 rows without a policy): a dash
// or "N/A" alone says the cell is empty.
bool is_empty_mark(std::string_view text) {
  return text == "-" || text == "\xE2\x80\x93" || text == "\xE2\x80\x94" || iequals(text, "n/a");
}

// A link text that names no resource: "[Article](…)" under "Article", "[pdf]", "[link]".
bool is_generic_link_text(std::string_view text, std::string_view header) {
  if (iequals(text, header) || format_of_label(text)) return true;
  for (std::string_view word : {"link", "here", "article", "paper", "code", "website", "homepage", "repo", "github",
                                "source", "demo", "read", "view", "download", "blog", "post", "docs"})
    if (iequals(text, word)) return true;
  return false;
}

// Fills `item` from one row; false when the row links nowhere.
bool read_row(const std::vector<std::string>& headers, const std::vector<ColumnRole>& roles,
              const std::vector<std::optional<bool>>& month_first, const std::vector<Cell>& cells, Item& item) {
  size_t title_column = std::find(roles.begin(), roles.end(), ColumnRole::title) - roles.begin();
  const CellLink* first_link = nullptr;
  size_t first_link_column = cells.size();
  // A link in the description ("Also, a free [preparation webinar](…)"
  // in Free-Certifications' Salesforce row) names no entry when another
  // cell links.
  for (int pass = 0; pass < 2 && !first_link; ++pass)
    for (size_t i = 0; i < cells.size() && !first_link; ++i)
      if (!cells[i].links.empty() && (pass == 1 || i >= roles.size() || roles[i] != ColumnRole::description))
        first_link = &cells[i].links.front(), first_link_column = i;
  if (!first_link) return false;
  bool titled = title_column < cells.size() && !cells[title_column].text.empty();
  // "| Fine-tune Mistral with DPO | … | [Article](…) |": no column is called
  // a name, and the first link's text says what the link is, not what the
  // entry is: the row's first plain-text cell names it.
  if (!titled && is_generic_link_text(cells[first_link_column].text,
                                      first_link_column < headers.size() ? headers[first_link_column] : "")) {
    for (size_t i = 0; i < first_link_column && !titled; ++i) {
      ColumnRole role = i < roles.size() ? roles[i] : ColumnRole::other;
      if (cells[i].text.empty() || !cells[i].links.empty() || role == ColumnRole::date || role == ColumnRole::authors ||
          role == ColumnRole::description || is_date_shape(cells[i].text))
        continue;
      title_column = i;
      titled = true;
      item.title_from_category = true;
    }
  }
  size_t source_column = titled ? title_column : first_link_column;
  item.title = cells[source_column].text;
  // "[Intro to CS using Python](…) ([alt](…))", "[BELLE](…) <br/> [1M
  // version](…)", "C4 [Huggingface dataset](…) [TensorFlow dataset](…)": a
  // name cell with mirrors or variants is named by its text before the
  // links, else by its first link.
  if (const Cell& named = cells[source_column]; named.links.size() > 1)
    item.title = !named.lead.empty() ? named.lead : named.links.front().text;
  // "1) **Muse: Text-To-Image Generation…** - introduces Muse, …"
  // (ML-Papers-of-the-Week): the bold name, and a description after its separator.
  std::optional<std::string> bold_description;
  if (const Cell& named = cells[source_column]; !named.bold.empty())
    for (std::string_view separator : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", ": "})
      if (starts_with(named.after_bold, separator)) {
        item.title = named.bold;
        bold_description = std::string(trim(std::string_view(named.after_bold).substr(separator.size())));
        break;
      }
  const std::vector<CellLink>& title_links = cells[source_column].links;
  item.url = title_links.empty() ? first_link->url : title_links.front().url;
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    for (const CellLink& link : cell.links) {
      item.links.push_back(link.url);
      if (auto format = format_of_label(link.text)) add_format(item, *format);
    }
    if (i == source_column || cell.text.empty() || is_empty_mark(cell.text)) continue;
    ColumnRole role = i < roles.size() ? roles[i] : ColumnRole::other;
    std::string header = i < headers.size() ? headers[i] : "column " + std::to_string(i + 1);
    // A cell that is only a labelled link ("[Article](…)"): its link is in item.links.
    if (cell.links.size() == 1 && cell.text == cell.links.front().text && is_generic_link_text(cell.text, header))
      continue;
    if (role == ColumnRole::description && !item.description) {
      item.description = cell.text;
    } else if (auto date = role != ColumnRole::date || item.date ? std::nullopt
                           : month_first[i]                      ? read_slashed_date(cell.text, *month_first[i])
                                                                 : read_written_date(cell.text)) {
      item.date = *date;
    } else if (role == ColumnRole::authors && item.authors.empty()) {
      add_authors(cell.text, item);
    } else if (role == ColumnRole::link && !cell.links.empty()) {
      continue;  // its links are in item.links
    } else {
      // A header that repeats names its later columns "Header (2)", …:
      // field names are keys.
      std::string name = header;
      for (int n = 2;
           std::any_of(item.fields.begin(), item.fields.end(), [&](const auto& f) { return f.first == name; }); ++n)
        name = header + " (" + std::to_string(n) + ")";
      item.fields.emplace_back(name, cell.text);
    }
  }
  if (bold_description && !bold_description->empty() && !item.description) item.description = bold_description;
  return true;
}

// For each date column written "3/10/23", whether its cells put the month
// first (slashed_dates_month_first); nullopt for other columns.
std::vector<std::optional<bool>> slashed_date_orders(cmark_node* header, const std::vector<ColumnRole>& roles) {
  std::vector<std::optional<bool>> orders(roles.size());
  for (size_t i = 0; i < roles.size(); ++i) {
    if (roles[i] != ColumnRole::date) continue;
    std::vector<std::string> cells;
    for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
      cmark_node* cell = cmark_node_first_child(row);
      for (size_t k = 0; cell && k < i; ++k) cell = cmark_node_next(cell);
      if (cell) cells.push_back(collapse_whitespace(plain_text(cell)));
    }
    orders[i] = slashed_dates_month_first(cells);
  }
  return orders;
}

}  // namespace

bool read_table(cmark_node* table, const LineShift& lines, TableInfo& info, std::vector<Item>& rows) {
  cmark_node* header = cmark_node_first_child(table);
  if (!header) return false;
  std::vector<std::string> headers;
  for (const Cell& cell : read_cells(header)) headers.push_back(cell.text);
  std::vector<ColumnRole> roles;
  for (const std::string& name : headers) roles.push_back(column_role(name));
  std::vector<std::optional<bool>> month_first = slashed_date_orders(header, roles);
  size_t added = 0;
  int last_line = 0;
  for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
    Item item;
    if (!read_row(headers, roles, month_first, read_cells(row), item)) continue;
    int line = lines.start(row);
    item.source = EntrySource::table;
    item.style = EntryStyle::table_row;
    item.pos = {line, 1};
    item.span = {{line, 1}, {line, cmark_node_get_end_column(row)}};
    item.paragraph_end_line = line;
    rows.push_back(std::move(item));
    ++added;
    last_line = std::max(last_line, line);
  }
  if (!added) return false;
  int first_row = lines.start(cmark_node_next(header));
  info.columns = std::move(headers);
  info.span = {{first_row - 2, 1}, {lines.end(table), cmark_node_get_end_column(table)}};
  return true;
}

}  // namespace curate::catalog_detail

namespace curate {

ColumnRole column_role(std::string_view header) {
  std::string name = to_lower(trim(header));
  auto is_any = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  // Lists in other languages name their columns in them: mli/paper-reading's
  // "| 已录制 | 年份 | 名字 | 简介 | 引用 |" and "| 日期 | 标题 | … |".
  if (is_any({"name",   "title",  "api",      "paper", "project", "tool",  "library", "package",  "repository", "repo",
              "book",   "course", "resource", "名字",  "名称",    "名稱",  "标题",    "標題",     "书名",       "書名",
              "项目",   "項目",   "论文",     "論文",  "课程",    "課程",  "名前",    "タイトル", "이름",       "제목",
              "nombre", "título", "titulo",   "nome",  "nom",     "titre", "titel",   "название"}))
    return ColumnRole::title;
  if (is_any({"description", "summary",     "about",     "details",   "简介",         "簡介",    "描述",
              "说明",        "說明",        "介绍",      "介紹",      "概要",         "説明",    "설명",
              "descripción", "descripcion", "descrição", "descricao", "beschreibung", "описание"}))
    return ColumnRole::description;
  if (is_any({"日期", "年份", "时间", "時間", "年", "日付", "날짜", "연도", "fecha", "año", "ano", "année", "datum",
              "jahr", "дата", "год"}))
    return ColumnRole::date;
  // "Year Published", "Publication date", "First published": every word
  // names a date, one of them the date itself.
  bool dated = false, only_date_words = !name.empty();
  for (std::string_view word : split_trimmed_views(name, " ")) {
    if (word.empty()) continue;
    bool date_word = word == "date" || word == "year" || word == "published" || word == "released";
    dated = dated || date_word;
    only_date_words = only_date_words && (date_word || word == "publication" || word == "release" || word == "first" ||
                                          word == "on" || word == "of");
  }
  if (dated && only_date_words) return ColumnRole::date;
  if (is_any({"author", "authors", "by", "organisation", "organization", "org", "institute", "institution",
              "affiliation", "company", "作者", "著者", "저자", "autor", "autores", "auteur", "auteurs", "автор"}))
    return ColumnRole::authors;
  if (is_any({"code", "pdf",  "links", "link", "url",  "website", "homepage", "slides", "video",  "链接",
              "鏈接", "連結", "网址",  "網址", "代码", "代碼",    "视频",     "視頻",   "enlace", "lien"}))
    return ColumnRole::link;
  return ColumnRole::other;
}

}  // namespace curate
