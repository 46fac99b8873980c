#pragma once
// Reading a list file into memory, and writing one back atomically.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace curate {

// What identifies the version of a file that was read: write_atomic compares
// it with the file on disk just before replacing it, so a file that vanished
// or changed meanwhile (another editor, a git checkout) is never clobbered.
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// A list file as read from disk or standard input. `text` has a leading
// UTF-8 BOM removed and CRLF line endings (and lone CRs, which CommonMark
// also reads as line endings) turned into LF, so the parser and
// every renderer see one shape; `has_bom` and `crlf` remember how to restore it.
struct SourceFile {
  std::string path;  // as the user named it; "-" for standard input
  std::string text;
  bool has_bom = false;
  bool crlf = false;
  std::optional<FileStamp> stamp;  // of the file read; none for stdin or bytes
};

// Reads `path` ("-" reads standard input). Throws curate::Error naming the
// file for a missing file, a directory, binary data (a NUL byte) or invalid
// UTF-8 (with the line and column of the first bad byte).
SourceFile read_source(const std::string& path);

// Builds a SourceFile from bytes already in memory (same checks as above).
SourceFile source_from_bytes(std::string path, std::string bytes);

// The bytes to write for `text` so the file keeps its BOM and line endings.
std::string restore_layout(std::string_view text, const SourceFile& like);

// Replaces `path` with `bytes` atomically: a temporary file in the same
// folder, flushed, given the old file's mode, then renamed over the target.
// A symlink is followed, so the link stays and its target is replaced.
// Throws curate::Error (the file untouched) on any failure. With `expected`
// (SourceFile::stamp of the version the bytes were made from), it also
// refuses when the target no longer exists or no longer has that stamp.
void write_atomic(const std::string& path, std::string_view bytes,
                  const std::optional<FileStamp>& expected = std::nullopt);

// The stamp of the file at `path` (symlinks followed); nullopt if missing.
std::optional<FileStamp> stamp_of(const std::string& path);

}  // namespace curate
