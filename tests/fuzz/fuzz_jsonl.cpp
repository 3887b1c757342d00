// Fuzzes the JSONL loader: the input is a stream of article lines, read
// with a small document limit so that the limit's paths are reached too.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "../flat_record_reference.h"
#include "fuzz_support.h"
#include "load/detail/flat_record.h"
#include "load/load.h"

namespace {

// Every line the fast record reader takes, RapidJSON (as load_jsonl calls
// it) takes too, with the same fields.
void check_flat_record(const std::string& line) {
  eventgraph::detail::FlatRecord fast;
  if (!eventgraph::detail::read_flat_record(line, fast)) return;
  const auto reference = eventgraph::testing::rapidjson_flat_record(line);
  FUZZ_CHECK(reference.has_value(), "the fast reader took a line RapidJSON rejects or reads with a non-string field");
  FUZZ_CHECK(eventgraph::testing::same_fields(fast, *reference), "the fast reader read other fields than RapidJSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  eventgraph::LoadOptions options;
  options.max_document_bytes = 512;
  options.outlet = "fallback.example";
  std::size_t lines = 1;
  for (char c : bytes) lines += c == '\n';
  for (std::size_t begin = 0; begin <= bytes.size();) {
    std::size_t end = bytes.find('\n', begin);
    if (end == std::string::npos) end = bytes.size();
    check_flat_record(bytes.substr(begin, end - begin));
    begin = end + 1;
  }
  eventgraph::load_jsonl(
      in, "fuzz.jsonl", options,
      [&](eventgraph::Document&& doc) {
        FUZZ_CHECK(!doc.id.empty(), "a document without id");
        FUZZ_CHECK(!doc.outlet.empty(), "a document without outlet (the fallback applies)");
        FUZZ_CHECK(doc.text.size() <= options.max_document_bytes, "a document over the limit");
        FUZZ_CHECK(doc.text.find('\0') == std::string::npos, "a document with a NUL byte");
        FUZZ_CHECK(doc.text.find_first_not_of(" \t\r\n") != std::string::npos, "a blank document");
        FUZZ_CHECK(doc.source.rfind("fuzz.jsonl:", 0) == 0, "a document without its line");
        if (doc.published) {
          // What was parsed prints as ISO 8601 and parses back the same.
          auto again = eventgraph::parse_publication_time(doc.published->to_iso());
          FUZZ_CHECK(again && (doc.is_published_inferred || *again == *doc.published),
                     "published does not round-trip: " + doc.published->to_iso());
        }
      },
      [&](eventgraph::Diagnostic&& d) {
        FUZZ_CHECK(!d.file.empty() && !d.code.empty() && !d.message.empty(), "an empty diagnostic");
        FUZZ_CHECK(d.line >= 1 && d.line <= lines, "a diagnostic off the lines: " + d.to_string());
      });
  return 0;
}
