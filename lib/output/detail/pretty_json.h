// Internal to output; use output.h, jsonld.h or timelinejs.h.
// The bytes of RapidJSON's PrettyWriter (indent of two spaces, the format
// options it has), written in runs into a buffer handed on in pieces of
// about kSinkPieceBytes: events.json, JSON-LD and TimelineJS spent most of
// their time in PrettyWriter's one call per character.
#pragma once

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/internal/itoa.h>
#include <rapidjson/prettywriter.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "output/detail/sink_buffer.h"
#include "output/detail/utf8.h"
#include "output/output.h"

namespace eventgraph::detail {

// The calls are RapidJSON's (a Handler, so a rapidjson::Value can Accept
// it); each writes what PrettyWriter writes for it. Text() writes a string
// with invalid UTF-8 repaired (write_json_string). Call finish() once the
// root value is closed.
class PrettyJsonWriter {
 public:
  using Ch = char;

  explicit PrettyJsonWriter(TextSink& sink) : sink_(sink), buffer_(2 * kSinkPieceBytes) { levels_.reserve(16); }
  PrettyJsonWriter(const PrettyJsonWriter&) = delete;
  PrettyJsonWriter& operator=(const PrettyJsonWriter&) = delete;

  void SetFormatOptions(rapidjson::PrettyFormatOptions options) {
    is_single_line_array_ = (options & rapidjson::kFormatSingleLineArray) != 0;
  }

  bool StartObject() { return open('{', false); }
  bool EndObject(rapidjson::SizeType = 0) { return close('}'); }
  bool StartArray() { return open('[', true); }
  bool EndArray(rapidjson::SizeType = 0) { return close(']'); }

  // A literal's length is known; any other string is a string_view.
  template <std::size_t N>
  bool Key(const char (&key)[N]) {
    return Key(std::string_view(key, N - 1));
  }
  bool Key(std::string_view key) { return String(key); }
  bool Key(const char* s, rapidjson::SizeType n, bool = false) { return String(std::string_view(s, n)); }

  template <std::size_t N>
  bool String(const char (&s)[N]) {
    return String(std::string_view(s, N - 1));
  }
  bool String(std::string_view s) {
    prefix();
    append_string(s, false);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool = false) { return String(std::string_view(s, n)); }
  // A string whose invalid UTF-8 becomes U+FFFD.
  void Text(std::string_view s) {
    prefix();
    append_string(s, true);
  }

  bool Null() {
    prefix();
    append("null");
    return true;
  }
  bool Bool(bool b) {
    prefix();
    append(b ? std::string_view("true") : std::string_view("false"));
    return true;
  }
  bool Int(int i) {
    prefix();
    size_ = static_cast<std::size_t>(rapidjson::internal::i32toa(i, end()) - buffer_.data());
    return true;
  }
  bool Uint(unsigned u) {
    prefix();
    size_ = static_cast<std::size_t>(rapidjson::internal::u32toa(u, end()) - buffer_.data());
    return true;
  }
  bool Int64(std::int64_t i) {
    prefix();
    size_ = static_cast<std::size_t>(rapidjson::internal::i64toa(i, end()) - buffer_.data());
    return true;
  }
  bool Uint64(std::uint64_t u) {
    prefix();
    size_ = static_cast<std::size_t>(rapidjson::internal::u64toa(u, end()) - buffer_.data());
    return true;
  }
  // As RapidJSON's default: NaN and infinities are refused (and written as
  // nothing), other values in the shortest form that reads back the same.
  bool Double(double d) {
    prefix();
    if (!std::isfinite(d)) return false;
    size_ = static_cast<std::size_t>(rapidjson::internal::dtoa(d, end()) - buffer_.data());
    return true;
  }

  // Ends the file with a newline and hands on what is left.
  void finish() {
    reserve(1);
    put('\n');
    hand_on();
  }

 private:
  struct Level {
    std::size_t values;  // in an object, keys and values both count
    bool is_array;
  };

  // Room a value needs besides its text: separator, line break, indent, and
  // the longest number.
  static constexpr std::size_t kValueBytes = 32;

  // PrettyWriter::PrettyPrefix: the separator and line break before a value.
  // Also makes room for the value's bytes, but a string's.
  void prefix() {
    if (size_ >= kSinkPieceBytes) hand_on();
    reserve(kValueBytes + 2 * levels_.size());
    if (levels_.empty()) return;
    Level& level = levels_.back();
    // Through a local pointer: a store through char* could change any
    // member, which the compiler would then load again.
    char* p = end();
    bool is_line_start = false;
    if (level.is_array) {
      if (level.values > 0) {
        *p++ = ',';
        if (is_single_line_array_) *p++ = ' ';
      }
      is_line_start = !is_single_line_array_;
    } else {
      if (level.values > 0) {
        *p++ = level.values % 2 == 0 ? ',' : ':';
        *p++ = level.values % 2 == 0 ? '\n' : ' ';
      } else {
        *p++ = '\n';
      }
      is_line_start = level.values % 2 == 0;
      if (is_line_start) --p;  // the line break is written below
    }
    if (is_line_start) {
      *p++ = '\n';
      std::size_t count = 2 * levels_.size();
      std::memset(p, ' ', count);
      p += count;
    }
    size_ = static_cast<std::size_t>(p - buffer_.data());
    ++level.values;
  }

  bool open(char bracket, bool is_array) {
    prefix();
    levels_.push_back({0, is_array});
    put(bracket);
    return true;
  }
  // An array in single-line format ends on its line.
  bool close(char bracket) {
    Level level = levels_.back();
    levels_.pop_back();
    reserve(2 + 2 * levels_.size());
    if (level.values > 0 && !(level.is_array && is_single_line_array_)) new_line();
    put(bracket);
    return true;
  }

  // The writes below assume room made by reserve().
  void reserve(std::size_t bytes) {
    if (buffer_.size() - size_ >= bytes) return;
    hand_on();
    if (buffer_.size() < bytes) buffer_.resize(bytes);
  }
  void hand_on() {
    sink_.write(std::string_view(buffer_.data(), size_));
    size_ = 0;
  }
  char* end() { return buffer_.data() + size_; }
  void put(char c) { buffer_[size_++] = c; }
  void append(std::string_view s) {
    std::memcpy(end(), s.data(), s.size());
    size_ += s.size();
  }
  void indent() {
    std::size_t count = 2 * levels_.size();
    std::memset(end(), ' ', count);
    size_ += count;
  }
  void new_line() {
    put('\n');
    indent();
  }

  // What stops a run of bytes written as they are: 1, always (a control,
  // '"' or '\\'); 2, when invalid UTF-8 is repaired (a byte from 0x80 on).
  static constexpr std::array<unsigned char, 256> kStops = [] {
    std::array<unsigned char, 256> stops{};
    for (int b = 0; b < 0x20; ++b) stops[b] = 1;
    stops['"'] = stops['\\'] = 1;
    for (int b = 0x80; b < 0x100; ++b) stops[b] = 2;
    return stops;
  }();

  // The end of the run of bytes from `i` on that are written as they are:
  // eight at a time while no byte is a control, '"', '\\' or (with
  // `is_repaired`, to be checked) non-ASCII.
  static std::size_t plain_run(std::string_view s, std::size_t i, bool is_repaired) {
    constexpr std::uint64_t kOnes = 0x0101010101010101u;
    constexpr std::uint64_t kHigh = 0x8080808080808080u;
    const std::uint64_t high_mask = is_repaired ? kHigh : 0;
    auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
    const std::size_t n = s.size();
    while (i + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      // Some byte is below 0x20 exactly when this has a high bit (bytes
      // from 0x80 on may add false alarms, which the loop below clears).
      std::uint64_t below_space = ((x & ~kHigh) - 0x20 * kOnes) & ~x & kHigh;
      if (below_space | has_zero(x ^ ('"' * kOnes)) | has_zero(x ^ ('\\' * kOnes)) | (x & high_mask)) break;
      i += 8;
    }
    const unsigned char stop_mask = is_repaired ? 3 : 1;
    while (i < n && (kStops[static_cast<unsigned char>(s[i])] & stop_mask) == 0) ++i;
    return i;
  }

  // Writer::WriteString: '"', '\\' and C0 controls escaped, everything else
  // as it is (with `is_repaired`, invalid UTF-8 bytes as U+FFFD, which is
  // what write_json_string's repair_utf8 followed by String writes).
  void append_string(std::string_view s, bool is_repaired) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    reserve(2 + 6 * s.size());  // "\u00XX" for a byte at most; U+FFFD is 3
    char* p = end();
    *p++ = '"';
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
      std::size_t run = plain_run(s, i, is_repaired);
      std::memcpy(p, s.data() + i, run - i);
      p += run - i;
      i = run;
      if (i == n) break;
      auto b = static_cast<unsigned char>(s[i]);
      if (b >= 0x80) {
        std::size_t length = utf8_sequence(s, i);
        if (length == 0) {
          std::memcpy(p, "\xEF\xBF\xBD", 3);
          p += 3;
          ++i;
        } else {
          std::memcpy(p, s.data() + i, length);
          p += length;
          i += length;
        }
        continue;
      }
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
      ++i;
    }
    *p++ = '"';
    size_ = static_cast<std::size_t>(p - buffer_.data());
  }

  TextSink& sink_;
  std::vector<char> buffer_;  // bytes [0, size_) not yet handed on
  std::size_t size_ = 0;
  std::vector<Level> levels_;
  bool is_single_line_array_ = false;
};

}  // namespace eventgraph::detail
