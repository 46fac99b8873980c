// Structure rules: headings, sections and the table of contents.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "context.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

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

// A file with three level-1 headings or more after its title writes its
// top-level sections so on purpose (awesome-math's "# General Resources",
// "# Lecture Notes", …; awesome-ctf's "# Create", "# Solve", "# Resources"):
// that is its structure, not a heading at the wrong level.
// A file whose first level-1 heading comes after a heading of another level
// has no title heading (Awesome-Diffusion-Models opens with badges, a
// sentence and "## Contents" over "# Resources" and "# Papers"): its
// level-1 headings are its parts.
void check_single_title(const LintContext& context, RuleReporter& out) {
  const HeadingInfo* first = nullptr;
  std::vector<const HeadingInfo*> others;
  if (context.catalog().title_line == 0) return;  // no title heading (parse.cpp: the first heading, an H1)
  for (const HeadingInfo* heading : section_headings(context)) {
    if (heading->level != 1) continue;
    // doctoc's "# Table of Contents" above the title (parse.hpp is_contents_heading).
    if (!first && heading->span.begin.line < context.catalog().title_line && is_contents_heading(heading->text))
      continue;
    if (!first)
      first = heading;
    else
      others.push_back(heading);
  }
  // (Headings inside list items, awesome-computer-vision's "- # [SUN
  // RGB-D](…)", are no sections of the file's.)
  auto top_level = [](const HeadingInfo* heading) { return heading->span.begin.column == 1; };
  bool structure = std::count_if(others.begin(), others.end(), top_level) >= 3;
  for (const HeadingInfo* heading : others)
    if (!structure || !top_level(heading))
      out.report(heading->span.begin, heading->span.end,
                 "second level-1 heading " + single_quoted(heading->text) + "; the title is " +
                     single_quoted(first->text) + " (line " + std::to_string(first->span.begin.line) + ")");
}

// Whether a <details> block opens between two lines: each collapsible group
// (awesome-nlp's "NLP in Arabic", "NLP in Chinese", …) is read on its own,
// under its summary, so its "Libraries" is not the previous group's.
bool details_between(const LintContext& context, int from, int to) {
  for (int line = from + 1; line < to; ++line)
    if (context.line_kind(line) == LineKind::html && icontains(context.line(line), "<details")) return true;
  return false;
}

// `navigation`: the lines of headings that only link one of the
// document's own headings (engineering-blogs' contents, "### [Companies]
// (#companies-1)"), which repeat no sibling.
void check_duplicate_siblings(const LintContext& context, const Section& section, const std::set<int>& navigation,
                              RuleReporter& out) {
  std::map<std::string, const Section*> seen;
  for (const Section& child : section.sections) {
    if (child.label) continue;  // a label is no heading: "> Source" may stand in every section
    if (navigation.count(child.span.begin.line)) continue;
    auto [it, inserted] = seen.try_emplace(to_lower(child.heading), &child);
    if (!inserted && details_between(context, it->second->span.begin.line, child.span.begin.line))
      it->second = &child;
    else if (!inserted)
      out.report(child.span.begin, "heading " + single_quoted(child.heading) + " repeats its sibling at line " +
                                       std::to_string(it->second->span.begin.line));
    check_duplicate_siblings(context, child, navigation, out);
  }
}

void check_duplicate_heading(const LintContext& context, RuleReporter& out) {
  std::set<int> navigation;
  for (const HeadingInfo& heading : context.headings())
    if (heading.navigation) navigation.insert(heading.span.begin.line);
  check_duplicate_siblings(context, context.catalog().root, navigation, out);
}

// A heading followed directly by a heading of the same or a higher level
// (or the end of the file), with nothing in between.
void check_empty_section(const LintContext& context, RuleReporter& out) {
  std::vector<const HeadingInfo*> headings = section_headings(context);
  for (size_t i = 0; i < headings.size(); ++i) {
    const HeadingInfo& heading = *headings[i];
    if (heading.level == 1 && heading.span.begin.line == context.catalog().title_line) continue;
    if (heading.is_entry) continue;  // "### [Golang tutorial resources](…)" is no section to fill
    const HeadingInfo* next = i + 1 < headings.size() ? headings[i + 1] : nullptr;
    // "#### Scene Understanding" over "# [SUN RGB-D](…) - …": the entry is its content.
    if (next && (next->level > heading.level || next->is_entry)) continue;
    int from = context.heading_last_line(heading), to = next ? next->span.begin.line : context.line_count() + 1;
    bool has_content = false;
    for (int line = from + 1; line < to && !has_content; ++line) has_content = !trim(context.line(line)).empty();
    if (!has_content)
      out.report(heading.span.begin, heading.span.end, "section " + single_quoted(heading.text) + " is empty");
  }
}

// --- toc-mismatch ----------------------------------------------------------

// Every anchor a TOC link may name, to the heading index it reaches: the
// GitHub slug (case-insensitive) and the <a id>/<a name> written inside the
// heading ("### <a id="csharp"></a>C#" is reached by #csharp).
std::map<std::string, int, std::less<>> heading_anchors(const std::vector<const HeadingInfo*>& headings) {
  std::map<std::string, int, std::less<>> out;
  for (size_t i = 0; i < headings.size(); ++i) {
    out.emplace(to_lower(headings[i]->slug), static_cast<int>(i));
    for (const std::string& id : headings[i]->html_ids) out.emplace(id, static_cast<int>(i));
  }
  return out;
}

// The heading index a TOC anchor points to, or -1.
int resolve_anchor(const std::map<std::string, int, std::less<>>& anchors, std::string_view anchor) {
  std::string wanted = percent_decode(anchor);
  if (starts_with(wanted, "user-content-")) wanted.erase(0, 13);
  auto it = anchors.find(wanted);
  if (it == anchors.end()) it = anchors.find(to_lower(wanted));
  return it == anchors.end() ? -1 : it->second;
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

// Which of `order` (heading indexes, -1 for none) belong to a longest
// increasing run through it: the links that are in place. The others are
// the ones that moved, so one misplaced link gives one finding, not one for
// every link after it.
std::vector<bool> in_place(const std::vector<int>& order) {
  std::vector<size_t> tails;                   // tails[k]: index of the smallest end of an increasing run of length k+1
  std::vector<long> before(order.size(), -1);  // the previous element of the run ending here
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] < 0) continue;
    auto at =
        std::lower_bound(tails.begin(), tails.end(), order[i], [&](size_t t, int value) { return order[t] < value; });
    if (at != tails.begin()) before[i] = static_cast<long>(*(at - 1));
    if (at == tails.end())
      tails.push_back(i);
    else
      *at = i;
  }
  std::vector<bool> kept(order.size(), false);
  for (long i = tails.empty() ? -1 : static_cast<long>(tails.back()); i >= 0; i = before[static_cast<size_t>(i)])
    kept[static_cast<size_t>(i)] = true;
  return kept;
}

// Each TOC link in document order: reported when it lists a section twice or
// is out of place among the others.
void check_toc_order(const std::vector<TocLink>& toc, std::vector<int> targets,
                     const std::vector<const HeadingInfo*>& headings, RuleReporter& out) {
  std::vector<bool> seen(headings.size(), false);
  for (size_t i = 0; i < toc.size(); ++i) {
    if (targets[i] < 0) continue;
    const HeadingInfo& target = *headings[static_cast<size_t>(targets[i])];
    if (seen[static_cast<size_t>(targets[i])]) {
      out.report(toc[i].pos, "table of contents lists " + single_quoted(target.text) + " twice");
      targets[i] = -1;
      continue;
    }
    seen[static_cast<size_t>(targets[i])] = true;
  }
  std::vector<bool> kept = in_place(targets);
  // Most links out of document order: the table of contents keeps an order
  // of its own (alphabetical, over sections grouped by topic), not a mistake.
  size_t resolved = static_cast<size_t>(std::count_if(targets.begin(), targets.end(), [](int t) { return t >= 0; }));
  size_t moved = resolved - static_cast<size_t>(std::count(kept.begin(), kept.end(), true));
  if (moved * 2 > resolved) return;
  // An alphabetical TOC (nine in ten neighbours in order) over headings that
  // are not keeps its own order too, however few sections it moves
  // (awesome-courses lists Systems before its last link, Statistics).
  std::vector<std::string> linked, sections;
  for (size_t i = 0; i < toc.size(); ++i)
    if (targets[i] >= 0) linked.push_back(to_lower(toc[i].text));
  std::vector<int> in_document;
  for (int target : targets)
    if (target >= 0) in_document.push_back(target);
  std::sort(in_document.begin(), in_document.end());
  for (int target : in_document) sections.push_back(to_lower(headings[static_cast<size_t>(target)]->text));
  auto mostly_sorted = [](const std::vector<std::string>& texts) {
    size_t sorted = 0;
    for (size_t i = 1; i < texts.size(); ++i) sorted += texts[i - 1] <= texts[i];
    return texts.size() >= 4 && sorted * 10 >= (texts.size() - 1) * 9;
  };
  if (mostly_sorted(linked) && !mostly_sorted(sections)) return;
  for (size_t i = 0; i < toc.size(); ++i) {
    if (targets[i] < 0 || kept[i]) continue;
    // Name the neighbour in place that it should follow or precede.
    size_t next = i + 1;
    while (next < toc.size() && !kept[next]) ++next;
    if (next < toc.size() && targets[next] < targets[i]) {
      out.report(toc[i].pos, "table of contents lists " + single_quoted(toc[i].text) + " before " +
                                 single_quoted(toc[next].text) + ", but the headings come in the other order");
      continue;
    }
    size_t previous = i;
    while (previous > 0 && !kept[previous - 1]) --previous;
    std::string after = previous > 0 ? " after " + single_quoted(toc[previous - 1].text) : "";
    out.report(toc[i].pos, "table of contents lists " + single_quoted(toc[i].text) + after +
                               ", but the headings come in the other order");
  }
}

// A section that closes a list rather than continuing it.
bool is_end_matter(std::string_view heading) {
  static constexpr std::array<std::string_view, 14> k_end = {
      "footnotes",  "notes",   "references", "license",       "licence",          "contributing",    "contributors",
      "contribute", "credits", "see also",   "related lists", "acknowledgements", "acknowledgments", "thanks"};
  std::string lower = to_lower(trim(heading));
  return std::find(k_end.begin(), k_end.end(), lower) != k_end.end();
}

// The table of contents must list, in order, every heading of the part of
// the document it covers: the sections at the levels it links to, under the
// same parents, from the first section it lists to the last (a "License"
// after the last one is not its business), except the section that holds the
// TOC itself. Not reported as missing: a heading whose anchor a TOC link
// misses (local-anchor reports the link), a heading repeated under one
// parent ("Libraries", "Models" under each language: duplicate-heading's),
// and the sections of a parent most of whose sections the TOC leaves out
// (it lists a selection on purpose).
void check_toc(const LintContext& context, RuleReporter& out) {
  const auto& toc = context.catalog().toc;
  if (toc.empty()) return;
  std::vector<const HeadingInfo*> headings = section_headings(context);
  auto anchors = heading_anchors(headings);
  std::vector<int> targets;
  std::set<int> levels, parents;
  std::set<std::string> unresolved;  // lower-cased texts of links that reach no heading
  std::vector<std::string> unresolved_anchors;
  std::vector<bool> listed(headings.size(), false);
  int first = static_cast<int>(headings.size()), last = -1;
  for (const TocLink& link : toc) {
    int target = resolve_anchor(anchors, link.anchor);
    // A link to the document's title ("[Awesome Sysadmin](#awesome-sysadmin)"
    // opening awesome-sysadmin's TOC) goes to the top: no section it lists.
    if (target >= 0 && headings[static_cast<size_t>(target)]->level == 1 &&
        headings[static_cast<size_t>(target)]->span.begin.line == context.catalog().title_line) {
      targets.push_back(-1);
      continue;
    }
    targets.push_back(target);
    if (target < 0) {
      unresolved.insert(to_lower(link.text));
      unresolved_anchors.push_back(to_lower(link.anchor));
      continue;
    }
    listed[static_cast<size_t>(target)] = true;
    levels.insert(headings[static_cast<size_t>(target)]->level);
    parents.insert(parent_heading(headings, target));
    first = std::min(first, target);
    last = std::max(last, target);
  }
  check_toc_order(toc, targets, headings, out);
  int toc_section = enclosing_heading(headings, toc.front().pos.line);
  std::vector<size_t> missing;
  std::map<std::pair<int, std::string>, int> repeats;  // (parent, lower-cased text) → count
  std::map<int, int> listed_under, unlisted_under;     // parent → sections in scope
  // Before the first section listed (but after the table) and after the
  // last, a sibling of the listed ones that holds entries is missing too
  // (free-courses-en's last section, "Webpack"; build-your-own-x's first);
  // one without ("License", "Contributing") is not, nor end matter
  // (awesome-falsehood's "Footnotes"), nor one above the table
  // (Awesome-LLM's "Trending LLM Projects").
  std::set<int> with_entries;
  for (const SectionRef& ref : collect_sections(context.catalog()))
    if (!ref.section->label && count_entries(*ref.section) > 0) with_entries.insert(ref.section->span.begin.line);
  for (int index = 0; index < static_cast<int>(headings.size()); ++index) {
    size_t i = static_cast<size_t>(index);
    int parent = parent_heading(headings, index);
    // (The table's own "## Table of Contents", over its "### The Study Plan"
    // and "### Topics of Study" parts in coding-interview-university.)
    // Nor a section of credits anywhere (awesome-github-profile-readme's
    // ToC leaves out "Special Thanks 🙇", not the "License" after it).
    if (index == toc_section || !levels.count(headings[i]->level) || !parents.count(parent) ||
        is_contents_heading(headings[i]->text) || is_credits_heading(headings[i]->text))
      continue;
    if ((index <= first || index >= last) &&
        (!with_entries.count(headings[i]->span.begin.line) || headings[i]->span.begin.line < toc.front().pos.line ||
         is_end_matter(headings[i]->text)))
      continue;
    if (listed[i]) {
      ++listed_under[parent];
      continue;
    }
    ++unlisted_under[parent];
    // A heading a broken link means is local-anchor's: the same text, or a
    // slug the anchor ends ("[AI Model](#ai-model)" for "#### Build your own
    // `AI Model`", build-your-own-x).
    const std::string& slug = headings[i]->slug;
    if (unresolved.count(to_lower(headings[i]->text)) ||
        std::any_of(unresolved_anchors.begin(), unresolved_anchors.end(), [&](const std::string& anchor) {
          return !anchor.empty() && ends_with(slug, anchor) &&
                 (slug.size() == anchor.size() || slug[slug.size() - anchor.size() - 1] == '-');
        }))
      continue;
    missing.push_back(i);
    ++repeats[{parent, to_lower(headings[i]->text)}];
  }
  for (size_t i : missing) {
    int parent = parent_heading(headings, static_cast<int>(i));
    if (repeats[{parent, to_lower(headings[i]->text)}] > 1) continue;
    // Most of a parent's sections left out: the table lists a selection on purpose.
    if (unlisted_under[parent] > listed_under[parent]) continue;
    out.report(headings[i]->span.begin, headings[i]->span.end,
               "section " + single_quoted(headings[i]->text) + " is missing from the table of contents (line " +
                   std::to_string(toc.front().pos.line) + ")");
  }
}

// A Markdown heading or a linked list item, as a line of its own.
bool looks_like_markdown_block(std::string_view line) {
  size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos) return false;
  std::string_view text = line.substr(at);
  if (at <= 3 && starts_with(text, "#")) {
    size_t hashes = text.find_first_not_of('#');
    return hashes <= 6 && hashes < text.size() && text[hashes] == ' ';
  }
  return (starts_with(text, "- [") || starts_with(text, "* [") || starts_with(text, "+ [")) &&
         text.find("](") != std::string_view::npos;
}

// "<a name=\"c-general-purpose\" />" right above "#### General-Purpose
// Machine Learning": an HTML block runs to the next blank line, so the
// heading and the items under it are raw HTML, shown as text by GitHub and
// read by no one (awesome-machine-learning lost 70 headings so).
void check_html_swallows_markdown(const LintContext& context, RuleReporter& out) {
  for (int line = 1; line <= context.line_count(); ++line) {
    if (context.line_kind(line) != LineKind::html) continue;
    int first = line;
    std::string_view opening = trim(context.line(first));
    while (line + 1 <= context.line_count() && context.line_kind(line + 1) == LineKind::html) ++line;
    // Comments and raw blocks (<pre>, <script>, <style>, <textarea>) mean their text as written.
    bool raw = false;
    for (std::string_view tag : {"<!--", "<pre", "<script", "<style", "<textarea", "<?", "<!"})
      raw = raw || istarts_with(opening, tag);
    if (raw) continue;
    // Where the HTML ends: the first line after the opening one that is no
    // tag ("<a name="frame" />" over "- Deep Learning Frameworks" over
    // "    - [Torch vs. Theano](…)": the blank line goes after the anchor).
    int html_end = first;
    while (html_end < line && starts_with(trim(context.line(html_end + 1)), "<")) ++html_end;
    for (int inner = first + 1; inner <= line; ++inner) {
      std::string_view text = context.line(inner);
      if (!looks_like_markdown_block(text)) continue;
      out.report({inner, 1}, {inner, static_cast<int>(text.size())},
                 single_quoted(std::string(trim(text))) + " is inside the HTML block opened on line " +
                     std::to_string(first) + " (" + single_quoted(std::string(opening)) +
                     "), which runs to the next blank line: it is shown as raw text and read as no heading or "
                     "entry; leave a blank line after line " +
                     std::to_string(std::min(html_end, inner - 1)));
      break;
    }
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
                "heading written at the wrong level. A file with three or more after its title writes its sections "
                "so on purpose, and is not reported."},
               check_single_title);
  registry.add({"duplicate-heading", "No two sibling sections share a heading", Severity::error, false,
                "Two sections with the same heading under the same parent are one section written twice; their "
                "entries belong together. Equal headings under different parents are fine, and so are equal headings "
                "in different <details> blocks (each collapsible group is read under its own summary)."},
               check_duplicate_heading);
  registry.add({"empty-section", "Sections have content", Severity::warning, false,
                "A heading followed directly by a heading of the same or a higher level (or by the end of the file) "
                "is an empty section: a placeholder still to be filled, or one to remove."},
               check_empty_section);
  registry.add({"toc-mismatch", "The table of contents matches the headings", Severity::error, false,
                "When the list has a table of contents (a list whose items link to #anchors), it must list, in "
                "document order, every section at the levels it covers under the same parents, from the first "
                "section it lists to the last, except the section that holds it. Anchors are GitHub's: heading "
                "slugs and <a id>/<a name> inside headings. A link out of place is reported once (the others "
                "keep their order); a TOC with most links out of document order keeps an order of its own "
                "(alphabetical) and is not compared. A TOC that leaves out most sections of a parent lists a "
                "selection. Anchors that match no heading are local-anchor's, and headings repeated under one "
                "parent are duplicate-heading's."},
               check_toc);
  registry.add(
      {"html-swallows-markdown", "No Markdown heading or entry is lost inside an HTML block", Severity::warning, false,
       "An HTML block (a line that opens with a tag such as <a name=\"x\" /> or <p>) runs to the next "
       "blank line: a heading or a linked list item on the lines right after it is raw HTML, shown as "
       "text and read as no section or entry. A blank line after the tag keeps it Markdown. Comments "
       "and <pre>, <script>, <style> and <textarea> blocks are meant as written and not checked."},
      check_html_swallows_markdown);
}

}  // namespace curate
