// Output stage: the build's results -> files. This header covers the native
// JSON (events.json, schemas/eventgraph.schema.json) and writing files whole
// or not at all; further formats get their own headers here.
//
//   std::string json = format_events_json(corpus);
//   write_file_atomically(out_dir / "events.json", json);
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace eventgraph {

inline constexpr std::string_view kSchemaVersion = "0.1";

// What a build produced, as the writers see it.
struct Corpus {
  std::vector<Document> documents;    // sorted by id
  std::vector<Diagnostic> skipped;    // inputs that were not processed, with why
};

// events.json: generator, documents, entities, events, skipped inputs.
// Pretty-printed, keys in a fixed order: the same corpus gives the same bytes.
std::string format_events_json(const Corpus& corpus, std::string_view generator_version);

// Writes `content` to a temporary file beside `path`, then renames it over
// `path`, so readers never see a half-written file. Throws
// std::filesystem::filesystem_error when the directory is not writable.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace eventgraph
