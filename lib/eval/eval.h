// Evaluation: scores a merged corpus (events.json) against a gold file of
// reference events (schemas/gold.schema.json).
//
// Takes: a Gold (load_gold) and a MergedCorpus. Gives: an EvalReport with
// event precision/recall/F1 per type, date and actor accuracy, merge quality
// (B-cubed over document/event pairs) and, when the gold gives mention
// spans, mention-level coreference scores (MUC, B-cubed, CEAF-e, CoNLL).
//
//   GoldLoad gold = load_gold("samples/gold.json");
//   if (!gold.gold) { for (auto& d : gold.diagnostics) print(d); return 1; }
//   EvalReport report = evaluate(*gold.gold, corpus);
//   std::cout << format_report_text(report);
//
// Definitions (README "Evaluating"):
// - Only factual system events count (modality asserted or reported).
// - A system event matches a gold event when the type is equal, the system
//   date is equal to the gold date or a coarser value containing it ("2015-09"
//   contains "2015-09-28"; a gold without a date accepts any date), and one
//   system actor's canonical name or alias equals a gold actor name, ignoring
//   case (the gold's "about").
// - Matching is one-to-one, greedy over candidate pairs sorted by (documents
//   shared, exact date, actors shared) descending, extra system actors
//   ascending, then gold id, then system id. A system event matched to a
//   required gold event is a true positive. One matched to an optional gold event, or left unmatched but matching an
//   optional one, is neither TP nor FP; any other unmatched event is a false
//   positive (so a duplicate of a required event counts against precision).
//   A required gold event left unmatched is a false negative.
// - dates.accuracy: of the true positives whose gold has a date, the share
//   whose system date value (its day part) equals the gold date exactly.
// - actors.accuracy: of the true positives, the share whose actor set equals
//   the gold actor set: every gold actor is named by a system actor and every
//   system actor names a gold actor.
// - Merge B-cubed: the items are (document, gold event) for each document in
//   the reported_by of the required gold events and of the optional ones that
//   were matched. The key clusters items by gold event. The response clusters
//   an item by the system event that matches the gold event and has a mention
//   in that document (the one matched to the gold event when it qualifies,
//   else the smallest id); an item no system event covers is a singleton.
// - Coreference (gold "mentions"): key clusters = gold events' mentions,
//   response clusters = factual system events' mentions, mentions keyed by
//   (document, trigger span). Twinless mentions (in only one side) are scored
//   as the CoNLL reference scorer does (Pradhan et al. 2014).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "merge/merge.h"

namespace eventgraph {

// --- The gold file ----------------------------------------------------------

struct GoldDocument {
  std::string id;
  std::string file;  // "" when absent
  std::string outlet;
  std::string published;
  std::string note;
};

// One mention of a gold event: its trigger as a byte span of the document's
// text as eventgraph normalizes it.
struct GoldMention {
  std::string doc;
  Span span;
};

struct GoldEvent {
  std::string id;
  bool is_required = true;  // "status": "required" | "optional"
  std::string type;
  std::optional<std::string> date;  // "YYYY-MM-DD", "YYYY-MM" or "YYYY"; none = unknown
  std::vector<std::string> actors;  // names
  std::string place;                // "" when absent
  std::vector<std::string> reported_by;  // document ids
  std::vector<GoldMention> mentions;     // optional in the file
};

struct Gold {
  std::string about;
  std::vector<GoldDocument> documents;
  std::vector<GoldEvent> events;  // in file order
  bool has_mentions() const;
};

struct GoldLoad {
  std::optional<Gold> gold;  // none when the file cannot be read or parsed
  // Errors located as file:line:column with the JSON path of the field
  // ("$.events[3].date"); a broken event is skipped, the rest kept.
  std::vector<Diagnostic> diagnostics;
};

// Reads and checks a gold file. Broken JSON or a wrong top-level shape gives
// no gold; a broken entry is reported and skipped.
GoldLoad load_gold(const std::filesystem::path& path);
// The same from bytes; `name` is used in diagnostics.
GoldLoad parse_gold(std::string_view json, const std::string& name);

// --- Metrics -----------------------------------------------------------------

struct PrecisionRecall {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// F1 is the harmonic mean; 0 when both are 0.
PrecisionRecall make_precision_recall(double precision, double recall);

// A partition of mentions into clusters; a mention is any integer id.
using Clusters = std::vector<std::vector<std::uint64_t>>;

struct CorefScores {
  PrecisionRecall muc;     // Vilain et al. 1995
  PrecisionRecall bcubed;  // Bagga & Baldwin 1998
  PrecisionRecall ceafe;   // Luo 2005, phi4, optimal (Kuhn-Munkres) alignment
  double conll_f1 = 0;     // mean of the three F1
};

// Scores `response` against `key`. Mentions absent from the other side are
// twinless and scored as the CoNLL reference scorer v8 does; a mention
// repeated in `response` keeps its first occurrence (de-duplication), empty
// clusters are dropped. Runs the assignment only inside connected
// components of the key/response overlap graph, so large inputs stay fast.
CorefScores score_coreference(const Clusters& key, const Clusters& response);

// Optimal assignment: the columns assigned to each row maximizing the sum of
// `weight[r][c]` (rows <= columns or not; unassigned = -1). O(n^3).
std::vector<int> max_weight_assignment(const std::vector<std::vector<double>>& weight);

// True when a system date value matches a gold date: equal, or coarser and
// containing it. A date-time value is compared by its day.
bool is_date_compatible(std::string_view system_value, const std::optional<std::string>& gold);

// --- The report ----------------------------------------------------------------

struct TypeCounts {
  std::string type;
  std::size_t tp = 0, fp = 0, fn = 0;
  PrecisionRecall scores;
};

struct EventPair {
  std::string gold_id;
  std::string system_id;
  bool is_required = true;  // of the gold event
  std::string system_date, system_label;
};

// One (document, gold event) item of the merge B-cubed and the system event
// it fell in ("" when no system event covers it).
struct MergeItem {
  std::string gold_id, doc, system_id;
};

struct EvalReport {
  std::vector<TypeCounts> by_type;  // sorted by type
  TypeCounts overall;               // type "all"
  std::size_t gold_events = 0, gold_required = 0;
  std::size_t system_events = 0;    // all events in the corpus
  std::size_t factual_events = 0;   // those scored
  std::size_t optional_matched = 0;  // factual events matched to optional gold

  std::size_t dates_compared = 0, dates_exact = 0;
  double date_accuracy = 0;
  std::size_t actors_compared = 0, actors_exact = 0;
  double actor_accuracy = 0;

  std::size_t merge_items = 0;
  PrecisionRecall merge_bcubed;
  std::vector<MergeItem> merge_items_detail;  // gold order, then reported_by order

  std::optional<CorefScores> coref;  // when the gold gives mentions
  std::size_t gold_mentions = 0, system_mentions = 0, common_mentions = 0;

  std::vector<EventPair> matches;  // in the gold's order
  struct Missed {
    std::string gold_id, type, date, actors;  // actors joined with ", "
  };
  std::vector<Missed> missed;  // required gold events not found
  struct FalsePositive {
    std::string system_id, type, date, label;
  };
  std::vector<FalsePositive> false_positives;  // sorted by id
};

EvalReport evaluate(const Gold& gold, const MergedCorpus& corpus);

// A readable table (per type, dates, actors, merge, coref, then the missed
// gold events and the false positives).
std::string format_report_text(const EvalReport& report);
// One JSON object, keys in a fixed order, numbers with 4 decimals.
std::string format_report_json(const EvalReport& report);

}  // namespace eventgraph
