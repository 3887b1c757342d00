// Builds the Boost graph of a merged corpus and answers timeline queries.
#include "graph/graph.h"

#include <algorithm>

namespace eventgraph {

std::string_view to_string(VertexKind k) {
  switch (k) {
    case VertexKind::event: return "event";
    case VertexKind::actor: return "actor";
    case VertexKind::place: return "place";
    case VertexKind::document: return "document";
  }
  return "event";
}

std::string_view to_string(EdgeKind k) {
  switch (k) {
    case EdgeKind::participant: return "participant";
    case EdgeKind::located_in: return "located_in";
    case EdgeKind::reported_by: return "reported_by";
    case EdgeKind::before: return "before";
  }
  return "participant";
}

const Entity* find_entity(const MergedCorpus& corpus, std::string_view id) {
  return find_entity(corpus.entities, id);
}

// All vertices at once: adding them one by one left the vertex list up to
// twice its size (adjacency_list has no reserve).
EventGraph::EventGraph(MergedCorpus merged)
    : corpus(std::move(merged)),
      graph(corpus.events.size() + corpus.entities.size() + corpus.documents.size()) {}

EventGraph build_graph(MergedCorpus corpus) {
  EventGraph g(std::move(corpus));
  const MergedCorpus& c = g.corpus;
  Graph::vertex_descriptor next = 0;
  g.event_vertex.reserve(c.events.size());
  for (std::size_t i = 0; i < c.events.size(); ++i, ++next) {
    g.graph[next] = {VertexKind::event, c.events[i].id, c.events[i].label, i};
    g.event_vertex.push_back(next);
  }
  g.entity_vertex.reserve(c.entities.size());
  for (std::size_t i = 0; i < c.entities.size(); ++i, ++next) {
    VertexKind kind = c.entities[i].kind == EntityKind::place ? VertexKind::place : VertexKind::actor;
    g.graph[next] = {kind, c.entities[i].id, c.entities[i].name, i};
    g.entity_vertex.push_back(next);
  }
  g.document_vertex.reserve(c.documents.size());
  for (std::size_t i = 0; i < c.documents.size(); ++i, ++next) {
    const Document& d = c.documents[i];
    g.graph[next] = {VertexKind::document, d.id, d.title.empty() ? d.id : d.title, i};
    g.document_vertex.push_back(next);
  }
  auto entity_index = [&](std::string_view id) -> std::optional<std::size_t> {
    const Entity* e = find_entity(c, id);
    if (!e) return std::nullopt;
    return static_cast<std::size_t>(e - c.entities.data());
  };
  auto document_index = [&](std::string_view id) -> std::optional<std::size_t> {
    const Document* d = find_document(c.documents, id);
    if (!d) return std::nullopt;
    return static_cast<std::size_t>(d - c.documents.data());
  };
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    auto ev = g.event_vertex[i];
    for (const ActorRole& a : e.actors) {
      if (auto k = entity_index(a.entity_id)) {
        add_edge(ev, g.entity_vertex[*k], EdgeData{EdgeKind::participant, a.role, a.span}, g.graph);
      }
    }
    if (e.place_id) {
      if (auto k = entity_index(*e.place_id)) {
        add_edge(ev, g.entity_vertex[*k], EdgeData{EdgeKind::located_in, Role::participant, {}}, g.graph);
      }
    }
    for (const MentionRecord& m : e.mentions) {
      if (auto k = document_index(m.mention.doc)) {
        add_edge(ev, g.document_vertex[*k], EdgeData{EdgeKind::reported_by, Role::participant, m.mention.trigger},
                 g.graph);
      }
    }
  }
  // The timeline: events are sorted by day already; chain the dated ones.
  std::optional<std::size_t> previous;
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    if (!c.events[i].time.is_resolved()) continue;
    if (previous) {
      add_edge(g.event_vertex[*previous], g.event_vertex[i], EdgeData{EdgeKind::before, Role::participant, {}},
               g.graph);
    }
    previous = i;
  }
  return g;
}

std::vector<const Event*> events_between(const EventGraph& graph, date::sys_days from, date::sys_days to) {
  std::vector<const Event*> out;
  for (const Event& e : graph.corpus.events) {
    if (e.time.is_resolved() && *e.time.earliest <= to && *e.time.latest >= from) out.push_back(&e);
  }
  return out;
}

std::vector<const Event*> events_of_actor(const EventGraph& graph, std::string_view entity_id) {
  std::vector<const Event*> out;
  const Entity* entity = find_entity(graph.corpus, entity_id);
  if (!entity) return out;
  auto v = graph.entity_vertex[static_cast<std::size_t>(entity - graph.corpus.entities.data())];
  for (auto [e, end] = in_edges(v, graph.graph); e != end; ++e) {
    if (graph.graph[*e].kind != EdgeKind::participant) continue;
    out.push_back(&graph.corpus.events[graph.graph[source(*e, graph.graph)].index]);
  }
  // In-edges come in event order, which is timeline order; an event with
  // the actor in two roles appears once.
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace eventgraph
