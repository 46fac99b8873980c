#pragma once
// Machine-readable renderings of a selection of entries (list and export).

#include <functional>
#include <string>
#include <vector>

#include "curate/catalog/catalog.hpp"

namespace curate {

// Hands on the text written so far and empties it; called between entries
// once the text passes a megabyte, so big outputs stream instead of piling up.
using FlushText = std::function<void(std::string&)>;

// A JSON array of DESIGN.md's entry schema, pretty-printed, newline-terminated.
// With `flush`, what it returns is only the text after the last flush. With
// `jobs` > 1, a long selection is written in blocks on that many threads,
// joined in order: the same bytes.
std::string entries_to_json(const std::vector<EntryRef>& entries, const FlushText& flush = {}, unsigned jobs = 1);

// One compact JSON object per line.
std::string entries_to_jsonl(const std::vector<EntryRef>& entries, const FlushText& flush = {});

// RFC 4180 CSV (CRLF rows, quoted where needed) with a header row; multi-valued
// fields joined with "; ". `with_file` adds a "file" column before "line"
// (entries of several files).
std::string entries_to_csv(const std::vector<EntryRef>& entries, bool with_file = false);

// Tab-separated values with a header row; tabs and newlines in fields become spaces.
std::string entries_to_tsv(const std::vector<EntryRef>& entries, bool with_file = false);

// A Markdown list of the entries as written in the source, under one heading
// per section path ("FILE: Section / Sub" with `with_file`).
std::string entries_to_markdown(const std::vector<EntryRef>& entries, bool with_file = false);

}  // namespace curate
