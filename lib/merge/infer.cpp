// Infers the publication day of an undated document from the documents
// that are dated: the day on which its relative dates agree with theirs.
#include <algorithm>
#include <set>
#include <tuple>

#include "merge/merge.h"

namespace eventgraph {
namespace {

// How far from the dated documents a publication day is looked for: news
// about the same events is published within days of each other.
constexpr date::days kSearchRadius{7};

using EvidenceKey = std::tuple<std::string, date::sys_days, std::string>;  // type, day, actor

bool is_factual(Modality m) { return m == Modality::asserted || m == Modality::reported; }

}  // namespace

std::optional<date::sys_days> infer_publication_day(const Document& undated, const Lexicon& lexicon,
                                                    const std::vector<DocumentExtraction>& dated_extractions,
                                                    const std::vector<date::sys_days>& dated_days) {
  if (dated_days.empty()) return std::nullopt;
  std::set<EvidenceKey> evidence;
  for (const DocumentExtraction& x : dated_extractions) {
    for (const EventMention& m : x.events) {
      if (!is_factual(m.modality) || !m.time.is_resolved() || *m.time.earliest != *m.time.latest) continue;
      for (const ActorRole& a : m.actors) evidence.insert({m.type, *m.time.earliest, a.entity_id});
    }
  }
  auto [lo, hi] = std::minmax_element(dated_days.begin(), dated_days.end());
  std::optional<date::sys_days> best;
  std::size_t best_score = 0;
  bool is_tied = false;
  for (date::sys_days day = *lo - kSearchRadius; day <= *hi + kSearchRadius; day += date::days{1}) {
    Document candidate = undated;
    candidate.published = PublicationTime{day, std::nullopt, std::nullopt};
    std::size_t score = 0;
    for (const EventMention& m : extract_mentions(candidate, lexicon).events) {
      if (!is_factual(m.modality) || !m.time.is_resolved() || *m.time.earliest != *m.time.latest) continue;
      bool agrees = std::any_of(m.actors.begin(), m.actors.end(), [&](const ActorRole& a) {
        return evidence.count({m.type, *m.time.earliest, a.entity_id}) > 0;
      });
      score += agrees;
    }
    if (score > best_score) {
      best = day;
      best_score = score;
      is_tied = false;
    } else if (score == best_score && score > 0) {
      is_tied = true;
    }
  }
  if (!best || is_tied) return std::nullopt;
  return best;
}

}  // namespace eventgraph
