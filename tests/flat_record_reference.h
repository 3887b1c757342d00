// The reference for detail::read_flat_record, shared by the load test and
// fuzz_jsonl: a JSONL line's fields as load_jsonl reads them with
// RapidJSON.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <utility>

#include "load/detail/flat_record.h"

namespace eventgraph::testing {

// The fields of `line` parsed by RapidJSON as load_jsonl parses it;
// nothing when the line does not parse, is no object, or one of the
// fields is neither a string nor null.
inline std::optional<detail::FlatRecord> rapidjson_flat_record(const std::string& line) {
  std::string copy = line;
  rapidjson::Document dom;
  dom.ParseInsitu<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(copy.data());
  if (dom.HasParseError() || !dom.IsObject()) return std::nullopt;
  const rapidjson::Value& object = dom;
  detail::FlatRecord record;
  const std::pair<const char*, std::string*> fields[] = {
      {"id", &record.id},       {"outlet", &record.outlet}, {"url", &record.url},
      {"title", &record.title}, {"text", &record.text},     {"published", &record.published}};
  for (const auto& [name, value] : fields) {
    auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) continue;
    if (!it->value.IsString()) return std::nullopt;
    value->assign(it->value.GetString(), it->value.GetStringLength());
  }
  return record;
}

inline bool same_fields(const detail::FlatRecord& a, const detail::FlatRecord& b) {
  return a.id == b.id && a.outlet == b.outlet && a.url == b.url && a.title == b.title && a.text == b.text &&
         a.published == b.published;
}

}  // namespace eventgraph::testing
