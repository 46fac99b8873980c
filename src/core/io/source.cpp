#include "curate/io/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "curate/text/error.hpp"

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
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (!in) throw Error(path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
  std::string bytes;
  struct stat st {};
  try {
    // Stamped from the open descriptor: the version actually read.
    if (::fstat(::fileno(in), &st) != 0) throw Error(path, 0, 0, std::string("cannot stat: ") + std::strerror(errno));
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
    bytes = read_all(in, path, std::move(bytes));
  } catch (...) {
    std::fclose(in);
    throw;
  }
  std::fclose(in);
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

void write_atomic(const std::string& path, std::string_view bytes, const std::optional<FileStamp>& expected) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = fs::path(path);
  if (fs::is_symlink(fs::symlink_status(target, ec))) {
    target = fs::canonical(target, ec);  // a missing path is no error: it is created
    if (ec) throw Error(path, 0, 0, "cannot resolve symlink: " + ec.message());
  }

  struct stat old_stat {};
  bool existed = ::stat(target.c_str(), &old_stat) == 0;
  // Root passes access(W_OK) on any file, so a file without write bits is
  // also treated as read-only: the user marked it so on purpose.
  if (existed && (::access(target.c_str(), W_OK) != 0 || (old_stat.st_mode & 0222) == 0))
    throw Error(path, 0, 0, "file is not writable; left unchanged");

  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".curate-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(path, 0, 0, std::string("cannot create temporary file: ") + std::strerror(errno));

  auto fail = [&](const char* what) {
    int saved = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error(path, 0, 0, std::string(what) + ": " + std::strerror(saved) + "; left unchanged");
  };
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    written += static_cast<size_t>(n);
  }
  if (::fchmod(fd, existed ? (old_stat.st_mode & 07777) : 0644) != 0) fail("cannot set mode");
  if (::fsync(fd) != 0) fail("cannot flush");
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    throw Error(path, 0, 0, std::string("cannot close: ") + std::strerror(errno));
  }
  // Checked last, right before the rename, to keep the window small.
  if (expected && stamp_of(target.string()) != expected) {
    ::unlink(tmpl.c_str());
    throw Error(path, 0, 0, "the file changed or vanished since it was read; left unchanged");
  }
  if (::rename(tmpl.c_str(), target.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    throw Error(path, 0, 0, std::string("cannot replace file: ") + std::strerror(saved));
  }
}

}  // namespace curate
