// Internal to output; use output.h or extraction_json.h.
// Pieces of JSON that several writers share, for any RapidJSON writer and
// for PrettyJsonWriter.
#pragma once

#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "output/detail/decimal.h"
#include "output/detail/pretty_json.h"
#include "output/detail/utf8.h"
#include "output/output.h"

namespace eventgraph::detail {

// A JSON string of `s`; invalid UTF-8 (from manifest or JSONL metadata,
// which only the article text is repaired of) becomes U+FFFD, so that the
// file stays JSON (RFC 8259 requires UTF-8; Python's json rejects it).
template <typename Writer>
void write_json_string(Writer& w, std::string_view s) {
  if (is_valid_utf8(s)) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  } else {
    std::string repaired = repair_utf8(s);
    w.String(repaired.data(), static_cast<rapidjson::SizeType>(repaired.size()));
  }
}

// The same bytes, repaired as they are written.
inline void write_json_string(PrettyJsonWriter& w, std::string_view s) { w.Text(s); }

// [begin, end], on one line even in pretty output.
template <typename Writer>
void write_json_span(Writer& w, const Span& span) {
  constexpr bool is_pretty = requires { w.SetFormatOptions(rapidjson::kFormatSingleLineArray); };
  if constexpr (is_pretty) w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartArray();
  w.Uint64(span.begin_byte);
  w.Uint64(span.end_byte);
  w.EndArray();
  if constexpr (is_pretty) w.SetFormatOptions(rapidjson::kFormatDefault);
}

// {"id", "kind", "name", "aliases", "qid"?}: the entity form of events.json
// and of extraction lines.
template <typename Writer>
void write_json_entity(Writer& w, const Entity& e) {
  w.StartObject();
  w.Key("id");
  write_json_string(w, e.id);
  w.Key("kind");
  write_json_string(w, to_string(e.kind));
  w.Key("name");
  write_json_string(w, e.name);
  w.Key("aliases");
  w.StartArray();
  for (const std::string& a : e.aliases) write_json_string(w, a);
  w.EndArray();
  if (!e.qid.empty()) {
    w.Key("qid");
    write_json_string(w, e.qid);
  }
  w.EndObject();
}

// A document's metadata after its id: "outlet", "url", "title",
// "published", "published_inferred", "source". Shared by events.json
// ("id") and extraction lines ("doc"), which name the id differently.
template <typename Writer>
void write_json_document_metadata(Writer& w, const Document& doc) {
  w.Key("outlet");
  write_json_string(w, doc.outlet);
  w.Key("url");
  write_json_string(w, doc.url);
  w.Key("title");
  write_json_string(w, doc.title);
  w.Key("published");
  if (doc.published) write_json_string(w, doc.published->to_iso());
  else w.Null();
  w.Key("published_inferred");
  w.Bool(doc.is_published_inferred);
  w.Key("source");
  write_json_string(w, doc.source);
}

// Confidence with two decimals: the same bytes on every machine.
template <typename Writer>
void write_json_confidence(Writer& w, double confidence) {
  w.Double(static_cast<double>(static_cast<long>(confidence * 100 + 0.5)) / 100.0);
}

template <typename Writer>
void write_json_entity_ref(Writer& w, const std::vector<Entity>& entities, std::string_view id) {
  w.Key("entity");
  write_json_string(w, id);
  w.Key("name");
  const Entity* e = find_entity(entities, id);
  write_json_string(w, e ? std::string_view(e->name) : id);
}

template <typename Writer>
void write_json_time(Writer& w, const TimeValue& t, const std::optional<Span>& span,
                     std::string_view span_text) {
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
  if (span) write_json_string(w, span_text);
  else w.Null();
  w.EndObject();
}

// One event mention, as in extraction lines and in events.json (there with
// its document and outlet first).
template <typename Writer>
void write_json_mention(Writer& w, const EventMention& m, const std::vector<Entity>& entities,
                        const std::string* outlet) {
  w.StartObject();
  if (outlet) {
    w.Key("doc");
    write_json_string(w, m.doc);
    w.Key("outlet");
    write_json_string(w, *outlet);
  }
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
  write_json_time(w, m.time, m.time_span, m.time_text);
  w.Key("actors");
  w.StartArray();
  for (const ActorRole& a : m.actors) {
    w.StartObject();
    write_json_entity_ref(w, entities, a.entity_id);
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
    write_json_entity_ref(w, entities, *m.place_id);
    w.Key("span");
    if (m.place_span) write_json_span(w, *m.place_span);
    else w.Null();
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

}  // namespace eventgraph::detail
