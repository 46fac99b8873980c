#include "curate/kinds.hpp"

#include <algorithm>
#include <set>

#include "curate/text.hpp"

namespace curate {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

struct BuiltinKind {
  const char* kind;
  std::vector<const char*> aliases;
};

// The built-in alias table; docs/grammar.md documents it.
const std::vector<BuiltinKind>& builtin_kinds() {
  static const std::vector<BuiltinKind> table = {
      {"blog", {"blog post", "blogpost", "blog-post", "post", "blogs"}},
      {"paper", {"papers", "preprint", "arxiv", "publication", "research paper"}},
      {"video", {"youtube", "videos", "vimeo", "screencast", "webinar"}},
      {"repo", {"github", "gitlab", "repository", "code", "source code", "library"}},
      {"book", {"books", "ebook", "e-book", "textbook"}},
      {"course", {"courses", "lecture", "lectures", "mooc", "class", "video course"}},
      {"article", {"articles", "essay", "news"}},
      {"talk", {"talks", "presentation", "keynote", "conference talk", "slides"}},
      {"podcast", {"podcasts", "episode"}},
      {"tutorial", {"tutorials", "guide", "how-to", "notebook"}},
      {"website", {"site", "web site", "web page", "webpage", "homepage"}},
      {"documentation", {"docs", "reference", "manual"}},
      {"newsletter", {"newsletters"}},
      {"dataset", {"datasets", "data set"}},
      {"tool", {"tools", "software", "app", "service"}},
  };
  return table;
}

}  // namespace

bool is_date_shape(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!all_digits(text.substr(0, 4))) return false;
  if (text.size() >= 7 && (text[4] != '-' || !all_digits(text.substr(5, 2)))) return false;
  if (text.size() == 10 && (text[7] != '-' || !all_digits(text.substr(8, 2)))) return false;
  return true;
}

KindTable::KindTable() {
  for (const auto& entry : builtin_kinds()) {
    m_alias_to_kind[entry.kind] = entry.kind;
    for (const char* alias : entry.aliases) m_alias_to_kind[alias] = entry.kind;
  }
}

void KindTable::add(const std::string& kind, const std::vector<std::string>& aliases) {
  std::string canonical = to_lower(trim(kind));
  m_alias_to_kind[canonical] = canonical;
  for (const auto& alias : aliases) m_alias_to_kind[to_lower(trim(alias))] = canonical;
}

std::optional<std::string> KindTable::lookup(std::string_view alias) const {
  auto it = m_alias_to_kind.find(collapse_whitespace(to_lower(alias)));
  if (it == m_alias_to_kind.end()) return std::nullopt;
  return it->second;
}

std::optional<std::vector<std::string>> KindTable::classify(std::string_view field) const {
  if (auto whole = lookup(field)) return std::vector<std::string>{*whole};
  // " and " joins kinds as "&" does ("blog and paper").
  // One pass (a long field must not cost quadratic time); a match's trailing
  // space may start the next one, as in "blog and and paper".
  std::string lower = to_lower(field), text;
  size_t done = 0;
  for (size_t at; (at = lower.find(" and ", done)) != std::string::npos; done = at + 4)
    text.append(field.substr(done, at - done)).append(" &");
  text.append(field.substr(done));
  std::vector<std::string> kinds;
  for (const auto& part : split_trimmed(text, "+&/")) {
    auto kind = lookup(part);
    if (!kind) return std::nullopt;
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
  }
  if (kinds.empty()) return std::nullopt;
  return kinds;
}

std::vector<std::string> KindTable::kinds() const {
  std::set<std::string> unique;
  for (const auto& [alias, kind] : m_alias_to_kind) unique.insert(kind);
  return {unique.begin(), unique.end()};
}

}  // namespace curate
