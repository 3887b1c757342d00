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
  bool is_cut = false;    // a piece of a run over the size limit (see below)
};

// Sentences of normalized text, in order, trimmed of white space, none
// empty. A line break ends a sentence (headlines, bylines and captions
// stand alone); abbreviations and initials ("Sept.", "Gen.", "U.S.", "Jr.",
// "D.") do not, even where one ends a sentence ("in Washington, D.C. He
// said" stays one); a closing quotation mark stays with the sentence it
// closes, and a quotation is never cut ("\"A. B,\" he said." is one
// sentence), so a statement keeps its attribution. Uses ICU's English
// sentence rules; throws std::runtime_error only if ICU data is missing.
// A run of over `max_sentence_bytes` without a sentence end is cut at white
// space into sentences of at most that size (marked is_cut), which keeps
// extraction linear.
inline constexpr std::size_t kDefaultMaxSentenceBytes = 4096;
std::vector<Sentence> split_sentences(std::string_view text,
                                      std::size_t max_sentence_bytes = kDefaultMaxSentenceBytes);

enum class TokenKind { word, number, punctuation, quote, symbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::word;
};

// Tokens of `text` within `range` (clamped to the text), white space
// skipped: words (with inner apostrophes, hyphens and abbreviation periods:
// "don't", "de-confliction", "U.S.", "CNSNews.com"; "Gen." and initials
// keep their period unless it ends the range), numbers ("2015", "8:23",
// "1,000", "3.5"; "6pm" gives "6" and "pm", "21st" is a word), quote marks
// (' and "), other punctuation (a run of one mark is one token: "...",
// "--") and symbols ("$", "+"). A sentence-final period is its own token.
std::vector<Token> tokenize(std::string_view text, Span range);

}  // namespace eventgraph
