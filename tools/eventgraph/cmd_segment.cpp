// `eventgraph segment`: the text stage on its own, one JSON line per sentence.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "load/load.h"
#include "text/text.h"

namespace eventgraph::cli {
namespace {

// {"doc", "index", "begin", "end", "text"}: begin and end are byte offsets
// into the document's normalized text.
void write_sentences(const std::string& doc_id, std::string_view text, const std::vector<Sentence>& sentences,
                     std::ostream& out) {
  rapidjson::StringBuffer buffer;
  for (const Sentence& sentence : sentences) {
    buffer.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    const std::string_view sentence_text = text.substr(sentence.span.begin_byte, sentence.span.size());
    writer.StartObject();
    writer.Key("doc");
    writer.String(doc_id.data(), static_cast<rapidjson::SizeType>(doc_id.size()));
    writer.Key("index");
    writer.Uint64(sentence.index);
    writer.Key("begin");
    writer.Uint64(sentence.span.begin_byte);
    writer.Key("end");
    writer.Uint64(sentence.span.end_byte);
    writer.Key("text");
    writer.String(sentence_text.data(), static_cast<rapidjson::SizeType>(sentence_text.size()));
    writer.EndObject();
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out.put('\n');
  }
}

}  // namespace

int run_segment(std::span<char*> args) {
  auto app = make_app("segment",
                      "Normalize articles and print their sentences as JSON lines "
                      "{doc, index, begin, end, text}; begin/end are byte offsets into the normalized text.");
  std::vector<std::string> inputs;
  LoadOptions options;
  add_input_options(*app, inputs, options);
  if (std::optional<int> status = parse_args(*app, args)) return *status;

  bool has_errors = false;
  load_documents(
      inputs, options,
      [&](Document&& doc) {
        NormalizedText normalized = normalize_text(doc.text, doc.id);
        has_errors = report(normalized.diagnostics) || has_errors;
        write_sentences(doc.id, normalized.text, split_sentences(normalized.text), std::cout);
      },
      [&](Diagnostic&& diagnostic) {
        has_errors = has_errors || diagnostic.severity == Severity::error;
        report(diagnostic);
      });
  std::cout.flush();
  return has_errors ? kExitInputFailed : kExitOk;
}

}  // namespace eventgraph::cli
