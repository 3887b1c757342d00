// `eventgraph diff`: how outlets covered the same story, from events.json.
#include <algorithm>
#include <iostream>
#include <set>

#include "cli_support.h"
#include "commands.h"
#include "diff/diff.h"
#include "output/events_reader.h"

namespace eventgraph::cli {

int run_diff(std::span<char*> args) {
  auto app = make_app("diff",
                      "Compare how outlets covered the story in an events.json (written by\n"
                      "'eventgraph build'): for each pair of outlets, the events both reported and\n"
                      "whether they agree on date, actors, place and quotations; the events only one\n"
                      "reported; and the events dated after an outlet's last article, which are not\n"
                      "counted as its omissions (an outlet with an undated article has none).\n\n"
                      "Examples:\n"
                      "  eventgraph diff out/events.json\n"
                      "  eventgraph diff out/events.json --outlets rt.com,cnsnews.com --markdown > diff.md\n"
                      "  eventgraph diff - --json < out/events.json");
  std::string input;
  std::vector<std::string> outlets;
  bool is_json = false;
  bool is_markdown = false;
  app->add_option("events", input, "events.json to read, or - for standard input")->required();
  app->add_option("--outlets", outlets,
                  "outlets to compare, comma-separated (at least two; default: every outlet), "
                  "each pair in sorted order")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* json_flag = app->add_flag("--json", is_json, "write JSON (schemas/diff.schema.json) instead of a table");
  app->add_flag("--markdown", is_markdown, "write Markdown tables instead of a plain-text table")
      ->excludes(json_flag);
  if (auto status = parse_args(*app, args)) return *status;

  EventsFileLoad load = load_events_json(input);
  if (!load.file) {
    report(*load.error);
    return kExitInputFailed;
  }
  const MergedCorpus& corpus = load.file->corpus;
  std::vector<std::string> present = list_outlets(corpus);
  std::string present_list;
  for (const std::string& o : present) present_list += (present_list.empty() ? "" : ", ") + o;
  if (!outlets.empty()) {
    std::set<std::string> chosen;
    for (const std::string& o : outlets) {
      if (std::find(present.begin(), present.end(), o) == present.end()) {
        std::cerr << "eventgraph diff: unknown outlet \"" << o << "\" in --outlets; " << input
                  << " has: " << (present_list.empty() ? "(none)" : present_list) << '\n';
        return kExitUsage;
      }
      chosen.insert(o);
    }
    if (chosen.size() < 2) {
      std::cerr << "eventgraph diff: --outlets needs two different outlets to compare; " << input
                << " has: " << (present_list.empty() ? "(none)" : present_list) << '\n';
      return kExitUsage;
    }
  } else if (present.size() < 2) {
    std::cerr << "eventgraph diff: " << input << " has "
              << (present.empty() ? "no outlet" : "one outlet (" + present_list + ")")
              << "; a diff needs two\n";
    return kExitUsage;
  }

  std::vector<OutletPairDiff> diffs = compare_outlet_pairs(corpus, outlets);
  if (is_json) std::cout << format_diff_json(diffs, EVENTGRAPH_VERSION);
  else if (is_markdown) std::cout << format_diff_markdown(diffs);
  else std::cout << format_diff_text(diffs);
  std::cout.flush();
  return std::cout ? kExitOk : 3;
}

}  // namespace eventgraph::cli
