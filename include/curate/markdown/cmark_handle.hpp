#pragma once
// RAII owners for cmark-gfm's C objects. No other file calls a cmark free
// function directly.

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace curate {

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CmarkParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct CmarkIterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

using CmarkNodePtr = std::unique_ptr<cmark_node, CmarkNodeDeleter>;
using CmarkParserPtr = std::unique_ptr<cmark_parser, CmarkParserDeleter>;
using CmarkIterPtr = std::unique_ptr<cmark_iter, CmarkIterDeleter>;

// Takes ownership of a malloc'd string returned by a cmark renderer.
inline std::string take_cmark_string(char* text) {
  if (!text) return {};
  std::string out(text);
  std::free(text);
  return out;
}

}  // namespace curate
