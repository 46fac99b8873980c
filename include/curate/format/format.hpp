#pragma once
// Canonical re-rendering of a list (`curate fmt`, docs/fmt.md) and the safety
// net every command that rewrites a list runs before it writes.
//
// The formatter is our own emitter: it walks cmark-gfm's block tree and
// re-emits the source text of each block, changing layout only (markers,
// indentation, blank lines, trailing whitespace, spacing inside entries).

#include <optional>
#include <string>
#include <string_view>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/markdown/markdown.hpp"

namespace curate {

// Whether fmt may write a two-space hard break after `text` as a backslash.
// Not after "\" (it would escape the new one) nor after "*", "_" or "~",
// whose emphasis or strikethrough reading depends on the character after
// them, nor after a word that holds an address or e-mail (`https://x.org`,
// `www.x.org`, `a@b.org`; a link's `(https://…)` too), which GFM's
// autolinks would extend by the backslash: there the two spaces stay.
bool backslash_break_after(std::string_view text);

// The canonical form of `text` (LF line endings, no BOM: the shape of
// SourceFile::text). Deterministic, never wraps, never throws for Markdown
// content; an already canonical text comes back byte-identical. Entry fields
// are compared with `kinds` when deciding whether spacing inside an entry may
// be normalised.
// Layout follows the file's own conventions (format/layout.hpp), `settings`
// (.curate.json "fmt") winning where given.
std::string format_markdown(std::string_view text, const KindTable& kinds = KindTable{},
                            const FmtSettings& settings = FmtSettings{});

// format_markdown() of a text already parsed into `document` (a caller that
// has the tree saves a parse).
std::string format_document(const MarkdownDocument& document, std::string_view text,
                            const KindTable& kinds = KindTable{}, const FmtSettings& settings = FmtSettings{});

// Which proofs check_format_safety() runs. Edit commands change content on
// purpose, so they ask for less than `fmt` does (see first_entry_difference).
enum SafetyCheck : unsigned {
  k_check_entries = 1u,     // (a) same entries, fields and URLs, same sections
  k_check_html = 2u,        // (b) same cmark-gfm HTML after collapsing whitespace
  k_check_idempotent = 4u,  // (c) format_markdown(after) == after
  k_check_all = 7u,
};

// The outcome of the safety net: ok, or the first difference found, in words
// fit for "curate: error: …" (it names the entry or line concerned).
struct [[nodiscard]] SafetyResult {
  std::optional<std::string> difference;
  bool ok() const { return !difference; }
};

// Proves that `after` says exactly what `before` says (both LF-only text):
// runs the checks selected in `checks`, in the order entries, HTML,
// idempotence, and reports the first failure.
SafetyResult check_format_safety(std::string_view before, std::string_view after, unsigned checks = k_check_all,
                                 const Config& config = Config{});

// The first difference between the entries of two catalogs, comparing in
// document order the section paths (all sections, then each entry's), titles,
// URLs, links, tags, authors, kinds, media, dates, descriptions, notes and
// parent titles; nullopt when they agree. Positions and raw text are ignored,
// so a reformatted or moved-by-layout entry compares equal.
std::optional<std::string> first_entry_difference(const Catalog& before, const Catalog& after);

// The first difference between cmark-gfm's HTML for two texts after runs of
// whitespace are collapsed to one space; nullopt when equal.
std::optional<std::string> first_html_difference(std::string_view before, std::string_view after);

}  // namespace curate
