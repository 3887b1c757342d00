// Writes one document's entities and event mentions as a JSON line.
#include "output/extraction_json.h"

#include <rapidjson/stringbuffer.h>

#include "output/detail/json_writing.h"
#include <rapidjson/writer.h>

#include <algorithm>

namespace eventgraph {
namespace {

using detail::write_json_confidence;
using detail::write_json_entity;
using detail::write_json_span;
using detail::write_json_string;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

const Entity* find_entity(const std::vector<Entity>& entities, std::string_view id) {
  auto it = std::lower_bound(entities.begin(), entities.end(), id,
                             [](const Entity& e, std::string_view key) { return e.id < key; });
  return it != entities.end() && it->id == id ? &*it : nullptr;
}

void write_entity_ref(Writer& w, const std::vector<Entity>& entities, std::string_view id) {
  w.Key("entity");
  write_json_string(w, id);
  w.Key("name");
  const Entity* e = find_entity(entities, id);
  write_json_string(w, e ? std::string_view(e->name) : id);
}

void write_time(Writer& w, const TimeValue& t, const std::optional<Span>& span, std::string_view text) {
  w.StartObject();
  w.Key("value");
  write_json_string(w, t.value);
  w.Key("type");
  write_json_string(w, to_string(t.type));
  w.Key("date_range");
  if (t.is_resolved()) {
    w.StartArray();
    write_json_string(w, format_day(*t.earliest));
    write_json_string(w, format_day(*t.latest));
    w.EndArray();
  } else {
    w.Null();
  }
  w.Key("granularity");
  write_json_string(w, to_string(t.granularity));
  w.Key("mod");
  write_json_string(w, to_string(t.mod));
  w.Key("anchor");
  write_json_string(w, to_string(t.anchor));
  w.Key("span");
  if (span) write_json_span(w, *span);
  else w.Null();
  w.Key("text");
  if (span) write_json_string(w, text.substr(span->begin_byte, span->size()));
  else w.Null();
  w.EndObject();
}

}  // namespace

std::string format_extraction_json(const Document& doc, const DocumentExtraction& x) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("doc");
  write_json_string(w, doc.id);
  w.Key("outlet");
  write_json_string(w, doc.outlet);
  w.Key("published");
  if (doc.published) write_json_string(w, doc.published->to_iso());
  else w.Null();
  w.Key("published_inferred");
  w.Bool(doc.is_published_inferred);
  w.Key("entities");
  w.StartArray();
  for (const Entity& e : x.entities) write_json_entity(w, e);
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  for (const EventMention& m : x.events) {
    w.StartObject();
    w.Key("type");
    write_json_string(w, m.type);
    w.Key("cameo");
    write_json_string(w, m.cameo);
    w.Key("sentence");
    w.Uint64(m.sentence);
    w.Key("span");
    write_json_span(w, m.trigger);
    w.Key("text");
    write_json_string(w, m.trigger_text);
    w.Key("time");
    write_time(w, m.time, m.time_span, doc.text);
    w.Key("actors");
    w.StartArray();
    for (const ActorRole& a : m.actors) {
      w.StartObject();
      write_entity_ref(w, x.entities, a.entity_id);
      w.Key("role");
      write_json_string(w, to_string(a.role));
      w.Key("span");
      write_json_span(w, a.span);
      w.EndObject();
    }
    w.EndArray();
    w.Key("place");
    if (m.place_id) {
      w.StartObject();
      write_entity_ref(w, x.entities, *m.place_id);
      w.Key("span");
      write_json_span(w, *m.place_span);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("quote");
    if (m.quote) write_json_string(w, *m.quote);
    else w.Null();
    w.Key("quote_span");
    if (m.quote_span) write_json_span(w, *m.quote_span);
    else w.Null();
    w.Key("modality");
    write_json_string(w, to_string(m.modality));
    w.Key("confidence");
    write_json_confidence(w, m.confidence);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eventgraph
