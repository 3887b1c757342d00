// DOT timeline writer, built with Graphviz cgraph (which quotes ids and
// attribute values itself); see dot.h for the layout.
#include "output/dot.h"

#include "output/detail/utf8.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace eventgraph {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid
// (overlong, surrogate, past U+10FFFF or cut short).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  std::uint32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return n;
}

// cgraph's API predates const; it copies every string it is given.
char* mutable_chars(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* mutable_chars(const char* s) { return const_cast<char*>(s); }

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, mutable_chars(name), mutable_chars(value), mutable_chars(""));
}

// ColorBrewer Set3: pale enough for black text. The built-in event types
// get fixed colors; a type added by a lexicon file gets one by hash, so its
// color does not depend on which other types a run happens to see.
constexpr const char* kPalette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072",
                                    "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
                                    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};

std::string type_color(std::string_view type) {
  static const std::map<std::string_view, std::size_t, std::less<>> kFixed = {
      {"meeting", 0}, {"statement", 1}, {"deployment", 2},
      {"airstrike", 3}, {"directive", 4}, {"vote", 5}};
  if (auto it = kFixed.find(type); it != kFixed.end()) return kPalette[it->second];
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (char ch : type) hash = (hash ^ static_cast<unsigned char>(ch)) * 16777619u;
  return kPalette[6 + hash % 6];
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

// A rank of the timeline: one day, a longer range (an event dated to a
// month), or the undated rank at the end.
struct Tick {
  bool is_undated = false;
  date::sys_days first{}, last{};

  friend auto operator<=>(const Tick&, const Tick&) = default;
  std::string label() const {
    if (is_undated) return "undated";
    if (first == last) return format_day(first);
    return format_day(first) + "/" + format_day(last);  // ISO 8601 interval
  }
};

Tick event_tick(const Event& e) {
  if (!e.time.is_resolved()) return {true, {}, {}};
  return {false, *e.time.earliest, *e.time.latest};
}

Tick document_tick(const Document& d) {
  if (!d.published) return {true, {}, {}};
  return {false, d.published->local_day, d.published->local_day};
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

int put_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}

int flush_nothing(void*) { return 0; }

}  // namespace

std::string escape_dot_label(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence(text, i);
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

std::string format_dot(const EventGraph& graph) {
  const Graph& g = graph.graph;
  const MergedCorpus& c = graph.corpus;

  // The axis: every distinct date range of an event or publication day.
  std::set<Tick> tick_set;
  for (const Event& e : c.events) tick_set.insert(event_tick(e));
  for (const Document& d : c.documents) tick_set.insert(document_tick(d));
  std::vector<Tick> ticks(tick_set.begin(), tick_set.end());  // undated sorts last
  auto tick_index = [&](const Tick& t) {
    return static_cast<std::size_t>(std::lower_bound(ticks.begin(), ticks.end(), t) - ticks.begin());
  };

  // An entity stands on the rank of its earliest event; no event, no node.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> entity_tick(c.entities.size(), kNone);
  for (auto [e, end] = edges(g); e != end; ++e) {
    const VertexData& from = g[source(*e, g)];
    const VertexData& to = g[target(*e, g)];
    if (from.kind != VertexKind::event || (to.kind != VertexKind::actor && to.kind != VertexKind::place)) {
      continue;
    }
    std::size_t t = tick_index(event_tick(c.events[from.index]));
    std::size_t& slot = entity_tick[to.index];
    if (slot == kNone || t < slot) slot = t;
  }

  Agiodisc_t io = AgIoDisc;
  io.putstr = put_string;
  io.flush = flush_nothing;
  Agdisc_t disc = AgDefaultDisc;
  disc.io = &io;
  std::unique_ptr<Agraph_t, GraphCloser> owner(agopen(mutable_chars("eventgraph"), Agdirected, &disc));
  Agraph_t* root = owner.get();
  if (!root) throw std::runtime_error("cgraph could not open a graph");
  set(root, "rankdir", "LR");
  set(root, "charset", "UTF-8");
  set(root, "nodesep", "0.3");
  set(root, "ranksep", "0.6");
  set(root, "fontname", "Helvetica");
  agattr(root, AGNODE, mutable_chars("fontname"), mutable_chars("Helvetica"));
  agattr(root, AGNODE, mutable_chars("fontsize"), mutable_chars("10"));
  agattr(root, AGEDGE, mutable_chars("fontname"), mutable_chars("Helvetica"));
  agattr(root, AGEDGE, mutable_chars("fontsize"), mutable_chars("8"));

  // Anonymous: cgraph orders named subgraphs by the address of their
  // interned name, which would make the output bytes depend on the heap;
  // anonymous ones get increasing ids, so they are written in axis order.
  std::vector<Agraph_t*> ranks;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    Agraph_t* rank = agsubg(root, nullptr, 1);
    set(rank, "rank", "same");
    ranks.push_back(rank);
  }

  // Names are uids where that is safe, made unique: a document id comes
  // from the user and may collide with an axis node or hold a backslash.
  std::set<std::string> used_names;
  auto new_node = [&](const std::string& wanted, Agraph_t* rank) {
    // Invalid UTF-8 in a name would make the file invalid UTF-8, which dot
    // rejects (found by tests/fuzz/fuzz_output: a manifest's document id).
    bool is_safe = !wanted.empty() && detail::is_valid_utf8(wanted) &&
                   std::none_of(wanted.begin(), wanted.end(), [](char ch) {
                     return ch == '\\' || static_cast<unsigned char>(ch) < 0x20;
                   });
    std::string base = is_safe ? wanted : "vertex";
    std::string name = base;
    for (int k = 2; !used_names.insert(name).second; ++k) name = base + "~" + std::to_string(k);
    Agnode_t* n = agnode(root, mutable_chars(name), 1);
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
        std::size_t tick = tick_index(event_tick(e));
        n = new_node(d.uid, ranks[tick]);
        hang_from_axis(tick, n);
        if (e.time.is_resolved() && e.time.granularity != Granularity::day) label += "\n" + e.time.value;
        if (e.modality != Modality::asserted) label += "\n(" + std::string(to_string(e.modality)) + ")";
        set(n, "shape", "box");
        set(n, "style", "rounded,filled");
        set(n, "fillcolor", type_color(e.type));
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
        std::size_t tick = tick_index(document_tick(doc));
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

  std::string out;
  if (agwrite(root, &out) == EOF) throw std::runtime_error("cgraph could not write the graph");
  return out;
}

}  // namespace eventgraph
