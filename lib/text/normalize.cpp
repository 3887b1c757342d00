// normalize_text: UTF-8 repair, line breaks, controls, quotes, spaces, NFC,
// then page chrome; three linear passes.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include "text/detail/chrome.h"
#include "text/detail/utf8.h"
#include "text/text.h"

namespace eventgraph {
namespace {

struct RepairStats {
  std::size_t invalid_count = 0;    // U+FFFD inserted
  std::size_t first_invalid = 0;    // byte offset in the raw input
  std::size_t first_run_bytes = 0;  // length of the ill-formed run there
  bool has_non_ascii = false;       // of the output, for the NFC fast path
};

// What a code point becomes in normalized text: itself, another one, or
// nothing (kDrop).
constexpr char32_t kDrop = 0xFFFFFFFF;

char32_t map_code_point(char32_t c) {
  switch (c) {
    // Curly, low-9 and angle quotes become the ASCII ones, so that every
    // later stage matches one spelling ("Russia's", "\"no\""). Guillemets
    // open and close quotations in the languages that use them.
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // " " „ ‟
    case 0x00AB: case 0x00BB:                            // « »
      return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // ' ' ‚ ‛
    case 0x2039: case 0x203A:                            // ‹ ›
      return '\'';
    // Line and page separators end a line like LF does.
    case 0x000B: case 0x000C: case 0x0085: case 0x2028: case 0x2029:
      return '\n';
    // Tabs and line feeds are text; CR is handled by the caller.
    case '\t': case '\n':
      return c;
    // No-break and other fixed-width spaces are word separators for every
    // later stage ("He\u00A0indicated"); one spelling keeps patterns simple.
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return ' ';
    // Invisible format characters that split words for a matcher: byte
    // order marks (at the start or left behind by concatenation), soft
    // hyphens, zero-width spaces, word joiners. ZWJ/ZWNJ stay: some
    // scripts need them.
    case 0xFEFF: case 0x00AD: case 0x200B: case 0x2060:
      return kDrop;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return ' ';  // en quad .. hair space
  // Other C0 controls, DEL and the C1 controls carry no text (NUL, BEL,
  // ESC, stray 0x80-0x9F from a mis-decoded page): dropped, not replaced,
  // since a space could split a word they sat in.
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return kDrop;
  return c;
}

// True if all 8 bytes at `p` are printable ASCII (0x20..0x7E), tested at
// once: no byte below 0x20, none above 0x7E (the "hasless"/"hasmore" tests
// of Bit Twiddling Hacks, exact for whether any byte is out of range).
bool is_printable_ascii8(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, 8);
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  const std::uint64_t has_below_space = (x - kOnes * 0x20) & ~x & kHighs;
  const std::uint64_t has_above_tilde = ((x + kOnes * (127 - 0x7E)) | x) & kHighs;
  return (has_below_space | has_above_tilde) == 0;
}

// The quotation marks of older newswire and the Penn Treebank, ``like
// this'', become ASCII double quotes, as curly ones do. Run on the mapped
// text, not on each run of input: a dropped control between two
// apostrophes would pair them only on a second normalization.
void fold_treebank_quotes(std::string& text) {
  // Pairs are taken leftmost first, as a left-to-right scan would; the next
  // pair of each kind is searched for only once the text passes it, with
  // memchr under string::find (find_first_of called memchr once per byte).
  constexpr std::size_t kNone = std::string::npos;
  std::size_t next_backticks = text.find("``");
  std::size_t next_apostrophes = text.find("''");
  std::size_t read = 0;
  std::size_t write = 0;
  while (true) {
    if (next_backticks != kNone && next_backticks < read) next_backticks = text.find("``", read);
    if (next_apostrophes != kNone && next_apostrophes < read) next_apostrophes = text.find("''", read);
    const std::size_t pair = std::min(next_backticks, next_apostrophes);
    if (pair == kNone) break;
    if (write != read) std::memmove(text.data() + write, text.data() + read, pair - read);
    write += pair - read;
    text[write++] = '"';
    read = pair + 2;
  }
  if (write == read) return;
  std::memmove(text.data() + write, text.data() + read, text.size() - read);
  text.resize(write + text.size() - read);
}

// Pass 1: valid UTF-8 with the code point map applied.
std::string repair_and_map(std::string_view raw, RepairStats& stats) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    const unsigned char byte = static_cast<unsigned char>(raw[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // the common case: a run of printable ASCII
      std::size_t run_end = i + 1;
      while (run_end + 8 <= raw.size() && is_printable_ascii8(raw.data() + run_end)) run_end += 8;
      while (run_end < raw.size() && static_cast<unsigned char>(raw[run_end]) >= 0x20 &&
             static_cast<unsigned char>(raw[run_end]) < 0x7F) {
        ++run_end;
      }
      out.append(raw.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    if (byte == '\r') {
      // CRLF and a lone CR both end one line.
      out += '\n';
      i += (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    const detail::DecodedCodePoint decoded = detail::decode_utf8(raw, i);
    if (!decoded.is_valid) {
      if (stats.invalid_count == 0) stats.first_invalid = i;
      if (stats.invalid_count == 0 || stats.first_invalid + stats.first_run_bytes == i) {
        stats.first_run_bytes += decoded.length;  // the first run of bad bytes, for the message
      }
      ++stats.invalid_count;
      detail::append_utf8(out, detail::kReplacementCharacter);
      stats.has_non_ascii = true;
      i += decoded.length;
      continue;
    }
    const char32_t mapped = map_code_point(decoded.code_point);
    if (mapped == decoded.code_point) {
      out.append(raw.substr(i, decoded.length));
      stats.has_non_ascii = stats.has_non_ascii || decoded.code_point >= 0x80;
    } else if (mapped != kDrop) {
      detail::append_utf8(out, mapped);
      stats.has_non_ascii = stats.has_non_ascii || mapped >= 0x80;
    }
    i += decoded.length;
  }
  fold_treebank_quotes(out);
  return out;
}

// Pass 2: NFC, so that "e\u0301" and "\u00E9" are one spelling. Most news
// text is NFC already; the quick check keeps that case a read-only scan.
std::string to_nfc(std::string text, bool has_non_ascii) {
  if (!has_non_ascii) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC data: ") + u_errorName(status));
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
  return out;
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
    out += buf;
  }
  return out;
}

// One warning per document, not one per bad byte: a mis-encoded file has
// thousands, and the first says where to look.
Diagnostic invalid_utf8_warning(std::string_view raw, std::string_view label, const RepairStats& stats) {
  constexpr std::size_t kMaxQuotedBytes = 8;
  const std::size_t quoted = stats.first_run_bytes < kMaxQuotedBytes ? stats.first_run_bytes : kMaxQuotedBytes;
  const std::string bytes = hex_bytes(raw.substr(stats.first_invalid, quoted));
  const LineColumn where = line_column_at(raw, stats.first_invalid);
  Diagnostic d;
  d.severity = Severity::warning;
  d.file = std::string(label);
  d.line = where.line;
  d.column = where.column;
  d.code = "invalid-utf8";
  if (stats.invalid_count == 1) {
    d.message = "invalid UTF-8 sequence at byte " + std::to_string(stats.first_invalid) +
                " replaced with U+FFFD (bytes " + bytes + ")";
  } else {
    d.message = std::to_string(stats.invalid_count) +
                " invalid UTF-8 sequences replaced with U+FFFD, first at byte " +
                std::to_string(stats.first_invalid) + " (bytes " + bytes + ")";
  }
  return d;
}

}  // namespace

NormalizedText normalize_text(std::string_view raw, std::string_view label) {
  NormalizedText result;
  RepairStats stats;
  std::string mapped = repair_and_map(raw, stats);
  if (stats.invalid_count > 0) result.diagnostics.push_back(invalid_utf8_warning(raw, label, stats));
  result.text = detail::drop_chrome_lines(to_nfc(std::move(mapped), stats.has_non_ascii));
  return result;
}

}  // namespace eventgraph
