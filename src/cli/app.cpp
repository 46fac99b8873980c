#include "app.hpp"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "curate/catalog/parse.hpp"
#include "curate/io/file_set.hpp"
#include "curate/links/options.hpp"
#include "curate/metadata/metadata.hpp"
#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate::cli {

Config load_cli_config(const GlobalOptions& global) {
  Config config = resolve_config(global.config_path);
  if (auto links = config.document().find("links"); links != config.document().end())
    for (std::string& warning : link_config_warnings(*links)) config.warnings.push_back(std::move(warning));
  if (auto metadata = config.document().find("metadata"); metadata != config.document().end())
    for (std::string& warning : metadata_config_warnings(*metadata)) config.warnings.push_back(std::move(warning));
  for (const std::string& warning : config.warnings)
    std::fprintf(stderr, "curate: warning: %s: %s\n", config.path.c_str(), warning.c_str());
  return config;
}

namespace {

// A pipe, a socket or a regular file: input someone redirected on purpose.
// A terminal is a person typing, and /dev/null (a character device) is
// what CI runners and hooks often leave on standard input.
bool stdin_redirected() {
  struct stat info {};
  if (::fstat(STDIN_FILENO, &info) != 0) return false;
  return S_ISFIFO(info.st_mode) || S_ISREG(info.st_mode) || S_ISSOCK(info.st_mode);
}

// A file named on the command line that is not there: the message names
// the closest file in its folder, for the typo it usually is. A folder is a
// catalog of several files, which only reading commands take: the message
// says so to an edit or fmt given one (docs/cli.md "Several files").
void check_named_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(path, 0, 0,
                "is a directory; this command reads and changes one list file: name it (list, sections, tags, "
                "show, stats, export and validate read folders)");
  if (path == "-" || std::filesystem::exists(path, ec)) return;
  std::filesystem::path named(path);
  std::filesystem::path folder = named.has_parent_path() ? named.parent_path() : std::filesystem::path(".");
  std::vector<std::string> siblings;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) siblings.push_back(entry.path().filename());
  std::string best = closest_match(named.filename().string(), siblings);
  if (best.empty()) return;  // read_source says it is missing
  std::string suggestion = named.has_parent_path() ? (named.parent_path() / best).string() : best;
  throw Error(path, 0, 0, "no such file (did you mean '" + suggestion + "'?)");
}

// Standard input when it is redirected and holds something: an empty pipe
// names no list, as a CI job must check the configured one.
std::optional<SourceFile> piped_input(StdinUse stdin_use) {
  if (stdin_use != StdinUse::allowed || !stdin_redirected()) return std::nullopt;
  SourceFile piped = read_source("-");
  if (piped.text.empty()) return std::nullopt;
  return piped;
}

// The one list a single-file command reads when no FILE is named: "file",
// else the only file "files" names, else README.md.
std::string configured_list(const Config& config) {
  if (config.file || config.files.empty()) return resolve_list_path(std::nullopt, config);
  FileSet set = expand_file_arguments(config.files);
  if (set.paths.size() == 1) return set.paths.front();
  throw Error(config.path, 0, 0,
              "\"files\" names " + plural(static_cast<long long>(set.paths.size()), "file", "files") +
                  "; this command reads one: name it, or set \"file\"");
}

}  // namespace

SourceFile read_list(const std::optional<std::string>& file, const Config& config, StdinUse stdin_use) {
  if (file) {
    check_named_file(*file);
    return read_source(*file);
  }
  if (std::optional<SourceFile> piped = piped_input(stdin_use)) return std::move(*piped);
  return read_source(configured_list(config));
}

LoadedList load_list(const GlobalOptions& global, const std::optional<std::string>& file, StdinUse stdin_use) {
  LoadedList list;
  list.config = load_cli_config(global);
  list.source = read_list(file, list.config, stdin_use);
  list.catalog = parse_catalog(list.source, list.config);
  return list;
}

void use_catalog_ids(LoadedList& list) {
  if (list.config.files.empty() || list.source.path == "-") return;
  std::vector<std::string> paths = expand_file_arguments(list.config.files).paths;
  std::error_code error;
  auto is_edited = [&](const std::string& path) { return std::filesystem::equivalent(path, list.source.path, error); };
  auto edited = std::find_if(paths.begin(), paths.end(), is_edited);
  if (paths.size() < 2 || edited == paths.end()) return;
  std::vector<Catalog> others;
  others.reserve(paths.size());  // catalogs stay where they are: `all` points at them
  std::vector<Catalog*> all;
  for (const std::string& path : paths) {
    if (path == *edited) {
      all.push_back(&list.catalog);
    } else {
      others.push_back(parse_catalog(read_source(path), list.config));
      all.push_back(&others.back());
    }
  }
  // Ids depend on the file's name as the catalog spells it.
  std::string named = std::exchange(list.catalog.path, *edited);
  assign_ids_across(all);
  list.catalog.path = std::move(named);
}

ListInputs resolve_inputs(const std::vector<std::string>& files, const Config& config, StdinUse stdin_use) {
  ListInputs inputs;
  if (!files.empty()) {
    FileSet set = expand_file_arguments(files);
    inputs.paths = std::move(set.paths);
    inputs.several = set.several;
  } else if ((inputs.read_ahead = piped_input(stdin_use))) {
    inputs.paths = {"-"};
  } else if (!config.files.empty()) {
    FileSet set = expand_file_arguments(config.files);
    inputs.paths = std::move(set.paths);
    inputs.several = true;
  } else {
    inputs.paths = {resolve_list_path(std::nullopt, config)};
  }
  return inputs;
}

CatalogSet LoadedCatalog::set() const {
  CatalogSet set;
  for (const LoadedFile& file : files) set.catalogs.push_back(&file.catalog);
  set.several = several;
  return set;
}

std::vector<std::string> LoadedCatalog::paths() const {
  std::vector<std::string> paths;
  for (const LoadedFile& file : files) paths.push_back(file.source.path);
  return paths;
}

LoadedCatalog load_catalog(const GlobalOptions& global, const std::vector<std::string>& files, StdinUse stdin_use) {
  LoadedCatalog loaded;
  loaded.config = load_cli_config(global);
  ListInputs inputs = resolve_inputs(files, loaded.config, stdin_use);
  loaded.several = inputs.several;
  loaded.files.reserve(inputs.paths.size());  // catalogs stay where they are: entries point at them
  for (const std::string& path : inputs.paths) {
    LoadedFile& file = loaded.files.emplace_back();
    file.source = inputs.read_ahead ? std::move(*inputs.read_ahead) : read_list(path, loaded.config, StdinUse::never);
    inputs.read_ahead.reset();
    file.catalog = parse_catalog(file.source, loaded.config);
  }
  if (loaded.files.size() > 1) {
    std::vector<Catalog*> catalogs;
    for (LoadedFile& file : loaded.files) catalogs.push_back(&file.catalog);
    assign_ids_across(catalogs);
  }
  return loaded;
}

std::string today_for_checks() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return utc_today();
  char* end = nullptr;
  long long seconds = std::strtoll(epoch, &end, 10);
  if (*end) throw Error("SOURCE_DATE_EPOCH must be a number of seconds, not '" + std::string(epoch) + "'");
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

bool use_color(std::FILE* stream) {
  if (const char* no_color = std::getenv("NO_COLOR"); no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) != 0;
}

std::string colorize(const std::string& text, const char* ansi_code, bool enabled) {
  if (!enabled) return text;
  return std::string("\x1b[") + ansi_code + "m" + text + "\x1b[0m";
}

std::optional<size_t> output_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    long value = std::strtol(columns, &end, 10);
    if (*end == '\0' && value > 0) return static_cast<size_t>(value);
  }
  winsize size{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return static_cast<size_t>(size.ws_col);
  return std::nullopt;
}

void print_error(const std::string& message) { std::fprintf(stderr, "curate: error: %s\n", message.c_str()); }

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
