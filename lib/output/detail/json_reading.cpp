// Reading back the JSON that the writers produce.
#include "output/detail/json_reading.h"

#include <rapidjson/error/en.h>

#include <charconv>

namespace eventgraph::detail {
namespace {

std::string_view kind_name(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "a value";
}

// The enum value whose to_string is the field's string.
template <typename Enum, std::size_t N>
Enum read_enum(const JsonField& f, const Enum (&values)[N]) {
  std::string s = f.string();
  for (Enum e : values) {
    if (to_string(e) == s) return e;
  }
  std::string expected;
  for (Enum e : values) {
    if (!expected.empty()) expected += ", ";
    expected += '"' + std::string(to_string(e)) + '"';
  }
  f.fail("one of " + expected);
}

}  // namespace

void JsonField::fail(std::string_view expectation) const {
  throw JsonShapeError(path_ + ": expected " + std::string(expectation) + ", found " +
                       std::string(kind_name(value_)));
}

JsonField JsonField::operator[](std::string_view key) const {
  if (!value_.IsObject()) fail("an object");
  auto it = value_.FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
  if (it == value_.MemberEnd()) {
    throw JsonShapeError(path_ + ": missing member \"" + std::string(key) + "\"");
  }
  return JsonField(it->value, path_ + "." + std::string(key));
}

std::optional<JsonField> JsonField::optional(std::string_view key) const {
  if (!value_.IsObject()) fail("an object");
  auto it = value_.FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
  if (it == value_.MemberEnd() || it->value.IsNull()) return std::nullopt;
  return JsonField(it->value, path_ + "." + std::string(key));
}

std::vector<JsonField> JsonField::elements() const {
  if (!value_.IsArray()) fail("an array");
  std::vector<JsonField> out;
  out.reserve(value_.Size());
  for (rapidjson::SizeType i = 0; i < value_.Size(); ++i) {
    out.emplace_back(value_[i], path_ + "[" + std::to_string(i) + "]");
  }
  return out;
}

std::string JsonField::string() const {
  if (!value_.IsString()) fail("a string");
  return std::string(value_.GetString(), value_.GetStringLength());
}

std::size_t JsonField::size() const {
  if (!value_.IsUint64()) fail("a non-negative integer");
  return static_cast<std::size_t>(value_.GetUint64());
}

double JsonField::number() const {
  if (!value_.IsNumber()) fail("a number");
  return value_.GetDouble();
}

bool JsonField::boolean() const {
  if (!value_.IsBool()) fail("true or false");
  return value_.GetBool();
}

Span JsonField::span() const {
  std::vector<JsonField> bounds = elements();
  if (bounds.size() != 2) fail("an array of two integers [begin, end]");
  Span s{bounds[0].size(), bounds[1].size()};
  if (s.end_byte < s.begin_byte) throw JsonShapeError(path_ + ": the span ends before it begins");
  return s;
}

std::vector<std::string> JsonField::strings() const {
  std::vector<std::string> out;
  for (const JsonField& e : elements()) out.push_back(e.string());
  return out;
}

Role read_role(const JsonField& f) {
  static constexpr Role kValues[] = {Role::agent, Role::patient, Role::recipient, Role::participant};
  return read_enum(f, kValues);
}

Modality read_modality(const JsonField& f) {
  static constexpr Modality kValues[] = {Modality::asserted, Modality::planned,
                                         Modality::future,   Modality::negated,
                                         Modality::hypothetical, Modality::reported};
  return read_enum(f, kValues);
}

EntityKind read_entity_kind(const JsonField& f) {
  static constexpr EntityKind kValues[] = {EntityKind::person, EntityKind::organization,
                                           EntityKind::country, EntityKind::group, EntityKind::place};
  return read_enum(f, kValues);
}

Granularity read_granularity(const JsonField& f) {
  static constexpr Granularity kValues[] = {
      Granularity::unknown, Granularity::day,  Granularity::week, Granularity::month,
      Granularity::season,  Granularity::quarter, Granularity::half, Granularity::year,
      Granularity::decade,  Granularity::century};
  return read_enum(f, kValues);
}

TimeMod read_time_mod(const JsonField& f) {
  static constexpr TimeMod kValues[] = {
      TimeMod::none,    TimeMod::start,        TimeMod::mid,         TimeMod::end,
      TimeMod::approx,  TimeMod::before,       TimeMod::after,       TimeMod::on_or_before,
      TimeMod::on_or_after, TimeMod::less_than, TimeMod::more_than, TimeMod::equal_or_less,
      TimeMod::equal_or_more};
  return read_enum(f, kValues);
}

TimeAnchor read_time_anchor(const JsonField& f) {
  static constexpr TimeAnchor kValues[] = {TimeAnchor::explicit_date, TimeAnchor::publication_relative,
                                           TimeAnchor::context_relative, TimeAnchor::inherited,
                                           TimeAnchor::unknown};
  return read_enum(f, kValues);
}

TimexType read_timex_type(const JsonField& f) {
  static constexpr TimexType kValues[] = {TimexType::date, TimexType::time, TimexType::duration,
                                          TimexType::set};
  return read_enum(f, kValues);
}

date::sys_days read_day(const JsonField& f) {
  std::string s = f.string();
  int y = 0;
  unsigned m = 0, d = 0;
  auto digits = [&](std::size_t from, std::size_t n, auto& out) {
    auto [end, ec] = std::from_chars(s.data() + from, s.data() + from + n, out);
    return ec == std::errc() && end == s.data() + from + n;
  };
  bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4, y) && digits(5, 2, m) &&
                digits(8, 2, d);
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!shaped || !ymd.ok()) f.fail("a date \"YYYY-MM-DD\"");
  return date::sys_days(ymd);
}

Entity read_entity(const JsonField& f) {
  Entity e;
  e.id = f["id"].string();
  e.kind = read_entity_kind(f["kind"]);
  e.name = f["name"].string();
  e.aliases = f["aliases"].strings();
  if (auto qid = f.optional("qid")) e.qid = qid->string();
  return e;
}

void read_document_metadata(const JsonField& f, Document& doc) {
  doc.outlet = f["outlet"].string();
  doc.url = f["url"].string();
  doc.title = f["title"].string();
  if (auto published = f.optional("published")) {
    doc.published = parse_publication_time(published->string());
    if (!doc.published) published->fail("an ISO 8601 date or date-time");
  }
  doc.is_published_inferred = f["published_inferred"].boolean();
  doc.source = f["source"].string();
}

EventMention read_mention(const JsonField& f, std::string_view doc) {
  EventMention m;
  auto given_doc = f.optional("doc");
  m.doc = given_doc ? given_doc->string() : std::string(doc);
  m.type = f["type"].string();
  m.cameo = f["cameo"].string();
  m.sentence = f["sentence"].size();
  m.trigger = f["span"].span();
  m.trigger_text = f["text"].string();
  JsonField time = f["time"];
  m.time.value = time["value"].string();
  m.time.type = read_timex_type(time["type"]);
  if (auto range = time.optional("date_range")) {
    std::vector<JsonField> days = range->elements();
    if (days.size() != 2) range->fail("an array of two dates");
    m.time.earliest = read_day(days[0]);
    m.time.latest = read_day(days[1]);
  }
  m.time.granularity = read_granularity(time["granularity"]);
  m.time.mod = read_time_mod(time["mod"]);
  m.time.anchor = read_time_anchor(time["anchor"]);
  if (auto span = time.optional("span")) {
    m.time_span = span->span();
    if (auto words = time.optional("text")) m.time_text = words->string();
  }
  for (const JsonField& a : f["actors"].elements()) {
    ActorRole role;
    role.entity_id = a["entity"].string();
    role.role = read_role(a["role"]);
    if (auto span = a.optional("span")) role.span = span->span();
    m.actors.push_back(std::move(role));
  }
  if (auto place = f.optional("place")) {
    m.place_id = (*place)["entity"].string();
    if (auto span = place->optional("span")) m.place_span = span->span();
  }
  if (auto quote = f.optional("quote")) m.quote = quote->string();
  if (auto span = f.optional("quote_span")) m.quote_span = span->span();
  m.modality = read_modality(f["modality"]);
  m.confidence = f["confidence"].number();
  return m;
}

Diagnostic read_skipped(const JsonField& f) {
  Severity severity = Severity::error;
  if (auto given = f.optional("severity")) {
    std::string s = given->string();
    if (s == "warning") severity = Severity::warning;
    else if (s != "error") given->fail("\"error\" or \"warning\"");
  }
  return {severity, f["input"].string(), f["line"].size(), 0, f["code"].string(), f["message"].string()};
}

std::optional<Diagnostic> parse_json(rapidjson::Document& dom, std::string_view json, std::string_view source) {
  // Iterative parsing: a hostile file nested a million deep must not
  // overflow the stack.
  dom.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (!dom.HasParseError()) return std::nullopt;
  std::size_t offset = dom.GetErrorOffset();
  std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(dom.GetParseError());
  LineColumn lc = line_column_at(json, offset);
  std::string near = excerpt_at(json, offset, 20);
  if (!near.empty()) message += " (near \"" + near + "\")";
  return Diagnostic{Severity::error, std::string(source), lc.line, lc.column, "json-syntax", std::move(message)};
}

}  // namespace eventgraph::detail
