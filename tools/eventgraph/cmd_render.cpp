// `eventgraph render`: events.json in, a timeline picture (SVG or PNG) out.
#include <iostream>

#include "cli_support.h"
#include "commands.h"
#include "output/events_reader.h"
#include "output/output.h"
#include "output/render.h"

namespace eventgraph::cli {

int run_render(std::span<char*> args) {
  auto app = make_app("render",
                      "Draw the timeline of an events.json (from `eventgraph build`) as SVG or PNG,\n"
                      "laid out by Graphviz: time left to right on a date axis, one column per day\n"
                      "with events, a band per month, events as boxes colored by type with the\n"
                      "outlets that reported them; month-dated events in a column of their month,\n"
                      "undated ones at the end.\n\n"
                      "Examples:\n"
                      "  eventgraph render out/events.json -o timeline.svg\n"
                      "  eventgraph render out/events.json -o rt.png --outlet rt.com\n"
                      "  eventgraph render out/events.json -o putin.svg --actor Putin --title 'Putin'");
  std::string input;
  std::string output;
  RenderOptions options;
  bool is_quiet = false;
  app->add_option("events", input, "events.json to draw (- for standard input)")->required();
  app->add_option("-o,--output", output, "image to write; the extension picks the format: .svg or .png")
      ->required();
  app->add_option("--outlet", options.outlet, "draw only the events this outlet reported (e.g. rt.com)");
  app->add_option("--actor", options.actor,
                  "draw only the events of this actor: an entity id (person:vladimir-putin), name or "
                  "alias");
  app->add_option("--title", options.title, "title above the timeline (default: the number of events and the view)");
  app->add_flag("-q,--quiet", is_quiet, "print no summary");
  if (auto status = parse_args(*app, args)) return *status;

  std::optional<ImageFormat> format = image_format_for(output);
  if (!format) {
    std::cerr << "eventgraph render: cannot tell the image format of \"" << output
              << "\" from its extension: use .svg or .png\n";
    return kExitUsage;
  }
  options.format = *format;

  EventsFileLoad load = load_events_json(input);
  if (!load.file) {
    report(*load.error);
    return kExitInputFailed;
  }
  RenderedTimeline image = render_timeline(load.file->corpus, options);
  if (!image.error.empty()) {
    std::cerr << "eventgraph render: " << image.error << '\n';
    return kExitUsage;
  }
  if (!image.warnings.empty()) std::cerr << "eventgraph render: Graphviz: " << image.warnings;
  write_file_atomically(output, image.bytes);
  if (!is_quiet) {
    std::cout << output << ": " << image.events_drawn << " events, " << image.bytes.size()
              << " bytes of " << to_string(options.format) << '\n';
  }
  return kExitOk;
}

}  // namespace eventgraph::cli
