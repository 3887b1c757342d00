// PLACEHOLDER until the text stage lands: passes text through unchanged.
#include "text/text.h"

namespace eventgraph {
NormalizedText normalize_text(std::string_view raw, std::string_view) { return {std::string(raw), {}}; }
std::vector<Sentence> split_sentences(std::string_view text) { return {{0, {0, text.size()}}}; }
std::vector<Token> tokenize(std::string_view, Span) { return {}; }
}  // namespace eventgraph
