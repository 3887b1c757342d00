// The whole build, stage after stage: load -> text -> ... -> output files.
// The command line calls this; it holds no logic of its own.
//
//   BuildOptions options;
//   options.output_dir = "out";
//   BuildReport report = run_build({"samples/"}, options);
//   // report.diagnostics: every problem met; report.files_written: paths.
//
// Map and reduce can also run apart, on other machines: stream_extractions
// (`eventgraph extract`) writes one line per document, and run_merge
// (`eventgraph merge`) reads any split of those lines back.
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

// How far a long run has got: handed to BuildOptions::on_progress after
// each batch of documents.
struct Progress {
  std::size_t documents = 0;
  std::size_t bytes = 0;        // of article text read so far
  std::size_t total_bytes = 0;  // of the input files; 0 when unknown (stdin)
  double seconds = 0;           // since the run started
};

struct BuildOptions {
  LoadOptions load;
  std::vector<std::filesystem::path> lexicon_files;  // added to the built-in lexicon
  std::filesystem::path output_dir = "out";
  std::string generator_version;
  // Which files to write; repeats are ignored, and files are always
  // written in kAllOutputFormats order.
  std::vector<OutputFormat> formats{std::begin(kAllOutputFormats), std::end(kAllOutputFormats)};
  // Threads for text, time and extraction, and for the writers. The output
  // is the same bytes for any value.
  unsigned jobs = 1;
  std::function<void(const Progress&)> on_progress;  // optional
  // Optional; called once on the calling thread when every document is
  // extracted and the merge begins: the point from which memory shrinks
  // (the binary's allocator hands freed pages back from there on).
  std::function<void()> on_merge_start;
  // Bounds that keep a run finite (see also load.max_document_bytes):
  // documents past max_total_bytes of article text are skipped and
  // reported, like any other input that could not be processed.
  ExtractLimits extract_limits;
  std::size_t max_total_bytes = std::size_t{64} << 30;
};

// Whether `d` reports input left out: an input that failed (an error), or a
// part of one that a limit cut. These are listed in events.json "skipped".
bool is_skip(const Diagnostic& d);

// The bounds of a run by name, as events.json and the summary list them.
std::vector<std::pair<std::string, std::size_t>> describe_limits(const BuildOptions& options);

// Time spent in one stage. `seconds` is summed over the threads that ran
// it, so bytes / seconds is the stage's throughput on one core.
struct StageStats {
  std::string name;  // load, text, time, extract, merge, output
  double seconds = 0;
  std::size_t bytes = 0;      // article text the stage went through
  std::size_t documents = 0;
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
  std::vector<StageStats> stages;  // in pipeline order
  double wall_seconds = 0;
  unsigned jobs = 1;

  bool has_errors() const;
};

using ExtractionSink = std::function<void(const Document&, const DocumentExtraction&)>;

// The map step: loads, normalizes and extracts each document of `inputs`
// with `lexicon` (see load_lexicon) on options.jobs threads, handing each
// result to `on_extraction` in input order, and each input problem to
// `on_diagnostic` as it is met. Memory stays bounded by one batch of
// documents (a few MB).
void stream_extractions(const std::vector<std::string>& inputs, const BuildOptions& options,
                        const Lexicon& lexicon, const ExtractionSink& on_extraction,
                        const DiagnosticSink& on_diagnostic);

// Runs the pipeline over `inputs` and writes the outputs into
// options.output_dir (created if missing). Input problems are reported in
// the result, and the rest still processed; throws only when the outputs
// cannot be written.
BuildReport run_build(const std::vector<std::string>& inputs, const BuildOptions& options);

// The reduce step: reads the lines `eventgraph extract` wrote (files, or
// "-" for standard input) and finishes as run_build does: the same inputs
// give the same files, however the extraction was split. A line longer than
// 4 x load.max_document_bytes + 4 KiB x extract_limits.max_mentions_per_document
// + 64 KiB is reported (document-too-large) and skipped, and read no further
// than that bound.
BuildReport run_merge(const std::vector<std::string>& extraction_inputs, const BuildOptions& options);

}  // namespace eventgraph
