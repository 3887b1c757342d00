// Internal to time; use time/time.h.
// Phase two of the time stage: a Reading and its context -> a TimeValue.
#pragma once

#include <date/date.h>

#include <optional>

#include "core/types.h"
#include "time/detail/lexicon.h"
#include "time/detail/reading.h"

namespace eventgraph::detail {

struct ResolveContext {
  std::optional<date::sys_days> document_day;  // the publication day (DCT)
  // The last date the text gave, for "the day before", "a year earlier":
  // `narrative_day` only from a day-precise date, `narrative_any` from any.
  std::optional<date::sys_days> narrative_day;
  std::optional<date::sys_days> narrative_any;
  Granularity narrative_granularity = Granularity::unknown;  // of `narrative_any`
  Tense tense = Tense::none;  // of the expression's clause
};

// Resolves `reading`: its TIMEX3 value, the days it covers and how it was
// anchored. Without the reference it needs, the value keeps "X"s
// ("XXXX-WXX-2") and the range stays empty.
TimeValue resolve(const Reading& reading, const ResolveContext& context);

// False when resolve does not look at context.tense for `reading` (a literal
// value, a relative one, a direction the words fix), so that the caller
// need not find it.
bool uses_tense(const Reading& reading);

}  // namespace eventgraph::detail
