// PLACEHOLDER: replaced by the time stage (issue 3).
#include "commands.h"
namespace eventgraph::cli {
int run_timex(std::span<char*>) { return 2; }
}  // namespace eventgraph::cli
