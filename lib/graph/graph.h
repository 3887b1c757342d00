// Graph stage: the merged corpus as a Boost graph, and timeline queries.
//
// Vertices: events, actors (people, organizations, countries, groups),
// places and documents. Edges: participant (event -> actor, with role),
// located_in (event -> place or country), reported_by (event -> document,
// one per mention, with its span) and before (event -> the next event in
// timeline order, among events dated to a day range).
//
//   EventGraph g = build_graph(std::move(corpus));
//   for (const Event* e : events_between(g, from, to)) ...
//   for (const Event* e : events_of_actor(g, "person:vladimir-putin")) ...
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstddef>
#include <cstdint>

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "merge/merge.h"

namespace eventgraph {

enum class VertexKind { event, actor, place, document };
enum class EdgeKind { participant, located_in, reported_by, before };

// The strings of vertices are views into the corpus their EventGraph
// holds (copies were a third of the graph's memory): valid as long as it
// lives and the ids, labels, names and titles they show are not assigned
// to, which is why an EventGraph moves but is not copied.
struct VertexData {
  VertexKind kind = VertexKind::event;
  std::string_view uid;    // stable and unique: the event, entity or document id
  std::string_view label;  // human-readable name
  std::size_t index = 0;  // into corpus.events, corpus.entities or corpus.documents
};

struct EdgeData {
  EdgeKind kind = EdgeKind::participant;
  Role role = Role::participant;  // participant edges
  Span span;                      // reported_by: the trigger; participant: first mention
};

// Built once and then only read, so a compressed sparse row graph: an
// edge is its target and its EdgeData in two arrays, 32 bytes, where
// adjacency_list's bidirectional one took 96 in three allocations (a
// third of the graph's memory at the DOT writer's peak; a vecS edge list
// measured no smaller). Vertex order is insertion order and out-edges keep
// the order build_graph gives them, which depends on content only. No
// in-edges: events_of_actor scans the events' out-edges.
using Graph = boost::compressed_sparse_row_graph<boost::directedS, VertexData, EdgeData>;

struct EventGraph {
  EventGraph() = default;
  EventGraph(EventGraph&&) = default;
  EventGraph& operator=(EventGraph&&) = default;
  EventGraph(const EventGraph&) = delete;  // a copy's views would see the original
  EventGraph& operator=(const EventGraph&) = delete;

  MergedCorpus corpus;
  Graph graph;
  // Vertex of corpus.events[i], corpus.entities[i], corpus.documents[i].
  std::vector<Graph::vertex_descriptor> event_vertex, entity_vertex, document_vertex;

  // Packs every event's mentions into one buffer, about an eighth of their
  // memory as records (documents, outlets and entities become indices;
  // numbers, varints), and empties each Event::mentions. The build does
  // this before its writers run: with two jobs, cgraph's DOT graph is
  // built while the other writers read the mentions. Once packed, read
  // mentions only through mentions_of and mention_count, which also serve
  // a graph that was never packed.
  void pack_mentions();
  // Lets go of every mention, packed or not, for writers that read none.
  void release_mentions();
  std::size_t mention_count(const Event& e) const;
  // The mentions of `e` (one of corpus.events), in their order: e.mentions,
  // or, when packed, decoded into `scratch`, whose strings are reused.
  const std::vector<MentionRecord>& mentions_of(const Event& e, std::vector<MentionRecord>& scratch) const;

 private:
  friend EventGraph build_graph(MergedCorpus corpus);
  explicit EventGraph(MergedCorpus merged) : corpus(std::move(merged)) {}

  bool is_packed_ = false;
  std::string packed_;                  // every event's mentions, in event order
  std::vector<std::size_t> packed_at_;  // event i's bytes: [packed_at_[i], packed_at_[i + 1])
  std::vector<std::uint32_t> packed_count_;
};

// Vertices in order: events, then entities, then documents (each in corpus
// order); an event's out-edges in order: participant, located_in,
// reported_by, then its before edge. edges(graph) walks them event by
// event; writers that list every edge (GraphML) keep the before chain last.
EventGraph build_graph(MergedCorpus corpus);

std::string_view to_string(VertexKind);
std::string_view to_string(EdgeKind);

// Events whose day range overlaps [from, to], in timeline order.
std::vector<const Event*> events_between(const EventGraph& graph, date::sys_days from,
                                         date::sys_days to);

// The events `entity_id` takes part in (as any role), in timeline order.
std::vector<const Event*> events_of_actor(const EventGraph& graph, std::string_view entity_id);

// The entity with `id`, or nullptr.
const Entity* find_entity(const MergedCorpus& corpus, std::string_view id);

}  // namespace eventgraph
