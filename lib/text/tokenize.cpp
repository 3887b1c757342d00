// tokenize: a hand-written scanner over code points (no regex), one pass.
#include <unicode/uchar.h>

#include <algorithm>
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

// Scans the word or number starting at `begin` (a letter or a digit).
class WordScanner {
 public:
  WordScanner(std::string_view text, std::size_t end) : text_(text.substr(0, end)) {}

  Token scan(std::size_t begin) {
    pos_ = begin;
    has_letter_ = false;
    has_inner_period_ = false;
    const bool starts_with_digit = is_digit(peek(pos_).code_point);
    if (starts_with_digit) {
      scan_number();
    } else {
      scan_alnum();
    }
    while (join_separator()) {
    }
    take_final_period(begin);
    return {{begin, pos_}, has_letter_ ? TokenKind::word : TokenKind::number};
  }

 private:
  DecodedCodePoint peek(std::size_t at) const {
    if (at >= text_.size()) return {0, 0, false};
    return decode_utf8(text_, at);
  }
  bool is_alnum_at(std::size_t at) const {
    const DecodedCodePoint d = peek(at);
    return d.is_valid && (is_letter(d.code_point) || is_digit(d.code_point));
  }
  bool is_letter_at(std::size_t at) const {
    const DecodedCodePoint d = peek(at);
    return d.is_valid && is_letter(d.code_point);
  }

  // Letters, digits and marks.
  void scan_alnum() {
    while (pos_ < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte < 0x80) {
        const std::uint8_t ascii_class = detail::kAsciiClasses[byte];
        if ((ascii_class & detail::kAsciiLetter) != 0) {
          has_letter_ = true;
        } else if ((ascii_class & detail::kAsciiDigit) == 0) {
          return;
        }
        ++pos_;
        continue;
      }
      const DecodedCodePoint d = decode_utf8(text_, pos_);
      if (!d.is_valid) return;
      if (is_letter(d.code_point)) {
        has_letter_ = true;
      } else if (!is_digit(d.code_point) && !is_mark(d.code_point)) {
        return;
      }
      pos_ += d.length;
    }
  }

  // Digits, then a letter suffix only if it is an ordinal or a decade
  // ("21st", "1990s"): "6pm" and "8:23am" give the number and the unit
  // apart, which is what the time stage wants.
  void scan_number() {
    for (DecodedCodePoint d = peek(pos_); d.is_valid && is_digit(d.code_point); d = peek(pos_)) pos_ += d.length;
    static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th", "s"};
    for (std::string_view suffix : kSuffixes) {
      if (text_.substr(pos_).starts_with(suffix) && !is_alnum_at(pos_ + suffix.size())) {
        pos_ += suffix.size();
        has_letter_ = true;
        return;
      }
    }
  }

  // Joins an inner apostrophe, hyphen, period, comma or colon and what
  // follows it; returns false at the end of the token.
  bool join_separator() {
    if (pos_ >= text_.size() || pos_ == 0) return false;
    if (!may_join(static_cast<unsigned char>(text_[pos_]))) return false;
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

  bool is_digit_before(std::size_t at) const {
    return at > 0 && text_[at - 1] >= '0' && text_[at - 1] <= '9';
  }

  // "U.S." and "Ph.D." keep their final period: dotted abbreviations whose
  // parts are one or two letters. A known abbreviation or an initial keeps
  // it when the sentence goes on ("Gen. Dunford"), not at its end, where
  // the period is the sentence's ("Syria." -> "Syria", ".").
  void take_final_period(std::size_t begin) {
    if (pos_ >= text_.size() || text_[pos_] != '.') return;
    const std::string_view word = text_.substr(begin, pos_ - begin);
    if (has_inner_period_ && is_dotted_abbreviation(word)) {
      ++pos_;
      return;
    }
    if (!detail::is_non_final_abbreviation(text_.substr(begin, pos_ + 1 - begin))) return;
    std::size_t next = pos_ + 1;
    while (next < text_.size() && (text_[next] == ' ' || text_[next] == '\t')) ++next;
    if (next < text_.size() && text_[next] != '\n') ++pos_;
  }

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

  std::string_view text_;
  std::size_t pos_ = 0;
  bool has_letter_ = false;
  bool has_inner_period_ = false;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span range) {
  std::vector<Token> tokens;
  const std::size_t end = std::min(range.end_byte, text.size());
  const std::string_view bounded = text.substr(0, end);
  WordScanner words(text, end);
  std::size_t i = std::min(range.begin_byte, end);
  // News text has a token per 5.5 bytes, and under one per 4 bytes in 99%
  // of sentences (corpus2k): one allocation, no regrowth as tokens come.
  tokens.reserve((end - i) / 4 + 1);
  while (i < end) {
    const DecodedCodePoint d = decode_utf8(bounded, i);
    const char32_t c = d.is_valid ? d.code_point : detail::kReplacementCharacter;
    if (d.is_valid && is_skipped(c)) {
      i += d.length;
    } else if (d.is_valid && (is_letter(c) || is_digit(c))) {
      tokens.push_back(words.scan(i));
      i = tokens.back().span.end_byte;
    } else if (is_quote(c)) {
      tokens.push_back({{i, i + d.length}, TokenKind::quote});
      i += d.length;
    } else if (d.is_valid && is_punct(c)) {
      // A run of one mark is one token: "...", "--", "!!".
      std::size_t run_end = i + d.length;
      if (d.length == 1) {
        while (run_end < end && bounded[run_end] == bounded[i]) ++run_end;
      } else {
        while (run_end + d.length <= end && bounded.substr(run_end, d.length) == bounded.substr(i, d.length)) {
          run_end += d.length;
        }
      }
      tokens.push_back({{i, run_end}, TokenKind::punctuation});
      i = run_end;
    } else {
      tokens.push_back({{i, i + d.length}, TokenKind::symbol});
      i += d.length;
    }
  }
  return tokens;
}

}  // namespace eventgraph
