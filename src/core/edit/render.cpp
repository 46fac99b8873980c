// Rendering a new entry in the house style, and checking its fields first.
#include <algorithm>

#include "curate/catalog/kinds.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/catalog/style.hpp"
#include "curate/edit/edit.hpp"
#include "curate/io/source.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "lines.hpp"

namespace curate {
namespace {

std::string metadata(const NewEntry& entry) {
  std::vector<std::string> fields;
  if (!entry.authors.empty()) fields.push_back(escape_inline(join(entry.authors, " & ")));
  if (entry.kind) fields.push_back(escape_inline(*entry.kind));
  if (entry.date) fields.push_back(*entry.date);
  return join(fields, "; ");
}

std::string shown(const std::vector<std::string>& values) { return values.empty() ? "(none)" : join(values, ", "); }
std::string shown(const std::optional<std::string>& value) { return value ? *value : "(none)"; }

// Parses the rendered line as a one-item list and names the first field
// that does not read back as given.
void check_reads_back(const std::string& line, const NewEntry& entry, const KindTable& kinds) {
  Config config;
  config.kinds = kinds;
  Catalog catalog = parse_catalog(source_from_bytes("entry", "- " + line + "\n"), config);
  if (catalog.root.items.size() != 1) throw Error("cannot write this entry as one list item: " + line);
  const Item& item = catalog.root.items.front();
  std::vector<std::string> expected_kinds;
  if (entry.kind) expected_kinds = kinds.classify(*entry.kind).value_or(std::vector<std::string>{});
  auto fail = [&](const char* field, const std::string& wanted, const std::string& got) {
    throw Error(std::string("cannot write this entry so that it reads back the same: ") + field + " would read '" +
                got + "' instead of '" + wanted + "'");
  };
  if (item.title != entry.title) fail("title", entry.title, item.title);
  if (item.url.value_or("") != entry.url) fail("url", entry.url, item.url.value_or(""));
  if (item.tags != entry.tags) fail("tags", shown(entry.tags), shown(item.tags));
  if (item.authors != entry.authors) fail("authors", shown(entry.authors), shown(item.authors));
  if (item.kinds != expected_kinds) fail("kinds", shown(expected_kinds), shown(item.kinds));
  if (item.date != entry.date) fail("date", shown(entry.date), shown(item.date));
  if (item.description != entry.description) fail("description", shown(entry.description), shown(item.description));
  if (item.note != entry.note) fail("note", shown(entry.note), shown(item.note));
  if (!item.rest.empty()) fail("text", "", item.rest);
}

}  // namespace

void validate_date(std::string_view date) {
  std::string invalid = "invalid date '" + std::string(date) + "' (";
  switch (check_date(date)) {
    case DateFault::none:
      return;
    case DateFault::shape:
      throw Error(invalid + "expected YYYY, YYYY-MM or YYYY-MM-DD)");
    case DateFault::month:
      throw Error(invalid + "month must be 01 to 12)");
    case DateFault::day: {
      int year = std::stoi(std::string(date.substr(0, 4))), month = std::stoi(std::string(date.substr(5, 2)));
      throw Error(invalid + "day must be 01 to " + std::to_string(days_in_month(year, month)) + " in that month)");
    }
    case DateFault::year:
      throw Error(invalid + "year must be 1000 or later)");
  }
}

void validate_url(std::string_view url) {
  UrlParts parts;
  if (!parse_url(url, parts) || (parts.scheme != "http" && parts.scheme != "https") || parts.host.empty())
    throw Error("invalid URL '" + std::string(url) + "' (expected an absolute http or https URL)");
}

std::string render_entry(const NewEntry& entry, const KindTable& kinds) {
  std::string line;
  for (const auto& tag : entry.tags) line += "*" + escape_inline(tag) + "*: ";
  std::string meta = metadata(entry);
  if (!meta.empty()) {
    if (entry.description)
      line += escape_inline(entry.title) + ": \"" + escape_inline(*entry.description) + "\"";
    else
      line += "\"" + escape_inline(entry.title) + "\"";
    line += " [" + meta + "](" + link_destination(entry.url) + ")";
  } else {
    line += "[" + escape_inline(entry.title) + "](" + link_destination(entry.url) + ")";
    if (entry.description) line += " - " + escape_inline(*entry.description);
  }
  if (entry.note) line += " *" + escape_inline(*entry.note) + "*";
  check_reads_back(line, entry, kinds);
  return line;
}

}  // namespace curate

namespace curate {
namespace {

bool holds(const std::vector<std::string>& names, std::initializer_list<std::string_view> wanted) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return std::find(wanted.begin(), wanted.end(), name) != wanted.end();
  });
}

}  // namespace

std::string edit_detail::style_template(const std::string& style) {
  for (const BuiltinStyle& builtin : builtin_styles())
    if (builtin.name == style) return std::string(builtin.template_text);
  return style;
}

RenderedEntry render_entry_in_style(const NewEntry& entry, const KindTable& kinds, const std::string& style) {
  if (style.empty() || style == "seed") return {render_entry(entry, kinds), {}, entry};
  EntryTemplate compiled(edit_detail::style_template(style));
  std::vector<std::string> names = compiled.placeholders();
  RenderedEntry out{{}, {}, entry};
  NewEntry& written = out.written;
  auto drop = [&](bool present, bool has_place, const char* field, auto clear) {
    if (present && !has_place) {
      out.dropped.push_back(field);
      clear();
    }
  };
  drop(!entry.tags.empty(), holds(names, {"tags"}), "tags", [&] { written.tags.clear(); });
  drop(!entry.authors.empty(), holds(names, {"authors", "author"}), "authors", [&] { written.authors.clear(); });
  drop(entry.kind.has_value(), holds(names, {"kinds", "kind"}), "kind", [&] { written.kind.reset(); });
  drop(entry.date.has_value(), holds(names, {"date", "year"}), "date", [&] { written.date.reset(); });
  drop(entry.description.has_value(), holds(names, {"description"}), "description",
       [&] { written.description.reset(); });
  drop(entry.note.has_value(), holds(names, {"note"}), "note", [&] { written.note.reset(); });
  // Only a year has a place where the template says {year}.
  if (written.date && !holds(names, {"date"})) written.date = written.date->substr(0, 4);
  std::vector<std::pair<std::string, std::string>> values = {{"title", written.title}, {"url", written.url}};
  if (!written.authors.empty()) {
    values.emplace_back("authors", join(written.authors, ", "));
    values.emplace_back("author", join(written.authors, ", "));
  }
  // A template reads "K. He et al." as the author K. He: the others are unnamed.
  for (std::string& author : written.authors)
    if (ends_with(author, " et al.")) author.resize(author.size() - std::string_view(" et al.").size());
  if (written.date) values.insert(values.end(), {{"date", *written.date}, {"year", written.date->substr(0, 4)}});
  if (written.kind) values.insert(values.end(), {{"kinds", *written.kind}, {"kind", *written.kind}});
  if (written.description) values.emplace_back("description", *written.description);
  if (written.note) values.emplace_back("note", *written.note);
  out.line = compiled.render(values);
  // It must read back as written: parse it in that style.
  Config config;
  config.kinds = kinds;
  config.style.list = style;
  Catalog catalog = parse_catalog(source_from_bytes("entry", "- " + out.line + "\n"), config);
  const Item* item = catalog.root.items.size() == 1 ? &catalog.root.items.front() : nullptr;
  if (!item || item->title != written.title || item->url.value_or("") != written.url ||
      item->authors != written.authors || item->date != written.date || item->description != written.description)
    throw Error("cannot write this entry in the " + (style.find('{') == std::string::npos ? style : "list's") +
                " style so that it reads back the same: " + out.line);
  return out;
}

std::string style_for_section(const Catalog& catalog, const Config& config,
                              const std::vector<std::string>& section_path) {
  if (config.style.list || !config.style.sections.empty()) {
    StyleSet styles(config.style);
    int index = styles.style_for(section_path);
    if (index >= 0) return styles.name(index) == "custom" ? styles.template_text(index) : styles.name(index);
  }
  return catalog.style.empty() ? "seed" : catalog.style;
}

}  // namespace curate
