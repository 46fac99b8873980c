#include "app.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "curate/catalog/parse.hpp"
#include "curate/text/error.hpp"

namespace curate::cli {

LoadedList load_list(const GlobalOptions& global, const std::optional<std::string>& file) {
  LoadedList list;
  list.config = resolve_config(global.config_path);
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
