// PLACEHOLDER
#include "extract/detail/entities.h"
#include "extract/detail/entity_lexicon.h"
namespace eventgraph::detail {
EntityResult find_entities(const SegmentedText&, const EntityLexicon&, std::optional<date::sys_days>) { return {}; }
}  // namespace eventgraph::detail
