// `eventgraph build`: articles in, event graph files out.
#include <iostream>

#include "cli_support.h"
#include "commands.h"
#include "pipeline/pipeline.h"

namespace eventgraph::cli {

int run_build(std::span<char*> args) {
  auto app = make_app("build",
                      "Read news articles and write the event graph.\n\n"
                      "Inputs: a directory (its manifest.json, else every *.txt in it), a .txt\n"
                      "file, a manifest .json file, a .jsonl file with one article per line\n"
                      "{id, outlet, url, title, published, text}, or - for JSONL on stdin.");
  std::vector<std::string> inputs;
  BuildOptions options;
  options.generator_version = EVENTGRAPH_VERSION;
  std::string output_dir = "out";
  bool is_quiet = false;
  add_input_options(*app, inputs, options.load);
  app->add_option("-o,--output", output_dir, "directory for the output files")
      ->capture_default_str();
  std::string valid_formats = "all";
  for (OutputFormat f : kAllOutputFormats) valid_formats += std::string(", ") + std::string(to_string(f));
  std::vector<std::string> format_names = {"all"};
  app->add_option("--format", format_names,
                  "files to write, comma-separated or repeated: json, graphml, dot, jsonld, csv, timelinejs, all")
      ->delimiter(',')
      // One value per occurrence, so "--format json samples/" leaves the
      // input alone; commas or repeats give several.
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->capture_default_str()
      ->check(CLI::Validator(
          [valid_formats](std::string& name) -> std::string {
            if (name == "all" || parse_output_format(name)) return {};
            return "unknown format \"" + name + "\" (valid: " + valid_formats + ")";
          },
          "FORMAT"));
  std::vector<std::string> lexicon_files;
  add_lexicon_option(*app, lexicon_files);
  app->add_flag("-q,--quiet", is_quiet, "print no summary");
  if (auto status = parse_args(*app, args)) return *status;
  options.output_dir = output_dir;
  for (const std::string& f : lexicon_files) options.lexicon_files.emplace_back(f);
  options.formats.clear();
  for (const std::string& name : format_names) {
    if (name == "all") {
      options.formats.assign(std::begin(kAllOutputFormats), std::end(kAllOutputFormats));
    } else if (auto format = parse_output_format(name)) {
      options.formats.push_back(*format);
    }
  }

  BuildReport report = run_build(inputs, options);
  bool has_error = cli::report(report.diagnostics);
  if (!is_quiet) {
    std::cout << "documents read: " << report.documents_read << " (" << report.documents_dated
              << " dated";
    if (report.documents_inferred > 0) {
      std::cout << ", " << report.documents_inferred << " from a byline or dateline";
    }
    std::cout << ")\n";
    std::size_t events = 0;
    for (const auto& [type, count] : report.events_by_type) events += count;
    std::cout << "events: " << events << " (from " << report.mentions << " mentions; "
              << report.entities << " entities)\n";
    for (const auto& [type, count] : report.events_by_type) {
      std::cout << "  " << type << ": " << count << '\n';
    }
    std::cout << "files written:\n";
    for (const auto& path : report.files_written) std::cout << "  " << path.string() << '\n';
  }
  return has_error ? kExitInputFailed : kExitOk;
}

}  // namespace eventgraph::cli
