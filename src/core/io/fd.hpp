#pragma once
// Internal to io/: owners of a POSIX file descriptor and of a stdio FILE,
// so every path out of a function (an exception included) closes them.

#include <unistd.h>

#include <cstdio>
#include <memory>

namespace curate::io_detail {

// Owns one file descriptor; -1 when empty.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : m_fd(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      m_fd = other.release();
    }
    return *this;
  }
  ~Fd() { reset(); }

  int get() const { return m_fd; }
  int release() {
    int fd = m_fd;
    m_fd = -1;
    return fd;
  }
  void reset() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
  }
  // Closes now and reports close(2)'s result, which a writer must check
  // (NFS reports write errors there).
  int close() { return ::close(release()); }

 private:
  int m_fd = -1;
};

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace curate::io_detail
