// Tests of the outlet diff: the agreement rules on small hand-made corpora,
// events after an outlet's publication, pair order, the three formats, and
// the real samples built by the pipeline and read back from events.json.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "diff/diff.h"
#include "output/events_reader.h"
#include "pipeline/pipeline.h"
#include "../samples_events.h"

using namespace eventgraph;
namespace fs = std::filesystem;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) { return date::year{y} / m / d; }

TimeValue on_day(date::sys_days d, std::string suffix = "") {
  TimeValue t;
  t.value = format_day(d) + suffix;
  t.earliest = t.latest = d;
  t.granularity = Granularity::day;
  t.anchor = TimeAnchor::explicit_date;
  return t;
}

TimeValue in_month(int y, unsigned m) {
  TimeValue t;
  t.value = std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m);
  t.earliest = day(y, m, 1);
  t.latest = date::sys_days{date::year{y} / m / date::last};
  t.granularity = Granularity::month;
  t.anchor = TimeAnchor::explicit_date;
  return t;
}

// One outlet's report: its document, the date it gives, whom it names,
// where, and what it quotes.
struct Report {
  Report(std::string doc_id, std::string outlet_name, TimeValue when, std::vector<std::string> actor_ids,
         std::optional<std::string> place_id = {}, std::optional<std::string> quotation = {})
      : doc(std::move(doc_id)), outlet(std::move(outlet_name)), time(std::move(when)),
        actors(std::move(actor_ids)), place(std::move(place_id)), quote(std::move(quotation)) {}
  std::string doc;
  std::string outlet;
  TimeValue time;
  std::vector<std::string> actors;
  std::optional<std::string> place;
  std::optional<std::string> quote;
};

MentionRecord record(const Report& r) {
  EventMention m;
  m.type = "statement";
  m.doc = r.doc;
  m.trigger = {10, 14};
  m.time = r.time;
  m.time_span = Span{0, 5};  // the text dates it
  for (const std::string& a : r.actors) m.actors.push_back({a, Role::agent, {0, 1}});
  m.place_id = r.place;
  m.quote = r.quote;
  return {r.outlet, m};
}

Event event(std::string id, TimeValue time, std::vector<Report> reports, std::string type = "statement") {
  Event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.label = "Event " + e.id;
  e.time = time;
  std::set<std::string> outlets;
  for (const Report& r : reports) {
    e.mentions.push_back(record(r));
    outlets.insert(r.outlet);
  }
  e.outlets.assign(outlets.begin(), outlets.end());
  return e;
}

Document document(std::string id, std::string outlet, std::optional<date::sys_days> published) {
  Document d;
  d.id = std::move(id);
  d.outlet = std::move(outlet);
  if (published) d.published = PublicationTime{*published, std::nullopt, std::nullopt};
  return d;
}

Entity person(std::string id, std::string name) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  return e;
}

// Two outlets a.com (doc "a") and b.com (doc "b"), both published on
// 2015-09-29, and the people the tests name.
MergedCorpus corpus_of(std::vector<Event> events) {
  MergedCorpus c;
  c.documents = {document("a", "a.com", day(2015, 9, 29)), document("b", "b.com", day(2015, 9, 29))};
  c.entities = {person("person:ash-carter", "Ash Carter"), person("person:peter-cook", "Peter Cook"),
                person("place:moscow", "Moscow"), person("place:new-york", "New York")};
  c.events = std::move(events);
  return c;
}

const SharedEvent& only_shared(const OutletPairDiff& d) {
  REQUIRE(d.both.size() == 1);
  return d.both.front();
}

std::vector<std::string> ids(const std::vector<DiffEvent>& events) {
  std::vector<std::string> out;
  for (const DiffEvent& e : events) out.push_back(e.id);
  return out;
}

const std::string cook = "person:peter-cook";
const std::string carter = "person:ash-carter";

}  // namespace

TEST_CASE("dates agree by day, a month contains its days, different days differ") {
  const TimeValue d29 = on_day(day(2015, 9, 29));
  SUBCASE("'this morning' and 'Tuesday' are the same day") {
    auto d = compare_outlets(corpus_of({event("ev-1", d29, {{"a", "a.com", on_day(day(2015, 9, 29), "TMO"), {cook}},
                                                              {"b", "b.com", d29, {cook}}})}),
                             "a.com", "b.com");
    const FieldComparison& date = only_shared(d).date;
    CHECK(date.agreement == Agreement::same);
    CHECK(date.first == std::vector<std::string>{"2015-09-29"});
  }
  SUBCASE("a month and a day in it are compatible") {
    auto d = compare_outlets(corpus_of({event("ev-1", d29, {{"a", "a.com", in_month(2015, 9), {cook}},
                                                              {"b", "b.com", d29, {cook}}})}),
                             "a.com", "b.com");
    const FieldComparison& date = only_shared(d).date;
    CHECK(date.agreement == Agreement::compatible);
    CHECK(date.first == std::vector<std::string>{"2015-09"});
    CHECK(date.second == std::vector<std::string>{"2015-09-29"});
  }
  SUBCASE("an outlet's month beside its own day adds nothing") {
    auto d = compare_outlets(
        corpus_of({event("ev-1", d29, {{"a", "a.com", in_month(2015, 9), {cook}}, {"a", "a.com", d29, {cook}},
                                       {"b", "b.com", d29, {cook}}})}),
        "a.com", "b.com");
    CHECK(only_shared(d).date.agreement == Agreement::same);
  }
  SUBCASE("the 28th and the 29th differ, and a conflict the merge recorded is flagged") {
    Event e = event("ev-1", d29, {{"a", "a.com", on_day(day(2015, 9, 28)), {cook}}, {"b", "b.com", d29, {cook}}});
    auto plain = compare_outlets(corpus_of({e}), "a.com", "b.com");
    CHECK(only_shared(plain).date.agreement == Agreement::differ);
    CHECK_FALSE(only_shared(plain).date.is_recorded_conflict);
    CHECK(only_shared(plain).date.only_first == std::vector<std::string>{"2015-09-28"});
    CHECK(only_shared(plain).date.only_second == std::vector<std::string>{"2015-09-29"});
    e.conflicts.push_back({"date", {{"2015-09-28", {"a"}}, {"2015-09-29", {"b"}}}});
    auto flagged = compare_outlets(corpus_of({e}), "a.com", "b.com");
    CHECK(only_shared(flagged).date.is_recorded_conflict);
    CHECK_FALSE(only_shared(flagged).place.is_recorded_conflict);
  }
  SUBCASE("a conflict among one outlet's own documents is not one between the outlets") {
    Event e = event("ev-1", d29, {{"a", "a.com", d29, {cook}}, {"b", "b.com", d29, {cook}}});
    e.conflicts.push_back({"date", {{"2015-09-29", {"a", "b"}}, {"2015-09-30", {"c"}}}});
    CHECK_FALSE(only_shared(compare_outlets(corpus_of({e}), "a.com", "b.com")).date.is_recorded_conflict);
  }
  SUBCASE("a publication day standing in for a date the text does not give is no date") {
    Event e = event("ev-1", d29, {{"a", "a.com", on_day(day(2015, 9, 30)), {cook}}, {"b", "b.com", d29, {cook}}});
    e.mentions[0].mention.time_span.reset();
    e.mentions[0].mention.time.anchor = TimeAnchor::publication_relative;
    // Kept: `date` refers into it.
    const OutletPairDiff diff = compare_outlets(corpus_of({e}), "a.com", "b.com");
    const FieldComparison& date = only_shared(diff).date;
    CHECK(date.agreement == Agreement::only_second);
    CHECK(date.first.empty());
  }
}

TEST_CASE("actors and places by entity, shown by name") {
  const TimeValue d29 = on_day(day(2015, 9, 29));
  auto compare = [&](std::vector<Report> reports) {
    return only_shared(compare_outlets(corpus_of({event("ev-1", d29, std::move(reports))}), "a.com", "b.com"));
  };
  SharedEvent same = compare({{"a", "a.com", d29, {cook, carter}}, {"b", "b.com", d29, {carter, cook}}});
  CHECK(same.actors.agreement == Agreement::same);
  CHECK(same.actors.first == std::vector<std::string>{"Ash Carter", "Peter Cook"});
  CHECK(same.place.agreement == Agreement::none);

  SharedEvent more = compare({{"a", "a.com", d29, {cook, carter}, "place:moscow"}, {"b", "b.com", d29, {cook}}});
  CHECK(more.actors.agreement == Agreement::compatible);
  CHECK(more.actors.only_first == std::vector<std::string>{"Ash Carter"});
  CHECK(more.actors.only_second.empty());
  CHECK(more.place.agreement == Agreement::only_first);
  CHECK(more.place.first == std::vector<std::string>{"Moscow"});

  SharedEvent apart = compare({{"a", "a.com", d29, {cook}, "place:moscow"}, {"b", "b.com", d29, {carter}, "place:new-york"}});
  CHECK(apart.actors.agreement == Agreement::differ);
  CHECK(apart.place.agreement == Agreement::differ);
  CHECK(apart.place.second == std::vector<std::string>{"New York"});
}

TEST_CASE("quotations match when one quotes part of the other or they share five words") {
  const TimeValue d29 = on_day(day(2015, 9, 29));
  auto quotes = [&](std::vector<std::string> a, std::vector<std::string> b) {
    std::vector<Report> reports;
    for (std::string& q : a) reports.push_back({"a", "a.com", d29, {cook}, {}, q});
    for (std::string& q : b) reports.push_back({"b", "b.com", d29, {cook}, {}, q});
    // An outlet that quotes nothing still reports the event.
    if (a.empty()) reports.push_back({"a", "a.com", d29, {cook}});
    if (b.empty()) reports.push_back({"b", "b.com", d29, {cook}});
    return only_shared(compare_outlets(corpus_of({event("ev-1", d29, reports)}), "a.com", "b.com")).quotes;
  };
  // Editorial insertions in brackets, case, punctuation and a hyphen do not
  // make two wordings differ.
  FieldComparison bracketed = quotes({"This morning, [Defense] Secretary [Ashton] Carter directed his team"},
                                     {"This morning Secretary Carter directed his team to open lines"});
  CHECK(bracketed.agreement == Agreement::same);
  CHECK(quotes({"logistics ... de-confliction"}, {"deconfliction"}).agreement == Agreement::same);
  CHECK(quotes({"We do not want an accident"}, {"we DO not want an accident to take place."}).agreement ==
        Agreement::same);

  FieldComparison partly = quotes({"We do not want an accident to take place", "deconfliction"},
                                  {"We do not want an accident", "Our first goal is to avoid conflict"});
  CHECK(partly.agreement == Agreement::compatible);
  CHECK(partly.only_first == std::vector<std::string>{"deconfliction"});
  CHECK(partly.only_second == std::vector<std::string>{"Our first goal is to avoid conflict"});

  // Five words in a row make the same quotation; four are a common phrase.
  CHECK(quotes({"the United States and Russia agree"}, {"as the United States and Russia disagree"}).agreement ==
        Agreement::same);
  CHECK(quotes({"we met the United States envoy"}, {"they saw the United States envoy again"}).agreement ==
        Agreement::differ);
  CHECK(quotes({"anything"}, {}).agreement == Agreement::only_first);
  CHECK(quotes({}, {}).agreement == Agreement::none);
}

TEST_CASE("an event after an outlet's last article is not its omission") {
  MergedCorpus c = corpus_of({
      event("ev-before", on_day(day(2015, 9, 28)), {{"a", "a.com", on_day(day(2015, 9, 28)), {cook}}}),
      event("ev-same-day", on_day(day(2015, 9, 29)), {{"a", "a.com", on_day(day(2015, 9, 29)), {cook}}}),
      event("ev-month", in_month(2015, 9), {{"a", "a.com", in_month(2015, 9), {cook}}}),
      event("ev-after", on_day(day(2015, 9, 30)), {{"a", "a.com", on_day(day(2015, 9, 30)), {cook}}}),
      event("ev-b-after", on_day(day(2015, 10, 1)), {{"b", "b.com", on_day(day(2015, 10, 1)), {cook}}}),
      event("ev-undated", TimeValue{}, {{"a", "a.com", TimeValue{}, {cook}}}),
  });
  c.documents[0].published->local_day = day(2015, 10, 2);  // a.com wrote last, on 2015-10-02
  OutletPairDiff d = compare_outlets(c, "a.com", "b.com");
  CHECK(d.second.coverage_end() == day(2015, 9, 29));
  // The month may have happened before b.com wrote; undated events too.
  CHECK(ids(d.only_first) == std::vector<std::string>{"ev-before", "ev-same-day", "ev-month", "ev-undated"});
  CHECK(ids(d.after_second_publication) == std::vector<std::string>{"ev-after"});
  CHECK(ids(d.only_second) == std::vector<std::string>{"ev-b-after"});  // a.com wrote after it
  CHECK(d.after_first_publication.empty());

  SUBCASE("an outlet with an undated article has no coverage end: nothing is excused") {
    c.documents.push_back(document("b2", "b.com", std::nullopt));
    std::sort(c.documents.begin(), c.documents.end(),
              [](const Document& x, const Document& y) { return x.id < y.id; });
    OutletPairDiff u = compare_outlets(c, "a.com", "b.com");
    CHECK(u.second.documents == 2);
    CHECK(u.second.undated_documents == 1);
    CHECK(u.second.latest_publication_day == day(2015, 9, 29));
    CHECK_FALSE(u.second.coverage_end());
    CHECK(u.after_second_publication.empty());
    CHECK(ids(u.only_first).size() == 5);
    CHECK(format_diff_text({u}).find("1 undated: no event counts as after its publication") != std::string::npos);
  }
  SUBCASE("an outlet the corpus does not know reports nothing and excuses nothing") {
    OutletPairDiff x = compare_outlets(c, "a.com", "z.com");
    CHECK(x.second.documents == 0);
    CHECK(x.only_first.size() == 5);
    CHECK(x.both.empty());
  }
}

TEST_CASE("every pair once, in sorted order, and documents without an outlet are left out") {
  MergedCorpus c = corpus_of({});
  c.documents.push_back(document("c", "c.com", day(2015, 9, 29)));
  c.documents.push_back(document("d", "", day(2015, 9, 29)));
  CHECK(list_outlets(c) == std::vector<std::string>{"a.com", "b.com", "c.com"});
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const OutletPairDiff& d : compare_outlet_pairs(c, {})) pairs.emplace_back(d.first.outlet, d.second.outlet);
  CHECK(pairs == std::vector<std::pair<std::string, std::string>>{
                     {"a.com", "b.com"}, {"a.com", "c.com"}, {"b.com", "c.com"}});
  pairs.clear();
  for (const OutletPairDiff& d : compare_outlet_pairs(c, {"c.com", "a.com", "c.com"})) {
    pairs.emplace_back(d.first.outlet, d.second.outlet);
  }
  CHECK(pairs == std::vector<std::pair<std::string, std::string>>{{"a.com", "c.com"}});
}

TEST_CASE("formats escape what they must and align names that are not ASCII") {
  const TimeValue d29 = on_day(day(2015, 9, 29));
  Event e = event("ev-1", d29, {{"a", "a.com", d29, {cook}, {}, "a | b *bold* <i>"},
                                {"b", "b.com", on_day(day(2015, 9, 28)), {cook}}});
  e.label = "Statement: Zoë | Co";
  Event only_b = event("ev-2", d29, {{"b", "b.com", d29, {cook}}});
  only_b.label = "Ünïcödé";
  only_b.type = "vöte";
  std::vector<OutletPairDiff> diffs = compare_outlet_pairs(corpus_of({e, only_b}), {});

  std::string md = format_diff_markdown(diffs);
  CHECK(md.find("Statement: Zoë \\| Co") != std::string::npos);
  CHECK(md.find("a \\| b \\*bold\\* \\<i\\>") != std::string::npos);
  CHECK(md.find("| **differ** |") != std::string::npos);

  std::string text = format_diff_text(diffs);
  CHECK(text.find("      date    A: 2015-09-29  |  B: 2015-09-28\n") != std::string::npos);
  CHECK(text.find("DIFFER") != std::string::npos);
  // "vöte" is four columns wide like "type": the label starts where the header says.
  CHECK(text.find("    date        type  event\n    2015-09-29  vöte  Ünïcödé\n") != std::string::npos);
  CHECK(text.find(" \n") == std::string::npos);

  std::string json = format_diff_json(diffs, "test");
  CHECK(json == format_diff_json(compare_outlet_pairs(corpus_of({e, only_b}), {}), "test"));
  CHECK(json.find("\"agreement\": \"differ\"") != std::string::npos);
}

TEST_CASE("the pipeline says once, after the last document is extracted, that the merge begins") {
  for (unsigned jobs : {1U, 2U}) {
    fs::path out = fs::temp_directory_path() / ("eventgraph-merge-start-" + std::to_string(::getpid()));
    BuildOptions options;
    options.output_dir = out;
    options.formats = {OutputFormat::json};
    options.jobs = jobs;
    std::size_t extracted = 0;
    std::vector<std::size_t> extracted_at_merge;
    options.on_progress = [&](const Progress& p) { extracted = p.documents; };
    options.on_merge_start = [&] { extracted_at_merge.push_back(extracted); };
    BuildReport report = run_build({std::string(EVENTGRAPH_SOURCE_DIR) + "/samples"}, options);
    fs::remove_all(out);
    REQUIRE_FALSE(report.has_errors());
    CHECK(extracted_at_merge == std::vector<std::size_t>{3});
  }
}

TEST_CASE("the samples, built by the pipeline and read back from events.json") {
  const EventsFile file = testing::samples_events_file("diff-test");
  const MergedCorpus& corpus = file.corpus;
  CHECK(list_outlets(corpus) == std::vector<std::string>{"breitbart.com", "cnsnews.com", "rt.com"});

  auto find = [](const std::vector<DiffEvent>& events, std::string_view type, std::string_view date) {
    return std::find_if(events.begin(), events.end(), [&](const DiffEvent& e) {
             return e.type == type && e.time.is_resolved() && format_day(*e.time.earliest) == date;
           }) != events.end();
  };

  // rt.com published at 2015-09-29T23:35Z; the airstrike and the Russian
  // parliament's vote of 2015-09-30 came after: not rt's omissions.
  OutletPairDiff cns_rt = compare_outlets(corpus, "cnsnews.com", "rt.com");
  CHECK(cns_rt.second.coverage_end() == day(2015, 9, 29));
  CHECK(cns_rt.first.coverage_end() == day(2015, 9, 30));
  CHECK(find(cns_rt.after_second_publication, "airstrike", "2015-09-30"));
  CHECK(find(cns_rt.after_second_publication, "vote", "2015-09-30"));
  CHECK_FALSE(find(cns_rt.only_first, "airstrike", "2015-09-30"));
  CHECK_FALSE(find(cns_rt.only_first, "vote", "2015-09-30"));
  for (const DiffEvent& e : cns_rt.after_second_publication) CHECK(*e.time.earliest > day(2015, 9, 29));
  CHECK(cns_rt.after_first_publication.empty());

  // Both report the Obama-Putin meeting of 2015-09-28 on the same day and
  // with the same two men; only cnsnews.com says where.
  auto meeting = std::find_if(cns_rt.both.begin(), cns_rt.both.end(),
                              [](const SharedEvent& s) { return s.event.type == "meeting"; });
  REQUIRE(meeting != cns_rt.both.end());
  CHECK(meeting->date.agreement == Agreement::same);
  CHECK(meeting->date.first == std::vector<std::string>{"2015-09-28"});
  CHECK(meeting->actors.agreement == Agreement::same);
  CHECK(meeting->actors.first == std::vector<std::string>{"Barack Obama", "Vladimir Putin"});
  CHECK(meeting->place.agreement == Agreement::only_first);
  CHECK(meeting->place.first == std::vector<std::string>{"United Nations headquarters"});

  // Rep. Ryan Zinke's remarks to Breitbart News: only breitbart.com, and
  // not excused for the others (they published the same day or later).
  for (const OutletPairDiff& d : compare_outlet_pairs(corpus, {})) {
    if (d.first.outlet != "breitbart.com") continue;
    bool has_zinke = std::any_of(d.only_first.begin(), d.only_first.end(), [](const DiffEvent& e) {
      return e.label.find("Ryan Zinke") != std::string::npos;
    });
    CHECK_MESSAGE(has_zinke, d.second.outlet);
  }

  // Peter Cook's briefing: all three carry it, and breitbart.com and
  // cnsnews.com quote him with words both carry.
  OutletPairDiff bb_cns = compare_outlets(corpus, "breitbart.com", "cnsnews.com");
  auto briefing = std::find_if(bb_cns.both.begin(), bb_cns.both.end(), [](const SharedEvent& s) {
    return s.event.label.rfind("Statement: Peter Cook", 0) == 0;
  });
  REQUIRE(briefing != bb_cns.both.end());
  CHECK(briefing->quotes.agreement == Agreement::compatible);
  CHECK(briefing->quotes.first.size() > briefing->quotes.only_first.size());
}
