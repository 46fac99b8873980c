#pragma once
// Parsing the chunks of a document (split_chunks) on several threads, ahead
// of the one thread that reads them in order (docs/performance.md
// "Parallel chunks"). Whatever reads the trees sees them in the same order
// as a parse on one thread, so the output does not depend on the threads.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "curate/markdown/markdown.hpp"

namespace curate {

// How many threads parse Markdown (1: only the caller's). The CLI sets it
// from --jobs or CURATE_JOBS; by default, the machine's cores.
unsigned parse_jobs();
void set_parse_jobs(unsigned jobs);

class ChunkTrees {
 public:
  // Work done on a chunk's tree by the thread that parsed it, before the
  // reader takes it (the catalog builds the chunk's list items there). It
  // may throw: take() rethrows.
  using OnParsed = std::function<void(MarkdownDocument& tree, size_t chunk)>;

  // Starts up to `jobs` - 1 threads (none for a single chunk); `chunks`
  // and `on_parsed` must outlive this object.
  ChunkTrees(const std::vector<Chunk>& chunks, unsigned jobs, OnParsed on_parsed = {});
  // Stops the threads; trees not taken are freed.
  ~ChunkTrees();
  ChunkTrees(const ChunkTrees&) = delete;
  ChunkTrees& operator=(const ChunkTrees&) = delete;

  // The tree of chunks[i], for i = 0, 1, 2… in order. Until a thread has
  // it ready, the caller parses the next chunk nobody has started (chunk i
  // itself when that is the one) rather than wait. Rethrows what the parse
  // or on_parsed threw.
  MarkdownDocument take(size_t i);
  // Frees the tree take(i) gave, on the thread that parsed it: mimalloc
  // frees memory from another thread through a slower path, and the
  // parsing thread reuses it for its next chunk (docs/performance.md
  // "Parallel chunks").
  void give_back(size_t i, MarkdownDocument tree);

 private:
  struct Shared;
  void work(size_t thread);
  // Parses the next chunk nobody has started, on `thread` (an index in
  // m_threads, or k_reader); `lock` holds Shared::mutex.
  void parse_next(std::unique_lock<std::mutex>& lock, size_t thread);
  MarkdownDocument parse(size_t i) const;

  std::unique_ptr<Shared> m_shared;
  std::vector<std::thread> m_threads;
};

}  // namespace curate
