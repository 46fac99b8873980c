#pragma once
// GitHub-style heading anchors.

#include <map>
#include <string>
#include <string_view>

namespace curate {

// The anchor GitHub gives a heading whose text (heading_text()) is
// `heading_text`, by github-slugger's rules: lower-cased (Unicode), every
// character that is not a letter, mark, number, "_", "-" or space removed
// (punctuation, symbols, emoji), then each space turned into "-" (no
// trimming or collapsing: "# My List ![badge](…)" gives "my-list-",
// "## C++ / C#" gives "c--c"). docs/slugs.md has the examples.
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
