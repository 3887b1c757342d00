// PLACEHOLDER
#include "extract/detail/entity_lexicon.h"
namespace eventgraph::detail {
void parse_entity_lexicon(std::string_view, const std::string&, EntityLexicon&, std::vector<Diagnostic>&) {}
}  // namespace eventgraph::detail
