// libFuzzer entry point (built with -DCURATE_FUZZ=ON and clang).
#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  curate::fuzz::run_one(data, size);
  return 0;
}
