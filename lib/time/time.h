// The time stage: finds time expressions in text and resolves them to
// TIMEX3-style TimeValues anchored to the publication date.
//
// Takes text (a document's normalized text, or any UTF-8 string) and the
// document's publication day; gives every time expression in text order,
// with its byte span, its TIMEX3 type and value ("2015-09-29", "2015-W40",
// "199", "P4Y", "PRESENT_REF", "XXXX-WXX-4"), its mod and the closed range
// of days it covers.
//
// Relative expressions resolve against the publication day ("yesterday",
// "last week", "two years ago"), the tense of their clause (a bare weekday
// or month: "said on Tuesday" is the Tuesday before, "will meet on Friday"
// the Friday after; with no tense to go on, news leans to the past) and the
// last explicit date of the text ("the day before", "a year earlier",
// "two days later"). Without a publication day they stay unresolved
// ("XXXX-WXX-2") rather than guessed.
//
//   TimeContext context;
//   context.document_day = date::sys_days{date::year{2015} / 9 / 30};
//   for (const TimeExpression& e : find_time_expressions(
//            "Cook said on Tuesday that talks will begin next week.", context))
//     std::cout << e.text << " " << e.time.value << "\n";
//   // Tuesday 2015-09-29
//   // next week 2015-W41
//
// Linear in the length of the text; same input, same output.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace eventgraph {

// How to read an all-numeric date whose first two numbers could both be a
// month ("03/04/2015"). A number above 12 settles it either way; only the
// ambiguous case follows this setting.
enum class NumericDateOrder { month_first, day_first };

struct TimeContext {
  // The document creation time (DCT): the day relative expressions count
  // from. Absent: relative expressions stay unresolved.
  std::optional<date::sys_days> document_day;
  // "03/04/2015" is March 4 by default (US news); day_first makes it 3 April.
  NumericDateOrder numeric_order = NumericDateOrder::month_first;
};

// A time expression as found: where, what it said, what it means.
struct TimeExpression {
  Span span;         // bytes of `text` as passed in
  std::string text;  // the expression as written
  TimeValue time;
};

// Finds and resolves the time expressions of `text`, in text order, without
// overlaps. Never fails: an expression it cannot place keeps an "X" value
// and no day range.
std::vector<TimeExpression> find_time_expressions(std::string_view text,
                                                  const TimeContext& context);

// The day a time expression points the reader to, for dating the events of
// its clause: the single day of a day-granular value, else nullopt.
std::optional<date::sys_days> single_day(const TimeValue& time);

}  // namespace eventgraph
