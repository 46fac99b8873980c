// Structure rules: headings, sections and the table of contents.
#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

std::string squote(const std::string& text) { return "'" + text + "'"; }

// Headings that open sections: not inside a list item or block quote.
std::vector<const HeadingInfo*> section_headings(const LintContext& context) {
  std::vector<const HeadingInfo*> out;
  for (const HeadingInfo& heading : context.headings())
    if (!heading.in_container) out.push_back(&heading);
  return out;
}

void check_heading_increment(const LintContext& context, RuleReporter& out) {
  int previous = 0;
  for (const HeadingInfo* heading : section_headings(context)) {
    if (previous && heading->level > previous + 1)
      out.report(heading->span.begin, heading->span.end,
                 "heading level " + std::to_string(heading->level) + " follows level " + std::to_string(previous) +
                     "; use level " + std::to_string(previous + 1));
    previous = heading->level;
  }
}

void check_single_title(const LintContext& context, RuleReporter& out) {
  const HeadingInfo* first = nullptr;
  for (const HeadingInfo* heading : section_headings(context)) {
    if (heading->level != 1) continue;
    if (!first) {
      first = heading;
      continue;
    }
    out.report(heading->span.begin, heading->span.end,
               "second level-1 heading " + squote(heading->text) + "; the title is " + squote(first->text) + " (line " +
                   std::to_string(first->span.begin.line) + ")");
  }
}

void check_duplicate_siblings(const Section& section, RuleReporter& out) {
  std::map<std::string, const Section*> seen;
  for (const Section& child : section.sections) {
    auto [it, inserted] = seen.try_emplace(to_lower(child.heading), &child);
    if (!inserted)
      out.report(child.span.begin, "heading " + squote(child.heading) + " repeats its sibling at line " +
                                       std::to_string(it->second->span.begin.line));
    check_duplicate_siblings(child, out);
  }
}

void check_duplicate_heading(const LintContext& context, RuleReporter& out) {
  check_duplicate_siblings(context.catalog().root, out);
}

// A heading followed directly by a heading of the same or a higher level
// (or the end of the file), with nothing in between.
void check_empty_section(const LintContext& context, RuleReporter& out) {
  std::vector<const HeadingInfo*> headings = section_headings(context);
  for (size_t i = 0; i < headings.size(); ++i) {
    const HeadingInfo& heading = *headings[i];
    if (heading.level == 1 && heading.span.begin.line == context.catalog().title_line) continue;
    const HeadingInfo* next = i + 1 < headings.size() ? headings[i + 1] : nullptr;
    if (next && next->level > heading.level) continue;
    int from = heading.span.end.line, to = next ? next->span.begin.line : context.line_count() + 1;
    bool has_content = false;
    for (int line = from + 1; line < to && !has_content; ++line) has_content = !trim(context.line(line)).empty();
    if (!has_content) out.report(heading.span.begin, heading.span.end, "section " + squote(heading.text) + " is empty");
  }
}

// --- toc-mismatch ----------------------------------------------------------

// The heading index a TOC anchor points to, or -1.
int resolve_anchor(const std::vector<const HeadingInfo*>& headings, std::string_view anchor) {
  std::string wanted = to_lower(percent_decode(anchor));
  for (size_t i = 0; i < headings.size(); ++i)
    if (to_lower(headings[i]->slug) == wanted) return static_cast<int>(i);
  return -1;
}

// The index of the heading whose section contains `line`, or -1.
int enclosing_heading(const std::vector<const HeadingInfo*>& headings, int line) {
  int found = -1;
  for (size_t i = 0; i < headings.size() && headings[i]->span.begin.line <= line; ++i) found = static_cast<int>(i);
  return found;
}

// The heading that owns heading `index` (the nearest one before it with a lower level), or -1.
int parent_heading(const std::vector<const HeadingInfo*>& headings, int index) {
  for (int i = index - 1; i >= 0; --i)
    if (headings[static_cast<size_t>(i)]->level < headings[static_cast<size_t>(index)]->level) return i;
  return -1;
}

// Each TOC link in document order: reported when it lists a section twice or
// comes before the section of the link above it.
void check_toc_order(const std::vector<TocLink>& toc, const std::vector<int>& targets,
                     const std::vector<const HeadingInfo*>& headings, RuleReporter& out) {
  int previous = -1;
  std::vector<bool> seen(headings.size(), false);
  for (size_t i = 0; i < toc.size(); ++i) {
    if (targets[i] < 0) continue;
    const HeadingInfo& target = *headings[static_cast<size_t>(targets[i])];
    if (seen[static_cast<size_t>(targets[i])]) {
      out.report(toc[i].pos, "table of contents lists " + squote(target.text) + " twice");
      continue;
    }
    seen[static_cast<size_t>(targets[i])] = true;
    if (targets[i] < previous)
      out.report(toc[i].pos, "table of contents lists " + squote(toc[i].text) + " after " +
                                 squote(headings[static_cast<size_t>(previous)]->text) +
                                 ", but the headings come in the other order");
    previous = std::max(previous, targets[i]);
  }
}

// The table of contents must list, in order, every heading of the part of
// the document it covers: the sections at the levels it links to, under the
// same parents, except the section that holds the TOC itself. Anchors that
// match no heading are local-anchor findings, not reported here.
void check_toc(const LintContext& context, RuleReporter& out) {
  const auto& toc = context.catalog().toc;
  if (toc.empty()) return;
  std::vector<const HeadingInfo*> headings = section_headings(context);
  std::vector<int> targets;
  std::set<int> levels, parents;
  std::vector<bool> listed(headings.size(), false);
  for (const TocLink& link : toc) {
    int target = resolve_anchor(headings, link.anchor);
    targets.push_back(target);
    if (target < 0) continue;
    listed[static_cast<size_t>(target)] = true;
    levels.insert(headings[static_cast<size_t>(target)]->level);
    parents.insert(parent_heading(headings, target));
  }
  check_toc_order(toc, targets, headings, out);
  int toc_section = enclosing_heading(headings, toc.front().pos.line);
  for (size_t i = 0; i < headings.size(); ++i) {
    int index = static_cast<int>(i);
    if (listed[i] || index == toc_section) continue;
    bool in_scope = levels.count(headings[i]->level) && parents.count(parent_heading(headings, index));
    if (in_scope)
      out.report(headings[i]->span.begin, headings[i]->span.end,
                 "section " + squote(headings[i]->text) + " is missing from the table of contents (line " +
                     std::to_string(toc.front().pos.line) + ")");
  }
}

}  // namespace

void add_structure_rules(RuleRegistry& registry) {
  registry.add({"heading-increment", "Heading levels go up one at a time", Severity::error, false,
                "A heading may be at most one level deeper than the heading before it (## then ###, not ## then "
                "####), so the section tree and the table of contents have no gaps."},
               check_heading_increment);
  registry.add({"single-title", "At most one level-1 heading", Severity::error, false,
                "The first level-1 heading is the list's title; a second one splits the document and is usually a "
                "heading written at the wrong level."},
               check_single_title);
  registry.add({"duplicate-heading", "No two sibling sections share a heading", Severity::error, false,
                "Two sections with the same heading under the same parent are one section written twice; their "
                "entries belong together. Equal headings under different parents are fine."},
               check_duplicate_heading);
  registry.add({"empty-section", "Sections have content", Severity::warning, false,
                "A heading followed directly by a heading of the same or a higher level (or by the end of the file) "
                "is an empty section: a placeholder still to be filled, or one to remove."},
               check_empty_section);
  registry.add({"toc-mismatch", "The table of contents matches the headings", Severity::error, false,
                "When the list has a table of contents (a list whose items all link to #anchors), it must list, in "
                "document order, every section at the levels it covers under the same parents, except the section "
                "that holds it. Anchors that match no heading are reported by local-anchor."},
               check_toc);
}

}  // namespace curate
