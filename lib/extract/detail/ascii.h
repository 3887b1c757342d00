// Internal to extract; use extract.h.
// Lower-casing of A-Z over whole texts, eight bytes at a time: the entity
// and event passes lower a document once and view tokens in the copy.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace eventgraph::detail {

// Lowers A-Z in the `n` bytes at `p`, every other byte (UTF-8 included) as
// it was.
inline void lower_ascii_in_place(char* p, std::size_t n) {
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
}

// `text` with A-Z lowered and every other byte (UTF-8 included) as it was.
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  lower_ascii_in_place(out.data(), out.size());
  return out;
}

// Bytes of zeros after the text in lower_ascii_padded(): a word's last
// eight-byte load (load_word_bytes) stays inside the string.
inline constexpr std::size_t kLoweredPadding = 8;

// lower_ascii(text) followed by kLoweredPadding zero bytes (not part of
// the text: callers view only its first text.size() bytes).
inline std::string lower_ascii_padded(std::string_view text) {
  std::string out;
  out.reserve(text.size() + kLoweredPadding);  // one allocation
  out.append(text);
  out.append(kLoweredPadding, '\0');
  lower_ascii_in_place(out.data(), text.size());
  return out;
}

// The first `n` (1 to 8) bytes at `p` as one integer, in memory order, the
// others zero; reads eight bytes, so `p` must have eight readable (a
// padded text, or a copy).
inline std::uint64_t load_word_bytes(const char* p, std::size_t n) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, 8);
  if (n >= 8) return x;
  const unsigned drop = static_cast<unsigned>(8 * (8 - n));
  if constexpr (std::endian::native == std::endian::little) return x & (~std::uint64_t{0} >> drop);
  return x & (~std::uint64_t{0} << drop);
}

// The same from a view of any length (`n` = min(8, size)) without reading
// past it.
inline std::uint64_t load_word_bytes_safe(const char* p, std::size_t n) {
  char bytes[8] = {};
  std::memcpy(bytes, p, n < 8 ? n : 8);
  std::uint64_t x = 0;
  std::memcpy(&x, bytes, 8);
  return x;
}

// Not zero exactly when some byte of `x` is zero (its high bit is set;
// bits above a zero byte may be too): or-ed over a word's steps, one test
// at the end.
inline std::uint64_t zero_byte_bits(std::uint64_t x) {
  return (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
}
inline bool has_zero_byte(std::uint64_t x) { return zero_byte_bits(x) != 0; }

}  // namespace eventgraph::detail
