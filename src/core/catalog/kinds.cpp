#include "curate/catalog/kinds.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
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

namespace {

// The value of the `count` digits at `from`; the caller checked they are
// digits (is_date_shape), so no substring or std::stoi is needed.
int number_at(const std::string& text, size_t from, size_t count) {
  int value = 0;
  for (size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

std::chrono::sys_days to_days(int year, unsigned month, unsigned day) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

}  // namespace

std::optional<std::string> date_problem(const std::string& date, const std::string& today, int slack_days) {
  switch (check_date(date)) {
    case DateFault::shape:
      return std::nullopt;  // not meant as a date here; looks_like_date judges fields
    case DateFault::month:
      return "has month " + date.substr(5, 2);
    case DateFault::day:
      return "has day " + date.substr(8, 2) + ", which " + date.substr(0, 7) + " does not have";
    case DateFault::year:
      return "has year " + date.substr(0, 4);
    case DateFault::none:
      break;
  }
  if (check_date(today) != DateFault::none || today.size() != 10) return std::nullopt;
  auto day_of = [](const std::string& text) {
    return to_days(number_at(text, 0, 4), text.size() >= 7 ? static_cast<unsigned>(number_at(text, 5, 2)) : 1,
                   text.size() == 10 ? static_cast<unsigned>(number_at(text, 8, 2)) : 1);
  };
  if (day_of(date) > day_of(today) + std::chrono::days{slack_days}) return "is in the future (today is " + today + ")";
  return std::nullopt;
}

std::string utc_today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day date{days};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<std::string> read_written_date(std::string_view text) {
  std::string_view t = trim(text);
  auto valid = [](std::string date) -> std::optional<std::string> {
    if (check_date(date) != DateFault::none) return std::nullopt;
    return date;
  };
  if (is_date_shape(t)) return valid(std::string(t));
  static constexpr std::string_view k_months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = to_lower(t);
  for (char& c : lower)
    if (c == ',' || c == '/' || c == '.') c = ' ';
  std::vector<std::string> words = split_trimmed(lower, " ");
  int year = 0, month = 0, day = 0;
  for (const std::string& word : words) {
    bool digits = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && word.size() == 4 && !year) {
      year = std::stoi(word);
    } else if (digits && word.size() <= 2 && year && !month && words.size() == 3 && words[0].size() == 4) {
      month = std::stoi(word);  // 2017/06/12
    } else if (digits && word.size() <= 2 && !day) {
      day = std::stoi(word);
    } else if (!digits && word.size() >= 3) {
      auto it = std::find_if(std::begin(k_months), std::end(k_months),
                             [&](std::string_view m) { return word.compare(0, 3, m) == 0; });
      if (it == std::end(k_months) || month) return std::nullopt;
      month = static_cast<int>(it - std::begin(k_months)) + 1;
    } else {
      return std::nullopt;
    }
  }
  if (!year || (day && !month)) return std::nullopt;
  char buffer[16];
  if (!month) return valid(std::to_string(year));
  if (!day) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return valid(buffer);
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return valid(buffer);
}

namespace {

// "3/10/23" → {3, 10, 23, 2}; false unless it is 1-2 digits, 1-2 digits and 2 or 4 digits.
bool slashed_numbers(std::string_view text, int (&numbers)[3], size_t& year_digits) {
  text = trim(text);
  size_t at = 0;
  for (int i = 0; i < 3; ++i) {
    size_t start = at;
    int value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') value = value * 10 + (text[at++] - '0');
    size_t digits = at - start;
    if (digits == 0 || (i < 2 && digits > 2) || (i == 2 && digits != 2 && digits != 4)) return false;
    numbers[i] = value;
    year_digits = digits;
    if (i < 2 && (at >= text.size() || text[at++] != '/')) return false;
  }
  return at == text.size();
}

}  // namespace

int year_of_two_digits(int two) { return two < 50 ? 2000 + two : 1900 + two; }

std::optional<std::string> read_slashed_date(std::string_view text, bool month_first) {
  int n[3];
  size_t year_digits = 0;
  if (!slashed_numbers(text, n, year_digits)) return std::nullopt;
  int year = year_digits == 4 ? n[2] : year_of_two_digits(n[2]);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month_first ? n[0] : n[1], month_first ? n[1] : n[0]);
  if (check_date(buffer) != DateFault::none) return std::nullopt;
  return std::string(buffer);
}

std::optional<bool> slashed_dates_month_first(const std::vector<std::string>& cells) {
  bool month_first = false, day_first = false;
  for (const std::string& cell : cells) {
    int n[3];
    size_t year_digits = 0;
    if (trim(cell).empty()) continue;
    if (!slashed_numbers(cell, n, year_digits)) return std::nullopt;
    month_first = month_first || (n[1] > 12 && n[0] <= 12);
    day_first = day_first || (n[0] > 12 && n[1] <= 12);
  }
  if (month_first == day_first) return std::nullopt;
  return month_first;
}

bool ends_with_year(std::string_view text) {
  if (text.size() < 4) return false;
  std::string_view year = text.substr(text.size() - 4);
  return is_date_shape(year) && (year.substr(0, 2) == "19" || year.substr(0, 2) == "20") &&
         (text.size() == 4 || text[text.size() - 5] == ' ');
}

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
    if (is_space(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(ascii_lower(c));
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
