// Internal to extract; use extract.h.
// PLACEHOLDER: the entity lexicon (entities, titles) is being written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace eventgraph::detail {

struct EntityLexicon {};

// Adds the entity sections ("entities", "titles") of one lexicon JSON file
// to `into`; entries with the same id replace earlier ones. Problems go to
// `diagnostics` with `source` as the file; a bad entry is skipped.
void parse_entity_lexicon(std::string_view json, const std::string& source, EntityLexicon& into,
                          std::vector<Diagnostic>& diagnostics);

}  // namespace eventgraph::detail
