#include <nlohmann/json.hpp>

#include "curate/links/options.hpp"

#include <charconv>

#include <re2/re2.h>

#include "curate/text/error.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

long parse_status(std::string_view text) {
  text = trim(text);
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 100 || value > 999)
    throw Error("--accept: '" + std::string(text) + "' is not an HTTP status (100..999)");
  return value;
}

int read_int(const nlohmann::json& value, const std::string& key, const std::string& path) {
  if (!value.is_number_integer()) throw Error(path, 0, 0, "\"links\": \"" + key + "\" must be an integer");
  return value.get<int>();
}

std::string read_string(const nlohmann::json& value, const std::string& key, const std::string& path) {
  if (!value.is_string()) throw Error(path, 0, 0, "\"links\": \"" + key + "\" must be a string");
  return value.get<std::string>();
}

std::vector<std::string> read_strings(const nlohmann::json& value, const std::string& key, const std::string& path) {
  if (value.is_string()) return {value.get<std::string>()};
  if (!value.is_array()) throw Error(path, 0, 0, "\"links\": \"" + key + "\" must be a string or an array of strings");
  std::vector<std::string> out;
  for (const auto& item : value) out.push_back(read_string(item, key, path));
  return out;
}

// A duration: a number of seconds, or a string with a unit.
std::chrono::milliseconds read_duration(const nlohmann::json& value, const std::string& key, const std::string& path) {
  if (value.is_number()) return std::chrono::milliseconds(static_cast<long long>(value.get<double>() * 1000));
  try {
    return parse_duration(read_string(value, key, path));
  } catch (const Error& e) {
    throw Error(path, 0, 0, "\"links\": \"" + key + "\": " + e.what());
  }
}

void read_headers(const nlohmann::json& value, const std::string& path, LinkOptions& options) {
  if (!value.is_object()) throw Error(path, 0, 0, "\"links\": \"headers\" must be {\"host\": {\"Name\": \"value\"}}");
  for (const auto& [host, fields] : value.items()) {
    if (!fields.is_object()) throw Error(path, 0, 0, "\"links\": \"headers\": \"" + host + "\" must be an object");
    for (const auto& [name, field] : fields.items())
      options.host_headers[to_lower(host)].push_back(name + ": " + read_string(field, "headers", path));
  }
}

RedirectPolicy parse_redirect_policy(const std::string& text, const std::string& path) {
  if (text == "permanent") return RedirectPolicy::permanent;
  if (text == "all") return RedirectPolicy::all;
  if (text == "none") return RedirectPolicy::none;
  throw Error(path, 0, 0, "\"links\": \"redirects\" must be \"permanent\", \"all\" or \"none\"");
}

bool read_bool(const nlohmann::json& value, const std::string& key, const std::string& path) {
  if (!value.is_boolean()) throw Error(path, 0, 0, "\"links\": \"" + key + "\" must be true or false");
  return value.get<bool>();
}

std::string read_endpoint(const nlohmann::json& value, const std::string& key, const std::string& path) {
  try {
    return endpoint_url(read_string(value, key, path), "\"" + key + "\"");
  } catch (const Error& e) {
    throw Error(path, 0, 0, std::string("\"links\": ") + e.what());
  }
}

using Json = nlohmann::json;
using Key = const std::string&;

// Every key of .curate.json "links" and its reader: the one place a key is
// declared; reading and the unknown-key warning both use this table.
struct LinkKey {
  std::string_view name;
  void (*read)(const Json& value, Key key, const std::string& path, LinkOptions& options);
};
const LinkKey k_link_keys[] = {
    {"enabled", [](const Json&, Key, const std::string&, LinkOptions&) {}},  // read by the validate command
    {"concurrency",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.concurrency = read_int(v, k, p); }},
    {"per-host", [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.per_host = read_int(v, k, p); }},
    {"min-delay",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.min_host_delay = read_duration(v, k, p); }},
    {"connect-timeout",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.connect_timeout = read_duration(v, k, p); }},
    {"timeout", [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.timeout = read_duration(v, k, p); }},
    {"retries", [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.retries = read_int(v, k, p); }},
    {"include", [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.include = read_strings(v, k, p); }},
    {"exclude", [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.exclude = read_strings(v, k, p); }},
    {"accept", [](const Json& v, Key k, const std::string& p,
                  LinkOptions& o) { o.accept = parse_accept_codes(read_string(v, k, p)); }},
    {"redirects", [](const Json& v, Key k, const std::string& p,
                     LinkOptions& o) { o.redirects = parse_redirect_policy(read_string(v, k, p), p); }},
    {"user-agent",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.user_agent = read_string(v, k, p); }},
    {"headers", [](const Json& v, Key, const std::string& p, LinkOptions& o) { read_headers(v, p, o); }},
    {"bot-hosts",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.bot_hosts = read_strings(v, k, p); }},
    {"cache", [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.cache_path = read_string(v, k, p); }},
    {"max-age",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) {
       o.max_age = std::chrono::duration_cast<std::chrono::seconds>(read_duration(v, k, p));
     }},
    {"check-fragments",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.check_fragments = read_bool(v, k, p); }},
    {"github_server",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.github_server = read_endpoint(v, k, p); }},
    {"github_api",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.github_api = read_endpoint(v, k, p); }},
    {"github_graphql",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) { o.github_graphql = read_endpoint(v, k, p); }},
    {"stale_after",
     [](const Json& v, Key k, const std::string& p, LinkOptions& o) {
       o.stale_after = std::chrono::duration_cast<std::chrono::seconds>(read_duration(v, k, p));
     }},
};

const LinkKey* find_link_key(std::string_view name) {
  for (const LinkKey& key : k_link_keys)
    if (key.name == name) return &key;
  return nullptr;
}

}  // namespace

std::string endpoint_url(std::string url, const std::string& what) {
  UrlParts parts;
  if (!parse_url(url, parts) || (parts.scheme != "http" && parts.scheme != "https"))
    throw Error(what + " must be an http(s) URL, not '" + url + "'");
  while (url.back() == '/') url.pop_back();
  return url;
}

std::vector<std::string> default_bot_hosts() {
  return {"linkedin.com", "twitter.com", "x.com",      "facebook.com", "instagram.com",
          "reddit.com",   "quora.com",   "tiktok.com", "medium.com",   "researchgate.net"};
}

void apply_link_config(const nlohmann::json& links, const std::string& path, LinkOptions& options) {
  if (!links.is_object()) throw Error(path, 0, 0, "\"links\" must be an object");
  for (const auto& [key, value] : links.items())
    if (const LinkKey* known = find_link_key(key)) known->read(value, key, path, options);
}

std::vector<std::string> link_config_warnings(const nlohmann::json& links) {
  std::vector<std::string> warnings;
  if (!links.is_object()) return warnings;
  std::vector<std::string> names;
  for (const LinkKey& key : k_link_keys) names.emplace_back(key.name);
  for (const auto& [key, value] : links.items())
    if (!find_link_key(key))
      warnings.push_back("\"links\": unknown key \"" + key + "\"" + did_you_mean(key, names, "\"", "\"") + "; ignored");
  return warnings;
}

AcceptCodes parse_accept_codes(std::string_view text) {
  AcceptCodes codes;
  for (const std::string& part : split_trimmed(text, ",")) {
    if (part.empty()) continue;
    size_t dots = part.find("..");
    if (dots == std::string::npos) {
      long status = parse_status(part);
      codes.push_back({status, status});
      continue;
    }
    bool inclusive = part.compare(dots, 3, "..=") == 0;
    long first = parse_status(std::string_view(part).substr(0, dots));
    long last = parse_status(std::string_view(part).substr(dots + (inclusive ? 3 : 2)));
    if (!inclusive) --last;
    if (last < first) throw Error("--accept: empty range '" + part + "'");
    codes.push_back({first, last});
  }
  if (codes.empty()) throw Error("--accept: no status codes given");
  return codes;
}

bool accepts(const AcceptCodes& accept, long status) {
  for (const auto& range : accept)
    if (status >= range.first && status <= range.last) return true;
  return false;
}

std::chrono::milliseconds parse_duration(std::string_view text) {
  std::string_view trimmed = trim(text);
  double value = 0;
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  std::string_view unit = trimmed.substr(static_cast<size_t>(end - trimmed.data()));
  if (ec != std::errc() || value < 0)
    throw Error("'" + std::string(text) + "' is not a duration (e.g. 20s, 500ms, 3d)");
  double factor = 0;
  if (unit.empty() || unit == "s")
    factor = 1000;
  else if (unit == "ms")
    factor = 1;
  else if (unit == "m" || unit == "min")
    factor = 60'000;
  else if (unit == "h")
    factor = 3'600'000;
  else if (unit == "d")
    factor = 86'400'000;
  else if (unit == "w")
    factor = 7 * 86'400'000.0;
  else if (unit == "y")
    factor = 365 * 86'400'000.0;
  else
    throw Error("'" + std::string(text) + "': unknown unit '" + std::string(unit) + "' (ms, s, m, h, d, w, y)");
  return std::chrono::milliseconds(static_cast<long long>(value * factor));
}

void validate_link_options(const LinkOptions& options) {
  if (options.concurrency < 1) throw Error("--concurrency must be at least 1");
  if (options.per_host < 1) throw Error("--per-host must be at least 1");
  if (options.retries < 0) throw Error("--retries must not be negative");
  if (options.timeout.count() <= 0) throw Error("--timeout must be positive");
  if (options.connect_timeout.count() <= 0) throw Error("the connect timeout must be positive");
  for (const auto* patterns : {&options.include, &options.exclude})
    for (const auto& pattern : *patterns) {
      RE2 regex(pattern, RE2::Quiet);
      if (!regex.ok()) throw Error("invalid regular expression '" + pattern + "': " + regex.error());
    }
}

std::string host_key(std::string_view url) {
  UrlParts parts;
  if (!parse_url(url, parts)) return std::string(url);
  return parts.port.empty() ? parts.host : parts.host + ":" + std::string(parts.port);
}

bool host_matches(std::string_view host, std::string_view domain) {
  if (iequals(host, domain)) return true;
  return host.size() > domain.size() && host[host.size() - domain.size() - 1] == '.' &&
         iequals(host.substr(host.size() - domain.size()), domain);
}

HttpRequest make_link_request(const LinkOptions& options, const std::string& url, HttpMethod method) {
  HttpRequest request;
  request.url = url;
  request.method = method;
  request.user_agent = options.user_agent;
  request.connect_timeout = options.connect_timeout;
  request.timeout = options.timeout;
  request.max_redirects = options.max_redirects;
  UrlParts parts;
  parse_url(url, parts);
  for (const auto& [domain, lines] : options.host_headers)
    if (host_matches(parts.host, domain)) request.headers.insert(request.headers.end(), lines.begin(), lines.end());
  if (options.github_token && !options.github_token->empty() && host_matches(parts.host, "github.com"))
    request.headers.push_back("Authorization: Bearer " + *options.github_token);
  return request;
}

}  // namespace curate
