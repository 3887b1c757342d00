// `eventgraph extract`: one JSON line of entities and event mentions per
// document, streamed, so extraction can run as a map step anywhere.
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
                      "JSONL on stdin.");
  std::vector<std::string> inputs;
  std::vector<std::string> lexicon_files;
  BuildOptions options;
  add_input_options(*app, inputs, options.load);
  add_lexicon_option(*app, lexicon_files);
  if (auto status = parse_args(*app, args)) return *status;
  for (const auto& f : lexicon_files) options.lexicon_files.emplace_back(f);

  std::vector<Diagnostic> diagnostics =
      stream_extractions(inputs, options, [](const Document& doc, const DocumentExtraction& x) {
        std::cout << format_extraction_json(doc, x) << '\n';
        std::cout.flush();
      });
  return report(diagnostics) ? kExitInputFailed : kExitOk;
}

}  // namespace eventgraph::cli
