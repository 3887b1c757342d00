// `eventgraph timex`: JSON lines {"id", "dct", "text"} in, one JSON line
// {"id", "timexes": [{"begin", "end", "text", "type", "value", "mod"}]} out
// per input line, begin/end as byte offsets into the given text, so that
// the time stage can be scored against TimeML corpora.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "time/time.h"

namespace eventgraph::cli {
namespace {

Diagnostic line_error(const std::string& file, std::size_t line, std::size_t column,
                      std::string code, std::string message) {
  return Diagnostic{Severity::error, file, line, column, std::move(code), std::move(message)};
}

// Handles one input line; returns false (after reporting) when it is bad.
bool process_line(const std::string& file, std::size_t line_number, const std::string& line,
                  const TimeContext& base, std::ostream& out, DiagnosticPrinter& printer) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());  // no recursion on deep input
  if (doc.HasParseError()) {
    LineColumn at = line_column_at(line, doc.GetErrorOffset());
    printer.print(line_error(file, line_number, at.column, "json-syntax",
                      std::string(rapidjson::GetParseError_En(doc.GetParseError())) +
                          " (near \"" + excerpt_at(line, doc.GetErrorOffset()) + "\")"));
    return false;
  }
  if (!doc.IsObject() || !doc.HasMember("text") || !doc["text"].IsString()) {
    printer.print(line_error(file, line_number, 1, "missing-text",
                      "expected an object with a string \"text\""));
    return false;
  }
  TimeContext context = base;
  bool ok = true;
  if (doc.HasMember("dct") && doc["dct"].IsString()) {
    std::string_view dct(doc["dct"].GetString(), doc["dct"].GetStringLength());
    if (auto published = parse_publication_time(dct)) {
      context.document_day = published->local_day;
    } else {
      printer.print(line_error(file, line_number, 1, "bad-dct",
                        "\"dct\" is not an ISO 8601 date (near \"" + excerpt_at(dct, 0) +
                            "\"); relative dates left unresolved"));
      ok = false;
    }
  }
  std::string_view text(doc["text"].GetString(), doc["text"].GetStringLength());
  std::vector<TimeExpression> found = find_time_expressions(text, context);

  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("id");
  if (doc.HasMember("id") && doc["id"].IsString()) {
    writer.String(doc["id"].GetString(), doc["id"].GetStringLength());
  } else if (doc.HasMember("id") && doc["id"].IsInt64()) {
    writer.Int64(doc["id"].GetInt64());
  } else {
    writer.Null();
  }
  writer.Key("timexes");
  writer.StartArray();
  for (const TimeExpression& e : found) {
    writer.StartObject();
    writer.Key("begin");
    writer.Uint64(e.span.begin_byte);
    writer.Key("end");
    writer.Uint64(e.span.end_byte);
    writer.Key("text");
    writer.String(e.text.data(), static_cast<rapidjson::SizeType>(e.text.size()));
    writer.Key("type");
    std::string_view type = to_string(e.time.type);
    writer.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
    writer.Key("value");
    writer.String(e.time.value.data(), static_cast<rapidjson::SizeType>(e.time.value.size()));
    writer.Key("mod");
    std::string_view mod = to_string(e.time.mod);
    writer.String(mod.data(), static_cast<rapidjson::SizeType>(mod.size()));
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  out << buffer.GetString() << '\n';
  return ok;
}

}  // namespace

int run_timex(std::span<char*> args) {
  auto app = make_app("timex",
                      "Find and resolve time expressions. Reads JSON lines {\"id\", \"dct\", "
                      "\"text\"}; writes one JSON line {\"id\", \"timexes\": [{\"begin\", "
                      "\"end\", \"text\", \"type\", \"value\", \"mod\"}]} per input line, "
                      "offsets in bytes of \"text\".");
  std::vector<std::string> inputs{"-"};
  bool day_first = false;
  app->add_option("inputs", inputs, "JSON-lines files to read; '-' is standard input");
  app->add_flag("--day-first", day_first,
                "read ambiguous numeric dates (03/04/2015) day first; default month first");
  if (auto status = parse_args(*app, args)) return *status;

  TimeContext base;
  base.numeric_order = day_first ? NumericDateOrder::day_first : NumericDateOrder::month_first;
  bool all_ok = true;
  DiagnosticPrinter printer;
  // A line holds a document's text and a little JSON around it: bounded as
  // build bounds a JSON line, so that an endless line (a binary file) does
  // not take memory without end.
  const LoadOptions limits;
  const std::size_t max_line_bytes = limits.max_document_bytes * 2 + 65536;
  for (const std::string& input : inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        report(Diagnostic{Severity::error, input, 0, 0, "unreadable", "cannot open the file"});
        all_ok = false;
        continue;
      }
      in = &file;
    }
    LineReader reader(*in, max_line_bytes);
    std::string line;
    std::size_t full_length = 0;
    std::size_t line_number = 0;
    while (reader.next(line, full_length)) {
      ++line_number;
      if (full_length > line.size()) {
        printer.print(line_error(input, line_number, 1, "document-too-large",
                                 "JSON line of " + std::to_string(full_length) + " bytes is over the limit of " +
                                     std::to_string(max_line_bytes) + " bytes; skipped"));
        all_ok = false;
        continue;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      all_ok = process_line(input, line_number, line, base, std::cout, printer) && all_ok;
    }
  }
  printer.finish();
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write to standard output");
  return all_ok ? kExitOk : kExitInputFailed;
}

}  // namespace eventgraph::cli
