// Reads a gold file (schemas/gold.schema.json): reference events with their
// documents, checked field by field; errors name the line and the JSON path.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "eval/eval.h"

namespace eventgraph {
namespace {

// Records where each element of the top-level arrays starts (depth 2), per
// array, so that an error in an entry points to its line.
struct EntryLocator : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EntryLocator> {
  const rapidjson::StringStream& stream;
  std::vector<std::size_t>& documents;
  std::vector<std::size_t>& events;
  std::string top_key;
  int depth = 0;

  EntryLocator(const rapidjson::StringStream& s, std::vector<std::size_t>& d,
               std::vector<std::size_t>& e)
      : stream(s), documents(d), events(e) {}
  void mark() {
    if (depth != 2) return;
    if (top_key == "documents") documents.push_back(stream.Tell() - 1);
    if (top_key == "events") events.push_back(stream.Tell() - 1);
  }
  bool Default() {
    if (depth == 2) mark();
    return true;
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    if (depth == 1) top_key.assign(str, length);
    return true;
  }
  bool StartObject() {
    mark();
    ++depth;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool StartArray() {
    mark();
    ++depth;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
};

std::string_view kind_of(const rapidjson::Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "a boolean";
  if (v.IsNumber()) return "a number";
  if (v.IsString()) return "a string";
  if (v.IsArray()) return "an array";
  return "an object";
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day range.
bool is_gold_date(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!is_digits(s.substr(0, 4))) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !is_digits(s.substr(5, 2))) return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !is_digits(s.substr(8, 2))) return false;
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

// Where an entry starts: its byte offset, turned into line and column only
// when there is something to report (doing it for every entry would be
// quadratic in the file size).
struct EntryStart {
  std::string_view json;
  std::optional<std::size_t> offset;
  LineColumn line_column() const { return offset ? line_column_at(json, *offset) : LineColumn{0, 0}; }
};

// Reads the fields of one entry; the first problem is reported and marks
// the entry bad.
class EntryReader {
 public:
  EntryReader(const rapidjson::Value& object, std::string path, const std::string& file,
              EntryStart at, std::vector<Diagnostic>& out)
      : object_(object), path_(std::move(path)), file_(file), at_(at), out_(out) {}

  bool ok() const { return ok_; }

  void error(const std::string& field, const std::string& message) {
    if (!ok_) return;  // one message per entry: the first problem
    ok_ = false;
    LineColumn lc = at_.line_column();
    out_.push_back(Diagnostic{Severity::error, file_, lc.line, lc.column, "bad-gold-field",
                              path_ + (field.empty() ? "" : "." + field) + ": " + message +
                                  "; the entry is skipped"});
  }

  const rapidjson::Value* member(const char* name, bool required) {
    auto it = object_.FindMember(name);
    if (it == object_.MemberEnd()) {
      if (required) error(name, "missing");
      return nullptr;
    }
    return &it->value;
  }

  std::string string(const char* name, bool required, bool nonempty = true) {
    const rapidjson::Value* v = member(name, required);
    if (!v) return "";
    if (!v->IsString()) {
      error(name, std::string("expected a string, got ") + std::string(kind_of(*v)));
      return "";
    }
    std::string s(v->GetString(), v->GetStringLength());
    if (nonempty && s.empty()) error(name, "must not be empty");
    return s;
  }

  std::vector<std::string> strings(const char* name, bool required) {
    std::vector<std::string> out;
    const rapidjson::Value* v = member(name, required);
    if (!v) return out;
    if (!v->IsArray()) {
      error(name, std::string("expected an array of strings, got ") + std::string(kind_of(*v)));
      return out;
    }
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const rapidjson::Value& x = (*v)[i];
      if (!x.IsString() || x.GetStringLength() == 0) {
        error(std::string(name) + "[" + std::to_string(i) + "]",
              std::string("expected a non-empty string, got ") +
                  std::string(x.IsString() ? "\"\"" : kind_of(x)));
        return {};
      }
      out.emplace_back(x.GetString(), x.GetStringLength());
    }
    return out;
  }

 private:
  const rapidjson::Value& object_;
  std::string path_;
  const std::string& file_;
  EntryStart at_;
  std::vector<Diagnostic>& out_;
  bool ok_ = true;
};

std::vector<GoldMention> read_mentions(EntryReader& entry, const rapidjson::Value* v,
                                       const std::set<std::string>& documents) {
  std::vector<GoldMention> mentions;
  if (!v) return mentions;
  if (!v->IsArray()) {
    entry.error("mentions", "expected an array of {\"doc\", \"span\"}, got " + std::string(kind_of(*v)));
    return mentions;
  }
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const std::string where = "mentions[" + std::to_string(i) + "]";
    const rapidjson::Value& m = (*v)[i];
    if (!m.IsObject()) {
      entry.error(where, "expected an object {\"doc\", \"span\"}, got " + std::string(kind_of(m)));
      return {};
    }
    auto doc = m.FindMember("doc");
    if (doc == m.MemberEnd() || !doc->value.IsString()) {
      entry.error(where + ".doc", "expected a document id (a string)");
      return {};
    }
    std::string doc_id(doc->value.GetString(), doc->value.GetStringLength());
    if (!documents.count(doc_id)) {
      entry.error(where + ".doc", "\"" + doc_id + "\" is not a document of the gold");
      return {};
    }
    auto span = m.FindMember("span");
    if (span == m.MemberEnd() || !span->value.IsArray() || span->value.Size() != 2 ||
        !span->value[0].IsUint64() || !span->value[1].IsUint64() ||
        span->value[0].GetUint64() >= span->value[1].GetUint64()) {
      entry.error(where + ".span", "expected [begin_byte, end_byte] with begin < end");
      return {};
    }
    mentions.push_back({std::move(doc_id),
                        Span{static_cast<std::size_t>(span->value[0].GetUint64()),
                             static_cast<std::size_t>(span->value[1].GetUint64())}});
  }
  return mentions;
}

}  // namespace

bool Gold::has_mentions() const {
  return std::any_of(events.begin(), events.end(),
                     [](const GoldEvent& e) { return !e.mentions.empty(); });
}

GoldLoad parse_gold(std::string_view json, const std::string& name) {
  GoldLoad result;
  auto fail = [&](std::size_t line, std::size_t column, std::string code, std::string message) {
    result.diagnostics.push_back(
        Diagnostic{Severity::error, name, line, column, std::move(code), std::move(message)});
    return result;
  };
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    LineColumn at = line_column_at(json, doc.GetErrorOffset());
    std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError());
    std::string near = excerpt_at(json, doc.GetErrorOffset(), 20);
    if (!near.empty()) message += " (near \"" + near + "\")";
    return fail(at.line, at.column, "json-syntax", std::move(message));
  }
  if (!doc.IsObject()) {
    return fail(1, 1, "bad-gold", "$: expected an object with \"documents\" and \"events\", got " +
                                       std::string(kind_of(doc)));
  }
  for (const char* key : {"documents", "events"}) {
    auto it = doc.FindMember(key);
    if (it == doc.MemberEnd() || !it->value.IsArray()) {
      return fail(1, 1, "bad-gold",
                  std::string("$.") + key + ": expected an array, got " +
                      (it == doc.MemberEnd() ? std::string("nothing") : std::string(kind_of(it->value))));
    }
  }
  // Where each entry starts, for line numbers.
  std::vector<std::size_t> document_offsets, event_offsets;
  {
    std::string copy(json);
    rapidjson::StringStream stream(copy.c_str());
    EntryLocator locator(stream, document_offsets, event_offsets);
    rapidjson::Reader reader;
    reader.Parse(stream, locator);
  }
  auto where = [&](const std::vector<std::size_t>& offsets, std::size_t i) {
    return EntryStart{json, i < offsets.size() ? std::optional<std::size_t>(offsets[i]) : std::nullopt};
  };

  Gold gold;
  if (auto it = doc.FindMember("about"); it != doc.MemberEnd() && it->value.IsString()) {
    gold.about.assign(it->value.GetString(), it->value.GetStringLength());
  }
  std::set<std::string> document_ids;
  const auto& documents = doc["documents"];
  for (rapidjson::SizeType i = 0; i < documents.Size(); ++i) {
    std::string path = "$.documents[" + std::to_string(i) + "]";
    if (!documents[i].IsObject()) {
      LineColumn at = where(document_offsets, i).line_column();
      result.diagnostics.push_back(Diagnostic{Severity::error, name, at.line, at.column,
                                              "bad-gold-field",
                                              path + ": expected an object, got " +
                                                  std::string(kind_of(documents[i])) + "; skipped"});
      continue;
    }
    EntryReader entry(documents[i], path, name, where(document_offsets, i), result.diagnostics);
    GoldDocument d;
    d.id = entry.string("id", true);
    d.file = entry.string("file", false);
    d.outlet = entry.string("outlet", true, false);
    d.published = entry.string("published", true, false);
    d.note = entry.string("note", false, false);
    if (entry.ok() && !document_ids.insert(d.id).second) entry.error("id", "\"" + d.id + "\" appears twice");
    if (entry.ok()) gold.documents.push_back(std::move(d));
  }

  std::set<std::string> event_ids;
  const auto& events = doc["events"];
  for (rapidjson::SizeType i = 0; i < events.Size(); ++i) {
    std::string path = "$.events[" + std::to_string(i) + "]";
    if (!events[i].IsObject()) {
      LineColumn at = where(event_offsets, i).line_column();
      result.diagnostics.push_back(Diagnostic{Severity::error, name, at.line, at.column,
                                              "bad-gold-field",
                                              path + ": expected an object, got " +
                                                  std::string(kind_of(events[i])) + "; skipped"});
      continue;
    }
    EntryReader entry(events[i], path, name, where(event_offsets, i), result.diagnostics);
    GoldEvent e;
    e.id = entry.string("id", true);
    std::string status = entry.string("status", true);
    if (entry.ok() && status != "required" && status != "optional") {
      entry.error("status", "expected \"required\" or \"optional\", got \"" + status + "\"");
    }
    e.is_required = status == "required";
    e.type = entry.string("type", true);
    if (const rapidjson::Value* date = entry.member("date", true)) {
      if (date->IsString() && is_gold_date({date->GetString(), date->GetStringLength()})) {
        e.date = std::string(date->GetString(), date->GetStringLength());
      } else if (!date->IsNull()) {
        entry.error("date", std::string("expected \"YYYY-MM-DD\", \"YYYY-MM\", \"YYYY\" or null, got ") +
                                (date->IsString() ? "\"" + excerpt_at({date->GetString(), date->GetStringLength()}, 0, 20) + "\""
                                                  : std::string(kind_of(*date))));
      }
    }
    e.actors = entry.strings("actors", true);
    e.place = entry.string("place", false, false);
    e.reported_by = entry.strings("reported_by", true);
    for (std::size_t k = 0; entry.ok() && k < e.reported_by.size(); ++k) {
      if (!document_ids.count(e.reported_by[k])) {
        entry.error("reported_by[" + std::to_string(k) + "]",
                    "\"" + e.reported_by[k] + "\" is not a document of the gold");
      }
    }
    if (entry.ok()) e.mentions = read_mentions(entry, entry.member("mentions", false), document_ids);
    if (entry.ok() && !event_ids.insert(e.id).second) entry.error("id", "\"" + e.id + "\" appears twice");
    if (entry.ok()) gold.events.push_back(std::move(e));
  }
  result.gold = std::move(gold);
  return result;
}

GoldLoad load_gold(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    GoldLoad result;
    std::error_code ec;
    std::string reason = std::filesystem::exists(path, ec) ? "cannot read the file" : "no such file";
    result.diagnostics.push_back(
        Diagnostic{Severity::error, path.string(), 0, 0, "unreadable", reason});
    return result;
  }
  // Read whole in one go (a stringstream copies the bytes several times).
  std::string bytes;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }
  return parse_gold(bytes, path.string());
}

}  // namespace eventgraph
