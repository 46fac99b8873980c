#include "curate/markdown/chunk_trees.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <optional>

namespace curate {
namespace {

// Chunks a thread may parse ahead of the reader, per thread: enough to keep
// it busy while the reader catches up, few enough that only a handful of
// trees (a few MB each) are alive at once.
constexpr size_t k_ahead_per_thread = 2;

// The thread that parsed a chunk, when it is the reader's (take()).
constexpr size_t k_reader = static_cast<size_t>(-1);

unsigned default_jobs() {
  if (const char* env = std::getenv("CURATE_JOBS")) {
    char* end = nullptr;
    unsigned long jobs = std::strtoul(env, &end, 10);
    if (end != env && *end == '\0' && jobs >= 1 && jobs <= 256) return static_cast<unsigned>(jobs);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

unsigned& jobs_setting() {
  static unsigned jobs = default_jobs();
  return jobs;
}

}  // namespace

unsigned parse_jobs() { return jobs_setting(); }
void set_parse_jobs(unsigned jobs) { jobs_setting() = std::max(1u, jobs); }

struct ChunkTrees::Shared {
  Shared(const std::vector<Chunk>& c, OnParsed on)
      : chunks(c), on_parsed(std::move(on)), trees(c.size()), errors(c.size()), done(c.size()), parsed_by(c.size()) {}

  const std::vector<Chunk>& chunks;
  const OnParsed on_parsed;
  std::mutex mutex;
  std::condition_variable parsed;  // a tree is ready
  std::condition_variable room;    // the reader took or gave back a tree, or stop
  std::vector<std::optional<MarkdownDocument>> trees;
  std::vector<std::exception_ptr> errors;
  std::vector<char> done;
  std::vector<size_t> parsed_by;                       // per chunk: a thread's index, or k_reader
  std::vector<std::vector<MarkdownDocument>> to_free;  // per thread: trees given back
  size_t next = 0;                                     // the next chunk nobody has started
  size_t taken = 0;                                    // chunks the reader has taken
  size_t ahead = 0;                                    // how far past `taken` the threads may start
  bool stop = false;
};

ChunkTrees::ChunkTrees(const std::vector<Chunk>& chunks, unsigned jobs, OnParsed on_parsed)
    : m_shared(std::make_unique<Shared>(chunks, std::move(on_parsed))) {
  size_t threads = std::min<size_t>(jobs > 0 ? jobs - 1 : 0, chunks.size() > 1 ? chunks.size() - 1 : 0);
  if (!threads || !prepare_markdown_parsers()) return;
  m_shared->ahead = (threads + 1) * k_ahead_per_thread;  // the reader parses too
  m_shared->to_free.resize(threads);
  m_threads.reserve(threads);
  for (size_t t = 0; t < threads; ++t) m_threads.emplace_back([this, t] { work(t); });
}

ChunkTrees::~ChunkTrees() {
  {
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->stop = true;
  }
  m_shared->room.notify_all();
  for (std::thread& thread : m_threads) thread.join();
}

void ChunkTrees::work(size_t thread) {
  Shared& s = *m_shared;
  std::unique_lock<std::mutex> lock(s.mutex);
  auto may_parse = [&] { return s.next < s.chunks.size() && s.next < s.taken + s.ahead; };
  // Until stopped, as the reader gives trees back after the last parse.
  for (;;) {
    s.room.wait(lock, [&] { return s.stop || !s.to_free[thread].empty() || may_parse(); });
    if (!s.to_free[thread].empty()) {
      std::vector<MarkdownDocument> trees;
      trees.swap(s.to_free[thread]);
      lock.unlock();
      trees.clear();  // here, on the thread that allocated them
      lock.lock();
    } else if (s.stop) {
      return;
    } else {
      parse_next(lock, thread);
    }
  }
}

void ChunkTrees::parse_next(std::unique_lock<std::mutex>& lock, size_t thread) {
  Shared& s = *m_shared;
  size_t i = s.next++;
  s.parsed_by[i] = thread;
  lock.unlock();
  std::optional<MarkdownDocument> tree;
  std::exception_ptr error;
  try {
    tree.emplace(parse(i));
  } catch (...) {
    error = std::current_exception();
  }
  lock.lock();
  s.trees[i] = std::move(tree);
  s.errors[i] = error;
  s.done[i] = 1;
  s.parsed.notify_all();
}

MarkdownDocument ChunkTrees::parse(size_t i) const {
  MarkdownDocument tree(m_shared->chunks[i].text);
  if (m_shared->on_parsed) m_shared->on_parsed(tree, i);
  return tree;
}

MarkdownDocument ChunkTrees::take(size_t i) {
  Shared& s = *m_shared;
  if (m_threads.empty()) return parse(i);
  std::unique_lock<std::mutex> lock(s.mutex);
  // Rather than wait for chunk i, the reader parses the next chunk nobody
  // has started (i itself, when it is that one): no core idles while the
  // threads parse and build ahead (on_parsed is most of the work).
  while (!s.done[i]) {
    if (s.next == i || (s.next < s.chunks.size() && s.next < s.taken + s.ahead))
      parse_next(lock, k_reader);
    else
      s.parsed.wait(lock);
  }
  s.taken = i + 1;
  s.room.notify_all();
  if (s.errors[i]) std::rethrow_exception(s.errors[i]);
  MarkdownDocument tree = std::move(*s.trees[i]);
  s.trees[i].reset();
  return tree;
}

void ChunkTrees::give_back(size_t i, MarkdownDocument tree) {
  Shared& s = *m_shared;
  // take(i) read done[i] under the mutex after parse_next set parsed_by[i]:
  // no lock is needed to read it here.
  if (m_threads.empty() || s.parsed_by[i] == k_reader) return;  // parsed here: freed here
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.to_free[s.parsed_by[i]].push_back(std::move(tree));
  }
  s.room.notify_all();
}

}  // namespace curate
