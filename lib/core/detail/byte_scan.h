// Internal to the library's modules.
//
// Sixteen bytes tested at once, for the scans that look for rare bytes
// through long runs of plain text: sentence terminators and separators,
// the bytes a writer must escape, the end of a JSON string.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace eventgraph::detail {

// Sixteen bytes in a vector register where the target has them (GCC's and
// Clang's vector types, lowered to words elsewhere); Units8, eight UTF-16
// code units.
using Bytes16 = unsigned char __attribute__((vector_size(16)));
using Units8 = char16_t __attribute__((vector_size(16)));

inline Bytes16 load_bytes16(const char* p) {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  return v;
}

inline Units8 load_units8(const char16_t* p) {
  Units8 v;
  std::memcpy(&v, p, 16);
  return v;
}

// The index of the first lane that `marks` (a vector of comparisons, all
// ones where true) marks, or the lane count when none is.
template <typename Marks>
[[gnu::always_inline]] inline std::size_t first_marked(Marks marks) {
  constexpr std::size_t kLaneBits = 8 * sizeof marks[0];
  constexpr std::size_t kLanesPerHalf = 64 / kLaneBits;
  std::uint64_t halves[2];
  static_assert(sizeof marks == sizeof halves);
  std::memcpy(halves, &marks, 16);
  if ((halves[0] | halves[1]) == 0) return 2 * kLanesPerHalf;
  return halves[0] != 0 ? static_cast<std::size_t>(std::countr_zero(halves[0])) / kLaneBits
                        : kLanesPerHalf + static_cast<std::size_t>(std::countr_zero(halves[1])) / kLaneBits;
}

}  // namespace eventgraph::detail
