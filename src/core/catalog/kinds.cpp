#include "curate/catalog/kinds.hpp"

#include <algorithm>
#include <set>

#include "curate/text/text.hpp"

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

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[month - 1];
}

DateFault check_date(std::string_view date) {
  if (!is_date_shape(date)) return DateFault::shape;
  auto number = [&](size_t from, size_t count) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) value = value * 10 + (date[i] - '0');
    return value;
  };
  int year = number(0, 4);
  int month = date.size() >= 7 ? number(5, 2) : 1;
  int day = date.size() == 10 ? number(8, 2) : 1;
  if (month < 1 || month > 12) return DateFault::month;
  if (day < 1 || day > days_in_month(year, month)) return DateFault::day;
  if (year < 1000) return DateFault::year;
  return DateFault::none;
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

// Lower-cases `alias` and collapses its whitespace into `key`, as the table's
// keys are; reusing the caller's buffer keeps lookups free of allocations.
const std::string* KindTable::find(std::string_view alias, std::string& key) const {
  key.clear();
  bool pending_space = false;
  for (char c : alias) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  auto it = m_alias_to_kind.find(key);
  return it == m_alias_to_kind.end() ? nullptr : &it->second;
}

std::optional<std::string> KindTable::lookup(std::string_view alias) const {
  std::string key;
  if (const std::string* kind = find(alias, key)) return *kind;
  return std::nullopt;
}

namespace {

// Whether " and " (any case) starts at `at`.
bool is_and(std::string_view text, size_t at) {
  return text.size() - at >= 5 && text[at] == ' ' && text[at + 4] == ' ' && iequals(text.substr(at + 1, 3), "and");
}

}  // namespace

std::optional<std::vector<std::string>> KindTable::classify(std::string_view field) const {
  std::string key;
  if (const std::string* whole = find(field, key)) return std::vector<std::string>{*whole};
  // Parts are separated by "+", "&", "/" and " and " ("blog and paper"); a
  // match's trailing space may start the next one, as in "blog and and
  // paper". One pass, no copies: most fields are author names and fail on
  // their first part.
  std::vector<std::string> kinds;
  auto add_part = [&](std::string_view part) {
    part = trim(part);
    if (part.empty()) return true;
    const std::string* kind = find(part, key);
    if (!kind) return false;
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    return true;
  };
  size_t start = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c == '+' || c == '&' || c == '/') {
      if (!add_part(field.substr(start, i - start))) return std::nullopt;
      start = i + 1;
    } else if (c == ' ' && is_and(field, i)) {
      if (!add_part(field.substr(start, i - start))) return std::nullopt;
      start = i + 4;
      i += 3;
    }
  }
  if (!add_part(field.substr(start))) return std::nullopt;
  if (kinds.empty()) return std::nullopt;
  return kinds;
}

std::vector<std::string> KindTable::kinds() const {
  std::set<std::string> unique;
  for (const auto& [alias, kind] : m_alias_to_kind) unique.insert(kind);
  return {unique.begin(), unique.end()};
}

}  // namespace curate
