// Fuzzes time recognition and resolution: the first byte picks the numeric
// date order and whether there is a publication day (fixed: 2015-09-30);
// the rest is the text, any bytes (`eventgraph timex` passes them as given).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "time/time.h"

using namespace eventgraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  TimeContext context;
  if ((data[0] & 1) == 0) context.document_day = date::sys_days{date::year{2015} / 9 / 30};
  if (data[0] & 2) context.numeric_order = NumericDateOrder::day_first;
  std::size_t last_end = 0;
  for (const TimeExpression& e : find_time_expressions(text, context)) {
    FUZZ_CHECK(e.span.begin_byte >= last_end, "expressions overlap or go back");
    FUZZ_CHECK(e.span.begin_byte < e.span.end_byte && e.span.end_byte <= text.size(), "bad span");
    FUZZ_CHECK(e.text == text.substr(e.span.begin_byte, e.span.size()), "text is not the span's");
    FUZZ_CHECK(!e.time.value.empty(), "empty value");
    FUZZ_CHECK(e.time.earliest.has_value() == e.time.latest.has_value(), "half a range");
    if (e.time.is_resolved()) {
      FUZZ_CHECK(*e.time.earliest <= *e.time.latest, "range ends before it begins: " + e.time.value);
      FUZZ_CHECK(e.time.value.find('X') == std::string::npos || e.time.granularity != Granularity::day,
                 "a resolved day with an unknown part: " + e.time.value);
    }
    if (!context.document_day && e.time.anchor == TimeAnchor::publication_relative) {
      fuzz::fail("resolved against a publication day there is none of: " + e.time.value);
    }
    if (auto day = single_day(e.time)) {
      FUZZ_CHECK(e.time.is_resolved() && *day == *e.time.earliest, "single_day outside the range");
    }
    last_end = e.span.end_byte;
  }
  return 0;
}
