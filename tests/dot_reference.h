// The DOT export as it was written before lib/output/dot.cpp wrote the
// text itself: the timeline built as a cgraph graph and written with
// agwrite. The tests and the output fuzzer hold format_dot to these bytes.
#pragma once

#include <string>

#include "graph/graph.h"

namespace eventgraph::testing {

std::string format_dot_with_cgraph(const EventGraph& graph);

}  // namespace eventgraph::testing
