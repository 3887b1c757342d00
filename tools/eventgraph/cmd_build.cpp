// `eventgraph build`: articles in, event graph files out.
#include "cli_support.h"
#include "commands.h"
#include "pipeline/pipeline.h"

namespace eventgraph::cli {

int run_build(std::span<char*> args) {
  auto app = make_app("build",
                      "Read news articles and write the event graph.\n\n"
                      "Inputs: a directory (its manifest.json, else every *.txt in it), a .txt\n"
                      "file, a manifest .json file, a .jsonl file with one article per line\n"
                      "{id, outlet, url, title, published, text}, or - for JSONL on stdin.\n\n"
                      "Example: eventgraph build samples/ -o out/ --jobs 2 --stats out/stats.json");
  std::vector<std::string> inputs;
  BuildOptions options;
  options.generator_version = EVENTGRAPH_VERSION;
  GraphOutputOptions cli;
  add_input_options(*app, inputs, options.load);
  add_graph_output_options(*app, cli, options);
  add_limit_options(*app, options);
  if (auto status = parse_args(*app, args)) return *status;
  apply_graph_output_options(cli, options);
  return finish_graph_command(cli, run_build(inputs, options));
}

}  // namespace eventgraph::cli
