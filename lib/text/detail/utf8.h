// Internal to text; use text.h.
//
// A UTF-8 decoder that reports ill-formed input the way Unicode recommends
// (one U+FFFD per "maximal subpart", Unicode 15 section 3.9, as ICU, Python
// and browsers do), shared by normalization and tokenization.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventgraph::detail {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedCodePoint {
  char32_t code_point = kReplacementCharacter;
  std::size_t length = 1;  // bytes consumed, >= 1
  bool is_valid = true;    // false: `length` bytes form an ill-formed subpart
};

// Decodes the code point at `text[offset]` (offset < text.size()). Rejects
// what Table 3-7 of the Unicode Standard does: stray continuation bytes,
// overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF),
// values above U+10FFFF (F4 90.., F5..FF) and truncated sequences.
inline DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(offset);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t trail_count = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  char32_t value = 0;
  if (lead < 0xC2) {
    return {kReplacementCharacter, 1, false};
  } else if (lead < 0xE0) {
    trail_count = 1;
    value = lead & 0x1Fu;
  } else if (lead < 0xF0) {
    trail_count = 2;
    value = lead & 0x0Fu;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead < 0xF5) {
    trail_count = 3;
    value = lead & 0x07u;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return {kReplacementCharacter, 1, false};
  }
  for (std::size_t k = 1; k <= trail_count; ++k) {
    if (offset + k >= text.size()) return {kReplacementCharacter, k, false};
    const unsigned char trail = byte(offset + k);
    const unsigned char lo = k == 1 ? low : 0x80;
    const unsigned char hi = k == 1 ? high : 0xBF;
    if (trail < lo || trail > hi) return {kReplacementCharacter, k, false};
    value = (value << 6) | (trail & 0x3Fu);
  }
  return {value, trail_count + 1, true};
}

// Appends the UTF-8 encoding of `code_point` (a scalar value) to `out`.
inline void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace eventgraph::detail
