// Extract stage: a normalized document -> the entities it names and the
// event mentions it reports, each tied to the text that says so.
//
// Takes: a Document whose text went through normalize_text, and a Lexicon
// (actors, places, titles, event types with their triggers and rules, all
// kept as data). Gives: entities, entity mentions, event mentions with
// type, trigger span, time, actors in roles, place, quote and modality.
//
//   LexiconLoad loaded = load_lexicon({});          // built-in data only
//   DocumentExtraction x = extract_mentions(doc, loaded.lexicon);
//   for (const EventMention& m : x.events) ...
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/types.h"

namespace eventgraph {

namespace detail {
struct LexiconData;
}

// Actors, places, titles and event rules. Cheap to copy (shared, immutable).
class Lexicon {
 public:
  Lexicon();
  explicit Lexicon(std::shared_ptr<const detail::LexiconData> data);
  const detail::LexiconData& data() const { return *data_; }

 private:
  std::shared_ptr<const detail::LexiconData> data_;
};

struct LexiconLoad {
  Lexicon lexicon;
  std::vector<Diagnostic> diagnostics;  // problems in user files; bad entries skipped
};

// The built-in lexicon (compiled into the binary) plus `extra_files`
// (JSON, schemas/lexicon.schema.json), whose entries add to or override
// the built-in ones by id.
LexiconLoad load_lexicon(const std::vector<std::filesystem::path>& extra_files);

struct DocumentExtraction {
  std::string doc;                       // Document::id
  std::vector<Diagnostic> limits_hit;    // parts left out by an ExtractLimits bound (warnings)
  std::vector<Entity> entities;          // named in this document, sorted by id
  std::vector<EntityMention> entity_mentions;  // in text order
  std::vector<EventMention> events;      // in text order
  std::vector<Affiliation> affiliations;  // stated ties, sorted
};

// Where extract_mentions spends its time, for the per-stage figures of the
// benchmark: sentences and tokens (text), time expressions (time), and
// entities and events (extract). Added to, so one object can sum a corpus.
struct ExtractionTimings {
  std::chrono::nanoseconds text{0};
  std::chrono::nanoseconds time{0};
  std::chrono::nanoseconds extract{0};
};

// Bounds that keep extraction fast on hostile text. A sentence over
// max_sentence_bytes (a run-on page with no full stop) is cut at white space
// into pieces of at most that size (see split_sentences); mentions past
// max_mentions_per_document are dropped. Each cut is reported in
// DocumentExtraction::limits_hit.
struct ExtractLimits {
  std::size_t max_sentence_bytes = 4096;
  std::size_t max_mentions_per_document = 10000;
};

// Extracts from one document. Pure: same document and lexicon, same result.
DocumentExtraction extract_mentions(const Document& doc, const Lexicon& lexicon,
                                    const ExtractLimits& limits = {}, ExtractionTimings* timings = nullptr);

}  // namespace eventgraph
