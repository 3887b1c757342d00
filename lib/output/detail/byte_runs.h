// Internal to output; use the format headers.
// Runs of bytes a writer copies as they are, found sixteen at a time.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace eventgraph::detail {

// Sixteen bytes in a vector register where the target has them (GCC's and
// Clang's vector types, lowered to words elsewhere).
using Bytes16 = unsigned char __attribute__((vector_size(16)));

// Stores the sixteen bytes at `in` at `out` whole (room made) and returns
// how many of them come before the first that `is_stop` marks (a vector
// of comparisons on them), or 16 when none is marked.
template <typename IsStop>
[[gnu::always_inline]] inline std::size_t copy_plain_16(const char* in, char* out, IsStop is_stop) {
  Bytes16 v;
  std::memcpy(&v, in, 16);
  auto stops = is_stop(v);
  std::uint64_t halves[2];
  std::memcpy(halves, &stops, 16);
  std::memcpy(out, &v, 16);
  if ((halves[0] | halves[1]) == 0) return 16;  // the common case first
  return halves[0] != 0 ? static_cast<std::size_t>(std::countr_zero(halves[0])) / 8
                        : 8 + static_cast<std::size_t>(std::countr_zero(halves[1])) / 8;
}

}  // namespace eventgraph::detail
