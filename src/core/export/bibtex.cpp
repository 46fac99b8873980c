#include <fmt/format.h>

#include "curate/export/citation.hpp"
#include "curate/export/export.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

// @book for books, @article for papers and articles, @online for anything
// else with a link (biblatex's type for web resources), @misc for stubs.
std::string record_type(const Item& item) {
  std::string kind = primary_kind(item);
  if (kind == "book") return "book";
  if (kind == "paper" || kind == "article") return "article";
  if (item.url && !item.url->empty()) return "online";
  return "misc";
}

// Persons as "Family, Given" (unambiguous for BibTeX's name parser);
// organisations in braces so "Meta AI" is never read as a first and last
// name, and an "and" inside a name never splits it.
std::string bibtex_authors(const std::vector<std::string>& authors) {
  std::vector<std::string> names;
  for (const std::string& author : authors) {
    auto person = split_person_name(author);
    names.push_back(person ? latex_escape(person->family) + ", " + latex_escape(person->given)
                           : "{" + latex_escape(author) + "}");
  }
  return join(names, " and ");
}

// biblatex reads url verbatim, so LaTeX escapes would end up in the link;
// only what could unbalance the braces or break the field is
// percent-encoded.
std::string bibtex_url(const std::string& url) {
  std::string out;
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '{' || c == '}' || c == '\\' || byte <= 0x20 || byte == 0x7F)
      out += fmt::format("%{:02X}", byte);
    else
      out += c;
  }
  return out;
}

const char* month_macro(int month) {
  static const char* const k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
  return month >= 1 && month <= 12 ? k_months[month - 1] : nullptr;
}

struct Field {
  const char* name;
  std::string value;  // as written after "=", braces included
};

std::vector<Field> record_fields(const Item& item) {
  std::vector<Field> fields;
  auto braced = [](const std::string& text) { return "{" + latex_escape(text) + "}"; };
  // Double braces keep the title's capitals (BERT, GPT-3) in styles that
  // lowercase titles.
  fields.push_back({"title", "{" + braced(item.title) + "}"});
  if (!item.authors.empty()) fields.push_back({"author", "{" + bibtex_authors(item.authors) + "}"});
  if (auto year = item.year()) {
    fields.push_back({"year", fmt::format("{{{}}}", *year)});
    const char* month = item.date->size() >= 7 ? month_macro(std::stoi(item.date->substr(5, 2))) : nullptr;
    if (month) fields.push_back({"month", month});
    if (item.date->size() > 4) fields.push_back({"date", "{" + *item.date + "}"});
  }
  if (item.url && !item.url->empty()) fields.push_back({"url", "{" + bibtex_url(*item.url) + "}"});
  if (!item.tags.empty()) fields.push_back({"keywords", braced(join(item.tags, ", "))});
  if (item.description) fields.push_back({"abstract", braced(*item.description)});
  if (item.note) fields.push_back({"note", braced(*item.note)});
  return fields;
}

std::string record(const Item& item, const std::string& key) {
  std::vector<Field> fields = record_fields(item);
  std::string out = "@" + record_type(item) + "{" + key;
  for (const Field& field : fields) out += fmt::format(",\n  {:<8} = {}", field.name, field.value);
  return out + "\n}\n";
}

}  // namespace

std::string export_bibtex(const ExportScope& scope) {
  auto keys = citation_keys(collect_entries(scope.set));
  // No header comment: BibTeX parsers warn about text between records.
  std::string out;
  for (const EntryRef& entry : scope.entries)
    out += (out.empty() ? "" : "\n") + record(*entry.item, keys.at(entry.item));
  return out;
}

}  // namespace curate
