#include "curate/text/unified_diff.hpp"

#include <dtl/dtl.hpp>

#include <sstream>
#include <vector>

namespace curate {
namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  // A last line without its line break differs from the same line with
  // one, and says so the way diff(1) does (a fmt that only adds the final
  // newline still shows a change).
  if (!lines.empty() && text.back() != '\n') lines.back() += "\n\\ No newline at end of file";
  return lines;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& old_name,
                         const std::string& new_name) {
  std::vector<std::string> a = split_lines(before), b = split_lines(after);
  if (a == b) return {};
  dtl::Diff<std::string> diff(a, b);
  diff.onHuge();  // bounded memory on large lists
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- " << old_name << "\n+++ " << new_name << "\n";
  diff.printUnifiedFormat(out);
  return out.str();
}

}  // namespace curate
