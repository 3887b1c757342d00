// Builds the Boost graph of a merged corpus and answers timeline queries.
#include "graph/graph.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

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

EventGraph build_graph(MergedCorpus corpus) {
  EventGraph g(std::move(corpus));
  const MergedCorpus& c = g.corpus;
  const std::size_t num_events = c.events.size();
  const std::size_t first_entity = num_events;
  const std::size_t first_document = first_entity + c.entities.size();
  // Every mention and actor names its document or entity by id: found by
  // hash, not by a binary search of string compares, whose log factor made
  // the graph the merge's least linear part on large corpora. The first of
  // a repeated id, as find_document and find_entity give.
  auto index_of_ids = [](const auto& sorted_by_id, std::size_t first_vertex) {
    std::unordered_map<std::string_view, std::size_t> index;
    index.reserve(sorted_by_id.size());
    for (std::size_t i = 0; i < sorted_by_id.size(); ++i) index.emplace(sorted_by_id[i].id, first_vertex + i);
    return index;
  };
  const auto entity_index = index_of_ids(c.entities, first_entity);
  const auto document_index = index_of_ids(c.documents, first_document);
  auto vertex_in = [](const std::unordered_map<std::string_view, std::size_t>& index,
                      std::string_view id) -> std::optional<std::size_t> {
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
  };
  auto entity_vertex = [&](std::string_view id) { return vertex_in(entity_index, id); };
  auto document_vertex = [&](std::string_view id) { return vertex_in(document_index, id); };
  // The timeline: events are sorted by day already; each dated one points
  // to the next dated one.
  std::vector<std::optional<std::size_t>> next_dated(num_events);
  std::optional<std::size_t> later;
  for (std::size_t i = num_events; i-- > 0;) {
    if (!c.events[i].time.is_resolved()) continue;
    next_dated[i] = later;
    later = i;
  }
  // Sorted by source, as the graph's constructor takes them: events are
  // the first vertices and the only ones with out-edges.
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  std::vector<EdgeData> data;
  auto add = [&](std::size_t from, std::size_t to, EdgeData d) {
    ends.emplace_back(from, to);
    data.push_back(d);
  };
  for (std::size_t i = 0; i < num_events; ++i) {
    const Event& e = c.events[i];
    for (const ActorRole& a : e.actors) {
      if (auto v = entity_vertex(a.entity_id)) add(i, *v, {EdgeKind::participant, a.role, a.span});
    }
    if (e.place_id) {
      if (auto v = entity_vertex(*e.place_id)) add(i, *v, {EdgeKind::located_in, Role::participant, {}});
    }
    for (const MentionRecord& m : e.mentions) {
      if (auto v = document_vertex(m.mention.doc)) add(i, *v, {EdgeKind::reported_by, Role::participant, m.mention.trigger});
    }
    if (next_dated[i]) add(i, *next_dated[i], {EdgeKind::before, Role::participant, {}});
  }
  const std::size_t num_vertices = first_document + c.documents.size();
  // With the edge count, the graph's arrays are made at their size, not
  // grown by doubling.
  g.graph = Graph(boost::edges_are_sorted, ends.begin(), ends.end(), data.begin(), num_vertices, ends.size());

  Graph::vertex_descriptor next = 0;
  g.event_vertex.reserve(num_events);
  for (std::size_t i = 0; i < num_events; ++i, ++next) {
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
  // The graph keeps no in-edges: the events' out-edges, in event order,
  // which is timeline order; an event with the actor in two roles appears
  // once.
  for (std::size_t i = 0; i < graph.event_vertex.size(); ++i) {
    for (auto [e, end] = out_edges(graph.event_vertex[i], graph.graph); e != end; ++e) {
      if (graph.graph[*e].kind == EdgeKind::participant && target(*e, graph.graph) == v) {
        out.push_back(&graph.corpus.events[i]);
        break;
      }
    }
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace eventgraph
