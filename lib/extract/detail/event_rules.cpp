// PLACEHOLDER
#include "extract/detail/event_rules.h"
namespace eventgraph::detail {
void parse_event_rules(std::string_view, const std::string&, EventRules&, std::vector<Diagnostic>&) {}
}  // namespace eventgraph::detail
