// GraphML writer, by hand: key ids must equal their names (see graphml.h).
#include "output/graphml.h"

#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "output/detail/byte_runs.h"
#include "output/detail/decimal.h"
#include "output/detail/sink_buffer.h"
#include "output/detail/utf8.h"

namespace eventgraph {
namespace {

enum class KeyType { string, int_, boolean };

struct Key {
  std::string_view name;
  std::string_view domain;  // "node" or "edge"
  KeyType type;
};

// Declared in this order; ids and names are the same strings, and node and
// edge names never collide (an XML id is unique in the document).
constexpr Key kKeys[] = {
    {"labels", "node", KeyType::string},      {"labelV", "node", KeyType::string},
    {"uid", "node", KeyType::string},         {"name", "node", KeyType::string},
    {"type", "node", KeyType::string},        {"cameo", "node", KeyType::string},
    {"date", "node", KeyType::string},        {"date_begin", "node", KeyType::string},
    {"date_end", "node", KeyType::string},    {"granularity", "node", KeyType::string},
    {"modality", "node", KeyType::string},    {"outlets", "node", KeyType::string},
    {"mention_count", "node", KeyType::int_}, {"conflict_count", "node", KeyType::int_},
    {"kind", "node", KeyType::string},        {"qid", "node", KeyType::string},
    {"aliases", "node", KeyType::string},     {"outlet", "node", KeyType::string},
    {"url", "node", KeyType::string},         {"published", "node", KeyType::string},
    {"published_inferred", "node", KeyType::boolean},
    {"label", "edge", KeyType::string},       {"labelE", "edge", KeyType::string},
    {"role", "edge", KeyType::string},        {"doc", "edge", KeyType::string},
    {"span_begin", "edge", KeyType::int_},    {"span_end", "edge", KeyType::int_},
};

std::string_view to_string(KeyType t) {
  switch (t) {
    case KeyType::string: return "string";
    case KeyType::int_: return "int";
    case KeyType::boolean: return "boolean";
  }
  return "string";
}

// XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Writes `s` at `p` escaped for element content or (with `is_attribute`)
// a quoted attribute value, room made for 6 bytes a byte and 16 more.
// Tab, LF and CR in attributes, and CR in content, become character
// references: a parser would otherwise normalize them away. Returns the end.
char* write_escaped(char* p, std::string_view s, bool is_attribute) {
  // The bytes that end a run: controls, non-ASCII, the markup characters.
  static constexpr std::array<bool, 256> kStops = [] {
    std::array<bool, 256> stops{};
    for (int b = 0; b < 0x20; ++b) stops[b] = true;
    for (int b = 0x80; b < 0x100; ++b) stops[b] = true;
    for (unsigned char c : std::string_view("&<>\"'")) stops[c] = true;
    return stops;
  }();
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size;) {
    // Printable ASCII but the five markup characters is copied in runs:
    // sixteen bytes stored whole, the cursor moved past the plain ones.
    if (size - i >= 16) {
      std::size_t k = detail::copy_plain_16(s.data() + i, p, [](detail::Bytes16 v) {
        return (v < 0x20) | (v >= 0x80) | (v == '&') | (v == '<') | (v == '>') | (v == '"') | (v == '\'');
      });
      p += k;
      i += k;
      if (k == 16) continue;
    } else if (!kStops[static_cast<unsigned char>(s[i])]) {
      *p++ = s[i++];
      continue;
    }
    char32_t c = 0;
    std::size_t n = detail::utf8_sequence(s, i, c);
    if (n == 0 || !is_xml_char(c)) {
      std::memcpy(p, "\xEF\xBF\xBD", 3);  // U+FFFD
      p += 3;
      i += n == 0 ? 1 : n;
      continue;
    }
    auto put = [&](std::string_view text) {
      std::memcpy(p, text.data(), text.size());
      p += text.size();
    };
    switch (c) {
      case '&': put("&amp;"); break;
      case '<': put("&lt;"); break;
      case '>': put("&gt;"); break;  // "]]>" may not appear in content
      case '"': put(is_attribute ? "&quot;" : "\""); break;
      case '\'': put(is_attribute ? "&apos;" : "'"); break;
      case '\t': put(is_attribute ? "&#9;" : "\t"); break;
      case '\n': put(is_attribute ? "&#10;" : "\n"); break;
      case '\r': put("&#13;"); break;
      default: put(s.substr(i, n));
    }
    i += n;
  }
  return p;
}

// Room for `s` escaped.
std::size_t escaped_bytes(std::string_view s) { return 6 * s.size() + 16; }

// Writes into pieces of the file handed on to the sink as they fill, so
// that memory does not grow with the graph.
class GraphmlWriter {
 public:
  explicit GraphmlWriter(TextSink& sink) : out_(sink) {}
  void text(std::string_view s) { out_.append(s); }
  void escaped(std::string_view s, bool is_attribute) {
    out_.advance(write_escaped(out_.room(escaped_bytes(s)), s, is_attribute));
  }
  void number(std::uint64_t value) {
    char* p = out_.room(24);
    out_.advance(std::to_chars(p, p + 24, value).ptr);
  }

  // <data key="key">value</data>; keys are the literals of kKeys.
  template <std::size_t N>
  void data(const char (&key)[N], std::string_view value) {
    char* p = write_data_start(out_.room(kDataBytes + N + escaped_bytes(value)), key);
    p = write_escaped(p, value, false);
    out_.advance(write_data_end(p));
  }
  template <std::size_t N>
  void int_data(const char (&key)[N], std::uint64_t value) {
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    data(key, std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  template <std::size_t N>
  void bool_data(const char (&key)[N], bool value) {
    data(key, value ? std::string_view("true") : std::string_view("false"));
  }
  // Leaves out empty strings: an absent property reads better in every
  // consumer than an empty one, and GraphML has no null.
  template <std::size_t N>
  void optional_data(const char (&key)[N], std::string_view value) {
    if (!value.empty()) data(key, value);
  }
  // The items joined by ";", each escaped: the same bytes as the joined
  // string escaped (a sequence cut at an item's end is invalid either way).
  template <std::size_t N>
  void joined_data(const char (&key)[N], const std::vector<std::string>& items) {
    std::size_t bytes = kDataBytes + N;
    for (const std::string& item : items) bytes += 1 + escaped_bytes(item);
    char* p = write_data_start(out_.room(bytes), key);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) *p++ = ';';
      p = write_escaped(p, items[i], false);
    }
    out_.advance(write_data_end(p));
  }
  // Left out when the joined string would be empty.
  template <std::size_t N>
  void optional_joined_data(const char (&key)[N], const std::vector<std::string>& items) {
    if (items.size() > 1 || (items.size() == 1 && !items[0].empty())) joined_data(key, items);
  }

  void hand_on() { out_.hand_on(); }

 private:
  static constexpr std::string_view kDataOpen = "      <data key=\"";
  static constexpr std::string_view kDataClose = "</data>\n";
  static constexpr std::size_t kDataBytes = kDataOpen.size() + 2 + kDataClose.size();

  template <std::size_t N>
  static char* write_data_start(char* p, const char (&key)[N]) {
    std::memcpy(p, kDataOpen.data(), kDataOpen.size());
    p += kDataOpen.size();
    std::memcpy(p, key, N - 1);
    p += N - 1;
    *p++ = '"';
    *p++ = '>';
    return p;
  }
  static char* write_data_end(char* p) {
    std::memcpy(p, kDataClose.data(), kDataClose.size());
    return p + kDataClose.size();
  }

  detail::PieceWriter out_;
};

std::string_view capitalized_kind(EntityKind kind) {
  switch (kind) {
    case EntityKind::person: return "Person";
    case EntityKind::organization: return "Organization";
    case EntityKind::country: return "Country";
    case EntityKind::group: return "Group";
    case EntityKind::place: return "Place";
  }
  return "Person";
}

std::string_view vertex_label(VertexKind kind) {
  switch (kind) {
    case VertexKind::event: return "Event";
    case VertexKind::actor: return "Actor";
    case VertexKind::place: return "Place";
    case VertexKind::document: return "Document";
  }
  return "Event";
}

std::string_view edge_label(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::participant: return "PARTICIPANT";
    case EdgeKind::located_in: return "LOCATED_IN";
    case EdgeKind::reported_by: return "REPORTED_BY";
    case EdgeKind::before: return "BEFORE";
  }
  return "PARTICIPANT";
}

void write_event(GraphmlWriter& w, const Event& e, std::size_t mention_count) {
  w.data("type", e.type);
  w.optional_data("cameo", e.cameo);
  if (e.time.is_resolved()) {
    w.data("date", e.time.value);
    w.data("date_begin", format_day(*e.time.earliest));
    w.data("date_end", format_day(*e.time.latest));
  }
  w.data("granularity", to_string(e.time.granularity));
  w.data("modality", to_string(e.modality));
  w.joined_data("outlets", e.outlets);
  w.int_data("mention_count", static_cast<std::uint64_t>(mention_count));
  w.int_data("conflict_count", static_cast<std::uint64_t>(e.conflicts.size()));
}

void write_entity(GraphmlWriter& w, const Entity& e) {
  w.data("kind", to_string(e.kind));
  w.optional_data("qid", e.qid);
  w.optional_joined_data("aliases", e.aliases);
}

void write_document(GraphmlWriter& w, const Document& d) {
  w.data("outlet", d.outlet);
  w.optional_data("url", d.url);
  if (d.published) w.data("published", d.published->to_iso());
  w.bool_data("published_inferred", d.is_published_inferred);
}

// The document of a participant edge: the first mention (in the event's
// order) that names the actor with the edge's span, which is where the
// merge took the span from. Empty when none does.
std::string_view participant_doc(const std::vector<MentionRecord>& mentions, std::string_view entity_id,
                                 const Span& span) {
  for (const MentionRecord& r : mentions) {
    for (const ActorRole& a : r.mention.actors) {
      if (a.entity_id == entity_id && a.span == span) return r.mention.doc;
    }
  }
  return {};
}

}  // namespace

void write_graphml(const EventGraph& graph, TextSink& sink) {
  const Graph& g = graph.graph;
  const MergedCorpus& c = graph.corpus;
  GraphmlWriter w(sink);
  w.text(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const Key& k : kKeys) {
    w.text("  <key id=\"");
    w.text(k.name);
    w.text("\" for=\"");
    w.text(k.domain);
    w.text("\" attr.name=\"");
    w.text(k.name);
    w.text("\" attr.type=\"");
    w.text(to_string(k.type));
    w.text("\"/>\n");
  }
  w.text("  <graph id=\"eventgraph\" edgedefault=\"directed\">\n");

  for (auto [v, end] = vertices(g); v != end; ++v) {
    const VertexData& d = g[*v];
    w.text("    <node id=\"");
    w.escaped(d.uid, true);
    w.text("\">\n");
    // ":Actor:Organization" at most: no string made.
    char labels[32] = ":";
    std::size_t labels_size = 1;
    auto add_label = [&](std::string_view part) {
      std::memcpy(labels + labels_size, part.data(), part.size());
      labels_size += part.size();
    };
    add_label(vertex_label(d.kind));
    if (d.kind == VertexKind::actor) {
      add_label(":");
      add_label(capitalized_kind(c.entities[d.index].kind));
    }
    w.data("labels", std::string_view(labels, labels_size));
    w.data("labelV", vertex_label(d.kind));
    w.data("uid", d.uid);
    w.data("name", d.label);
    switch (d.kind) {
      case VertexKind::event: write_event(w, c.events[d.index], graph.mention_count(c.events[d.index])); break;
      case VertexKind::actor:
      case VertexKind::place: write_entity(w, c.entities[d.index]); break;
      case VertexKind::document: write_document(w, c.documents[d.index]); break;
    }
    w.text("    </node>\n");
  }

  // Every edge but the before chain, event by event; then the chain, so
  // that the chain reads in one run.
  std::size_t edge_number = 0;
  // An event's edges come together: its mentions are decoded once for all.
  std::vector<MentionRecord> scratch;
  const Event* decoded = nullptr;
  const std::vector<MentionRecord>* mentions = nullptr;
  auto write_edge = [&](Graph::edge_descriptor e) {
    const EdgeData& d = g[e];
    const VertexData& from = g[source(e, g)];
    const VertexData& to = g[target(e, g)];
    w.text("    <edge id=\"e");
    w.number(edge_number++);
    w.text("\" source=\"");
    w.escaped(from.uid, true);
    w.text("\" target=\"");
    w.escaped(to.uid, true);
    w.text("\">\n");
    w.data("label", edge_label(d.kind));
    w.data("labelE", edge_label(d.kind));
    std::string_view doc;
    if (d.kind == EdgeKind::participant) {
      w.data("role", to_string(d.role));
      const Event& event = c.events[from.index];
      if (decoded != &event) {
        mentions = &graph.mentions_of(event, scratch);
        decoded = &event;
      }
      doc = participant_doc(*mentions, to.uid, d.span);
    } else if (d.kind == EdgeKind::reported_by) {
      doc = to.uid;  // the document vertex
    }
    // A span means nothing without its document, so both or neither.
    if (!doc.empty()) {
      w.data("doc", doc);
      w.int_data("span_begin", static_cast<std::uint64_t>(d.span.begin_byte));
      w.int_data("span_end", static_cast<std::uint64_t>(d.span.end_byte));
    }
    w.text("    </edge>\n");
  };
  for (bool is_chain : {false, true}) {
    for (auto [e, end] = edges(g); e != end; ++e) {
      if ((g[*e].kind == EdgeKind::before) == is_chain) write_edge(*e);
    }
  }
  w.text("  </graph>\n</graphml>\n");
  w.hand_on();
}

std::string format_graphml(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_graphml(graph, out); });
}

}  // namespace eventgraph
