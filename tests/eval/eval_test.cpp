// Tests of the eval module: coreference metrics on the worked examples of
// the CoNLL reference scorer, the gold loader, event matching and merge
// B-cubed on small hand-computed corpora.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "eval/eval.h"

using namespace eventgraph;
namespace fs = std::filesystem;

namespace {

// "{a} {bc} {def}" -> clusters of character codes; each character is one
// mention, a repeated character is the same mention.
Clusters parse_clusters(std::string_view s) {
  Clusters out;
  for (char c : s) {
    if (c == '{') {
      out.emplace_back();
    } else if (c != '}' && c != ' ') {
      out.back().push_back(static_cast<unsigned char>(c));
    }
  }
  return out;
}

struct Expected {
  double recall, precision, f1;
};

void check(const PrecisionRecall& got, Expected want, double epsilon) {
  CHECK(got.recall == doctest::Approx(want.recall).epsilon(epsilon));
  CHECK(got.precision == doctest::Approx(want.precision).epsilon(epsilon));
  CHECK(got.f1 == doctest::Approx(want.f1).epsilon(epsilon));
}

double f(double r, double p) { return 2 * r * p / (r + p); }

constexpr double kExact = 1e-9;    // expected values given as fractions
constexpr double kPublished = 1e-5;  // expected values given with 5 decimals

const char* kKeyA = "{a} {bc} {def}";

}  // namespace

// Expected numbers: test/CorefMetricTestConfig.pm and test/TestCases.README of
// github.com/conll/reference-coreference-scorers (v8.01), [recall, precision, F1].
TEST_CASE("coreference: TC-A-1 perfect response") {
  CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {bc} {def}"));
  check(s.muc, {1, 1, 1}, kExact);
  check(s.bcubed, {1, 1, 1}, kExact);
  check(s.ceafe, {1, 1, 1}, kExact);
  CHECK(s.conll_f1 == doctest::Approx(1.0));
}

TEST_CASE("coreference: TC-A-2 missing mentions and entities") {
  CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {de}"));
  check(s.muc, {1.0 / 3, 1, 0.5}, kExact);
  check(s.bcubed, {(7.0 / 3) / 6, 1, 14.0 / 25}, kExact);
  check(s.ceafe, {0.6, 0.9, 0.72}, kPublished);
}

TEST_CASE("coreference: TC-A-3 false-alarm mentions and entities") {
  CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {bcx} {defy} {z}"));
  check(s.muc, {1, 3.0 / 5, 0.75}, kExact);
  check(s.bcubed, {1, (4 + 7.0 / 12) / 9, 110.0 / 163}, kExact);
  check(s.ceafe, {0.88571, 0.66429, 0.75918}, kPublished);
}

TEST_CASE("coreference: TC-A-4 missing and false-alarm mentions") {
  CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {bcx} {dy} {z}"));
  const double r = (3 + 1.0 / 3) / 6, p = (1 + 4.0 / 3 + 1.0 / 2) / 7;
  check(s.muc, {1.0 / 3, 1.0 / 3, 1.0 / 3}, kExact);
  check(s.bcubed, {r, p, f(r, p)}, kExact);
  check(s.ceafe, {0.73333, 0.55, 0.62857}, kPublished);
  CHECK(s.conll_f1 == doctest::Approx((1.0 / 3 + f(r, p) + 0.628571) / 3).epsilon(kPublished));
}

TEST_CASE("coreference: TC-A-5 an overlapping mention in the aligned entity") {
  CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {bcxB} {dy} {z}"));
  const double r = (3 + 1.0 / 3) / 6, p = 2.5 / 8;
  check(s.muc, {1.0 / 3, 1.0 / 4, 2.0 / 7}, kExact);
  check(s.bcubed, {r, p, f(r, p)}, kExact);
  check(s.ceafe, {0.68889, 0.51667, 0.59048}, kPublished);
}

TEST_CASE("coreference: TC-A-6 an overlapping mention in an unaligned entity") {
  CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {bcx} {dy} {Bz}"));
  const double r = (10.0 / 3) / 6, p = (1 + 4.0 / 3 + 1.0 / 2) / 8;
  check(s.muc, {1.0 / 3, 1.0 / 4, 2.0 / 7}, kExact);
  check(s.bcubed, {r, p, f(r, p)}, kExact);
  check(s.ceafe, {0.73333, 0.55, 0.62857}, kPublished);
}

TEST_CASE("coreference: TC-A-7, A-8, A-9 duplicate mentions are de-duplicated") {
  const double r = (10.0 / 3) / 6, p = (1 + 4.0 / 3 + 1.0 / 2) / 7;
  for (const char* response : {"{a} {bcxb} {dy} {z}",   // A-7: duplicate in the same entity
                               "{a} {bcx} {dy} {bz}",    // A-8: duplicate in another entity
                               "{a} {bcx} {dy} {bbbbbbbbbbz}"}) {  // A-9: repeated 10 times
    CAPTURE(response);
    CorefScores s = score_coreference(parse_clusters(kKeyA), parse_clusters(response));
    check(s.muc, {1.0 / 3, 1.0 / 3, 1.0 / 3}, kExact);
    check(s.bcubed, {r, p, f(r, p)}, kExact);
    check(s.ceafe, {0.73333, 0.55, 0.62857}, kPublished);
  }
}

TEST_CASE("coreference: TC-A-10 to A-13 singletons and one big cluster") {
  CorefScores s10 = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {b} {c} {d} {e} {f}"));
  check(s10.muc, {0, 0, 0}, kExact);
  check(s10.bcubed, {3.0 / 6, 1, 2.0 / 3}, kExact);
  CorefScores s11 = score_coreference(parse_clusters(kKeyA), parse_clusters("{abcdef}"));
  check(s11.muc, {1, 3.0 / 5, 6.0 / 8}, kExact);
  check(s11.bcubed, {1, (1.0 / 6 + 2 * 2.0 / 6 + 3 * 3.0 / 6) / 6, 14.0 / 25}, kExact);
  CorefScores s12 = score_coreference(parse_clusters(kKeyA), parse_clusters("{a} {x} {y} {c} {d} {e} {z}"));
  check(s12.muc, {0, 0, 0}, kExact);
  const double r12 = (1 + 1.0 / 2 + 2.0 / 3) / 6, p12 = 4.0 / 7;
  check(s12.bcubed, {r12, p12, f(r12, p12)}, kExact);
  CorefScores s13 = score_coreference(parse_clusters(kKeyA), parse_clusters("{axycdez}"));
  const double r13 = (1 + 1.0 / 2 + 2 * 2.0 / 3) / 6, p13 = (1.0 / 7 + 1.0 / 7 + 2 * 2.0 / 7) / 7;
  check(s13.muc, {1.0 / 3, 1.0 / 6, 2.0 / 9}, kExact);
  check(s13.bcubed, {r13, p13, f(r13, p13)}, kExact);
}

TEST_CASE("coreference: TC-D-1 and TC-E-1, the B-cubed paper's merges") {
  const char* key = "{12345} {67} {89ABC}";
  CorefScores d = score_coreference(parse_clusters(key), parse_clusters("{12345} {6789ABC}"));
  check(d.muc, {1, 9.0 / 10, 0.947368421}, 1e-8);
  check(d.bcubed, {1, 16.0 / 21, 0.864864865}, 1e-8);
  CorefScores e = score_coreference(parse_clusters(key), parse_clusters("{1234589ABC} {67}"));
  check(e.muc, {1, 9.0 / 10, 0.947368421}, 1e-8);
  check(e.bcubed, {1, 7.0 / 12, 0.736842105}, 1e-8);
}

TEST_CASE("coreference: TC-F-1 to TC-L-1, the MUC paper's examples") {
  struct Case {
    const char *id, *key, *response;
    double recall, precision;
  };
  for (const Case& c : {Case{"F1", "{ABCD}", "{AB} {CD}", 2.0 / 3, 1},
                        Case{"G1", "{AB} {CD}", "{ABCD}", 1, 2.0 / 3},
                        Case{"H1", "{ABCD}", "{ABCD}", 1, 1},
                        Case{"I1", "{ABCD}", "{AB} {CD}", 2.0 / 3, 1},
                        Case{"J1", "{ABC}", "{AC}", 1.0 / 2, 1},
                        Case{"K1", "{BCDEGHJ}", "{ABC} {DEF} {GHI}", 3.0 / 6, 3.0 / 6},
                        Case{"L1", "{ABC} {DEFG}", "{AB} {CD} {FGH}", 2.0 / 5, 2.0 / 4}}) {
    CAPTURE(c.id);
    CorefScores s = score_coreference(parse_clusters(c.key), parse_clusters(c.response));
    check(s.muc, {c.recall, c.precision, f(c.recall, c.precision)}, kExact);
  }
}

TEST_CASE("coreference: TC-M and TC-N, all coreferent or all singletons in the key") {
  CorefScores m1 = score_coreference(parse_clusters("{abcdef}"), parse_clusters("{abcdef}"));
  check(m1.muc, {1, 1, 1}, kExact);
  check(m1.bcubed, {1, 1, 1}, kExact);
  check(m1.ceafe, {1, 1, 1}, kExact);
  CHECK(score_coreference(parse_clusters("{abcdef}"), parse_clusters("{a} {b} {c} {d} {e} {f}")).muc.f1 == 0);
  CHECK(score_coreference(parse_clusters("{abcdef}"), parse_clusters("{a} {b} {c} {x} {y} {z}")).muc.f1 == 0);
  CorefScores n1 = score_coreference(parse_clusters("{a} {b} {c} {d} {e} {f}"),
                                     parse_clusters("{a} {b} {c} {d} {e} {f}"));
  check(n1.muc, {0, 0, 0}, kExact);
  check(n1.bcubed, {1, 1, 1}, kExact);
  check(n1.ceafe, {1, 1, 1}, kExact);
}

TEST_CASE("coreference: CEAF-e needs the optimal alignment, not a greedy one") {
  // By hand: key {ab} {cd}, response {abc} {d}.
  // phi4: ab-abc 4/5, cd-abc 2/5, cd-d 2/3. Optimum 4/5 + 2/3 = 22/15.
  CorefScores s = score_coreference(parse_clusters("{ab} {cd}"), parse_clusters("{abc} {d}"));
  check(s.ceafe, {(22.0 / 15) / 2, (22.0 / 15) / 2, (22.0 / 15) / 2}, kExact);
  // Greedy (largest weight first) would take 0.9 and then nothing.
  std::vector<std::vector<double>> w = {{0.9, 0.8}, {0.7, 0.0}};
  std::vector<int> best = max_weight_assignment(w);  // 0.8 + 0.7 beats 0.9 + 0
  CHECK(best == std::vector<int>{1, 0});
  std::vector<std::vector<double>> wide = {{0.1, 0.5, 0.2}};
  CHECK(max_weight_assignment(wide) == std::vector<int>{1});
  std::vector<std::vector<double>> tall = {{0.1}, {0.5}, {0.2}};
  CHECK(max_weight_assignment(tall) == std::vector<int>{-1, 0, -1});
}

TEST_CASE("coreference: many components stay fast and equal the sum of their parts") {
  // 20000 key entities of 3 mentions, each split by the response into 2+1:
  // every component alike, so the scores equal those of one component.
  Clusters key, response;
  for (std::uint64_t i = 0; i < 20000; ++i) {
    key.push_back({3 * i, 3 * i + 1, 3 * i + 2});
    response.push_back({3 * i, 3 * i + 1});
    response.push_back({3 * i + 2});
  }
  CorefScores big = score_coreference(key, response);
  CorefScores one = score_coreference(parse_clusters("{abc}"), parse_clusters("{ab} {c}"));
  CHECK(big.muc.f1 == doctest::Approx(one.muc.f1));
  CHECK(big.bcubed.f1 == doctest::Approx(one.bcubed.f1));
  CHECK(big.ceafe.f1 == doctest::Approx(one.ceafe.f1));
  // {abc} vs {ab} {c}: phi4 = 4/5; recall 4/5, precision 4/5 / 2.
  check(one.ceafe, {0.8, 0.4, f(0.8, 0.4)}, kExact);
}

// --- gold loading -----------------------------------------------------------

TEST_CASE("gold: the shared seeds gold and the samples' copy load without a problem") {
  for (fs::path p : {fs::path(EVENTGRAPH_SHARED_DIR) / "eval/seeds.gold.json",
                     fs::path(EVENTGRAPH_SOURCE_DIR) / "samples/gold.json"}) {
    CAPTURE(p);
    GoldLoad g = load_gold(p);
    REQUIRE(g.gold);
    CHECK(g.diagnostics.empty());
    CHECK(g.gold->documents.size() == 3);
    CHECK(g.gold->events.size() == 17);
    const GoldEvent& g1 = g.gold->events[0];
    CHECK(g1.id == "G1");
    CHECK(g1.is_required);
    CHECK(g1.date == std::optional<std::string>("2015-09-28"));
    CHECK(g1.actors == std::vector<std::string>{"Barack Obama", "Vladimir Putin"});
    CHECK(g.gold->events[15].date == std::nullopt);  // G16: no date
    CHECK(!g.gold->events[15].is_required);
    CHECK(!g.gold->has_mentions());
  }
}

TEST_CASE("gold: broken JSON gives line and column") {
  GoldLoad g = parse_gold("{\n  \"documents\": [],\n  \"events\": [,]\n}", "bad.json");
  CHECK(!g.gold);
  REQUIRE(g.diagnostics.size() == 1);
  CHECK(g.diagnostics[0].line == 3);
  CHECK(g.diagnostics[0].column == 14);
  CHECK(g.diagnostics[0].code == "json-syntax");
  CHECK(g.diagnostics[0].to_string().rfind("bad.json:3:14: error: invalid JSON", 0) == 0);
}

TEST_CASE("gold: a wrong field type names the JSON path and line; the rest is kept") {
  const std::string json = R"({"documents": [{"id": "d1", "outlet": "x.com", "published": "2015-09-29"}],
 "events": [
  {"id": "G1", "status": "required", "type": "meeting", "date": "2015-09-28",
   "actors": ["A"], "reported_by": ["d1"]},
  {"id": "G2", "status": "required", "type": "meeting", "date": 20150928,
   "actors": ["A"], "reported_by": ["d1"]},
  {"id": "G3", "status": "maybe", "type": "meeting", "date": "2015-09",
   "actors": ["A"], "reported_by": ["d1"]},
  {"id": "G4", "status": "optional", "type": "meeting", "date": "2015-9-28",
   "actors": ["A"], "reported_by": ["d9"]},
  {"id": "G5", "status": "optional", "type": "meeting", "date": null,
   "actors": ["A", 3], "reported_by": ["d1"]},
  {"id": "G6", "status": "optional", "type": "meeting", "date": "2015",
   "actors": ["A"], "reported_by": ["d1"], "mentions": [{"doc": "d1", "span": [10, 4]}]}
 ]})";
  GoldLoad g = parse_gold(json, "g.json");
  REQUIRE(g.gold);
  REQUIRE(g.gold->events.size() == 1);
  CHECK(g.gold->events[0].id == "G1");
  REQUIRE(g.diagnostics.size() == 5);
  CHECK(g.diagnostics[0].to_string() ==
        "g.json:5:3: error: $.events[1].date: expected \"YYYY-MM-DD\", \"YYYY-MM\", \"YYYY\" or null, "
        "got a number; the entry is skipped [bad-gold-field]");
  CHECK(g.diagnostics[1].message.find("$.events[2].status: expected \"required\" or \"optional\"") == 0);
  CHECK(g.diagnostics[1].line == 7);
  CHECK(g.diagnostics[2].message.find("$.events[3].date") == 0);
  CHECK(g.diagnostics[3].message.find("$.events[4].actors[1]: expected a non-empty string, got a number") == 0);
  CHECK(g.diagnostics[4].message.find("$.events[5].mentions[0].span") == 0);
}

TEST_CASE("gold: mentions with spans are read") {
  GoldLoad g = parse_gold(R"({"documents": [{"id": "d1", "outlet": "", "published": ""}], "events": [
    {"id": "G1", "status": "required", "type": "meeting", "date": "2015", "actors": ["A"],
     "reported_by": ["d1"], "mentions": [{"doc": "d1", "span": [4, 9]}]}]})",
                          "g.json");
  REQUIRE(g.gold);
  CHECK(g.diagnostics.empty());
  CHECK(g.gold->has_mentions());
  REQUIRE(g.gold->events[0].mentions.size() == 1);
  CHECK(g.gold->events[0].mentions[0].span == Span{4, 9});
  CHECK(!load_gold("/nonexistent/gold.json").gold);
  CHECK(load_gold("/nonexistent/gold.json").diagnostics.at(0).message == "no such file");
}

// --- matching and scoring ------------------------------------------------------

namespace {

Entity entity(std::string id, std::string name, std::vector<std::string> aliases = {}) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.aliases = std::move(aliases);
  return e;
}

// An event with one mention per document, its trigger at [trigger, trigger+5).
Event event(std::string id, std::string type, std::string date, std::vector<std::string> actor_ids,
            std::vector<std::string> docs, Modality modality = Modality::asserted, std::size_t trigger = 0) {
  Event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.label = e.type + " " + e.id;
  e.time.value = std::move(date);
  e.modality = modality;
  for (auto& a : actor_ids) e.actors.push_back(ActorRole{std::move(a), Role::agent, {}});
  for (auto& d : docs) {
    MentionRecord m;
    m.mention.doc = std::move(d);
    m.mention.type = e.type;
    m.mention.trigger = Span{trigger, trigger + 5};
    e.mentions.push_back(std::move(m));
  }
  return e;
}

GoldEvent gold_event(std::string id, bool required, std::string type, std::optional<std::string> date,
                     std::vector<std::string> actors, std::vector<std::string> docs) {
  GoldEvent g;
  g.id = std::move(id);
  g.is_required = required;
  g.type = std::move(type);
  g.date = std::move(date);
  g.actors = std::move(actors);
  g.reported_by = std::move(docs);
  return g;
}

MergedCorpus corpus_of(std::vector<Event> events) {
  MergedCorpus c;
  c.entities = {entity("country:RUS", "Russia", {"Moscow", "Russian Federation"}),
                entity("person:ash-carter", "Ash Carter", {"Ashton Carter"}),
                entity("person:barack-obama", "Barack Obama"),
                entity("person:vladimir-putin", "Vladimir Putin", {"Putin"})};
  c.events = std::move(events);
  return c;
}

}  // namespace

TEST_CASE("match: a coarser system date that contains the gold date matches; a finer or other one does not") {
  CHECK(is_date_compatible("2015-09-28", std::string("2015-09-28")));
  CHECK(is_date_compatible("2015-09", std::string("2015-09-28")));
  CHECK(is_date_compatible("2015", std::string("2015-09-28")));
  CHECK(is_date_compatible("2015-09-28T10:00", std::string("2015-09-28")));
  CHECK(is_date_compatible("XXXX-XX-XX", std::nullopt));  // no gold date: anything
  CHECK_FALSE(is_date_compatible("2015-09-28", std::string("2015-09")));  // finer
  CHECK_FALSE(is_date_compatible("2015-09-29", std::string("2015-09-28")));
  CHECK_FALSE(is_date_compatible("2015-10", std::string("2015-09-28")));
  CHECK_FALSE(is_date_compatible("XXXX-XX-XX", std::string("2015-09-28")));

  Gold gold;
  gold.events = {gold_event("G1", true, "meeting", "2015-09-28", {"Barack Obama", "Vladimir Putin"}, {"d1"})};
  EvalReport r = evaluate(gold, corpus_of({event("ev-1", "meeting", "2015-09", {"person:vladimir-putin"}, {"d1"})}));
  CHECK(r.overall.tp == 1);
  CHECK(r.overall.fp == 0);
  CHECK(r.dates_exact == 0);  // matched, but not on the exact day
  CHECK(r.date_accuracy == 0.0);
  CHECK(r.actors_exact == 0);  // Obama is missing
  EvalReport finer = evaluate(gold, corpus_of({event("ev-1", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1"})}));
  CHECK(finer.date_accuracy == 1.0);
}

TEST_CASE("match: gold actors match system entities by canonical name or alias, ignoring case") {
  Gold gold;
  gold.events = {gold_event("G1", true, "directive", "2015-09-29", {"ashton carter", "MOSCOW"}, {"d1"}),
                 gold_event("G2", true, "directive", "2015-09-29", {"Someone Else"}, {"d1"})};
  EvalReport r = evaluate(
      gold, corpus_of({event("ev-1", "directive", "2015-09-29", {"person:ash-carter", "country:RUS"}, {"d1"}),
                       event("ev-2", "statement", "2015-09-29", {"person:ash-carter"}, {"d1"})}));
  CHECK(r.overall.tp == 1);
  CHECK(r.overall.fn == 1);  // G2 shares no actor
  CHECK(r.overall.fp == 1);  // ev-2: wrong type
  CHECK(r.actors_exact == 1);  // {Ash Carter, Russia} = {ashton carter, MOSCOW}
  REQUIRE(r.missed.size() == 1);
  CHECK(r.missed[0].gold_id == "G2");
  REQUIRE(r.false_positives.size() == 1);
  CHECK(r.false_positives[0].system_id == "ev-2");
  REQUIRE(r.by_type.size() == 2);
  CHECK(r.by_type[0].type == "directive");
  CHECK(r.by_type[0].scores.recall == 0.5);
  CHECK(r.by_type[1].type == "statement");
  CHECK(r.by_type[1].scores.precision == 0.0);
}

TEST_CASE("match: optional gold is neither TP nor FP; non-factual system events are ignored") {
  Gold gold;
  gold.events = {gold_event("G1", true, "statement", "2015-09-28", {"Vladimir Putin"}, {"d1"}),
                 gold_event("G2", false, "statement", "2015-09-27", {"Vladimir Putin"}, {"d1"}),
                 gold_event("G3", true, "airstrike", "2015-09-30", {"Russia"}, {"d1"})};
  EvalReport r = evaluate(
      gold, corpus_of({event("ev-1", "statement", "2015-09-28", {"person:vladimir-putin"}, {"d1"}),
                       event("ev-2", "statement", "2015-09-27", {"person:vladimir-putin"}, {"d1"}),
                       event("ev-3", "airstrike", "2015-09-30", {"country:RUS"}, {"d1"}, Modality::planned),
                       event("ev-4", "airstrike", "2015-09-30", {"country:RUS"}, {"d1"}, Modality::reported)}));
  CHECK(r.factual_events == 3);
  CHECK(r.optional_matched == 1);
  CHECK(r.overall.tp == 2);
  CHECK(r.overall.fp == 0);
  CHECK(r.overall.fn == 0);
  CHECK(r.overall.scores.f1 == 1.0);
  CHECK(r.matches.size() == 3);
  // A second event matching the optional G2 is tolerated too; a second one
  // matching the required G1 is a duplicate, a false positive.
  EvalReport dup = evaluate(
      gold, corpus_of({event("ev-1", "statement", "2015-09-28", {"person:vladimir-putin"}, {"d1"}),
                       event("ev-1b", "statement", "2015-09-28", {"person:vladimir-putin"}, {"d2"}),
                       event("ev-2", "statement", "2015-09-27", {"person:vladimir-putin"}, {"d1"}),
                       event("ev-2b", "statement", "2015-09", {"person:vladimir-putin"}, {"d2"})}));
  CHECK(dup.overall.tp == 1);
  CHECK(dup.overall.fp == 1);
  REQUIRE(dup.false_positives.size() == 1);
  CHECK(dup.false_positives[0].system_id == "ev-1b");
  CHECK(dup.optional_matched == 2);
  // Without the reported airstrike, the planned one does not stand in.
  EvalReport planned = evaluate(
      gold, corpus_of({event("ev-3", "airstrike", "2015-09-30", {"country:RUS"}, {"d1"}, Modality::planned)}));
  CHECK(planned.overall.tp == 0);
  CHECK(planned.overall.fn == 2);
  CHECK(planned.overall.fp == 0);
}

TEST_CASE("match: one-to-one; the pair sharing more documents wins, then the exact date") {
  Gold gold;
  gold.events = {gold_event("G1", true, "meeting", "2015-09-28", {"Barack Obama"}, {"d1", "d2"})};
  // Both match; ev-b carries both documents, ev-a one: ev-b is the TP,
  // ev-a a false positive (a duplicate the merger did not join).
  EvalReport r = evaluate(gold, corpus_of({event("ev-a", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1"}),
                                           event("ev-b", "meeting", "2015-09", {"person:barack-obama"}, {"d1", "d2"})}));
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].system_id == "ev-b");
  CHECK(r.overall.fp == 1);
  // Equal documents: the exact date wins over the coarser one.
  EvalReport d = evaluate(gold, corpus_of({event("ev-a", "meeting", "2015-09", {"person:barack-obama"}, {"d1"}),
                                           event("ev-b", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1"})}));
  REQUIRE(d.matches.size() == 1);
  CHECK(d.matches[0].system_id == "ev-b");
}

TEST_CASE("merge B-cubed: hand-computed cases") {
  Gold gold;
  gold.events = {gold_event("G1", true, "meeting", "2015-09-28", {"Barack Obama"}, {"d1", "d2", "d3"}),
                 gold_event("G2", true, "statement", "2015-09-28", {"Barack Obama"}, {"d1"})};
  SUBCASE("perfect merge") {
    EvalReport r = evaluate(
        gold, corpus_of({event("ev-1", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1", "d2", "d3"}),
                         event("ev-2", "statement", "2015-09-28", {"person:barack-obama"}, {"d1"})}));
    CHECK(r.merge_items == 4);
    CHECK(r.merge_bcubed.precision == 1.0);
    CHECK(r.merge_bcubed.recall == 1.0);
  }
  SUBCASE("a split: d3's report became its own event") {
    // Items G1/d1, G1/d2 in ev-1; G1/d3 in ev-3; G2/d1 in ev-2.
    // Recall: G1 items 2/3, 2/3, 1/3; G2 1 -> (5/3 + 1) / 4 = 2/3. Precision 1.
    EvalReport r = evaluate(
        gold, corpus_of({event("ev-1", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1", "d2"}),
                         event("ev-3", "meeting", "2015-09-28", {"person:barack-obama"}, {"d3"}),
                         event("ev-2", "statement", "2015-09-28", {"person:barack-obama"}, {"d1"})}));
    CHECK(r.merge_bcubed.recall == doctest::Approx(2.0 / 3));
    CHECK(r.merge_bcubed.precision == 1.0);
    CHECK(r.overall.fp == 1);  // ev-3 is a duplicate
  }
  SUBCASE("a missed document is a singleton") {
    // G1/d3 covered by nothing: recall (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3,
    // precision 1: a singleton is pure.
    EvalReport r = evaluate(
        gold, corpus_of({event("ev-1", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1", "d2"}),
                         event("ev-2", "statement", "2015-09-28", {"person:barack-obama"}, {"d1"})}));
    CHECK(r.merge_bcubed.recall == doctest::Approx(2.0 / 3));
    CHECK(r.merge_bcubed.precision == 1.0);
  }
  SUBCASE("an over-merge: one system event covers two gold events") {
    Gold two;
    two.events = {gold_event("G1", true, "statement", std::nullopt, {"Vladimir Putin"}, {"d1", "d2"}),
                  gold_event("G2", true, "statement", std::nullopt, {"Vladimir Putin"}, {"d3"})};
    // ev-1 reports d1..d3 and matches both; it is matched to G1 (more
    // documents shared) and covers G2/d3 too. Items: G1/d1, G1/d2, G2/d3 all
    // in ev-1. Precision (2*2/3 + 1/3) / 3 = 5/9; recall 1.
    EvalReport r = evaluate(two, corpus_of({event("ev-1", "statement", "2015-09-28", {"person:vladimir-putin"},
                                                  {"d1", "d2", "d3"})}));
    CHECK(r.merge_bcubed.precision == doctest::Approx(5.0 / 9));
    CHECK(r.merge_bcubed.recall == 1.0);
    CHECK(r.overall.fn == 1);
  }
}

TEST_CASE("coreference from spans: gold mentions against the system's triggers") {
  Gold gold;
  gold.events = {gold_event("G1", true, "meeting", "2015-09-28", {"Barack Obama"}, {"d1", "d2"}),
                 gold_event("G2", true, "statement", "2015-09-28", {"Barack Obama"}, {"d1"})};
  gold.events[0].mentions = {{"d1", {0, 5}}, {"d2", {0, 5}}};
  gold.events[1].mentions = {{"d1", {20, 25}}};
  // The system splits G1 and adds a twinless mention (d1 at 40).
  EvalReport r = evaluate(
      gold, corpus_of({event("ev-1", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1"}, Modality::asserted, 0),
                       event("ev-2", "meeting", "2015-09-28", {"person:barack-obama"}, {"d2"}, Modality::asserted, 0),
                       event("ev-3", "statement", "2015-09-28", {"person:barack-obama"}, {"d1"}, Modality::asserted, 20),
                       event("ev-4", "statement", "2015-09-28", {"person:barack-obama"}, {"d1"}, Modality::asserted, 40)}));
  REQUIRE(r.coref);
  CHECK(r.gold_mentions == 3);
  CHECK(r.system_mentions == 4);
  CHECK(r.common_mentions == 3);
  CorefScores same = score_coreference(parse_clusters("{ab} {c}"), parse_clusters("{a} {b} {c} {x}"));
  CHECK(r.coref->muc.f1 == doctest::Approx(same.muc.f1));
  CHECK(r.coref->bcubed.recall == doctest::Approx(same.bcubed.recall));
  CHECK(r.coref->bcubed.precision == doctest::Approx(same.bcubed.precision));
  CHECK(r.coref->ceafe.f1 == doctest::Approx(same.ceafe.f1));
  // By hand: B-cubed recall (1/2 + 1/2 + 1) / 3 = 2/3, precision 3/4.
  CHECK(r.coref->bcubed.recall == doctest::Approx(2.0 / 3));
  CHECK(r.coref->bcubed.precision == doctest::Approx(3.0 / 4));
  EvalReport no_spans = evaluate(Gold{}, corpus_of({}));
  CHECK(!no_spans.coref);
}

TEST_CASE("report: JSON has fixed decimals and the documented keys") {
  Gold gold;
  gold.events = {gold_event("G1", true, "meeting", "2015-09-28", {"Barack Obama"}, {"d1"})};
  EvalReport r = evaluate(gold, corpus_of({event("ev-1", "meeting", "2015-09-28", {"person:barack-obama"}, {"d1"}),
                                           event("ev-\"2", "statement", "2015-09-28", {"person:barack-obama"}, {"d1"})}));
  std::string json = format_report_json(r);
  CHECK(json.find("\"events\": {\"precision\": 0.5000, \"recall\": 1.0000, \"f1\": 0.6667") != std::string::npos);
  CHECK(json.find("\"by_type\": {") != std::string::npos);
  CHECK(json.find("\"dates\": {\"accuracy\": 1.0000") != std::string::npos);
  CHECK(json.find("\"bcubed_precision\": 1.0000") != std::string::npos);
  CHECK(json.find("\"system\": \"ev-\\\"2\"") != std::string::npos);
  CHECK(json.find("\"coref\"") == std::string::npos);
  std::string text = format_report_text(r);
  CHECK(text.find("ev-\"2") != std::string::npos);
}

TEST_CASE("scale: 100000 events with mention spans score in linear time") {
  // n gold events of 2 documents, over 1000 days and 50 actors; the system
  // finds each, splits every tenth into two events, and adds n/10 events of
  // its own. Ten times the events must cost well under a hundred times the
  // time: a ratio, so that a slow or busy machine (or a sanitizer) does not
  // fail it, as a bound in seconds did.
  auto score = [](std::size_t n) {
    Gold gold;
    MergedCorpus corpus = corpus_of({});
    for (std::size_t a = 0; a < 50; ++a) {
      corpus.entities.push_back(entity("person:p" + std::to_string(100 + a), "Person " + std::to_string(100 + a)));
    }
    std::sort(corpus.entities.begin(), corpus.entities.end(),
              [](const Entity& x, const Entity& y) { return x.id < y.id; });
    for (std::size_t i = 0; i < n; ++i) {
      std::string d1 = "doc" + std::to_string(i % 7919), d2 = "doc" + std::to_string((i + 1) % 7919);
      std::string day = format_day(date::sys_days{date::days{16000 + static_cast<int>(i % 1000)}});
      std::string actor = std::to_string(100 + (i / 1000) % 50);  // 2 events per actor and day
      GoldEvent g = gold_event("G" + std::to_string(i), true, "statement", day, {"Person " + actor}, {d1, d2});
      g.mentions = {{d1, {i * 10, i * 10 + 5}}, {d2, {i * 10, i * 10 + 5}}};
      gold.events.push_back(std::move(g));
      std::string id = "ev-" + std::to_string(1000000 + i);
      if (i % 10 == 0) {
        corpus.events.push_back(event(id + "a", "statement", day, {"person:p" + actor}, {d1}, Modality::asserted, i * 10));
        corpus.events.push_back(event(id + "b", "statement", day, {"person:p" + actor}, {d2}, Modality::asserted, i * 10));
      } else {
        corpus.events.push_back(event(id, "statement", day, {"person:p" + actor}, {d1, d2}, Modality::asserted, i * 10));
      }
      if (i % 10 == 5) {
        corpus.events.push_back(event(id + "x", "meeting", day, {"person:p" + actor}, {d1}, Modality::asserted, i * 10 + 7));
      }
    }
    auto start = std::chrono::steady_clock::now();
    EvalReport r = evaluate(gold, corpus);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("evaluate: " << seconds << " s for " << corpus.events.size() << " events");
    return std::make_pair(std::move(r), seconds);
  };
  constexpr std::size_t n = 100000;
  auto [small, small_seconds] = score(n / 10);
  auto [r, seconds] = score(n);
  CHECK(seconds < 30 * std::max(small_seconds, 0.01));
  CHECK(small.overall.tp == n / 10);
  CHECK(r.overall.tp == n);
  CHECK(r.overall.fn == 0);
  CHECK(r.overall.fp == n / 10 + n / 10);  // the split halves left over, the meetings
  // Merge: every tenth gold event split in two -> its items have recall 1/2.
  CHECK(r.merge_bcubed.precision == doctest::Approx(1.0));
  CHECK(r.merge_bcubed.recall == doctest::Approx(0.9 + 0.1 * 0.5));
  REQUIRE(r.coref);
  CHECK(r.common_mentions == 2 * n);
  CHECK(r.coref->bcubed.recall == doctest::Approx(0.95));
}
