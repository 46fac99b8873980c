#include "curate/links/fragments.hpp"

#include <algorithm>
#include <cctype>

#include "curate/links/options.hpp"
#include "curate/text/text.hpp"

namespace curate {
namespace {

constexpr std::string_view k_github_prefix = "user-content-";

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// L10 or L3C5: a line, or a line and column.
bool is_line_position(std::string_view part) {
  if (part.size() < 2 || part[0] != 'L') return false;
  part.remove_prefix(1);
  size_t column = part.find('C');
  if (column == std::string_view::npos) return all_digits(part);
  return all_digits(part.substr(0, column)) && all_digits(part.substr(column + 1));
}

// L10, L10-L20, L3C5-L4C2: GitHub's line anchors on files and diffs.
bool is_line_anchor(std::string_view fragment) {
  size_t dash = fragment.find('-');
  if (dash == std::string_view::npos) return is_line_position(fragment);
  return is_line_position(fragment.substr(0, dash)) && is_line_position(fragment.substr(dash + 1));
}

}  // namespace

bool is_checkable_fragment(std::string_view fragment, std::string_view host) {
  if (fragment.empty() || iequals(fragment, "top")) return false;
  if (fragment[0] == '/' || fragment[0] == '!' || starts_with(fragment, ":~:")) return false;
  if (host_matches(host, "github.com") && is_line_anchor(fragment)) return false;
  return true;
}

bool is_html_content_type(std::string_view content_type) {
  std::string_view type = trim(content_type.substr(0, content_type.find(';')));
  return iequals(type, "text/html") || iequals(type, "application/xhtml+xml");
}

FragmentFinder::FragmentFinder(const std::vector<std::string>& wanted)
    : m_wanted(wanted.begin(), wanted.end()),
      m_scanner(HtmlScanner::Handlers{[this](const HtmlElement& element) { look_at(element); }, {}, {}}) {}

bool FragmentFinder::feed(std::string_view chunk) { return !all_found() && m_scanner.feed(chunk); }

void FragmentFinder::finish() { m_scanner.finish(); }

void FragmentFinder::look_at(const HtmlElement& element) {
  for (const HtmlAttribute& attribute : element.attributes)
    if (attribute.name == "id" || attribute.name == "name") match(attribute.value);
  if (all_found()) m_scanner.stop();
}

void FragmentFinder::match(std::string_view value) {
  if (m_wanted.count(std::string(value))) m_found.insert(std::string(value));
  if (!starts_with(value, k_github_prefix)) return;
  // GitHub's script lower-cases the fragment before it adds the prefix.
  std::string plain = to_lower(value.substr(k_github_prefix.size()));
  for (const std::string& wanted : m_wanted)
    if (to_lower(wanted) == plain) m_found.insert(wanted);
}

}  // namespace curate
