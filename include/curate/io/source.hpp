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
struct [[nodiscard]] SourceFile {
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

// Replaces the list file `path` with `bytes` atomically: a temporary file in
// the same folder, flushed, given the old file's mode, then renamed over the
// target. A symlink is followed, so the link stays and its target is
// replaced. `expected` is the stamp of the version the bytes were made from
// (stamp_to_replace of the SourceFile read): just before the rename the file
// must still have it, so an edit made meanwhile (another editor, a git
// checkout, a long link check) is never clobbered. Throws curate::Error (the
// file untouched) when it changed or vanished, and on any failure. Returns
// the stamp of the file written, for a later write in the same run.
//
// Test seam: when the environment names a shell command in
// CURATE_TEST_BEFORE_REPLACE, it runs right before the stamp comparison
// (docs/edit.md "Writing"), so tests can change the file at that moment.
FileStamp write_atomic(const std::string& path, std::string_view bytes, const FileStamp& expected);

// The stamp write_atomic compares against for `source`. Throws curate::Error
// when `source` is not a regular file read from disk (standard input, a
// pipe): there is no file to replace.
const FileStamp& stamp_to_replace(const SourceFile& source);

// Writes a file curate produces (export -o, the link cache): created, or
// replaced, atomically as write_atomic does, with no stamp to compare: it
// is output, not a list someone edits.
void write_output(const std::string& path, std::string_view bytes);

// Creates `path` with `bytes` atomically, and only if nothing is there yet
// (init's .curate.json): a file created meanwhile is never overwritten.
// Throws curate::Error when `path` exists or on any failure.
void write_new_file(const std::string& path, std::string_view bytes);

// The stamp of the file at `path` (symlinks followed); nullopt if missing.
std::optional<FileStamp> stamp_of(const std::string& path);

}  // namespace curate
