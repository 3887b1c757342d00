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
