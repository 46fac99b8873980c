#include "curate/markdown/slug.hpp"

namespace curate {
namespace {

// Decodes one UTF-8 code point (input is validated by read_source).
char32_t decode(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// Non-ASCII code points GitHub drops: Latin-1 punctuation and symbols,
// general punctuation, arrows and technical/dingbat symbols, CJK
// punctuation, variation selectors and emoji.
bool is_dropped_symbol(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0x200D;
}

}  // namespace

std::string github_slug(std::string_view text) {
  std::string slug;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = decode(text, i);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z')
        slug += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
        slug += c;
      else if (c == ' ')
        slug += '-';
    } else if (!is_dropped_symbol(cp)) {
      slug.append(text.substr(start, i - start));
    }
  }
  return slug;
}

std::string SlugRegistry::unique(std::string_view heading_text) {
  std::string base = github_slug(heading_text);
  auto [it, inserted] = m_seen.try_emplace(base, 0);
  if (inserted) return base;
  for (;;) {
    std::string candidate = base + "-" + std::to_string(++it->second);
    if (m_seen.try_emplace(candidate, 0).second) return candidate;
  }
}

}  // namespace curate
