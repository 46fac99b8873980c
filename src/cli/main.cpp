// curate: a catalog manager for curated Markdown reading lists.
#include <cstdio>
#include <cstdlib>

#ifdef CURATE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "app.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace {

void print_error(const std::string& message) { std::fprintf(stderr, "curate: error: %s\n", message.c_str()); }

// CLI11 2.1 has no suggestions: offer the closest subcommand for a typo.
std::string suggestion_for(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return {};
  std::vector<std::string> names;
  for (const auto& spec : curate::cli::command_table()) names.emplace_back(spec.name);
  return curate::did_you_mean(argv[1], names);
}

}  // namespace

int main(int argc, char** argv) {
#ifdef CURATE_WITH_MIMALLOC
  // 2 MiB pages where the kernel allows them (transparent huge pages in
  // "madvise" mode): a big list's tree is hundreds of megabytes, and with
  // 4 KiB pages a tenth of the run went to page faults (docs/performance.md).
  mi_option_set_enabled(mi_option_large_os_pages, true);
#endif
  curate::cli::RunState state;
  CLI::App app{"curate: query, validate, format, edit and export curated Markdown reading lists"};
  app.name("curate");
  app.set_version_flag("--version", "curate " CURATE_VERSION);
  app.add_option("--config", state.global.config_path, "Use this .curate.json instead of searching for one");
  app.require_subcommand(1);
  app.fallthrough();
  for (const auto& spec : curate::cli::command_table()) {
    CLI::App* command = app.add_subcommand(spec.name, spec.help);
    if (spec.alias) command->alias(spec.alias);
    spec.add(*command, state);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    bool unknown_command = app.get_subcommands().empty() && argc >= 2 && argv[1][0] != '-';
    print_error(unknown_command ? std::string("unknown command '") + argv[1] + "'" + suggestion_for(argc, argv)
                                : std::string(e.what()));
    std::fprintf(stderr, "Run 'curate --help' for usage.\n");
    return curate::k_exit_usage;
  } catch (const curate::Error& e) {
    print_error(e.describe());
    return curate::k_exit_usage;
  } catch (const std::exception& e) {
    print_error(e.what());
    return curate::k_exit_usage;
  }
  // exit(), not return: what the command kept in `state` dies with the
  // process instead of being freed piece by piece (RunState::kept).
  std::exit(state.exit_code);
}
