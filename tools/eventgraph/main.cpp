// eventgraph: turns news articles into an event and timeline graph.
// This file only dispatches to the subcommand named by the first argument.
#include <exception>
#include <iostream>
#include <new>
#include <span>
#include <string_view>

#include "cli_support.h"
#include "commands.h"

#ifdef EVENTGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

void print_usage(std::ostream& out) {
  out << "eventgraph " EVENTGRAPH_VERSION
         " - news articles to an event and timeline knowledge graph\n\n"
         "Usage: eventgraph <command> [options] [inputs...]\n\nCommands:\n";
  for (const auto& command : eventgraph::cli::kCommands) {
    out << "  " << command.name << std::string(10 - command.name.size(), ' ') << command.summary
        << '\n';
  }
  out << "\nRun 'eventgraph <command> --help' for the options of a command.\n"
         "Exit status: 0 success, 1 some input failed (the rest was processed), 2 usage error.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace eventgraph::cli;
  std::span<char*> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
  if (args.empty()) {
    print_usage(std::cerr);
    return kExitUsage;
  }
  std::string_view first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(std::cout);
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "eventgraph " EVENTGRAPH_VERSION "\n";
#ifdef EVENTGRAPH_WITH_MIMALLOC
    // Also keeps the link to mimalloc, whose malloc replaces glibc's.
    int v = mi_version();
    std::cout << "allocator: mimalloc " << v / 100 << '.' << v / 10 % 10 << '.' << v % 10 << "\n";
#else
    std::cout << "allocator: glibc malloc\n";
#endif
    return kExitOk;
  }
  // Untied from C's stdio, std::cin has a buffer of its own, from which
  // LineReader (build, extract, merge on "-") takes runs of bytes; tied, it
  // had none and was read a byte per call (`merge -` on 64 MiB: 3.7 s
  // against 0.15 s; `build -` on 5 MB: 0.81 against 0.46 s). No command
  // writes through C's stdio but the progress line, to unbuffered stderr.
  std::ios::sync_with_stdio(false);
  for (const auto& command : kCommands) {
    if (command.name != first) continue;
    try {
      return command.run(args.subspan(1));
    } catch (const std::bad_alloc&) {
      std::cerr << "eventgraph: out of memory\n";
    } catch (const std::exception& e) {
      std::cerr << "eventgraph " << first << ": " << e.what() << '\n';
    }
    return 3;  // the environment failed us (unwritable output, ...), not the input
  }
  std::cerr << "eventgraph: unknown command '" << first << "'\n\n";
  print_usage(std::cerr);
  return kExitUsage;
}
