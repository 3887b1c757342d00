// One document's extraction as one JSON line: the map output of
// `eventgraph extract`, read back by the merge.
//
//   std::cout << format_extraction_json(doc, extract_mentions(doc, lexicon)) << '\n';
//
// {"doc", "outlet", "published", "entities": [...], "mentions": [{"type",
//  "cameo", "sentence", "span", "text", "time": {...}, "actors": [...],
//  "place", "quote", "quote_span", "modality", "confidence"}]}
#pragma once

#include <string>

#include "core/types.h"
#include "extract/extract.h"

namespace eventgraph {

// No trailing newline. Keys in a fixed order; deterministic.
std::string format_extraction_json(const Document& doc, const DocumentExtraction& extraction);

}  // namespace eventgraph
