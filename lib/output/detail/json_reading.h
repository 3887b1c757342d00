// Internal to output; use events_reader.h or extraction_json.h.
// Reads back the JSON pieces that json_writing.h writes. Every accessor
// names the JSON path of what it reads, so a malformed file is reported
// as `events[3].mentions[0].span: expected an array of two integers`.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace eventgraph::detail {

// Thrown by the readers below; caught at the top of each public reader and
// turned into a Diagnostic.
struct JsonShapeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A JSON value with the path that led to it.
class JsonField {
 public:
  JsonField(const rapidjson::Value& value, std::string path) : value_(value), path_(std::move(path)) {}

  const rapidjson::Value& value() const { return value_; }
  const std::string& path() const { return path_; }
  bool is_null() const { return value_.IsNull(); }

  // The member `key` of this object; throws when this is not an object or
  // the member is missing.
  JsonField operator[](std::string_view key) const;
  // The member `key`, or nullopt when it is missing or null.
  std::optional<JsonField> optional(std::string_view key) const;
  // The elements of this array; throws when this is not an array.
  std::vector<JsonField> elements() const;

  std::string string() const;
  std::size_t size() const;  // a non-negative integer
  double number() const;
  bool boolean() const;
  Span span() const;  // [begin, end] with begin <= end
  std::vector<std::string> strings() const;

  [[noreturn]] void fail(std::string_view expectation) const;

 private:
  const rapidjson::Value& value_;
  std::string path_;
};

// Enum values from their to_string spelling; throws naming the path.
Role read_role(const JsonField& f);
Modality read_modality(const JsonField& f);
EntityKind read_entity_kind(const JsonField& f);
Granularity read_granularity(const JsonField& f);
TimeMod read_time_mod(const JsonField& f);
TimeAnchor read_time_anchor(const JsonField& f);
TimexType read_timex_type(const JsonField& f);

// "YYYY-MM-DD" -> day; throws naming the path.
date::sys_days read_day(const JsonField& f);

Entity read_entity(const JsonField& f);
// The fields write_json_document_metadata writes, into `doc`.
void read_document_metadata(const JsonField& f, Document& doc);
// A mention object as write_json_mention writes it. `doc` fills
// EventMention::doc when the object has no "doc" member (extraction lines).
EventMention read_mention(const JsonField& f, std::string_view doc);

// An entry of events.json "skipped" (and of {"skipped": ...} lines):
// {"input", "line", "severity" (error when absent), "code", "message"}.
Diagnostic read_skipped(const JsonField& f);

// Parses `json` into `dom`; on a syntax error returns a Diagnostic located
// by line and column within `source`.
std::optional<Diagnostic> parse_json(rapidjson::Document& dom, std::string_view json, std::string_view source);

}  // namespace eventgraph::detail
