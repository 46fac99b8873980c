#include "curate/io/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "curate/io/process.hpp"
#include "curate/text/error.hpp"
#include "fd.hpp"

namespace curate {
namespace {

// Length of the UTF-8 sequence starting at `s[i]`, or 0 if it is malformed
// (overlong forms, surrogates and code points past U+10FFFF included).
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned char c1 = byte(i + 1);
  if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
  if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
  if (c == 0xF4 && c1 >= 0x90) return 0;  // past U+10FFFF
  return len;
}

// Line and column (1-based, bytes) of offset `at` in `s`, for error messages.
std::pair<int, int> position_of(std::string_view s, size_t at) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(at - line_start + 1)};
}

// True if none of the 8 bytes at `p` is NUL or non-ASCII (the common case,
// checked a word at a time so reading a large file stays cheap).
bool plain_ascii_word(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  constexpr std::uint64_t k_ones = 0x0101010101010101u, k_highs = 0x8080808080808080u;
  return ((word | ((word - k_ones) & ~word)) & k_highs) == 0;
}

void check_text(const std::string& path, std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && plain_ascii_word(s.data() + i)) {
      i += 8;
      continue;
    }
    if (s[i] == '\0') {
      auto [line, column] = position_of(s, i);
      throw Error(path, line, column, "binary data (NUL byte); not a Markdown text file");
    }
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      auto [line, column] = position_of(s, i);
      throw Error(path, line, column, "invalid UTF-8");
    }
    i += len;
  }
}

std::string read_all(std::FILE* in, const std::string& path, std::string bytes = {}) {
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) bytes.append(buffer, n);
  if (std::ferror(in)) throw Error(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  return bytes;
}

}  // namespace

SourceFile source_from_bytes(std::string path, std::string bytes) {
  SourceFile file;
  file.path = std::move(path);
  std::string_view view = bytes;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") {
    file.has_bom = true;
    view.remove_prefix(3);
  }
  check_text(file.path, view);
  size_t first_newline = view.find('\n');
  file.crlf = first_newline != std::string_view::npos && first_newline > 0 && view[first_newline - 1] == '\r';
  // In place: the text takes over the bytes' buffer instead of a second copy.
  if (file.has_bom) bytes.erase(0, 3);
  size_t out = bytes.find('\r');
  if (out != std::string::npos) {
    for (size_t i = out; i < bytes.size(); ++i) {
      if (bytes[i] != '\r') {
        bytes[out++] = bytes[i];
      } else if (i + 1 == bytes.size() || bytes[i + 1] != '\n') {
        bytes[out++] = '\n';  // a lone CR ends a line for cmark too: keep line numbers in step
      }
    }
    bytes.resize(out);
  }
  file.text = std::move(bytes);
  return file;
}

namespace {
FileStamp stamp_from(const struct stat& st) {
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
          static_cast<std::uint64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}
}  // namespace

std::optional<FileStamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_from(st);
}

SourceFile read_source(const std::string& path) {
  if (path == "-") return source_from_bytes(path, read_all(stdin, "<stdin>"));
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw Error(path, 0, 0, "no such file");
  if (std::filesystem::is_directory(status)) throw Error(path, 0, 0, "is a directory, not a list file");
  io_detail::FilePtr in(std::fopen(path.c_str(), "rb"));
  if (!in) throw Error(path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
  std::string bytes;
  struct stat st {};
  // Stamped from the open descriptor: the version actually read.
  if (::fstat(::fileno(in.get()), &st) != 0)
    throw Error(path, 0, 0, std::string("cannot stat: ") + std::strerror(errno));
  if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
  bytes = read_all(in.get(), path, std::move(bytes));
  in.reset();
  SourceFile file = source_from_bytes(path, std::move(bytes));
  if (S_ISREG(st.st_mode)) file.stamp = stamp_from(st);
  return file;
}

std::string restore_layout(std::string_view text, const SourceFile& like) {
  std::string out;
  out.reserve(text.size() + (like.crlf ? text.size() / 30 : 0) + 3);
  if (like.has_bom) out += "\xEF\xBB\xBF";
  if (!like.crlf) return out.append(text);
  for (char c : text) {
    if (c == '\n') out.push_back('\r');
    out.push_back(c);
  }
  return out;
}

namespace {

namespace fs = std::filesystem;

// The file a write to `path` replaces: a symlink's target, so the link stays.
fs::path write_target(const std::string& path) {
  std::error_code ec;
  fs::path target = fs::path(path);
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    target = fs::canonical(target, ec);  // a missing path is no error: it is created
    if (ec) throw Error(path, 0, 0, "cannot resolve symlink: " + ec.message());
  }
  return target;
}

// The mode of the existing file at `target`, checked writable; nullopt when
// there is none. Root passes access(W_OK) on any file, so a file without
// write bits is also treated as read-only: the user marked it so on purpose.
std::optional<mode_t> writable_mode(const fs::path& target, const std::string& path) {
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return std::nullopt;
  if (::access(target.c_str(), W_OK) != 0 || (st.st_mode & 0222) == 0)
    throw Error(path, 0, 0, "file is not writable; left unchanged");
  return st.st_mode & 07777;
}

// A temporary file beside the target, removed again unless it was put in
// place: every way out of a write (an exception included) cleans up.
class TempFile {
 public:
  TempFile(const fs::path& target, std::string shown) : m_shown(std::move(shown)) {
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    m_path = (dir / ("." + target.filename().string() + ".curate-XXXXXX")).string();
    m_fd = io_detail::Fd(::mkstemp(m_path.data()));
    if (m_fd.get() < 0) fail("cannot create temporary file");
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    m_fd.reset();
    if (!m_placed) ::unlink(m_path.c_str());
  }

  // Writes `bytes`, sets `mode`, flushes to disk and closes. Returns the
  // stamp the file will have once renamed (rename keeps inode and mtime).
  FileStamp fill(std::string_view bytes, mode_t mode) {
    for (size_t written = 0; written < bytes.size();) {
      ssize_t n = ::write(m_fd.get(), bytes.data() + written, bytes.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail("cannot write");
      written += static_cast<size_t>(n);
    }
    if (::fchmod(m_fd.get(), mode) != 0) fail("cannot set mode");
    if (::fsync(m_fd.get()) != 0) fail("cannot flush");
    struct stat st {};
    if (::fstat(m_fd.get(), &st) != 0) fail("cannot stat");
    if (m_fd.close() != 0) fail("cannot close");
    return stamp_from(st);
  }

  // Renames the file over `target`.
  void rename_to(const fs::path& target) {
    if (::rename(m_path.c_str(), target.c_str()) != 0) fail("cannot replace file");
    m_placed = true;
  }

  // Gives the file the name `target` unless that exists (link(2) refuses to
  // overwrite); the temporary name is removed by the destructor.
  void link_to(const fs::path& target) {
    if (::link(m_path.c_str(), target.c_str()) == 0) return;
    if (errno == EEXIST) throw Error(m_shown, 0, 0, "already exists; not overwritten");
    fail("cannot create file");
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw Error(m_shown, 0, 0, std::string(what) + ": " + std::strerror(errno) + "; left unchanged");
  }

  std::string m_shown;  // the path as the user named it, for messages
  std::string m_path;
  io_detail::Fd m_fd;
  bool m_placed = false;
};

// The test seam documented in source.hpp: runs CURATE_TEST_BEFORE_REPLACE.
void run_test_hook() {
  const char* hook = std::getenv("CURATE_TEST_BEFORE_REPLACE");
  if (!hook || !*hook) return;
  ProcessResult result = run_process({"sh", "-c", hook});
  if (result.exit_code != 0)
    throw Error("CURATE_TEST_BEFORE_REPLACE failed (exit " + std::to_string(result.exit_code) + "): " + result.err);
}

}  // namespace

FileStamp write_atomic(const std::string& path, std::string_view bytes, const FileStamp& expected) {
  fs::path target = write_target(path);
  std::optional<mode_t> mode = writable_mode(target, path);
  const char* changed = "the file changed or vanished since it was read; left unchanged";
  if (!mode) throw Error(path, 0, 0, changed);
  TempFile temp(target, path);
  FileStamp written = temp.fill(bytes, *mode);
  run_test_hook();
  // Checked last, right before the rename, to keep the window small.
  if (stamp_of(target.string()) != expected) throw Error(path, 0, 0, changed);
  temp.rename_to(target);
  return written;
}

const FileStamp& stamp_to_replace(const SourceFile& source) {
  if (!source.stamp) throw Error(source.path, 0, 0, "not a regular file; cannot replace it");
  return *source.stamp;
}

void write_output(const std::string& path, std::string_view bytes) {
  fs::path target = write_target(path);
  std::optional<mode_t> mode = writable_mode(target, path);
  TempFile temp(target, path);
  temp.fill(bytes, mode.value_or(0644));
  temp.rename_to(target);
}

void write_new_file(const std::string& path, std::string_view bytes) {
  fs::path target = fs::path(path);
  TempFile temp(target, path);
  temp.fill(bytes, 0644);
  temp.link_to(target);
}

}  // namespace curate
