// The native JSON format, events.json (schemas/eventgraph.schema.json).
#include <algorithm>


#include "output/detail/json_writing.h"

#include "output/output.h"

namespace eventgraph {
namespace {

using detail::write_json_entity;
using detail::write_json_span;
using detail::write_json_string;
using Writer = detail::PrettyJsonWriter;

void write_document(Writer& w, const Document& doc) {
  w.StartObject();
  w.Key("id");
  write_json_string(w, doc.id);
  detail::write_json_document_metadata(w, doc);
  w.Key("bytes");
  w.Uint64(text_bytes(doc));
  w.EndObject();
}

void write_entity_ref(Writer& w, const MergedCorpus& c, const std::string& id) {
  w.Key("entity");
  write_json_string(w, id);
  w.Key("name");
  const Entity* e = find_entity(c, id);
  write_json_string(w, e ? e->name : id);
}

void write_event(Writer& w, const MergedCorpus& c, const Event& e, const std::vector<MentionRecord>& mentions) {
  w.StartObject();
  w.Key("id");
  write_json_string(w, e.id);
  w.Key("type");
  write_json_string(w, e.type);
  w.Key("cameo");
  write_json_string(w, e.cameo);
  w.Key("label");
  write_json_string(w, e.label);
  w.Key("date");
  if (e.time.is_resolved()) write_json_string(w, e.time.value);
  else w.Null();
  w.Key("date_range");
  if (e.time.is_resolved()) {
    w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    w.StartArray();
    write_json_string(w, format_day(*e.time.earliest));
    write_json_string(w, format_day(*e.time.latest));
    w.EndArray();
    w.SetFormatOptions(rapidjson::kFormatDefault);
  } else {
    w.Null();
  }
  w.Key("granularity");
  write_json_string(w, to_string(e.time.granularity));
  w.Key("modality");
  write_json_string(w, to_string(e.modality));
  w.Key("actors");
  w.StartArray();
  for (const ActorRole& a : e.actors) {
    w.StartObject();
    write_entity_ref(w, c, a.entity_id);
    w.Key("role");
    write_json_string(w, to_string(a.role));
    w.EndObject();
  }
  w.EndArray();
  w.Key("place");
  if (e.place_id) {
    w.StartObject();
    write_entity_ref(w, c, *e.place_id);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("outlets");
  w.StartArray();
  for (const std::string& o : e.outlets) write_json_string(w, o);
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  for (const MentionRecord& r : mentions) {
    detail::write_json_mention(w, r.mention, c.entities, &r.outlet);
  }
  w.EndArray();
  w.Key("conflicts");
  w.StartArray();
  for (const Conflict& conflict : e.conflicts) {
    w.StartObject();
    w.Key("field");
    write_json_string(w, conflict.field);
    w.Key("values");
    w.StartArray();
    for (const Conflict::Value& v : conflict.values) {
      w.StartObject();
      w.Key("value");
      write_json_string(w, v.value);
      w.Key("docs");
      w.StartArray();
      for (const std::string& d : v.docs) write_json_string(w, d);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void write_skipped(Writer& w, const Diagnostic& d) {
  w.StartObject();
  w.Key("input");
  write_json_string(w, d.file);
  w.Key("line");
  w.Uint64(d.line);
  w.Key("severity");
  w.String(d.severity == Severity::error ? "error" : "warning");
  w.Key("code");
  write_json_string(w, d.code);
  w.Key("message");
  write_json_string(w, d.message);
  w.EndObject();
}

}  // namespace

void write_events_json(const EventGraph& graph, const std::vector<Diagnostic>& skipped,
                       std::string_view generator_version,
                       const std::vector<std::pair<std::string, std::size_t>>& limits, TextSink& out) {
  const MergedCorpus& c = graph.corpus;
  Writer w(out);
  w.StartObject();
  w.Key("generator");
  w.StartObject();
  w.Key("name");
  w.String("eventgraph");
  w.Key("version");
  write_json_string(w, generator_version);
  w.Key("schema_version");
  write_json_string(w, kSchemaVersion);
  w.EndObject();
  w.Key("documents");
  w.StartArray();
  for (const Document& doc : c.documents) write_document(w, doc);
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  for (const Entity& e : c.entities) write_json_entity(w, e);
  w.EndArray();
  w.Key("events");
  w.StartArray();
  std::vector<MentionRecord> scratch;
  for (const Event& e : c.events) write_event(w, c, e, graph.mentions_of(e, scratch));
  w.EndArray();
  w.Key("skipped");
  w.StartArray();
  for (const Diagnostic& d : skipped) write_skipped(w, d);
  w.EndArray();
  if (!limits.empty()) {
    w.Key("limits");
    w.StartObject();
    for (const auto& [name, value] : limits) {
      w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      w.Uint64(value);
    }
    w.EndObject();
  }
  w.EndObject();
  w.finish();
}

std::string format_events_json(const EventGraph& graph, const std::vector<Diagnostic>& skipped,
                               std::string_view generator_version,
                               const std::vector<std::pair<std::string, std::size_t>>& limits) {
  return collect_output(
      [&](TextSink& out) { write_events_json(graph, skipped, generator_version, limits, out); });
}

}  // namespace eventgraph
