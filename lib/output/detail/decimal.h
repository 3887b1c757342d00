// Internal to output; use the format headers.
// Numbers written as text the same way on every machine.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include "core/types.h"

namespace eventgraph::detail {

// A confidence in [0, 1] with two decimals: "0.85". Used where the value
// must be text (CSV cells, xsd:decimal literals), as events.json rounds it.
inline std::string two_decimals(double confidence) {
  long hundredths = std::lround(std::clamp(confidence, 0.0, 1.0) * 100);
  std::string out = std::to_string(hundredths / 100) + ".";
  long rest = hundredths % 100;
  out += static_cast<char>('0' + rest / 10);
  out += static_cast<char>('0' + rest % 10);
  return out;
}


}  // namespace eventgraph::detail
