#include "curate/query/entry_formats.hpp"

#include <algorithm>
#include <future>

#include "curate/query/entry_json.hpp"
#include "curate/text/json_writer.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

const std::vector<std::string> k_columns = {"id",   "title",   "url",     "tags",        "authors", "kinds",
                                            "date", "section", "parents", "description", "note",    "line"};

// With `with_file`, the file goes before the line: together they say where the entry is.
std::vector<std::string> columns(bool with_file) {
  std::vector<std::string> out = k_columns;
  if (with_file) out.insert(out.end() - 1, "file");
  return out;
}

std::vector<std::string> row_of(const EntryRef& entry, bool with_file) {
  const Item& item = *entry.item;
  std::vector<std::string> row = {item.id,
                                  item.title,
                                  item.url.value_or(""),
                                  join(item.tags, "; "),
                                  join(item.authors, "; "),
                                  join(item.kinds, "; "),
                                  item.date.value_or(""),
                                  join(entry.section, " / "),
                                  join(entry.parents, " / "),
                                  item.description.value_or(""),
                                  item.note.value_or(""),
                                  std::to_string(item.pos.line)};
  if (with_file) row.insert(row.end() - 1, entry.file());
  return row;
}

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string tsv_field(std::string value) {
  for (char& c : value)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return value;
}

// The names of the entries' `fields` (table columns, template
// placeholders), in the order they first appear: a column each after the
// fixed ones, so OSSU's Duration and Effort or public-apis' Auth, HTTPS
// and CORS reach a spreadsheet too.
std::vector<std::string> field_names(const std::vector<EntryRef>& entries) {
  std::vector<std::string> names;
  for (const auto& entry : entries)
    for (const auto& [name, value] : entry.item->fields)
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

template <typename Escape>
std::string delimited(const std::vector<EntryRef>& entries, bool with_file, char separator, const char* newline,
                      Escape escape) {
  std::string out;
  auto write_row = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += separator;
      out += escape(row[i]);
    }
    out += newline;
  };
  std::vector<std::string> fields = field_names(entries);
  std::vector<std::string> header = columns(with_file);
  for (const std::string& name : fields)  // "Line" of a table is not the entry's line
    header.push_back(std::find(header.begin(), header.end(), name) == header.end() ? name : "field: " + name);
  write_row(header);
  for (const auto& entry : entries) {
    std::vector<std::string> row = row_of(entry, with_file);
    for (const std::string& name : fields) {
      const auto& own = entry.item->fields;
      auto found = std::find_if(own.begin(), own.end(), [&](const auto& field) { return field.first == name; });
      row.push_back(found == own.end() ? std::string() : found->second);
    }
    write_row(row);
  }
  return out;
}

constexpr size_t k_flush_size = 1 << 20;
constexpr size_t k_json_block = 2048;  // entries a thread writes at a time (about 1.5 MB)

void maybe_flush(JsonWriter& writer, std::string& out, const FlushText& flush) {
  if (!flush) return;
  writer.flush();
  if (out.size() >= k_flush_size) flush(out);
}

// Entries [begin, end) of the array, as the writer of the whole array
// writes them after the first `begin`.
void write_json_block(const std::vector<EntryRef>& entries, size_t begin, size_t end, std::string& out) {
  JsonWriter writer(out, 2);
  writer.resume_array(begin);
  for (size_t i = begin; i < end; ++i) write_entry_json(writer, entries[i]);
}

// A long array, a round of `jobs` blocks at a time: the other threads write
// theirs while this one writes the first; then the round is handed on in
// order. A round's text is a few MB, whatever the list's size.
std::string json_in_blocks(const std::vector<EntryRef>& entries, const FlushText& flush, unsigned jobs) {
  std::string out = "[";
  std::vector<std::string> blocks(jobs);
  for (size_t round = 0; round < entries.size(); round += k_json_block * jobs) {
    std::vector<std::future<void>> others;
    for (size_t job = 1; job < jobs; ++job) {
      size_t begin = std::min(entries.size(), round + job * k_json_block);
      size_t end = std::min(entries.size(), begin + k_json_block);
      others.push_back(
          std::async(std::launch::async, write_json_block, std::cref(entries), begin, end, std::ref(blocks[job])));
    }
    write_json_block(entries, round, std::min(entries.size(), round + k_json_block), blocks[0]);
    for (std::future<void>& other : others) other.get();
    for (std::string& block : blocks) {
      out += block;
      block.clear();
    }
    if (flush && out.size() >= k_flush_size) flush(out);
  }
  out += entries.empty() ? "]\n" : "\n]\n";
  return out;
}

}  // namespace

// Streamed rather than built as one nlohmann tree: that tree costs several
// times the output's size in memory and most of the time on big lists.
std::string entries_to_json(const std::vector<EntryRef>& entries, const FlushText& flush, unsigned jobs) {
  if (jobs > 1 && entries.size() >= 2 * k_json_block) return json_in_blocks(entries, flush, jobs);
  std::string out;
  out.reserve(flush ? k_flush_size + 4096 : entries.size() * 600);
  JsonWriter writer(out, 2);
  writer.begin_array();
  for (const auto& entry : entries) {
    write_entry_json(writer, entry);
    maybe_flush(writer, out, flush);
  }
  writer.end_array();
  writer.flush();
  out += '\n';
  return out;
}

std::string entries_to_jsonl(const std::vector<EntryRef>& entries, const FlushText& flush) {
  std::string out;
  out.reserve(flush ? k_flush_size + 4096 : entries.size() * 400);
  JsonWriter writer(out);  // each entry is a top-level value: no commas between them
  for (const auto& entry : entries) {
    write_entry_json(writer, entry);
    writer.flush();
    out += '\n';
    maybe_flush(writer, out, flush);
  }
  return out;
}

std::string entries_to_csv(const std::vector<EntryRef>& entries, bool with_file) {
  return delimited(entries, with_file, ',', "\r\n", csv_field);
}

std::string entries_to_tsv(const std::vector<EntryRef>& entries, bool with_file) {
  return delimited(entries, with_file, '\t', "\n", tsv_field);
}

std::string entries_to_markdown(const std::vector<EntryRef>& entries, bool with_file) {
  std::string out;
  std::string current;
  for (const auto& entry : entries) {
    std::string heading = entry.section.empty() ? "(top level)" : join(entry.section, " / ");
    if (with_file) heading = entry.file() + ": " + heading;
    if (heading != current || out.empty()) {
      out += (out.empty() ? "## " : "\n## ") + heading + "\n\n";
      current = heading;
    }
    std::string raw = entry.item->raw;
    for (size_t at = 0; (at = raw.find('\n', at)) != std::string::npos; at += 3) raw.replace(at, 1, "\n  ");
    out += "- " + raw + "\n";
  }
  return out;
}

}  // namespace curate
