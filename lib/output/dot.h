// Graphviz DOT export of the event graph as a timeline (events.dot).
//
// Takes: an EventGraph. Gives: a DOT digraph, in the bytes Graphviz
// cgraph's agwrite writes for it (ids and values quoted by cgraph's
// agcanon), that `dot -Tsvg events.dot` lays out without warnings.
//
//   write_file_atomically(out_dir / "events.dot", format_dot(graph));
//
// Layout: time runs left to right (rankdir=LR). An axis of plaintext date
// nodes chained by invisible edges gives one rank per day (or per date
// range, for events dated to a month); each rank holds its events, the
// documents published that day, and the actors and places whose first event
// falls on it, so actors stand beside their events. Edges that point back
// in time (participant, located_in, reported_by) carry constraint=false and
// never move a rank. Undated events and documents sit on a last "undated"
// rank. Events are filled with a color per type. Entities no event involves
// are left out: a timeline has no place for them.
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "output/output.h"

namespace eventgraph {

// The timeline as DOT text. Labels are DOT escString values: a backslash
// in a name is written as "\\" (so it renders as itself, never as the \N or
// \l escapes), line breaks as "\n".
std::string format_dot(const EventGraph& graph);
// The same bytes, streamed into `out`. cgraph's agcanon quotes into one
// static buffer: one call at a time in a process.
void write_dot(const EventGraph& graph, TextSink& out);

// `text` as a DOT escString that renders as `text`: backslashes doubled,
// CR/LF/CRLF as "\n", other control characters and invalid UTF-8 replaced
// (dot warns on both). Exposed for tests.
std::string escape_dot_label(std::string_view text);

}  // namespace eventgraph
