// Internal to extract; use extract.h.
// Everything a Lexicon holds: entity data and event rules.
#pragma once

#include "extract/detail/entity_lexicon.h"
#include "extract/detail/event_rules.h"

namespace eventgraph::detail {

struct LexiconData {
  EntityLexicon entities;
  EventRules events;
};

}  // namespace eventgraph::detail
