#include "curate/lint/duplicates.hpp"

#include <algorithm>
#include <cctype>

#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {

std::string duplicate_url_key(const Item& item) {
  if (!item.is_entry() || !item.url || item.url->empty()) return {};
  return normalize_url(*item.url);
}

namespace {

// "@nestia/core", "@nestia/migrate": the npm scope a package's name opens with, or "".
std::string_view package_scope(std::string_view title) {
  if (title.size() < 3 || title[0] != '@') return {};
  size_t slash = title.find('/');
  return slash == std::string_view::npos || slash + 1 >= title.size() ? std::string_view() : title.substr(0, slash + 1);
}

}  // namespace

bool names_its_project(const Item& later, const Item& first) {
  // Two packages of one scope (awesome-nestjs's `@nestia/core` and
  // `@nestia/migrate`) live in one monorepo, whose page both link.
  if (std::string_view scope = package_scope(later.title);
      !scope.empty() && scope == package_scope(first.title) && later.title != first.title)
    return true;
  if (!later.description || first.title.empty() || to_lower(later.title) == to_lower(first.title)) return false;
  std::string description = to_lower(*later.description), title = to_lower(first.title);
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
  for (size_t at = description.find(title); at != std::string::npos; at = description.find(title, at + 1)) {
    size_t end = at + title.size();
    if ((at != 0 && word_char(description[at - 1])) || (end != description.size() && word_char(description[end])))
      continue;
    // "uv's …", "(part of Django)", "a plugin for Flask": the project named
    // as such, not a word of the description ("[MosaicML Streaming](…) -
    // Fast, deterministic streaming of …" repeats "[Streaming](…)").
    std::string_view before = std::string_view(description).substr(0, at);
    std::string_view after = std::string_view(description).substr(end);
    if (starts_with(after, "'s") || starts_with(after, "\xE2\x80\x99s") || starts_with(after, " project")) return true;
    for (std::string_view lead : {"part of ", "of ", "for ", "from ", "in ", "on ", "with ", "to ", "by "})
      if (ends_with(before, lead)) return true;
  }
  return false;
}

std::string resource_key(std::string_view url) {
  // Only a query that names the page tells two addresses apart
  // ("item?id=13406081", "watch?v=…"; a search's "q=": awesome-for-beginners
  // lists Mattermost's issues "label:Tech/Go" and "label:Tech/JavaScript").
  std::string key = normalize_url(url);
  if (size_t cut = key.find_first_of("?#"); cut != std::string::npos) key.erase(cut);
  while (key.size() > 1 && key.back() == '/') key.pop_back();
  if (std::string query = page_query(url); !query.empty()) key += "?" + query;
  return key;
}

namespace {

// What an entry writes right after its leading link to tell it from
// namesakes: "[electron-boilerplate](…) *(by szwacz)* - …" gives "(by szwacz)",
// "[recipes](…) by @bzimmerman – …" gives "by @bzimmerman".
std::string_view qualifier(const Item& item) {
  std::string_view raw = item.raw;
  size_t link_end = raw.find("](");
  if (raw.empty() || raw.front() != '[' || link_end == std::string_view::npos) return {};
  size_t close = raw.find(')', link_end);
  if (close == std::string_view::npos) return {};
  std::string_view rest = raw.substr(close + 1);
  size_t open = rest.find_first_not_of(" *_");
  if (open == std::string_view::npos) return {};
  if (rest[open] == '(') return rest.substr(open, rest.find(')', open) - open);
  if (rest.size() - open < 4 || !iequals(rest.substr(open, 3), "by ")) return {};
  // "by NAME", up to the separator or the end of the line.
  std::string_view by = rest.substr(open);
  size_t end =
      std::min({by.find(" - "), by.find(" \xE2\x80\x93"), by.find(" \xE2\x80\x94"), by.find(':'), by.find('\n')});
  return trim(by.substr(0, end));
}

// "github.com/pascaldekloe" for https://github.com/pascaldekloe/jwt: the
// owner of a repository on a code host, or "" for other addresses.
std::string repository_owner(const std::optional<std::string>& url) {
  if (!url) return {};
  std::string key = resource_key(*url);
  std::optional<CodeHostPath> at = code_host_path(key);
  if (!at) return {};
  size_t owner_end = at->path.find('/');
  if (owner_end == std::string_view::npos) return {};  // the owner's own page, no repository
  return to_lower(std::string(at->host) + "/" + std::string(at->path.substr(0, owner_end)));
}

}  // namespace

TitleDuplicate title_duplicate(const Item& first, const Item& later, bool same_place) {
  if (same_place) {
    std::string_view a = qualifier(first), b = qualifier(later);
    if (!a.empty() && !b.empty() && a != b) return TitleDuplicate::none;  // told apart: "(by x)", "(by y)"
    // Two packages named "jwt", pascaldekloe's and cristalhq's (awesome-go
    // lists six "errors"): a package list names a repository by its name.
    std::string owner = repository_owner(first.url), other = repository_owner(later.url);
    if (!owner.empty() && !other.empty() && owner != other) return TitleDuplicate::none;
    // Two books called "Linear Algebra", one by Cherney, one by Hefferon
    // (a translation that adds its translator shares the author: reported).
    bool shared_author = std::any_of(first.authors.begin(), first.authors.end(), [&](const std::string& author) {
      return std::find(later.authors.begin(), later.authors.end(), author) != later.authors.end();
    });
    if (!first.authors.empty() && !later.authors.empty() && !shared_author) return TitleDuplicate::none;
    return TitleDuplicate::same_place;
  }
  if (first.url && later.url && resource_key(*first.url) == resource_key(*later.url))
    return TitleDuplicate::same_resource;
  return TitleDuplicate::none;
}

std::string duplicate_url_message(const Item& later, const Item& first, const std::string& first_where) {
  return "'" + later.title + "' links to the same URL as '" + first.title + "' at " + first_where + ": " +
         later.url.value_or("");
}

std::string duplicate_title_message(const Item& later, TitleDuplicate how, const std::string& first_where) {
  std::string message = "title '" + later.title + "' is also the title of the entry at " + first_where;
  return message + (how == TitleDuplicate::same_place ? " in the same section (a different URL)"
                                                      : " (another address of the same page: " + *later.url + ")");
}

}  // namespace curate
