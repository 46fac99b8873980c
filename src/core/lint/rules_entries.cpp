// Entry rules: what the grammar read from each list item (DESIGN.md "Entry
// grammar"): its shape, tags, dates, kinds and duplicates.
#include <algorithm>
#include <bit>
#include <deque>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "curate/catalog/grammar.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "duplicates.hpp"
#include "entry_helpers.hpp"

namespace curate {
namespace {

std::string squote(const std::string& text) { return "'" + text + "'"; }

ItemCheck check_entry_format(const LintContext&, RuleReporter& out) {
  return [&out](const ItemVisit& at) {
    const Item& item = at.item;
    if (item.style == EntryStyle::empty) {
      out.report(item.pos, at.line_end,
                 "list item without text: neither '[Name](url) - Description' nor '\"Title\" [meta](url)'");
      return;
    }
    if (!item.is_entry()) return;
    bool leading = item.style == EntryStyle::leading_link || item.style == EntryStyle::bare_url;
    if (leading && !item.rest.empty()) {
      out.report(item.pos, at.line_end,
                 "text after the link of " + squote(item.title) + " is not separated by ' - ': " + squote(item.rest));
      return;
    }
    if (at.meta && at.meta->is_autolink)
      out.report(item.pos, at.line_end,
                 "bare URL after " + squote(item.title) +
                     " without a label colon: write 'Title: https://…' or '[Title](https://…)'");
  };
}

ItemCheck check_missing_link(const LintContext&, RuleReporter& out) {
  return [&out](const ItemVisit& at) {
    if (at.item.is_stub() && at.item.style != EntryStyle::empty)
      out.report(at.item.pos, at.line_end, "entry " + squote(at.item.title) + " has no link");
  };
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

ItemCheck check_unknown_tag(const LintContext& context, RuleReporter& out) {
  std::vector<std::string> vocabulary;
  for (const TagDef& tag : context.catalog().tags) vocabulary.push_back(tag.name);
  if (vocabulary.empty()) return {};  // a list without a vocabulary has nothing to check against
  return [&context, &out, vocabulary = std::move(vocabulary)](const ItemVisit& visit) {
    const Item& item = visit.item;
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
  };
}

ItemCheck check_malformed_date(const LintContext& context, RuleReporter& out) {
  int slack = out.options().value("future-slack-days", 0);
  return [&context, &out, slack](const ItemVisit& at) {
    const Item& item = at.item;
    const LinkInfo* meta = at.meta;
    SourceSpan where = meta ? meta->span : SourceSpan{item.pos, at.line_end};
    if (item.date) {
      if (auto problem = date_problem(*item.date, context.today(), slack))
        out.report(where.begin, where.end, "date " + squote(*item.date) + " of " + squote(item.title) + " " + *problem);
    }
    if (!meta || !may_hold_date(meta->text)) return;
    for (std::string_view field : metadata_fields(*meta))
      if (!is_date_shape(field) && looks_like_date(field))
        out.report(where.begin, where.end,
                   "date " + squote(std::string(field)) + " of " + squote(item.title) +
                       " is not written YYYY, YYYY-MM or YYYY-MM-DD");
  };
}

ItemCheck check_unknown_kind(const LintContext& context, RuleReporter& out) {
  const KindTable& kinds = context.config().kinds;
  return [&kinds, &out, known = kinds.kinds()](const ItemVisit& at) {
    const LinkInfo* meta = at.meta;
    if (!meta) return;
    std::vector<std::string_view> fields = metadata_fields(*meta);
    for (size_t i = 1; i < fields.size(); ++i) {
      std::string_view field = fields[i];
      if (is_date_shape(field) || looks_like_date(field) || kinds.classify(field)) continue;
      std::string best = field.size() >= 4 ? unique_suggestion(to_lower(field), known) : "";
      bool kind_slot = fields.size() == 3 && i == 1 && is_date_shape(fields[2]);
      if (best.empty() && !kind_slot) continue;
      out.report(meta->span.begin, meta->span.end,
                 "unknown kind " + squote(std::string(field)) + " in " + squote(at.item.title) +
                     (best.empty() ? " (the kind field of [authors; kind; date]); declare it under \"kinds\" in "
                                     ".curate.json"
                                   : " (did you mean " + squote(best) + "?)"));
    }
  };
}

// The first item seen under each key: open addressing over one array, where
// std::unordered_map costs an allocation and a cache miss per entry of a big
// list. Keys are views that outlive the table.
class FirstSeen {
 public:
  struct Slot {
    std::size_t hash = 0;
    std::string_view key;
    const Item* item = nullptr;  // nullptr: an empty slot
    bool marked = false;         // for the table's user
  };

  // Room for `expected` keys without growing (growing zeroes and rehashes
  // the whole table again).
  explicit FirstSeen(std::size_t expected) : m_slots(std::bit_ceil(std::max<std::size_t>(16, expected * 2))) {}

  // The slot of `key` and true when `item` is the first seen with it; else
  // the slot of the first, and false. The slot is valid until the next call.
  std::pair<Slot*, bool> emplace(std::string_view key, std::size_t hash, const Item* item) {
    if ((m_used + 1) * 4 > m_slots.size() * 3) grow();
    for (std::size_t i = hash & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
      Slot& slot = m_slots[i];
      if (!slot.item) {
        slot = {hash, key, item, false};
        ++m_used;
        return {&slot, true};
      }
      if (slot.hash == hash && slot.key == key) return {&slot, false};
    }
  }

 private:
  void grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    for (const Slot& slot : old) {
      if (!slot.item) continue;
      std::size_t i = slot.hash & (m_slots.size() - 1);
      while (m_slots[i].item) i = (i + 1) & (m_slots.size() - 1);
      m_slots[i] = slot;
    }
  }

  std::vector<Slot> m_slots;  // a power of two, at most 3/4 full
  std::size_t m_used = 0;
};

ItemCheck check_duplicate_url(const LintContext&, RuleReporter& out) {
  return [&out, by_url = std::unordered_map<std::string, const Item*>()](const ItemVisit& at) mutable {
    const Item& item = at.item;
    if (!compares_url(item)) return;
    auto [it, inserted] = by_url.try_emplace(url_key(*item.url), &item);
    if (inserted) return;
    const Item& first = *it->second;
    out.report(item.pos, at.line_end, duplicate_url_message(item, first, "line " + std::to_string(first.pos.line)));
  };
}

ItemCheck check_duplicate_title(const LintContext& context, RuleReporter& out) {
  // Keyed by the title itself (the catalog outlives the walk), or for a
  // child by its parents' titles and its own, kept in `keys`.
  return
      [&out, seen = FirstSeen(context.links().size()), keys = std::deque<std::string>()](const ItemVisit& at) mutable {
        const Item& item = at.item;
        if (!compares_title(item)) return;
        // A child's title is read under its parents ("Learning" under C and under D differ).
        std::string_view key =
            at.parents.empty() ? std::string_view(item.title) : keys.emplace_back(title_key(at.parents, item.title));
        auto [slot, fresh] = seen.emplace(key, std::hash<std::string_view>()(key), &item);
        if (fresh) return;
        const Item& first = *slot->item;
        if (!titles_clash(first, item)) return;
        out.report(item.pos, at.line_end, duplicate_title_message(item, "line " + std::to_string(first.pos.line)));
      };
}

ItemCheck check_unbalanced_quotes(const LintContext&, RuleReporter& out) {
  return [&out](const ItemVisit& at) {
    if (at.item.unclosed_quote)
      out.report(at.item.pos, at.line_end, "the quote that opens " + squote(at.item.title) + " is never closed");
  };
}

ItemCheck check_metadata_separator(const LintContext& context, RuleReporter& out) {
  return [&context, &out](const ItemVisit& at) {
    const Item& item = at.item;
    if (!item.metadata_comma_split) return;
    const LinkInfo* meta = at.meta;
    if (!meta) {
      out.report(item.pos, at.line_end, "metadata of " + squote(item.title) + " separates fields with ','; use ';'");
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
  };
}

}  // namespace

void add_entry_rules(RuleRegistry& registry) {
  registry.add_item_rule(
      {"entry-format", "Entries follow one of the house styles", Severity::error, false,
       "An entry reads '[Name](url) - Description' or '*tag*: \"Title\" [authors; kind; date](url)' (or "
       "anything the entry grammar reads in between). Reported: list items without text, text after a "
       "leading link that is not separated by ' - ', and a bare URL after a title without 'Title:'."},
      check_entry_format);
  registry.add_item_rule({"missing-link", "Entries have a link", Severity::warning, false,
                          "An entry without any link is a stub: a topic still to be filled in."},
                         check_missing_link);
  registry.add_item_rule(
      {"unknown-tag", "Tags are in the vocabulary", Severity::error, true,
       "Tags come from the list's legend (a block quote of '*tag*: description' items) or \"tags\" in "
       ".curate.json. A tag close to exactly one known tag is fixed by --fix. Lists without a vocabulary "
       "are not checked.",
       FixEffect::tag},
      check_unknown_tag);
  registry.add_item_rule(
      {"malformed-date", "Dates are real and not in the future", Severity::error, false,
       "Dates read YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, and are not later than today "
       "plus the future-slack-days option."},
      check_malformed_date, {{"future-slack-days", "0", "days a date may lie in the future"}});
  registry.add_item_rule(
      {"unknown-kind", "Kinds are known", Severity::warning, false,
       "The kind field of '[authors; kind; date]' is a known kind or alias (docs/grammar.md; extend it "
       "with \"kinds\" in .curate.json); a metadata field one typo away from a kind is reported too."},
      check_unknown_kind);
  registry.add_item_rule(
      {"duplicate-url", "No two entries link to the same page", Severity::error, false,
       "URLs are compared normalised: http and https, 'www.', a trailing slash, the fragment and tracking "
       "parameters are ignored. The finding names both places."},
      check_duplicate_url);
  registry.add_item_rule(
      {"duplicate-title", "No two linked entries share a title", Severity::warning, false,
       "Two entries with the same title (as written, under the same parent entries) and different URLs are "
       "usually one resource listed twice. Stubs are not compared: an outline may repeat a topic."},
      check_duplicate_title);
  registry.add_item_rule(
      {"unbalanced-quotes", "Quoted titles are closed", Severity::error, false,
       "A title that opens a quote (\" or “) must close it; otherwise the link and metadata are read as "
       "part of the title."},
      check_unbalanced_quotes);
  registry.add_item_rule(
      {"metadata-separator", "Metadata fields are separated by ';'", Severity::warning, true,
       "'[Google; Blog & Paper, 2021-05]' is read as three fields, but the comma hides the date from "
       "other tools; --fix writes '[Google; Blog & Paper; 2021-05]'."},
      check_metadata_separator);
}

}  // namespace curate
