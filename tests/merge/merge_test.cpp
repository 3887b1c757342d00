// Tests for the merge and the graph: coreference rules, conflicts, order
// independence, content ids and timeline queries.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <thread>
#include <tuple>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/copy.hpp>

#include "graph/graph.h"
#include "merge/detail/string_ids.h"
#include "merge/merge.h"

using namespace eventgraph;
using date::days;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) { return date::year{y} / m / d; }

TimeValue on_day(date::sys_days d) {
  TimeValue t;
  t.value = format_day(d);
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
  return t;
}

EventMention mention(std::string doc, std::string type, std::size_t begin, TimeValue time,
                     std::vector<std::pair<std::string, Role>> actors, std::optional<std::string> quote = {}) {
  EventMention m;
  m.doc = std::move(doc);
  m.type = std::move(type);
  m.cameo = "000";
  m.trigger = {begin, begin + 4};
  m.trigger_text = "trig";
  m.time = time;
  for (auto& [id, role] : actors) m.actors.push_back({id, role, {begin, begin + 1}});
  m.quote = std::move(quote);
  return m;
}

Entity entity(std::string id, std::string name, EntityKind kind = EntityKind::person) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.kind = kind;
  return e;
}

Document document(std::string id, std::string outlet) {
  Document d;
  d.id = std::move(id);
  d.outlet = std::move(outlet);
  return d;
}

struct Corpus {
  std::vector<Document> docs;
  std::vector<DocumentExtraction> extractions;
  void add(std::string id, std::string outlet, std::vector<EventMention> events, std::vector<Entity> entities) {
    docs.push_back(document(id, outlet));
    DocumentExtraction x;
    x.doc = id;
    x.events = std::move(events);
    x.entities = std::move(entities);
    std::sort(x.entities.begin(), x.entities.end(), [](const Entity& a, const Entity& b) { return a.id < b.id; });
    extractions.push_back(std::move(x));
  }
};

const auto obama = std::make_pair(std::string("person:barack-obama"), Role::participant);
const auto putin = std::make_pair(std::string("person:vladimir-putin"), Role::participant);
const auto cook = std::make_pair(std::string("person:peter-cook"), Role::agent);
const auto carter = std::make_pair(std::string("person:ash-carter"), Role::agent);

Corpus story() {
  Corpus c;
  std::vector<Entity> people = {entity("person:barack-obama", "Barack Obama"),
                                entity("person:vladimir-putin", "Vladimir Putin"),
                                entity("person:peter-cook", "Peter Cook"), entity("person:ash-carter", "Ash Carter")};
  c.add("a", "a.com",
        {mention("a", "meeting", 10, on_day(day(2015, 9, 28)), {obama, putin}),
         mention("a", "statement", 50, on_day(day(2015, 9, 29)), {cook}, "We do not want an accident"),
         mention("a", "statement", 90, on_day(day(2015, 9, 29)), {carter})},
        people);
  c.add("b", "b.com",
        {mention("b", "meeting", 5, on_day(day(2015, 9, 28)), {putin, obama}),
         mention("b", "statement", 40, in_month(2015, 9), {cook})},
        people);
  c.add("c", "c.com", {mention("c", "meeting", 7, on_day(day(2015, 9, 29)), {obama, putin})}, people);
  return c;
}

std::vector<std::string> labels(const MergedCorpus& m) {
  std::vector<std::string> out;
  for (const Event& e : m.events) {
    std::string line = e.id.substr(0, 3) + " " + e.label + " " + e.time.value + " [";
    for (const std::string& o : e.outlets) line += o + " ";
    line += "] " + std::to_string(e.mentions.size()) + " mentions, " + std::to_string(e.conflicts.size()) + " conflicts";
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("merge: one event per happening, every mention kept, a date conflict recorded") {
  Corpus c = story();
  MergedCorpus m = merge_mentions(c.docs, c.extractions);
  CHECK(labels(m) == std::vector<std::string>{
                         "ev- Meeting: Barack Obama and Vladimir Putin 2015-09-28 [a.com b.com c.com ] 3 mentions, 1 conflicts",
                         "ev- Statement: Ash Carter 2015-09-29 [a.com ] 1 mentions, 0 conflicts",
                         "ev- Statement: Peter Cook 2015-09-29 [a.com b.com ] 2 mentions, 0 conflicts",
                     });
  const Conflict& conflict = m.events[0].conflicts[0];
  CHECK(conflict.field == "date");
  REQUIRE(conflict.values.size() == 2);
  CHECK(conflict.values[0].value == "2015-09-28");
  CHECK(conflict.values[0].docs == std::vector<std::string>{"a", "b"});
  CHECK(conflict.values[1].value == "2015-09-29");
  CHECK(conflict.values[1].docs == std::vector<std::string>{"c"});
}

TEST_CASE("merge: the result does not depend on input order") {
  Corpus c = story();
  MergedCorpus first = merge_mentions(c.docs, c.extractions);
  std::mt19937 rng(42);
  for (int round = 0; round < 5; ++round) {
    std::vector<std::size_t> order(c.docs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    Corpus shuffled;
    for (std::size_t i : order) {
      shuffled.docs.push_back(c.docs[i]);
      DocumentExtraction x = c.extractions[i];
      std::shuffle(x.events.begin(), x.events.end(), rng);
      shuffled.extractions.push_back(x);
    }
    MergedCorpus again = merge_mentions(shuffled.docs, shuffled.extractions);
    REQUIRE(again.events.size() == first.events.size());
    for (std::size_t i = 0; i < first.events.size(); ++i) {
      CHECK(again.events[i].id == first.events[i].id);
      CHECK(again.events[i].mentions.size() == first.events[i].mentions.size());
    }
  }
}

TEST_CASE("merge: statements by different speakers on one day stay apart; planned never joins done") {
  Corpus c;
  std::vector<Entity> people = {entity("person:peter-cook", "Peter Cook"), entity("person:ash-carter", "Ash Carter")};
  EventMention planned = mention("a", "statement", 60, on_day(day(2015, 9, 29)), {cook});
  planned.modality = Modality::planned;
  c.add("a", "a.com",
        {mention("a", "statement", 10, on_day(day(2015, 9, 29)), {cook}),
         mention("a", "statement", 30, on_day(day(2015, 9, 29)), {carter}), planned},
        people);
  MergedCorpus m = merge_mentions(c.docs, c.extractions);
  CHECK(m.events.size() == 3);
}

TEST_CASE("merge: two bodies voting on one target the same day are two votes; a person and an organization are one agent") {
  Corpus c;
  std::vector<Entity> actors = {entity("org:un-security-council", "United Nations Security Council", EntityKind::organization),
                                entity("org:us-house", "U.S. House of Representatives", EntityKind::organization),
                                entity("country:PRK", "North Korea", EntityKind::country),
                                entity("person:ash-carter", "Ash Carter"),
                                entity("org:pentagon", "Pentagon", EntityKind::organization),
                                entity("country:RUS", "Russia", EntityKind::country)};
  date::sys_days monday = day(2016, 3, 7);
  std::pair<std::string, Role> council{"org:un-security-council", Role::agent};
  std::pair<std::string, Role> house{"org:us-house", Role::agent};
  std::pair<std::string, Role> north_korea{"country:PRK", Role::patient};
  c.add("a", "a.com", {mention("a", "vote", 10, on_day(monday), {council, north_korea})}, actors);
  c.add("b", "b.com", {mention("b", "vote", 10, on_day(monday), {house, north_korea})}, actors);
  c.add("c", "c.com", {mention("c", "vote", 10, on_day(monday), {council, north_korea})}, actors);
  // Carter ordered, the Pentagon ordered: one directive told at two grains.
  std::pair<std::string, Role> russia{"country:RUS", Role::patient};
  c.add("d", "d.com", {mention("d", "directive", 10, on_day(monday), {{"person:ash-carter", Role::agent}, russia})}, actors);
  c.add("e", "e.com", {mention("e", "directive", 10, on_day(monday), {{"org:pentagon", Role::agent}, russia})}, actors);
  MergedCorpus m = merge_mentions(c.docs, c.extractions);
  std::vector<std::size_t> votes;
  std::size_t directives = 0;
  for (const Event& e : m.events) {
    if (e.type == "vote") votes.push_back(e.mentions.size());
    if (e.type == "directive") ++directives;
  }
  std::sort(votes.begin(), votes.end());
  CHECK(votes == std::vector<std::size_t>{1, 2});
  CHECK(directives == 1);
}

TEST_CASE("merge: a surname-only person in one outlet is the full name of another") {
  Corpus c;
  c.add("a", "a.com", {mention("a", "statement", 10, on_day(day(2015, 9, 29)), {{"person:cook", Role::agent}})},
        {entity("person:cook", "Cook")});
  c.add("b", "b.com", {mention("b", "statement", 10, on_day(day(2015, 9, 29)), {cook})},
        {entity("person:peter-cook", "Peter Cook")});
  MergedCorpus m = merge_mentions(c.docs, c.extractions);
  REQUIRE(m.entities.size() == 1);
  CHECK(m.entities[0].id == "person:peter-cook");
  CHECK(m.entities[0].aliases == std::vector<std::string>{"Cook"});
  REQUIRE(m.events.size() == 1);
  CHECK(m.events[0].outlets == std::vector<std::string>{"a.com", "b.com"});
}

TEST_CASE("merge: entities folded into an EntityUnion in any order equal the extractions' own lists") {
  // The pipeline folds each dated document's entities in as it arrives and
  // drops its copy. Documents disagree: the name and kind of an id, which
  // of them knows its Wikidata id, the aliases each saw.
  auto with = [](Entity e, std::vector<std::string> aliases, std::string qid) {
    e.aliases = std::move(aliases);
    e.qid = std::move(qid);
    return e;
  };
  Corpus c;
  c.add("d3", "c.com", {mention("d3", "meeting", 10, on_day(day(2015, 9, 29)), {cook})},
        {with(entity("person:peter-cook", "PETER COOK"), {"Cook", "Mr Cook"}, "Q1"),
         with(entity("org:un", "U.N.", EntityKind::organization), {"UN"}, "")});
  c.add("d1", "a.com", {mention("d1", "meeting", 10, on_day(day(2015, 9, 29)), {cook})},
        {with(entity("person:peter-cook", "Peter Cook"), {"Cook"}, ""),
         with(entity("person:cook", "Cook"), {"Secretary Cook"}, "")});
  c.add("d2", "b.com", {mention("d2", "meeting", 10, on_day(day(2015, 9, 29)), {cook})},
        {with(entity("person:peter-cook", "Peter  Cook"), {"P. Cook"}, "Q2"),
         with(entity("org:un", "United Nations", EntityKind::group), {"U.N.", "UN"}, "Q3")});

  // The reference: every list in the extractions, in document-id order.
  Corpus sorted;
  for (const char* id : {"d1", "d2", "d3"}) {
    for (std::size_t i = 0; i < c.docs.size(); ++i) {
      if (c.docs[i].id == id) {
        sorted.docs.push_back(c.docs[i]);
        sorted.extractions.push_back(c.extractions[i]);
      }
    }
  }
  MergedCorpus reference = merge_mentions(sorted.docs, sorted.extractions);
  REQUIRE(reference.entities.size() == 2);
  CHECK(reference.entities[0].id == "org:un");
  CHECK(reference.entities[0].name == "United Nations");  // d2's, the first document that names it
  CHECK(reference.entities[0].qid == "Q3");
  CHECK(reference.entities[1].id == "person:peter-cook");
  CHECK(reference.entities[1].name == "Peter Cook");
  CHECK(reference.entities[1].qid == "Q2");  // d1 has none; d2's before d3's
  CHECK(reference.entities[1].aliases ==
        std::vector<std::string>{"Cook", "Mr Cook", "P. Cook", "Secretary Cook"});

  auto same_entities = [&](const MergedCorpus& m) {
    REQUIRE(m.entities.size() == reference.entities.size());
    for (std::size_t i = 0; i < m.entities.size(); ++i) {
      CHECK(m.entities[i].id == reference.entities[i].id);
      CHECK(m.entities[i].name == reference.entities[i].name);
      CHECK(m.entities[i].kind == reference.entities[i].kind);
      CHECK(m.entities[i].qid == reference.entities[i].qid);
      CHECK(m.entities[i].aliases == reference.entities[i].aliases);
    }
    CHECK(m.events.size() == reference.events.size());
  };
  // Any arrival order; some documents folded in, the rest left in their lists.
  std::vector<std::size_t> order = {0, 1, 2};
  do {
    for (std::size_t kept_in_list = 0; kept_in_list <= 3; ++kept_in_list) {
      Corpus copy = c;
      EntityUnion entities;
      for (std::size_t k = 0; k < order.size(); ++k) {
        if (k == kept_in_list) continue;
        DocumentExtraction& x = copy.extractions[order[k]];
        entities.add(x.doc, std::move(x.entities));
        x.entities.clear();
      }
      same_entities(merge_mentions(copy.docs, copy.extractions, std::move(entities)));
    }
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("graph: vertices, edges and timeline queries") {
  Corpus c = story();
  EventGraph g = build_graph(merge_mentions(c.docs, c.extractions));
  CHECK(num_vertices(g.graph) == 3 + 4 + 3);
  std::size_t participant = 0, reported = 0, before = 0;
  for (auto [e, end] = edges(g.graph); e != end; ++e) {
    participant += g.graph[*e].kind == EdgeKind::participant;
    reported += g.graph[*e].kind == EdgeKind::reported_by;
    before += g.graph[*e].kind == EdgeKind::before;
  }
  CHECK(participant == 4);
  CHECK(reported == 6);
  CHECK(before == 2);
  auto on_29 = events_between(g, day(2015, 9, 29), day(2015, 9, 29));
  REQUIRE(on_29.size() == 2);
  CHECK(on_29[0]->label == "Statement: Ash Carter");
  auto putins = events_of_actor(g, "person:vladimir-putin");
  REQUIRE(putins.size() == 1);
  CHECK(putins[0]->type == "meeting");
  CHECK(events_of_actor(g, "person:nobody").empty());
}

TEST_CASE("graph: boost::copy_graph into a bidirectional adjacency_list keeps every vertex and edge") {
  // The README's way back to add_edge and in-edges for a library user.
  Corpus c = story();
  EventGraph g = build_graph(merge_mentions(c.docs, c.extractions));
  using List = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
  List list;
  boost::copy_graph(g.graph, list);
  REQUIRE(num_vertices(list) == num_vertices(g.graph));
  REQUIRE(num_edges(list) == num_edges(g.graph));
  for (std::size_t v = 0; v < num_vertices(list); ++v) {
    CHECK(list[v].uid == g.graph[v].uid);
    CHECK(list[v].kind == g.graph[v].kind);
    std::vector<std::tuple<std::size_t, EdgeKind, Role>> csr_out, list_out;
    for (auto [e, end] = out_edges(v, g.graph); e != end; ++e)
      csr_out.emplace_back(target(*e, g.graph), g.graph[*e].kind, g.graph[*e].role);
    for (auto [e, end] = out_edges(v, list); e != end; ++e)
      list_out.emplace_back(target(*e, list), list[*e].kind, list[*e].role);
    CHECK(csr_out == list_out);
  }
  // The Putin actor vertex: in-edges now answer what events_of_actor scans for.
  auto putin = g.entity_vertex.at(static_cast<std::size_t>(
      std::find_if(g.corpus.entities.begin(), g.corpus.entities.end(),
                   [](const Entity& e) { return e.id == "person:vladimir-putin"; }) -
      g.corpus.entities.begin()));
  CHECK(in_degree(putin, list) == events_of_actor(g, "person:vladimir-putin").size());
  add_edge(putin, g.event_vertex.at(0), EdgeData{}, list);
  CHECK(num_edges(list) == num_edges(g.graph) + 1);
}

TEST_CASE("merge: the result does not depend on how parallel_for runs the groups and events") {
  Corpus c = story();
  MergedCorpus serial = merge_mentions(c.docs, c.extractions);
  // Backwards, and on two threads taking turns: any order a pool may take.
  ParallelFor backwards = [](std::size_t n, const std::function<void(std::size_t)>& fn) {
    for (std::size_t i = n; i-- > 0;) fn(i);
  };
  ParallelFor two_threads = [](std::size_t n, const std::function<void(std::size_t)>& fn) {
    std::thread odd([&] {
      for (std::size_t i = 1; i < n; i += 2) fn(i);
    });
    for (std::size_t i = 0; i < n; i += 2) fn(i);
    odd.join();
  };
  for (const ParallelFor& run : {backwards, two_threads}) {
    MergedCorpus m = merge_mentions(c.docs, c.extractions, {}, run);
    CHECK(labels(m) == labels(serial));
    REQUIRE(m.events.size() == serial.events.size());
    for (std::size_t i = 0; i < m.events.size(); ++i) CHECK(m.events[i].id == serial.events[i].id);
  }
}

TEST_CASE("merge: StringIds gives dense ids in order of first sight, through growth and odd strings") {
  detail::StringIds ids;
  CHECK(!ids.find("").has_value());
  bool is_new = false;
  CHECK(ids.add("", &is_new) == 0);
  CHECK(is_new);
  CHECK(ids.add("", &is_new) == 0);
  CHECK(!is_new);
  CHECK(ids.name(0).empty());
  // Non-ASCII, embedded NUL, a prefix of another name, and a long name.
  std::vector<std::string> names = {"Zoë Ångström", std::string("a\0b", 3), "a", "ab", std::string(1000, 'x')};
  for (int i = 0; i < 5000; ++i) names.push_back("person:" + std::to_string(i));
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(ids.add(names[i]) == i + 1);
  CHECK(ids.size() == names.size() + 1);
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(ids.name(static_cast<std::uint32_t>(i + 1)) == names[i]);
    CHECK(ids.find(names[i]) == i + 1);
    CHECK(ids.add(names[i]) == i + 1);
  }
  CHECK(!ids.find(std::string_view("a\0", 2)).has_value());
  CHECK(!ids.find("person:5000").has_value());
  CHECK(!ids.find("Zoe Angstrom").has_value());
}
