#include "duplicates.hpp"

#include "curate/text/url.hpp"

namespace curate {
namespace {

std::string squote(const std::string& text) { return "'" + text + "'"; }

}  // namespace

bool compares_url(const Item& item) { return item.is_entry() && item.url && !item.url->empty(); }

std::string url_key(const std::string& url) { return normalize_url(url); }

std::string duplicate_url_message(const Item& item, const Item& first, const std::string& where) {
  return squote(item.title) + " links to the same URL as " + squote(first.title) + " at " + where + ": " + *item.url;
}

bool compares_title(const Item& item) { return item.is_entry() && item.url && !item.title.empty(); }

std::string title_key(std::string_view parents, const std::string& title) {
  std::string key(parents);
  return key += title;
}

bool titles_clash(const Item& first, const Item& second) {
  return !(first.url && second.url && url_key(*first.url) == url_key(*second.url));
}

std::string duplicate_title_message(const Item& item, const std::string& where) {
  return "title " + squote(item.title) + " is also the title of the entry at " + where + " (a different URL)";
}

}  // namespace curate
