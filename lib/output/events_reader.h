// Reads events.json back: the input of `eventgraph diff`, `render` and
// `eval`, which work on a graph already built.
//
//   EventsFileLoad load = load_events_json("out/events.json");
//   if (!load.file) { report(*load.error); return 1; }
//   for (const Event& e : load.file->corpus.events) ...
//
// events.json does not carry article texts, so the documents come back with
// an empty `text` (their size is in `text_bytes`), and event actors without
// spans. Everything else that format_events_json writes is read back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "merge/merge.h"

namespace eventgraph {

struct EventsFile {
  std::string generator_version;
  std::string schema_version;
  MergedCorpus corpus;               // documents without text
  std::vector<std::size_t> text_bytes;  // text_bytes[i]: size of corpus.documents[i]'s text
  std::vector<Diagnostic> skipped;   // the inputs the build skipped
};

// Either the file, or the first problem found (syntax error with line and
// column, or a field of the wrong shape named by its JSON path).
struct EventsFileLoad {
  std::optional<EventsFile> file;
  std::optional<Diagnostic> error;
};

// `source` names the input in the error ("out/events.json").
EventsFileLoad read_events_json(std::string_view json, std::string_view source);
// Reads the file at `path` ("-" for standard input).
EventsFileLoad load_events_json(const std::filesystem::path& path);

}  // namespace eventgraph
