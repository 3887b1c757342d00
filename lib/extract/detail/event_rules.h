// Internal to extract; use extract.h.
// Event types with their CAMEO codes, triggers and slot rules, as data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace eventgraph::detail {

struct EventRules {};

// Adds the "event_types" section of one lexicon JSON file to `into`.
void parse_event_rules(std::string_view json, const std::string& source, EventRules& into,
                       std::vector<Diagnostic>& diagnostics);

}  // namespace eventgraph::detail
