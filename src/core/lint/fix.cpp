#include "curate/lint/fix.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "curate/catalog/parse.hpp"
#include "curate/format/format.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

void collect_urls(cmark_node* node, std::vector<std::string>& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    cmark_node_type type = cmark_node_get_type(child);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) out.emplace_back(cmark_node_get_url(child));
    collect_urls(child, out);
  }
}

// What the text edits are meant to change, to predict the fixed catalog.
struct Intended {
  std::map<std::string, std::string> urls;                 // old URL -> URL without tracking parameters
  std::map<int, std::map<std::string, std::string>> tags;  // item line -> typo -> tag
};

void apply_intended(std::vector<Item>& items, const Intended& intended) {
  auto map_url = [&](std::string& url) {
    if (auto it = intended.urls.find(url); it != intended.urls.end()) url = it->second;
  };
  for (Item& item : items) {
    if (item.url) map_url(*item.url);
    for (std::string& link : item.links) map_url(link);
    if (auto it = intended.tags.find(item.pos.line); it != intended.tags.end())
      for (std::string& tag : item.tags)
        if (auto fix = it->second.find(tag); fix != it->second.end()) tag = fix->second;
    apply_intended(item.children, intended);
  }
}

void apply_intended(Section& section, const Intended& intended) {
  apply_intended(section.items, intended);
  for (Section& child : section.sections) apply_intended(child, intended);
}

// Proves the text fixes: the entries are the old ones with the intended
// changes, and every link of the document survives (mapped the same way).
void check_text_fixes(const FileFindings& before, const std::string& after, const Intended& intended,
                      const Config& config) {
  Catalog expected = before.catalog;
  apply_intended(expected.root, intended);
  MarkdownDocument old_document(before.source.text), new_document(after);
  Catalog actual = build_catalog(new_document, after, before.source.path, config);
  std::optional<std::string> difference = first_entry_difference(expected, actual);
  if (!difference) {
    std::vector<std::string> old_urls, new_urls;
    collect_urls(old_document.root(), old_urls);
    collect_urls(new_document.root(), new_urls);
    for (std::string& url : old_urls)
      if (auto it = intended.urls.find(url); it != intended.urls.end()) url = it->second;
    if (old_urls != new_urls) difference = "the links of the document changed beyond the tracking parameters";
  }
  if (difference)
    throw Error(before.source.path + ": refusing to fix, the result would change the list: " + *difference +
                " (file left untouched)");
}

}  // namespace

std::string FixResult::summary(const std::string& file) const {
  if (!changed()) return {};
  std::string line = file + ": fixed";
  if (applied) line += " " + plural(applied, "finding", "findings") + " by text edits";
  if (applied && formatted) line += " and";
  if (formatted) line += " the layout with fmt (" + plural(layout_findings, "layout finding", "layout findings") + ")";
  return line + "\n";
}

namespace {

// The text edits of the findings in force, and what they are meant to change.
struct Plan {
  std::vector<const TextEdit*> structure;  // FixEffect::structure: applied first, on their own
  std::vector<const TextEdit*> edits;
  Intended intended;
  int layout_findings = 0;
};

bool selected(const std::vector<std::string>& rules, const std::string& rule) {
  return rules.empty() || std::find(rules.begin(), rules.end(), rule) != rules.end();
}

FixEffect fix_effect(const RuleRegistry& registry, const std::string& rule) {
  const Rule* found = registry.find(rule);
  return found ? found->info.fix_effect : FixEffect::text;
}

Plan plan_fixes(const RuleRegistry& registry, const FileFindings& findings, const std::vector<Diagnostic>& kept,
                const std::vector<std::string>& rules) {
  Plan plan;
  for (const Diagnostic& d : kept) {
    if (!d.fixable || !selected(rules, d.rule)) continue;
    FixEffect effect = fix_effect(registry, d.rule);
    if (effect == FixEffect::layout) {
      ++plan.layout_findings;
      continue;
    }
    for (const TextEdit& edit : findings.edits) {
      if (edit.rule != d.rule || edit.at.line != d.begin.line || edit.at.column != d.begin.column) continue;
      if (effect == FixEffect::structure) {
        plan.structure.push_back(&edit);
        break;
      }
      plan.edits.push_back(&edit);
      std::string original = findings.source.text.substr(edit.offset, edit.length);
      if (effect == FixEffect::url) plan.intended.urls[original] = edit.replacement;
      if (effect == FixEffect::tag) plan.intended.tags[edit.at.line][original] = edit.replacement;
      break;
    }
  }
  return plan;
}

// Applies back to front so offsets stay valid; overlapping edits are skipped.
int apply_edits(std::vector<const TextEdit*> edits, std::string& text) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit* a, const TextEdit* b) { return a->offset > b->offset; });
  size_t limit = text.size() + 1;
  int applied = 0;
  for (const TextEdit* edit : edits) {
    if (edit->offset + edit->length > limit) continue;
    text.replace(edit->offset, edit->length, edit->replacement);
    limit = edit->offset;
    ++applied;
  }
  return applied;
}

// Repairs of Markdown the parser read otherwise change entries on purpose
// (a glued line becomes an entry, a broken link gives one its URL), so the
// net asks less than check_text_fixes and nothing that can be lost: every
// link of the document is still there, in order (new ones may appear), and
// every entry's URL is still an entry's URL.
void check_structure_fixes(const FileFindings& before, const std::string& after, const Config& config) {
  MarkdownDocument old_document(before.source.text), new_document(after);
  std::vector<std::string> old_urls, new_urls;
  collect_urls(old_document.root(), old_urls);
  collect_urls(new_document.root(), new_urls);
  auto next = new_urls.begin();
  for (const std::string& url : old_urls) {
    next = std::find(next, new_urls.end(), url);
    if (next == new_urls.end())
      throw Error(before.source.path + ": refusing to fix, the result would lose the link " + url +
                  " (file left untouched)");
    ++next;
  }
  std::multiset<std::string> entry_urls;
  Catalog repaired = build_catalog(new_document, after, before.source.path, config);  // outlives the refs below
  for (const EntryRef& entry : collect_entries(repaired))
    if (entry.item->url) entry_urls.insert(*entry.item->url);
  for (const EntryRef& entry : collect_entries(before.catalog)) {
    if (!entry.item->url) continue;
    auto found = entry_urls.find(*entry.item->url);
    if (found == entry_urls.end())
      throw Error(before.source.path + ": refusing to fix, the entry " + entry.item->title +
                  " would lose its URL (file left untouched)");
    entry_urls.erase(found);
  }
}

}  // namespace

FixResult fix_file(const Linter& linter, const SourceFile& source, const Config& config,
                   const std::vector<std::string>& rules) {
  FixResult result;
  result.text = source.text;
  FileFindings findings = linter.lint(source, config);
  Plan plan = plan_fixes(linter.registry(), findings, linter.finish(findings), rules);
  if (!plan.structure.empty()) {
    result.applied += apply_edits(plan.structure, result.text);
    check_structure_fixes(findings, result.text, config);
    // The other fixes are planned on the repaired text.
    SourceFile repaired = source;
    repaired.text = result.text;
    findings = linter.lint(std::move(repaired), config);
    plan = plan_fixes(linter.registry(), findings, linter.finish(findings), rules);
  }
  result.layout_findings = plan.layout_findings;
  int applied = apply_edits(plan.edits, result.text);
  if (applied) check_text_fixes(findings, result.text, plan.intended, config);
  result.applied += applied;
  if (!result.layout_findings) return result;
  std::string formatted = format_markdown(result.text, config.kinds, config.fmt);
  if (formatted == result.text) return result;
  SafetyResult safety = check_format_safety(result.text, formatted, k_check_all, config);
  if (!safety.ok())
    throw Error(source.path + ": refusing to fix the layout, the result would change the list: " + *safety.difference +
                " (file left untouched)");
  result.text = std::move(formatted);
  result.formatted = true;
  return result;
}

}  // namespace curate
