// `eventgraph merge`: the reduce step. Reads the lines `eventgraph extract`
// wrote, wherever and however split they were made, and writes the same
// files `build` writes for the same articles.
#include "cli_support.h"
#include "commands.h"
#include "pipeline/pipeline.h"

namespace eventgraph::cli {

int run_merge(std::span<char*> args) {
  auto app = make_app("merge",
                      "Merge the output of `eventgraph extract` into the event graph.\n\n"
                      "Inputs: files of extraction lines (one JSON object per document), or -\n"
                      "for standard input. Give the lines of every part of the corpus: the\n"
                      "result equals `eventgraph build` over the same articles.\n\n"
                      "Example: eventgraph extract part-*.jsonl > mentions.jsonl\n"
                      "         eventgraph merge mentions.jsonl -o out/");
  std::vector<std::string> inputs;
  BuildOptions options;
  options.generator_version = EVENTGRAPH_VERSION;
  GraphOutputOptions cli;
  app->add_option("inputs", inputs, "extraction lines to read (files, or -)")->required();
  // The limits extract ran with: they bound how long a line it wrote can
  // be (a longer one is skipped and reported), an undated document,
  // extracted again once its day is inferred, keeps to the sentence and
  // mentions limits as in build, and events.json records them.
  app->add_option("--max-document-bytes", options.load.max_document_bytes,
                  "as given to extract: skip (and report) any line longer than 4 times this, plus 4 KiB "
                  "per mention (--max-mentions-per-document), plus 64 KiB")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app->add_option("--max-sentence-bytes", options.extract_limits.max_sentence_bytes,
                  "as given to extract: cut (and report) text that runs longer than this without a sentence end")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app->add_option("--max-mentions-per-document", options.extract_limits.max_mentions_per_document,
                  "as given to extract: keep at most this many event mentions of a document")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  add_graph_output_options(*app, cli, options);
  if (auto status = parse_args(*app, args)) return *status;
  apply_graph_output_options(cli, options);
  return finish_graph_command(cli, run_merge(inputs, options));
}

}  // namespace eventgraph::cli
