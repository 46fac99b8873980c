#include <algorithm>
#include <deque>
#include <exception>
#include <filesystem>
#include <future>
#include <iterator>
#include <optional>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "curate/catalog/parse.hpp"
#include "curate/lint/lint.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

const RuleInfo k_invalid_suppression{
    "invalid-suppression", "A curate-disable/enable comment names a rule that does not exist", Severity::error, false,
    "Suppression comments read <!-- curate-disable RULE… -->; a misspelt rule id "
    "would silently suppress nothing, so it is reported."};

Severity parse_severity(const nlohmann::json& value, const std::string& rule, const std::string& path) {
  std::string name = value.is_string() ? value.get<std::string>() : "";
  if (name == "off") return Severity::off;
  if (name == "warning" || name == "warn") return Severity::warning;
  if (name == "error") return Severity::error;
  throw Error(path, 0, 0, "\"rules\": the severity of \"" + rule + "\" must be \"off\", \"warning\" or \"error\"");
}

// Checks a configured option against the type of its default value.
void check_option_type(const RuleOption& option, const nlohmann::json& value, const std::string& rule,
                       const std::string& path) {
  nlohmann::json want = nlohmann::json::parse(option.default_json);
  bool ok = (want.is_number() && value.is_number()) || (want.is_boolean() && value.is_boolean()) ||
            (want.is_string() && value.is_string()) || (want.is_array() && value.is_array());
  if (!ok)
    throw Error(
        path, 0, 0,
        "\"rules\": option \"" + option.name + "\" of \"" + rule + "\" must be a " + std::string(want.type_name()));
}

}  // namespace

void RuleRegistry::add(RuleInfo info, RuleCheck check, std::vector<RuleOption> options) {
  add_rule({std::move(info), std::move(options), std::move(check), {}, false});
}

void RuleRegistry::add_item_rule(RuleInfo info, ItemCheckFactory item_check, std::vector<RuleOption> options) {
  add_rule({std::move(info), std::move(options), {}, std::move(item_check), false});
}

void RuleRegistry::add_comparing_item_rule(RuleInfo info, ItemCheckFactory item_check,
                                           std::vector<RuleOption> options) {
  add_rule({std::move(info), std::move(options), {}, std::move(item_check), true});
}

void RuleRegistry::add_rule(Rule rule) {
  if (find(rule.info.id)) throw Error("rule '" + rule.info.id + "' is registered twice");
  m_rules.push_back(std::move(rule));
}

const Rule* RuleRegistry::find(std::string_view id) const {
  for (const Rule& rule : m_rules)
    if (rule.info.id == id) return &rule;
  return nullptr;
}

std::vector<std::string> RuleRegistry::ids() const {
  std::vector<std::string> out;
  for (const Rule& rule : m_rules) out.push_back(rule.info.id);
  return out;
}

RuleRegistry builtin_rules() {
  RuleRegistry registry;
  add_structure_rules(registry);
  add_layout_rules(registry);
  add_entry_rules(registry);
  add_link_rules(registry);
  add_syntax_rules(registry);
  add_description_rules(registry);
  registry.add(k_invalid_suppression);
  return registry;
}

LintSettings::LintSettings(const RuleRegistry& registry) {
  for (const Rule& rule : registry.rules()) {
    Setting setting;
    setting.severity = rule.info.default_severity;
    setting.options = std::make_shared<nlohmann::json>(nlohmann::json::object());
    for (const RuleOption& option : rule.options)
      (*setting.options)[option.name] = nlohmann::json::parse(option.default_json);
    m_rules[rule.info.id] = std::move(setting);
  }
}

LintSettings::LintSettings(const RuleRegistry& registry, const Config& config) : LintSettings(registry) {
  auto rules = config.document().find("rules");
  if (rules == config.document().end()) return;
  const std::string& path = config.path;
  if (!rules->is_object()) throw Error(path, 0, 0, "\"rules\" must be an object {\"rule-id\": \"off|warning|error\"}");
  for (const auto& [id, value] : rules->items()) {
    const Rule* rule = registry.find(id);
    if (!rule) throw Error(path, 0, 0, "\"rules\": unknown rule '" + id + "'" + did_you_mean(id, registry.ids()));
    Setting& setting = m_rules[id];
    if (!value.is_object()) {
      setting.severity = parse_severity(value, id, path);
      continue;
    }
    for (const auto& [key, option_value] : value.items()) {
      if (key == "severity") {
        setting.severity = parse_severity(option_value, id, path);
        continue;
      }
      // A named copy: clang 14 cannot capture a structured binding (C++20 P1091).
      const std::string& option_name = key;
      auto option = std::find_if(rule->options.begin(), rule->options.end(),
                                 [&](const RuleOption& o) { return o.name == option_name; });
      if (option == rule->options.end()) {
        std::vector<std::string> names{"severity"};
        for (const RuleOption& o : rule->options) names.push_back(o.name);
        throw Error(path, 0, 0, "\"rules\": rule '" + id + "' has no option '" + key + "'" + did_you_mean(key, names));
      }
      check_option_type(*option, option_value, id, path);
      (*setting.options)[key] = option_value;
    }
  }
}

Severity LintSettings::severity(std::string_view rule) const {
  auto it = m_rules.find(rule);
  return it == m_rules.end() ? Severity::error : it->second.severity;
}

void LintSettings::set_severity(const std::string& rule, Severity severity) { m_rules[rule].severity = severity; }

const nlohmann::json& LintSettings::options(std::string_view rule) const {
  static const nlohmann::json k_none = nlohmann::json::object();
  auto it = m_rules.find(rule);
  return it == m_rules.end() || !it->second.options ? k_none : *it->second.options;
}

Linter::Linter(RuleRegistry registry, LintSettings settings, LintOptions options)
    : m_registry(std::move(registry)), m_settings(std::move(settings)), m_options(std::move(options)) {
  if (!m_options.path_exists)
    m_options.path_exists = [](const std::string& path) {
      std::error_code ec;
      return std::filesystem::exists(path, ec);
    };
}

namespace {

// Checks that run one after another on one thread, into findings of their own.
struct CheckGroup {
  std::vector<Diagnostic> diagnostics;
  std::vector<TextEdit> edits;
  std::deque<RuleReporter> reporters;  // a deque: visitors keep a reference to theirs
  std::vector<std::pair<const Rule*, RuleReporter*>> checks;
  std::vector<ItemCheck> item_checks;

  RuleReporter& reporter(const Rule& rule, const std::string& path, const nlohmann::json& options) {
    return reporters.emplace_back(rule.info.id, path, options, diagnostics, &edits);
  }
  void run(const LintContext& context) {
    for (auto [rule, reporter] : checks) rule->check(context, *reporter);
    visit_items(context, item_checks);
  }
};

}  // namespace

// Two groups, each with its own walk of the items: the whole-context checks
// with the item rules that compare entries with each other, and the item
// rules that read one entry at a time; each is about half of the checking
// time. With two threads they run side by side. Their findings are joined
// in the same order either way, so the output does not depend on the
// threads (docs/performance.md "Parallel checks").
void Linter::run_checks(const LintContext& context, FileFindings& findings) const {
  CheckGroup across, each;
  const std::string& path = findings.source.path;
  for (const Rule& rule : m_registry.rules()) {
    if ((!rule.check && !rule.item_check) || m_settings.severity(rule.info.id) == Severity::off) continue;
    const nlohmann::json& options = m_settings.options(rule.info.id);
    if (rule.check) {
      across.checks.emplace_back(&rule, &across.reporter(rule, path, options));
    } else {
      CheckGroup& group = rule.compares_entries ? across : each;
      if (ItemCheck check = rule.item_check(context, group.reporter(rule, path, options)))
        group.item_checks.push_back(std::move(check));
    }
  }
  if (parse_jobs() > 1) {
    std::future<void> other = std::async(std::launch::async, [&] { across.run(context); });
    std::exception_ptr mine;
    try {
      each.run(context);
    } catch (...) {
      mine = std::current_exception();
    }
    other.get();  // rethrows the first group's failure, which wins as on one thread, where it runs first
    if (mine) std::rethrow_exception(mine);
  } else {
    across.run(context);
    each.run(context);
  }
  for (CheckGroup* group : {&across, &each}) {
    std::move(group->diagnostics.begin(), group->diagnostics.end(), std::back_inserter(findings.diagnostics));
    std::move(group->edits.begin(), group->edits.end(), std::back_inserter(findings.edits));
  }
}

FileFindings Linter::lint(SourceFile source, const Config& config) const {
  FileFindings findings;
  findings.source = std::move(source);
  // The catalog is built a chunk of the file at a time, freeing each
  // chunk's tree once read (peak memory, and a tree that stays in cache);
  // the context reads what the checks need of each block just before.
  const std::string& text = findings.source.text;
  const std::string& path = findings.source.path;
  std::optional<LintContext> context_holder;
  context_holder.emplace(findings.source, findings.catalog, config, m_options);
  auto read_block = [&context_holder](cmark_node* block, int line_offset) {
    context_holder->read_block(block, line_offset);
  };
  auto read_chunk = [&context_holder](cmark_node* root, int line_offset) {
    return context_holder->read_chunk(root, line_offset);
  };
  if (std::optional<Catalog> catalog =
          build_catalog_chunked(text, path, config, read_block, m_options.chunk_bytes, read_chunk)) {
    findings.catalog = std::move(*catalog);
  } else {  // the chunks were unsafe: read the whole document afresh
    context_holder.emplace(findings.source, findings.catalog, config, m_options);
    MarkdownDocument document(text);
    findings.catalog = build_catalog_consuming(document, text, path, config, read_block);
  }
  LintContext& context = *context_holder;
  context.finish();
  if (m_options.keep_links)
    for (const LinkInfo& link : context.links())
      if (!link.is_image) findings.links.push_back({link.url, link.span});
  run_checks(context, findings);
  const std::string& id = k_invalid_suppression.id;
  RuleReporter reporter(id, findings.source.path, m_settings.options(id), findings.diagnostics);
  findings.suppressions = read_suppressions(context, m_registry.ids(), &reporter);
  return findings;
}

std::vector<Diagnostic> Linter::finish(const FileFindings& findings) const {
  std::vector<Diagnostic> out;
  for (const Diagnostic& found : findings.diagnostics) {
    Severity severity = m_settings.severity(found.rule);
    if (severity == Severity::off) continue;
    out.push_back(found);
    out.back().severity = severity;
  }
  findings.suppressions.apply(out);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.begin.line != b.begin.line) return a.begin.line < b.begin.line;
    if (a.begin.column != b.begin.column) return a.begin.column < b.begin.column;
    return a.rule < b.rule;
  });
  return out;
}

DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  DiagnosticCounts counts;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) ++counts.errors;
    if (d.severity == Severity::warning) ++counts.warnings;
    if (d.fixable) ++counts.fixable;
  }
  return counts;
}

}  // namespace curate
