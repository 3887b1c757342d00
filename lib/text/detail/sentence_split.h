// Internal to text; use text.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace eventgraph::detail {

// split_sentences, with ICU run over pieces of at most `max_chunk_bytes`
// cut after line breaks (ICU's break positions are int32_t, so a piece must
// stay under 2 GiB). A line break ends a sentence anyway, so cutting there
// changes nothing; a piece with no line break is cut on a UTF-8 boundary.
std::vector<Sentence> split_sentences_in_chunks(std::string_view text, std::size_t max_chunk_bytes);

// ICU's raw segments of `text` (untrimmed, in order, covering it): as
// split_sentences finds them, with ICU run only around the places where a
// sentence can end, or (`is_whole_text`) with ICU run over all of it. The
// two must agree on any text; text_test and fuzz_text compare them.
std::vector<Span> find_icu_segments(std::string_view text, bool is_whole_text);

// Appends to `breaks` the sentence boundaries UAX #29 puts in `text`
// (UTF-16), after 0, in order, the end of the text last: those of ICU's
// base sentence iterator, without the abbreviation filter. Decided from
// the rules directly: ICU's DFA, reached through its break cache, cost
// three times as much on the window batches. text_test compares the two.
void find_sentence_rule_breaks(std::u16string_view text, std::vector<std::size_t>& breaks);

// A sentence longer than this is not one a reader could follow (text
// without punctuation, a table run into one line); split_sentences cuts it
// at white space. The later stages look across a whole sentence for each
// trigger word (its clause, subject, object, speaker), so an unbounded
// sentence made extraction quadratic: a one-line article of 100,000 words
// took minutes. News sentences stay far below this (the samples' longest
// is under 400 bytes).
inline constexpr std::size_t kMaxSentenceBytes = kDefaultMaxSentenceBytes;

// `sentences` of `text` with each one longer than `max_sentence_bytes` cut
// into pieces at the last white space within the limit (on a UTF-8
// boundary when there is none), trimmed and renumbered.
std::vector<Sentence> cut_long_sentences(std::string_view text, const std::vector<Sentence>& sentences,
                                         std::size_t max_sentence_bytes);

}  // namespace eventgraph::detail
