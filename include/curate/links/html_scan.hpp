#pragma once
// A streaming HTML scanner over libxml2's HTML push parser: feed the body a
// chunk at a time as it arrives, get a callback for every start tag (name and
// attributes) and, on request, the text inside chosen elements, and stop as
// soon as you know enough, so the rest of the page is never downloaded.
//
// Used to find remote #fragments (fragments.hpp); written to serve any
// reader of page metadata too (<title>, <meta property="og:…">, citation_*,
// <script type="application/ld+json">). Builds no tree and never prints:
// libxml2's error reports are switched off, malformed HTML is read the way
// its recovering parser reads it (as browsers do, roughly).

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace curate {

struct HtmlAttribute {
  std::string_view name;   // lower-case, as libxml2's HTML parser gives it
  std::string_view value;  // entities decoded; empty for a bare attribute (<input disabled>)
};

// One start tag. Valid only during the callback it is passed to.
struct HtmlElement {
  std::string_view name;  // lower-case
  std::vector<HtmlAttribute> attributes;

  // The value of attribute `wanted` (lower-case); nullptr when absent.
  const std::string_view* attribute(std::string_view wanted) const;
};

class HtmlScanner {
 public:
  struct Handlers {
    // Every start tag, in document order (implied ones, such as <html> or
    // <body> that the page left out, included).
    std::function<void(const HtmlElement&)> on_element;
    // Asked for each start tag: true captures the text inside that element
    // (children's text included; script and style content too), handed to
    // on_text when the element ends or the input does. Nested captures are
    // not started while one is running.
    std::function<bool(const HtmlElement&)> capture;
    std::function<void(std::string_view element, std::string text)> on_text;
  };

  // At most this much text is kept per captured element; the rest is dropped.
  static constexpr size_t k_default_capture_limit = 1 << 20;

  explicit HtmlScanner(Handlers handlers, size_t capture_limit = k_default_capture_limit);
  ~HtmlScanner();
  HtmlScanner(const HtmlScanner&) = delete;
  HtmlScanner& operator=(const HtmlScanner&) = delete;

  // Parses the next bytes of the page. Returns false once the scan is
  // stopped (by stop() or finish()): the caller should read no further.
  // An exception thrown by a handler stops the scan and is rethrown here.
  bool feed(std::string_view chunk);
  // The end of the page: flushes what the parser held back and any capture
  // still open. Harmless after stop().
  void finish();
  // Ends the scan; call it from a handler once it has what it wants. No
  // callback follows.
  void stop();
  bool stopped() const { return m_stopped; }
  // Bytes handed to feed() so far.
  size_t bytes_fed() const { return m_bytes_fed; }

 private:
  struct Parser;  // libxml2's push context, freed by its owner
  friend struct HtmlScannerCallbacks;

  void start_element(const char* name, const char** attributes);
  void end_element(const char* name);
  void characters(const char* text, int length);
  void flush_capture();
  void guard(const std::function<void()>& call);

  Handlers m_handlers;
  size_t m_capture_limit;
  std::unique_ptr<Parser> m_parser;
  bool m_stopped = false;
  size_t m_bytes_fed = 0;
  std::string m_capture_name;  // empty: not capturing
  int m_capture_depth = 0;     // open elements of that name inside the capture
  std::string m_capture_text;
  std::exception_ptr m_error;
};

}  // namespace curate
