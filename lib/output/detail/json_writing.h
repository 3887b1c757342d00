// Internal to output; use output.h or extraction_json.h.
// Pieces of JSON that several writers share, for any RapidJSON writer.
#pragma once

#include <rapidjson/prettywriter.h>

#include <string_view>

#include "core/types.h"

namespace eventgraph::detail {

template <typename Writer>
void write_json_string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

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

// Confidence with two decimals: the same bytes on every machine.
template <typename Writer>
void write_json_confidence(Writer& w, double confidence) {
  w.Double(static_cast<double>(static_cast<long>(confidence * 100 + 0.5)) / 100.0);
}

}  // namespace eventgraph::detail
