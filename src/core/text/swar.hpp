#pragma once
// Word-at-a-time byte search ("SIMD within a register") for the scans that
// run over every byte of big lists: JSON escaping and URL checks. Internal
// to curate_core.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace curate::swar {

constexpr std::uint64_t k_ones = 0x0101010101010101, k_high = 0x8080808080808080;

// Nonzero when a byte of `word` is below `n` (n <= 128).
inline std::uint64_t has_byte_below(std::uint64_t word, unsigned n) { return (word - k_ones * n) & ~word & k_high; }

// Nonzero when a byte of `word` equals `c`.
inline std::uint64_t has_byte(std::uint64_t word, unsigned char c) { return has_byte_below(word ^ (k_ones * c), 1); }

// The position of the first byte at or after `from` for which matches(byte)
// holds, or text.size(). `may_match(word)` must be true for every eight
// bytes holding such a byte; it may be true for others (the byte loop
// settles them), so the common case, no match, costs a test per word.
template <typename WordTest, typename ByteTest>
std::size_t find_byte_if(std::string_view text, std::size_t from, WordTest may_match, ByteTest matches) {
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (may_match(word)) break;
  }
  while (i < text.size() && !matches(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace curate::swar
