// Text stage: raw article bytes -> valid NFC UTF-8 without page chrome,
// split into sentences and tokens whose byte offsets index that text.
//
// Takes: a Document's raw text (any bytes). Gives: normalized text, the
// warnings met on the way, sentences and tokens. Never fails: bad bytes are
// repaired and reported, not thrown.
//
//   NormalizedText n = normalize_text(doc.text, doc.id);
//   doc.text = std::move(n.text);
//   for (const Sentence& s : split_sentences(doc.text))
//     for (const Token& t : tokenize(doc.text, s.span)) ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace eventgraph {

struct NormalizedText {
  std::string text;
  // Warnings: at most one invalid-utf8 per document (how many sequences
  // were replaced, and the byte offset, line and column of the first in the
  // raw input); `file` is the label passed in. Dropping chrome is routine
  // and not reported.
  std::vector<Diagnostic> diagnostics;
};

// Repairs invalid UTF-8 to U+FFFD, drops a byte order mark, turns CRLF and
// CR into LF, applies NFC, maps curly quotes to straight ones (" and ') and
// drops page chrome lines (icon runs, "Font Size", share buttons).
// Also: no-break and other fixed-width spaces become ' '; VT, FF, NEL,
// U+2028 and U+2029 become LF; other control characters, soft hyphens and
// zero-width spaces are dropped. `label` names the document in diagnostics.
NormalizedText normalize_text(std::string_view raw, std::string_view label);

struct Sentence {
  std::size_t index = 0;  // 0-based position in the document
  Span span;              // trimmed of surrounding white space
};

// Sentences of normalized text. A line break ends a sentence (headlines,
// bylines and captions stand alone); abbreviations and initials ("Sept.",
// "Gen.", "U.S.", "Jr.") do not; a closing quotation mark stays with the
// sentence it closes.
std::vector<Sentence> split_sentences(std::string_view text);

enum class TokenKind { word, number, punctuation, quote, symbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::word;
};

// Tokens of `text` within `range`: words (with inner apostrophes, hyphens
// and abbreviation periods: "don't", "de-confliction", "U.S."), numbers
// ("2015", "8:23", "1,000"), quote marks, other punctuation and symbols.
std::vector<Token> tokenize(std::string_view text, Span range);

}  // namespace eventgraph
