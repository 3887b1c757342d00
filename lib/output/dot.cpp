// DOT timeline writer, built with Graphviz cgraph (which quotes ids and
// attribute values itself); see dot.h for the layout.
#include "output/dot.h"

#include "output/detail/utf8.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "output/detail/timeline.h"

namespace eventgraph {
namespace {

using detail::GraphHandle;
using detail::mutable_chars;
using detail::Tick;

void set(void* object, const char* name, const std::string& value) {
  detail::set_attribute(object, name, value);
}

std::string_view entity_shape(EntityKind kind) {
  switch (kind) {
    case EntityKind::person: return "ellipse";
    case EntityKind::organization: return "box";
    case EntityKind::country: return "hexagon";
    case EntityKind::group: return "octagon";
    case EntityKind::place: return "house";
  }
  return "ellipse";
}

}  // namespace

std::string escape_dot_label(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = detail::utf8_sequence(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD: dot warns on invalid UTF-8
      ++i;
      continue;
    }
    char c = text[i];
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\r' || c == '\n') {
      out += "\\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\t') {
      out += ' ';
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  // cgraph 2.4x writes a value ending in a backslash as "...\" and cannot
  // read it back; a final "\n" ends the last line without adding one.
  if (!out.empty() && out.back() == '\\') out += "\\n";
  return out;
}

void write_dot(const EventGraph& graph, TextSink& out) {
  const Graph& g = graph.graph;
  const MergedCorpus& c = graph.corpus;

  // The axis: every distinct date range of an event or publication day.
  std::set<Tick> tick_set;
  for (const Event& e : c.events) tick_set.insert(detail::event_tick(e));
  for (const Document& d : c.documents) tick_set.insert(detail::document_tick(d));
  const detail::TimelineAxis timeline(tick_set);
  const std::vector<Tick>& ticks = timeline.ticks();  // undated last
  auto tick_index = [&](const Tick& t) { return timeline.index_of(t); };

  // An entity stands on the rank of its earliest event; no event, no node.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> entity_tick(c.entities.size(), kNone);
  for (auto [e, end] = edges(g); e != end; ++e) {
    const VertexData& from = g[source(*e, g)];
    const VertexData& to = g[target(*e, g)];
    if (from.kind != VertexKind::event || (to.kind != VertexKind::actor && to.kind != VertexKind::place)) {
      continue;
    }
    std::size_t t = tick_index(detail::event_tick(c.events[from.index]));
    std::size_t& slot = entity_tick[to.index];
    if (slot == kNone || t < slot) slot = t;
  }

  GraphHandle owner = detail::open_graph("eventgraph");
  Agraph_t* root = owner.get();
  set(root, "rankdir", "LR");
  set(root, "charset", "UTF-8");
  set(root, "nodesep", "0.3");
  set(root, "ranksep", "0.6");
  set(root, "fontname", "Helvetica");
  agattr(root, AGNODE, mutable_chars("fontname"), mutable_chars("Helvetica"));
  agattr(root, AGNODE, mutable_chars("fontsize"), mutable_chars("10"));
  agattr(root, AGEDGE, mutable_chars("fontname"), mutable_chars("Helvetica"));
  agattr(root, AGEDGE, mutable_chars("fontsize"), mutable_chars("8"));

  // Written in axis order, which is creation order (detail/timeline.h).
  //
  // The ranks sit in groups of about sqrt(#ranks): cgraph's agwrite checks
  // every node against every subgraph of its parent, so a flat list of one
  // rank per day made writing quadratic (73% of a 2 MB build's time). They
  // are named: for an anonymous subgraph that check prints its name with
  // sprintf, once per node and edge (a third of the DOT writer's time).
  // One subgraph holds all the groups: edges live in the root graph, and
  // each is checked against every subgraph there (E x groups otherwise).
  Agraph_t* timeline_subgraph = agsubg(root, mutable_chars("timeline"), 1);
  std::vector<Agraph_t*> ranks;
  std::size_t group_size = 1;
  while (group_size * group_size < ticks.size()) ++group_size;
  std::vector<Agraph_t*> groups;
  Agraph_t* group = nullptr;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    if (i % group_size == 0) {
      groups.push_back(group = agsubg(timeline_subgraph, mutable_chars("days:" + ticks[i].label()), 1));
    }
    Agraph_t* rank = agsubg(group, mutable_chars("day:" + ticks[i].label()), 1);
    set(rank, "rank", "same");
    ranks.push_back(rank);
  }

  // Names are uids where that is safe, made unique: a document id comes
  // from the user and may collide with an axis node or hold a backslash.
  detail::NodeNamer names;
  auto new_node = [&](const std::string& wanted, Agraph_t* rank) {
    Agnode_t* n = agnode(root, mutable_chars(names.name_for(wanted)), 1);
    if (rank) agsubnode(rank, n, 1);
    return n;
  };

  std::vector<Agnode_t*> tick_nodes;
  Agnode_t* previous_tick = nullptr;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    Agnode_t* n = new_node("axis:" + ticks[i].label(), ranks[i]);
    set(n, "shape", "plaintext");
    set(n, "fontsize", "12");
    set(n, "fontcolor", "#555555");
    set(n, "label", escape_dot_label(ticks[i].label()));
    if (previous_tick) {
      Agedge_t* axis = agedge(root, previous_tick, n, nullptr, 1);
      set(axis, "style", "invis");
    }
    previous_tick = n;
    tick_nodes.push_back(n);
  }
  // A flat edge keeps its tail before its head, so an invisible one from
  // each date to the first node of its rank puts the axis on top.
  std::vector<bool> has_axis_edge(ticks.size(), false);
  auto hang_from_axis = [&](std::size_t tick, Agnode_t* n) {
    if (has_axis_edge[tick]) return;
    has_axis_edge[tick] = true;
    set(agedge(root, tick_nodes[tick], n, nullptr, 1), "style", "invis");
  };

  std::vector<Agnode_t*> node_of(num_vertices(g), nullptr);
  for (auto [v, end] = vertices(g); v != end; ++v) {
    const VertexData& d = g[*v];
    Agnode_t* n = nullptr;
    std::string label = d.label;
    switch (d.kind) {
      case VertexKind::event: {
        const Event& e = c.events[d.index];
        std::size_t tick = tick_index(detail::event_tick(e));
        n = new_node(d.uid, ranks[tick]);
        hang_from_axis(tick, n);
        if (e.time.is_resolved() && e.time.granularity != Granularity::day) label += "\n" + e.time.value;
        if (e.modality != Modality::asserted) label += "\n(" + std::string(to_string(e.modality)) + ")";
        set(n, "shape", "box");
        set(n, "style", "rounded,filled");
        set(n, "fillcolor", detail::type_color(e.type));
        break;
      }
      case VertexKind::actor:
      case VertexKind::place: {
        if (entity_tick[d.index] == kNone) continue;
        n = new_node(d.uid, ranks[entity_tick[d.index]]);
        set(n, "shape", std::string(entity_shape(c.entities[d.index].kind)));
        break;
      }
      case VertexKind::document: {
        const Document& doc = c.documents[d.index];
        std::size_t tick = tick_index(detail::document_tick(doc));
        n = new_node(d.uid, ranks[tick]);
        hang_from_axis(tick, n);
        label += "\n" + doc.outlet;
        set(n, "shape", "note");
        set(n, "style", "filled");
        set(n, "fillcolor", "#f0f0f0");
        break;
      }
    }
    set(n, "label", escape_dot_label(label));
    set(n, "tooltip", escape_dot_label(d.uid));
    node_of[*v] = n;
  }

  // One reported_by edge per (event, document): the mentions behind it are
  // counted in its tooltip rather than drawn as parallel lines.
  std::map<std::pair<std::size_t, std::size_t>, std::pair<Agedge_t*, std::size_t>> reports;
  for (auto [e, end] = edges(g); e != end; ++e) {
    const EdgeData& d = g[*e];
    auto s = source(*e, g);
    auto t = target(*e, g);
    Agnode_t* from = node_of[s];
    Agnode_t* to = node_of[t];
    if (!from || !to) continue;
    if (d.kind == EdgeKind::reported_by) {
      auto [it, is_new] = reports.try_emplace({s, t}, nullptr, 0);
      ++it->second.second;
      if (!is_new) continue;
    }
    Agedge_t* edge = agedge(root, from, to, nullptr, 1);
    switch (d.kind) {
      case EdgeKind::participant:
        set(edge, "constraint", "false");
        set(edge, "color", "#666666");
        if (d.role != Role::participant) set(edge, "label", escape_dot_label(to_string(d.role)));
        break;
      case EdgeKind::located_in:
        set(edge, "constraint", "false");
        set(edge, "color", "#666666");
        set(edge, "style", "dashed");
        break;
      case EdgeKind::reported_by:
        reports[{s, t}].first = edge;
        set(edge, "constraint", "false");
        set(edge, "color", "#bbbbbb");
        set(edge, "style", "dotted");
        set(edge, "arrowhead", "none");
        break;
      case EdgeKind::before:
        // Follows the axis, so it may keep its constraint.
        set(edge, "color", "#333333");
        set(edge, "penwidth", "1.5");
        break;
    }
  }
  for (const auto& [ends, report] : reports) {
    const auto& [edge, count] = report;
    set(edge, "tooltip", std::to_string(count) + (count == 1 ? " mention" : " mentions"));
  }

  detail::write_cgraph(root, out);
  // cgraph 2.43's agclose(root) leaves the node records of subgraphs nested
  // two deep (LeakSanitizer); closing them innermost first frees them.
  for (Agraph_t* rank : ranks) agclose(rank);
  for (Agraph_t* rank_group : groups) agclose(rank_group);
  agclose(timeline_subgraph);
}

std::string format_dot(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_dot(graph, out); });
}

}  // namespace eventgraph
