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

// Where a writer's bytes go. The write_* functions of the output headers
// stream into one, so that a file of any size is written without holding
// it in memory; the format_* functions collect the same bytes in a string.
class TextSink {
 public:
  virtual ~TextSink() = default;
  virtual void write(std::string_view bytes) = 0;
};

class StringSink final : public TextSink {
 public:
  void write(std::string_view bytes) override { text_.append(bytes); }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// The bytes `write(sink)` streams, as one string: each format_* function is
// its write_* collected this way.
template <typename Write>
std::string collect_output(Write&& write) {
  StringSink sink;
  write(sink);
  return sink.take();
}

// An output file written whole or not at all: the bytes go to a temporary
// file beside `path`, and commit() flushes it to disk and renames it over
// `path`, so readers never see a half-written file. Destroyed without
// commit() (a writer threw), the temporary is removed and `path` is left
// as it was. Throws std::filesystem::filesystem_error when the directory
// is not writable or the disk is full.
class AtomicFile final : public TextSink {
 public:
  explicit AtomicFile(const std::filesystem::path& path);
  ~AtomicFile() override;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes) override;
  void commit();

 private:
  [[noreturn]] void fail(const char* what);
  void write_through(std::string_view bytes);

  std::filesystem::path path_;
  std::filesystem::path temp_;
  int fd_ = -1;
  std::string buffer_;  // bytes not yet handed to the kernel
};

// events.json streamed into `out`: the bytes format_events_json returns.
void write_events_json(const EventGraph& graph, const std::vector<Diagnostic>& skipped,
                       std::string_view generator_version,
                       const std::vector<std::pair<std::string, std::size_t>>& limits, TextSink& out);

// Writes `content` through an AtomicFile at `path`.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace eventgraph
