// Internal to time; use time/time.h.
// A small tokenizer for finding time expressions: words, numbers and
// punctuation with byte offsets, lower-cased and classified for lookup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "time/detail/words.h"

namespace eventgraph::detail {

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
  std::size_t begin = 0;  // byte offsets into the text, [begin, end)
  std::size_t end = 0;
  // ASCII letters lower-cased; typographic quotes and dashes folded to
  // their ASCII form ("'", "\"", "-", "--") so rules need one spelling.
  // Points into the text, into TokenizedText::lower_bytes (words) or to
  // static storage (folded marks): no allocation per token.
  std::string_view lower;
  const WordInfo* info = &kNoWord;  // word_info(lower); kNumberWord for a number
  std::int64_t number = -1;         // value of a number token (-1 when too long)
  std::size_t digits = 0;           // digits in a number token
  // The small fields last: a token takes 64 bytes.
  TokenKind kind = TokenKind::punct;
  bool is_capitalized = false;  // first letter upper case
  bool is_all_caps = false;     // every letter upper case (headlines, datelines)
  bool has_space_before = true;  // whitespace (or text start) before it
  bool has_newline_before = true;
  bool has_digit_groups = false;  // "1,500": never a year or a day
};

// The tokens of a text and the lower-cased copy of its words their `lower`
// may point into; valid while the text is.
struct TokenizedText {
  std::vector<Token> tokens;
  // Byte k: text byte k lower-cased, in words only; kWordPadding more bytes.
  std::unique_ptr<char[]> lower_bytes;
};

// Splits `text` into tokens. Letters and digits form runs; every other
// character (a whole UTF-8 sequence when not ASCII) is a token of its own,
// except whitespace, which only sets the flags of the next token. Runs in
// one pass; never fails on malformed UTF-8 (a stray byte is one token).
TokenizedText tokenize(std::string_view text);

}  // namespace eventgraph::detail
