// Internal to time; use time/time.h.
// Phase one of the time stage: finds time expressions in tokens and reads
// them into Readings, with placeholders for what the context must settle.
#pragma once

#include <vector>

#include "time/detail/reading.h"
#include "time/detail/tokens.h"
#include "time/time.h"

namespace eventgraph::detail {

// Returns the expressions of `tokens`, in order, without overlaps: at each
// token the longest expression starting there wins. Linear in the tokens
// (every rule looks at a bounded number of tokens ahead).
std::vector<Match> recognize(const std::vector<Token>& tokens, NumericDateOrder order);

}  // namespace eventgraph::detail
