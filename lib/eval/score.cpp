// Scores the events of a merged corpus against a gold file: one-to-one
// matching, precision/recall per type, date and actor accuracy, merge
// B-cubed and mention-level coreference. Definitions in eval.h.
#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "eval/eval.h"

namespace eventgraph {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_factual(const Event& e) {
  return e.modality == Modality::asserted || e.modality == Modality::reported;
}

// The day part of a TIMEX value ("2015-09-28T10:00" -> "2015-09-28").
std::string_view day_part(std::string_view value) {
  auto t = value.find('T');
  return (t == std::string_view::npos || t < 4) ? value : value.substr(0, t);
}

// Lower-cased names of one system actor: canonical name and aliases.
struct ActorNames {
  std::vector<std::string> names;  // sorted
  bool has(const std::string& lowered) const {
    return std::binary_search(names.begin(), names.end(), lowered);
  }
};

struct Candidate {
  std::size_t shared_docs = 0;
  bool exact_date = false;
  std::size_t shared_actors = 0;
  std::size_t extra_actors = 0;  // system actors naming no gold actor
  std::size_t gold = 0;    // index into gold.events
  std::size_t system = 0;  // index into factual
};

PrecisionRecall prf(std::size_t tp, std::size_t fp, std::size_t fn) {
  double p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0.0;
  double r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0.0;
  return make_precision_recall(p, r);
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace

bool is_date_compatible(std::string_view system_value, const std::optional<std::string>& gold) {
  if (!gold) return true;
  std::string_view found = day_part(system_value);
  if (found.empty()) return false;
  return found == *gold || (found.size() < gold->size() && gold->compare(0, found.size(), found) == 0);
}

EvalReport evaluate(const Gold& gold, const MergedCorpus& corpus) {
  EvalReport report;
  report.system_events = corpus.events.size();
  report.gold_events = gold.events.size();
  report.gold_required = static_cast<std::size_t>(std::count_if(
      gold.events.begin(), gold.events.end(), [](const GoldEvent& e) { return e.is_required; }));

  // Factual events and the names of their actors.
  std::vector<const Event*> factual;
  for (const Event& e : corpus.events) {
    if (is_factual(e)) factual.push_back(&e);
  }
  std::sort(factual.begin(), factual.end(),
            [](const Event* a, const Event* b) { return a->id < b->id; });
  report.factual_events = factual.size();
  std::vector<std::vector<ActorNames>> actors(factual.size());
  std::vector<std::vector<std::string>> docs(factual.size());  // sorted, distinct
  for (std::size_t s = 0; s < factual.size(); ++s) {
    for (const ActorRole& role : factual[s]->actors) {
      ActorNames names;
      if (const Entity* entity = find_entity(corpus.entities, role.entity_id)) {
        names.names.push_back(lower(entity->name));
        for (const auto& alias : entity->aliases) names.names.push_back(lower(alias));
      } else {
        names.names.push_back(lower(role.entity_id));
      }
      std::sort(names.names.begin(), names.names.end());
      names.names.erase(std::unique(names.names.begin(), names.names.end()), names.names.end());
      actors[s].push_back(std::move(names));
    }
    for (const MentionRecord& m : factual[s]->mentions) docs[s].push_back(m.mention.doc);
    std::sort(docs[s].begin(), docs[s].end());
    docs[s].erase(std::unique(docs[s].begin(), docs[s].end()), docs[s].end());
  }

  // Gold events indexed by (type, lower-cased actor name, date): a system
  // event only meets the gold events it shares a type and an actor name
  // with, and whose date starts with its own (a range of the sorted index);
  // undated gold events are indexed by (type, actor) alone.
  using DatedKey = std::tuple<std::string, std::string, std::string>;
  std::map<DatedKey, std::vector<std::size_t>> dated_index;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> undated_index;
  std::vector<std::vector<std::string>> gold_actors(gold.events.size());  // lower-cased
  for (std::size_t g = 0; g < gold.events.size(); ++g) {
    for (const auto& a : gold.events[g].actors) gold_actors[g].push_back(lower(a));
    std::sort(gold_actors[g].begin(), gold_actors[g].end());
    gold_actors[g].erase(std::unique(gold_actors[g].begin(), gold_actors[g].end()), gold_actors[g].end());
    for (const auto& a : gold_actors[g]) {
      if (gold.events[g].date) {
        dated_index[{gold.events[g].type, a, *gold.events[g].date}].push_back(g);
      } else {
        undated_index[{gold.events[g].type, a}].push_back(g);
      }
    }
  }

  std::vector<Candidate> candidates;
  std::vector<std::size_t> seen;
  for (std::size_t s = 0; s < factual.size(); ++s) {
    const Event& e = *factual[s];
    seen.clear();
    const std::string day(day_part(e.time.value));
    for (const ActorNames& names : actors[s]) {
      for (const auto& n : names.names) {
        if (auto it = undated_index.find({e.type, n}); it != undated_index.end()) {
          seen.insert(seen.end(), it->second.begin(), it->second.end());
        }
        if (day.empty()) continue;
        for (auto it = dated_index.lower_bound({e.type, n, day}); it != dated_index.end(); ++it) {
          const auto& [type, actor, date] = it->first;
          if (type != e.type || actor != n || date.compare(0, day.size(), day) != 0) break;
          seen.insert(seen.end(), it->second.begin(), it->second.end());
        }
      }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (std::size_t g : seen) {
      const GoldEvent& ge = gold.events[g];
      if (!is_date_compatible(e.time.value, ge.date)) continue;
      Candidate c;
      c.gold = g;
      c.system = s;
      c.exact_date = ge.date && day_part(e.time.value) == *ge.date;
      for (const auto& d : ge.reported_by) {
        c.shared_docs += std::binary_search(docs[s].begin(), docs[s].end(), d);
      }
      for (const auto& a : gold_actors[g]) {
        c.shared_actors += std::any_of(actors[s].begin(), actors[s].end(),
                                       [&](const ActorNames& n) { return n.has(a); });
      }
      for (const ActorNames& n : actors[s]) {
        c.extra_actors += std::none_of(gold_actors[g].begin(), gold_actors[g].end(),
                                       [&](const std::string& a) { return n.has(a); });
      }
      candidates.push_back(c);
    }
  }

  // Greedy one-to-one: best pairs first, ties by gold id then system id.
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.shared_docs != b.shared_docs) return a.shared_docs > b.shared_docs;
    if (a.exact_date != b.exact_date) return a.exact_date;
    if (a.shared_actors != b.shared_actors) return a.shared_actors > b.shared_actors;
    if (a.extra_actors != b.extra_actors) return a.extra_actors < b.extra_actors;
    if (gold.events[a.gold].id != gold.events[b.gold].id) return gold.events[a.gold].id < gold.events[b.gold].id;
    return factual[a.system]->id < factual[b.system]->id;
  });
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> system_of(gold.events.size(), kNone);
  std::vector<std::size_t> gold_of(factual.size(), kNone);
  for (const Candidate& c : candidates) {
    if (system_of[c.gold] != kNone || gold_of[c.system] != kNone) continue;
    system_of[c.gold] = c.system;
    gold_of[c.system] = c.gold;
  }

  // Counts per type.
  std::map<std::string, TypeCounts> counts;
  for (std::size_t g = 0; g < gold.events.size(); ++g) {
    const GoldEvent& ge = gold.events[g];
    if (!ge.is_required) continue;
    TypeCounts& t = counts[ge.type];
    if (system_of[g] == kNone) {
      ++t.fn;
      report.missed.push_back({ge.id, ge.type, ge.date.value_or("(none)"), join(ge.actors, ", ")});
      continue;
    }
    ++t.tp;
    const std::size_t s = system_of[g];
    const Event& e = *factual[s];
    if (ge.date) {
      ++report.dates_compared;
      report.dates_exact += day_part(e.time.value) == *ge.date;
    }
    // Actor sets equal: every gold name is some system actor's, and every
    // system actor carries a gold name.
    bool all_gold = std::all_of(gold_actors[g].begin(), gold_actors[g].end(), [&](const std::string& a) {
      return std::any_of(actors[s].begin(), actors[s].end(), [&](const ActorNames& n) { return n.has(a); });
    });
    bool all_system = std::all_of(actors[s].begin(), actors[s].end(), [&](const ActorNames& n) {
      return std::any_of(gold_actors[g].begin(), gold_actors[g].end(),
                         [&](const std::string& a) { return n.has(a); });
    });
    ++report.actors_compared;
    report.actors_exact += all_gold && all_system;
  }
  // Unassigned events that match an optional gold event are tolerated: the
  // gold says those may be found without counting as false positives.
  std::vector<char> matches_optional(factual.size(), 0);
  for (const Candidate& c : candidates) {
    if (!gold.events[c.gold].is_required) matches_optional[c.system] = 1;
  }
  for (std::size_t s = 0; s < factual.size(); ++s) {
    if (gold_of[s] != kNone ? !gold.events[gold_of[s]].is_required
                            : static_cast<bool>(matches_optional[s])) {
      ++report.optional_matched;
      continue;
    }
    if (gold_of[s] != kNone) continue;
    ++counts[factual[s]->type].fp;
    report.false_positives.push_back(
        {factual[s]->id, factual[s]->type, factual[s]->time.value, factual[s]->label});
  }
  report.overall.type = "all";
  for (auto& [type, t] : counts) {
    t.type = type;
    t.scores = prf(t.tp, t.fp, t.fn);
    report.overall.tp += t.tp;
    report.overall.fp += t.fp;
    report.overall.fn += t.fn;
    report.by_type.push_back(t);
  }
  report.overall.scores = prf(report.overall.tp, report.overall.fp, report.overall.fn);
  report.date_accuracy = report.dates_compared
                             ? static_cast<double>(report.dates_exact) / static_cast<double>(report.dates_compared)
                             : 0.0;
  report.actor_accuracy = report.actors_compared
                              ? static_cast<double>(report.actors_exact) / static_cast<double>(report.actors_compared)
                              : 0.0;
  for (std::size_t g = 0; g < gold.events.size(); ++g) {
    if (system_of[g] == kNone) continue;
    const Event& e = *factual[system_of[g]];
    report.matches.push_back({gold.events[g].id, e.id, gold.events[g].is_required, e.time.value, e.label});
  }

  // Merge B-cubed over (document, gold event) items. The response cluster of
  // an item is a system event (index), or a fresh singleton.
  {
    // Which system events match each gold event (any, not only one-to-one).
    std::vector<std::vector<std::size_t>> matching(gold.events.size());
    for (const Candidate& c : candidates) matching[c.gold].push_back(c.system);
    struct Item {
      std::size_t gold;
      std::size_t response;  // system index, or factual.size() + item number
    };
    std::vector<Item> items;
    for (std::size_t g = 0; g < gold.events.size(); ++g) {
      const GoldEvent& ge = gold.events[g];
      if (!ge.is_required && system_of[g] == kNone) continue;
      std::sort(matching[g].begin(), matching[g].end());  // factual is sorted by id
      for (const auto& d : ge.reported_by) {
        auto covers = [&](std::size_t s) { return std::binary_search(docs[s].begin(), docs[s].end(), d); };
        std::size_t response = kNone;
        if (system_of[g] != kNone && covers(system_of[g])) {
          response = system_of[g];
        } else {
          for (std::size_t s : matching[g]) {
            if (covers(s)) {
              response = s;
              break;
            }
          }
        }
        report.merge_items_detail.push_back(
            {ge.id, d, response == kNone ? std::string() : factual[response]->id});
        if (response == kNone) response = factual.size() + items.size();
        items.push_back({g, response});
      }
    }
    // |key ∩ response| per (gold, response), and cluster sizes.
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> both;
    std::unordered_map<std::size_t, std::size_t> key_size, response_size;
    for (const Item& i : items) {
      ++both[{i.gold, i.response}];
      ++key_size[i.gold];
      ++response_size[i.response];
    }
    double precision = 0, recall = 0;
    for (const auto& [pair, n] : both) {
      const double nn = static_cast<double>(n);
      // n items each see n of their key/response cluster-mates.
      recall += nn * nn / static_cast<double>(key_size[pair.first]);
      precision += nn * nn / static_cast<double>(response_size[pair.second]);
    }
    report.merge_items = items.size();
    if (!items.empty()) {
      report.merge_bcubed = make_precision_recall(precision / static_cast<double>(items.size()),
                                                  recall / static_cast<double>(items.size()));
    }
  }

  // Mention-level coreference, when the gold gives spans.
  if (gold.has_mentions()) {
    std::map<std::tuple<std::string, std::size_t, std::size_t>, std::uint64_t> ids;
    auto id_of = [&](const std::string& doc, const Span& span) {
      auto [it, inserted] = ids.try_emplace({doc, span.begin_byte, span.end_byte}, ids.size());
      return it->second;
    };
    Clusters key, response;
    for (const GoldEvent& ge : gold.events) {
      if (ge.mentions.empty()) continue;
      std::vector<std::uint64_t> cluster;
      for (const GoldMention& m : ge.mentions) cluster.push_back(id_of(m.doc, m.span));
      key.push_back(std::move(cluster));
    }
    const std::size_t gold_ids = ids.size();
    report.gold_mentions = gold_ids;
    std::vector<char> in_system;
    for (const Event* e : factual) {
      std::vector<std::uint64_t> cluster;
      for (const MentionRecord& m : e->mentions) cluster.push_back(id_of(m.mention.doc, m.mention.trigger));
      response.push_back(std::move(cluster));
    }
    in_system.assign(ids.size(), 0);
    for (const auto& cluster : response) {
      for (std::uint64_t m : cluster) in_system[m] = 1;
    }
    report.system_mentions = static_cast<std::size_t>(std::count(in_system.begin(), in_system.end(), 1));
    report.common_mentions =
        static_cast<std::size_t>(std::count(in_system.begin(), in_system.begin() + static_cast<std::ptrdiff_t>(gold_ids), 1));
    report.coref = score_coreference(key, response);
  }
  return report;
}

}  // namespace eventgraph
