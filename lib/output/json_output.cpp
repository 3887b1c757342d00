// The native JSON format, events.json (schemas/eventgraph.schema.json).
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "output/output.h"

namespace eventgraph {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_document(Writer& w, const Document& doc) {
  w.StartObject();
  w.Key("id");
  write_string(w, doc.id);
  w.Key("outlet");
  write_string(w, doc.outlet);
  w.Key("url");
  write_string(w, doc.url);
  w.Key("title");
  write_string(w, doc.title);
  w.Key("published");
  if (doc.published) write_string(w, doc.published->to_iso());
  else w.Null();
  w.Key("published_inferred");
  w.Bool(doc.is_published_inferred);
  w.Key("source");
  write_string(w, doc.source);
  w.Key("bytes");
  w.Uint64(doc.text.size());
  w.EndObject();
}

void write_skipped(Writer& w, const Diagnostic& d) {
  w.StartObject();
  w.Key("input");
  write_string(w, d.file);
  w.Key("line");
  w.Uint64(d.line);
  w.Key("code");
  write_string(w, d.code);
  w.Key("message");
  write_string(w, d.message);
  w.EndObject();
}

}  // namespace

std::string format_events_json(const Corpus& corpus, std::string_view generator_version) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("generator");
  w.StartObject();
  w.Key("name");
  w.String("eventgraph");
  w.Key("version");
  write_string(w, generator_version);
  w.Key("schema_version");
  write_string(w, kSchemaVersion);
  w.EndObject();
  w.Key("documents");
  w.StartArray();
  for (const Document& doc : corpus.documents) write_document(w, doc);
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  w.EndArray();
  w.Key("events");
  w.StartArray();
  w.EndArray();
  w.Key("skipped");
  w.StartArray();
  for (const Diagnostic& d : corpus.skipped) write_skipped(w, d);
  w.EndArray();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  out += '\n';
  return out;
}

}  // namespace eventgraph
