#include "line_scan.hpp"

namespace curate {

std::vector<bool> code_span_mask(std::string_view line) {
  std::vector<bool> mask(line.size(), false);
  size_t at = 0;
  while (at < line.size()) {
    if (line[at] != '`' || is_escaped(line, at)) {
      ++at;
      continue;
    }
    size_t run = line.find_first_not_of('`', at);
    if (run == std::string_view::npos) break;
    size_t length = run - at;
    // The closing run has exactly the same length.
    size_t close = run;
    for (;;) {
      close = line.find('`', close);
      if (close == std::string_view::npos) break;
      size_t end = line.find_first_not_of('`', close);
      if (end == std::string_view::npos) end = line.size();
      if (end - close == length) break;
      close = end;
    }
    if (close == std::string_view::npos) {
      at = run;  // unmatched: literal backticks
      continue;
    }
    for (size_t i = at; i < close + length; ++i) mask[i] = true;
    at = close + length;
  }
  return mask;
}

size_t content_column(std::string_view line, size_t marker) {
  size_t at = marker;
  while (at < line.size() && line[at] >= '0' && line[at] <= '9') ++at;
  if (at < line.size()) ++at;  // the bullet, or the '.' / ')' after the number
  size_t text = line.find_first_not_of(' ', at);
  return text == std::string_view::npos ? line.size() : text;
}

}  // namespace curate
