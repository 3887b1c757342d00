// Writes one document's entities and event mentions as a JSON line.
#include "output/extraction_json.h"

#include <rapidjson/stringbuffer.h>

#include "output/detail/json_writing.h"
#include <rapidjson/writer.h>


namespace eventgraph {
namespace {

using detail::write_json_entity;
using detail::write_json_span;
using detail::write_json_string;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

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
  for (const EventMention& m : x.events) detail::write_json_mention(w, m, x.entities, doc.text, nullptr);
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace eventgraph
