#pragma once
// The rule engine of `curate validate` (docs/validate.md): a registry of
// rules, their settings from .curate.json, running the offline rules on one
// file, and settling severities and inline suppressions.
//
// Findings that come from elsewhere (link checking) join through
// FileFindings::diagnostics before Linter::finish(), so configuration,
// suppressions and every output format apply to them as well: register their
// RuleInfo without a check.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/io/source.hpp"
#include "curate/lint/diagnostic.hpp"

namespace curate {

class LintContext;  // what a built-in check sees (src/core/lint_context.hpp)
class RuleReporter;
struct ItemVisit;  // one item of the catalog and what the item checks share

// A rule check: reads the context, reports through the reporter.
using RuleCheck = std::function<void(const LintContext&, RuleReporter&)>;

// A rule that looks at items one at a time. The engine walks the catalog once
// for all of them (a walk over 100k items is a pass over their memory): the
// factory makes the rule's visitor for one run, which may keep state (URLs
// seen so far) until the walk ends; an empty visitor checks nothing.
using ItemCheck = std::function<void(const ItemVisit&)>;
using ItemCheckFactory = std::function<ItemCheck(const LintContext&, RuleReporter&)>;

// One configurable option of a rule ("future-slack-days") and its default.
struct RuleOption {
  std::string name;
  std::string default_json;  // the default as JSON text ("0", "[]"); its type is the option's
  std::string description;
};

struct Rule {
  RuleInfo info;
  std::vector<RuleOption> options;
  RuleCheck check;              // reads the whole context; or
  ItemCheckFactory item_check;  // visits items; with neither, findings come from outside the engine
  // An item rule whose visitor compares each entry with the ones before it
  // (duplicates): it runs on the walk beside the whole-context checks, the
  // other item rules on theirs (Linter::run_checks).
  bool compares_entries = false;
};

// The rules known to one run, in --list-rules order.
class RuleRegistry {
 public:
  // Adds a rule; throws curate::Error when the id is already taken.
  void add(RuleInfo info, RuleCheck check = {}, std::vector<RuleOption> options = {});
  void add_item_rule(RuleInfo info, ItemCheckFactory item_check, std::vector<RuleOption> options = {});
  void add_comparing_item_rule(RuleInfo info, ItemCheckFactory item_check, std::vector<RuleOption> options = {});
  const Rule* find(std::string_view id) const;
  const std::vector<Rule>& rules() const { return m_rules; }
  std::vector<std::string> ids() const;

 private:
  void add_rule(Rule rule);
  std::vector<Rule> m_rules;
};

// The built-in offline rules: structure, layout and entries.
RuleRegistry builtin_rules();

// The effective severity and options of every registered rule.
class LintSettings {
 public:
  // Defaults only.
  explicit LintSettings(const RuleRegistry& registry);
  // Defaults overridden by the "rules" object of `config.document`. Throws
  // curate::Error naming the config file for an unknown rule id or option
  // (with a "did you mean"), or a bad severity or option type.
  LintSettings(const RuleRegistry& registry, const Config& config);

  Severity severity(std::string_view rule) const;
  void set_severity(const std::string& rule, Severity severity);
  // The rule's options: defaults merged with the configured values.
  const nlohmann::json& options(std::string_view rule) const;

 private:
  struct Setting {
    Severity severity = Severity::error;
    std::shared_ptr<nlohmann::json> options;  // an object; shared by copies of the settings
  };
  std::map<std::string, Setting, std::less<>> m_rules;
};

// Where the inline comments of one file switch rules off (docs/validate.md
// "Suppressions"). Built by Linter::lint().
class Suppressions {
 public:
  struct Event {
    int line = 0;
    enum Kind { disable, enable, disable_next_line } kind = disable;
    std::vector<std::string> rules;  // empty: every rule
  };

  void add(Event event) { m_events.push_back(std::move(event)); }
  // Removes every diagnostic that a comment switches off.
  void apply(std::vector<Diagnostic>& diagnostics) const;

 private:
  std::vector<Event> m_events;  // in document order
};

// What the engine needs besides the file: the date "in the future" is
// measured against, and the file-system seam relative-link uses.
struct LintOptions {
  std::string today;                                         // YYYY-MM-DD; empty: the system clock (UTC)
  std::function<bool(const std::string& path)> path_exists;  // default: std::filesystem::exists
  size_t chunk_bytes = k_chunk_bytes;                        // parse.hpp build_catalog_chunked
  bool keep_links = false;                                   // fill FileFindings::links (link checking)
};

// A replacement in SourceFile::text that fixes one finding (rule, at).
struct TextEdit {
  std::string rule;
  SourcePos at;  // the finding's position
  size_t offset = 0;
  size_t length = 0;
  std::string replacement;
};

// A link (not an image) anywhere in the document: entries, paragraphs,
// block quotes, tables, headings.
struct DocumentLink {
  std::string url;
  SourceSpan span;
};

// One file's findings before severities and suppressions are settled.
struct [[nodiscard]] FileFindings {
  SourceFile source;
  Catalog catalog;
  Suppressions suppressions;
  std::vector<Diagnostic> diagnostics;  // other producers append here
  std::vector<TextEdit> edits;          // the text fixes rules offered
  std::vector<DocumentLink> links;      // every link, in document order, with LintOptions::keep_links
};

class Linter {
 public:
  Linter(RuleRegistry registry, LintSettings settings, LintOptions options = {});

  const RuleRegistry& registry() const { return m_registry; }
  const LintSettings& settings() const { return m_settings; }

  // Parses `source` and runs every rule whose severity is not off.
  FileFindings lint(SourceFile source, const Config& config) const;

  // The final list: each diagnostic gets its rule's configured severity,
  // rules set to off and suppressed findings are dropped, and the rest is
  // sorted by position (then rule id), so output is deterministic.
  std::vector<Diagnostic> finish(const FileFindings& findings) const;

 private:
  void run_checks(const LintContext& context, FileFindings& findings) const;

  RuleRegistry m_registry;
  LintSettings m_settings;
  LintOptions m_options;
};

// Counts by severity, for summaries and exit codes.
struct [[nodiscard]] DiagnosticCounts {
  int errors = 0;
  int warnings = 0;
  int fixable = 0;
};
DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace curate
