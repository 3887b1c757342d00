// The tokenizer of the time stage: one pass over bytes, offsets kept.
#include "time/detail/tokens.h"

#include <array>
#include <bit>
#include <cstring>
#include <utility>

namespace eventgraph::detail {
namespace {

// Byte classes, for the scan: an ASCII letter (lower or upper case),
// ASCII whitespace, a line feed.
constexpr std::uint8_t kLowerLetter = 1;
constexpr std::uint8_t kUpperLetter = 2;
constexpr std::uint8_t kSpace = 4;
constexpr std::uint8_t kLineFeed = 8;
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = kLowerLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = kUpperLetter;
  for (char c : {' ', '\t', '\r', '\f', '\v'}) classes[static_cast<unsigned char>(c)] = kSpace;
  classes['\n'] = kSpace | kLineFeed;
  return classes;
}();
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

constexpr std::uint64_t kEachByte = 0x0101010101010101ull;

// The ASCII letters of 8 bytes at once: the high bit of each byte of the
// result is set where that byte is one.
std::uint64_t letter_bits(std::uint64_t x) {
  std::uint64_t folded = (x | 0x20 * kEachByte) & 0x7F * kEachByte;  // no carry between bytes below
  std::uint64_t from_a = folded + (0x80 - 'a') * kEachByte;          // high bit: >= 'a'
  std::uint64_t past_z = folded + (0x80 - 'z' - 1) * kEachByte;      // high bit: > 'z'
  return from_a & ~past_z & ~x & 0x80 * kEachByte;                    // ~x: not a non-ASCII byte
}

// A word's letters, scanned: one past its last byte, whether some letter
// was lower case, and its head_of (the first min(8, size) lower-cased
// bytes), which the word table compares first.
struct WordScan {
  std::size_t end = 0;
  bool has_lower = false;
  std::uint64_t head = 0;
};

// The lower-cased letters of the 8 bytes at text[k], stored at lower[k],
// and where they stop.
struct Chunk {
  std::uint64_t lowered;     // every byte with bit 5 set
  std::uint64_t lower_case;  // high bit of each lower-case letter
  std::uint64_t stops;       // high bit of each byte that is no ASCII letter
};
Chunk scan_chunk(const char* text, char* lower) {
  std::uint64_t x;
  std::memcpy(&x, text, 8);
  // ASCII letters only are kept: setting bit 5 lower-cases an upper-case
  // one and leaves a lower-case one as it is.
  std::uint64_t lowered = x | 0x20 * kEachByte;
  std::memcpy(lower, &lowered, 8);
  std::uint64_t letters = letter_bits(x);
  return {lowered, letters & (x << 2), ~letters & 0x80 * kEachByte};  // x << 2: bit 5 to bit 7
}

// Scans the letters of the word at text[begin] into lower[begin, end),
// lower-cased. Eight bytes at a time while they are in the text (lower may
// take 8 bytes past any word's end: the bytes after a word belong to no
// word yet), then byte by byte. The head comes from the first eight bytes
// as they are scanned.
WordScan scan_word(std::string_view text, std::size_t begin, char* lower) {
  std::size_t end = begin;
  bool has_lower = false;
  auto tail = [&] {
    for (; end < text.size(); ++end) {
      std::uint8_t byte_class = kByteClass[static_cast<unsigned char>(text[end])];
      if ((byte_class & (kLowerLetter | kUpperLetter)) == 0) break;
      has_lower = has_lower || byte_class == kLowerLetter;
      lower[end] = static_cast<char>(text[end] | 0x20);
    }
  };
  if constexpr (std::endian::native == std::endian::little) {
    if (begin + 8 <= text.size()) {
      // Most words end within their first eight bytes.
      Chunk first = scan_chunk(text.data() + begin, lower + begin);
      if (first.stops != 0) {
        std::uint64_t stop_bit = first.stops & (~first.stops + 1);
        std::size_t size = static_cast<std::size_t>(std::countr_zero(first.stops)) / 8;
        // (stop_bit >> 7) - 1: the bytes before the stop.
        return {begin + size, (first.lower_case & (stop_bit - 1)) != 0,
                first.lowered & ((stop_bit >> 7) - 1)};
      }
      has_lower = first.lower_case != 0;
      end = begin + 8;
      while (end + 8 <= text.size()) {
        Chunk c = scan_chunk(text.data() + end, lower + end);
        if (c.stops != 0) {
          std::uint64_t stop_bit = c.stops & (~c.stops + 1);
          has_lower = has_lower || (c.lower_case & (stop_bit - 1)) != 0;
          end += static_cast<std::size_t>(std::countr_zero(c.stops)) / 8;
          return {end, has_lower, first.lowered};
        }
        has_lower = has_lower || c.lower_case != 0;
        end += 8;
      }
      tail();
      return {end, has_lower, first.lowered};
    }
  }
  tail();
  return {end, has_lower, padded_head_of(std::string_view(lower + begin, end - begin))};
}

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
    std::uint8_t byte_class = kByteClass[c];
    if (byte_class & kSpace) {
      space = true;
      newline = newline || (byte_class & kLineFeed);
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
    if (byte_class & (kLowerLetter | kUpperLetter)) {
      t.kind = TokenKind::word;
      WordScan scan = scan_word(text, i, lower);
      t.lower = std::string_view(lower + i, scan.end - i);
      t.info = &words.find_word(t.lower, scan.head);
      t.is_capitalized = byte_class == kUpperLetter;
      t.is_all_caps = !scan.has_lower && scan.end - i > 1;
      i = scan.end;
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
      t.info = &words.find_ascii(c);
      ++i;
    } else {
      std::size_t n = utf8_length(c);
      if (i + n > text.size()) n = text.size() - i;
      t.lower = fold_mark(text.substr(i, n));
      t.info = &words.find(t.lower, head_of(t.lower));
      i += n;
    }
    t.end = i;
    newline = false;
    // One space between two tokens is the common case: taken here, it
    // saves a turn of the loop.
    space = i < text.size() && text[i] == ' ';
    i += space;
  }
  return out;
}

}  // namespace eventgraph::detail
