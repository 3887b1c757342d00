// Internal to text; use text.h.
//
// The ICU properties the tokenizer asks of a code point, written out for
// ASCII so that the common byte costs a table load instead of ICU calls.
// text_test checks every entry against ICU; no ASCII code point is a mark.
#pragma once

#include <array>
#include <cstdint>

namespace eventgraph::detail {

enum AsciiClass : std::uint8_t {
  kAsciiLetter = 1,   // u_isalpha: A-Z, a-z
  kAsciiDigit = 2,    // u_isdigit: 0-9
  kAsciiSkipped = 4,  // u_isUWhiteSpace or category Cc/Cf: 0x00-0x20, 0x7F
  kAsciiPunct = 8,    // u_ispunct (category P*)
};

constexpr std::array<std::uint8_t, 128> make_ascii_classes() {
  std::array<std::uint8_t, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) classes[c] = kAsciiLetter;
    if (c >= '0' && c <= '9') classes[c] = kAsciiDigit;
    if (c <= 0x20 || c == 0x7F) classes[c] = kAsciiSkipped;
  }
  // The rest of the printable ASCII is punctuation or a symbol ($ + < = > ^ ` | ~).
  for (char c : {'!', '"', '#', '%', '&', '\'', '(', ')', '*', ',', '-', '.', '/', ':', ';', '?', '@', '[', '\\',
                 ']', '_', '{', '}'}) {
    classes[static_cast<unsigned char>(c)] = kAsciiPunct;
  }
  return classes;
}

inline constexpr std::array<std::uint8_t, 128> kAsciiClasses = make_ascii_classes();

}  // namespace eventgraph::detail
