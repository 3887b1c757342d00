// Internal to text; use text.h.
//
// Sixteen bytes tested at once, for the scans that look for rare bytes
// (sentence terminators, separators) through long runs of plain text.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace eventgraph::detail {

// Sixteen bytes in a vector register where the target has them (GCC's and
// Clang's vector types, lowered to words elsewhere).
using Bytes16 = unsigned char __attribute__((vector_size(16)));

inline Bytes16 load_bytes16(const char* p) {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  return v;
}

// The index of the first byte that `marks` (a vector of comparisons, all
// ones where true) marks, or 16 when none is.
template <typename Marks>
[[gnu::always_inline]] inline std::size_t first_marked(Marks marks) {
  std::uint64_t halves[2];
  static_assert(sizeof marks == sizeof halves);
  std::memcpy(halves, &marks, 16);
  if ((halves[0] | halves[1]) == 0) return 16;
  return halves[0] != 0 ? static_cast<std::size_t>(std::countr_zero(halves[0])) / 8
                        : 8 + static_cast<std::size_t>(std::countr_zero(halves[1])) / 8;
}

}  // namespace eventgraph::detail
