#pragma once
// GitHub-style heading anchors.

#include <map>
#include <string>
#include <string_view>

namespace curate {

// The anchor GitHub gives a heading with this plain text: lower-cased,
// punctuation and symbols (emoji included) removed, spaces turned into "-".
// Letters and digits of any script are kept.
std::string github_slug(std::string_view heading_text);

// Hands out unique slugs the way GitHub does for repeated headings:
// "x", "x-1", "x-2", …
class SlugRegistry {
 public:
  std::string unique(std::string_view heading_text);

 private:
  std::map<std::string, int> m_seen;
};

}  // namespace curate
