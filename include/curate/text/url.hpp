#pragma once
// URL helpers shared by ids, duplicate detection and link checking.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace curate {

// The parts of an absolute URL; empty strings for what is absent.
// The parts of a URL; the views point into the text parse_url read, which
// must outlive them.
struct UrlParts {
  std::string scheme;  // lower-case
  std::string host;    // lower-case, without port
  std::string_view port;
  std::string_view path;
  std::string_view query;     // without "?"
  std::string_view fragment;  // without "#"
};

// A link to an anchor of the same document ("#x", "./#x"): navigation.
bool is_anchor_url(std::string_view url);

// Splits an absolute URL ("scheme://host…" or "mailto:…"); false when it is
// not one (relative paths, anchors, empty text, spaces or control bytes).
bool parse_url(std::string_view url, UrlParts& parts);

// True for query parameters that only track the reader: utm_*, fbclid,
// gclid, …
bool is_tracking_param(std::string_view name);

// Whether the query holds a tracking parameter (a bare '?' or '&' is none).
bool has_tracking_params(std::string_view url);
// The URL with tracking parameters removed (everything else as written).
std::string strip_tracking_params(std::string_view url);

// The pairs of `url`'s query that say which page it is, in order, joined
// by '&': "id=13406081" of news.ycombinator.com/item?id=13406081, "v=…" of
// a YouTube video, a search's "q=…"; "" when none does ("?lang=en",
// "?tab=readme-ov-file" show one page another way).
std::string page_query(std::string_view url);

// A form under which two URLs for the same resource compare equal: scheme
// folded to https, host lower-cased without "www." and default port,
// tracking parameters and a trailing slash dropped. The fragment is kept:
// `book#ch1` and `book#ch2` are two entries (without_fragment() gives the
// page they share).
std::string normalize_url(std::string_view url);

// A URL on a code host (github.com, gitlab.com, bitbucket.org,
// codeberg.org; "www." and the scheme left out): its host and path as
// written, the path without a trailing slash ("github.com",
// "brackets-cont/brackets"); nullopt for other addresses.
struct CodeHostPath {
  std::string_view host;
  std::string_view path;
  // "OWNER/NAME" and nothing deeper: the repository's home page.
  bool repository_home() const;
};
std::optional<CodeHostPath> code_host_path(std::string_view url);

// The URL without its "#fragment".
std::string without_fragment(std::string_view url);

// `text` with %XX escapes decoded (URL fragments and paths); a lone '%' stays.
std::string percent_decode(std::string_view text);

// `text` with every byte escaped as %XX (upper-case hex) except ASCII
// letters, digits, the unreserved "-._~" and the bytes of `also_plain`.
std::string percent_encode(std::string_view text, std::string_view also_plain);

// Eight hex digits of a stable 32-bit FNV-1a hash of `key`.
std::string stable_id(std::string_view key);
// The 32-bit hash stable_id writes as hex: equal ids, equal hashes.
uint32_t stable_hash(std::string_view key);
// The id (stable_id) of a key whose stable_hash is `hash`.
std::string hash_id(uint32_t hash);

}  // namespace curate
