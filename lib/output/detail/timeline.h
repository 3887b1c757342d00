// Internal to output; use dot.h or render.h.
// What the DOT export (dot.cpp) and the rendered timeline (render.cpp)
// share: the date axis, the colors of event types, label escaping, and a
// cgraph graph whose object ids (and so its layout and output) do not
// depend on heap addresses.
#pragma once

#include <graphviz/cgraph.h>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/types.h"
#include "graph/graph.h"
#include "output/output.h"

namespace eventgraph::detail {

// --- The date axis.

// A place on the timeline: one day, a longer range (an event dated to a
// month, a week, a year), or the undated place at the end.
struct Tick {
  bool is_undated = false;
  date::sys_days first{}, last{};

  bool is_day() const { return !is_undated && first == last; }
  // The range lies inside one calendar month (a day, a week of the month,
  // the month itself).
  bool is_within_month() const;
  // "2015-09-28", "2015-09-01/2015-09-30" (ISO 8601 interval), "undated".
  std::string label() const;

  friend bool operator==(const Tick&, const Tick&) = default;
  // Axis order: by the month the range starts in; in a month, the ranges
  // that leave it first, then the ones inside it by first day, the longer
  // first (the month before its own days); undated last. So a month's
  // ticks stand together and a month-dated event precedes its days.
  friend bool operator<(const Tick& a, const Tick& b);
};

// A tick's place in axis order as plain numbers: comparing keys compares
// ticks, without turning days into months at every comparison. Equal keys
// are equal ticks.
struct TickKey {
  bool is_undated = false;
  int month = 0;  // year * 12 + month - 1 of the first day
  bool is_within_month = false;
  int first_day = 0;
  int minus_days = 0;  // the longer range first

  friend auto operator<=>(const TickKey&, const TickKey&) = default;
};
TickKey key_of(const Tick& tick);

Tick event_tick(const Event& event);
Tick document_tick(const Document& document);

// The distinct ticks in axis order, and the index of a tick among them.
class TimelineAxis {
 public:
  explicit TimelineAxis(const std::set<Tick>& ticks);
  // The distinct ticks of `ticks`, in any order and with repeats.
  explicit TimelineAxis(std::vector<Tick> ticks);
  const std::vector<Tick>& ticks() const { return ticks_; }
  std::size_t index_of(const Tick& tick) const;  // the tick must be on the axis

 private:
  std::vector<Tick> ticks_;
  std::vector<TickKey> keys_;  // keys_[i] = key_of(ticks_[i])
};

// --- The DOT timeline's plan (dot.cpp; tests/dot_reference.cpp builds
// the same plan with cgraph).

// An index as the DOT writer's tables keep it: ranks and vertices number
// far fewer than 2^32 (each is an event, an entity, a document or a date).
// Throws std::length_error past that.
std::uint32_t small_index(std::size_t index);

inline constexpr std::uint32_t kNoRank = 0xffffffffU;

// Where everything stands: the axis, one rank per tick, and the rank of
// every event and document (their tick's) and of every entity (its
// earliest event's; kNoRank when no event names it: then it has no node).
struct DotRanks {
  std::vector<Tick> ticks;  // axis order, undated last
  std::vector<std::uint32_t> event_rank, document_rank, entity_rank;  // by corpus index
};
DotRanks dot_ranks(const EventGraph& graph);

// An entity's node shape: ellipse (person), box, hexagon, octagon, house.
std::string_view entity_shape(EntityKind kind);

// --- Colors.

// The fill color of an event type: fixed for the built-in types, by hash
// for types a lexicon adds (so it does not depend on the other types seen).
std::string type_color(std::string_view type);

// --- Escaping.

// `text` as character data of a Graphviz HTML-like label: & < > " escaped
// as entities, invalid UTF-8, control characters and the XML
// noncharacters U+FFFE/U+FFFF replaced by U+FFFD, line breaks as spaces
// (a label breaks lines with <BR/>, never with raw newlines).
std::string escape_html_label(std::string_view text);

// Appends escape_dot_label(text) (dot.h) to `out`.
void append_dot_label(std::string& out, std::string_view text);

// --- cgraph.

// cgraph's API predates const; it copies every string it is given.
inline char* mutable_chars(const std::string& s) { return const_cast<char*>(s.c_str()); }
inline char* mutable_chars(const char* s) { return const_cast<char*>(s); }

// Sets attribute `name` of a graph, node or edge (declaring it with an
// empty default when needed).
void set_attribute(void* object, const char* name, const std::string& value);

// Sets an HTML-like label (<...> in DOT) of a graph, node or edge.
void set_html_label(void* object, const std::string& html);

struct GraphCloser {
  void operator()(Agraph_t* g) const;  // agclose
};
using GraphHandle = std::unique_ptr<Agraph_t, GraphCloser>;

// A new directed root graph whose objects, named or not, get ids in
// creation order. cgraph's default discipline uses the address of a name as
// its id, and orders subgraphs by id, so named clusters would be laid out
// and written in heap order. Its agwrite channel is a PieceWriter
// (detail/sink_buffer.h): agwrite(graph, &piece_writer). Throws
// std::runtime_error when cgraph fails.
GraphHandle open_graph(const char* name);

// agcanon(s, 0) of the NUL-terminated `s`, whose size is `size`: the
// short strings of letters, digits and a few marks that are nearly all of
// a timeline's ids and values are quoted here (into `scratch`, or `s`
// itself when bare), the rest by agcanon, whose static buffer allows one
// caller at a time. agcanon read every string byte by byte through its
// line-breaking logic: a third of the DOT writer's instructions.
std::string_view dot_canonical(const char* s, std::size_t size, std::string& scratch);

// `wanted` when it is safe as a node name (valid UTF-8, not empty, no
// backslash or control character), else "vertex". Invalid UTF-8 in a name
// would make the file invalid UTF-8, which dot rejects (found by
// tests/fuzz/fuzz_output: a manifest's document id).
std::string safe_node_name(std::string_view wanted);

// Node names that are safe and unique in `graph`: safe_node_name(wanted)
// when no node of the graph has it, else a variant ("vertex~2"). The graph
// is asked, not a set of names kept here, so a name must be given to a new
// node before the next one is asked for.
class NodeNamer {
 public:
  explicit NodeNamer(Agraph_t* graph);
  std::string name_for(const std::string& wanted);

 private:
  Agraph_t* graph_;
};

}  // namespace eventgraph::detail
