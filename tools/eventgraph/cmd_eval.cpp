// `eventgraph eval`: scores an events.json against a gold file of reference
// events and prints the figures as a table or as JSON.
#include <iostream>
#include <string>

#include "cli_support.h"
#include "commands.h"
#include "eval/eval.h"
#include "output/events_reader.h"

namespace eventgraph::cli {

int run_eval(std::span<char*> args) {
  auto app = make_app(
      "eval",
      "Score an events.json (from 'eventgraph build') against a gold file of reference events "
      "(schemas/gold.schema.json): precision, recall and F1 of the factual events per type, date "
      "and actor accuracy, merge quality (B-cubed over document/event pairs) and, when the gold "
      "gives mention spans, MUC, B-cubed, CEAF-e and CoNLL F1. Definitions: README, 'Evaluating'.");
  std::string gold_path;
  std::string events_path;
  bool is_json = false;
  app->add_option("--gold", gold_path, "gold file (JSON, schemas/gold.schema.json)")->required();
  app->add_option("events", events_path, "events.json written by 'eventgraph build' ('-' for stdin)")
      ->required();
  app->add_flag("--json", is_json, "print one JSON object (fixed decimals) instead of the table");
  app->footer(
      "Examples:\n"
      "  eventgraph build samples -o out --format=json\n"
      "  eventgraph eval --gold samples/gold.json out/events.json\n"
      "  eventgraph eval --gold samples/gold.json out/events.json --json | jq .events.f1\n\n"
      "Exit status: 0 scored, 1 a file is missing or broken (a broken gold entry is skipped\n"
      "and the rest scored), 2 usage error.");
  if (auto status = parse_args(*app, args)) return *status;

  GoldLoad gold = load_gold(gold_path);
  bool has_error = report(gold.diagnostics);
  EventsFileLoad events = load_events_json(events_path);
  if (events.error) {
    report(*events.error);
    has_error = true;
  }
  if (!gold.gold || !events.file) {
    std::cerr << "eventgraph eval: nothing scored\n";
    return kExitInputFailed;
  }
  // A gold document the system never read is a likely mix-up of corpora.
  for (const GoldDocument& d : gold.gold->documents) {
    if (!find_document(events.file->corpus.documents, d.id)) {
      report(Diagnostic{Severity::warning, events_path, 0, 0, "gold-document-missing",
                        "the gold's document \"" + d.id + "\" is not in this events.json"});
    }
  }
  EvalReport result = evaluate(*gold.gold, events.file->corpus);
  std::cout << (is_json ? format_report_json(result) : format_report_text(result));
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write to standard output");
  return has_error ? kExitInputFailed : kExitOk;
}

}  // namespace eventgraph::cli
