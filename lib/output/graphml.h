// GraphML export of the event graph (events.graphml), written so that
// NetworkX, igraph, Gephi, Neo4j APOC and TinkerPop load it as it is.
//
// Takes: an EventGraph. Gives: one GraphML document (UTF-8, XML 1.0).
//
//   write_file_atomically(out_dir / "events.graphml", format_graphml(graph));
//
// Every <key> has attr.name and attr.type, and its id equals its attr.name:
// Boost's write_graphml numbers keys "key0", "key1", which Neo4j APOC and
// TinkerPop cannot map back to property names. Nodes carry `labels`
// (APOC: ":Event", ":Actor:Person", ":Place", ":Document"), `labelV`
// (TinkerPop), a stable `uid` (the event, entity or document id, also the
// node id) and `name`; edges carry `label` (APOC relationship type:
// "PARTICIPANT", "LOCATED_IN", "REPORTED_BY", "BEFORE") and `labelE`.
#pragma once

#include <string>

#include "graph/graph.h"
#include "output/output.h"

namespace eventgraph {

// The whole graph as GraphML, nodes and edges in graph order (the same
// graph gives the same bytes). Characters XML 1.0 does not allow (most C0
// controls, invalid UTF-8) are replaced by U+FFFD; never fails.
std::string format_graphml(const EventGraph& graph);
// The same bytes, streamed into `out`.
void write_graphml(const EventGraph& graph, TextSink& out);

}  // namespace eventgraph
