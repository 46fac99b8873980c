// A GitHub repository's REST answer, read for an entry's fields.
#include "curate/metadata/github_repo.hpp"

#include <nlohmann/json.hpp>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

std::string text(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? collapse_whitespace(found->get<std::string>()) : "";
}

}  // namespace

std::string github_repo_request_url(const std::string& api, const std::string& owner_name) {
  return api + "/repos/" + owner_name;
}

Metadata read_github_repository(std::string_view body) {
  nlohmann::json document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded()) throw Error("GitHub's answer is not valid JSON");
  if (!document.is_object() || text(document, "name").empty())
    throw Error("GitHub's answer is not a repository (no \"name\")");
  Metadata out;
  out.source = "the GitHub API";
  out.title = text(document, "name");
  out.kind = "repo";
  if (std::string description = text(document, "description"); !description.empty()) out.description = description;
  if (auto owner = document.find("owner"); owner != document.end() && owner->is_object())
    if (std::string login = text(*owner, "login"); !login.empty()) out.authors.push_back(login);
  return out;
}

}  // namespace curate
