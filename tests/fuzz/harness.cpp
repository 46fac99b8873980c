#include <nlohmann/json.hpp>

#include "harness.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/format/format.hpp"
#include "curate/io/source.hpp"
#include "curate/lint/fix.hpp"
#include "curate/lint/lint.hpp"
#include "curate/lint/output.hpp"
#include "curate/markdown/markdown.hpp"
#include "curate/query/entry_formats.hpp"
#include "curate/query/entry_json.hpp"
#include "curate/query/query.hpp"
#include "curate/text/error.hpp"

namespace curate::fuzz {
namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

void check(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

// Every position the tree reports must lie inside the text.
void check_item(const Item& item, int line_count) {
  check(item.pos.line >= 1 && item.pos.line <= line_count, "item line out of range");
  check(item.pos.column >= 1, "item column out of range");
  check(item.span.end.line >= item.span.begin.line, "item span reversed");
  check(!item.is_group || !item.url, "a group with a url");
  check(item.id.size() == 8, "id is not 8 hex digits");
  for (const Item& child : item.children) check_item(child, line_count);
}

void check_section(const Section& section, int line_count) {
  for (const Item& item : section.items) check_item(item, line_count);
  for (const Section& child : section.sections) {
    check(child.level > section.level, "child section not deeper than its parent");
    check_section(child, line_count);
  }
}

// The streamed JSON must equal what nlohmann's tree would have printed.
void check_json(const std::vector<EntryRef>& entries) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  std::string lines;
  for (const auto& entry : entries) {
    array.push_back(entry_to_json(entry));
    lines += array.back().dump() + "\n";
  }
  check(entries_to_json(entries) == array.dump(2) + "\n", "streamed JSON differs from nlohmann's");
  check(entries_to_jsonl(entries) == lines, "streamed JSONL differs from nlohmann's");
}

void run_catalog(const SourceFile& source) {
  Catalog catalog = parse_catalog(source, Config{});
  LineIndex lines(source.text);
  check_section(catalog.root, lines.line_count() + 1);
  std::vector<EntryRef> entries = collect_entries(catalog);
  check(static_cast<int>(entries.size()) == count_entries(catalog.root), "collect_entries and count_entries disagree");
  check_json(entries);
  entries_to_csv(entries);
  entries_to_tsv(entries);
  entries_to_markdown(entries);
  collect_sections(catalog);
  for (SortKey key : {SortKey::title, SortKey::date, SortKey::section}) {
    std::vector<EntryRef> sorted = entries;
    sort_entries(sorted, key);
  }
  if (!entries.empty()) resolve_selector(catalog, entries.front().item->title);
}

// Parsing a chunk at a time, split at every heading where that is allowed,
// reads the list as parsing it whole does (parse.hpp build_catalog_chunked).
void run_chunked(const SourceFile& source) {
  std::optional<Catalog> chunked = build_catalog_chunked(source.text, source.path, Config{}, {}, 0);
  if (!chunked) return;  // an unsafe split, found: the whole text is read instead
  Catalog whole = build_catalog(MarkdownDocument(source.text), source.text, source.path, Config{});
  check(entries_to_jsonl(collect_entries(*chunked)) == entries_to_jsonl(collect_entries(whole)),
        "the entries of the chunked parse differ");
  auto headings = [](const Catalog& catalog) {
    std::string out;
    for (const SectionRef& ref : collect_sections(catalog))
      out += ref.section->slug + " " + std::to_string(ref.section->span.begin.line) + "-" +
             std::to_string(ref.section->span.end.line) + "\n";
    return out;
  };
  check(headings(*chunked) == headings(whole), "the sections of the chunked parse differ");
}

// Every offline rule, every output format, and --fix (whose own safety net
// may refuse with curate::Error: refusing is its documented answer).
void run_lint(const SourceFile& source, int line_count) {
  LintOptions options;
  options.today = "2026-01-01";
  options.path_exists = [](const std::string&) { return false; };
  RuleRegistry registry = builtin_rules();
  LintSettings settings(registry);
  Linter linter(registry, settings, options);
  FileFindings findings = linter.lint(source, Config{});
  std::vector<Diagnostic> diagnostics = linter.finish(findings);
  for (const Diagnostic& d : diagnostics) {
    check(d.begin.line >= 0 && d.begin.line <= line_count + 1, "diagnostic line out of range: " + d.rule);
    check(!d.rule.empty() && !d.message.empty(), "diagnostic without rule or message");
  }
  LintOutputOptions output;
  output.sources[source.path] = source.text;
  for (LintFormat format : {LintFormat::text, LintFormat::json, LintFormat::github, LintFormat::sarif})
    format_lint(format, diagnostics, linter.registry(), output);
  options.chunk_bytes = 0;  // split at every heading allowed: the same findings
  Linter chunked(registry, settings, options);
  std::string by_chunks =
      format_lint(LintFormat::json, chunked.finish(chunked.lint(source, Config{})), linter.registry(), output);
  std::string whole = format_lint(LintFormat::json, diagnostics, linter.registry(), output);
  if (by_chunks != whole) std::fprintf(stderr, "whole:\n%s\nby chunks:\n%s\n", whole.c_str(), by_chunks.c_str());
  check(by_chunks == whole, "the findings of the chunked parse differ");
  try {
    FixResult fixed = fix_file(linter, source, Config{});
    if (fixed.changed())
      check(linter.lint(source_from_bytes("fixed.md", fixed.text), Config{}).catalog.path == "fixed.md",
            "re-linting the fixed text failed");
  } catch (const Error&) {
  }
}

// fmt's promises (DESIGN.md "Invariants"): same entries and URLs, same HTML
// after collapsing whitespace, and fmt(fmt(x)) == fmt(x).
void run_fmt(const SourceFile& source) {
  std::string formatted = format_markdown(source.text);
  SafetyResult safety = check_format_safety(source.text, formatted, k_check_all);
  if (!safety.ok()) fail("fmt broke an invariant: " + *safety.difference);
}

}  // namespace

void run_one(const std::uint8_t* data, std::size_t size) {
  SourceFile source;
  try {
    source = source_from_bytes("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  } catch (const Error&) {
    return;  // rejected input (invalid UTF-8, NUL): the error is the answer
  }
  try {
    run_catalog(source);
    run_chunked(source);
    LineIndex lines(source.text);
    run_lint(source, lines.line_count());
    run_fmt(source);
  } catch (const Error& e) {
    // The one error parse_catalog documents: nesting past k_max_item_depth.
    if (e.describe().find("nested more than") == std::string::npos)
      fail("parsing a valid text threw curate::Error: " + e.describe());
  }
}

}  // namespace curate::fuzz
