// Rendering a new entry in the house style, and checking its fields first.
#include "curate/catalog/kinds.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/edit/edit.hpp"
#include "curate/io/source.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

// Backslash-escapes what Markdown would read as syntax inside inline text.
std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string destination(const std::string& url) {
  return url.find_first_of("()<> ") == std::string::npos ? url : "<" + url + ">";
}

std::string metadata(const NewEntry& entry) {
  std::vector<std::string> fields;
  if (!entry.authors.empty()) fields.push_back(escape(join(entry.authors, " & ")));
  if (entry.kind) fields.push_back(escape(*entry.kind));
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
  for (const auto& tag : entry.tags) line += "*" + escape(tag) + "*: ";
  std::string meta = metadata(entry);
  if (!meta.empty()) {
    if (entry.description)
      line += escape(entry.title) + ": \"" + escape(*entry.description) + "\"";
    else
      line += "\"" + escape(entry.title) + "\"";
    line += " [" + meta + "](" + destination(entry.url) + ")";
  } else {
    line += "[" + escape(entry.title) + "](" + destination(entry.url) + ")";
    if (entry.description) line += " - " + escape(*entry.description);
  }
  if (entry.note) line += " *" + escape(*entry.note) + "*";
  check_reads_back(line, entry, kinds);
  return line;
}

}  // namespace curate
