// Merge stage: the mentions of all documents -> events, with entities
// resolved across documents and every mention kept as provenance.
//
// Takes: documents and their extractions. Gives: a MergedCorpus whose
// order and ids depend only on content, never on input order.
//
//   MergedCorpus corpus = merge_mentions(std::move(docs), std::move(extractions));
//   for (const Event& e : corpus.events) ...  // sorted by date, type, id
//
// How (NewsReader's shape): mentions are blocked by type and day, so that
// only mentions that could corefer are compared; inside a block, the same
// speaker (statements) or a shared actor (other types) joins them, with
// union-find over mentions sorted by (document, offset). Mentions dated
// coarser than a day (a month) then join the one compatible event within
// their range that shares the most actors. Events of the same type a day
// apart that share two actors or a quotation are one event whose sources
// disagree on the date: the majority date wins and the disagreement is kept
// in `conflicts`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/types.h"
#include "extract/extract.h"

namespace eventgraph {

struct MergedCorpus {
  std::vector<Document> documents;  // sorted by id
  std::vector<Entity> entities;     // resolved across documents, sorted by id
  std::vector<Event> events;        // sorted by (earliest day, type, id); undated last
};

// The entities of many documents, unioned by id as the extractions arrive
// in any order, so that the per-document copies (a dozen per article, a
// third of the memory a large corpus holds before the merge) can go at
// once. The union is the one merge_mentions makes of the lists themselves:
// an entity's name and kind from the document with the smallest id, its
// Wikidata id from the smallest that has one, the aliases of all.
class EntityUnion {
 public:
  void add(const std::string& doc_id, std::vector<Entity> entities);

 private:
  friend MergedCorpus merge_mentions(std::vector<Document>, std::vector<DocumentExtraction>, EntityUnion,
                                     const std::function<void(std::size_t, const std::function<void(std::size_t)>&)>&);
  struct Kept {
    Entity entity;
    std::string name_doc;  // the document `entity`'s name and kind come from
    std::string qid_doc;   // the document its qid comes from; "" while none
    std::size_t distinct_aliases = 0;  // the aliases' size after the last deduplication
  };
  // Hashed: ids share long prefixes ("person:", "country:"), which a
  // sorted map compared again at every level, for every entity of every
  // document. Nothing depends on this order: merge_mentions sorts by id.
  std::unordered_map<std::string, Kept> by_id_;
};

// Runs fn(0) .. fn(n - 1) in any order, on any threads, and returns when
// all have run; empty runs them in turn on the caller's thread.
using ParallelFor = std::function<void(std::size_t n, const std::function<void(std::size_t)>& fn)>;

// `extractions[i]` belongs to `documents[i]`. Entities already folded into
// `entities` need not be in the extractions' lists; the two are unioned.
// Event types cluster, and events are built, through `parallel_for`; the
// result is the same for any threads.
MergedCorpus merge_mentions(std::vector<Document> documents,
                            std::vector<DocumentExtraction> extractions,
                            EntityUnion entities = {}, const ParallelFor& parallel_for = {});

// For a document without a publication date: the day that makes the most of
// its relative dates agree with events the dated documents report, when one
// day does so strictly better than every other; else nullopt (never a
// guess). Candidates lie within a week of the dated documents' days.
std::optional<date::sys_days> infer_publication_day(
    const Document& undated, const Lexicon& lexicon,
    const std::vector<DocumentExtraction>& dated_extractions,
    const std::vector<date::sys_days>& dated_publication_days);

}  // namespace eventgraph
