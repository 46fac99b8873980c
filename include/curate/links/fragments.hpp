#pragma once
// Remote anchors (`--check-fragments`): whether the page a URL points at has
// an element for its #fragment, read from the page's HTML as it downloads,
// and only as far as needed.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "curate/links/html_scan.hpp"

namespace curate {

// Whether `fragment` (without '#', percent-decoded) names an element worth
// looking for: not empty, not "top" (which every page has), not an app
// route (`#/path`, `#!/path`), not a text fragment (`#:~:text=`), and on a
// GitHub host not a line anchor (`#L10`, `#L10-L20`, `#L3C5`), which GitHub
// draws with script.
bool is_checkable_fragment(std::string_view fragment, std::string_view host);

// text/html or application/xhtml+xml (parameters ignored, any case).
bool is_html_content_type(std::string_view content_type);

// Looks for elements whose `id` or `name` equals one of the wanted
// fragments in an HTML body fed a chunk at a time. GitHub renders Markdown
// with ids prefixed "user-content-" (and finds them again from the plain
// fragment with script), so `#usage` also matches id="user-content-usage".
class FragmentFinder {
 public:
  explicit FragmentFinder(const std::vector<std::string>& wanted);

  // Scans the next bytes; false once every wanted fragment is found (read
  // no further).
  bool feed(std::string_view chunk);
  // The end of the body.
  void finish();

  const std::set<std::string>& found() const { return m_found; }
  bool all_found() const { return m_found.size() == m_wanted.size(); }

 private:
  void look_at(const HtmlElement& element);
  void match(std::string_view value);

  std::set<std::string> m_wanted;
  std::set<std::string> m_found;
  HtmlScanner m_scanner;
};

}  // namespace curate
