// The subcommands of `eventgraph`, one cmd_<name>.cpp each. main.cpp only
// dispatches; every command parses its own options and calls the library.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace eventgraph::cli {

// Each returns the process exit status: 0 clean, 1 some input failed,
// 2 usage or configuration error. `args` excludes the subcommand name.
int run_build(std::span<char*> args);
int run_segment(std::span<char*> args);
int run_extract(std::span<char*> args);
int run_timex(std::span<char*> args);
int run_merge(std::span<char*> args);
int run_eval(std::span<char*> args);
int run_render(std::span<char*> args);
int run_diff(std::span<char*> args);

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(std::span<char*> args);
};

inline constexpr Command kCommands[] = {
    {"build", "read articles and write the event graph (events.json, ...)", run_build},
    {"segment", "print the sentences of articles as JSON lines", run_segment},
    {"extract", "print the entities and event mentions of articles as JSON lines (map step)", run_extract},
    {"merge", "merge the lines of `extract` into the event graph files (reduce step)", run_merge},
    {"timex", "find and resolve time expressions in JSON lines {id, dct, text}", run_timex},
    {"eval", "score an events.json against a gold file of reference events", run_eval},
    {"render", "draw the timeline of an events.json as SVG or PNG", run_render},
    {"diff", "compare how outlets covered the story in an events.json", run_diff},
};

}  // namespace eventgraph::cli
