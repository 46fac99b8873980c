// Entry rules: what the grammar read from each list item (DESIGN.md "Entry
// grammar"): its shape, tags, dates, kinds and duplicates.
#include <algorithm>
#include <cstdint>
#include <deque>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "curate/catalog/grammar.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/catalog/style.hpp"
#include "curate/lint/duplicates.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"
#include "entry_helpers.hpp"

namespace curate {
namespace {

// Entries are checked against the list's own style (catalog/style.hpp
// style_departure), so a consistently written list has no findings.
// Not held to the template: entries in prose lists (in_entry_list), and an
// entry with children whose text opens with a label rather than its link
// ("- MySQL - [awesome-mysql](…)" over the MySQL drivers), which heads its
// nested list as a group would, and a labelled entry or a pointer
// (labelled_or_pointer).
// "Russian: [pymorphy2](…) - …", "Ancient Languages: [CLTK](…)": a label of
// up to three words and a colon before the link says what the entry is for,
// as awesome-nlp's "Other Languages" writes every item; "More in
// [awful-ai](…)" and "See also [X](…)" point to other lists. Neither is an
// entry that forgot to open with its link.
bool labelled_or_pointer(const Item& item) {
  std::string_view raw = item.raw;
  // "[ ] **START HERE**: [The System Design Primer](…)": after a task box.
  for (std::string_view box : {"[ ] ", "[x] ", "[X] "})
    if (starts_with(raw, box)) raw = trim(raw.substr(box.size()));
  // "*See also [JSwiki](…)*": the pointer in emphasis.
  if (size_t open = raw.find_first_not_of("*_"); open != std::string_view::npos && open <= 2) raw.remove_prefix(open);
  for (std::string_view pointer : {"More in [", "More at [", "See also [", "See ["})
    if (starts_with(raw, pointer)) return true;
  size_t colon = raw.find(": ");
  if (colon == std::string_view::npos) return false;
  // "**START HERE**: [X](…)": the label in emphasis.
  std::string_view label = raw.substr(0, colon);
  while (!label.empty() && (label.back() == '*' || label.back() == '_')) label.remove_suffix(1);
  if (label.find_first_of("[(*`") != std::string_view::npos) return false;
  return std::count(label.begin(), label.end(), ' ') < 3;
}

ItemCheck check_entry_format(const LintContext& context, RuleReporter& out) {
  return [&context, &out, &style = context.catalog().style,
          sentences = sentences_after_links(context.catalog())](const ItemVisit& at) {
    const Item& item = at.item;
    if (item.is_navigation) return;  // "Back to top", a credits section's thanks
    if (item.style == EntryStyle::empty && item.source == EntrySource::list) {
      out.report(item.pos, at.line_end, "list item without text");
      return;
    }
    std::optional<std::string> departure = style_departure(item, style, sentences);
    if (!departure) return;
    bool leading = item.style == EntryStyle::leading_link;
    bool heads_list = !item.children.empty() && !leading;
    if (heads_list || (!leading && labelled_or_pointer(item)) || !in_entry_list(context, at.siblings, at.index)) return;
    out.report(item.pos, at.line_end, single_quoted(item.title) + ": " + *departure);
  };
}

// An item whose only links go to the list's own anchors ("See also
// [Retrieval](#retrieval)") is navigation.
bool is_navigation(const Item& item) { return item.raw.find("](#") != std::string::npos; }

ItemCheck check_missing_link(const LintContext& context, RuleReporter& out) {
  return [&context, &out](const ItemVisit& at) {
    const Item& item = at.item;
    if (!item.is_stub() || item.style == EntryStyle::empty || is_navigation(item)) return;
    if (item.style == EntryStyle::plain && !item.description && reads_as_prose(item.title)) return;
    if (in_entry_list(context, at.siblings, at.index))
      out.report(item.pos, at.line_end, "entry " + single_quoted(item.title) + " has no link");
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
        out.report(at, end, "unknown tag " + single_quoted(tag) + "; the vocabulary is: " + join(vocabulary, ", "));
        continue;
      }
      std::string message = "unknown tag " + single_quoted(tag) + " (did you mean " + single_quoted(best) + "?)";
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
        out.report(where.begin, where.end,
                   "date " + single_quoted(*item.date) + " of " + single_quoted(item.title) + " " + *problem);
    }
    if (!meta || !may_hold_date(meta->text)) return;
    for (std::string_view field : metadata_fields(*meta))
      if (!is_date_shape(field) && looks_like_date(field))
        out.report(where.begin, where.end,
                   "date " + single_quoted(std::string(field)) + " of " + single_quoted(item.title) +
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
                 "unknown kind " + single_quoted(std::string(field)) + " in " + single_quoted(at.item.title) +
                     (best.empty() ? " (the kind field of [authors; kind; date]); declare it under \"kinds\" in "
                                     ".curate.json"
                                   : " (did you mean " + single_quoted(best) + "?)"));
    }
  };
}

// The first item seen under each key: open addressing over one array, where
// std::unordered_map costs an allocation and a cache miss per entry of a big
// list. Keys are views that outlive the table.
class FirstSeen {
 public:
  // Room for `expected` keys without growing (growing zeroes and rehashes
  // the whole table again): a third more slots than keys, not the power of
  // two above twice as many (12.6 MB a table on 100k entries, now 4.4 MB).
  explicit FirstSeen(std::size_t expected) : m_slots(std::max<std::size_t>(16, expected + expected / 3 + 1)) {}

  // The first item seen with `key` in `scope` (keys are equal only within
  // one scope, a section), or nullptr when `item` is that first.
  const Item* emplace(std::string_view key, const void* scope, const Item* item) {
    if ((m_used + 1) * 4 > m_slots.size() * 3) grow();
    uint32_t hash = hash_of(key, scope);
    Slot& slot = find(key, scope, hash);
    if (slot.item) return slot.item;
    slot = {key.data(), static_cast<uint32_t>(key.size()), hash, scope, item};
    ++m_used;
    return nullptr;
  }

 private:
  // 32 bytes: a big list's table is hundreds of thousands of them. The
  // key's hash is kept with it, so that a probe past another key compares
  // numbers, not that key's text elsewhere in memory. Keys are URLs and
  // titles cmark read, which it limits to 2 GiB (bufsize_t is 32 bits).
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t hash = 0;
    const void* scope = nullptr;
    const Item* item = nullptr;  // nullptr: an empty slot
    std::string_view key() const { return {data, size}; }
  };

  // The slot holding `key` in `scope`, or the empty slot where it belongs.
  // Linear probing at most 3/4 full: a miss is a few probes, most settled
  // by the hash. The hash's low 32 bits scaled to the table's size pick the
  // first slot (no power-of-two size needed).
  Slot& find(std::string_view key, const void* scope, uint32_t hash) {
    for (std::size_t i = static_cast<std::size_t>((uint64_t{hash} * m_slots.size()) >> 32);;
         i = i + 1 == m_slots.size() ? 0 : i + 1) {
      Slot& slot = m_slots[i];
      if (!slot.item || (slot.hash == hash && slot.scope == scope && slot.key() == key)) return slot;
    }
  }
  static uint32_t hash_of(std::string_view key, const void* scope) {
    return static_cast<uint32_t>(std::hash<std::string_view>()(key) ^ std::hash<const void*>()(scope));
  }

  void grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    for (const Slot& slot : old)
      if (slot.item) find(slot.key(), slot.scope, slot.hash) = slot;
  }

  std::vector<Slot> m_slots;  // at most 3/4 full
  std::size_t m_used = 0;
};

// The section holding each item (children too), for the few items a
// duplicate names: built on the first duplicate, not for every list.
class SectionIndex {
 public:
  explicit SectionIndex(const Catalog& catalog) : m_catalog(catalog) {}
  const Section* of(const Item& item) {
    if (m_sections.empty()) add(m_catalog.root);
    auto it = m_sections.find(&item);
    return it == m_sections.end() ? nullptr : it->second;
  }

 private:
  void add(const Section& section) {
    for (const Item& item : section.items) add(item, section);
    for (const Section& child : section.sections) add(child);
  }
  void add(const Item& item, const Section& section) {
    m_sections.emplace(&item, &section);
    for (const Item& child : item.children) add(child, section);
  }
  const Catalog& m_catalog;
  std::unordered_map<const Item*, const Section*> m_sections;
};

// "- [GHEGA](…) contains two groups …" under two tasks (awesome-datasets),
// a company's row in each job family's table (awesome-italia-remote): the
// same entry, under its own title, filed in another section on purpose.
bool cross_listed(const Item& later, const Section& later_section, const Item& first, SectionIndex& sections) {
  return &later_section != sections.of(first) && iequals(trim(later.title), trim(first.title));
}

// duplicate-url and cross-listed: the entries whose URL an earlier one
// has, those cross-listed (`cross`) or the others. Keys are the normalised
// URLs; one already normal (most are) is its own key, a view of the
// entry's URL, and only the others are kept as copies.
ItemCheck check_repeated_url(const LintContext& context, RuleReporter& out, bool cross) {
  return [&out, cross, first_seen = FirstSeen(context.links().size()), keys = std::deque<std::string>(),
          sections = SectionIndex(context.catalog())](const ItemVisit& at) mutable {
    std::string key = duplicate_url_key(at.item);
    if (key.empty()) return;
    std::string_view view = key == *at.item.url ? std::string_view(*at.item.url) : keys.emplace_back(std::move(key));
    const Item* first = first_seen.emplace(view, nullptr, &at.item);
    // "* [IBM Cloud](…/free/)" over "* Full, detailed list - …/free/": a
    // detail of its parent that shows the address, not the page again.
    bool parents_page = first && std::any_of(first->children.begin(), first->children.end(),
                                             [&](const Item& child) { return &child == &at.item; });
    // "## [AgentGPT](…)" over "### Links" and "- Website: [x](…)": a detail
    // in the section of a heading entry.
    parents_page =
        parents_page || (first && first->source == EntrySource::heading && at.item.pos.line > first->span.begin.line &&
                         at.item.pos.line <= first->span.end.line);
    if (first && !parents_page && !names_its_project(at.item, *first) &&
        cross_listed(at.item, at.section, *first, sections) == cross)
      out.report(at.item.pos, at.line_end,
                 duplicate_url_message(at.item, *first, "line " + std::to_string(first->pos.line)));
  };
}

ItemCheck check_duplicate_url(const LintContext& context, RuleReporter& out) {
  return check_repeated_url(context, out, false);
}

ItemCheck check_cross_listed(const LintContext& context, RuleReporter& out) {
  return check_repeated_url(context, out, true);
}

// A title is reported where a reader would call it a duplicate
// (duplicates.hpp title_duplicate): in the same section under the same
// parents, or elsewhere with a link to the same page. Two tables: one keyed
// by section and parents (the title within its place), one by title alone
// (its first entry, for the same page elsewhere).
ItemCheck check_duplicate_title(const LintContext& context, RuleReporter& out) {
  return [&out, in_place = FirstSeen(context.links().size()), anywhere = FirstSeen(context.links().size()),
          keys = std::deque<std::string>()](const ItemVisit& at) mutable {
    const Item& item = at.item;
    // Stubs are topic placeholders an outline may repeat; a row's category
    // is many rows' (Item::title_from_category).
    if (!item.is_entry() || !item.url || item.title.empty() || item.title_from_category) return;
    std::string_view title = item.title;
    // A child's title is read under its parents ("Learning" under C and under D differ).
    std::string_view key = at.parents.empty() ? title : keys.emplace_back(at.parents + item.title);
    const Item* first = in_place.emplace(key, &at.section, &item);
    bool same_place = first != nullptr;
    if (!first && !(first = anywhere.emplace(title, nullptr, &item))) return;
    if (duplicate_url_key(*first) == duplicate_url_key(item)) return;  // duplicate-url's
    TitleDuplicate how = title_duplicate(*first, item, same_place);
    if (how != TitleDuplicate::none)
      out.report(item.pos, at.line_end, duplicate_title_message(item, how, "line " + std::to_string(first->pos.line)));
  };
}

ItemCheck check_unbalanced_quotes(const LintContext&, RuleReporter& out) {
  return [&out](const ItemVisit& at) {
    if (at.item.unclosed_quote)
      out.report(at.item.pos, at.line_end, "the quote that opens " + single_quoted(at.item.title) + " is never closed");
  };
}

ItemCheck check_metadata_separator(const LintContext& context, RuleReporter& out) {
  return [&context, &out](const ItemVisit& at) {
    const Item& item = at.item;
    if (!item.metadata_comma_split) return;
    const LinkInfo* meta = at.meta;
    if (!meta) {
      out.report(item.pos, at.line_end,
                 "metadata of " + single_quoted(item.title) + " separates fields with ','; use ';'");
      return;
    }
    std::string fixed = semicolon_metadata(*meta, context.config().kinds);
    std::string message = "metadata of " + single_quoted(item.title) + " separates fields with ',': write " +
                          single_quoted("[" + fixed + "]");
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
      {"entry-format", "Entries follow the list's own style", Severity::error, false,
       "Each entry of a list item is checked against the style in force (detected, or \"style\" in "
       ".curate.json; curate style): the message names the part of the template it misses. A consistently "
       "written list has no findings. Not checked: entries in prose lists (fewer than half of their items "
       "linked or tagged) and an entry with children that opens with a label ('MySQL - [awesome-mysql](…)'), "
       "which heads its nested list, an entry after a short label ('Hebrew: [NLPH](…)') and a pointer "
       "('More in [awful-ai](…)'). List items without text are reported too."},
      check_entry_format);
  registry.add_item_rule({"missing-link", "Entries have a link", Severity::warning, false,
                          "An entry without any link is a stub: a topic still to be filled in. Only in lists that "
                          "hold entries (at least half of their items have a link or a tag); the others are prose. "
                          "Items whose only links go to the list's own anchors are navigation."},
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
  registry.add_comparing_item_rule(
      {"duplicate-url", "No two entries link to the same page", Severity::error, false,
       "URLs are compared normalised: http and https, 'www.', a trailing slash and tracking parameters are "
       "ignored; the fragment counts (book#ch1 and book#ch2 are two pages). Links to the list's own anchors "
       "are navigation, never an entry's URL. The same entry under the same title in another section is "
       "cross-listed (cross-listed reports it). An entry under another name whose description names the "
       "earlier one ((part of Django)) is a component linked to its project's page, and a nested item that "
       "repeats its parent's URL is a detail of its parent. The finding names both places."},
      check_duplicate_url);
  registry.add_comparing_item_rule(
      {"cross-listed", "No entry is filed again in another section", Severity::off, false,
       "The same URL under the same title in another section: catalogs file an entry under every category it "
       "fits (a dataset under two tasks, a company in each job family's table), so this is off unless "
       "\"rules\" in .curate.json turns it on for a list that files each entry once. duplicate-url reports "
       "the other repeated URLs."},
      check_cross_listed);
  registry.add_comparing_item_rule(
      {"duplicate-title", "No entry repeats a title where a reader would call it a duplicate", Severity::warning, false,
       "Two linked entries with the same title (as written) and different URLs are reported when they sit in the "
       "same section under the same parent entries, or link to the same page under another query or fragment. "
       "Projects that share a name in different sections are not, nor namesakes told apart right after the link "
       "(\"*(by x)*\", \"by @x\") or by their authors (two books called Linear Algebra). Stubs are not "
       "compared: an outline may repeat a topic."},
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
