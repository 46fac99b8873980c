#include "curate/catalog/config.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "curate/text/error.hpp"

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
  try {
    config.set_document(nlohmann::json::parse(buffer.str(), nullptr, true, /*ignore_comments=*/true));
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(path, 0, 0, std::string("invalid JSON: ") + e.what());
  }
  const nlohmann::json& document = config.document();
  if (!document.is_object()) throw Error(path, 0, 0, "the config must be a JSON object");
  if (auto it = document.find("file"); it != document.end()) {
    if (!it->is_string()) throw Error(path, 0, 0, "\"file\" must be a string");
    fs::path file = it->get<std::string>();
    fs::path dir = fs::path(path).parent_path();
    config.file = (file.is_absolute() || dir.empty()) ? file.string() : (dir / file).lexically_normal().string();
  }
  if (auto it = document.find("tags"); it != document.end()) read_tags(*it, config, path);
  if (auto it = document.find("kinds"); it != document.end()) read_kinds(*it, config, path);
  if (auto it = document.find("style"); it != document.end()) read_style(*it, config, path);
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
