#pragma once
// What a link check means for the reader: the verdicts behind the rules
// dead-link, redirected-link, unverified-link and timeout-link.

#include <string>
#include <vector>

#include "curate/links/options.hpp"
#include "curate/links/scheduler.hpp"

namespace curate {

enum class LinkVerdict { ok, redirected, unverified, dead, timeout };

struct [[nodiscard]] LinkResult {
  LinkVerdict verdict = LinkVerdict::ok;
  long status = 0;        // final HTTP status; 0 when none
  std::string detail;     // why: "HTTP 404", "connection refused", …
  std::string final_url;  // where redirects ended
  std::string fix_url;    // redirected: the URL to write instead
  int attempts = 0;
  bool cached = false;
  // --check-fragments: the page was HTML and read to its end (or until every
  // fragment asked for was found), and the fragments found in it.
  bool fragments_scanned = false;
  std::vector<std::string> fragments_found;
};

// The verdict for one URL's final outcome. Permanent redirects (301, 308)
// at the start of the chain give redirected-link with `fix_url` at their end
// (RedirectPolicy::all: every redirect). Bot walls, LinkedIn's 999, a
// persistent 429 and failures on bot-hostile hosts are unverified, not dead.
LinkResult classify_outcome(const std::string& url, const LinkOutcome& outcome, const LinkOptions& options);

// URLs not fetched over HTTP (mailto: and other schemes): a syntax check.
LinkResult check_link_syntax(const std::string& url);

// "dead-link", "redirected-link", …; "" for ok.
const char* verdict_rule(LinkVerdict verdict);

}  // namespace curate
