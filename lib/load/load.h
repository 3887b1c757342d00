// Load stage: files, manifests and JSONL streams -> Documents.
//
// Takes: input paths (a directory, a .txt file, a .jsonl file, or "-" for
// JSONL on standard input). Gives: each Document as soon as it is read, and
// a Diagnostic for each input that could not be read; one bad input never
// stops the others.
//
//   LoadOptions options;
//   options.outlet = "example.com";
//   LoadResult result = load_documents({"samples/"}, options);
//   for (const Document& doc : result.documents) ...
//
// A directory with manifest.json loads the files the manifest lists, with
// its metadata; without one, every *.txt file in it (sorted by name). A text
// file without a manifest gets its id from the file name and its publication
// date from a byline or dateline near the top ("Susan Jones | September 30,
// 2015 | 8:23am EDT", "29 Sep, 2015 23:35"), marked as inferred; when there
// is none the date stays unknown.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"

namespace eventgraph {

struct LoadOptions {
  std::string outlet;  // outlet for text files that have no manifest entry
  std::size_t max_document_bytes = std::size_t{16} << 20;
  // How standard input ("-") is named in sources and messages, and the
  // line number of its first line: a partition of a larger JSONL file,
  // read on stdin by a distributed map step, keeps pointing at that file.
  std::string stdin_name = "-";
  std::size_t stdin_first_line = 1;
};

using DocumentSink = std::function<void(Document&&)>;
using DiagnosticSink = std::function<void(Diagnostic&&)>;

// Streams the documents of `inputs` to `on_document` in input order (a
// directory in manifest or name order, a JSONL file line by line, so a file
// larger than memory works). Problems go to `on_diagnostic`.
void load_documents(const std::vector<std::string>& inputs, const LoadOptions& options,
                    const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);

// Reads JSONL articles {id, outlet, url, title, published, text} from
// `in`; `source` names the stream in diagnostics ("-" for stdin).
void load_jsonl(std::istream& in, const std::string& source, const LoadOptions& options,
                const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);

// The lines of a stream, each read up to a bound, so that one endless
// line (a binary file, a pipe of garbage) cannot take unbounded memory.
// load_jsonl reads with it, and so does `eventgraph merge`. It takes from
// the stream only what the stream's buffer holds, so a line that arrived
// on a pipe is handed on at once; std::cin tied to C's stdio (the default)
// holds nothing, and is read a byte per call: untie it first
// (std::ios::sync_with_stdio(false)).
//
//   LineReader reader(in, max_line_bytes);
//   std::string line;
//   std::size_t full_length = 0;
//   while (reader.next(line, full_length)) {
//     if (full_length > line.size()) { /* overlong: report it, skip it */ }
//   }
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t max_bytes);

  // The next line into `line`, without its '\n' (a '\r' before it stays;
  // a last line without '\n' is a line too); false at the end of the input.
  // `line` keeps at most `max_bytes`: the rest of an overlong line is
  // skipped, not stored, and `full_length` is the whole line's length.
  bool next(std::string& line, std::size_t& full_length);

 private:
  static constexpr std::size_t kRunBytes = 65536;

  bool refill();

  std::istream& in_;
  std::size_t max_bytes_;
  std::unique_ptr<char[]> run_;  // kRunBytes taken from the stream at a time
  std::size_t begin_ = 0, end_ = 0;
};

struct LoadResult {
  std::vector<Document> documents;
  std::vector<Diagnostic> diagnostics;
  bool has_errors() const;
};

// Collects everything load_documents streams.
LoadResult load_documents(const std::vector<std::string>& inputs, const LoadOptions& options);

// The publication time stated in a byline or dateline within the first
// lines of `text`, or nullopt. Used for text files without metadata.
std::optional<PublicationTime> find_dateline(std::string_view text);

}  // namespace eventgraph
