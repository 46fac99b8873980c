// libxml2's HTML push parser (htmlCreatePushParserCtxt + htmlParseChunk)
// with SAX callbacks and no tree: memory stays flat however long the page,
// and the caller decides after every chunk whether to read on. Chosen over
// gumbo (whole buffer only) and lexbor (not in Debian 12): docs/links.md.
#include "curate/links/html_scan.hpp"

#include <algorithm>
#include <utility>

#include "curate/links/xml_api.hpp"

namespace curate {

// Owns the push parser context (the one place it is freed).
struct HtmlScanner::Parser {
  struct Free {
    void operator()(htmlParserCtxtPtr parser) const { xml().html_free_parser(parser); }
  };
  std::unique_ptr<htmlParserCtxt, Free> context;
};

// The C callbacks: each finds its scanner through libxml2's user data.
struct HtmlScannerCallbacks {
  static HtmlScanner& scanner(void* user) { return *static_cast<HtmlScanner*>(user); }
  static void start(void* user, const xmlChar* name, const xmlChar** attributes) {
    scanner(user).start_element(reinterpret_cast<const char*>(name), reinterpret_cast<const char**>(attributes));
  }
  static void end(void* user, const xmlChar* name) { scanner(user).end_element(reinterpret_cast<const char*>(name)); }
  static void text(void* user, const xmlChar* text, int length) {
    scanner(user).characters(reinterpret_cast<const char*>(text), length);
  }
  // libxml2 reports parse errors here instead of on stderr: the core never
  // prints, and broken HTML is normal on the web.
  static void ignore_error(void*, xmlErrorPtr) {}
};

const std::string_view* HtmlElement::attribute(std::string_view wanted) const {
  for (const HtmlAttribute& attribute : attributes)
    if (attribute.name == wanted) return &attribute.value;
  return nullptr;
}

HtmlScanner::HtmlScanner(Handlers handlers, size_t capture_limit)
    : m_handlers(std::move(handlers)), m_capture_limit(capture_limit), m_parser(std::make_unique<Parser>()) {
  htmlSAXHandler sax{};
  sax.startElement = HtmlScannerCallbacks::start;
  sax.endElement = HtmlScannerCallbacks::end;
  sax.characters = HtmlScannerCallbacks::text;
  sax.cdataBlock = HtmlScannerCallbacks::text;  // <script> and <style> content
  sax.serror = HtmlScannerCallbacks::ignore_error;
  sax.initialized = XML_SAX2_MAGIC;  // so libxml2 uses serror
  // libxml2 copies `sax`; the encoding is detected from the bytes and <meta charset>.
  m_parser->context.reset(xml().html_create_push_parser(&sax, this, nullptr, 0, nullptr, XML_CHAR_ENCODING_NONE));
  if (!m_parser->context) throw std::bad_alloc();
  xml().html_use_options(m_parser->context.get(),
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
}

HtmlScanner::~HtmlScanner() = default;

bool HtmlScanner::feed(std::string_view chunk) {
  if (m_stopped) return false;
  m_bytes_fed += chunk.size();
  // htmlParseChunk takes an int length; pieces keep a huge buffer within it.
  constexpr size_t k_piece = 1 << 20;
  while (!chunk.empty() && !m_stopped) {
    size_t size = std::min(chunk.size(), k_piece);
    xml().html_parse_chunk(m_parser->context.get(), chunk.data(), static_cast<int>(size), 0);
    chunk.remove_prefix(size);
  }
  if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
  return !m_stopped;
}

void HtmlScanner::finish() {
  if (m_stopped) return;
  xml().html_parse_chunk(m_parser->context.get(), nullptr, 0, 1);
  if (!m_stopped) flush_capture();
  m_stopped = true;
  if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
}

// Stopping only raises a flag: the callbacks go quiet at once, and the
// parser is never halted from inside its own callback (xmlStopParser there
// frees the input it is still reading). The rest of the current chunk is
// parsed and ignored; feed() then says not to read on.
void HtmlScanner::stop() { m_stopped = true; }

// Handlers must not throw through libxml2's C frames: an exception is kept,
// the scan stops, and feed() rethrows it.
void HtmlScanner::guard(const std::function<void()>& call) {
  try {
    call();
  } catch (...) {
    m_error = std::current_exception();
    m_stopped = true;
  }
}

void HtmlScanner::start_element(const char* name, const char** attributes) {
  if (m_stopped) return;
  HtmlElement element;
  element.name = name;
  for (const char** at = attributes; at && at[0]; at += 2)
    element.attributes.push_back({at[0], at[1] ? std::string_view(at[1]) : std::string_view()});
  if (!m_capture_name.empty()) {
    if (element.name == m_capture_name) ++m_capture_depth;
  }
  guard([&] {
    if (m_handlers.on_element) m_handlers.on_element(element);
    if (m_stopped || !m_capture_name.empty() || !m_handlers.capture) return;
    if (m_handlers.capture(element)) {
      m_capture_name = element.name;
      m_capture_depth = 1;
      m_capture_text.clear();
    }
  });
}

void HtmlScanner::end_element(const char* name) {
  if (m_stopped || m_capture_name.empty() || m_capture_name != name) return;
  if (--m_capture_depth == 0) flush_capture();
}

void HtmlScanner::characters(const char* text, int length) {
  if (m_stopped || m_capture_name.empty() || length <= 0) return;
  size_t room = m_capture_limit - std::min(m_capture_limit, m_capture_text.size());
  m_capture_text.append(text, std::min(room, static_cast<size_t>(length)));
}

void HtmlScanner::flush_capture() {
  if (m_capture_name.empty()) return;
  std::string name = std::exchange(m_capture_name, {});
  m_capture_depth = 0;
  guard([&] {
    if (m_handlers.on_text) m_handlers.on_text(name, std::exchange(m_capture_text, {}));
  });
}

}  // namespace curate
