// Internal to extract; use extract.h.
// Lower-casing of A-Z over whole texts, eight bytes at a time: the entity
// and event passes lower a document once and view tokens in the copy.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace eventgraph::detail {

// `text` with A-Z lowered and every other byte (UTF-8 included) as it was.
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  char* p = out.data();
  const std::size_t n = out.size();
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, p + i, 8);
    // Per byte, with its low seven bits (sums stay inside the byte): the
    // high bit of low + 0x3F says >= 'A', of low + 0x25 says > 'Z'; a byte
    // with its own high bit set is not ASCII.
    const std::uint64_t low = x & kLow7;
    const std::uint64_t is_upper = (low + 0x3F3F3F3F3F3F3F3FULL) & ~(low + 0x2525252525252525ULL) & ~x & kHigh;
    x |= is_upper >> 2;  // 0x80 >> 2 = 0x20, the bit that lowers a letter
    std::memcpy(p + i, &x, 8);
  }
  for (; i < n; ++i) {
    if (p[i] >= 'A' && p[i] <= 'Z') p[i] = static_cast<char>(p[i] - 'A' + 'a');
  }
  return out;
}

}  // namespace eventgraph::detail
