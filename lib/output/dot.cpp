// DOT timeline writer; see dot.h for the layout. The text is written
// directly, in the bytes that cgraph's agwrite gives for the same graph
// built with cgraph, ids and values quoted by cgraph's own agcanon. Building
// that graph was a fifth of a one-job build and, at two jobs, a third of
// the peak memory (its arena); tests/dot_reference.cpp still builds it,
// and the tests and the output fuzzer compare the two byte for byte.
#include "output/dot.h"

#include <graphviz/cgraph.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "output/detail/sink_buffer.h"
#include "output/detail/timeline.h"
#include "output/detail/utf8.h"

namespace eventgraph {
std::string escape_dot_label(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  detail::append_dot_label(out, text);
  return out;
}

namespace detail {

namespace {

// Per byte: kNotBare unless an ID byte (a letter, digit, '_' or any
// non-ASCII byte), kForAgcanon for a quote or a control byte. One table
// lookup per byte: the loop over every label's bytes was most of the pass.
constexpr unsigned char kNotBare = 1;
constexpr unsigned char kForAgcanon = 2;
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool is_id = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                       c >= 0x80;
    table[static_cast<std::size_t>(c)] = is_id ? 0 : kNotBare;
    if (c == '"' || c < 0x20 || c == 0x7F) table[static_cast<std::size_t>(c)] |= kForAgcanon;
  }
  return table;
}();

// cgraph's keywords, which it compares without case ("Graph" is quoted).
bool is_dot_keyword(std::string_view s) {
  static constexpr std::string_view kKeywords[] = {"node", "edge", "strict", "graph", "digraph", "subgraph"};
  for (std::string_view keyword : kKeywords) {
    if (s.size() == keyword.size() &&
        std::equal(s.begin(), s.end(), keyword.begin(),
                   [](char a, char b) { return (a | 0x20) == b; })) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view dot_canonical(const char* s, std::size_t size, std::string& scratch) {
  // Short of agcanon's line length (128), where it breaks a string, and
  // started by a letter or '_', so not read as a number: bare when every
  // byte is an ID byte (a letter, digit, '_' or any non-ASCII byte) and it
  // is no keyword, else in quotes as it is (a backslash too: agcanon
  // escapes only quotes). A quote or a control byte is left to agcanon.
  constexpr std::size_t kMostBytes = 120;
  const auto first = static_cast<unsigned char>(size > 0 ? s[0] : 0);
  const bool starts_id = ((first | 0x20) >= 'a' && (first | 0x20) <= 'z') || first == '_';
  if (size == 0 || size > kMostBytes || !starts_id) {
    return agcanon(const_cast<char*>(s), 0);
  }
  unsigned char seen = 0;
  for (std::size_t i = 0; i < size; ++i) seen |= kByteClass[static_cast<unsigned char>(s[i])];
  if ((seen & kForAgcanon) != 0) return agcanon(const_cast<char*>(s), 0);
  const bool is_bare = seen == 0;
  const std::string_view text(s, size);
  if (is_bare && !is_dot_keyword(text)) return text;
  scratch.assign(1, '"');
  scratch.append(text);
  scratch.push_back('"');
  return scratch;
}

std::uint32_t small_index(std::size_t index) {
  if (index >= kNoRank) throw std::length_error("DOT: over 2^32 ranks or vertices");
  return static_cast<std::uint32_t>(index);
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

DotRanks dot_ranks(const EventGraph& graph) {
  const Graph& g = graph.graph;
  const MergedCorpus& c = graph.corpus;
  // The axis: every distinct date range of an event or publication day.
  std::vector<Tick> all_ticks;
  all_ticks.reserve(c.events.size() + c.documents.size());
  for (const Event& e : c.events) all_ticks.push_back(event_tick(e));
  for (const Document& d : c.documents) all_ticks.push_back(document_tick(d));
  const TimelineAxis timeline(all_ticks);
  DotRanks ranks;
  ranks.ticks = timeline.ticks();
  ranks.event_rank.resize(c.events.size());
  for (std::size_t i = 0; i < c.events.size(); ++i) ranks.event_rank[i] = small_index(timeline.index_of(all_ticks[i]));
  ranks.document_rank.resize(c.documents.size());
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    ranks.document_rank[i] = small_index(timeline.index_of(all_ticks[c.events.size() + i]));
  }
  ranks.entity_rank.assign(c.entities.size(), kNoRank);
  for (auto [e, end] = edges(g); e != end; ++e) {
    const VertexData& from = g[source(*e, g)];
    const VertexData& to = g[target(*e, g)];
    if (from.kind != VertexKind::event || (to.kind != VertexKind::actor && to.kind != VertexKind::place)) {
      continue;
    }
    std::uint32_t& slot = ranks.entity_rank[to.index];
    slot = std::min(slot, ranks.event_rank[from.index]);
  }
  return ranks;
}

void append_dot_label(std::string& out, std::string_view text) {
  const std::size_t out_begin = out.size();
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII but the backslash stands for itself: copied in runs.
    std::size_t run = i;
    while (run < text.size()) {
      auto b = static_cast<unsigned char>(text[run]);
      if (b < 0x20 || b >= 0x7F || b == '\\') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
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
  if (out.size() > out_begin && out.back() == '\\') out += "\\n";
}

}  // namespace detail

namespace {

// agwrite's text: tabs for the nesting level, ids and values quoted as
// agcanon quotes them (bare when an ID or a number, else in quotes, with
// agwrite's breaks of long strings), attribute lists as agwrite lays them
// out. agcanon writes into one static buffer: one writer at a time.
class DotText {
 public:
  explicit DotText(TextSink& sink) : out_(sink, detail::kSinkPieceBytes) {}

  void put(std::string_view s) { out_.append(s); }
  // A literal's copy, its size known, is inlined: the writer's own
  // punctuation was most of the calls to append.
  template <std::size_t N>
  void put(const char (&s)[N]) {
    char* p = out_.room(N - 1);
    std::memcpy(p, s, N - 1);
    out_.advance(p + N - 1);
  }
  void tabs(int level) {
    static constexpr char kTabs[] = "\t\t\t\t\t\t\t\t";
    const auto count = static_cast<std::size_t>(std::clamp(level, 0, 8));
    char* p = out_.room(8);
    std::memcpy(p, kTabs, 8);
    out_.advance(p + count);
  }
  void quoted(const char* s) { out_.append(detail::dot_canonical(s, std::strlen(s), scratch_)); }
  void quoted(const std::string& s) { out_.append(detail::dot_canonical(s.c_str(), s.size(), scratch_)); }

  // A default declaration ("node [a=b, ...];"), attributes in name order.
  void defaults(int level, const char* kind, std::initializer_list<std::pair<const char*, const char*>> attributes) {
    tabs(level);
    put(kind);
    put(" [");
    std::size_t count = 0;
    for (const auto& [name, value] : attributes) {
      if (count++ > 0) {
        put(",\n");
        tabs(level + 1);
      }
      quoted(name);
      put("=");
      quoted(value);
    }
    if (count > 1) {
      put("\n");
      tabs(level);
    }
    put("];\n");
  }

  // An object's attributes, after its name: each call one attribute, in
  // name order; a value equal to the declared default is left out, as
  // agwrite leaves it (every declared default here is empty but the fonts').
  void begin_attributes(int level) {
    level_ = level;
    attribute_count_ = 0;
  }
  // Names, and values the writer spells itself, are string literals:
  // each is made canonical once per file and found again by its address
  // (a few dozen), where scanning them and agcanon for every attribute
  // were a fifth of writing DOT.
  template <std::size_t N, std::size_t M>
  void attribute(const char (&name)[N], const char (&value)[M]) {
    if (M == 1) return;
    begin_attribute(literal(name));
    put(literal(value));
  }
  // A value made at run time.
  template <std::size_t N>
  void attribute(const char (&name)[N], const std::string& value) {
    attribute_of_text(name, value.c_str());
  }
  template <std::size_t N>
  void attribute_of_text(const char (&name)[N], const char* value) {
    if (*value == '\0') return;
    begin_attribute(literal(name));
    quoted(value);
  }
  void end_attributes() {
    if (attribute_count_ > 0) put("]");
    put(";\n");
  }

  void finish() { out_.hand_on(); }

 private:
  void begin_attribute(std::string_view canonical_name) {
    if (attribute_count_++ == 0) {
      put("\t[");
    } else {
      put(",\n");
      tabs(level_ + 1);
    }
    put(canonical_name);
    put("=");
  }
  // A literal's canonical form, by its address: open addressing in a
  // table that never fills (the writer has a few dozen literals).
  std::string_view literal(const char* s) {
    const auto address = reinterpret_cast<std::uintptr_t>(s);
    for (std::size_t k = (address ^ (address >> 7)) % kLiteralSlots;; k = (k + 1) % kLiteralSlots) {
      Literal& slot = literals_[k];
      if (slot.address == s) return slot.canonical;
      if (slot.address != nullptr) continue;
      if (++literal_count_ > kLiteralSlots / 2) throw std::logic_error("DOT: too many literals for the table");
      slot.address = s;
      slot.canonical = detail::dot_canonical(s, std::strlen(s), scratch_);
      return slot.canonical;
    }
  }

  detail::PieceWriter out_;
  struct Literal {
    const char* address = nullptr;
    std::string canonical;
  };
  static constexpr std::size_t kLiteralSlots = 128;
  std::vector<Literal> literals_ = std::vector<Literal>(kLiteralSlots);
  std::size_t literal_count_ = 0;
  std::string scratch_;  // dot_canonical's
  int level_ = 0;
  std::size_t attribute_count_ = 0;
};

// detail::NodeNamer's names, asking a set of the names given instead of a
// cgraph graph.
class NodeNamer {
 public:
  std::string name_for(std::string_view wanted) {
    std::string base = detail::safe_node_name(wanted);
    std::string name = base;
    for (int k = 2; used_.contains(name); ++k) name = base + "~" + std::to_string(k);
    used_.insert(name);
    return name;
  }

 private:
  std::unordered_set<std::string> used_;
};

}  // namespace

void write_dot(const EventGraph& graph, TextSink& sink) {
  const Graph& g = graph.graph;
  const MergedCorpus& c = graph.corpus;

  const detail::DotRanks plan = detail::dot_ranks(graph);
  const std::vector<detail::Tick>& ticks = plan.ticks;
  const std::vector<std::uint32_t>& event_rank = plan.event_rank;
  const std::vector<std::uint32_t>& document_rank = plan.document_rank;
  const std::vector<std::uint32_t>& entity_rank = plan.entity_rank;
  using detail::small_index;
  constexpr std::uint32_t kNone = detail::kNoRank;

  // The nodes, numbered in the order they are made (agwrite's order): one
  // date per rank, then the vertices that have a node, in vertex order. A
  // node's number orders the out-edges of a tail by head, as cgraph does.
  std::vector<std::string> tick_labels;
  tick_labels.reserve(ticks.size());
  for (const detail::Tick& t : ticks) tick_labels.push_back(t.label());
  NodeNamer names;
  std::string scratch;
  std::vector<std::string> node_id;  // quoted, by node number
  std::vector<std::uint32_t> node_rank;
  auto add_node = [&](std::string_view wanted, std::uint32_t rank) {
    std::string name = names.name_for(wanted);
    node_id.emplace_back(detail::dot_canonical(name.c_str(), name.size(), scratch));
    node_rank.push_back(rank);
    return small_index(node_id.size() - 1);
  };
  for (std::size_t i = 0; i < ticks.size(); ++i) add_node("axis:" + tick_labels[i], small_index(i));
  const std::uint32_t first_vertex_node = small_index(ticks.size());
  std::vector<std::uint32_t> node_of(num_vertices(g), kNone);
  std::vector<std::uint32_t> vertex_of;  // by node number - first_vertex_node
  // An invisible edge from each date to the first event or document of
  // its rank puts the axis on top (a flat edge keeps its tail first).
  std::vector<std::uint32_t> hang_from_axis(ticks.size(), kNone);
  for (auto [v, end] = vertices(g); v != end; ++v) {
    const VertexData& d = g[*v];
    std::uint32_t rank = kNone;
    switch (d.kind) {
      case VertexKind::event: rank = event_rank[d.index]; break;
      case VertexKind::actor:
      case VertexKind::place: rank = entity_rank[d.index]; break;
      case VertexKind::document: rank = document_rank[d.index]; break;
    }
    if (rank == kNone) continue;
    node_of[*v] = add_node(d.uid, rank);
    vertex_of.push_back(small_index(*v));
    if (d.kind != VertexKind::actor && d.kind != VertexKind::place && hang_from_axis[rank] == kNone) {
      hang_from_axis[rank] = node_of[*v];
    }
  }
  // Each rank's nodes, in number order.
  std::vector<std::uint32_t> rank_begin(ticks.size() + 1, 0);
  for (std::uint32_t rank : node_rank) ++rank_begin[rank + 1];
  for (std::size_t i = 0; i < ticks.size(); ++i) rank_begin[i + 1] += rank_begin[i];
  std::vector<std::uint32_t> rank_nodes(node_rank.size());
  {
    std::vector<std::uint32_t> next(rank_begin.begin(), rank_begin.end() - 1);
    for (std::uint32_t n = 0; n < node_rank.size(); ++n) rank_nodes[next[node_rank[n]]++] = n;
  }
  std::vector<std::uint32_t>().swap(node_rank);

  DotText out(sink);
  out.put("digraph ");
  out.quoted("eventgraph");
  out.put(" {\n");
  out.defaults(1, "graph", {{"charset", "UTF-8"}, {"fontname", "Helvetica"}, {"nodesep", "0.3"},
                            {"rankdir", "LR"}, {"ranksep", "0.6"}});
  out.defaults(1, "node", {{"fontname", "Helvetica"}, {"fontsize", "10"}});
  out.defaults(1, "edge", {{"fontname", "Helvetica"}, {"fontsize", "8"}});

  // The ranks sit in groups of about sqrt(#ranks), all in one subgraph:
  // cgraph's agwrite checked every node against every subgraph of its
  // parent, so one flat list of ranks made writing with cgraph quadratic.
  // The bytes keep that shape.
  std::string text;   // reused for labels
  std::string label;
  auto write_node = [&](std::uint32_t n) {
    out.tabs(4);
    out.put(node_id[n]);
    out.begin_attributes(4);
    if (n < first_vertex_node) {
      out.attribute("fontcolor", "#555555");
      out.attribute("fontsize", "12");
      text.clear();
      detail::append_dot_label(text, tick_labels[n]);
      out.attribute("label", text);
      out.attribute("shape", "plaintext");
      out.end_attributes();
      return;
    }
    const VertexData& d = g[vertex_of[n - first_vertex_node]];
    label.assign(d.label);
    const char* fillcolor = "";
    const char* shape = "";
    const char* style = "";
    std::string type_color;
    switch (d.kind) {
      case VertexKind::event: {
        const Event& e = c.events[d.index];
        if (e.time.is_resolved() && e.time.granularity != Granularity::day) {
          label.append("\n").append(e.time.value);
        }
        if (e.modality != Modality::asserted) label.append("\n(").append(to_string(e.modality)).append(")");
        type_color = detail::type_color(e.type);
        fillcolor = type_color.c_str();
        shape = "box";
        style = "rounded,filled";
        break;
      }
      case VertexKind::actor:
      case VertexKind::place: shape = detail::entity_shape(c.entities[d.index].kind).data(); break;
      case VertexKind::document:
        label.append("\n").append(c.documents[d.index].outlet);
        fillcolor = "#f0f0f0";
        shape = "note";
        style = "filled";
        break;
    }
    out.attribute_of_text("fillcolor", fillcolor);
    text.clear();
    detail::append_dot_label(text, label);
    out.attribute("label", text);
    out.attribute_of_text("shape", shape);
    out.attribute_of_text("style", style);
    text.clear();
    detail::append_dot_label(text, d.uid);
    out.attribute("tooltip", text);
    out.end_attributes();
  };
  out.tabs(1);
  out.put("subgraph ");
  out.quoted("timeline");
  out.put(" {\n");
  std::size_t group_size = 1;
  while (group_size * group_size < ticks.size()) ++group_size;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    if (i % group_size == 0) {
      out.tabs(2);
      out.put("subgraph ");
      out.quoted("days:" + tick_labels[i]);
      out.put(" {\n");
    }
    out.tabs(3);
    out.put("subgraph ");
    out.quoted("day:" + tick_labels[i]);
    out.put(" {\n");
    out.defaults(4, "graph", {{"rank", "same"}});
    for (std::uint32_t k = rank_begin[i]; k < rank_begin[i + 1]; ++k) write_node(rank_nodes[k]);
    out.tabs(3);
    out.put("}\n");
    if (i % group_size == group_size - 1 || i + 1 == ticks.size()) {
      out.tabs(2);
      out.put("}\n");
    }
  }
  out.tabs(1);
  out.put("}\n");
  std::vector<std::uint32_t>().swap(rank_nodes);
  std::vector<std::uint32_t>().swap(rank_begin);

  auto begin_edge = [&](std::uint32_t tail, std::uint32_t head) {
    out.tabs(1);
    out.put(node_id[tail]);
    out.put(" -> ");
    out.put(node_id[head]);
    out.begin_attributes(1);
  };
  // The axis: each date's edge to the next, then the one to its rank.
  for (std::uint32_t i = 0; i < first_vertex_node; ++i) {
    for (std::uint32_t head : {i + 1 < first_vertex_node ? i + 1 : kNone, hang_from_axis[i]}) {
      if (head == kNone) continue;
      begin_edge(i, head);
      out.attribute("style", "invis");
      out.end_attributes();
    }
  }

  // An event's edges, ordered by head node and then as made. One
  // reported_by edge per (event, document): the mentions behind it are
  // counted in its tooltip rather than drawn as parallel lines.
  struct OutEdge {
    std::uint32_t head;
    EdgeKind kind;
    Role role;
    std::uint32_t mentions;  // reported_by
  };
  std::vector<OutEdge> out_edges_of_tail;
  // The report of a tail to a head is found by a stamp per head (tail + 1,
  // and the report's place), not by a map of (tail, head) pairs.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> report_to(node_id.size(), {0, 0});
  for (std::uint32_t tail = first_vertex_node; tail < node_id.size(); ++tail) {
    const Graph::vertex_descriptor v = vertex_of[tail - first_vertex_node];
    const std::uint32_t stamp_of_tail = tail + 1;
    out_edges_of_tail.clear();
    for (auto [e, end] = out_edges(v, g); e != end; ++e) {
      const EdgeData& d = g[*e];
      std::uint32_t head = node_of[target(*e, g)];
      if (head == kNone) continue;
      if (d.kind == EdgeKind::reported_by) {
        auto& [stamp, at] = report_to[head];
        if (stamp == stamp_of_tail) {
          ++out_edges_of_tail[at].mentions;
          continue;
        }
        stamp = stamp_of_tail;
        at = small_index(out_edges_of_tail.size());
      }
      out_edges_of_tail.push_back({head, d.kind, d.role, 1});
    }
    std::stable_sort(out_edges_of_tail.begin(), out_edges_of_tail.end(),
                     [](const OutEdge& a, const OutEdge& b) { return a.head < b.head; });
    for (const OutEdge& e : out_edges_of_tail) {
      begin_edge(tail, e.head);
      switch (e.kind) {
        case EdgeKind::participant:
          out.attribute("color", "#666666");
          out.attribute("constraint", "false");
          if (e.role != Role::participant) {
            text.clear();
            detail::append_dot_label(text, to_string(e.role));
            out.attribute("label", text);
          }
          break;
        case EdgeKind::located_in:
          out.attribute("color", "#666666");
          out.attribute("constraint", "false");
          out.attribute("style", "dashed");
          break;
        case EdgeKind::reported_by:
          out.attribute("arrowhead", "none");
          out.attribute("color", "#bbbbbb");
          out.attribute("constraint", "false");
          out.attribute("style", "dotted");
          text = std::to_string(e.mentions);
          text += e.mentions == 1 ? " mention" : " mentions";
          out.attribute("tooltip", text);
          break;
        case EdgeKind::before:
          // Follows the axis, so it may keep its constraint.
          out.attribute("color", "#333333");
          out.attribute("penwidth", "1.5");
          break;
      }
      out.end_attributes();
    }
  }
  out.put("}\n");
  out.finish();
}

std::string format_dot(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_dot(graph, out); });
}

}  // namespace eventgraph
