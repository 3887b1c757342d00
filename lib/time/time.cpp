// The time stage: tokenize, recognize (phase one), then resolve each
// expression in text order (phase two), carrying the narrative reference
// from one explicit date to the next.
#include "time/time.h"

#include "time/detail/recognize.h"
#include "time/detail/resolve.h"
#include "time/detail/tense.h"
#include "time/detail/tokens.h"

namespace eventgraph {

std::vector<TimeExpression> find_time_expressions(std::string_view text,
                                                  const TimeContext& context) {
  detail::TokenizedText tokenized = detail::tokenize(text);
  const std::vector<detail::Token>& tokens = tokenized.tokens;
  std::vector<detail::Match> matches = detail::recognize(tokens, context.numeric_order);

  std::vector<TimeExpression> out;
  out.reserve(matches.size());
  detail::ResolveContext resolve_context;
  resolve_context.document_day = context.document_day;
  for (const detail::Match& match : matches) {
    resolve_context.tense = detail::uses_tense(match.reading)
                                ? detail::clause_tense(tokens, match.first_token, match.end_token)
                                : detail::Tense::none;
    TimeExpression e;
    e.span = {tokens[match.first_token].begin, tokens[match.end_token - 1].end};
    e.text.assign(text.substr(e.span.begin_byte, e.span.size()));
    e.time = detail::resolve(match.reading, resolve_context);
    // A date the text pins down becomes the reference of "the day before",
    // "a year earlier" until the next one (narrative anchoring). Durations,
    // sets and vague references move nothing.
    // Comparisons ("a year earlier", "the year-ago quarter") look back from
    // the period at hand without changing the subject: they move nothing.
    bool is_comparison = match.reading.inherits_granularity ||
                         (match.reading.reference == detail::Reference::narrative &&
                          match.reading.year_offset.has_value());
    if (!is_comparison && e.time.is_resolved() && e.time.type != TimexType::duration &&
        e.time.type != TimexType::set && e.time.granularity != Granularity::decade &&
        e.time.granularity != Granularity::century && match.reading.literal.empty()) {
      resolve_context.narrative_any = e.time.earliest;
      resolve_context.narrative_granularity = e.time.granularity;
      if (e.time.granularity == Granularity::day) resolve_context.narrative_day = e.time.earliest;
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<date::sys_days> single_day(const TimeValue& time) {
  if (time.is_single_day() &&
      time.granularity == Granularity::day)
    return time.earliest;
  return std::nullopt;
}

}  // namespace eventgraph
