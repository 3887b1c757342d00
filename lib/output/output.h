// Output stage: the event graph -> files. This header covers the native
// JSON (events.json, schemas/eventgraph.schema.json) and writing files whole
// or not at all; every other format has its own header here.
//
//   std::string json = format_events_json(graph, skipped, "0.1.0");
//   write_file_atomically(out_dir / "events.json", json);
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/types.h"
#include "graph/graph.h"

namespace eventgraph {

inline constexpr std::string_view kSchemaVersion = "1.0";

// events.json: generator, documents, entities, events, skipped inputs.
// Pretty-printed, keys in a fixed order: the same graph gives the same bytes.
// `skipped` lists the inputs that were not processed (sorted by the caller).
// `skipped` lists the inputs (and parts, cut by a limit) that were not
// processed; `limits` the bounds of the run by name, written as "limits".
std::string format_events_json(const EventGraph& graph, const std::vector<Diagnostic>& skipped,
                               std::string_view generator_version,
                               const std::vector<std::pair<std::string, std::size_t>>& limits = {});

// Writes `content` to a temporary file beside `path`, then renames it over
// `path`, so readers never see a half-written file. Throws
// std::filesystem::filesystem_error when the directory is not writable.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace eventgraph
