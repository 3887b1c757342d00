// Fuzzes every writer's escaping: entity ids and names, aliases, event
// types and labels, quotes, outlets, urls, titles and document ids come
// from the input (length-prefixed fields, see fuzz::Fields), go into a
// small graph, and each format must parse back with them intact.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "fuzz_support.h"
#include "output_checks.h"
#include "text/text.h"

using namespace eventgraph;

namespace {

// A span of `text` from two input bytes, on character boundaries.
Span span_in(const std::string& text, std::uint8_t a, std::uint8_t b) {
  std::size_t begin = text.empty() ? 0 : a % (text.size() + 1);
  std::size_t end = begin + (text.size() - begin == 0 ? 0 : b % (text.size() - begin + 1));
  while (begin > 0 && !fuzz::is_utf8_boundary(text, begin)) --begin;
  while (end < text.size() && !fuzz::is_utf8_boundary(text, end)) ++end;
  return {begin, end};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Fields in(data, size);
  MergedCorpus c;

  // Two documents; ids unique and sorted, as the merge keeps them.
  for (int i = 0; i < 2; ++i) {
    Document d;
    // Ids in separate namespaces, as the pipeline makes them: entities
    // "kind:...", events "ev-...". (A manifest could still name a document
    // "country:RUS"; DOT and GraphML would then make one node of two. Not
    // fuzzed: a known limit, not an escaping bug.)
    d.id = "doc-" + in.next();
    if (d.id == "doc-") d.id += std::to_string(i);
    d.outlet = in.next();
    d.url = in.next();
    d.title = in.next();
    if (in.byte() & 1) d.published = parse_publication_time("2015-09-28T10:00:00-04:00");
    d.source = in.next();
    d.text = normalize_text(in.next(), d.id).text;  // the text stage's, as the pipeline does
    if (std::none_of(c.documents.begin(), c.documents.end(), [&](const Document& o) { return o.id == d.id; })) {
      c.documents.push_back(std::move(d));
    }
  }
  std::sort(c.documents.begin(), c.documents.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });

  // Three entities: ids unique and sorted.
  const EntityKind kinds[] = {EntityKind::person, EntityKind::organization, EntityKind::country,
                              EntityKind::group, EntityKind::place};
  for (int i = 0; i < 3; ++i) {
    Entity e;
    e.kind = kinds[in.byte() % 5];
    e.id = std::string(to_string(e.kind)) + ":" + in.next();
    e.name = in.next();
    e.aliases = {in.next(), in.next()};
    std::sort(e.aliases.begin(), e.aliases.end());
    e.qid = in.next();
    if (std::none_of(c.entities.begin(), c.entities.end(), [&](const Entity& o) { return o.id == e.id; })) {
      c.entities.push_back(std::move(e));
    }
  }
  std::sort(c.entities.begin(), c.entities.end(), [](const Entity& a, const Entity& b) { return a.id < b.id; });

  // Two events: one dated (when the input says so), one undated; each
  // with a mention in each document.
  const Modality modalities[] = {Modality::asserted, Modality::planned, Modality::future,
                                 Modality::negated, Modality::hypothetical, Modality::reported};
  const Role roles[] = {Role::agent, Role::patient, Role::recipient, Role::participant};
  for (int i = 0; i < 2; ++i) {
    Event e;
    e.id = "ev-" + in.next();
    e.type = in.next();
    e.cameo = in.next();
    e.label = in.next();
    e.modality = modalities[in.byte() % 6];
    if (i == 0 && (in.byte() & 1)) {
      e.time.value = "2015-09-28";
      e.time.earliest = date::sys_days{date::year{2015} / 9 / 28};
      e.time.latest = e.time.earliest;
      e.time.granularity = Granularity::day;
      e.time.anchor = TimeAnchor::explicit_date;
    }
    for (const Entity& entity : c.entities) {
      std::uint8_t how = in.byte();
      if (how & 1) e.actors.push_back({entity.id, roles[(how >> 1) % 4], {}});
      // Places are places or countries, as the extraction makes them.
      else if ((how & 2) && !e.place_id &&
               (entity.kind == EntityKind::place || entity.kind == EntityKind::country)) {
        e.place_id = entity.id;
      }
    }
    for (const Document& d : c.documents) {
      EventMention m;
      m.type = e.type;
      m.cameo = e.cameo;
      m.doc = d.id;
      m.sentence = in.byte();
      m.trigger = span_in(d.text, in.byte(), in.byte());
      m.trigger_text = d.text.substr(m.trigger.begin_byte, m.trigger.size());
      m.time = e.time;
      if (in.byte() & 1) {
        m.time_span = span_in(d.text, in.byte(), in.byte());
        m.time_text = d.text.substr(m.time_span->begin_byte, m.time_span->size());
      }
      m.actors = e.actors;
      for (ActorRole& a : m.actors) a.span = span_in(d.text, in.byte(), in.byte());
      m.place_id = e.place_id;
      m.quote = in.next();
      if (in.byte() & 1) m.quote_span = span_in(d.text, in.byte(), in.byte());
      m.modality = e.modality;
      m.confidence = in.byte() / 255.0;
      e.mentions.push_back({d.outlet, std::move(m)});
      e.outlets.push_back(d.outlet);
    }
    std::sort(e.outlets.begin(), e.outlets.end());
    e.outlets.erase(std::unique(e.outlets.begin(), e.outlets.end()), e.outlets.end());
    if (in.byte() & 1) {
      e.conflicts.push_back({"date", {{in.next(), {c.documents.front().id}}, {in.next(), {c.documents.back().id}}}});
    }
    if (std::none_of(c.events.begin(), c.events.end(), [&](const Event& o) { return o.id == e.id; })) {
      c.events.push_back(std::move(e));
    }
  }

  std::vector<Diagnostic> skipped{{Severity::error, in.next(), 3, 4, "json-syntax", in.next()}};

  // The extraction line of the first document, before the graph takes the corpus.
  DocumentExtraction x;
  x.doc = c.documents.front().id;
  x.entities = c.entities;
  for (const Event& e : c.events) {
    for (const MentionRecord& r : e.mentions) {
      if (r.mention.doc == x.doc) x.events.push_back(r.mention);
    }
  }
  fuzz::check_extraction_json(c.documents.front(), x);
  // As the pipeline does after extraction (JSON-LD then counts characters
  // from the runs of continuation bytes).
  for (Document& d : c.documents) {
    if (in.byte() & 1) release_text(d);
  }

  EventGraph graph = build_graph(std::move(c));
  fuzz::check_outputs(graph, skipped);
  return 0;
}
