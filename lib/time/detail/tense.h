// Internal to time; use time/time.h.
// The tense of the clause around a time expression, from the words near it:
// enough to tell "said on Tuesday" (the Tuesday before) from "will meet on
// Friday" (the Friday after) without a part-of-speech tagger.
#pragma once

#include <cstddef>
#include <vector>

#include "time/detail/lexicon.h"
#include "time/detail/tokens.h"

namespace eventgraph::detail {

// The tense of the nearest tense-bearing word to tokens [first, end), looking
// at most a dozen tokens either way inside the sentence; none when there is
// no such word. Constant work per call.
Tense clause_tense(const std::vector<Token>& tokens, std::size_t first, std::size_t end);

}  // namespace eventgraph::detail
