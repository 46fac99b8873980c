// Description rules: the words of an entry beyond its link. The list's own
// separator, a description that opens with the entry's name, brackets and
// quotes left open, well-known names misspelt. Each reads the entry's source
// with its code spans, link destinations, URLs and HTML blanked out, so
// Markdown's own brackets and a package named `tensorflow-addons` are never
// taken for prose.
#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "curate/text/text.hpp"
#include "line_scan.hpp"

namespace curate {
namespace {

void blank(std::string& text, size_t from, size_t to) {
  for (size_t i = from; i < to && i < text.size(); ++i)
    if (text[i] != '\n') text[i] = ' ';
}

// `raw` with everything that is not prose blanked (same length): code spans,
// HTML tags and autolinks, bare URLs, and links.
void prose_of(std::string_view raw, std::string& out) {
  out.assign(raw);
  if (raw.find('`') != std::string_view::npos) {  // most entries have no code span to blank
    std::vector<bool> code = code_span_mask(raw);
    for (size_t i = 0; i < raw.size(); ++i)
      if (code[i]) out[i] = ' ';
  }
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == '<' && i + 1 < out.size() && (std::isalpha(static_cast<unsigned char>(out[i + 1])) || out[i + 1] == '/')) {
      size_t close = out.find('>', i);
      if (close == std::string::npos) continue;
      blank(out, i, close + 1);
      i = close;
    } else if ((c == 'h' || c == 'w') && (i == 0 || out[i - 1] == ' ' || out[i - 1] == '(') &&
               (istarts_with(std::string_view(out).substr(i), "http://") ||
                istarts_with(std::string_view(out).substr(i), "https://") ||
                istarts_with(std::string_view(out).substr(i), "www."))) {
      // To the next space; a ')' the URL did not open closes the prose's '(' ("(see https://x.org)").
      size_t end = i;
      int open = 0;
      for (; end < out.size() && out[end] != ' ' && out[end] != '\n'; ++end) {
        if (out[end] == '(') ++open;
        if (out[end] == ')' && open-- == 0) break;
      }
      blank(out, i, end);
      i = end;
    } else if (c == '[' && !is_escaped(out, i)) {
      size_t close = matching_bracket(out, i);
      if (close == std::string::npos) continue;
      // "![closed source] ![youtube]" (awesome-tauri's badges): an image
      // by a shortcut reference; its alt text is no prose either.
      if (i > 0 && out[i - 1] == '!' && (close + 1 >= out.size() || (out[close + 1] != '(' && out[close + 1] != '['))) {
        blank(out, i - 1, close + 1);
        i = close;
        continue;
      }
      if (close + 1 >= out.size() || (out[close + 1] != '(' && out[close + 1] != '[')) continue;
      size_t end = matching_bracket(out, close + 1);
      if (end == std::string::npos) continue;
      bool image = i > 0 && out[i - 1] == '!';
      blank(out, image ? i - 1 : i, end + 1);
      i = end;
    }
  }
}

// prose_of(item.raw), once per entry for the two rules that read it (the
// engine runs every item rule on one entry before the next).
const std::string& entry_prose(const Item& item) {
  thread_local std::string raw, prose;
  if (raw != item.raw || prose.empty()) {
    raw = item.raw;
    prose_of(item.raw, prose);
  }
  return prose;
}

SourcePos line_end_of(const LintContext& context, int line) {
  return {line, static_cast<int>(context.line(line).size())};
}

// --- separator-style ---------------------------------------------------------

struct Separator {
  const Item* item = nullptr;
  int kind = 0;        // index in k_separators
  size_t offset = 0;   // in the file
  bool glued = false;  // "[GoCodeo](…)- An AI…": no blank before the dash
};

constexpr std::array<std::string_view, 3> k_separators{" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
constexpr std::array<std::string_view, 3> k_separator_names{"' - ' (hyphen)", "' – ' (en dash)", "' — ' (em dash)"};

// The separator right after an entry's leading link, as written.
std::optional<Separator> separator_of(const LintContext& context, const Item& item) {
  const std::string& raw = item.raw;
  size_t link_end = markdown_link_end(raw, 0);
  if (link_end == std::string::npos) return std::nullopt;
  std::string_view after = std::string_view(raw).substr(link_end);
  for (size_t kind = 0; kind < k_separators.size() * 2; ++kind) {
    bool glued = kind >= k_separators.size();
    std::string_view separator = k_separators[kind % k_separators.size()];
    if (!starts_with(after, glued ? separator.substr(1) : separator)) continue;
    std::string_view line = context.line(item.pos.line);
    size_t start = content_column(line, static_cast<size_t>(item.pos.column - 1));
    if (line.substr(start, std::min(raw.find('\n'), raw.size())) !=
        std::string_view(raw).substr(0, std::min(raw.find('\n'), raw.size())))
      return std::nullopt;  // not where it seems: no offset to fix
    return Separator{&item, static_cast<int>(kind % k_separators.size()),
                     context.offset(item.pos) - (item.pos.column - 1) + start + link_end, glued};
  }
  return std::nullopt;
}

void collect_separators(const LintContext& context, const std::vector<Item>& items, std::vector<Separator>& out) {
  for (const Item& item : items) {
    if (item.source == EntrySource::list && item.url && item.style == EntryStyle::leading_link)
      if (std::optional<Separator> found = separator_of(context, item)) out.push_back(*found);
    collect_separators(context, item.children, out);
  }
}

// The separator most entries use is the list's; the others are reported
// when that one is used by more than half of the entries (else the list has
// no style to hold them to).
void check_separator_style(const LintContext& context, RuleReporter& out) {
  std::vector<Separator> found;
  auto walk = [&](const Section& section, auto&& self) -> void {
    collect_separators(context, section.items, found);
    for (const Section& child : section.sections) self(child, self);
  };
  walk(context.catalog().root, walk);
  std::array<size_t, 3> counts{};
  for (const Separator& separator : found) ++counts[static_cast<size_t>(separator.kind)];
  size_t style = static_cast<size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  // Most entries glue the dash to the link: the list's habit (awesome-cli-
  // apps writes "[cmus](…)- Small, fast…" 84 times), nothing to report.
  size_t glued = std::count_if(found.begin(), found.end(), [](const Separator& s) { return s.glued; });
  if (glued * 2 > found.size()) return;
  bool styled = counts[style] * 2 > found.size();
  // "[GoCodeo](https://www.gocodeo.com/)- An AI Coding…" (awesome-ai-tools):
  // the dash glued to the link, whatever the list's separator.
  for (const Separator& separator : found) {
    if (!separator.glued) continue;
    size_t kind = styled ? style : static_cast<size_t>(separator.kind);
    std::string_view written = k_separators[static_cast<size_t>(separator.kind)].substr(1);
    out.report_with_edit(separator.item->pos, line_end_of(context, separator.item->pos.line),
                         single_quoted(separator.item->title) + " is separated from its description by " +
                             single_quoted(written) + " with no blank before it; write " +
                             single_quoted(k_separators[kind]),
                         separator.offset, written.size(), std::string(k_separators[kind]));
  }
  if (!styled) return;
  for (const Separator& separator : found) {
    size_t kind = static_cast<size_t>(separator.kind);
    if (kind == style || separator.glued) continue;
    const Item& item = *separator.item;
    out.report_with_edit(item.pos, line_end_of(context, item.pos.line),
                         single_quoted(item.title) + " is separated from its description by " +
                             std::string(k_separator_names[kind]) + "; the list uses " +
                             std::string(k_separator_names[style]) + " (" + std::to_string(counts[style]) + " of " +
                             std::to_string(found.size()) + " entries)",
                         separator.offset, k_separators[kind].size(), std::string(k_separators[style]));
  }
}

// --- description-repeats-title -------------------------------------------------

ItemCheck check_description_repeats_title(const LintContext&, RuleReporter& out) {
  return [&out](const ItemVisit& at) {
    const Item& item = at.item;
    if (!item.description || item.title.size() < 2 || item.is_group) return;
    std::string_view description = *item.description;
    if (description.size() <= item.title.size() || !istarts_with(description, item.title)) return;
    // The name as the subject of a sentence about itself ("Flask is a …",
    // "Flask - a …"), not a description that starts with a word of the name
    // ("Mattermost client.", "Bitbucket API", "Synonyms, thesaurus and …").
    std::string_view after = description.substr(item.title.size());
    // ("Konoha：日本語トークナイザー", a full-width colon, awesome-japanese-nlp-resources.)
    constexpr std::array<std::string_view, 10> k_verbs{" is ",           " are ", " was ", " - ",   " \xE2\x80\x93 ",
                                                       " \xE2\x80\x94 ", ": ",    ", a ",  ", an ", "\xEF\xBC\x9A"};
    if (std::none_of(k_verbs.begin(), k_verbs.end(), [&](std::string_view verb) { return starts_with(after, verb); }))
      return;
    size_t shown = std::min<size_t>(description.size(), item.title.size() + 20);
    while (shown < description.size() && (static_cast<unsigned char>(description[shown]) & 0xC0) == 0x80) --shown;
    std::string opening(description.substr(0, shown));
    if (shown < description.size()) opening += "…";
    out.report(
        item.pos, at.line_end,
        "the description of " + single_quoted(item.title) + " opens with its name again: " + single_quoted(opening));
  };
}

// --- unbalanced-brackets -------------------------------------------------------

// ")" of an enumeration ("a) one b) two", "1) …") or of a smiley.
bool is_enumerator_or_smiley(std::string_view text, size_t at) {
  if (at > 0 && (text[at - 1] == ':' || text[at - 1] == ';' || text[at - 1] == '-')) return true;
  size_t start = at;
  while (start > 0 && std::isalnum(static_cast<unsigned char>(text[start - 1])) && at - start < 3) --start;
  bool word_start = start == 0 || text[start - 1] == ' ' || text[start - 1] == '\n';
  return start < at && at - start <= 2 && word_start;
}

// What is left open or closed too often in `text`, or "".
std::string imbalance(std::string_view text) {
  constexpr std::string_view k_open = "([{", k_close = ")]}";
  std::array<int, 3> depth{};
  int quotes = 0, curly = 0;
  // Most characters count for nothing: a table skips them (this loop was a
  // quarter of validate's instructions on a 3k awesome-style list).
  static constexpr std::array<bool, 256> k_counts = [] {
    std::array<bool, 256> counts{};
    for (unsigned char c : std::string_view("([{)]}\"\xE2")) counts[c] = true;
    return counts;
  }();
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!k_counts[static_cast<unsigned char>(c)]) continue;
    if (is_escaped(text, i)) continue;
    if (size_t kind = k_open.find(c); kind != std::string_view::npos) ++depth[kind];
    if (size_t kind = k_close.find(c); kind != std::string_view::npos) {
      if (c == ')' && depth[kind] == 0 && is_enumerator_or_smiley(text, i)) continue;
      if (--depth[kind] < 0)
        return single_quoted(std::string(1, c)) + " without its " + single_quoted(std::string(1, k_open[kind]));
    }
    if (c == '"') ++quotes;
    if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\x9C") == 0) ++curly;
    if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\x9D") == 0) --curly;
  }
  for (size_t kind = 0; kind < depth.size(); ++kind)
    if (depth[kind] > 0) return single_quoted(std::string(1, k_open[kind])) + " never closed";
  if (quotes % 2) return "a '\"' never closed";
  if (curly > 0) return "a '“' never closed";
  if (curly < 0) return "'”' without its '“'";
  return {};
}

ItemCheck check_unbalanced_brackets(const LintContext&, RuleReporter& out) {
  return [&out](const ItemVisit& at) {
    const Item& item = at.item;
    if (item.is_group || item.unclosed_quote || item.raw.empty()) return;  // unbalanced-quotes says so
    std::string problem = imbalance(entry_prose(item));
    if (!problem.empty()) out.report(item.pos, at.line_end, "text of " + single_quoted(item.title) + " has " + problem);
  };
}

// --- name-spelling ---------------------------------------------------------

// Well-known names whose case or spacing is part of the name. Names that
// are also ordinary words in lower case (Go, Rust, Swift, Docker as the
// command) are not in it, nor macOS ("Mac OS X" is that system's own name).
constexpr std::array<std::string_view, 34> k_names{
    "GitHub",     "GitLab",       "Bitbucket",   "JavaScript", "TypeScript",    "CoffeeScript", "Stack Overflow",
    "TensorFlow", "PyTorch",      "NumPy",       "SciPy",      "PostgreSQL",    "MySQL",        "SQLite",
    "MongoDB",    "GraphQL",      "WebAssembly", "WordPress",  "YouTube",       "LinkedIn",     "iPadOS",
    "iOS",        "Node.js",      "Vue.js",      "jQuery",     "Elasticsearch", "OAuth",        "OpenAI",
    "ChatGPT",    "Hugging Face", "Kubernetes",  "PowerShell", "VS Code",       "Visual Studio"};

// Lower case, without spaces or dots: the key a name and its misspellings
// share, written into `key` (a buffer the caller reuses: one per word of
// every entry would be an allocation each).
void name_key(std::string_view text, std::string& key) {
  key.clear();
  for (char c : text)
    if (c != ' ' && c != '.') key += ascii_lower(c);
}

class NameDictionary {
 public:
  explicit NameDictionary(const std::vector<std::string>& extra) {
    for (std::string_view name : k_names) add(std::string(name));
    for (const std::string& name : extra) add(name);
  }
  // The canonical name `written` misspells; nullptr when it is one or none.
  const std::string* misspelt(std::string_view written) {
    // Most words are no name: their length or the first two letters of their key say so without a lookup.
    if (written.size() < 3 || written.size() > m_longest + 2) return nullptr;
    name_key(written, m_key);
    if (!m_prefixes[key_prefix(m_key)]) return nullptr;
    auto it = m_names.find(m_key);
    if (it == m_names.end() || it->second == written) return nullptr;
    bool shouting = std::none_of(written.begin(), written.end(),
                                 [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    return shouting ? nullptr : &it->second;
  }

 private:
  void add(const std::string& name) {
    if (name.empty()) return;
    std::string key;
    name_key(name, key);
    m_longest = std::max(m_longest, name.size());
    m_prefixes[key_prefix(key)] = true;
    m_names[key] = name;
  }
  // The first two bytes of a key as one number, every byte from 128 up
  // counted as 127.
  static size_t key_prefix(std::string_view key) {
    auto byte = [&](size_t i) {
      return i < key.size() ? std::min<size_t>(static_cast<unsigned char>(key[i]), 127) : 0;
    };
    return byte(0) * 128 + byte(1);
  }
  std::unordered_map<std::string, std::string> m_names;
  std::bitset<128 * 128> m_prefixes;
  size_t m_longest = 0;
  std::string m_key;
};

// ASCII letters and digits (std::isalnum in the "C" locale curate runs in,
// without its call per character) and the bytes of UTF-8 sequences.
bool word_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80);
}

// The words of `prose`: runs of letters and digits, with an inner '.' kept
// ("Node.js"). A word joined to others by '-', '_', '/' or '.' is part of
// an identifier (tensorflow-addons, github.com) and left out.
template <typename Visit>
void for_each_word(std::string_view prose, const Visit& visit) {
  size_t i = 0;
  while (i < prose.size()) {
    if (!word_char(prose[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < prose.size() &&
           (word_char(prose[end]) || (prose[end] == '.' && end + 1 < prose.size() && word_char(prose[end + 1]))))
      ++end;
    bool joined = (i > 0 && std::string_view("-_/.@#").find(prose[i - 1]) != std::string_view::npos) ||
                  (end < prose.size() && std::string_view("-_/@").find(prose[end]) != std::string_view::npos);
    if (!joined) visit(i, end);
    i = end;
  }
}

ItemCheck check_name_spelling(const LintContext&, RuleReporter& out) {
  auto dictionary = std::make_shared<NameDictionary>(out.options().value("words", std::vector<std::string>{}));
  return [&out, dictionary](const ItemVisit& at) {
    const Item& item = at.item;
    if (item.is_group || item.raw.empty()) return;
    std::string_view prose = entry_prose(item);
    std::string blanked;  // a copy only for the entries whose title is blanked
    if (!item.title.empty() && item.style != EntryStyle::leading_link)  // a title is the work's own (a paper's)
      if (size_t title = prose.find(item.title); title != std::string::npos) {
        blanked = prose;
        blank(blanked, title, title + item.title.size());
        prose = blanked;
      }
    size_t previous_start = std::string::npos, previous_end = 0;
    std::vector<std::string_view> reported;  // "VueJS … VueJS" is one finding: the entry's line is its place
    for_each_word(prose, [&](size_t start, size_t end) {
      std::string_view word = prose.substr(start, end - start);
      const std::string* name = dictionary->misspelt(word);
      std::string_view written = word;
      // Two words for one name ("Stack overflow", "Git Hub").
      if (!name && previous_start != std::string::npos && previous_end + 1 == start && prose[previous_end] == ' ') {
        written = prose.substr(previous_start, end - previous_start);
        name = dictionary->misspelt(written);
      }
      previous_start = start;
      previous_end = end;
      if (name && std::find(reported.begin(), reported.end(), written) == reported.end()) {
        reported.push_back(written);
        out.report(item.pos, at.line_end,
                   single_quoted(written) + " in the text of " + single_quoted(item.title) + " is written " +
                       single_quoted(*name));
      }
    });
  };
}

}  // namespace

void add_description_rules(RuleRegistry& registry) {
  registry.add({"separator-style", "Entries separate their description as the list does", Severity::warning, true,
                "The separator after an entry's leading link (' - ', ' – ' or ' — ') is the one most of the list's "
                "entries use, when more than half use one; --fix writes that one."},
               check_separator_style);
  registry.add_item_rule(
      {"description-repeats-title", "Descriptions do not open with the entry's name", Severity::warning, false,
       "'[Flask](…) - Flask is a micro framework' says the name twice; the description can "
       "start with what the name does not say ('A micro framework'). Reported when the name opens "
       "the description as the subject of a sentence about itself ('X is', 'X are', 'X was', "
       "'X - ', 'X: ', 'X, a'); 'Mattermost client.' or 'Bitbucket API' describe, and are not."},
      check_description_repeats_title);
  registry.add_item_rule(
      {"unbalanced-brackets", "Brackets and quotes in an entry's text are closed", Severity::warning, false,
       "An entry's text (code spans, links, URLs and HTML aside) closes every '(', '[', '{', '\"' "
       "and '“' it opens; an enumeration's 'a)' and a smiley are not brackets."},
      check_unbalanced_brackets);
  registry.add_item_rule(
      {"name-spelling", "Well-known names are spelt as their owners spell them", Severity::warning, false,
       "GitHub, JavaScript, Stack Overflow, TensorFlow, … written otherwise in an entry's text (Github, "
       "Javascript, StackOverflow). Link text, code spans, URLs, words joined into identifiers "
       "(tensorflow-addons, github.com), all-capital words and a paper's own title are left alone. The words "
       "option adds names. Not fixed: a quotation keeps its source's spelling."},
      check_name_spelling, {{"words", "[]", "more names, spelt as they should be (\"Hugging Face\", \"DuckDB\")"}});
}

}  // namespace curate
