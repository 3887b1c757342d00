#include "commands.h"
namespace eventgraph::cli {
int run_build(std::span<char*>) { return 2; }
}  // namespace eventgraph::cli
