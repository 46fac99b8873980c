// Link rules: every Markdown link and image of the file (entries, prose,
// tables), checked offline. HTML <a href> is not read.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "curate/text/text.hpp"
#include "curate/text/url.hpp"

namespace curate {
namespace {

bool has_scheme(const LinkInfo& link) { return link.is_absolute || link.url.find("://") != std::string::npos; }

bool is_loopback(const std::string& host) { return host == "localhost" || host == "127.0.0.1" || host == "[::1]"; }

// "http://https://www.nano-editor.org/" (awesome-sysadmin): a scheme written
// twice. What is left after the first one, or "".
std::string_view after_doubled_scheme(std::string_view url) {
  size_t first = url.find("://");
  if (first == std::string_view::npos || (!istarts_with(url, "http://") && !istarts_with(url, "https://"))) return {};
  std::string_view rest = url.substr(first + 3);
  return istarts_with(rest, "http:") || istarts_with(rest, "https:") ? rest : std::string_view();
}

void check_insecure_link(const LintContext& context, RuleReporter& out) {
  std::vector<std::string> allowed = out.options().value("allow-hosts", std::vector<std::string>{});
  for (const LinkInfo& link : context.links()) {
    if (!link.is_absolute || link.scheme != "http" || is_loopback(link.host)) continue;
    if (!after_doubled_scheme(link.url).empty()) continue;  // bad-url's
    if (std::find(allowed.begin(), allowed.end(), link.host) != allowed.end()) continue;
    out.report(link.span.begin, link.span.end, "insecure link " + link.url + "; use https:// if the site offers it");
  }
}

// Lower-case letters and digits only: "Public-apis-repo" → "publicapisrepo".
std::string squashed(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c))) out += ascii_lower(c);
  return out;
}

// The value of query parameter `name` in `url`, or "".
std::string_view query_value(std::string_view url, std::string_view name) {
  size_t query = url.find('?');
  if (query == std::string_view::npos) return {};
  std::string_view rest = url.substr(query + 1, url.find('#') - query - 1);
  for (std::string_view pair : split_trimmed_views(rest, "&"))
    if (pair.size() > name.size() && starts_with(pair, name) && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
  return {};
}

// utm_ tags that say the reader comes from this list (utm_source=github, or
// a source or campaign naming the list) are a sponsor's referral tags: true
// of every click from the list, and asked for by the sponsor. The list's
// names are its level-1 headings, squashed ("Public APIs" also heads
// public-apis, whose first one is a sponsor's banner); a tag names the list
// when it holds one of them ("publicapisrepo") or one holds it
// (utm_source=public-apis in "Try Public APIs for free").
bool is_referral(std::string_view url, const std::vector<std::string>& list_names) {
  for (std::string_view name : {"utm_source", "utm_campaign"}) {
    std::string value = squashed(query_value(url, name));
    if (value.empty()) continue;
    if (value == "github") return true;
    for (const std::string& list : list_names)
      if ((list.size() >= 4 && value.find(list) != std::string::npos) ||
          (value.size() >= 6 && list.find(value) != std::string::npos))
        return true;
  }
  return false;
}

bool host_in(const std::string& host, const std::vector<std::string>& hosts) {
  for (const std::string& kept : hosts)
    if (host == kept ||
        (host.size() > kept.size() && ends_with(host, kept) && host[host.size() - kept.size() - 1] == '.'))
      return true;
  return false;
}

void check_tracking_params(const LintContext& context, RuleReporter& out) {
  std::vector<std::string> keep_hosts = out.options().value("keep-hosts", std::vector<std::string>{});
  for (std::string& host : keep_hosts) host = to_lower(host);
  std::vector<std::string> list_names;
  for (const HeadingInfo& heading : context.headings())
    if (heading.level == 1) list_names.push_back(squashed(heading.text));
  for (const LinkInfo& link : context.links()) {
    if (!has_tracking_params(link.url)) continue;
    if (host_in(link.host, keep_hosts) || is_referral(link.url, list_names)) continue;
    std::string clean = strip_tracking_params(link.url);  // differs: it has one
    std::string message = "tracking parameters in " + link.url + "; the page is " + clean;
    // Fixable when the destination is written literally (no entities or escapes).
    size_t begin = context.offset(link.span.begin), end = context.offset(link.span.end) + 1;
    // cmark-gfm gives some inlines no source position (found by the fuzzer):
    // then there is no span to edit.
    if (begin > context.text().size() || end < begin) {
      out.report(link.span.begin, link.span.end, message + " (position unknown: fix it by hand)");
      continue;
    }
    std::string_view source = context.text().substr(begin, end - begin);
    size_t at = source.rfind(link.url);
    if (at == std::string_view::npos)
      out.report(link.span.begin, link.span.end, message + " (written with escapes: fix it by hand)");
    else
      out.report_with_edit(link.span.begin, link.span.end, message, begin + at, link.url.size(), clean);
  }
}

void check_empty_link_text(const LintContext& context, RuleReporter& out) {
  for (const LinkInfo& link : context.links())
    if (!link.is_image && link.text.empty() && !link.has_image_child)
      out.report(link.span.begin, link.span.end,
                 "link to " + (link.url.empty() ? "nothing" : link.url) + " has no text");
}

// What is wrong with a link's web address, or "" when it is a valid absolute
// URL (or a relative one, which relative-link and local-anchor check).
std::string url_problem(const LinkInfo& link) {
  const std::string& url = link.url;
  if (trim(url).empty()) return "empty link destination";
  if (istarts_with(url, "www.")) return "no scheme; write https://" + url;
  for (std::string_view scheme : {"http//", "https//", "http:/", "https:/"})
    if (url.find("://") == std::string::npos && istarts_with(url, scheme)) return "malformed scheme";
  if (std::string_view rest = after_doubled_scheme(url); !rest.empty())
    return "the scheme is written twice; write " + std::string(rest);
  if (!link.is_absolute) {
    if (url.find("://") != std::string::npos) return "not a valid absolute URL";
    return "";
  }
  // "[PayPal](mailto:https://www.paypal.com/bugbounty/register)" (awesome-
  // bug-bounty): a web page where the address should be. The address may
  // be percent-encoded ("security%40datocapital.com"), as --links reads it.
  if (link.scheme == "mailto") {
    std::string_view encoded = std::string_view(url).substr(std::min(url.size(), std::string_view("mailto:").size()));
    std::string address = percent_decode(encoded.substr(0, encoded.find('?')));
    if (address.find("://") != std::string::npos) return "a web address after mailto:; write " + address;
    if (address.find('@') == std::string::npos) return "no e-mail address after mailto:";
    return "";
  }
  if (link.scheme != "http" && link.scheme != "https") return "";
  if (link.host.empty()) return "no host";
  const std::string& host = link.host;
  if (host.front() == '.' || host.back() == '.' || host.find("..") != std::string::npos)
    return "invalid host " + single_quoted(host);
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '[' ||
              c == ']' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return "invalid host " + single_quoted(host);
  }
  return "";
}

void check_bad_url(const LintContext& context, RuleReporter& out) {
  for (const LinkInfo& link : context.links()) {
    std::string problem = url_problem(link);
    if (!problem.empty())
      out.report(link.span.begin, link.span.end,
                 "bad URL " + single_quoted(link.url) + " for " +
                     single_quoted(link.text.empty() ? link.url : link.text) + ": " + problem);
  }
}

void check_local_anchor(const LintContext& context, RuleReporter& out) {
  // Slugs are lower-case already (github_slug folds ASCII case, the only
  // case to_lower folds), so the fragment alone needs lower-casing.
  std::unordered_set<std::string_view> slugs;
  for (const HeadingInfo& heading : context.headings()) slugs.insert(heading.slug);
  std::vector<std::string> suggestions;  // filled at the first broken anchor
  for (const LinkInfo& link : context.links()) {
    if (!is_anchor_url(link.url)) continue;
    std::string_view written = std::string_view(link.url).substr(link.url.find('#') + 1);
    std::string fragment = percent_decode(written);
    // "#" and "#top" are the top of every page (HTML's rule); "#readme" is
    // the element GitHub shows a README in (awesome-swift's 73 "[back to
    // top](#readme)"), and lists are READMEs whatever a copy is called.
    if (fragment.empty() || iequals(fragment, "top") || iequals(fragment, "readme")) continue;
    if (starts_with(fragment, "user-content-")) fragment = fragment.substr(13);
    bool found = context.html_anchors().count(fragment) > 0 || slugs.count(to_lower(fragment)) > 0;
    if (found) continue;
    if (suggestions.empty())
      for (const HeadingInfo& heading : context.headings()) suggestions.push_back(heading.slug);
    out.report(link.span.begin, link.span.end,
               // As written: "#art-%design" decodes to a byte that is no UTF-8
               // (fuzz finding 18), and the reader looks for what they wrote.
               "no heading has the anchor #" + std::string(written) + did_you_mean(fragment, suggestions, "#", ""));
  }
}

// The folder GitHub resolves "/path" links against: the repository root
// (the nearest folder above the list with a .git entry), else the list's folder.
std::filesystem::path root_for(const LintContext& context) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(context.base_dir(), ec).lexically_normal();
  for (std::filesystem::path at = dir; !at.empty(); at = at.parent_path()) {
    if (context.options().path_exists((at / ".git").string())) return at;
    if (at == at.parent_path()) break;
  }
  return context.base_dir();
}

// A relative path that names no file or folder next to the list. The query
// and fragment are ignored.
void check_relative_link(const LintContext& context, RuleReporter& out) {
  if (context.base_dir().empty()) return;  // standard input: nothing to resolve against
  std::optional<std::filesystem::path> root;
  for (const LinkInfo& link : context.links()) {
    const std::string& url = link.url;
    if (url.empty() || is_anchor_url(url) || starts_with(url, "//") || has_scheme(link) || !url_problem(link).empty())
      continue;
    std::string path = percent_decode(url.substr(0, url.find_first_of("?#")));
    if (path.empty()) continue;
    if (path.front() == '/' && !root) root = root_for(context);
    std::filesystem::path target =
        path.front() == '/' ? *root / path.substr(1) : context.base_dir() / std::filesystem::path(path);
    // A wiki's page links name the page without its ".md" (golang/wiki: [LearnTesting](LearnTesting)).
    std::string resolved = target.lexically_normal().string();
    if (!context.options().path_exists(resolved) && !context.options().path_exists(resolved + ".md"))
      out.report(link.span.begin, link.span.end,
                 "relative link " + single_quoted(url) + " names no file next to the list");
  }
}

}  // namespace

void add_link_rules(RuleRegistry& registry) {
  registry.add({"insecure-link", "Links use https://", Severity::warning, false,
                "An http:// link can be read and changed on the way. Loopback hosts and the hosts in the "
                "allow-hosts option are not reported."},
               check_insecure_link, {{"allow-hosts", "[]", "hosts that only serve http"}});
  registry.add({"tracking-params", "Links carry no tracking parameters", Severity::warning, true,
                "Query parameters that only track the reader (utm_*, fbclid, gclid, …) are removed by --fix. Kept: "
                "links to the hosts of the keep-hosts option (sponsors), and referral tags that name GitHub or the "
                "list itself as the source or campaign (utm_source=github, utm_campaign=awesome-nlp), which sponsors "
                "ask for.",
                FixEffect::url},
               check_tracking_params,
               {{"keep-hosts", "[]", "hosts whose tracking parameters are kept (sponsor links); subdomains included"}});
  registry.add({"empty-link-text", "Links have text", Severity::error, false,
                "A link without text ([](url)) is invisible to the reader. An image inside the link (Markdown or "
                "an HTML <img>) counts as its text."},
               check_empty_link_text);
  registry.add({"bad-url", "Web addresses are valid absolute URLs", Severity::error, false,
                "Reported: an empty destination ([Name]()), a web address without a scheme (www.…), a malformed "
                "scheme (https//…), an http(s) URL without a valid host. Relative paths are relative-link's."},
               check_bad_url);
  registry.add({"local-anchor", "#fragments name a heading", Severity::error, false,
                "A link to #fragment (or ./#fragment) must match the GitHub anchor of a heading in the same file "
                "(or an HTML id or name). Case and %-escapes are ignored, as GitHub does."},
               check_local_anchor);
  registry.add({"relative-link", "Relative links name files that exist", Severity::error, false,
                "A relative path must exist next to the list file (the query and #fragment are ignored; a wiki's "
                "page link may leave out the .md). Lists read from standard input are not checked."},
               check_relative_link);
}

}  // namespace curate
