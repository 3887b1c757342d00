// tokenize: a hand-written scanner over code points (no regex), one pass.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "text/detail/abbreviations.h"
#include "text/detail/ascii_classes.h"
#include "text/detail/utf8.h"
#include "text/text.h"

namespace eventgraph {
namespace {

using detail::DecodedCodePoint;
using detail::decode_utf8;

// Each is_ function answers as ICU does; ASCII, nearly all of news text,
// from a table (a call into ICU per test was most of the tokenizer's time).
bool has_ascii_class(char32_t c, std::uint8_t ascii_class) { return (detail::kAsciiClasses[c] & ascii_class) != 0; }

bool is_letter(char32_t c) {
  return c < 0x80 ? has_ascii_class(c, detail::kAsciiLetter) : u_isalpha(static_cast<UChar32>(c));
}
bool is_digit(char32_t c) {
  return c < 0x80 ? has_ascii_class(c, detail::kAsciiDigit) : u_isdigit(static_cast<UChar32>(c));
}

// Combining marks continue a word ("e\u0301" in text that skipped NFC).
bool is_mark(char32_t c) { return c >= 0x80 && (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

bool is_punct(char32_t c) {
  return c < 0x80 ? has_ascii_class(c, detail::kAsciiPunct) : u_ispunct(static_cast<UChar32>(c));
}

bool is_quote(char32_t c) {
  switch (c) {
    case '"': case '\'':
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool is_skipped(char32_t c) {
  if (c < 0x80) return has_ascii_class(c, detail::kAsciiSkipped);
  const auto cp = static_cast<UChar32>(c);
  const int32_t category = U_GET_GC_MASK(cp);
  return u_isUWhiteSpace(cp) || (category & (U_GC_CC_MASK | U_GC_CF_MASK)) != 0;
}

// kAsciiClasses widened to every byte, no class from 0x80 on, so that a
// loop over word bytes needs no range test: a lead byte ends the ASCII run
// and the caller decodes it. kMayJoin marks the bytes that may go on a word
// past its letters and digits: the separators of join_separator, the period
// of take_final_period and every non-ASCII byte. kMayJoinLettered, the same
// but for ',' and ':', which join digits only in a word without a letter
// ("1,000", "8:23").
constexpr std::uint8_t kMayJoin = 16;
constexpr std::uint8_t kMayJoinLettered = 32;
constexpr std::array<std::uint8_t, 256> make_byte_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (std::size_t b = 0; b < detail::kAsciiClasses.size(); ++b) classes[b] = detail::kAsciiClasses[b];
  for (char c : {'\'', '-', '.'}) classes[static_cast<unsigned char>(c)] |= kMayJoin | kMayJoinLettered;
  for (char c : {',', ':'}) classes[static_cast<unsigned char>(c)] |= kMayJoin;
  for (std::size_t b = 0x80; b < classes.size(); ++b) classes[b] = kMayJoin | kMayJoinLettered;
  return classes;
}
inline constexpr std::array<std::uint8_t, 256> kByteClasses = make_byte_classes();
constexpr std::uint8_t kAsciiAlnum = detail::kAsciiLetter | detail::kAsciiDigit;

std::uint8_t byte_class(char byte) { return kByteClasses[static_cast<unsigned char>(byte)]; }

// The first position from `pos` on that is not an ASCII letter or digit.
std::size_t skip_ascii_alnum(const char* data, std::size_t pos, std::size_t size) {
  while (pos < size && (byte_class(data[pos]) & kAsciiAlnum) != 0) ++pos;
  return pos;
}

// Scans the word or number starting at `begin` (a letter or a digit).
// Indexes the bytes through a pointer: every position it reads is checked
// against size_ first, so string_view's substr checks would be repeats.
class WordScanner {
 public:
  explicit WordScanner(std::string_view text) : data_(text.data()), size_(text.size()) {}

  // `starts_with_digit` says whether text[begin] is a digit.
  Token scan(std::size_t begin, bool starts_with_digit) {
    pos_ = begin;
    has_letter_ = false;
    has_inner_period_ = false;
    if (starts_with_digit) {
      scan_number();
    } else {
      scan_alnum();
    }
    // Most words end at a space or a mark that cannot join: no more to do.
    if (pos_ < size_ && (byte_class(data_[pos_]) & kMayJoin) != 0) finish_word(begin);
    return {{begin, pos_}, has_letter_ ? TokenKind::word : TokenKind::number};
  }

 private:
  DecodedCodePoint peek(std::size_t at) const {
    if (at >= size_) return {0, 0, false};
    return decode_utf8(std::string_view(data_, size_), at);
  }
  bool is_alnum_at(std::size_t at) const {
    const DecodedCodePoint d = peek(at);
    return d.is_valid && (is_letter(d.code_point) || is_digit(d.code_point));
  }
  bool is_letter_at(std::size_t at) const {
    const DecodedCodePoint d = peek(at);
    return d.is_valid && is_letter(d.code_point);
  }

  // Separators and a final period, apart from scan() to keep it small.
  [[gnu::noinline]] void finish_word(std::size_t begin) {
    while (join_separator()) {
    }
    take_final_period(begin);
  }

  // Letters, digits and marks, from a letter at pos_: every caller has
  // seen one there (scan: not a digit; join_separator: a letter after the
  // separator, or a word that has one already), so the word has a letter.
  // ASCII runs go byte by byte through the class table with the position
  // in a local (copies of the members: the calls into ICU below would make
  // the compiler reload them); other code points are decoded.
  void scan_alnum() {
    has_letter_ = true;
    const char* const data = data_;
    const std::size_t size = size_;
    std::size_t pos = pos_;
    for (;;) {
      pos = skip_ascii_alnum(data, pos, size);
      if (pos >= size || static_cast<unsigned char>(data[pos]) < 0x80) break;
      const std::size_t length = non_ascii_alnum_length(pos);
      if (length == 0) break;
      pos += length;
    }
    pos_ = pos;
  }

  // Bytes of the letter, digit or mark at `at` (a non-ASCII lead byte), 0
  // if none is there.
  [[gnu::noinline]] std::size_t non_ascii_alnum_length(std::size_t at) const {
    const DecodedCodePoint d = decode_utf8(std::string_view(data_, size_), at);
    if (!d.is_valid) return 0;
    if (!is_letter(d.code_point) && !is_digit(d.code_point) && !is_mark(d.code_point)) return 0;
    return d.length;
  }

  // Digits, then a letter suffix only if it is an ordinal or a decade
  // ("21st", "1990s"): "6pm" and "8:23am" give the number and the unit
  // apart, which is what the time stage wants.
  void scan_number() {
    while (pos_ < size_) {
      if ((byte_class(data_[pos_]) & detail::kAsciiDigit) != 0) {
        ++pos_;
        continue;
      }
      if (static_cast<unsigned char>(data_[pos_]) < 0x80) break;
      const DecodedCodePoint d = peek(pos_);
      if (!d.is_valid || !is_digit(d.code_point)) break;
      pos_ += d.length;
    }
    if (pos_ >= size_) return;
    const char next = data_[pos_];
    if (next != 's' && next != 'n' && next != 'r' && next != 't') return;  // no suffix starts otherwise
    static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th", "s"};
    const std::string_view rest(data_ + pos_, size_ - pos_);
    for (std::string_view suffix : kSuffixes) {
      if (rest.starts_with(suffix) && !is_alnum_at(pos_ + suffix.size())) {
        pos_ += suffix.size();
        has_letter_ = true;
        return;
      }
    }
  }

  // Joins an inner apostrophe, hyphen, period, comma or colon and what
  // follows it; returns false at the end of the token.
  bool join_separator() {
    if (pos_ >= size_ || pos_ == 0) return false;
    if (!may_join(static_cast<unsigned char>(data_[pos_]))) return false;
    const DecodedCodePoint separator = peek(pos_);
    if (!separator.is_valid) return false;
    const std::size_t after = pos_ + separator.length;
    const char32_t c = separator.code_point;
    const bool after_digit = is_digit_before(pos_);
    if (is_apostrophe(c)) {  // "don't", "Russia's"
      if (!has_letter_ || !is_letter_at(after)) return false;
    } else if (is_hyphen(c)) {  // "de-confliction", "F-16"; "2014-2015" stays apart
      if (!is_alnum_at(after) || (!has_letter_ && !is_letter_at(after))) return false;
    } else if (c == '.') {  // "U.S", "3.5", "CNSNews.com"
      if (!is_alnum_at(after)) return false;
      has_inner_period_ = true;
    } else if (c == ',' || c == ':') {  // "1,000", "8:23"
      if (has_letter_ || !after_digit || !is_digit(peek(after).code_point)) return false;
    } else {
      return false;
    }
    pos_ = after;
    if (!has_letter_ && is_digit(peek(pos_).code_point)) {
      scan_number();
    } else {
      scan_alnum();
    }
    return true;
  }

  // False for an ASCII byte that is none of the separators above: the
  // common end of a word (a space, most punctuation) decides here.
  static bool may_join(unsigned char byte) {
    return byte >= 0x80 || byte == '\'' || byte == '-' || byte == '.' || byte == ',' || byte == ':';
  }

  bool is_digit_before(std::size_t at) const { return at > 0 && data_[at - 1] >= '0' && data_[at - 1] <= '9'; }

  // "U.S." and "Ph.D." keep their final period: dotted abbreviations whose
  // parts are one or two letters. A known abbreviation or an initial keeps
  // it when the sentence goes on ("Gen. Dunford"), not at its end, where
  // the period is the sentence's ("Syria." -> "Syria", ".").
  void take_final_period(std::size_t begin) {
    if (pos_ >= size_ || data_[pos_] != '.') return;
    const std::string_view word(data_ + begin, pos_ - begin);
    if (has_inner_period_ && is_dotted_abbreviation(word)) {
      ++pos_;
      return;
    }
    if (keeps_period(data_, begin, pos_, size_)) ++pos_;
  }

 public:
  // True if the word [begin, period) of data[0, size), no dotted
  // abbreviation, keeps the period at `period`: see take_final_period.
  static bool keeps_period(const char* data, std::size_t begin, std::size_t period, std::size_t size) {
    if (!detail::is_non_final_abbreviation(std::string_view(data + begin, period + 1 - begin))) return false;
    std::size_t next = period + 1;
    while (next < size && (data[next] == ' ' || data[next] == '\t')) ++next;
    return next < size && data[next] != '\n';
  }

 private:

  static bool is_dotted_abbreviation(std::string_view word) {
    std::size_t part_letters = 0;
    for (std::size_t i = 0; i < word.size();) {
      if (word[i] == '.') {
        if (part_letters == 0) return false;
        part_letters = 0;
        ++i;
        continue;
      }
      const DecodedCodePoint d = decode_utf8(word, i);
      if (!d.is_valid || !is_letter(d.code_point)) return false;
      if (++part_letters > 2) return false;
      i += d.length;
    }
    return part_letters > 0;
  }

  const char* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool has_letter_ = false;
  bool has_inner_period_ = false;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span range) {
  std::vector<Token> tokens;
  const std::size_t end = std::min(range.end_byte, text.size());
  const std::string_view bounded = text.substr(0, end);
  const char* const data = bounded.data();
  WordScanner words(bounded);
  std::size_t i = std::min(range.begin_byte, end);
  // News text has a token per 5.5 bytes, and under one per 4 bytes in 99%
  // of sentences (corpus2k): one allocation, no regrowth as tokens come.
  tokens.reserve((end - i) / 4 + 1);
  // Each branch finds its token's end and kind; one push_back for all keeps
  // the vector's append inline (six call sites made GCC call it out of line).
  while (i < end) {
    const auto byte = static_cast<unsigned char>(data[i]);
    std::size_t token_end = i + 1;
    TokenKind kind = TokenKind::symbol;
    if (byte < 0x80) {  // nearly all of news text: decided by the class table
      const std::uint8_t ascii_class = kByteClasses[byte];
      if ((ascii_class & detail::kAsciiSkipped) != 0) {
        ++i;
        continue;
      }
      if ((ascii_class & detail::kAsciiLetter) != 0) {
        // Most words are ASCII letters and digits up to a byte that cannot
        // go on a word (with a letter, as here): no scanner needed. Others
        // are scanned again in full.
        token_end = skip_ascii_alnum(data, i + 1, end);
        kind = TokenKind::word;
        if (token_end < end && (byte_class(data[token_end]) & kMayJoinLettered) != 0) {
          const std::size_t after = token_end + 1;
          // A period joins only what a letter or digit follows ("U.S"); an
          // ASCII byte that is neither leaves just the abbreviation test.
          const bool ends_at_period =
              data[token_end] == '.' && (after >= end || (static_cast<unsigned char>(data[after]) < 0x80 &&
                                                          (byte_class(data[after]) & kAsciiAlnum) == 0));
          if (ends_at_period) {  // "Syria." or "Gen. Dunford"
            if (WordScanner::keeps_period(data, i, token_end, end)) ++token_end;
          } else {
            const Token word = words.scan(i, false);
            token_end = word.span.end_byte;
            kind = word.kind;
          }
        }
      } else if ((ascii_class & detail::kAsciiDigit) != 0) {
        const Token number = words.scan(i, true);
        token_end = number.span.end_byte;
        kind = number.kind;
      } else if (byte == '"' || byte == '\'') {
        kind = TokenKind::quote;
      } else if ((ascii_class & detail::kAsciiPunct) != 0) {
        // A run of one mark is one token: "...", "--", "!!".
        while (token_end < end && data[token_end] == data[i]) ++token_end;
        kind = TokenKind::punctuation;
      }
    } else {
      const DecodedCodePoint d = decode_utf8(bounded, i);
      const char32_t c = d.is_valid ? d.code_point : detail::kReplacementCharacter;
      token_end = i + d.length;
      if (d.is_valid && is_skipped(c)) {
        i = token_end;
        continue;
      }
      if (d.is_valid && (is_letter(c) || is_digit(c))) {
        const Token word = words.scan(i, is_digit(c));
        token_end = word.span.end_byte;
        kind = word.kind;
      } else if (is_quote(c)) {
        kind = TokenKind::quote;
      } else if (d.is_valid && is_punct(c)) {
        // A run of one mark is one token (the mark's bytes repeated).
        while (token_end + d.length <= end && bounded.substr(token_end, d.length) == bounded.substr(i, d.length)) {
          token_end += d.length;
        }
        kind = TokenKind::punctuation;
      }
    }
    tokens.push_back({{i, token_end}, kind});
    i = token_end;
    if (i < end && data[i] == ' ') ++i;  // the usual gap, skipped without a turn of the loop
  }
  return tokens;
}

}  // namespace eventgraph
