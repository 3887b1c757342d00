// Tests for the time stage.
#include <doctest/doctest.h>

#include "time/time.h"

using namespace eventgraph;

TEST_CASE("smoke") {
  TimeContext c;
  c.document_day = date::sys_days{date::year{2015} / 9 / 30};
  auto found = find_time_expressions("Cook said on Tuesday that talks will begin next week.", c);
  REQUIRE(found.size() == 2);
}
