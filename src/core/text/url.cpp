#include "curate/text/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "curate/text/text.hpp"
#include "swar.hpp"

namespace curate {
namespace {

// Whether `text` holds a space, a control byte or DEL, eight bytes at a time
// (URLs are long and almost never do).
bool has_space_or_control(std::string_view text) {
  auto may_have = [](std::uint64_t word) { return swar::has_byte_below(word, 0x21) | swar::has_byte(word, 0x7F); };
  auto is_bad = [](unsigned char c) { return c <= 0x20 || c == 0x7F; };
  return swar::find_byte_if(text, 0, may_have, is_bad) < text.size();
}

void assign_lower(std::string& out, std::string_view text) {
  out.assign(text);
  for (char& c : out) c = ascii_lower(c);
}

// Whether normalize_url gives `url` back as written: https, a lower-case
// host without "www.", port or user, no query, no trailing slash, no empty
// fragment. Most URLs of a list are so; they skip parse_url's copies.
bool already_normal(std::string_view url) {
  constexpr std::string_view k_https = "https://";
  if (!starts_with(url, k_https) || url.back() == '#' || url.find('?') != std::string_view::npos ||
      has_space_or_control(url))
    return false;
  std::string_view page = url.substr(0, url.find('#'));
  std::string_view host = page.substr(k_https.size(), page.find('/', k_https.size()) - k_https.size());
  if (host.empty() || starts_with(host, "www.")) return false;
  for (char c : host)
    if (ascii_lower(c) != c || c == ':' || c == '@') return false;
  return page.back() != '/';
}

}  // namespace

bool is_anchor_url(std::string_view url) { return starts_with(url, "#") || starts_with(url, "./#"); }

bool parse_url(std::string_view url, UrlParts& parts) {
  parts = UrlParts{};
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  if (has_space_or_control(url)) return false;
  assign_lower(parts.scheme, url.substr(0, colon));
  std::string_view rest = url.substr(colon + 1);
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) {
    parts.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  if (size_t question = rest.find('?'); question != std::string_view::npos) {
    parts.query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  if (!starts_with(rest, "//")) {
    parts.path = rest;
    return !rest.empty();
  }
  rest.remove_prefix(2);
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  parts.path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  size_t port = authority.rfind(':');
  if (port != std::string_view::npos && authority.find(']', port) == std::string_view::npos) {
    parts.port = authority.substr(port + 1);
    authority = authority.substr(0, port);
    for (char c : parts.port)
      if (c < '0' || c > '9') return false;
  }
  assign_lower(parts.host, authority);
  return !parts.host.empty();
}

bool is_tracking_param(std::string_view name) {
  static constexpr std::array<std::string_view, 12> k_names = {"fbclid", "gclid",  "dclid",   "msclkid",
                                                               "mc_cid", "mc_eid", "yclid",   "igshid",
                                                               "_hsenc", "_hsmi",  "ref_src", "gbraid"};
  std::string lower = to_lower(name);
  if (starts_with(lower, "utm_")) return true;
  for (auto known : k_names)
    if (lower == known) return true;
  return false;
}

namespace {

// The query of `url`, between its '?' and its '#' (nullopt: no '?').
std::optional<std::string_view> query_of(std::string_view url) {
  size_t question = url.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  return url.substr(question + 1, url.find('#', question) - question - 1);  // npos - … still means "to the end"
}

// Calls visit(pair, name) with each "name=value" pair of `query`, empty
// pairs ("a=1&&b=2", a bare '?') skipped, until it returns false.
template <typename Visit>
void each_query_pair(std::string_view query, const Visit& visit) {
  for (size_t start = 0; start <= query.size();) {
    size_t end = std::min(query.find('&', start), query.size());
    std::string_view pair = query.substr(start, end - start);
    if (!pair.empty() && !visit(pair, pair.substr(0, pair.find('=')))) return;
    start = end + 1;
  }
}

}  // namespace

bool has_tracking_params(std::string_view url) {
  std::optional<std::string_view> query = query_of(url);
  bool found = false;
  if (query)
    each_query_pair(*query,
                    [&](std::string_view, std::string_view name) { return !(found = is_tracking_param(name)); });
  return found;
}

std::string page_query(std::string_view url) {
  static constexpr std::array<std::string_view, 12> k_page_params = {
      "id", "v", "p", "q", "page_id", "pid", "story", "article", "item", "doc", "topic", "list"};
  std::optional<std::string_view> query = query_of(url);
  std::string kept;
  if (query)
    each_query_pair(*query, [&](std::string_view pair, std::string_view name) {
      if (std::find(k_page_params.begin(), k_page_params.end(), name) != k_page_params.end()) {
        if (!kept.empty()) kept += '&';
        kept += pair;
      }
      return true;
    });
  return kept;
}

std::string strip_tracking_params(std::string_view url) {
  std::optional<std::string_view> query = query_of(url);
  if (!query) return std::string(url);
  std::string kept;
  each_query_pair(*query, [&](std::string_view pair, std::string_view name) {
    if (!is_tracking_param(name)) {
      if (!kept.empty()) kept += '&';
      kept += pair;
    }
    return true;
  });
  size_t question = url.find('?'), hash = url.find('#', question);
  std::string out(url.substr(0, question));
  if (!kept.empty()) out += "?" + kept;
  if (hash != std::string_view::npos) out += url.substr(hash);
  return out;
}

std::string normalize_url(std::string_view url) {
  if (already_normal(url)) return std::string(url);
  UrlParts parts;
  std::string_view cleaned = trim(url);
  std::string stripped;  // only a URL with a query can lose tracking parameters
  if (cleaned.find('?') != std::string_view::npos) cleaned = stripped = strip_tracking_params(cleaned);
  if (!parse_url(cleaned, parts) || parts.host.empty()) {
    std::string out(cleaned);
    if (!out.empty() && out.back() == '#') out.pop_back();
    return out;
  }
  std::string_view scheme = parts.scheme;
  if (scheme == "http") scheme = "https";
  std::string_view host = parts.host;
  if (starts_with(host, "www.")) host.remove_prefix(4);
  bool default_port = parts.port.empty() || parts.port == "80" || parts.port == "443";
  std::string_view path = parts.path;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string out;
  out.reserve(cleaned.size() + 1);
  out.append(scheme).append("://").append(host);
  if (!default_port) out.append(":").append(parts.port);
  out.append(path);
  if (!parts.query.empty()) out.append("?").append(parts.query);
  if (!parts.fragment.empty()) out.append("#").append(parts.fragment);
  return out;
}

std::string without_fragment(std::string_view url) { return std::string(url.substr(0, url.find('#'))); }

uint32_t stable_hash(std::string_view key) {
  uint32_t hash = 2166136261u;
  for (char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

std::string stable_id(std::string_view key) { return hash_id(stable_hash(key)); }

std::string hash_id(uint32_t hash) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string id(8, '0');
  for (int i = 7; i >= 0; --i, hash >>= 4) id[static_cast<size_t>(i)] = k_hex[hash & 0xF];
  return id;
}

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) && hex(text[i + 2])) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string percent_encode(std::string_view text, std::string_view also_plain) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool ascii_alnum = c < 0x80 && std::isalnum(c);
    if (ascii_alnum || std::string_view("-._~").find(static_cast<char>(c)) != std::string_view::npos ||
        also_plain.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

std::optional<CodeHostPath> code_host_path(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"})
    if (starts_with(url, scheme)) url.remove_prefix(scheme.size());
  if (starts_with(url, "www.")) url.remove_prefix(4);
  size_t host_end = url.find('/');
  if (host_end == std::string_view::npos) return std::nullopt;
  std::string_view host = url.substr(0, host_end);
  if (host != "github.com" && host != "gitlab.com" && host != "bitbucket.org" && host != "codeberg.org")
    return std::nullopt;
  std::string_view path = url.substr(host_end + 1);
  if (ends_with(path, "/")) path.remove_suffix(1);
  return CodeHostPath{host, path};
}

bool CodeHostPath::repository_home() const {
  size_t slash = path.find('/');
  return slash != std::string_view::npos && slash > 0 && slash + 1 < path.size() &&
         path.find_first_of("/?#", slash + 1) == std::string_view::npos;
}

}  // namespace curate
