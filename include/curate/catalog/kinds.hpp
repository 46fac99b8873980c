#pragma once
// Field classification for the entry grammar: dates, kinds and the
// configurable kind alias table.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace curate {

// True for YYYY, YYYY-MM and YYYY-MM-DD (shape only; check_date checks ranges).
bool is_date_shape(std::string_view text);
// Whether `text` closes with a year of the 1900s or 2000s, alone or after
// a blank ("Rick Szeliski 2010", "ICLR 2016"): its last four bytes.
bool ends_with_year(std::string_view text);

// Why a date is not a real calendar date; the one calendar check that
// `add` and validate's malformed-date share.
enum class DateFault {
  none,   // a real date
  shape,  // not YYYY, YYYY-MM or YYYY-MM-DD
  month,  // a month outside 01..12
  day,    // a day that month does not have (leap years counted)
  year,   // a year before 1000: in a reading list, a typo (0202 for 2020)
};

// Judges a date, in the order above: a date with several faults reports the
// first. Reads only ASCII digits, so any text is safe to pass.
DateFault check_date(std::string_view date);

// Why a date in YYYY, YYYY-MM or YYYY-MM-DD shape is wrong ("has month 13",
// "is in the future"), or nullopt: the judgement of validate's malformed-date
// rule, which `add` applies too. `today` is YYYY-MM-DD; a partial date is in
// the future when its first day is later than today plus `slack_days`.
std::optional<std::string> date_problem(const std::string& date, const std::string& today, int slack_days);

// Today's date in UTC, YYYY-MM-DD.
std::string utc_today();

// A date as tables write it, in YYYY[-MM[-DD]] form: "2017", "2017-06",
// "June 2017", "Jun 2017", "12 June 2017", "June 12, 2017", "2017/06/12";
// nullopt for anything else (or a date the calendar lacks).
std::optional<std::string> read_written_date(std::string_view text);

// A year written with two digits, "'21", "3/10/23": 20YY under 50, else 19YY.
int year_of_two_digits(int two);

// "3/10/23", "12/29/2022": a date of numbers between slashes, in the order
// a table's column shows (month first or day first), YYYY-MM-DD; a year of
// two digits is year_of_two_digits'. nullopt for anything else.
std::optional<std::string> read_slashed_date(std::string_view text, bool month_first);
// The order a column of such dates is written in: month first when some
// cell's second number is over 12 and none's first, day first the other way
// round, nullopt when no cell tells or the cells contradict each other (or
// a cell is not such a date).
std::optional<bool> slashed_dates_month_first(const std::vector<std::string>& cells);

// The days of `month` (1..12) in `year` of the Gregorian calendar.
int days_in_month(int year, int month);

// Maps the many ways lists write a kind ("blog post", "YouTube") to a
// canonical kind ("blog", "video").
class KindTable {
 public:
  // The built-in kinds and aliases (docs/grammar.md lists them).
  KindTable();

  // Adds `kind` (canonical) with extra aliases; from .curate.json "kinds".
  void add(const std::string& kind, const std::vector<std::string>& aliases);

  // The canonical kind for one alias, case-insensitively.
  std::optional<std::string> lookup(std::string_view alias) const;

  // Splits a field on "+", "&" and " and " and maps every part; nullopt
  // unless every part is a known kind ("Blog & Paper" -> blog, paper).
  std::optional<std::vector<std::string>> classify(std::string_view field) const;

  // The canonical kinds, sorted.
  std::vector<std::string> kinds() const;

 private:
  const std::string* find(std::string_view alias, std::string& key) const;

  // Heterogeneous lookup: find() takes a string_view, no key copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> m_alias_to_kind;  // lower-case alias
};

}  // namespace curate
