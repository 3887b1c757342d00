// Outlet diff: how two outlets covered the same story. For a pair of
// outlets, the events both reported (and whether their own mentions agree on
// the date, the actors, the place and the quotations), the events only one
// reported, and the events that happened after an outlet's articles were
// published, which that outlet could not have reported and are therefore
// not counted as omissions.
//
// Takes: a MergedCorpus (merge_mentions, or events.json read back). Gives:
// one OutletPairDiff per pair, and the same result as a terminal table,
// Markdown or JSON (schemas/diff.schema.json). Only the corpus is read, so
// the same corpus gives the same bytes.
//
//   std::vector<OutletPairDiff> diffs = compare_outlet_pairs(corpus, {});  // every pair
//   std::cout << format_diff_text(diffs);
//
// Each outlet's view of a shared event comes from its own mentions only:
// the days they date it to, the actors and places they name, the quotations
// they carry. A conflict the merge recorded (events.json `conflicts`) between
// the two outlets' documents is flagged on the field it concerns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "merge/merge.h"

namespace eventgraph {

// How the two outlets' values of one field of a shared event relate.
enum class Agreement {
  same,         // the same values
  compatible,   // some in common, or one date contains the other (a month
                // and a day in it): one says more, neither contradicts
  differ,       // both give values and none agrees
  only_first,   // only the first outlet gives a value
  only_second,  // only the second outlet gives a value
  none,         // neither gives one
};
std::string_view to_string(Agreement);  // "same", "compatible", "differ", "only_first", ...

struct FieldComparison {
  Agreement agreement = Agreement::none;
  // Each outlet's values, sorted: dates as TIMEX values ("2015-09-29",
  // "2015-09"), actors and places as names, quotations as written.
  std::vector<std::string> first;
  std::vector<std::string> second;
  // The values of each that the other outlet does not give. Quotations
  // count as given by both when one quotes part of the other or both
  // share a run of five words, whatever the punctuation.
  std::vector<std::string> only_first;
  std::vector<std::string> only_second;
  // The merge recorded a conflict on this field between a document of each
  // outlet (events.json `conflicts`).
  bool is_recorded_conflict = false;
};

// What a diff lists about an event; copied, so a diff outlives its corpus.
struct DiffEvent {
  std::string id;
  std::string type;
  std::string label;
  TimeValue time;
  Modality modality = Modality::asserted;
};

struct SharedEvent {
  DiffEvent event;
  FieldComparison date, actors, place, quotes;
};

struct OutletSummary {
  std::string outlet;
  std::size_t documents = 0;
  std::size_t undated_documents = 0;
  // The latest local publication day of its dated documents.
  std::optional<date::sys_days> latest_publication_day;

  // The day after which the outlet cannot have reported anything: its latest
  // publication day, known only when every one of its documents is dated
  // (an undated article may have been written later).
  std::optional<date::sys_days> coverage_end() const;
};

struct OutletPairDiff {
  OutletSummary first, second;
  std::vector<SharedEvent> both;
  std::vector<DiffEvent> only_first;   // first reported it, second could have
  std::vector<DiffEvent> only_second;
  // Reported by the second only, dated (earliest day) after the first's
  // coverage_end(): not an omission of the first. And the other way round.
  std::vector<DiffEvent> after_first_publication;
  std::vector<DiffEvent> after_second_publication;
};

// The outlets of the corpus's documents and events, sorted, distinct.
std::vector<std::string> list_outlets(const MergedCorpus& corpus);

// `first` against `second`, events in corpus order (by date, type, id). An
// outlet absent from the corpus simply reports nothing; callers check names
// against list_outlets() first.
OutletPairDiff compare_outlets(const MergedCorpus& corpus, std::string_view first,
                               std::string_view second);

// Every pair of `outlets` (all of the corpus's when empty), each pair and the
// pairs in sorted order: (a, b) with a < b.
std::vector<OutletPairDiff> compare_outlet_pairs(const MergedCorpus& corpus,
                                                 std::vector<std::string> outlets);

// For the terminal: per pair, counts first, then the lists; a shared event
// shows the two outlets' values side by side where they are not the same.
std::string format_diff_text(const std::vector<OutletPairDiff>& diffs);
// The same as GitHub-flavoured Markdown tables (cells escaped).
std::string format_diff_markdown(const std::vector<OutletPairDiff>& diffs);
// schemas/diff.schema.json; pretty-printed, keys in a fixed order.
std::string format_diff_json(const std::vector<OutletPairDiff>& diffs,
                             std::string_view generator_version);

}  // namespace eventgraph
