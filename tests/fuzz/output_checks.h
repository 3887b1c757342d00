// Shared by fuzz_output and fuzz_extract: every writer of lib/output runs
// on a graph, and each output must parse back in a strict reader, with the
// names, labels, quotes, outlets and ids in it coming back as they went in.
// Fails (aborts) on the first problem.
#pragma once

#include <graphviz/cgraph.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "../dot_reference.h"
#include "fuzz_support.h"
#include "graph/graph.h"
#include "output/csv.h"
#include "output/dot.h"
#include "output/extraction_json.h"
#include "output/graphml.h"
#include "output/jsonld.h"
#include "output/output.h"
#include "output/timelinejs.h"

namespace fuzz {

using namespace eventgraph;

// Parses `json` as strict JSON (valid UTF-8 included), iteratively so that
// depth costs no stack; fails with the reason.
inline void parse_json(rapidjson::Document& dom, std::string_view json, const char* what) {
  dom.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(json.data(),
                                                                                     json.size());
  if (dom.HasParseError()) {
    fail(std::string(what) + " does not parse: " + rapidjson::GetParseError_En(dom.GetParseError()) +
         " at byte " + std::to_string(dom.GetErrorOffset()));
  }
}

// Every string value (not key) in a JSON value.
inline void collect_strings(const rapidjson::Value& v, std::multiset<std::string>& out) {
  if (v.IsString()) {
    out.emplace(v.GetString(), v.GetStringLength());
  } else if (v.IsArray()) {
    for (const auto& item : v.GetArray()) collect_strings(item, out);
  } else if (v.IsObject()) {
    for (const auto& member : v.GetObject()) collect_strings(member.value, out);
  }
}

// A string that every writer must give back byte for byte: valid UTF-8
// without control characters (writers may replace those, each its own way).
inline bool is_plain(std::string_view s) {
  if (!is_valid_utf8(s)) return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) return false;
  }
  // U+FFFE and U+FFFF are not XML characters (GraphML replaces them).
  return s.find("\xEF\xBF\xBE") == std::string_view::npos && s.find("\xEF\xBF\xBF") == std::string_view::npos;
}

// The strings of the corpus a reader must find in each format.
struct Expected {
  std::vector<std::string> names;   // entity names
  std::vector<std::string> labels;  // event labels
  std::vector<std::string> quotes;  // mention quotes
  std::vector<std::string> titles;  // document titles
};

inline Expected expected_strings(const MergedCorpus& c) {
  Expected x;
  for (const Entity& e : c.entities) x.names.push_back(e.name);
  for (const Event& e : c.events) {
    x.labels.push_back(e.label);
    for (const MentionRecord& r : e.mentions) {
      if (r.mention.quote) x.quotes.push_back(*r.mention.quote);
    }
  }
  for (const Document& d : c.documents) x.titles.push_back(d.title);
  return x;
}

inline void require_all(const std::multiset<std::string>& found, const std::vector<std::string>& wanted,
                        const char* format, const char* what) {
  for (const std::string& s : wanted) {
    if (s.empty() || !is_plain(s)) continue;
    FUZZ_CHECK(found.count(s) > 0, std::string(format) + ": " + what + " \"" + s + "\" did not round-trip");
  }
}

inline void check_events_json(const EventGraph& g, const std::vector<eventgraph::Diagnostic>& skipped) {
  std::string json = eventgraph::format_events_json(g, skipped, "fuzz");
  rapidjson::Document dom;
  parse_json(dom, json, "events.json");
  FUZZ_CHECK(dom.IsObject() && dom["documents"].IsArray() && dom["entities"].IsArray() &&
                 dom["events"].IsArray() && dom["skipped"].IsArray(),
             "events.json: missing arrays");
  FUZZ_CHECK(dom["documents"].Size() == g.corpus.documents.size(), "events.json: documents");
  FUZZ_CHECK(dom["entities"].Size() == g.corpus.entities.size(), "events.json: entities");
  FUZZ_CHECK(dom["events"].Size() == g.corpus.events.size(), "events.json: events");
  FUZZ_CHECK(dom["skipped"].Size() == skipped.size(), "events.json: skipped");
  for (rapidjson::SizeType i = 0; i < dom["documents"].Size(); ++i) {
    const Document& d = g.corpus.documents[i];
    const auto& parsed = dom["documents"][i];
    for (auto [key, value] : {std::pair{"id", &d.id}, {"outlet", &d.outlet}, {"title", &d.title}}) {
      if (!is_valid_utf8(*value) || !parsed.HasMember(key) || !parsed[key].IsString()) continue;
      FUZZ_CHECK(std::string_view(parsed[key].GetString(), parsed[key].GetStringLength()) == *value,
                 std::string("events.json: document ") + key + " changed");
    }
  }
  std::multiset<std::string> found;
  collect_strings(dom, found);
  Expected x = expected_strings(g.corpus);
  require_all(found, x.names, "events.json", "entity name");
  require_all(found, x.labels, "events.json", "event label");
  require_all(found, x.quotes, "events.json", "quote");
  for (const auto& d : skipped) require_all(found, {d.file, d.message}, "events.json", "skipped input");
}

inline void check_extraction_json(const Document& doc, const eventgraph::DocumentExtraction& x) {
  std::string line = eventgraph::format_extraction_json(doc, x);
  FUZZ_CHECK(line.find('\n') == std::string::npos, "extraction line: holds a line break");
  rapidjson::Document dom;
  parse_json(dom, line, "extraction line");
  FUZZ_CHECK(dom.IsObject() && dom["mentions"].IsArray() && dom["entities"].IsArray(),
             "extraction line: missing arrays");
  FUZZ_CHECK(dom["mentions"].Size() == x.events.size(), "extraction line: mentions");
  FUZZ_CHECK(dom["entities"].Size() == x.entities.size(), "extraction line: entities");
  if (is_valid_utf8(doc.id)) {
    FUZZ_CHECK(std::string_view(dom["doc"].GetString(), dom["doc"].GetStringLength()) == doc.id,
               "extraction line: doc id changed");
  }
  std::multiset<std::string> found;
  collect_strings(dom, found);
  std::vector<std::string> names, quotes;
  for (const Entity& e : x.entities) names.push_back(e.name);
  for (const EventMention& m : x.events) {
    if (m.quote) quotes.push_back(*m.quote);
  }
  require_all(found, names, "extraction line", "entity name");
  require_all(found, quotes, "extraction line", "quote");
}

inline void check_jsonld(const EventGraph& g) {
  std::string text = eventgraph::format_jsonld(g);
  rapidjson::Document dom;
  parse_json(dom, text, "events.jsonld");
  FUZZ_CHECK(dom.IsObject() && dom.HasMember("@context") && dom.HasMember("@graph") && dom["@graph"].IsArray(),
             "events.jsonld: no @context or @graph");
  for (const auto& node : dom["@graph"].GetArray()) {
    FUZZ_CHECK(node.IsObject() && node.HasMember("id") && node["id"].IsString(), "events.jsonld: a node without id");
    // An IRI: no spaces, quotes, angle brackets or controls (percent-encoded).
    std::string_view iri(node["id"].GetString(), node["id"].GetStringLength());
    for (unsigned char c : iri) {
      FUZZ_CHECK(c > 0x20 && c != '"' && c != '<' && c != '>' && c != '\\' && c != 0x7F,
                 "events.jsonld: IRI not encoded: " + std::string(iri));
    }
  }
  std::multiset<std::string> found;
  collect_strings(dom, found);
  Expected x = expected_strings(g.corpus);
  require_all(found, x.names, "events.jsonld", "entity name");
  require_all(found, x.labels, "events.jsonld", "event label");
  require_all(found, x.quotes, "events.jsonld", "quote");
  require_all(found, x.titles, "events.jsonld", "title");
}

inline void check_graphml(const EventGraph& g) {
  std::string xml = eventgraph::format_graphml(g);
  XmlElement root = XmlReader(xml).document();
  FUZZ_CHECK(root.name == "graphml" && !root.children.empty() && root.children.back().name == "graph",
             "GraphML: no graph");
  std::set<std::string> node_ids;
  std::multiset<std::string> names;
  std::size_t nodes = 0, edges = 0;
  for (const XmlElement& item : root.children.back().children) {
    if (item.name == "node") {
      ++nodes;
      FUZZ_CHECK(item.attributes.count("id"), "GraphML: node without id");
      node_ids.insert(item.attributes.at("id"));
      for (const XmlElement& d : item.children) {
        if (d.attributes.count("key") && d.attributes.at("key") == "name") names.insert(d.text);
      }
    } else if (item.name == "edge") {
      ++edges;
      FUZZ_CHECK(node_ids.count(item.attributes.at("source")) && node_ids.count(item.attributes.at("target")),
                 "GraphML: edge to an unknown node");
    }
  }
  FUZZ_CHECK(nodes == boost::num_vertices(g.graph), "GraphML: nodes");
  FUZZ_CHECK(edges == boost::num_edges(g.graph), "GraphML: edges");
  Expected x = expected_strings(g.corpus);
  require_all(names, x.names, "GraphML", "entity name");
  require_all(names, x.labels, "GraphML", "event label");
  require_all(names, x.titles, "GraphML", "title");
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

inline void check_dot(const EventGraph& g) {
  // cgraph 2.43 mis-reads an escaped quote in the first graph a process
  // parses; a first, trivial parse sets its lexer up (as in output_test).
  static bool is_warm = [] {
    agclose(agmemread("digraph { a [label=\"\\\"\"] }"));
    return true;
  }();
  (void)is_warm;
  std::string dot = eventgraph::format_dot(g);
  FUZZ_CHECK(dot == eventgraph::testing::format_dot_with_cgraph(g), "DOT: not the bytes of cgraph's agwrite");
  FUZZ_CHECK(is_valid_utf8(dot), "DOT: not valid UTF-8");
  FUZZ_CHECK(dot.find('\0') == std::string::npos, "DOT: NUL byte");
  std::unique_ptr<Agraph_t, GraphCloser> parsed(agmemread(dot.c_str()));
  FUZZ_CHECK(parsed != nullptr, "DOT: cgraph cannot read it back");
  // Every entity an event involves is drawn, under its id, labelled with
  // its name; the label renders as the name.
  std::set<std::string> involved;
  for (const Event& e : g.corpus.events) {
    for (const auto& a : e.actors) involved.insert(a.entity_id);
    if (e.place_id) involved.insert(*e.place_id);
  }
  for (const Entity& e : g.corpus.entities) {
    // format_dot names a node by its id unless the id is empty or holds a
    // backslash or a control character ("vertex~2" then).
    bool is_named_by_id = !e.id.empty() && is_valid_utf8(e.id) &&
                          std::none_of(e.id.begin(), e.id.end(), [](char ch) {
                            return ch == '\\' || static_cast<unsigned char>(ch) < 0x20;
                          });
    if (!involved.count(e.id) || !is_named_by_id) continue;
    Agnode_t* n = agnode(parsed.get(), const_cast<char*>(e.id.c_str()), 0);
    FUZZ_CHECK(n != nullptr, "DOT: no node \"" + e.id + "\"");
    const char* label = agget(n, const_cast<char*>("label"));
    FUZZ_CHECK(label != nullptr, "DOT: node \"" + e.id + "\" has no label");
    FUZZ_CHECK(label == eventgraph::escape_dot_label(e.name),
               "DOT: label of \"" + e.id + "\" changed: \"" + label + "\"");
    if (is_plain(e.name)) {
      FUZZ_CHECK(render_dot_label(label) == e.name, "DOT: label of \"" + e.id + "\" renders as \"" +
                                                        render_dot_label(label) + "\"");
    }
  }
}

// A cell as written by the CSV writer's formula guard undone; NULs dropped.
inline std::string csv_expected(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\0') out += c;
  }
  return out;
}
inline std::string unguard(const std::string& cell) {
  FUZZ_CHECK(cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos,
             "CSV: a text cell starts like a formula: " + cell);
  return !cell.empty() && cell[0] == '\'' ? cell.substr(1) : cell;
}

inline void check_csv(const EventGraph& g) {
  std::string events_text = eventgraph::format_events_csv(g);
  FUZZ_CHECK(is_valid_utf8(events_text), "events.csv: not valid UTF-8");
  auto events = read_csv(events_text);
  FUZZ_CHECK(events.size() == g.corpus.events.size() + 1, "events.csv: rows");
  FUZZ_CHECK(events[0].size() == 16, "events.csv: columns");
  for (std::size_t i = 0; i < g.corpus.events.size(); ++i) {
    const Event& e = g.corpus.events[i];
    if (is_valid_utf8(e.label)) {
      FUZZ_CHECK(unguard(events[i + 1][3]) == csv_expected(e.label), "events.csv: label changed");
    }
  }
  std::string mentions_text = eventgraph::format_mentions_csv(g);
  FUZZ_CHECK(is_valid_utf8(mentions_text), "mentions.csv: not valid UTF-8");
  auto mentions = read_csv(mentions_text);
  FUZZ_CHECK(mentions[0].size() == 12, "mentions.csv: columns");
  std::size_t row = 1;
  for (const Event& e : g.corpus.events) {
    for (const MentionRecord& r : e.mentions) {
      FUZZ_CHECK(row < mentions.size(), "mentions.csv: rows");
      const std::string quote = r.mention.quote ? *r.mention.quote : "";
      if (is_valid_utf8(quote)) {
        FUZZ_CHECK(unguard(mentions[row][11]) == csv_expected(quote), "mentions.csv: quote changed");
      }
      ++row;
    }
  }
  FUZZ_CHECK(row == mentions.size(), "mentions.csv: rows");
}

// timeline.json: valid JSON, one slide per dated event, and every headline
// HTML-escaped (no raw markup) and, unescaped, the event's label.
inline std::string unescape_html(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [entity, ch] : kEntities) {
      if (s.substr(i, entity.size()) == entity) {
        out += ch;
        i += entity.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

inline void check_timelinejs(const EventGraph& g) {
  std::string text = eventgraph::format_timelinejs(g);
  rapidjson::Document dom;
  parse_json(dom, text, "timeline.json");
  FUZZ_CHECK(dom.IsObject() && dom.HasMember("events") && dom["events"].IsArray(), "timeline.json: no events");
  std::size_t dated = 0;
  for (const eventgraph::Event& e : g.corpus.events) dated += e.time.is_resolved() ? 1 : 0;
  FUZZ_CHECK(dom["events"].Size() == dated, "timeline.json: not one slide per dated event");
  for (const auto& slide : dom["events"].GetArray()) {
    FUZZ_CHECK(slide.IsObject() && slide.HasMember("start_date") && slide["start_date"].HasMember("year") &&
                   slide["start_date"]["year"].IsInt(),
               "timeline.json: a slide without a numeric start year");
    FUZZ_CHECK(slide.HasMember("text") && slide["text"].HasMember("headline") &&
                   slide["text"]["headline"].IsString() && slide.HasMember("unique_id"),
               "timeline.json: a slide without headline or id");
    std::string_view headline(slide["text"]["headline"].GetString(), slide["text"]["headline"].GetStringLength());
    FUZZ_CHECK(headline.find('<') == std::string_view::npos && headline.find('>') == std::string_view::npos,
               "timeline.json: markup in a headline: " + std::string(headline));
    std::string id(slide["unique_id"].GetString(), slide["unique_id"].GetStringLength());
    for (const eventgraph::Event& e : g.corpus.events) {
      if (e.id == id && is_valid_utf8(e.label)) {
        FUZZ_CHECK(unescape_html(headline) == e.label, "timeline.json: headline is not the label: " + id);
      }
    }
  }
}

// Every format of `eventgraph build`.
inline void check_outputs(const EventGraph& g, const std::vector<eventgraph::Diagnostic>& skipped) {
  check_events_json(g, skipped);
  check_jsonld(g);
  check_graphml(g);
  check_dot(g);
  check_csv(g);
  check_timelinejs(g);
}

}  // namespace fuzz
