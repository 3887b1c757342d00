// events.json -> EventsFile, the inverse of format_events_json.
#include "output/events_reader.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "output/detail/json_reading.h"

namespace eventgraph {
namespace {

using detail::JsonField;

Document read_document(const JsonField& f) {
  Document doc;
  doc.id = f["id"].string();
  detail::read_document_metadata(f, doc);
  return doc;
}

Event read_event(const JsonField& f) {
  Event e;
  e.id = f["id"].string();
  e.type = f["type"].string();
  e.cameo = f["cameo"].string();
  e.label = f["label"].string();
  if (auto date = f.optional("date")) e.time.value = date->string();
  if (auto range = f.optional("date_range")) {
    std::vector<JsonField> days = range->elements();
    if (days.size() != 2) range->fail("an array of two dates");
    e.time.earliest = detail::read_day(days[0]);
    e.time.latest = detail::read_day(days[1]);
  }
  e.time.granularity = detail::read_granularity(f["granularity"]);
  e.modality = detail::read_modality(f["modality"]);
  for (const JsonField& a : f["actors"].elements()) {
    e.actors.push_back({a["entity"].string(), detail::read_role(a["role"]), {}});
  }
  if (auto place = f.optional("place")) e.place_id = (*place)["entity"].string();
  e.outlets = f["outlets"].strings();
  for (const JsonField& m : f["mentions"].elements()) {
    e.mentions.push_back({m["outlet"].string(), detail::read_mention(m, "")});
  }
  for (const JsonField& c : f["conflicts"].elements()) {
    Conflict conflict;
    conflict.field = c["field"].string();
    for (const JsonField& v : c["values"].elements()) {
      conflict.values.push_back({v["value"].string(), v["docs"].strings()});
    }
    e.conflicts.push_back(std::move(conflict));
  }
  return e;
}

}  // namespace

EventsFileLoad read_events_json(std::string_view json, std::string_view source) {
  rapidjson::Document dom;
  if (auto error = detail::parse_json(dom, json, source)) return {std::nullopt, std::move(error)};
  try {
    JsonField root(dom, "$");
    EventsFile file;
    JsonField generator = root["generator"];
    if (generator["name"].string() != "eventgraph") generator["name"].fail("\"eventgraph\"");
    file.generator_version = generator["version"].string();
    file.schema_version = generator["schema_version"].string();
    for (const JsonField& d : root["documents"].elements()) {
      file.corpus.documents.push_back(read_document(d));
      file.text_bytes.push_back(d["bytes"].size());
    }
    for (const JsonField& e : root["entities"].elements()) {
      file.corpus.entities.push_back(detail::read_entity(e));
    }
    for (const JsonField& e : root["events"].elements()) file.corpus.events.push_back(read_event(e));
    if (auto skipped = root.optional("skipped")) {
      for (const JsonField& s : skipped->elements()) file.skipped.push_back(detail::read_skipped(s));
    }
    // Lookups are binary searches over these; a file edited by hand may
    // have lost the order.
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    if (!std::is_sorted(file.corpus.documents.begin(), file.corpus.documents.end(), by_id) ||
        !std::is_sorted(file.corpus.entities.begin(), file.corpus.entities.end(), by_id)) {
      throw detail::JsonShapeError("$: documents and entities must be sorted by id, as eventgraph writes them");
    }
    return {std::move(file), std::nullopt};
  } catch (const detail::JsonShapeError& e) {
    return {std::nullopt, Diagnostic{Severity::error, std::string(source), 0, 0, "invalid-events-json",
                                     std::string("not an eventgraph events.json: ") + e.what()}};
  }
}

EventsFileLoad load_events_json(const std::filesystem::path& path) {
  std::string source = path.string();
  std::string json;
  if (source == "-") {
    json.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return {std::nullopt, Diagnostic{Severity::error, source, 0, 0, "cannot-read",
                                       "cannot open the file (does it exist?)"}};
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    json = std::move(buffer).str();
  }
  return read_events_json(json, source);
}

}  // namespace eventgraph
