// Clause tense from nearby words: irregular pasts and auxiliaries from the
// lexicon, regular "-ed" pasts by their ending, "will"/"would" before a
// participle turning it to the future ("will be released Friday").
#include "time/detail/tense.h"

#include <string_view>

#include "time/detail/words.h"

namespace eventgraph::detail {
namespace {

constexpr std::size_t kWindow = 12;

bool is(const Token& t, Kw word) { return t.info->keyword == word.id; }

// Named constants, not temporaries at the call: clang 14 crashed generating
// code for a consteval-built KwSet used in place here.
constexpr KwSet kSentenceEnds{".", "!", "?"};
constexpr KwSet kPastMarkers{"ago", "yesterday", "last"};
constexpr KwSet kFutureAuxiliaries{"will", "would", "shall", "ll", "to"};
// What may stand between such an auxiliary and the participle: "would have
// met", "will not be released"; "the door to dialogue remained" is a past.
constexpr KwSet kAuxiliaryFillers{"be", "been", "have", "not", "also", "soon"};

// Whether token i begins a new sentence: a line break, or a capital after
// sentence punctuation ("Sept. 28" is not a break: a number follows).
bool starts_sentence(const std::vector<Token>& tokens, std::size_t i) {
  if (i == 0 || tokens[i].has_newline_before) return true;
  if (!kSentenceEnds.contains(tokens[i - 1].info->keyword)) return false;
  return tokens[i].is_capitalized || is(tokens[i], "\"");
}

// Tense words and the "-ed" test come from the token's WordInfo, looked up
// once by the tokenizer.
Tense word_tense(const std::vector<Token>& tokens, std::size_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::word) return Tense::none;
  std::string_view w = t.lower;
  if (is(t, "won") && i + 2 < tokens.size() && is(tokens[i + 1], "'") && is(tokens[i + 2], "t"))
    return Tense::future;
  Tense tense = t.info->tense;
  if (tense == Tense::none && w.size() >= 5 && w.ends_with("ed") && !t.info->is_ed_non_verb &&
      !(t.is_capitalized && !starts_sentence(tokens, i)))
    tense = Tense::past;
  if (tense == Tense::past && !kPastMarkers.contains(t.info->keyword)) {
    // "will be released", "would have met", "to be held": future after all.
    for (std::size_t k = 1; k <= 3 && k <= i; ++k) {
      if (kFutureAuxiliaries.contains(tokens[i - k].info->keyword))
        return w.ends_with("ed") || is(t, "held") ? Tense::future : tense;
      if (!kAuxiliaryFillers.contains(tokens[i - k].info->keyword)) break;
    }
  }
  return tense;
}

}  // namespace

Tense clause_tense(const std::vector<Token>& tokens, std::size_t first, std::size_t end) {
  bool left_open = true;
  bool right_open = true;
  for (std::size_t step = 1; step <= kWindow && (left_open || right_open); ++step) {
    // Left first at equal distance: "said on Tuesday" is the usual order.
    if (left_open && step <= first) {
      std::size_t i = first - step;
      if (starts_sentence(tokens, i + 1)) {
        left_open = false;
      } else if (Tense t = word_tense(tokens, i); t != Tense::none) {
        return t;
      }
    }
    if (right_open) {
      std::size_t j = end + step - 1;
      if (j >= tokens.size() || starts_sentence(tokens, j)) {
        right_open = false;
      } else if (Tense t = word_tense(tokens, j); t != Tense::none) {
        return t;
      }
    }
  }
  return Tense::none;
}

}  // namespace eventgraph::detail
