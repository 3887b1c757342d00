// The tokenizer of the time stage: one pass over bytes, offsets kept.
#include "time/detail/tokens.h"

#include <array>

namespace eventgraph::detail {
namespace {

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letter classes by byte, for the scan over a word's letters: bit 0 any
// ASCII letter, bit 1 upper case.
constexpr std::array<std::uint8_t, 256> kLetterClass = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = 1;
  for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = 3;
  return classes;
}();
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The few non-ASCII marks that matter to time expressions, folded to ASCII:
// "’90s", "Sept. 28–30", "four‑year".
// Returns static storage or `bytes` itself.
std::string_view fold_mark(std::string_view bytes) {
  if (bytes == "\xE2\x80\x99" || bytes == "\xE2\x80\x98") return "'";
  if (bytes == "\xE2\x80\x9C" || bytes == "\xE2\x80\x9D") return "\"";
  if (bytes == "\xE2\x80\x90" || bytes == "\xE2\x80\x91" || bytes == "\xE2\x80\x93") return "-";
  if (bytes == "\xE2\x80\x94") return "--";
  return bytes;
}

// Whitespace beyond ASCII that news pages use: no-break and thin spaces.
std::size_t unicode_space_length(std::string_view text, std::size_t i) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (i + 1 < text.size() && at(i) == 0xC2 && at(i + 1) == 0xA0) return 2;
  if (i + 2 < text.size() && at(i) == 0xE2 && at(i + 1) == 0x80 &&
      (at(i + 2) <= 0x8A || at(i + 2) == 0xAF))
    return 3;
  return 0;
}

}  // namespace

TokenizedText tokenize(std::string_view text) {
  TokenizedText out;
  // Zeroed, and padded for padded_head_of.
  out.lower_bytes = std::make_unique<char[]>(text.size() + kWordPadding);
  char* lower = out.lower_bytes.get();
  std::vector<Token>& tokens = out.tokens;
  const WordTable& words = word_table();
  tokens.reserve(text.size() / 4 + 1);
  bool space = true;
  bool newline = true;
  std::size_t i = 0;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    unsigned char c = at(i);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') {
      space = true;
      newline = newline || c == '\n';
      ++i;
      continue;
    }
    if (std::size_t n = c >= 0xC2 ? unicode_space_length(text, i) : 0; n > 0) {
      space = true;
      i += n;
      continue;
    }
    // Built in place: a token is a few dozen bytes, its text usually short.
    Token& t = tokens.emplace_back();
    t.begin = i;
    t.has_space_before = space;
    t.has_newline_before = newline;
    if (is_alpha(c)) {
      t.kind = TokenKind::word;
      std::size_t end = i;
      std::size_t uppers = 0;
      for (; end < text.size(); ++end) {
        std::uint8_t letter_class = kLetterClass[at(end)];
        if (letter_class == 0) break;
        uppers += letter_class >> 1;
        // ASCII letters only here: setting bit 5 lower-cases an upper-case
        // one and leaves a lower-case one as it is.
        lower[end] = static_cast<char>(at(end) | 0x20);
      }
      t.lower = std::string_view(lower + i, end - i);
      t.info = &words.find(t.lower, padded_head_of(t.lower));
      t.is_capitalized = is_upper(c);
      t.is_all_caps = uppers == end - i && end - i > 1;
      i = end;
    } else if (is_digit(c)) {
      t.kind = TokenKind::number;
      std::int64_t value = 0;
      auto take_digits = [&] {
        while (i < text.size() && is_digit(at(i))) {
          if (t.digits < 15) value = value * 10 + (at(i) - '0');
          ++t.digits;
          ++i;
        }
      };
      take_digits();
      // Thousands groups belong to the number: "1,500" is one count.
      while (i + 3 < text.size() && at(i) == ',' && is_digit(at(i + 1)) &&
             is_digit(at(i + 2)) && is_digit(at(i + 3)) &&
             (i + 4 >= text.size() || !is_digit(at(i + 4)))) {
        t.has_digit_groups = true;
        ++i;
        take_digits();
      }
      t.number = t.digits < 15 ? value : -1;
      t.lower = text.substr(t.begin, i - t.begin);
      t.info = &kNumberWord;
    } else if (c < 0x80) {
      t.lower = text.substr(i, 1);
      t.info = &words.find(t.lower, head_of(t.lower));
      ++i;
    } else {
      std::size_t n = utf8_length(c);
      if (i + n > text.size()) n = text.size() - i;
      t.lower = fold_mark(text.substr(i, n));
      t.info = &words.find(t.lower, head_of(t.lower));
      i += n;
    }
    t.end = i;
    space = false;
    newline = false;
  }
  return out;
}

}  // namespace eventgraph::detail
