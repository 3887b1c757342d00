// PLACEHOLDER: event extraction is being written.
#include "extract/extract.h"
#include "extract/detail/lexicon_data.h"
namespace eventgraph {
DocumentExtraction extract_mentions(const Document& doc, const Lexicon&) { return {doc.id, {}, {}, {}}; }
}  // namespace eventgraph
