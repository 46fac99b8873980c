#pragma once
// libxml2's functions, loaded with dlopen the first time a command reads HTML
// or XML (remote anchors under --links, a page's metadata, arXiv's Atom feed).
// libxml2 brings ICU, zlib and liblzma with it, and linking them cost every
// offline command 4.5 ms of start-up (docs/performance.md "Start-up"), as
// libcurl did (curl_api.hpp). Only libxml2's headers are used at build time;
// the Debian package depends on libxml2 by name.

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

namespace curate {

struct XmlApi {
  decltype(&::htmlCreatePushParserCtxt) html_create_push_parser;
  decltype(&::htmlCtxtUseOptions) html_use_options;
  decltype(&::htmlParseChunk) html_parse_chunk;
  decltype(&::htmlFreeParserCtxt) html_free_parser;
  decltype(&::xmlReadMemory) read_memory;
  decltype(&::xmlDocGetRootElement) root_element;
  decltype(&::xmlNodeGetContent) node_content;
  decltype(&::xmlFreeDoc) free_doc;
  xmlFreeFunc* free;  // libxml2's xmlFree is a variable: its address
};

// The loaded library, initialised (xmlInitParser) once per process, before
// any thread parses. Throws curate::Error when libxml2.so.2 cannot be loaded.
const XmlApi& xml();

}  // namespace curate
