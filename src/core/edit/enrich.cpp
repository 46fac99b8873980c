// enrich: filling the fields an entry lacks into its line. Two ways, both
// checked by reading the new line back: re-render a line that is exactly
// its style's rendering of its fields, or insert into the seed's metadata
// link; a table row gets its empty cells filled.
#include "curate/edit/enrich.hpp"

#include <algorithm>

#include "curate/catalog/grammar.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/catalog/style.hpp"
#include "curate/io/source.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "lines.hpp"

namespace curate {
namespace {

using namespace edit_detail;

// The fields to fill into one entry.
struct Wanted {
  std::vector<std::string> authors;
  std::optional<std::string> kind;
  std::optional<std::string> date;
  bool empty() const { return authors.empty() && !kind && !date; }
};

bool has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_seed(const std::string& style) { return style.empty() || style == "seed"; }

// The fields a style has a place for: authors, kind, date, description.
std::vector<std::string> places_of(const std::string& style) {
  if (is_seed(style)) return {"authors", "kind", "date", "description"};
  std::vector<std::string> names = EntryTemplate(style_template(style)).placeholders(), out;
  if (has(names, "description")) out.push_back("description");
  if (has(names, "authors") || has(names, "author")) out.push_back("authors");
  if (has(names, "kinds") || has(names, "kind")) out.push_back("kind");
  if (has(names, "date") || has(names, "year")) out.push_back("date");
  return out;
}

const TableInfo* table_of(const Item& item, const Section& owner) {
  for (const TableInfo& table : owner.tables)
    if (item.pos.line >= table.span.begin.line && item.pos.line <= table.span.end.line) return &table;
  return nullptr;
}

bool has_role(const TableInfo& table, ColumnRole role) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [&](const std::string& column) { return column_role(column) == role; });
}

// Reads `markdown` (one list item, or a table) on its own, as the list reads it.
std::optional<Item> read_alone(const std::string& markdown, const Config& config, const std::string& style) {
  Config alone;
  alone.kinds = config.kinds;
  if (!is_seed(style)) alone.style.list = style;
  Catalog catalog = parse_catalog(source_from_bytes("entry", markdown), alone);
  if (catalog.root.items.size() != 1) return std::nullopt;
  return catalog.root.items.front();
}

// A field that must stay as it was, or (when wanted) go from empty to a value.
template <typename T>
bool filled_field(bool wanted, const T& before, const T& after, T& into) {
  if (!wanted) return before == after;
  into = after;
  return before == T{} && after != T{};
}

// The fields the new reading fills, when it keeps every other field of the
// old one and fills exactly what was wanted; nullopt otherwise.
std::optional<FilledFields> check_filled(const Item& before, const Item& after, const Wanted& wanted) {
  auto same = [](const std::optional<std::string>& a, const std::optional<std::string>& b) {
    return a.has_value() == b.has_value() && (!a || collapse_whitespace(*a) == collapse_whitespace(*b));
  };
  if (collapse_whitespace(before.title) != collapse_whitespace(after.title) || before.url != after.url ||
      before.tags != after.tags || !same(before.description, after.description) || !same(before.note, after.note) ||
      before.links != after.links || before.formats != after.formats || before.fields != after.fields ||
      collapse_whitespace(before.rest) != collapse_whitespace(after.rest))
    return std::nullopt;
  FilledFields out;
  if (!filled_field(!wanted.authors.empty(), before.authors, after.authors, out.authors) ||
      !filled_field(wanted.kind.has_value(), before.kinds, after.kinds, out.kinds) ||
      !filled_field(wanted.date.has_value(), before.date, after.date, out.date))
    return std::nullopt;
  return out;
}

// The line re-rendered in its style with the fields filled, when the line
// is exactly that style's rendering of what it holds now.
std::optional<std::string> rerendered(const Item& item, const std::string& content, const Wanted& wanted,
                                      const KindTable& kinds, const std::string& style) {
  if (!item.rest.empty() || !item.fields.empty() || !item.formats.empty() || item.links.size() > 1) return std::nullopt;
  NewEntry entry{item.title, *item.url, item.tags, item.authors, item.medium, item.date, item.description, item.note};
  try {
    RenderedEntry same = render_entry_in_style(entry, kinds, style);
    if (same.line != content || !same.dropped.empty()) return std::nullopt;
    if (!wanted.authors.empty()) entry.authors = wanted.authors;
    if (wanted.kind) entry.kind = wanted.kind;
    if (wanted.date) entry.date = wanted.date;
    RenderedEntry filled = render_entry_in_style(entry, kinds, style);
    if (!filled.dropped.empty()) return std::nullopt;
    return filled.line;
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Where the text of the link to `url` lies in `content`: [first, last).
std::optional<std::pair<size_t, size_t>> link_text_of(const std::string& content, const std::string& url) {
  for (const std::string& tail : {"](" + url + ")", "](<" + url + ">)"}) {
    size_t close = content.rfind(tail);
    if (close == std::string::npos) continue;
    int depth = 0;
    for (size_t i = close; i-- > 0;) {
      if (is_escaped(content, i) || (content[i] != '[' && content[i] != ']')) continue;
      if (content[i] == ']') {
        ++depth;
      } else if (depth-- == 0) {
        return std::make_pair(i + 1, close);
      }
    }
  }
  return std::nullopt;
}

// The seed's metadata link text with the wanted fields inserted where the
// seed puts them (authors; kind; date), every field already there kept as written.
std::string with_fields(std::string text, const Wanted& wanted, const KindTable& kinds) {
  size_t authors_end = std::string::npos;  // just after the last authors field
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = std::min(text.find(';', begin), text.size());
    std::string_view part = trim(std::string_view(text).substr(begin, end - begin));
    if (!part.empty() && !is_date_shape(part) && !kinds.classify(part)) authors_end = end;
    begin = end + 1;
  }
  auto joined = [&](std::string_view left, std::string_view right) {
    return std::string(left) + (trim(left).empty() || trim(right).empty() ? "" : "; ") + std::string(right);
  };
  if (wanted.date) text = joined(text, *wanted.date);
  if (wanted.kind && authors_end == std::string::npos) text = joined(*wanted.kind, text);
  if (wanted.kind && authors_end != std::string::npos)
    text = text.substr(0, authors_end) + "; " + *wanted.kind + text.substr(authors_end);
  if (!wanted.authors.empty()) text = joined(join(wanted.authors, " & "), text);
  return text;
}

std::optional<std::string> inserted(const Item& item, const std::string& content, const Wanted& wanted,
                                    const KindTable& kinds) {
  if (item.style != EntryStyle::quoted && item.style != EntryStyle::plain) return std::nullopt;
  auto range = link_text_of(content, *item.url);
  if (!range) return std::nullopt;
  std::string text = content.substr(range->first, range->second - range->first);
  return content.substr(0, range->first) + with_fields(text, wanted, kinds) + content.substr(range->second);
}

// Where each cell's text of a table row lies: [first, last) between pipes
// that are neither escaped nor in a code span.
std::vector<std::pair<size_t, size_t>> cell_ranges(const std::string& row) {
  std::vector<size_t> pipes;
  bool code = false;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '`') code = !code;
    if (row[i] == '|' && !code && !is_escaped(row, i)) pipes.push_back(i);
  }
  std::vector<std::pair<size_t, size_t>> cells;
  size_t start = 0;
  bool leading = !pipes.empty() && trim(std::string_view(row).substr(0, pipes.front())).empty();
  for (size_t i = 0; i < pipes.size(); ++i) {
    if (!(i == 0 && leading)) cells.emplace_back(start, pipes[i]);
    start = pipes[i] + 1;
  }
  if (!trim(std::string_view(row).substr(start)).empty()) cells.emplace_back(start, row.size());
  return cells;
}

std::optional<std::string> filled_row(const TableInfo& table, const std::string& row, const Wanted& wanted) {
  std::vector<std::pair<size_t, size_t>> cells = cell_ranges(row);
  if (cells.size() != table.columns.size()) return std::nullopt;
  std::string out = row;
  // Right to left, so the ranges still to replace keep their offsets.
  for (size_t i = cells.size(); i-- > 0;) {
    auto [first, last] = cells[i];
    if (!trim(std::string_view(row).substr(first, last - first)).empty()) continue;
    ColumnRole role = column_role(table.columns[i]);
    std::string value = role == ColumnRole::date && wanted.date ? *wanted.date
                        : role == ColumnRole::authors && !wanted.authors.empty()
                            ? escape_inline(join(wanted.authors, ", "))
                            : "";
    if (!value.empty()) out.replace(first, last - first, " " + value + " ");
  }
  return out == row ? std::nullopt : std::optional<std::string>(out);
}

std::string content_start_prefix(const Item& item, const Lines& lines, size_t& start) {
  const std::string& line = lines.at(item.pos.line);
  start = static_cast<size_t>(item.pos.column - 1) + marker_of(item, lines).size();
  while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
  return line.substr(0, start);
}

// The new first line of a list item, and what its filled fields read.
std::optional<std::pair<std::string, FilledFields>> fill_list_item(const Item& item, const Lines& lines,
                                                                   const Wanted& wanted, const Config& config,
                                                                   const std::string& style, std::string& why) {
  if (item.paragraph_end_line != item.pos.line) {
    why = "its text spans several lines; fill it by hand";
    return std::nullopt;
  }
  size_t start = 0;
  std::string prefix = content_start_prefix(item, lines, start);
  std::string content = lines.at(item.pos.line).substr(start);
  std::optional<std::string> candidate = rerendered(item, content, wanted, config.kinds, style);
  if (!candidate && is_seed(style)) candidate = inserted(item, content, wanted, config.kinds);
  std::optional<Item> before = read_alone("- " + content + "\n", config, style);
  std::optional<Item> after = candidate ? read_alone("- " + *candidate + "\n", config, style) : std::nullopt;
  std::optional<FilledFields> filled = before && after ? check_filled(*before, *after, wanted) : std::nullopt;
  if (!filled) {
    why =
        "its line is not written in the list's style, and the fields cannot be added without rewriting what it "
        "says; fill it by hand";
    return std::nullopt;
  }
  return std::make_pair(prefix + *candidate, *filled);
}

std::optional<std::pair<std::string, FilledFields>> fill_table_row(const Item& item, const TableInfo& table,
                                                                   const Lines& lines, const Wanted& wanted,
                                                                   const Config& config, std::string& why) {
  std::string head = lines.at(table.span.begin.line) + "\n" + lines.at(table.span.begin.line + 1) + "\n";
  const std::string& row = lines.at(item.pos.line);
  std::optional<std::string> candidate = filled_row(table, row, wanted);
  std::optional<Item> before = read_alone(head + row + "\n", config, "seed");
  std::optional<Item> after = candidate ? read_alone(head + *candidate + "\n", config, "seed") : std::nullopt;
  std::optional<FilledFields> filled = before && after ? check_filled(*before, *after, wanted) : std::nullopt;
  if (!filled) {
    why = "its table row cannot take the fields in its cells; fill it by hand";
    return std::nullopt;
  }
  return std::make_pair(*candidate, *filled);
}

// The wanted fields of `fill` among those its entry can take.
Wanted wanted_of(const EntryFill& fill, const std::vector<std::string>& fillable, const KindTable& kinds) {
  Wanted wanted;
  if (has(fillable, "authors")) wanted.authors = fill.authors;
  if (has(fillable, "kind") && fill.kind && kinds.classify(*fill.kind)) wanted.kind = fill.kind;
  if (has(fillable, "date") && fill.date && check_date(*fill.date) == DateFault::none) wanted.date = fill.date;
  return wanted;
}

std::vector<std::string> describe(const FilledFields& filled) {
  std::vector<std::string> out;
  if (!filled.authors.empty()) out.push_back("authors " + join(filled.authors, ", "));
  if (!filled.kinds.empty()) out.push_back("kind " + join(filled.kinds, ", "));
  if (filled.date) out.push_back("date " + *filled.date);
  return out;
}

EntryFillOutcome fill_one(const EntryFill& fill, const Catalog& catalog, const Config& config, const Lines& lines,
                          LineEdit& edit, ExpectedChanges& expected) {
  const Item& item = *fill.entry.item;
  EntryFillOutcome outcome{&item, {}, {}};
  std::vector<std::string> fillable = fillable_fields(fill.entry, catalog, config);
  Wanted wanted = wanted_of(fill, fillable, config.kinds);
  if (wanted.empty()) {
    outcome.skipped = "the source gives none of its missing fields (" + join(fillable, ", ") + ")";
    return outcome;
  }
  std::optional<std::pair<std::string, FilledFields>> done;
  if (item.source == EntrySource::table) {
    done = fill_table_row(item, *table_of(item, *fill.entry.owner), lines, wanted, config, outcome.skipped);
  } else {
    std::string style = style_for_section(catalog, config, fill.entry.section);
    done = fill_list_item(item, lines, wanted, config, style, outcome.skipped);
  }
  if (!done) {
    outcome.unwritable = true;
    return outcome;
  }
  done->second.line = item.pos.line;
  edit.replaced[item.pos.line] = done->first;
  expected.filled.push_back(done->second);
  outcome.fields = describe(done->second);
  return outcome;
}

}  // namespace

std::vector<std::string> fillable_fields(const EntryRef& entry, const Catalog& catalog, const Config& config) {
  const Item& item = *entry.item;
  UrlParts parts;
  if (!item.url || !parse_url(*item.url, parts) || (parts.scheme != "http" && parts.scheme != "https")) return {};
  std::vector<std::string> places;
  if (item.source == EntrySource::table) {
    const TableInfo* table = entry.owner ? table_of(item, *entry.owner) : nullptr;
    if (table && has_role(*table, ColumnRole::authors)) places.push_back("authors");
    if (table && has_role(*table, ColumnRole::date)) places.push_back("date");
  } else if (item.source == EntrySource::list) {
    places = places_of(style_for_section(catalog, config, entry.section));
  }
  std::vector<std::string> out;
  if (has(places, "authors") && item.authors.empty()) out.push_back("authors");
  if (has(places, "kind") && item.kinds.empty()) out.push_back("kind");
  if (has(places, "date") && !item.date) out.push_back("date");
  return out;
}

std::vector<std::string> places_for_new_entry(const Catalog& catalog, const Config& config, const EditTarget& target) {
  const std::vector<Item>& items = target.group ? target.group->children : target.section->items;
  bool table =
      !target.group && !items.empty() && items.back().source == EntrySource::table && !target.section->tables.empty();
  if (!table) return places_of(style_for_section(catalog, config, target.section_path));
  std::vector<std::string> out;
  const TableInfo& info = target.section->tables.back();
  if (has_role(info, ColumnRole::description)) out.push_back("description");
  if (has_role(info, ColumnRole::authors)) out.push_back("authors");
  if (has_role(info, ColumnRole::date)) out.push_back("date");
  return out;
}

EnrichResult enrich_entries(const Catalog& catalog, std::string_view text, const std::vector<EntryFill>& fills,
                            const Config& config) {
  Lines lines(text);
  LineEdit edit;
  EnrichResult result{{std::string(text), {}, {}, false}, {}};
  std::vector<std::string> titles;
  for (const EntryFill& fill : fills) {
    result.outcomes.push_back(fill_one(fill, catalog, config, lines, edit, result.edit.expected));
    if (!result.outcomes.back().fields.empty()) {
      titles.push_back("\"" + fill.entry.item->title + "\" (" + join(result.outcomes.back().fields, "; ") + ")");
      result.edit.line = fill.entry.item->pos.line;
    }
  }
  if (titles.empty()) {
    result.edit.summary = "nothing to fill";
    return result;
  }
  result.edit.changed = true;
  result.edit.text = edit.apply(lines);
  if (titles.size() > 1) result.edit.line = 0;
  result.edit.summary =
      "filled " + plural(static_cast<long long>(titles.size()), "entry", "entries") + ": " + join(titles, ", ");
  return result;
}

}  // namespace curate
