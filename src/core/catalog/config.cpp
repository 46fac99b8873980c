#include "curate/catalog/config.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace fs = std::filesystem;
namespace {

constexpr const char* k_config_name = ".curate.json";

void read_tags(const nlohmann::json& tags, Config& config, const std::string& path) {
  config.has_tags = true;
  if (tags.is_object()) {
    for (const auto& [name, description] : tags.items()) {
      if (!description.is_string())
        throw Error(path, 0, 0, "\"tags\": the description of \"" + name + "\" must be a string");
      config.tags.push_back({name, description.get<std::string>(), 0});
    }
  } else if (tags.is_array()) {
    for (const auto& name : tags) {
      if (!name.is_string()) throw Error(path, 0, 0, "\"tags\": every tag must be a string");
      config.tags.push_back({name.get<std::string>(), "", 0});
    }
  } else {
    throw Error(path, 0, 0, "\"tags\" must be an object of descriptions or an array of names");
  }
}

void read_kinds(const nlohmann::json& kinds, Config& config, const std::string& path) {
  if (kinds.is_array()) {
    for (const auto& kind : kinds) {
      if (!kind.is_string()) throw Error(path, 0, 0, "\"kinds\": every kind must be a string");
      config.kinds.add(kind.get<std::string>(), {});
    }
    return;
  }
  if (!kinds.is_object()) throw Error(path, 0, 0, "\"kinds\" must be an object {\"kind\": [\"alias\", …]} or an array");
  for (const auto& [kind, aliases] : kinds.items()) {
    std::vector<std::string> names;
    if (!aliases.is_array()) throw Error(path, 0, 0, "\"kinds\": the aliases of \"" + kind + "\" must be an array");
    for (const auto& alias : aliases) {
      if (!alias.is_string()) throw Error(path, 0, 0, "\"kinds\": aliases must be strings");
      names.push_back(alias.get<std::string>());
    }
    config.kinds.add(kind, names);
  }
}

void read_style(const nlohmann::json& style, Config& config, const std::string& path) {
  auto text = [&](const nlohmann::json& value, const std::string& where) {
    if (!value.is_string() || value.get<std::string>().empty())
      throw Error(path, 0, 0,
                  where +
                      " must be a style name (seed, awesome, books, papers, code-spans, reference) or a "
                      "template such as \"[{title}]({url}) - {description}\"");
    return value.get<std::string>();
  };
  if (style.is_string()) {
    config.style.list = text(style, "\"style\"");
    return;
  }
  if (!style.is_object()) throw Error(path, 0, 0, "\"style\" must be a style name, a template or an object");
  for (const auto& [key, value] : style.items()) {
    if (key == "list") {
      config.style.list = text(value, "\"style\".list");
    } else if (key == "sections" && value.is_object()) {
      for (const auto& [section, name] : value.items())
        config.style.sections.emplace_back(section, text(name, "\"style\".sections." + section));
    } else {
      throw Error(path, 0, 0, "\"style\": unknown key \"" + key + "\" (use \"list\" and \"sections\")");
    }
  }
}

void read_fmt(const nlohmann::json& fmt, Config& config, const std::string& path) {
  if (!fmt.is_object()) throw Error(path, 0, 0, "\"fmt\" must be an object {\"bullet\": \"-\", \"indent\": 2}");
  for (const auto& [key, value] : fmt.items()) {
    if (key == "bullet" && value.is_string() && value.get<std::string>().size() == 1 &&
        std::string_view("-*+").find(value.get<std::string>()[0]) != std::string_view::npos) {
      config.fmt.bullet = value.get<std::string>()[0];
    } else if (key == "indent" && value.is_number_integer() && value.get<int>() >= 1 && value.get<int>() <= 8) {
      config.fmt.indent = std::to_string(value.get<int>());
    } else if (key == "indent" && value.is_string() && (value == "tab" || value == "text")) {
      config.fmt.indent = value.get<std::string>();
    } else if (key == "top-indent" && value.is_number_integer() && value.get<int>() >= 0 && value.get<int>() <= 3) {
      config.fmt.top_indent = value.get<int>();
    } else if (key == "bullet" || key == "indent" || key == "top-indent") {
      throw Error(path, 0, 0,
                  "\"fmt\": \"" + key + "\" must be " +
                      (key == "bullet"   ? std::string("\"-\", \"*\" or \"+\"")
                       : key == "indent" ? std::string("a number of spaces (1 to 8), \"tab\" or \"text\"")
                                         : std::string("0 to 3")));
    } else {
      config.warnings.push_back("\"fmt\": unknown key \"" + key + "\"" +
                                did_you_mean(key, {"bullet", "indent", "top-indent"}, "\"", "\"") + "; ignored");
    }
  }
}

// `named` read relative to the folder of the config file `config_path`.
std::string resolve_against(const std::string& named, const std::string& config_path) {
  fs::path dir = fs::path(config_path).parent_path();
  fs::path path = named;
  return (path.is_absolute() || dir.empty()) ? path.string() : (dir / path).lexically_normal().string();
}

void read_file(const nlohmann::json& file, Config& config, const std::string& path) {
  if (!file.is_string()) throw Error(path, 0, 0, "\"file\" must be a string");
  config.file = resolve_against(file.get<std::string>(), path);
}

// "files": the catalog's files when it spans several (DESIGN.md "Several
// files"), each a path or a glob, resolved against the config's folder as
// "file" is; the CLI expands them (io/file_set.hpp).
void read_files(const nlohmann::json& files, Config& config, const std::string& path) {
  auto bad = [&] { return Error(path, 0, 0, "\"files\" must be a path or glob, or an array of them"); };
  std::vector<nlohmann::json> named =
      files.is_array() ? files.get<std::vector<nlohmann::json>>() : std::vector<nlohmann::json>{files};
  if (named.empty()) throw bad();
  for (const nlohmann::json& one : named) {
    if (!one.is_string() || one.get<std::string>().empty()) throw bad();
    config.files.push_back(resolve_against(one.get<std::string>(), path));
  }
}

// For keys a later stage reads from Config::document() itself.
void read_later(const nlohmann::json&, Config&, const std::string&) {}

// Every top-level key of .curate.json and its reader: the one place a key is
// declared. Reading and the unknown-key warning's "did you mean" both use it,
// so a new key (with its reader) is added here and nowhere else.
struct ConfigKey {
  std::string_view name;
  void (*read)(const nlohmann::json& value, Config& config, const std::string& path);
};
constexpr ConfigKey k_config_keys[] = {
    {"file", read_file},   {"files", read_files}, {"tags", read_tags},
    {"kinds", read_kinds}, {"rules", read_later},  // LintSettings (lint/engine.cpp)
    {"links", read_later},                         // apply_link_config (links/options.cpp), link_config_warnings
    {"style", read_style}, {"fmt", read_fmt},     {"metadata", read_later},  // apply_metadata_config (metadata/),
                                                                             // metadata_config_warnings
};

std::string unknown_key_warning(const std::string& key) {
  std::vector<std::string> names;
  for (const ConfigKey& known : k_config_keys) names.emplace_back(known.name);
  std::string hint = did_you_mean(key, names, "\"", "\"");
  if (hint.empty()) hint = " (known keys: " + join(names, ", ") + ")";
  return "unknown key \"" + key + "\"" + hint + "; ignored";
}

// Line and column (1-based) of the byte at `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  std::string_view before = text.substr(0, offset);
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  size_t line_start = before.rfind('\n');
  size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return {line, static_cast<int>(column)};
}

// nlohmann's message without its exception id and position, which the
// error shows as file:line:col instead: "syntax error while parsing
// object - unexpected '}'; expected string literal".
std::string parse_error_text(const nlohmann::json::parse_error& e) {
  std::string_view what = e.what();
  size_t at = what.find("parse error");
  size_t colon = at == std::string_view::npos ? std::string_view::npos : what.find(": ", at);
  return std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
}

nlohmann::json parse_config_text(const std::string& text, const std::string& path) {
  try {
    return nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // `byte` counts from 1 and points at the last character read: the culprit.
    auto [line, column] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
    throw Error(path, line, column, "invalid JSON: " + parse_error_text(e));
  }
}

}  // namespace

const nlohmann::json& Config::document() const {
  static const nlohmann::json k_empty = nlohmann::json::object();
  return m_document ? *m_document : k_empty;
}

void Config::set_document(nlohmann::json document) {
  m_document = std::make_shared<const nlohmann::json>(std::move(document));
}

Config load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path)) throw Error(path, 0, 0, "cannot read config file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Config config;
  config.path = path;
  config.set_document(parse_config_text(buffer.str(), path));
  const nlohmann::json& document = config.document();
  if (!document.is_object()) throw Error(path, 0, 0, "the config must be a JSON object");
  for (const ConfigKey& key : k_config_keys)
    if (auto it = document.find(key.name); it != document.end()) key.read(*it, config, path);
  for (const auto& [key, value] : document.items()) {
    auto is_key = [&key = key](const ConfigKey& known) { return known.name == key; };
    if (std::none_of(std::begin(k_config_keys), std::end(k_config_keys), is_key))
      config.warnings.push_back(unknown_key_warning(key));
  }
  return config;
}

std::optional<std::string> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    fs::path candidate = dir / k_config_name;
    if (fs::is_regular_file(candidate, ec)) {
      // Report a path relative to the working directory when it is below it.
      fs::path relative = candidate.lexically_relative(fs::current_path(ec));
      bool below = !relative.empty() && relative.begin()->string() != "..";
      return below ? relative.string() : candidate.string();
    }
    if (dir == dir.root_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

Config resolve_config(const std::optional<std::string>& explicit_path) {
  if (explicit_path) return load_config(*explicit_path);
  std::error_code ec;
  if (auto found = find_config(fs::current_path(ec))) return load_config(*found);
  return Config{};
}

std::string resolve_list_path(const std::optional<std::string>& positional, const Config& config) {
  if (positional) return *positional;
  if (config.file) return *config.file;
  if (fs::exists("README.md")) return "README.md";
  throw Error("no list file given, no \"file\" in .curate.json and no README.md here");
}

}  // namespace curate
