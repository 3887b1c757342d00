// See dot_reference.h. The plan (ranks, shapes) is detail::dot_ranks's,
// as dot.cpp's is; the bytes here are cgraph's, from its own calls.
#include "dot_reference.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "output/detail/sink_buffer.h"
#include "output/detail/timeline.h"
#include "output/detail/utf8.h"
#include "output/dot.h"

namespace eventgraph::testing {
namespace {

using detail::GraphHandle;
using detail::mutable_chars;
using detail::open_graph;
using detail::Tick;

void set(void* object, const char* name, const std::string& value) { detail::set_attribute(object, name, value); }

using detail::small_index;

// Node or edge attributes of the root by name, declared with an empty
// default at first use.
class AttributeSymbols {
 public:
  AttributeSymbols(Agraph_t* root, int kind) : root_(root), kind_(kind) {}
  Agsym_t* operator[](const char* name) {
    for (const auto& [known, symbol] : symbols_) {
      if (std::strcmp(known, name) == 0) return symbol;
    }
    Agsym_t* symbol = agattr(root_, kind_, mutable_chars(name), nullptr);
    if (!symbol) symbol = agattr(root_, kind_, mutable_chars(name), mutable_chars(""));
    symbols_.emplace_back(name, symbol);
    return symbol;
  }
  void set(void* object, const char* name, const char* value) {
    agxset(object, (*this)[name], const_cast<char*>(value));
  }
  void set(void* object, const char* name, const std::string& value) { set(object, name, value.c_str()); }

 private:
  Agraph_t* root_;
  int kind_;
  std::vector<std::pair<const char*, Agsym_t*>> symbols_;
};

// agwrite into a string, through the channel open_graph's discipline
// writes to.
std::string write_cgraph(Agraph_t* graph) {
  StringSink sink;
  detail::PieceWriter channel(sink, detail::kSinkPieceBytes);
  if (agwrite(graph, &channel) == EOF) throw std::runtime_error("cgraph could not write the graph");
  channel.hand_on();
  return sink.take();
}

}  // namespace

std::string format_dot_with_cgraph(const EventGraph& graph) {
  const Graph& g = graph.graph;
  const MergedCorpus& c = graph.corpus;

  const detail::DotRanks plan = detail::dot_ranks(graph);
  const std::vector<Tick>& ticks = plan.ticks;
  const std::vector<std::uint32_t>& event_rank = plan.event_rank;
  const std::vector<std::uint32_t>& document_rank = plan.document_rank;
  const std::vector<std::uint32_t>& entity_tick = plan.entity_rank;
  constexpr std::uint32_t kNone = detail::kNoRank;

  // Built, written and closed whole.
  GraphHandle owner = open_graph("eventgraph");
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
  // Node and edge attributes by symbol; each is declared at its first use,
  // in the order set_attribute would declare it.
  AttributeSymbols node_attributes(root, AGNODE);
  AttributeSymbols edge_attributes(root, AGEDGE);
  // All declared before the first node and edge: cgraph gives an object a
  // value for every attribute declared when it is made, and walks every
  // object made before a declaration to grow its values (a copy each).
  // agwrite lists attributes by name and leaves out empty defaults, so
  // neither the order nor an attribute no object sets shows in the output.
  for (const char* name : {"shape", "fontsize", "fontcolor", "label", "style", "fillcolor", "tooltip"}) {
    node_attributes[name];
  }
  for (const char* name : {"style", "constraint", "color", "label", "arrowhead", "penwidth", "tooltip"}) {
    edge_attributes[name];
  }
  std::string text;  // reused for labels

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
  std::vector<std::string> tick_labels;
  tick_labels.reserve(ticks.size());
  for (const Tick& t : ticks) tick_labels.push_back(t.label());
  std::vector<Agraph_t*> ranks;
  ranks.reserve(ticks.size());
  std::size_t group_size = 1;
  while (group_size * group_size < ticks.size()) ++group_size;
  std::vector<Agraph_t*> groups;
  Agraph_t* group = nullptr;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    if (i % group_size == 0) {
      text.assign("days:").append(tick_labels[i]);
      groups.push_back(group = agsubg(timeline_subgraph, mutable_chars(text), 1));
    }
    text.assign("day:").append(tick_labels[i]);
    Agraph_t* rank = agsubg(group, mutable_chars(text), 1);
    set(rank, "rank", "same");
    ranks.push_back(rank);
  }

  // Names are uids where that is safe, made unique: a document id comes
  // from the user and may collide with an axis node or hold a backslash.
  detail::NodeNamer names(root);
  auto new_node = [&](std::string_view wanted, Agraph_t* rank) {
    // Made in its rank, which puts it in every graph above (one lookup
    // per graph fewer than agnode in the root and agsubnode after).
    return agnode(rank, mutable_chars(names.name_for(std::string(wanted))), 1);
  };
  auto set_label = [&](Agnode_t* n, std::string_view label) {
    text.clear();
    detail::append_dot_label(text, label);
    node_attributes.set(n, "label", text);
  };

  std::vector<Agnode_t*> tick_nodes;
  tick_nodes.reserve(ticks.size());
  Agnode_t* previous_tick = nullptr;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    Agnode_t* n = new_node("axis:" + tick_labels[i], ranks[i]);
    node_attributes.set(n, "shape", "plaintext");
    node_attributes.set(n, "fontsize", "12");
    node_attributes.set(n, "fontcolor", "#555555");
    set_label(n, tick_labels[i]);
    if (previous_tick) {
      Agedge_t* axis = agedge(root, previous_tick, n, nullptr, 1);
      edge_attributes.set(axis, "style", "invis");
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
    edge_attributes.set(agedge(root, tick_nodes[tick], n, nullptr, 1), "style", "invis");
  };

  std::vector<Agnode_t*> node_of(num_vertices(g), nullptr);
  std::string label;
  for (auto [v, end] = vertices(g); v != end; ++v) {
    const VertexData& d = g[*v];
    Agnode_t* n = nullptr;
    label.assign(d.label);
    switch (d.kind) {
      case VertexKind::event: {
        const Event& e = c.events[d.index];
        std::size_t tick = event_rank[d.index];
        n = new_node(d.uid, ranks[tick]);
        hang_from_axis(tick, n);
        if (e.time.is_resolved() && e.time.granularity != Granularity::day) {
          label.append("\n").append(e.time.value);
        }
        if (e.modality != Modality::asserted) label.append("\n(").append(to_string(e.modality)).append(")");
        node_attributes.set(n, "shape", "box");
        node_attributes.set(n, "style", "rounded,filled");
        node_attributes.set(n, "fillcolor", detail::type_color(e.type));
        break;
      }
      case VertexKind::actor:
      case VertexKind::place: {
        if (entity_tick[d.index] == kNone) continue;
        n = new_node(d.uid, ranks[entity_tick[d.index]]);
        node_attributes.set(n, "shape", detail::entity_shape(c.entities[d.index].kind).data());
        break;
      }
      case VertexKind::document: {
        const Document& doc = c.documents[d.index];
        std::size_t tick = document_rank[d.index];
        n = new_node(d.uid, ranks[tick]);
        hang_from_axis(tick, n);
        label.append("\n").append(doc.outlet);
        node_attributes.set(n, "shape", "note");
        node_attributes.set(n, "style", "filled");
        node_attributes.set(n, "fillcolor", "#f0f0f0");
        break;
      }
    }
    set_label(n, label);
    text.clear();
    detail::append_dot_label(text, d.uid);
    node_attributes.set(n, "tooltip", text);
    node_of[*v] = n;
  }

  // One reported_by edge per (event, document): the mentions behind it are
  // counted in its tooltip rather than drawn as parallel lines.
  struct Report {
    Agedge_t* edge;
    std::size_t count;
  };
  std::vector<Report> reports;  // of one tail
  // Edges are made one tail after another, in the order agwrite writes
  // them in anyway, so the reports of a tail are found by a stamp per head
  // (tail + 1, and the report's place), not by a map of (tail, head) pairs.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> report_to(num_vertices(g), {0, 0});
  for (auto [s, s_end] = vertices(g); s != s_end; ++s) {
    Agnode_t* from = node_of[*s];
    if (!from) continue;
    const std::uint32_t stamp_of_tail = small_index(*s + 1);
    reports.clear();
    for (auto [e, end] = out_edges(*s, g); e != end; ++e) {
      const EdgeData& d = g[*e];
      const auto head = target(*e, g);
      Agnode_t* to = node_of[head];
      if (!to) continue;
      std::size_t report = 0;
      if (d.kind == EdgeKind::reported_by) {
        auto& [stamp, made] = report_to[head];
        if (stamp == stamp_of_tail) {
          ++reports[made].count;
          continue;
        }
        stamp = stamp_of_tail;
        made = small_index(report = reports.size());
        reports.push_back({nullptr, 1});
      }
      Agedge_t* edge = agedge(root, from, to, nullptr, 1);
      switch (d.kind) {
        case EdgeKind::participant:
          edge_attributes.set(edge, "constraint", "false");
          edge_attributes.set(edge, "color", "#666666");
          if (d.role != Role::participant) {
            text.clear();
            detail::append_dot_label(text, to_string(d.role));
            edge_attributes.set(edge, "label", text);
          }
          break;
        case EdgeKind::located_in:
          edge_attributes.set(edge, "constraint", "false");
          edge_attributes.set(edge, "color", "#666666");
          edge_attributes.set(edge, "style", "dashed");
          break;
        case EdgeKind::reported_by:
          reports[report].edge = edge;
          edge_attributes.set(edge, "constraint", "false");
          edge_attributes.set(edge, "color", "#bbbbbb");
          edge_attributes.set(edge, "style", "dotted");
          edge_attributes.set(edge, "arrowhead", "none");
          break;
        case EdgeKind::before:
          // Follows the axis, so it may keep its constraint.
          edge_attributes.set(edge, "color", "#333333");
          edge_attributes.set(edge, "penwidth", "1.5");
          break;
      }
    }
    // The tail's reports are all counted once its edges are.
    for (const Report& r : reports) {
      text = std::to_string(r.count);
      text += r.count == 1 ? " mention" : " mentions";
      edge_attributes.set(r.edge, "tooltip", text);
    }
  }

  return write_cgraph(root);
}

}  // namespace eventgraph::testing
