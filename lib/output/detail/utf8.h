// Internal to output; use the format headers.
// UTF-8 checks shared by the writers: every output file is valid UTF-8,
// whatever bytes the names, titles and ids it holds came with (manifest
// and JSONL metadata is not repaired on input; article text is).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eventgraph::detail {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid
// (overlong, surrogate, past U+10FFFF or cut short); `code` gets its value.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& code) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  code = c;
  return n;
}

inline std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  char32_t code = 0;
  return utf8_sequence(s, i, code);
}

inline bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0;
    std::size_t n = utf8_sequence(s, i, c);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// `s` with each invalid byte replaced by U+FFFD.
inline std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0;
    std::size_t n = utf8_sequence(s, i, c);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace eventgraph::detail
