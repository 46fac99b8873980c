#include "curate/links/xml_api.hpp"

#include "dl_library.hpp"

namespace curate {
namespace {

constexpr const char* k_xml_library = "libxml2.so.2";

XmlApi load_xml() {
  void* library = dl::open(k_xml_library, "libxml2");
  auto load = [library](const char* name, auto& out) { dl::symbol(library, k_xml_library, "libxml2 2.9", name, out); };
  XmlApi api{};
  load("htmlCreatePushParserCtxt", api.html_create_push_parser);
  load("htmlCtxtUseOptions", api.html_use_options);
  load("htmlParseChunk", api.html_parse_chunk);
  load("htmlFreeParserCtxt", api.html_free_parser);
  load("xmlReadMemory", api.read_memory);
  load("xmlDocGetRootElement", api.root_element);
  load("xmlNodeGetContent", api.node_content);
  load("xmlFreeDoc", api.free_doc);
  load("xmlFree", api.free);
  decltype(&::xmlInitParser) init = nullptr;
  load("xmlInitParser", init);
  init();  // libxml2 asks for this before parsing on several threads
  return api;
}

}  // namespace

const XmlApi& xml() {
  static const XmlApi api = load_xml();  // thread-safe since C++11
  return api;
}

}  // namespace curate
