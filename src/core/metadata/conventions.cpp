// A list's conventions for fetched fields.
#include "curate/metadata/conventions.hpp"

#include <map>

#include "curate/text/text.hpp"

namespace curate {

AuthorConvention author_convention(std::string_view style, std::optional<int> max_authors) {
  AuthorConvention out;
  if (style == "papers") {
    out.initials = true;
  } else if (!style.empty() && style != "seed") {
    out.max_authors = 3;
  }
  if (max_authors) out.max_authors = *max_authors;
  return out;
}

std::vector<std::string> shape_authors(const std::vector<std::string>& names, const AuthorConvention& convention) {
  std::vector<std::string> out;
  for (const std::string& name : names) out.push_back(convention.initials ? with_initials(name) : name);
  if (out.size() > static_cast<size_t>(std::max(1, convention.max_authors))) out = {out.front() + " et al."};
  return out;
}

std::string with_initials(std::string_view name) {
  std::vector<std::string> words = split_trimmed(name, " ");
  if (words.size() < 2) return std::string(name);
  std::string out;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& word = words[i];
    bool particle = !word.empty() && word[0] >= 'a' && word[0] <= 'z';
    if (particle || (word.size() == 2 && word[1] == '.')) {
      out += word + " ";
      continue;
    }
    // Each hyphenated part gives its first letter (a whole UTF-8 character).
    std::string initials;
    for (const std::string& part : split_trimmed(word, "-")) {
      size_t length = 1;
      while (length < part.size() && (static_cast<unsigned char>(part[length]) & 0xC0) == 0x80) ++length;
      initials += (initials.empty() ? "" : "-") + part.substr(0, length) + ".";
    }
    out += initials + " ";
  }
  return out + words.back();
}

std::string kind_as_written(const Catalog& catalog, std::string_view kind) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (const EntryRef& ref : collect_entries(catalog)) {
    const Item& item = *ref.item;
    if (item.kinds.size() != 1 || item.kinds.front() != kind || !item.medium) continue;
    if (counts[*item.medium]++ == 0) order.push_back(*item.medium);
  }
  std::string best(kind);
  int most = 0;
  for (const std::string& medium : order)
    if (counts[medium] > most) {
      most = counts[medium];
      best = medium;
    }
  return best;
}

}  // namespace curate
