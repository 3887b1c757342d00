// The whole build, stage after stage: load -> text -> ... -> output files.
// The command line calls this; it holds no logic of its own.
//
//   BuildOptions options;
//   options.output_dir = "out";
//   BuildReport report = run_build({"samples/"}, options);
//   // report.diagnostics: every problem met; report.files_written: paths.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/extract.h"
#include "load/load.h"

namespace eventgraph {

// The files a build writes into the output directory (README, "Output
// formats"): json -> events.json, graphml -> events.graphml, dot ->
// events.dot, jsonld -> events.jsonld, csv -> events.csv and mentions.csv,
// timelinejs -> timeline.json.
enum class OutputFormat { json, graphml, dot, jsonld, csv, timelinejs };

inline constexpr OutputFormat kAllOutputFormats[] = {OutputFormat::json,   OutputFormat::graphml,
                                                     OutputFormat::dot,    OutputFormat::jsonld,
                                                     OutputFormat::csv,    OutputFormat::timelinejs};

std::string_view to_string(OutputFormat format);  // "json", "graphml", ...
// The format named `name` (as to_string spells it), or nullopt.
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct BuildOptions {
  LoadOptions load;
  std::vector<std::filesystem::path> lexicon_files;  // added to the built-in lexicon
  std::filesystem::path output_dir = "out";
  std::string generator_version;
  // Which files to write; repeats are ignored, and files are always
  // written in kAllOutputFormats order.
  std::vector<OutputFormat> formats{std::begin(kAllOutputFormats), std::end(kAllOutputFormats)};
};

struct BuildReport {
  std::size_t documents_read = 0;
  std::size_t documents_dated = 0;     // with a publication date, given or inferred
  std::size_t documents_inferred = 0;  // publication date found in the text
  std::size_t entities = 0;
  std::size_t mentions = 0;  // event mentions behind the events
  std::map<std::string, std::size_t> events_by_type;
  std::vector<Diagnostic> diagnostics;  // in the order met
  std::vector<std::filesystem::path> files_written;

  bool has_errors() const;
};

using ExtractionSink = std::function<void(const Document&, const DocumentExtraction&)>;

// The map step: loads, normalizes and extracts each document of `inputs`,
// handing each result to `on_extraction` as soon as it is ready (memory
// stays bounded by one document). Returns every diagnostic met, lexicon
// problems first.
std::vector<Diagnostic> stream_extractions(const std::vector<std::string>& inputs,
                                           const BuildOptions& options,
                                           const ExtractionSink& on_extraction);

// Runs the pipeline over `inputs` and writes the outputs into
// options.output_dir (created if missing). Input problems are reported in
// the result, and the rest still processed; throws only when the outputs
// cannot be written.
BuildReport run_build(const std::vector<std::string>& inputs, const BuildOptions& options);

}  // namespace eventgraph
