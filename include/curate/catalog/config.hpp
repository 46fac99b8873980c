#pragma once
// .curate.json: found by searching upward from the working directory, or
// named with --config. JSON with // and /* */ comments allowed.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/kinds.hpp"
#include "curate/catalog/style.hpp"

namespace curate {

// .curate.json "fmt": layout conventions that override what fmt learns from
// the file (docs/fmt.md "Conventions").
struct FmtSettings {
  std::optional<char> bullet;         // "-", "*" or "+"
  std::optional<std::string> indent;  // "text" (under the parent's text), "tab", or a number of spaces as text
  std::optional<int> top_indent;      // columns before a top-level marker, 0 to 3
};

struct Config {
  std::string path;                 // the file it was read from; empty when none
  std::optional<std::string> file;  // "file", resolved against the config's folder
  std::vector<TagDef> tags;         // "tags": {"name": "description"} or ["name", …]
  bool has_tags = false;
  KindTable kinds;  // built-ins plus "kinds": {"kind": ["alias", …]}
  StyleSpec style;  // "style": a name or template, or {"list": …, "sections": {"Papers": "papers"}}
  FmtSettings fmt;  // "fmt": {"bullet": "*", "indent": 4 | "tab" | "text", "top-indent": 0}
  // What the user should hear about the file that is no error: unknown
  // keys, each with a "did you mean" (`unknown key "rulez" (did you mean
  // "rules"?); ignored`). The core never prints; the CLI prints each once.
  std::vector<std::string> warnings;

  // The whole JSON object; other modules read their own keys ("rules",
  // "links"). An empty object when there is no config file.
  const nlohmann::json& document() const;
  void set_document(nlohmann::json document);

 private:
  std::shared_ptr<const nlohmann::json> m_document;  // shared: a Config is copied freely
};

// Reads and checks one config file. Throws curate::Error naming the file
// for a wrong value, and with file:line:col for text that is not JSON.
// Unknown keys are no error (a newer curate's key, a typo): they are read as
// warnings into Config::warnings.
Config load_config(const std::string& path);

// The nearest .curate.json in `start` or a folder above it.
std::optional<std::string> find_config(const std::filesystem::path& start);

// `explicit_path` if given, else the nearest .curate.json, else defaults.
Config resolve_config(const std::optional<std::string>& explicit_path);

// The list to read: the positional argument, else the config's "file", else
// README.md in the working directory. Throws curate::Error when none exists.
std::string resolve_list_path(const std::optional<std::string>& positional, const Config& config);

}  // namespace curate
