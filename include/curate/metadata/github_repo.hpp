#pragma once
// GitHub repositories: the REST request (GET /repos/OWNER/NAME) and reading
// its JSON answer. Which URLs are repositories is links/github.hpp's rule.

#include <string>
#include <string_view>

#include "curate/metadata/metadata.hpp"

namespace curate {

// `api`/repos/`owner_name` ("owner/name").
std::string github_repo_request_url(const std::string& api, const std::string& owner_name);

// Reads GitHub's repository JSON: title = its name, description, authors =
// the owner's login, kind "repo" (no date: a repository has no single one).
// Throws curate::Error when the body is not JSON or not a repository.
Metadata read_github_repository(std::string_view body);

}  // namespace curate
