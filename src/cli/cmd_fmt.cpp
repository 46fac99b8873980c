// curate fmt: canonical re-rendering (docs/fmt.md). Prints, checks, diffs or
// rewrites; every result passes the safety net before it leaves the process.
#include <cstdlib>

#include "app.hpp"
#include "curate/format/format.hpp"
#include "curate/text/error.hpp"
#include "curate/text/unified_diff.hpp"
#include "options.hpp"

namespace curate::cli {
namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
  bool diff = false;
  bool write = false;
};

// Test-only hook (docs/fmt.md): CURATE_TEST_BREAK_FORMAT=1 corrupts the
// formatted text before the safety net runs, so tests can prove that a failed
// check leaves the file untouched. Changes the first link's URL, or adds a
// paragraph when there is none.
void break_for_test(std::string& formatted) {
  const char* flag = std::getenv("CURATE_TEST_BREAK_FORMAT");
  if (!flag || std::string(flag) != "1") return;
  size_t link = formatted.find("](");
  if (link != std::string::npos) {
    formatted.insert(link + 2, "broken-");
  } else {
    formatted += "\nCURATE_TEST_BREAK_FORMAT\n";
  }
}

// The formatted text of `source`, proven safe when `prove` (it will be
// printed or written); throws curate::Error otherwise.
std::string format_checked(const SourceFile& source, const MarkdownDocument& document, const Config& config,
                           bool prove) {
  std::string formatted = format_document(document, source.text, config.kinds, config.fmt);
  break_for_test(formatted);
  if (!prove || formatted == source.text) return formatted;  // nothing leaves the process, or nothing to prove
  SafetyResult safety = check_format_safety(source.text, formatted, k_check_all, config);
  if (!safety.ok())
    throw Error(source.path, 0, 0,
                "refusing to format: the result would change the list: " + *safety.difference + "; left unchanged");
  return formatted;
}

// Formats one file; returns true when it is not canonical.
// `state` keeps the parse of the last file to the exit (RunState::kept).
bool run_one(SourceFile source, const FmtOptions& options, const Config& config, std::string& out, RunState& state,
             bool last) {
  const std::string& path = source.path;
  MarkdownDocument document(source.text);
  // --check alone only compares: nothing is printed or written, so the
  // safety net (three more parses) is not needed to keep a promise.
  bool prove = !options.check || options.diff;
  std::string formatted = format_checked(source, document, config, prove);
  if (last) state.keep(std::move(document));
  bool changed = formatted != source.text;
  if (options.check && changed) out += "would reformat " + path + "\n";
  if (options.diff && changed) out += unified_diff(source.text, formatted, path, path);
  if (options.write && changed) write_atomic(path, restore_layout(formatted, source), stamp_to_replace(source));
  if (!options.check && !options.diff && !options.write) out += restore_layout(formatted, source);
  return changed;
}

int run_fmt(FmtOptions options, RunState& state) {
  Config config = load_cli_config(state.global);
  std::optional<SourceFile> implicit;  // the list read when no FILE is named (read_list)
  if (options.files.empty()) {
    implicit = read_list(std::nullopt, config, options.write ? StdinUse::never : StdinUse::allowed);
    options.files.push_back(implicit->path);
  }
  for (const std::string& file : options.files)
    if (options.write && file == "-") throw Error("fmt --write needs a file; it cannot rewrite standard input");
  std::string out;
  bool any_changed = false;
  for (const std::string& file : options.files) {
    SourceFile source = implicit ? std::move(*implicit) : read_list(file, config, StdinUse::never);
    any_changed =
        run_one(std::move(source), options, config, out, state, &file == &options.files.back()) || any_changed;
  }
  write_stdout(out);
  return any_changed && (options.check || options.diff) ? k_exit_findings : k_exit_ok;
}

}  // namespace

void add_fmt_command(CLI::App& command, RunState& state) {
  auto options = std::make_shared<FmtOptions>();
  command.add_option("FILE", options->files, "List files ('-' for standard input); default: the configured list")
      ->type_name(placeholder::k_file);
  auto* check = command.add_flag("--check", options->check,
                                 "Print 'would reformat FILE' for each file that is not canonical; exit 1 if any");
  auto* diff = command.add_flag("--diff", options->diff, "Print a unified diff of the changes; exit 1 if any");
  command.add_flag("--write", options->write, "Rewrite the files in place (atomically)")
      ->excludes(check)
      ->excludes(diff);
  command.callback([options, &state] { state.exit_code = run_fmt(*options, state); });
}

}  // namespace curate::cli
