// curate validate (lint): the offline rules of docs/validate.md over one or
// more lists, optional fixes, and output for terminals, tools and CI.
//
// Per file: read -> [--fix: rewrite] -> lint -> (other producers add their
// findings here, e.g. link checking) -> finish (severities, suppressions).
// Output is built for all files at once and written in one go.
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <unistd.h>

#include <fmt/format.h>

#include "app.hpp"
#include "curate/lint/cross_file.hpp"
#include "curate/lint/fix.hpp"
#include "curate/lint/lint.hpp"
#include "curate/lint/output.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "link_options.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool fix = false;
  std::vector<std::string> fix_rules;  // --fix=RULE,…; empty: every fixable rule
  std::string fix_spec;                // what --fix was given ("" for bare --fix)
  bool list_rules = false;
  bool strict = false;
  std::optional<int> max_warnings;
  LinkCliOptions links;
};

// The folder github and sarif paths are relative to: the Actions workspace
// when set, else the enclosing git repository, else the working directory.
std::string output_root() {
  if (const char* workspace = std::getenv("GITHUB_WORKSPACE"); workspace && *workspace) return workspace;
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  std::string root = find_repository_root(cwd);
  return root.empty() ? cwd : root;
}

std::string list_rules(const Linter& linter) {
  std::string out;
  for (const Rule& rule : linter.registry().rules()) {
    const RuleInfo& info = rule.info;
    out += fmt::format("{:<20} {:<8} {:<4} {}\n", info.id, severity_name(linter.settings().severity(info.id)),
                       info.fixable ? "fix" : "", info.description);
  }
  return out;
}

// --strict: every warning counts, and is shown, as an error.
void promote_warnings(std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics)
    if (d.severity == Severity::warning) d.severity = Severity::error;
}

// The exit code; when only --max-warnings makes it 1, standard error says
// so (the warnings alone would have passed).
int exit_code(const std::vector<Diagnostic>& diagnostics, const ValidateOptions& options) {
  DiagnosticCounts counts = count_diagnostics(diagnostics);
  if (counts.errors > 0) return k_exit_findings;
  if (options.max_warnings && counts.warnings > *options.max_warnings) {
    std::fputs(fmt::format("curate: {}, more than --max-warnings {} allows: exit 1\n",
                           plural(counts.warnings, "warning", "warnings"), *options.max_warnings)
                   .c_str(),
               stderr);
    return k_exit_findings;
  }
  return k_exit_ok;
}

// --fix=RULE,…: the rules named must exist and have a fix. Throws
// curate::Error (a usage error) naming the first that does not.
std::vector<std::string> parse_fix_rules(const std::string& spec, const RuleRegistry& registry) {
  std::vector<std::string> rules = split_trimmed(spec, ",");
  std::vector<std::string> fixable;
  for (const Rule& rule : registry.rules())
    if (rule.info.fixable) fixable.push_back(rule.info.id);
  for (const std::string& id : rules) {
    const Rule* rule = registry.find(id);
    if (!rule) throw Error("--fix: unknown rule '" + id + "'" + did_you_mean(id, registry.ids()));
    if (!rule->info.fixable)
      throw Error("--fix: rule '" + id + "' has no fix (rules with one: " + join(fixable, ", ") + ")");
  }
  return rules;
}

int run_validate(ValidateOptions options, RunState& state) {
  Config config = load_cli_config(state.global);
  RuleRegistry registry = builtin_rules();
  for (RuleInfo& info : link_rule_infos()) registry.add(std::move(info));
  LintSettings settings(registry, config);
  LintOptions lint_options;
  lint_options.today = today_for_checks();
  lint_options.keep_links = links_requested(options.links, config);  // prose links are checked too
  Linter linter(std::move(registry), std::move(settings), lint_options);
  if (options.list_rules) {
    write_stdout(list_rules(linter));
    return k_exit_ok;
  }
  if (options.fix && !options.fix_spec.empty())
    options.fix_rules = parse_fix_rules(options.fix_spec, linter.registry());
  ListInputs inputs = resolve_inputs(options.files, config, options.fix ? StdinUse::never : StdinUse::allowed);
  if (options.files.empty() && !inputs.read_ahead && !inputs.several)  // the configured list: unreadable is an error
    inputs.read_ahead = read_list(inputs.paths.front(), config, StdinUse::never);
  if (options.fix)
    for (const std::string& file : inputs.paths)
      if (file == "-") throw Error("validate --fix needs a file; it cannot rewrite standard input");
  LintOutputOptions output;
  std::vector<Diagnostic> all;
  std::string notes;
  bool interrupted = false;
  std::vector<std::string> failures;  // files that could not be read or fixed: reported after the others
  std::vector<FileFindings> linted;   // every file's, until the findings between files are in
  for (const std::string& file : inputs.paths) {
    try {
      SourceFile source = inputs.read_ahead ? std::move(*inputs.read_ahead) : read_list(file, config, StdinUse::never);
      inputs.read_ahead.reset();
      if (options.fix) {
        FixResult fixed = fix_file(linter, source, config, options.fix_rules);
        // The new stamp: a --links --fix write later in this run replaces this version.
        if (fixed.changed())
          source.stamp = write_atomic(file, restore_layout(fixed.text, source), stamp_to_replace(source));
        notes += fixed.summary(file);
        source.text = std::move(fixed.text);
      }
      FileFindings findings = linter.lint(std::move(source), config);
      if (links_requested(options.links, config))
        interrupted = add_link_findings(linter, config, options.links, options.fix ? &options.fix_rules : nullptr,
                                        findings, notes);
      linted.push_back(std::move(findings));
      if (interrupted) break;  // Ctrl-C: report what was found so far
    } catch (const Error& e) {
      failures.push_back(e.describe());
    }
  }
  add_cross_file_findings(linted, linter);
  for (FileFindings& findings : linted) {
    std::vector<Diagnostic> diagnostics = linter.finish(findings);
    all.insert(all.end(), diagnostics.begin(), diagnostics.end());
    output.sources[findings.source.path] = std::move(findings.source.text);
  }
  state.keep(std::move(linted));  // freed by the exit
  if (options.strict) promote_warnings(all);
  LintFormat format = parse_lint_format(options.format);
  output.color = format == LintFormat::text && use_color(stdout);
  output.files = static_cast<int>(inputs.paths.size() - failures.size());
  output.clean_summary = format == LintFormat::text && ::isatty(STDOUT_FILENO) != 0;
  if (format == LintFormat::github || format == LintFormat::sarif) output.root = output_root();
  if (!notes.empty()) std::fputs(notes.c_str(), stderr);
  write_stdout(format_lint(format, all, linter.registry(), output));
  for (const std::string& failure : failures) print_error(failure);
  if (interrupted) return k_exit_interrupted;
  return failures.empty() ? exit_code(all, options) : k_exit_usage;
}

}  // namespace

void add_validate_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<ValidateOptions>();
  add_files_argument(command, options->files);
  add_format_option(command, options->format, {"text", "json", "github", "sarif", "junit"});
  // A flag, so `--fix list.md` never reads the file as a rule: the rules come only as --fix=RULE,….
  // Given or not is its count; a bare --fix sets fix_spec to "true" (CLI11), --fix=RULE,… to the rules.
  CLI::Option* fix =
      command.add_flag("--fix", options->fix_spec,
                       "Apply the fixable findings (layout via fmt, tracking parameters, tag typos, metadata "
                       "separators, glued lines, broken links, …; with --links, permanently redirected URLs and moved "
                       "repositories), then report what remains; --fix=RULE,… fixes only those rules");
  command.add_flag("--list-rules", options->list_rules, "Print every rule with its severity and exit");
  command.add_option("--max-warnings", options->max_warnings, "Exit 1 when there are more than N warnings")
      ->type_name(placeholder::k_count)
      ->check(count_value());
  command.add_flag("--strict", options->strict, "Treat warnings as errors");
  add_link_options(command, options->links);
  command.callback([options, fix, &state] {
    options->fix = fix->count() > 0;
    if (options->fix_spec == "true") options->fix_spec.clear();  // CLI11's value for a bare flag: every rule
    state.exit_code = run_validate(*options, state);
  });
}

}  // namespace curate::cli
