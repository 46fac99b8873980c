#pragma once
// A configuration whose "rules" object is the JSON text given, for the
// tests of validate's rules and engine.

#include <nlohmann/json.hpp>

#include <string>

#include "curate/catalog/config.hpp"

namespace curate::test {

inline Config config_with_rules(const std::string& rules_json) {
  Config config;
  config.path = ".curate.json";
  config.set_document(nlohmann::json::parse("{\"rules\": " + rules_json + "}"));
  return config;
}

}  // namespace curate::test
