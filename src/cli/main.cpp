// curate: a catalog manager for curated Markdown reading lists.
#include <cstdio>
#include <cstdlib>

#ifdef CURATE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "app.hpp"
#include "curate/markdown/chunk_trees.hpp"
#include "curate/text/error.hpp"
#include "options.hpp"
#include "usage_error.hpp"

int main(int argc, char** argv) {
#ifdef CURATE_WITH_MIMALLOC
  // 2 MiB pages where the kernel allows them (transparent huge pages in
  // "madvise" mode): a big list's tree is hundreds of megabytes, and with
  // 4 KiB pages a tenth of the run went to page faults (docs/performance.md).
  mi_option_set_enabled(mi_option_large_os_pages, true);
  // Every thread's first segment committed at once too (mimalloc commits it
  // page by page by default): the threads that parse and read chunks each
  // start one, and on 100k entries this halves the page faults and saves a
  // sixth of the CPU time (docs/performance.md, fourth session).
  mi_option_set(mi_option_eager_commit_delay, 0);
#endif
  curate::cli::RunState state;
  CLI::App app{"curate: query, validate, format, edit and export curated Markdown reading lists"};
  app.name("curate");
  app.formatter(curate::cli::help_formatter());  // subcommands inherit it
  app.set_version_flag("-V,--version", "curate " CURATE_VERSION);
  app.add_option("--config", state.global.config_path, "Use FILE as .curate.json instead of searching for one")
      ->type_name(curate::cli::placeholder::k_file);
  app.add_option_function<unsigned>(
         "--jobs", [](unsigned jobs) { curate::set_parse_jobs(jobs); },
         "Threads that parse a big list (default: CURATE_JOBS, else one per core); output is the same for any N")
      ->type_name("N")
      ->check(CLI::Range(1u, 256u));
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
    curate::cli::UsageError usage = curate::cli::describe_usage_error(app, e, argc, argv);
    curate::cli::print_error(usage.message);
    std::fprintf(stderr, "%s\n", usage.hint.c_str());
    return curate::k_exit_usage;
  } catch (const curate::Error& e) {
    curate::cli::print_error(e.describe());
    return curate::k_exit_usage;
  } catch (const std::exception& e) {
    curate::cli::print_error(e.what());
    return curate::k_exit_usage;
  }
  // exit(), not return: what the command kept in `state` dies with the
  // process instead of being freed piece by piece (RunState::kept).
  std::exit(state.exit_code);
}
