// Entry rules: what the grammar read from each list item (DESIGN.md "Entry
// grammar"): its shape, tags, dates, kinds and duplicates.
#include <algorithm>
#include <unordered_map>

#include "curate/grammar.hpp"
#include "curate/kinds.hpp"
#include "curate/text.hpp"
#include "curate/url.hpp"
#include "lint_context.hpp"
#include "lint_entry_helpers.hpp"

namespace curate {
namespace {

std::string squote(const std::string& text) { return "'" + text + "'"; }

// Where an item's first line ends: diagnostics about a whole entry cover it.
SourcePos first_line_end(const LintContext& context, const Item& item) {
  return {item.pos.line, static_cast<int>(context.line(item.pos.line).size())};
}

void check_entry_format(const LintContext& context, RuleReporter& out) {
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    SourcePos end = first_line_end(context, item);
    if (item.style == EntryStyle::empty) {
      out.report(item.pos, end,
                 "list item without text: neither '[Name](url) - Description' nor '\"Title\" [meta](url)'");
      return;
    }
    if (item.is_group) return;
    bool leading = item.style == EntryStyle::leading_link || item.style == EntryStyle::bare_url;
    if (leading && !item.rest.empty()) {
      out.report(item.pos, end,
                 "text after the link of " + squote(item.title) + " is not separated by ' - ': " + squote(item.rest));
      return;
    }
    if (const LinkInfo* meta = metadata_link(context, item); meta && meta->is_autolink)
      out.report(item.pos, end,
                 "bare URL after " + squote(item.title) +
                     " without a label colon: write 'Title: https://…' or '[Title](https://…)'");
  });
}

void check_missing_link(const LintContext& context, RuleReporter& out) {
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    if (item.is_stub() && item.style != EntryStyle::empty)
      out.report(item.pos, first_line_end(context, item), "entry " + squote(item.title) + " has no link");
  });
}

// The vocabulary entry closest to `tag`, when exactly one is closest.
std::string unique_suggestion(const std::string& tag, const std::vector<std::string>& vocabulary) {
  size_t best = std::max<size_t>(2, tag.size() / 3) + 1;
  std::vector<std::string> found;
  for (const std::string& name : vocabulary) {
    size_t distance = edit_distance(tag, name);
    if (distance < best) {
      best = distance;
      found = {name};
    } else if (distance == best && !found.empty()) {
      found.push_back(name);
    }
  }
  return found.size() == 1 ? found.front() : "";
}

void check_unknown_tag(const LintContext& context, RuleReporter& out) {
  std::vector<std::string> vocabulary;
  for (const TagDef& tag : context.catalog().tags) vocabulary.push_back(tag.name);
  if (vocabulary.empty()) return;  // a list without a vocabulary has nothing to check against
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    for (const std::string& tag : item.tags) {
      if (std::find(vocabulary.begin(), vocabulary.end(), tag) != vocabulary.end()) continue;
      std::string best = unique_suggestion(tag, vocabulary);
      SourcePos at = locate_in_line(context, item.pos, tag);
      SourcePos end{at.line, at.column + static_cast<int>(tag.size()) - 1};
      if (best.empty()) {
        out.report(at, end, "unknown tag " + squote(tag) + "; the vocabulary is: " + join(vocabulary, ", "));
        continue;
      }
      std::string message = "unknown tag " + squote(tag) + " (did you mean " + squote(best) + "?)";
      size_t offset = context.offset(at);
      bool emphasised = at.column > 1 && offset + tag.size() < context.text().size() &&
                        (context.text()[offset - 1] == '*' || context.text()[offset - 1] == '_') &&
                        context.text()[offset + tag.size()] == context.text()[offset - 1];
      if (emphasised)
        out.report_with_edit(at, end, message, offset, tag.size(), best);
      else
        out.report(at, end, message);
    }
  });
}

void check_malformed_date(const LintContext& context, RuleReporter& out) {
  int slack = out.options().value("future-slack-days", 0);
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    const LinkInfo* meta = metadata_link(context, item);
    SourceSpan where = meta ? meta->span : SourceSpan{item.pos, first_line_end(context, item)};
    if (item.date) {
      if (auto problem = date_problem(*item.date, context.today(), slack))
        out.report(where.begin, where.end, "date " + squote(*item.date) + " of " + squote(item.title) + " " + *problem);
    }
    if (!meta || !may_hold_date(meta->text)) return;
    for (std::string_view field : metadata_fields(*meta))
      if (!is_date_shape(field) && looks_like_date(field))
        out.report(
            where.begin, where.end,
            "date " + squote(std::string(field)) + " of " + squote(item.title) + " is not written YYYY, YYYY-MM or YYYY-MM-DD");
  });
}

void check_unknown_kind(const LintContext& context, RuleReporter& out) {
  const KindTable& kinds = context.config().kinds;
  std::vector<std::string> known = kinds.kinds();
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    const LinkInfo* meta = metadata_link(context, item);
    if (!meta) return;
    std::vector<std::string_view> fields = metadata_fields(*meta);
    for (size_t i = 1; i < fields.size(); ++i) {
      std::string_view field = fields[i];
      if (is_date_shape(field) || looks_like_date(field) || kinds.classify(field)) continue;
      std::string best = field.size() >= 4 ? unique_suggestion(to_lower(field), known) : "";
      bool kind_slot = fields.size() == 3 && i == 1 && is_date_shape(fields[2]);
      if (best.empty() && !kind_slot) continue;
      out.report(meta->span.begin, meta->span.end,
                 "unknown kind " + squote(std::string(field)) + " in " + squote(item.title) +
                     (best.empty() ? " (the kind field of [authors; kind; date]); declare it under \"kinds\" in "
                                     ".curate.json"
                                   : " (did you mean " + squote(best) + "?)"));
    }
  });
}

// Calls visit(item, parents_key) for every entry; parents_key joins the
// titles of the item's ancestors (cheaper than collect_entries' copies).
template <typename Visit>
void for_each_entry(const Section& section, Visit&& visit) {
  std::string parents;
  auto walk = [&](const std::vector<Item>& items, auto&& self) -> void {
    for (const Item& item : items) {
      if (item.is_entry()) visit(item, parents);
      if (item.children.empty()) continue;
      size_t size = parents.size();
      parents += item.title;
      parents += '\x1f';
      self(item.children, self);
      parents.resize(size);
    }
  };
  walk(section.items, walk);
  for (const Section& child : section.sections) for_each_entry(child, visit);
}

void check_duplicate_url(const LintContext& context, RuleReporter& out) {
  // An entry with a URL has the hash of its normalised form as its id
  // (parse.cpp), so only entries whose ids meet need normalising; the URLs
  // still decide, as two URLs may share a hash.
  struct FirstWithId {
    const Item* item;
    bool normalised = false;
  };
  std::unordered_map<std::string_view, FirstWithId> by_id;
  by_id.reserve(context.links().size());
  std::unordered_map<std::string, const Item*> by_url;
  for_each_entry(context.catalog().root, [&](const Item& item, const std::string&) {
    if (!item.url || item.url->empty()) return;
    auto [same_id, fresh] = by_id.try_emplace(item.id, FirstWithId{&item});
    if (fresh) return;
    if (!same_id->second.normalised) {
      by_url.try_emplace(normalize_url(*same_id->second.item->url), same_id->second.item);
      same_id->second.normalised = true;
    }
    auto [it, inserted] = by_url.try_emplace(normalize_url(*item.url), &item);
    if (inserted) return;
    const Item& first = *it->second;
    out.report(item.pos, first_line_end(context, item),
               squote(item.title) + " links to the same URL as " + squote(first.title) + " at line " +
                   std::to_string(first.pos.line) + ": " + *item.url);
  });
}

void check_duplicate_title(const LintContext& context, RuleReporter& out) {
  std::unordered_map<std::string, const Item*> seen;
  seen.reserve(context.links().size());
  for_each_entry(context.catalog().root, [&](const Item& item, const std::string& parents) {
    if (!item.url || item.title.empty()) return;  // stubs are topic placeholders an outline may repeat
    // A child's title is read under its parents ("Learning" under C and under D differ).
    auto [it, inserted] = seen.try_emplace(parents + item.title, &item);
    if (inserted) return;
    const Item& first = *it->second;
    if (first.url && normalize_url(*first.url) == normalize_url(*item.url)) return;  // duplicate-url's
    out.report(item.pos, first_line_end(context, item),
               "title " + squote(item.title) + " is also the title of the entry at line " +
                   std::to_string(first.pos.line) + " (a different URL)");
  });
}

void check_unbalanced_quotes(const LintContext& context, RuleReporter& out) {
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    if (item.unclosed_quote)
      out.report(item.pos, first_line_end(context, item),
                 "the quote that opens " + squote(item.title) + " is never closed");
  });
}

void check_metadata_separator(const LintContext& context, RuleReporter& out) {
  for_each_item(context.catalog().root, [&](const Item& item, const Section&) {
    if (!item.metadata_comma_split) return;
    const LinkInfo* meta = metadata_link(context, item);
    if (!meta) {
      out.report(item.pos, first_line_end(context, item),
                 "metadata of " + squote(item.title) + " separates fields with ','; use ';'");
      return;
    }
    std::string fixed = semicolon_metadata(*meta, context.config().kinds);
    std::string message =
        "metadata of " + squote(item.title) + " separates fields with ',': write " + squote("[" + fixed + "]");
    // Fixable when the link text is written as plain text, as metadata is.
    size_t offset = context.offset(meta->span.begin) + 1;
    std::string_view text = context.text();
    bool literal = text.compare(offset, meta->text.size(), meta->text) == 0 &&
                   offset + meta->text.size() < text.size() && text[offset + meta->text.size()] == ']';
    if (literal)
      out.report_with_edit(meta->span.begin, meta->span.end, message, offset, meta->text.size(), fixed);
    else
      out.report(meta->span.begin, meta->span.end, message);
  });
}

}  // namespace

void add_entry_rules(RuleRegistry& registry) {
  registry.add({"entry-format", "Entries follow one of the house styles", Severity::error, false,
                "An entry reads '[Name](url) - Description' or '*tag*: \"Title\" [authors; kind; date](url)' (or "
                "anything the entry grammar reads in between). Reported: list items without text, text after a "
                "leading link that is not separated by ' - ', and a bare URL after a title without 'Title:'."},
               check_entry_format);
  registry.add({"missing-link", "Entries have a link", Severity::warning, false,
                "An entry without any link is a stub: a topic still to be filled in."},
               check_missing_link);
  registry.add({"unknown-tag", "Tags are in the vocabulary", Severity::error, true,
                "Tags come from the list's legend (a block quote of '*tag*: description' items) or \"tags\" in "
                ".curate.json. A tag close to exactly one known tag is fixed by --fix. Lists without a vocabulary "
                "are not checked."},
               check_unknown_tag);
  registry.add({"malformed-date", "Dates are real and not in the future", Severity::error, false,
                "Dates read YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, and are not later than today "
                "plus the future-slack-days option."},
               check_malformed_date, {{"future-slack-days", 0, "days a date may lie in the future"}});
  registry.add({"unknown-kind", "Kinds are known", Severity::warning, false,
                "The kind field of '[authors; kind; date]' is a known kind or alias (docs/grammar.md; extend it "
                "with \"kinds\" in .curate.json); a metadata field one typo away from a kind is reported too."},
               check_unknown_kind);
  registry.add({"duplicate-url", "No two entries link to the same page", Severity::error, false,
                "URLs are compared normalised: http and https, 'www.', a trailing slash, the fragment and tracking "
                "parameters are ignored. The finding names both places."},
               check_duplicate_url);
  registry.add({"duplicate-title", "No two linked entries share a title", Severity::warning, false,
                "Two entries with the same title (as written, under the same parent entries) and different URLs are "
                "usually one resource listed twice. Stubs are not compared: an outline may repeat a topic."},
               check_duplicate_title);
  registry.add({"unbalanced-quotes", "Quoted titles are closed", Severity::error, false,
                "A title that opens a quote (\" or “) must close it; otherwise the link and metadata are read as "
                "part of the title."},
               check_unbalanced_quotes);
  registry.add({"metadata-separator", "Metadata fields are separated by ';'", Severity::warning, true,
                "'[Google; Blog & Paper, 2021-05]' is read as three fields, but the comma hides the date from "
                "other tools; --fix writes '[Google; Blog & Paper; 2021-05]'."},
               check_metadata_separator);
}

}  // namespace curate
