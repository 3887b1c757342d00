// Runs entity and event extraction over one normalized document.
#include "extract/extract.h"

#include "extract/detail/entities.h"
#include "extract/detail/events.h"
#include "extract/detail/lexicon_data.h"
#include "text/text.h"
#include "time/time.h"

namespace eventgraph {

DocumentExtraction extract_mentions(const Document& doc, const Lexicon& lexicon,
                                    const ExtractLimits& limits, ExtractionTimings* timings) {
  using Clock = std::chrono::steady_clock;
  Clock::time_point started = Clock::now();
  auto lap = [&](std::chrono::nanoseconds ExtractionTimings::*step) {
    if (!timings) return;
    Clock::time_point now = Clock::now();
    timings->*step += now - started;
    started = now;
  };
  detail::SegmentedText segmented;
  segmented.text = doc.text;
  segmented.sentences = split_sentences(doc.text);
  segmented.tokens.reserve(segmented.sentences.size());
  DocumentExtraction result;
  result.doc = doc.id;
  for (const Sentence& s : segmented.sentences) {
    // An over-long sentence keeps its place but no tokens: nothing is
    // searched in it.
    if (s.span.size() > limits.max_sentence_bytes) {
      LineColumn at = line_column_at(doc.text, s.span.begin_byte);
      result.limits_hit.push_back({Severity::warning, doc.id, at.line, at.column, "sentence-too-long",
                                   "a sentence of " + std::to_string(s.span.size()) +
                                       " bytes is over the limit (--max-sentence-bytes " +
                                       std::to_string(limits.max_sentence_bytes) +
                                       "); no events are extracted from it"});
      segmented.tokens.emplace_back();
      continue;
    }
    segmented.tokens.push_back(tokenize(doc.text, s.span));
  }
  lap(&ExtractionTimings::text);

  std::optional<date::sys_days> publication_day;
  if (doc.published) publication_day = doc.published->local_day;

  TimeContext time_context;
  time_context.document_day = publication_day;
  std::vector<TimeExpression> times = find_time_expressions(doc.text, time_context);
  lap(&ExtractionTimings::time);
  detail::EntityResult entities =
      detail::find_entities(segmented, lexicon.data().entities, publication_day);

  detail::EventInputs inputs{segmented, entities.mentions, times, lexicon.data().events, doc.id,
                             doc.outlet, publication_day};
  result.events = detail::find_event_mentions(inputs);
  if (result.events.size() > limits.max_mentions_per_document) {
    const Span& first_dropped = result.events[limits.max_mentions_per_document].trigger;
    LineColumn at = line_column_at(doc.text, first_dropped.begin_byte);
    result.limits_hit.push_back({Severity::warning, doc.id, at.line, at.column, "too-many-mentions",
                                 std::to_string(result.events.size()) +
                                     " event mentions are over the limit (--max-mentions-per-document " +
                                     std::to_string(limits.max_mentions_per_document) +
                                     "); the ones from here on are dropped"});
    result.events.resize(limits.max_mentions_per_document);
  }
  result.entities = std::move(entities.entities);
  result.entity_mentions = std::move(entities.mentions);
  result.affiliations = std::move(entities.affiliations);
  lap(&ExtractionTimings::extract);
  return result;
}

}  // namespace eventgraph
