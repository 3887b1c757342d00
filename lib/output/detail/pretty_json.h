// Internal to output; use output.h, jsonld.h or timelinejs.h.
// The bytes of RapidJSON's PrettyWriter (indent of two spaces, the format
// options it has), written in runs into a buffer handed on in pieces of
// at most kSinkPieceBytes: events.json, JSON-LD and TimelineJS spent most
// of their time in PrettyWriter's one call per character.
#pragma once

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/internal/itoa.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output/detail/byte_runs.h"
#include "output/detail/sink_buffer.h"
#include "output/detail/utf8.h"
#include "output/output.h"

namespace eventgraph::detail {

// Bit 7 of each byte of the result is set where `x` (eight bytes of a
// string, the first in the low byte) has a byte that a JSON string may not
// hold as it is: a C0 control, '"' or '\\', and with `is_repaired` any byte
// from 0x80 on (to be checked as UTF-8). Exact per byte: no carry or borrow
// crosses bytes, so the lowest set bit is the first such byte.
inline std::uint64_t json_stop_bits(std::uint64_t x, bool is_repaired) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  constexpr std::uint64_t kHigh = 0x8080808080808080u;
  constexpr std::uint64_t kLow = ~kHigh;
  auto zero_bytes = [](std::uint64_t y) { return ~(((y & kLow) + kLow) | y | kLow); };
  // (b | 0x80) - 0x20 keeps bit 7 exactly when b & 0x7F is 0x20 or more.
  std::uint64_t controls = ~((x | kHigh) - 0x20 * kOnes) & ~x & kHigh;
  std::uint64_t stops = controls | zero_bytes(x ^ ('"' * kOnes)) | zero_bytes(x ^ ('\\' * kOnes));
  return is_repaired ? stops | (x & kHigh) : stops;
}

// The calls are RapidJSON's (a Handler, so a rapidjson::Value can Accept
// it); each writes what PrettyWriter writes for it. Text() writes a string
// with invalid UTF-8 repaired (write_json_string). Call finish() once the
// root value is closed.
class PrettyJsonWriter {
 public:
  using Ch = char;

  explicit PrettyJsonWriter(TextSink& sink) : out_(sink) { levels_.reserve(16); }
  PrettyJsonWriter(const PrettyJsonWriter&) = delete;
  PrettyJsonWriter& operator=(const PrettyJsonWriter&) = delete;

  void SetFormatOptions(rapidjson::PrettyFormatOptions options) {
    is_single_line_array_ = (options & rapidjson::kFormatSingleLineArray) != 0;
  }

  bool StartObject() { return open('{', false); }
  bool EndObject(rapidjson::SizeType = 0) { return close('}'); }
  bool StartArray() { return open('[', true); }
  bool EndArray(rapidjson::SizeType = 0) { return close(']'); }

  // A literal key of plain ASCII (all of ours) is copied whole; any other
  // key is a string_view. Inlined always: only then does the test fold.
  template <std::size_t N>
  [[gnu::always_inline]] bool Key(const char (&key)[N]) {
    if (!is_plain_ascii(key, std::make_index_sequence<N - 1>())) return Key(std::string_view(key, N - 1));
    char* p = key_prefix(N + 1);
    *p = '"';
    std::memcpy(p + 1, key, N - 1);
    p[N] = '"';
    advance(p + N + 1);
    return true;
  }
  bool Key(std::string_view key) {
    advance(write_string(key_prefix(string_bytes(key)), key, false));
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool = false) { return Key(std::string_view(s, n)); }

  template <std::size_t N>
  bool String(const char (&s)[N]) {
    return String(std::string_view(s, N - 1));
  }
  bool String(std::string_view s) {
    advance(write_string(value_prefix(string_bytes(s)), s, false));
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool = false) { return String(std::string_view(s, n)); }
  // A string whose invalid UTF-8 becomes U+FFFD.
  void Text(std::string_view s) { advance(write_string(value_prefix(string_bytes(s)), s, true)); }

  bool Null() {
    append(value_prefix(4), "null");
    return true;
  }
  bool Bool(bool b) {
    append(value_prefix(5), b ? std::string_view("true") : std::string_view("false"));
    return true;
  }
  bool Int(int i) {
    advance(rapidjson::internal::i32toa(i, value_prefix(kNumberBytes)));
    return true;
  }
  bool Uint(unsigned u) {
    advance(rapidjson::internal::u32toa(u, value_prefix(kNumberBytes)));
    return true;
  }
  bool Int64(std::int64_t i) {
    advance(rapidjson::internal::i64toa(i, value_prefix(kNumberBytes)));
    return true;
  }
  bool Uint64(std::uint64_t u) {
    advance(rapidjson::internal::u64toa(u, value_prefix(kNumberBytes)));
    return true;
  }
  // As RapidJSON's default: NaN and infinities are refused (and written as
  // nothing), other values in the shortest form that reads back the same.
  bool Double(double d) {
    char* p = value_prefix(kNumberBytes);
    if (!std::isfinite(d)) {
      advance(p);
      return false;
    }
    advance(rapidjson::internal::dtoa(d, p));
    return true;
  }

  // Ends the file with a newline and hands on what is left.
  void finish() {
    char* p = room(1);
    *p++ = '\n';
    advance(p);
    out_.hand_on();
  }

 private:
  struct Level {
    std::size_t values;  // in an object, its keys
    bool is_array;
  };

  // The longest number dtoa or u64toa writes, and more.
  static constexpr std::size_t kNumberBytes = 32;
  // Spaces copied sixteen at a time; the indent may overrun by 15 bytes.
  static constexpr char kSpaces[] = "                ";
  static constexpr std::size_t kSpaceBytes = 16;

  // Room for a string's bytes: quotes, "\u00XX" for a byte at most (U+FFFD
  // is 3), and the sixteen a last store may overrun.
  static std::size_t string_bytes(std::string_view s) { return 2 + 6 * s.size() + 16; }

  // Keys, the writer's own literals, are all plain ASCII; a test unrolled
  // over the bytes of a literal (a loop over them was not) folds away.
  [[gnu::always_inline]] static constexpr bool is_plain_ascii(char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x20 && b < 0x80 && b != '"' && b != '\\';
  }
  template <std::size_t N, std::size_t... I>
  [[gnu::always_inline]] static constexpr bool is_plain_ascii(const char (&s)[N], std::index_sequence<I...>) {
    return (is_plain_ascii(s[I]) && ...);
  }

  char* room(std::size_t bytes) { return out_.room(bytes); }
  void advance(char* end) { out_.advance(end); }

  // A line break and the indent of `depth` levels, at `p`.
  static char* new_line(char* p, std::size_t depth) {
    *p++ = '\n';
    std::size_t count = 2 * depth;
    for (std::size_t k = 0; k < count; k += kSpaceBytes) std::memcpy(p + k, kSpaces, kSpaceBytes);
    return p + count;
  }
  static std::size_t new_line_bytes(std::size_t depth) { return 1 + 2 * depth + kSpaceBytes; }

  // PrettyWriter::PrettyPrefix before a key: the comma after the value
  // before it, and its line. Returns where the key goes, `bytes` free.
  char* key_prefix(std::size_t bytes) {
    std::size_t depth = levels_.size();
    char* p = room(bytes + 1 + new_line_bytes(depth));
    Level& level = levels_.back();
    *p = ',';
    p += level.values++ > 0 ? 1 : 0;
    is_after_key_ = true;
    return new_line(p, depth);
  }
  // PrettyWriter::PrettyPrefix before any other value: ": " after a key, a
  // separator and line break in an array, nothing for the root.
  char* value_prefix(std::size_t bytes) {
    std::size_t depth = levels_.size();
    char* p = room(bytes + 2 + new_line_bytes(depth));
    if (is_after_key_) {
      is_after_key_ = false;
      p[0] = ':';
      p[1] = ' ';
      return p + 2;
    }
    if (depth == 0) return p;
    Level& level = levels_.back();
    if (level.values++ > 0) {
      *p++ = ',';
      if (is_single_line_array_) *p++ = ' ';
    }
    return is_single_line_array_ ? p : new_line(p, depth);
  }

  bool open(char bracket, bool is_array) {
    char* p = value_prefix(1);
    *p++ = bracket;
    advance(p);
    levels_.push_back({0, is_array});
    return true;
  }
  // An array in single-line format ends on its line.
  bool close(char bracket) {
    Level level = levels_.back();
    levels_.pop_back();
    std::size_t depth = levels_.size();
    char* p = room(1 + new_line_bytes(depth));
    if (level.values > 0 && !(level.is_array && is_single_line_array_)) p = new_line(p, depth);
    *p++ = bracket;
    advance(p);
    return true;
  }

  void append(char* p, std::string_view s) {
    if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view may hold no pointer
    advance(p + s.size());
  }

  static std::uint64_t load_word(const char* s) {
    std::uint64_t x;
    std::memcpy(&x, s, 8);
    return x;
  }
  // The `n` (1 to 7) bytes at `s` in the low bytes of a word, the rest
  // zero, without reading past them.
  static std::uint64_t load_short(const char* s, std::size_t n) {
    if (n >= 4) {
      std::uint32_t first, last;
      std::memcpy(&first, s, 4);
      std::memcpy(&last, s + n - 4, 4);
      return first | (std::uint64_t{last} << (8 * (n - 4)));  // the overlap is the same bytes
    }
    auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k); };
    return byte(0) | byte(n / 2) | byte(n - 1);
  }

  // Writer::WriteString at `p`, room made: '"', '\\' and C0 controls
  // escaped, everything else as it is (with `is_repaired`, invalid UTF-8
  // bytes as U+FFFD, which is what write_json_string's repair_utf8 followed
  // by String writes). Sixteen or eight bytes at a time: each piece is stored
  // whole and the cursor moves past its plain bytes. Returns the end.
  static char* write_string(char* p, std::string_view s, bool is_repaired) {
    *p++ = '"';
    const char* in = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
      std::size_t left = n - i;
      if (left >= 16) {
        std::size_t k = copy_plain_16(in + i, p, [&](Bytes16 v) {
          auto is_stop = (v < 0x20) | (v == '"') | (v == '\\');
          if (is_repaired) is_stop |= v >= 0x80;
          return is_stop;
        });
        p += k;
        i += k;
        if (k < 16) p = write_stop(p, s, i);
        continue;
      }
      std::uint64_t x;
      std::uint64_t stops;
      if (left >= 8) {
        x = load_word(in + i);
        stops = json_stop_bits(x, is_repaired);
      } else {
        // The last bytes: from the word that ends the string when there is
        // one (no read before it), shifted down; the zeros above them would
        // count as controls.
        x = n >= 8 ? load_word(in + n - 8) >> (8 * (8 - left)) : load_short(in + i, left);
        stops = json_stop_bits(x, is_repaired) & ((std::uint64_t{1} << (8 * left)) - 1);
      }
      std::memcpy(p, &x, 8);
      if (stops == 0) {
        std::size_t k = std::min<std::size_t>(left, 8);
        p += k;
        i += k;
        continue;
      }
      std::size_t k = static_cast<std::size_t>(std::countr_zero(stops)) / 8;
      p += k;
      i += k;
      p = write_stop(p, s, i);
    }
    *p++ = '"';
    return p;
  }

  // The byte at s[i] that stopped a run: a UTF-8 sequence (kept) or an
  // invalid byte (U+FFFD), or an escape. Moves `i` past it.
  static char* write_stop(char* p, std::string_view s, std::size_t& i) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      std::size_t length = utf8_sequence(s, i);
      if (length == 0) {
        std::memcpy(p, "\xEF\xBF\xBD", 3);
        ++i;
        return p + 3;
      }
      std::memcpy(p, s.data() + i, length);
      i += length;
      return p + length;
    }
    ++i;
    *p++ = '\\';
    switch (b) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\b': *p++ = 'b'; break;
      case '\t': *p++ = 't'; break;
      case '\n': *p++ = 'n'; break;
      case '\f': *p++ = 'f'; break;
      case '\r': *p++ = 'r'; break;
      default:
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[b >> 4];
        *p++ = kHex[b & 0xF];
    }
    return p;
  }

  PieceWriter out_;
  std::vector<Level> levels_;
  bool is_after_key_ = false;
  bool is_single_line_array_ = false;
};

}  // namespace eventgraph::detail
