#include "app.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "curate/catalog/parse.hpp"
#include "curate/links/options.hpp"
#include "curate/text/error.hpp"

namespace curate::cli {

Config load_cli_config(const GlobalOptions& global) {
  Config config = resolve_config(global.config_path);
  if (auto links = config.document().find("links"); links != config.document().end())
    for (std::string& warning : link_config_warnings(*links)) config.warnings.push_back(std::move(warning));
  for (const std::string& warning : config.warnings)
    std::fprintf(stderr, "curate: warning: %s: %s\n", config.path.c_str(), warning.c_str());
  return config;
}

LoadedList load_list(const GlobalOptions& global, const std::optional<std::string>& file) {
  LoadedList list;
  list.config = load_cli_config(global);
  list.source = read_source(resolve_list_path(file, list.config));
  list.catalog = parse_catalog(list.source, list.config);
  return list;
}

bool use_color(std::FILE* stream) {
  if (std::getenv("NO_COLOR")) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) != 0;
}

std::string colorize(const std::string& text, const char* ansi_code, bool enabled) {
  if (!enabled) return text;
  return std::string("\x1b[") + ansi_code + "m" + text + "\x1b[0m";
}

void write_stdout(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0) return;
  // The reader went away (`curate list | head -1`): end quietly, as the
  // default SIGPIPE would, even when something set SIGPIPE to be ignored.
  if (errno == EPIPE) {
    std::signal(SIGPIPE, SIG_DFL);
    std::raise(SIGPIPE);
    std::_Exit(128 + SIGPIPE);
  }
  throw Error(std::string("cannot write to standard output: ") + std::strerror(errno));
}

}  // namespace curate::cli
