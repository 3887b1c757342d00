// Runs entity and event extraction over one normalized document.
#include "extract/extract.h"

#include "extract/detail/ascii.h"
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
  segmented.sentences = split_sentences(doc.text, limits.max_sentence_bytes);
  segmented.tokens.reserve(segmented.sentences.size());
  DocumentExtraction result;
  result.doc = doc.id;
  const Sentence* first_cut = nullptr;
  std::size_t cut_pieces = 0;
  for (const Sentence& s : segmented.sentences) {
    if (s.is_cut) {
      if (!first_cut) first_cut = &s;
      ++cut_pieces;
    }
    segmented.tokens.push_back(tokenize(doc.text, s.span));
  }
  // One report per document, located at the first cut: a page of run-on
  // text must not flood the report.
  if (first_cut) {
    LineColumn at = line_column_at(doc.text, first_cut->span.begin_byte);
    result.limits_hit.push_back({Severity::warning, doc.id, at.line, at.column, "sentence-too-long",
                                 "text without a sentence end for over " + std::to_string(limits.max_sentence_bytes) +
                                     " bytes (--max-sentence-bytes) was cut into " + std::to_string(cut_pieces) +
                                     " pieces; an event told across a cut is missed"});
  }
  lap(&ExtractionTimings::text);

  std::optional<date::sys_days> publication_day;
  if (doc.published) publication_day = doc.published->local_day;

  TimeContext time_context;
  time_context.document_day = publication_day;
  std::vector<TimeExpression> times = find_time_expressions(doc.text, time_context);
  lap(&ExtractionTimings::time);
  segmented.lowered = detail::lower_ascii_padded(doc.text);
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
  // Kept until the merge, for every document at once: no growth slack
  // (a quarter of the records' size on average).
  result.events.shrink_to_fit();
  result.entities = std::move(entities.entities);
  result.entity_mentions = std::move(entities.mentions);
  result.affiliations = std::move(entities.affiliations);
  lap(&ExtractionTimings::extract);
  return result;
}

}  // namespace eventgraph
