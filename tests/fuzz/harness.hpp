#pragma once
// The fuzz harness shared by the libFuzzer target (fuzz_main.cpp) and the
// corpus replay test (replay_main.cpp): one input in, every offline stage of
// curate run on it, and the invariants checked.

#include <cstddef>
#include <cstdint>

namespace curate::fuzz {

// Runs `data` through reading, parsing, the tree walks and every renderer.
// Input that read_source would reject (curate::Error) is fine; any other
// exception, crash or broken invariant aborts with a message on stderr.
void run_one(const std::uint8_t* data, std::size_t size);

}  // namespace curate::fuzz
