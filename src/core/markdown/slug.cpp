#include "curate/markdown/slug.hpp"

#include <utf8proc.h>

namespace curate {
namespace {

// What github-slugger keeps: letters, marks, numbers and connector
// punctuation ("_") of any script, "-" and the space (which becomes "-").
bool is_kept(utf8proc_int32_t cp) {
  if (cp == ' ' || cp == '-') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string github_slug(std::string_view heading_text) {
  std::string slug;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(heading_text.data());
  for (size_t i = 0; i < heading_text.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(heading_text.size() - i), &cp);
    if (length <= 0) {  // invalid UTF-8 (read_source rejects it): skip the byte
      ++i;
      continue;
    }
    i += static_cast<size_t>(length);
    if (!is_kept(cp)) continue;
    if (cp == ' ') {
      slug += '-';
      continue;
    }
    utf8proc_uint8_t encoded[4];
    utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(cp), encoded);
    slug.append(reinterpret_cast<const char*>(encoded), static_cast<size_t>(written));
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
