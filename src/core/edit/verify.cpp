// The nothing-lost check every edit runs before it writes.
#include <algorithm>

#include "curate/catalog/parse.hpp"
#include "curate/edit/edit.hpp"
#include "curate/query/catalog_diff.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

bool has(const std::vector<int>& lines, int line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); }

const Item* entry_at(const Catalog& catalog, int line) {
  for (const auto& entry : collect_entries(catalog))
    if (entry.item->pos.line == line) return entry.item;
  return nullptr;
}

// Why an added entry is not the one asked for, or "".
std::string added_mismatch(const Item& item, const EntryChange& change, const ExpectedChanges& expected) {
  const NewEntry& want = *expected.added;
  if (change.after->section != expected.added_section || change.after->parents != expected.added_parents)
    return "it would land in another place";
  if (item.title != want.title || item.url.value_or("") != want.url || item.tags != want.tags ||
      item.authors != want.authors || item.date != want.date || item.description != want.description ||
      item.note != want.note)
    return "its fields would read back differently";
  return "";
}

// True when `change` fills exactly the fields `filled` names, each empty before.
bool fills_as_expected(const EntryChange& change, const FilledFields& filled) {
  std::vector<std::string> date = filled.date ? std::vector<std::string>{*filled.date} : std::vector<std::string>{};
  size_t wanted = (filled.authors.empty() ? 0 : 1) + (filled.kinds.empty() ? 0 : 1) + (date.empty() ? 0 : 1);
  if (change.fields.size() != wanted) return false;
  return std::all_of(change.fields.begin(), change.fields.end(), [&](const FieldChange& field) {
    std::vector<std::string> after = field.field == "authors" ? filled.authors
                                     : field.field == "kinds" ? filled.kinds
                                     : field.field == "date"  ? date
                                                              : std::vector<std::string>{};
    for (std::string& value : after) value = collapse_whitespace(value);
    return !after.empty() && field.before.empty() && field.after == after;
  });
}

// What is wrong with one reported change, or "" when it was intended.
std::string unexpected(const EntryChange& change, const Catalog& after, const ExpectedChanges& expected) {
  switch (change.type) {
    case ChangeType::added: {
      if (!expected.added) return "add an entry";
      const Item* item = entry_at(after, change.after->line);
      std::string why = item ? added_mismatch(*item, change, expected) : "it would not be found";
      return why.empty() ? "" : "add the entry wrongly (" + why + ")";
    }
    case ChangeType::removed:
      return has(expected.removed, change.before->line) ? "" : "remove an entry";
    case ChangeType::moved:
      if (!has(expected.moved, change.before->line)) return "move an entry";
      return change.fields.empty() ? "" : "change the fields of a moved entry";
    case ChangeType::changed:
      break;
  }
  for (const auto& [line, tags] : expected.retagged)
    if (line == change.before->line && change.fields.size() == 1 && change.fields[0].field == "tags" &&
        change.fields[0].after == tags)
      return "";
  for (const FilledFields& filled : expected.filled)
    if (filled.line == change.before->line)
      return fills_as_expected(change, filled) ? "" : "change more of an entry than the fields it fills";
  return "change the " + change.fields.front().field + " of an entry";
}

// How many changes of each kind the edit must make.
size_t expected_count(const ExpectedChanges& expected) {
  return expected.removed.size() + expected.moved.size() + (expected.added ? 1 : 0) + expected.retagged.size() +
         expected.filled.size();
}

}  // namespace

void verify_edit(const Catalog& before, std::string_view new_text, const Config& config,
                 const ExpectedChanges& expected) {
  std::string prefix = "refusing to write: the edit would ";
  Catalog after = build_catalog(MarkdownDocument(new_text), new_text, before.path, config);
  CatalogDiff diff = diff_catalogs(before, after);
  if (!diff.sections_added.empty() || !diff.sections_removed.empty())
    throw Error(before.path, 0, 0, prefix + "change the sections; file left unchanged");
  for (const auto& change : diff.entries) {
    std::string what = unexpected(change, after, expected);
    if (what.empty()) continue;
    // The entry concerned, where the reader finds it: in the file as it is
    // for what the edit loses or changes, else where the edit puts it.
    const EntryPlace& place = change.before ? *change.before : *change.after;
    std::string title = place.title.empty() ? "an item without text" : "\"" + place.title + "\"";
    std::string where = change.before ? "" : " (line " + std::to_string(place.line) + " of the result)";
    throw Error(before.path, change.before ? place.line : 0, 0,
                prefix + what + ": " + title + where + "; file left unchanged");
  }
  if (diff.entries.size() != expected_count(expected))
    throw Error(before.path, 0, 0,
                prefix + "not make the intended change (" + std::to_string(diff.entries.size()) + " of " +
                    std::to_string(expected_count(expected)) + " changes found); file left unchanged");
}

}  // namespace curate
