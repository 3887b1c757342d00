// Internal to extract; use extract.h.
// Event mentions from triggers: clause, slots (subject, object, place),
// time, quote and modality, in the event coders' manner (TABARI,
// PETRARCH): verb patterns over tokens inside a clause.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/types.h"
#include "extract/detail/entities.h"
#include "extract/detail/event_rules.h"
#include "time/time.h"

namespace eventgraph::detail {

struct EventInputs {
  const SegmentedText& text;
  const std::vector<EntityMention>& entities;   // sorted by span
  const std::vector<TimeExpression>& times;     // sorted by span
  const EventRules& rules;
  std::string doc_id;
  std::string outlet;  // "breitbart.com": "told Breitbart News" is an interview for this article
  std::optional<date::sys_days> publication_day;
};

// The event mentions of one document, in text order.
std::vector<EventMention> find_event_mentions(const EventInputs& inputs);

}  // namespace eventgraph::detail
