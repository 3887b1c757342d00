// GraphML writer, by hand: key ids must equal their names (see graphml.h).
#include "output/graphml.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>

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

// Escapes `s` for element content or (with `is_attribute`) a quoted
// attribute value. Tab, LF and CR in attributes, and CR in content, become
// character references: a parser would otherwise normalize them away.
void append_escaped(std::string& out, std::string_view s, bool is_attribute = false) {
  // The bytes that end a run: controls, non-ASCII, the markup characters.
  static constexpr std::array<bool, 256> kStops = [] {
    std::array<bool, 256> stops{};
    for (int b = 0; b < 0x20; ++b) stops[b] = true;
    for (int b = 0x80; b < 0x100; ++b) stops[b] = true;
    for (unsigned char c : std::string_view("&<>\"'")) stops[c] = true;
    return stops;
  }();
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII but the five markup characters is copied in runs.
    std::size_t run = i;
    while (run < s.size() && !kStops[static_cast<unsigned char>(s[run])]) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    char32_t c = 0;
    std::size_t n = detail::utf8_sequence(s, i, c);
    if (n == 0 || !is_xml_char(c)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += n == 0 ? 1 : n;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;  // "]]>" may not appear in content
      case '"': out += is_attribute ? "&quot;" : "\""; break;
      case '\'': out += is_attribute ? "&apos;" : "'"; break;
      case '\t': out += is_attribute ? "&#9;" : "\t"; break;
      case '\n': out += is_attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      default: out.append(s.substr(i, n));
    }
    i += n;
  }
}

// Appends to a piece of the file, handed on to the sink after a node or
// edge once it is large, so that memory does not grow with the graph.
class GraphmlWriter {
 public:
  explicit GraphmlWriter(TextSink& sink) : piece_(sink), out_(piece_.text()) {}
  std::string& out() { return out_; }
  detail::SinkBuffer& piece() { return piece_; }

  void data(std::string_view key, std::string_view value) {
    out_.append("      <data key=\"").append(key).append("\">");
    append_escaped(out_, value);
    out_.append("</data>\n");
  }
  void int_data(std::string_view key, std::uint64_t value) {
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    data(key, std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  void bool_data(std::string_view key, bool value) {
    data(key, value ? std::string_view("true") : std::string_view("false"));
  }
  // Leaves out empty strings: an absent property reads better in every
  // consumer than an empty one, and GraphML has no null.
  void optional_data(std::string_view key, std::string_view value) {
    if (!value.empty()) data(key, value);
  }

 private:
  detail::SinkBuffer piece_;
  std::string& out_;
};

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

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

void write_event(GraphmlWriter& w, const Event& e) {
  w.data("type", e.type);
  w.optional_data("cameo", e.cameo);
  if (e.time.is_resolved()) {
    w.data("date", e.time.value);
    w.data("date_begin", format_day(*e.time.earliest));
    w.data("date_end", format_day(*e.time.latest));
  }
  w.data("granularity", to_string(e.time.granularity));
  w.data("modality", to_string(e.modality));
  w.data("outlets", join(e.outlets, ";"));
  w.int_data("mention_count", static_cast<std::uint64_t>(e.mentions.size()));
  w.int_data("conflict_count", static_cast<std::uint64_t>(e.conflicts.size()));
}

void write_entity(GraphmlWriter& w, const Entity& e) {
  w.data("kind", to_string(e.kind));
  w.optional_data("qid", e.qid);
  w.optional_data("aliases", join(e.aliases, ";"));
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
std::string_view participant_doc(const Event& e, std::string_view entity_id, const Span& span) {
  for (const MentionRecord& r : e.mentions) {
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
  std::string& out = w.out();
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out += "  <key id=\"";
    out += k.name;
    out += "\" for=\"";
    out += k.domain;
    out += "\" attr.name=\"";
    out += k.name;
    out += "\" attr.type=\"";
    out += to_string(k.type);
    out += "\"/>\n";
  }
  out += "  <graph id=\"eventgraph\" edgedefault=\"directed\">\n";

  for (auto [v, end] = vertices(g); v != end; ++v) {
    const VertexData& d = g[*v];
    out += "    <node id=\"";
    append_escaped(out, d.uid, true);
    out += "\">\n";
    std::string labels = ":";
    labels += vertex_label(d.kind);
    if (d.kind == VertexKind::actor) {
      labels += ':';
      labels += capitalized_kind(c.entities[d.index].kind);
    }
    w.data("labels", labels);
    w.data("labelV", vertex_label(d.kind));
    w.data("uid", d.uid);
    w.data("name", d.label);
    switch (d.kind) {
      case VertexKind::event: write_event(w, c.events[d.index]); break;
      case VertexKind::actor:
      case VertexKind::place: write_entity(w, c.entities[d.index]); break;
      case VertexKind::document: write_document(w, c.documents[d.index]); break;
    }
    out += "    </node>\n";
    w.piece().hand_on_if_full();
  }

  std::size_t edge_number = 0;
  for (auto [e, end] = edges(g); e != end; ++e, ++edge_number) {
    const EdgeData& d = g[*e];
    const VertexData& from = g[source(*e, g)];
    const VertexData& to = g[target(*e, g)];
    out += "    <edge id=\"e";
    out += std::to_string(edge_number);
    out += "\" source=\"";
    append_escaped(out, from.uid, true);
    out += "\" target=\"";
    append_escaped(out, to.uid, true);
    out += "\">\n";
    w.data("label", edge_label(d.kind));
    w.data("labelE", edge_label(d.kind));
    std::string_view doc;
    if (d.kind == EdgeKind::participant) {
      w.data("role", to_string(d.role));
      doc = participant_doc(c.events[from.index], to.uid, d.span);
    } else if (d.kind == EdgeKind::reported_by) {
      doc = to.uid;  // the document vertex
    }
    // A span means nothing without its document, so both or neither.
    if (!doc.empty()) {
      w.data("doc", doc);
      w.int_data("span_begin", static_cast<std::uint64_t>(d.span.begin_byte));
      w.int_data("span_end", static_cast<std::uint64_t>(d.span.end_byte));
    }
    out += "    </edge>\n";
    w.piece().hand_on_if_full();
  }
  out += "  </graph>\n</graphml>\n";
  w.piece().hand_on();
}

std::string format_graphml(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_graphml(graph, out); });
}

}  // namespace eventgraph
