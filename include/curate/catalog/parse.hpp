#pragma once
// Markdown -> catalog: builds the typed tree from cmark-gfm's AST.

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "curate/catalog/catalog.hpp"
#include "curate/catalog/config.hpp"
#include "curate/io/source.hpp"
#include "curate/markdown/markdown.hpp"

namespace curate {

// Builds the catalog of an already parsed document whose source is `text`
// (throws like parse_catalog).
Catalog build_catalog(const MarkdownDocument& document, std::string_view text, const std::string& path,
                      const Config& config);

// Sees one top-level block of a document (a heading, a list, a paragraph…)
// whose line numbers are the file's less `line_offset`.
using BlockReader = std::function<void(cmark_node* block, int line_offset)>;

// The same, freeing each top-level block of `document` once read, so the
// catalog reuses the tree's memory (peak memory on big lists). The document
// is left empty. `read_block`, when given, sees each block first, in order,
// while it is still in cache (the lint context reads what the checks need).
Catalog build_catalog_consuming(MarkdownDocument& document, std::string_view text, const std::string& path,
                                const Config& config, const BlockReader& read_block = {});

// Big lists are parsed a chunk of about this many bytes at a time; with
// several threads, smaller lists in four chunks per thread, none smaller
// than k_min_chunk_bytes.
inline constexpr size_t k_chunk_bytes = 256 * 1024;
inline constexpr size_t k_min_chunk_bytes = 16 * 1024;

// Reads a chunk's whole tree on the thread that parsed it, as a BlockReader
// would read its blocks; what it returns is called on the calling thread,
// in chunk order, where the BlockReader would have been.
using ChunkReader = std::function<std::function<void()>(cmark_node* root, int line_offset)>;

// Builds the catalog of `text`, the source of `path`, parsing it a chunk at
// a time (markdown.hpp split_chunks) and freeing each chunk's tree once
// read; `read_block` sees every block first, unless the chunks are parsed
// on several threads and `read_chunk` is given: it reads them then. nullopt
// when a chunk's parse shows the split was unsafe (chunk_runs_on): build
// from the whole document then, with a fresh reader.
std::optional<Catalog> build_catalog_chunked(std::string_view text, const std::string& path, const Config& config,
                                             const BlockReader& read_block = {}, size_t chunk_bytes = k_chunk_bytes,
                                             const ChunkReader& read_chunk = {});

// "Table of Contents", "Contents", "TOC": the text of a heading over a table
// of contents. doctoc writes "# Table of Contents" above the list's own H1,
// which is the document's title when the contents nest under one link to it.
bool is_contents_heading(std::string_view text);

// "Acknowledgments", "Special Thanks 🙇", "Contributors", "Sponsors": a
// section that credits people and other lists; its items are no entries.
bool is_credits_heading(std::string_view text);

// List items nested deeper than this are refused (curate::Error with the
// line and column): it bounds the recursion of every walk over the tree.
inline constexpr size_t k_max_item_depth = 256;

// Parses `file` with cmark-gfm and builds its catalog. Every input is a
// valid document; the only error is nesting deeper than k_max_item_depth.
Catalog parse_catalog(const SourceFile& file, const Config& config);

// Makes entry ids unique across `catalogs`, the files of one catalog in file
// order (DESIGN.md "Several files"). The first file keeps the ids it has on
// its own; an entry of a later file whose id an earlier file took hashes
// its section path in, then its file, as a repeated URL does within a file.
void assign_ids_across(const std::vector<Catalog*>& catalogs);

}  // namespace curate
