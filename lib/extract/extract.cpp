// Runs entity and event extraction over one normalized document.
#include "extract/extract.h"

#include "extract/detail/entities.h"
#include "extract/detail/events.h"
#include "extract/detail/lexicon_data.h"
#include "text/text.h"
#include "time/time.h"

namespace eventgraph {

DocumentExtraction extract_mentions(const Document& doc, const Lexicon& lexicon,
                                    ExtractionTimings* timings) {
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
  for (const Sentence& s : segmented.sentences) segmented.tokens.push_back(tokenize(doc.text, s.span));
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
  DocumentExtraction result;
  result.doc = doc.id;
  result.events = detail::find_event_mentions(inputs);
  result.entities = std::move(entities.entities);
  result.entity_mentions = std::move(entities.mentions);
  result.affiliations = std::move(entities.affiliations);
  lap(&ExtractionTimings::extract);
  return result;
}

}  // namespace eventgraph
