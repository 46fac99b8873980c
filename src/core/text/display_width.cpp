#include "curate/text/display_width.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "curate/text/text.hpp"

namespace curate {
namespace {

constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";  // "…", one column

bool is_regional_indicator(utf8proc_int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// One grapheme cluster: where it ends in the text and how wide it is.
struct Cluster {
  size_t end = 0;
  size_t width = 0;
};

// The cluster starting at `begin`. Its width is that of its first code
// point with any width; an emoji selector or a regional-indicator pair
// widens it to 2, as terminals draw those as emoji.
Cluster next_cluster(std::string_view text, size_t begin) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_int32_t state = 0, previous = -1, cp = 0;
  Cluster cluster{begin, 0};
  int regional = 0;
  bool emoji_selector = false;
  while (cluster.end < text.size()) {
    utf8proc_ssize_t length =
        utf8proc_iterate(bytes + cluster.end, size - static_cast<utf8proc_ssize_t>(cluster.end), &cp);
    if (length <= 0) {  // not UTF-8: a cluster of one byte, one column
      if (cluster.end == begin) return {begin + 1, 1};
      break;
    }
    if (previous >= 0 && utf8proc_grapheme_break_stateful(previous, cp, &state)) break;
    if (cluster.width == 0) cluster.width = static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
    regional += is_regional_indicator(cp) ? 1 : 0;
    emoji_selector = emoji_selector || cp == 0xFE0F;
    previous = cp;
    cluster.end += static_cast<size_t>(length);
  }
  if ((emoji_selector || regional == 2) && cluster.width == 1) cluster.width = 2;
  return cluster;
}

}  // namespace

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t at = 0; at < text.size();) {
    // ASCII outside clusters: printable bytes are one column each.
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F && (at + 1 == text.size() || static_cast<unsigned char>(text[at + 1]) < 0x80)) {
      ++width;
      ++at;
      continue;
    }
    Cluster cluster = next_cluster(text, at);
    width += cluster.width;
    at = cluster.end;
  }
  return width;
}

std::string fit_width(std::string_view text, size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  size_t used = 0, at = 0;
  while (at < text.size()) {
    Cluster cluster = next_cluster(text, at);
    if (used + cluster.width > width - 1) break;
    used += cluster.width;
    at = cluster.end;
  }
  return std::string(text.substr(0, at)) + std::string(k_ellipsis);
}

std::string pad_width(std::string_view text, size_t width) {
  size_t shown = display_width(text);
  std::string out(text);
  if (shown < width) out.append(width - shown, ' ');
  return out;
}

std::u32string code_points(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::u32string out;
  for (size_t at = 0; at < text.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t length = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (length <= 0) {
      out.push_back(static_cast<unsigned char>(text[at++]));
      continue;
    }
    out.push_back(static_cast<char32_t>(cp));
    at += static_cast<size_t>(length);
  }
  return out;
}

std::string fold_case(std::string_view text) {
  // Most names are ASCII: no allocation by utf8proc for them.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return to_lower(text);
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &folded, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  // utf8proc allocates with malloc; hand it back to free() on every path.
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
  if (length < 0) return to_lower(text);
  return std::string(reinterpret_cast<const char*>(folded), static_cast<size_t>(length));
}

}  // namespace curate
