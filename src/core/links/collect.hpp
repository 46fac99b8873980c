#pragma once
// The links of a list as the checker sees them: each unique URL (fragment
// removed) once as a target, and every place it is written as an
// occurrence, in entries and, when the document's links are given, in
// prose too. Internal to the links stage.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/links/github.hpp"
#include "curate/links/options.hpp"
#include "curate/links/verdict.hpp"
#include "curate/lint/lint.hpp"

namespace curate {

enum class TargetKind { network, syntax, excluded };

// One unique URL (fragment removed) and what became of it.
struct Target {
  std::string url;
  TargetKind kind = TargetKind::network;
  std::vector<std::string> fragments;  // to look for in its page (--check-fragments), percent-decoded
  std::optional<RepoLink> repo;        // the GitHub repository it is in
  std::optional<LinkResult> result;
  bool answered_by_repo = false;  // a repository's page the repository check settled: not requested
};

// One place a URL is written.
struct Occurrence {
  std::string written;
  size_t target = 0;
  SourceSpan span;        // the URL itself when found in the text; else the entry's marker or the link
  bool in_entry = false;  // in an entry's first paragraph; else in prose
  int fix_line = 0;       // the entry's marker line, or the prose link's first line
  int fix_last_line = 0;  // prose: the link's last line
  std::string fragment;   // percent-decoded, when it is checked
};

struct Collected {
  std::vector<Target> targets;
  std::vector<Occurrence> occurrences;  // entries first, then prose, each in document order
};

// The links of every entry of `catalog`, and of `document_links` (every
// link of the file) those not in an entry. `text` is the list's text: with
// it, spans point at the URL as written.
Collected collect_links(const Catalog& catalog, std::string_view text, const std::vector<DocumentLink>* document_links,
                        const LinkOptions& options);

// Byte offset of the start of every line of `text`.
std::vector<size_t> line_starts(std::string_view text);

}  // namespace curate
