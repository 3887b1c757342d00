// `eventgraph extract`: the map step. One JSON line of entities and event
// mentions per document, streamed in input order, so extraction can run
// anywhere and `eventgraph merge` can finish the graph.
#include <iostream>

#include "cli_support.h"
#include "commands.h"
#include "output/extraction_json.h"
#include "pipeline/pipeline.h"

namespace eventgraph::cli {

int run_extract(std::span<char*> args) {
  auto app = make_app("extract",
                      "Extract entities and event mentions, one JSON line per document on stdout.\n\n"
                      "Inputs as for build: directories, .txt, manifest .json, .jsonl, or - for\n"
                      "JSONL on stdin. Each line carries the document's metadata, its normalized\n"
                      "text, entities, mentions and affiliations; an input that could not be read\n"
                      "is reported on stderr and also written as a line {\"skipped\": {...}}, so\n"
                      "that `eventgraph merge` lists it in events.json as build does.\n\n"
                      "Example: eventgraph extract - < part-3.jsonl > part-3.mentions.jsonl");
  std::vector<std::string> inputs;
  std::vector<std::string> lexicon_files;
  BuildOptions options;
  add_input_options(*app, inputs, options.load);
  add_lexicon_option(*app, lexicon_files);
  add_jobs_option(*app, options.jobs);
  add_limit_options(*app, options);
  if (auto status = parse_args(*app, args)) return *status;
  for (const auto& f : lexicon_files) options.lexicon_files.emplace_back(f);

  LexiconLoad lexicon = load_lexicon(options.lexicon_files);
  // Lexicon problems are reported here and not passed on: the merge loads
  // the same lexicon files and reports them itself.
  bool has_error = report(lexicon.diagnostics);
  std::vector<Diagnostic> skipped;
  DiagnosticPrinter printer;
  stream_extractions(
      inputs, options, lexicon.lexicon,
      [](const Document& doc, const DocumentExtraction& x) {
        std::cout << format_extraction_json(doc, x) << '\n';
      },
      [&](Diagnostic&& d) {
        printer.print(d);
        if (is_skip(d)) {
          std::cout << format_skipped_json(d) << '\n';
          skipped.push_back(std::move(d));
        }
      });
  std::cout.flush();
  printer.finish();
  report_skipped_summary(skipped, "the {\"skipped\": ...} lines on standard output");
  return has_error || printer.has_error() ? kExitInputFailed : kExitOk;
}

}  // namespace eventgraph::cli
