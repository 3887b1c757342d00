// Fuzzes extraction with the built-in lexicon, then the rest of the build:
// the input is an article (any bytes, normalized as the pipeline does),
// published 2015-09-30; its entities and mentions must point into its
// text and at each other, and every output format must parse back.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "fuzz_support.h"
#include "merge/merge.h"
#include "output_checks.h"
#include "text/text.h"

using namespace eventgraph;

namespace {

bool in_text(const Span& s, const std::string& text) {
  return s.begin_byte <= s.end_byte && s.end_byte <= text.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Lexicon lexicon = [] {
    LexiconLoad loaded = load_lexicon({});
    FUZZ_CHECK(loaded.diagnostics.empty(), "the built-in lexicon has problems");
    return loaded.lexicon;
  }();
  Document doc;
  doc.id = "fuzz";
  doc.outlet = "fuzz.example";
  doc.published = parse_publication_time("2015-09-30");
  doc.text = normalize_text(std::string_view(reinterpret_cast<const char*>(data), size), doc.id).text;
  DocumentExtraction x = extract_mentions(doc, lexicon);

  FUZZ_CHECK(std::is_sorted(x.entities.begin(), x.entities.end(),
                            [](const Entity& a, const Entity& b) { return a.id < b.id; }),
             "entities not sorted");
  auto known = [&](const std::string& id) { return find_entity(x.entities, id) != nullptr; };
  for (const EntityMention& m : x.entity_mentions) {
    FUZZ_CHECK(in_text(m.span, doc.text) && !m.span.empty(), "entity mention outside the text");
    FUZZ_CHECK(known(m.entity_id), "mention of an unknown entity " + m.entity_id);
  }
  for (const EventMention& m : x.events) {
    FUZZ_CHECK(m.doc == doc.id, "mention of another document");
    FUZZ_CHECK(in_text(m.trigger, doc.text) && !m.trigger.empty(), "trigger outside the text");
    FUZZ_CHECK(m.confidence >= 0 && m.confidence <= 1, "confidence out of [0, 1]");
    FUZZ_CHECK(!m.time_span || in_text(*m.time_span, doc.text), "time span outside the text");
    FUZZ_CHECK(!m.quote_span || in_text(*m.quote_span, doc.text), "quote span outside the text");
    FUZZ_CHECK(!m.place_span || in_text(*m.place_span, doc.text), "place span outside the text");
    FUZZ_CHECK(!m.place_id || known(*m.place_id), "unknown place " + m.place_id.value_or(""));
    for (const ActorRole& a : m.actors) {
      FUZZ_CHECK(known(a.entity_id), "unknown actor " + a.entity_id);
      FUZZ_CHECK(in_text(a.span, doc.text), "actor span outside the text");
    }
  }
  // Affiliations may name an entity from a lexicon role that the text does
  // not ("Ash Carter" -> org:pentagon), so only their ids are checked.
  for (const Affiliation& a : x.affiliations) {
    FUZZ_CHECK(!a.person_id.empty() && !a.of.empty(), "affiliation without ids");
  }
  fuzz::check_extraction_json(doc, x);

  std::vector<Document> docs{doc};
  std::vector<DocumentExtraction> extractions{std::move(x)};
  EventGraph graph = build_graph(merge_mentions(std::move(docs), std::move(extractions)));
  fuzz::check_outputs(graph, {});
  return 0;
}
