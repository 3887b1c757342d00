// One document's extraction as one JSON line: the map output of
// `eventgraph extract`, read back by `eventgraph merge` (the reduce step).
//
//   std::cout << format_extraction_json(doc, extract_mentions(doc, lexicon)) << '\n';
//   ...
//   ExtractionRead read = read_extraction_json(line, "part-0.jsonl", 12);
//
// {"doc", "outlet", "url", "title", "published", "published_inferred",
//  "source", "entities": [...], "mentions": [{"type", "cameo", "sentence",
//  "span", "text", "time": {...}, "actors": [...], "place", "quote",
//  "quote_span", "modality", "confidence"}], "affiliations": [...], "text"}
//
// The normalized text travels with the mentions because the outputs quote
// it (time expressions, JSON-LD character offsets) and because a document
// without a date is extracted again once the merge has inferred its day.
// An input the map step skipped travels as {"skipped": {"input", "line",
// "code", "message"}}, so that events.json lists it as `build` would.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/types.h"
#include "extract/extract.h"

namespace eventgraph {

// No trailing newline. Keys in a fixed order; deterministic.
std::string format_extraction_json(const Document& doc, const DocumentExtraction& extraction);
std::string format_skipped_json(const Diagnostic& skipped);

struct ExtractionRead {
  std::optional<Document> document;  // with its extraction, for a document line
  DocumentExtraction extraction;
  std::optional<Diagnostic> skipped;  // for a skipped-input line
  std::optional<Diagnostic> error;    // the line is not a valid extraction line
};

// Reads one line; `source` and `line_number` locate errors.
ExtractionRead read_extraction_json(std::string_view line, std::string_view source,
                                    std::size_t line_number);

}  // namespace eventgraph
