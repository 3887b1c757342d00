// Test support: the samples built by the pipeline into events.json and
// read back, a corpus of real text with every field the writers fill.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "output/events_reader.h"
#include "pipeline/pipeline.h"

namespace eventgraph::testing {

// `tag` keeps the temporary directories of tests that run at once apart.
inline EventsFile samples_events_file(const std::string& tag) {
  namespace fs = std::filesystem;
  fs::path out = fs::temp_directory_path() / ("eventgraph-" + tag + "-" + std::to_string(::getpid()));
  BuildOptions options;
  options.output_dir = out;
  options.formats = {OutputFormat::json};
  BuildReport report = run_build({std::string(EVENTGRAPH_SOURCE_DIR) + "/samples"}, options);
  REQUIRE_FALSE(report.has_errors());
  EventsFileLoad load = load_events_json(out / "events.json");
  fs::remove_all(out);
  REQUIRE(load.file);
  return std::move(*load.file);
}

}  // namespace eventgraph::testing
