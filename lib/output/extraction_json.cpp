// Writes and reads one document's entities and event mentions as a JSON line.
#include "output/extraction_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "output/detail/json_reading.h"
#include "output/detail/json_writing.h"

namespace eventgraph {
namespace {

using detail::JsonField;
using detail::write_json_entity;
using detail::write_json_span;
using detail::write_json_string;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string to_std_string(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

std::string format_extraction_json(const Document& doc, const DocumentExtraction& x) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("doc");
  write_json_string(w, doc.id);
  detail::write_json_document_metadata(w, doc);
  w.Key("entities");
  w.StartArray();
  for (const Entity& e : x.entities) write_json_entity(w, e);
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  for (const EventMention& m : x.events) detail::write_json_mention(w, m, x.entities, nullptr);
  w.EndArray();
  w.Key("affiliations");
  w.StartArray();
  for (const Affiliation& a : x.affiliations) {
    w.StartObject();
    w.Key("person");
    write_json_string(w, a.person_id);
    w.Key("of");
    write_json_string(w, a.of);
    w.Key("title");
    write_json_string(w, a.title);
    w.Key("span");
    write_json_span(w, a.evidence);
    w.EndObject();
  }
  w.EndArray();
  w.Key("text");
  write_json_string(w, doc.text);
  w.EndObject();
  return to_std_string(buffer);
}

std::string format_skipped_json(const Diagnostic& d) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("skipped");
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
  w.EndObject();
  return to_std_string(buffer);
}

ExtractionRead read_extraction_json(std::string_view line, std::string_view source,
                                    std::size_t line_number) {
  ExtractionRead read;
  rapidjson::Document dom;
  if (auto error = detail::parse_json(dom, line, source)) {
    error->line += line_number - 1;
    read.error = std::move(error);
    return read;
  }
  try {
    JsonField root(dom, "$");
    if (auto skipped = root.optional("skipped")) {
      read.skipped = detail::read_skipped(*skipped);
      return read;
    }
    Document doc;
    doc.id = root["doc"].string();
    detail::read_document_metadata(root, doc);
    doc.text = root["text"].string();
    DocumentExtraction& x = read.extraction;
    x.doc = doc.id;
    for (const JsonField& e : root["entities"].elements()) x.entities.push_back(detail::read_entity(e));
    for (const JsonField& m : root["mentions"].elements()) {
      x.events.push_back(detail::read_mention(m, doc.id));
      // The writers quote the text at these spans.
      const EventMention& mention = x.events.back();
      bool inside = mention.trigger.end_byte <= doc.text.size() &&
                    (!mention.time_span || mention.time_span->end_byte <= doc.text.size()) &&
                    (!mention.quote_span || mention.quote_span->end_byte <= doc.text.size()) &&
                    (!mention.place_span || mention.place_span->end_byte <= doc.text.size());
      for (const ActorRole& a : mention.actors) inside = inside && a.span.end_byte <= doc.text.size();
      if (!inside) throw detail::JsonShapeError(m.path() + ": a span ends beyond the document text");
    }
    for (const JsonField& a : root["affiliations"].elements()) {
      x.affiliations.push_back({a["person"].string(), a["of"].string(), a["title"].string(), a["span"].span()});
    }
    read.document = std::move(doc);
  } catch (const detail::JsonShapeError& e) {
    read.error = Diagnostic{Severity::error, std::string(source), line_number, 0, "invalid-extraction-line",
                            std::string("not an `eventgraph extract` line: ") + e.what()};
  }
  return read;
}

}  // namespace eventgraph
