// Cross-document event coreference and entity resolution.
#include "merge/merge.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <functional>
#include <map>
#include <numeric>
#include <set>

namespace eventgraph {
namespace {

// ---- entities --------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string last_word(std::string_view name) {
  std::size_t space = name.rfind(' ');
  return lower(space == std::string_view::npos ? name : name.substr(space + 1));
}

// A person known in one document only by a surname ("Cook") is the one
// person of the corpus with that surname, when there is exactly one.
std::pair<std::vector<Entity>, std::map<std::string, std::string>> resolve_entities(
    std::map<std::string, Entity> by_id) {
  std::map<std::string, std::vector<std::string>> full_names_by_surname;
  for (const auto& [id, e] : by_id) {
    if (e.kind == EntityKind::person && e.name.find(' ') != std::string::npos) {
      full_names_by_surname[last_word(e.name)].push_back(id);
    }
  }
  std::map<std::string, std::string> remap;
  for (const auto& [id, e] : by_id) {
    if (e.kind != EntityKind::person || e.name.find(' ') != std::string::npos) continue;
    auto it = full_names_by_surname.find(lower(e.name));
    if (it != full_names_by_surname.end() && it->second.size() == 1) remap[id] = it->second.front();
  }
  for (const auto& [from, to] : remap) {
    Entity& target = by_id[to];
    const Entity& source = by_id[from];
    target.aliases.push_back(source.name);
    target.aliases.insert(target.aliases.end(), source.aliases.begin(), source.aliases.end());
    by_id.erase(from);
  }
  std::vector<Entity> entities;
  for (auto& [id, e] : by_id) {
    std::sort(e.aliases.begin(), e.aliases.end());
    e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
    std::erase(e.aliases, e.name);
    entities.push_back(std::move(e));
  }
  return {std::move(entities), std::move(remap)};
}

// ---- mentions and clusters ------------------------------------------------

struct Item {
  std::string outlet;
  EventMention mention;
};

bool is_factual(Modality m) { return m == Modality::asserted || m == Modality::reported; }

bool is_single_day(const TimeValue& t) { return t.is_resolved() && *t.earliest == *t.latest; }

// Coarse values up to a season join day-dated events; a year is too vague
// to say which event of the year it was.
constexpr auto kMaxJoinRange = date::days{92};

std::string speaker_of(const EventMention& m) {
  for (const ActorRole& a : m.actors) {
    if (a.role == Role::agent) return a.entity_id;
  }
  return "";
}

std::size_t shared_actors(const EventMention& a, const EventMention& b) {
  std::size_t n = 0;
  for (const ActorRole& x : a.actors) {
    for (const ActorRole& y : b.actors) n += x.entity_id == y.entity_id;
  }
  return n;
}

// Who speaks for whom: a spokesman's words are his organization's.
using Affiliations = std::set<std::pair<std::string, std::string>>;  // (person, of)

// Same type assumed. A statement is its speaker's (or the organization the
// speaker speaks for: "Pentagon officials stressed" the same day as
// "Pentagon spokesman Peter Cook said"); other events need an actor in
// common.
bool could_corefer(const EventMention& a, const EventMention& b, const Affiliations& affiliations) {
  if (is_factual(a.modality) != is_factual(b.modality)) return false;
  if (a.type == "statement") {
    std::string sa = speaker_of(a);
    std::string sb = speaker_of(b);
    if (sa.empty() || sb.empty()) return false;
    return sa == sb || affiliations.count({sa, sb}) > 0 || affiliations.count({sb, sa}) > 0;
  }
  return shared_actors(a, b) > 0;
}

std::size_t shared_quote_words(const EventMention& a, const EventMention& b) {
  if (!a.quote || !b.quote) return 0;
  auto words = [](const std::string& q) {
    std::set<std::string> out;
    std::string w;
    for (char c : q) {
      if (std::isalnum(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else if (!w.empty()) {
        if (w.size() > 3) out.insert(w);
        w.clear();
      }
    }
    if (w.size() > 3) out.insert(w);
    return out;
  };
  auto wa = words(*a.quote);
  auto wb = words(*b.quote);
  std::size_t n = 0;
  for (const auto& w : wa) n += wb.count(w);
  return n;
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller index stays the root, so roots depend on the sorted order only.
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;
  }
};

// Joins, inside one block, every two mentions that could_corefer, in
// linear time: a statement joins the first mention of its speaker (and a
// spokesman the first mention of his organization); any other event joins
// the first mention of each of its actors. Union-find closes the rest, so
// the clusters equal those of comparing every pair.
void join_block(const std::vector<Item>& items, const std::vector<std::size_t>& block,
                const Affiliations& affiliations, UnionFind& uf) {
  std::map<std::string, std::size_t> first_by_key;
  auto join_key = [&](const std::string& key, std::size_t i) {
    auto [it, is_new] = first_by_key.try_emplace(key, i);
    if (!is_new) uf.join(it->second, i);
  };
  for (std::size_t i : block) {
    const EventMention& m = items[i].mention;
    if (m.type == "statement") {
      std::string speaker = speaker_of(m);
      if (!speaker.empty()) join_key(speaker, i);
    } else {
      for (const ActorRole& a : m.actors) join_key(a.entity_id, i);
    }
  }
  // The affiliations of the keys present, not every affiliation of the
  // corpus: walking all of them for each block made the merge grow with
  // blocks x affiliations.
  for (const auto& [person, first] : first_by_key) {
    for (auto it = affiliations.lower_bound({person, std::string()});
         it != affiliations.end() && it->first == person; ++it) {
      auto o = first_by_key.find(it->second);
      if (o != first_by_key.end()) uf.join(first, o->second);
    }
  }
}

// What a cluster of one block offers for joining across blocks.
struct ClusterSummary {
  std::size_t root = 0;
  std::size_t first = 0;  // a member, for could_corefer
  std::set<std::string> actors;
  std::set<std::string> docs;
};

std::vector<ClusterSummary> summarize_block(const std::vector<Item>& items, const std::vector<std::size_t>& block,
                                            UnionFind& uf) {
  std::map<std::size_t, ClusterSummary> by_root;
  for (std::size_t i : block) {
    std::size_t root = uf.find(i);
    auto [it, is_new] = by_root.try_emplace(root);
    if (is_new) {
      it->second.root = root;
      it->second.first = i;
    }
    for (const ActorRole& a : items[i].mention.actors) it->second.actors.insert(a.entity_id);
    it->second.docs.insert(items[i].mention.doc);
  }
  std::vector<ClusterSummary> out;
  for (auto& [root, summary] : by_root) out.push_back(std::move(summary));
  return out;
}

std::size_t count_shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t n = 0;
  for (const std::string& x : a) n += b.count(x);
  return n;
}

void cluster(const std::vector<Item>& items, const Affiliations& affiliations, UnionFind& uf) {
  using BlockKey = std::tuple<std::string, bool, date::sys_days>;
  // Pass 1: blocks of (type, factual, day); joins inside a block only.
  std::map<BlockKey, std::vector<std::size_t>> day_blocks;
  std::vector<std::size_t> coarse;
  std::map<std::tuple<std::string, bool, std::string>, std::vector<std::size_t>> other_blocks;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const EventMention& m = items[i].mention;
    if (is_single_day(m.time)) {
      day_blocks[{m.type, is_factual(m.modality), *m.time.earliest}].push_back(i);
    } else if (m.time.is_resolved()) {
      coarse.push_back(i);
    } else {
      other_blocks[{m.type, is_factual(m.modality), m.time.value}].push_back(i);
    }
  }
  for (const auto& [key, block] : day_blocks) join_block(items, block, affiliations, uf);

  // Cluster summaries per block, with an index from actor to clusters, so
  // that the passes below compare only clusters that share an actor.
  std::map<BlockKey, std::vector<ClusterSummary>> summaries;
  std::map<BlockKey, std::map<std::string, std::vector<std::size_t>>> by_actor;
  for (const auto& [key, block] : day_blocks) {
    auto& list = summaries[key] = summarize_block(items, block, uf);
    for (std::size_t c = 0; c < list.size(); ++c) {
      for (const std::string& a : list[c].actors) by_actor[key][a].push_back(c);
    }
  }

  // Pass 2: a day apart, two shared actors, or the same speaker and a shared
  // quotation, make one event on which the sources disagree.
  for (const auto& [key, list] : summaries) {
    BlockKey next_key{std::get<0>(key), std::get<1>(key), std::get<2>(key) + date::days{1}};
    auto next = summaries.find(next_key);
    if (next == summaries.end()) continue;
    for (const ClusterSummary& a : list) {
      std::set<std::size_t> candidates;
      for (const std::string& actor : a.actors) {
        auto it = by_actor[next_key].find(actor);
        if (it != by_actor[next_key].end()) candidates.insert(it->second.begin(), it->second.end());
      }
      for (std::size_t c : candidates) {
        const ClusterSummary& b = next->second[c];
        if (a.docs == b.docs && a.docs.size() == 1) continue;  // one source does not disagree with itself
        const EventMention& ma = items[a.first].mention;
        const EventMention& mb = items[b.first].mention;
        bool strong = (ma.type != "statement" && count_shared(a.actors, b.actors) >= 2) ||
                      (could_corefer(ma, mb, affiliations) && shared_quote_words(ma, mb) >= 5);
        if (strong) uf.join(a.root, b.root);
      }
    }
  }

  // Pass 3: coarse mentions join the compatible day-dated event within
  // their range that shares the most actors (a month contains its days).
  for (std::size_t i : coarse) {
    const EventMention& m = items[i].mention;
    std::optional<std::size_t> best;
    std::size_t best_shared = 0;
    if (*m.time.latest - *m.time.earliest <= kMaxJoinRange) {
      std::set<std::string> actors;
      for (const ActorRole& a : m.actors) actors.insert(a.entity_id);
      for (auto day = *m.time.earliest; day <= *m.time.latest; day += date::days{1}) {
        BlockKey key{m.type, is_factual(m.modality), day};
        auto list = summaries.find(key);
        if (list == summaries.end()) continue;
        std::set<std::size_t> candidates;
        for (const std::string& actor : actors) {
          auto it = by_actor[key].find(actor);
          if (it != by_actor[key].end()) candidates.insert(it->second.begin(), it->second.end());
        }
        for (std::size_t c : candidates) {
          const ClusterSummary& cluster_summary = list->second[c];
          if (!could_corefer(m, items[cluster_summary.first].mention, affiliations)) continue;
          std::size_t shared = count_shared(actors, cluster_summary.actors);
          std::size_t root = uf.find(cluster_summary.root);
          if (!best || shared > best_shared || (shared == best_shared && root < *best)) {
            best = root;
            best_shared = shared;
          }
        }
      }
    }
    if (best) uf.join(i, *best);
  }
  // Coarse mentions left alone, and undated ones, group with their own kind.
  for (std::size_t i : coarse) {
    if (uf.find(i) != i) continue;
    const EventMention& m = items[i].mention;
    other_blocks[{m.type, is_factual(m.modality), m.time.value}].push_back(i);
  }
  for (auto& [key, block] : other_blocks) {
    std::sort(block.begin(), block.end());
    join_block(items, block, affiliations, uf);
  }
}

// ---- events ----------------------------------------------------------------

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

int role_rank(Role r) {
  switch (r) {
    case Role::agent: return 0;
    case Role::patient: return 1;
    case Role::recipient: return 2;
    case Role::participant: return 3;
  }
  return 3;
}

// The value most documents give; ties go to the smaller value, so the
// choice never depends on order.
template <typename Key>
Key majority(const std::map<Key, std::set<std::string>>& docs_by_value) {
  const Key* best = nullptr;
  std::size_t best_count = 0;
  for (const auto& [value, docs] : docs_by_value) {
    if (!best || docs.size() > best_count) {
      best = &value;
      best_count = docs.size();
    }
  }
  return *best;
}

Conflict make_conflict(std::string field, const std::map<std::string, std::set<std::string>>& docs_by_value) {
  Conflict c{std::move(field), {}};
  for (const auto& [value, docs] : docs_by_value) c.values.push_back({value, {docs.begin(), docs.end()}});
  return c;
}

std::string label_for(const Event& e, const std::vector<Entity>& entities) {
  auto name = [&](const std::string& id) -> std::string {
    const Entity* entity = find_entity(entities, id);
    return entity ? entity->name : id;
  };
  std::string label = e.type;
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  std::vector<std::string> names;
  for (const ActorRole& a : e.actors) names.push_back(name(a.entity_id));
  if (!names.empty()) {
    label += ": ";
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i > 0) label += i + 1 == names.size() ? " and " : ", ";
      label += names[i];
    }
  }
  if (e.place_id) label += " in " + name(*e.place_id);
  return label;
}

// Moves the members' mentions into the event (each is in one cluster).
Event make_event(std::vector<Item*> members, const std::vector<Entity>& entities) {
  std::sort(members.begin(), members.end(), [](const Item* a, const Item* b) {
    return std::tie(a->mention.doc, a->mention.trigger) < std::tie(b->mention.doc, b->mention.trigger);
  });
  Event e;
  const EventMention& first = members.front()->mention;
  e.type = first.type;
  e.cameo = first.cameo;

  // Time: the day most documents give; coarser values only when no
  // mention has a day.
  std::map<std::string, std::set<std::string>> docs_by_day;
  std::map<std::string, const TimeValue*> time_of_value;
  const TimeValue* narrowest = nullptr;
  for (const Item* it : members) {
    const TimeValue& t = it->mention.time;
    if (is_single_day(t)) {
      std::string day = format_day(*t.earliest);
      docs_by_day[day].insert(it->mention.doc);
      if (!time_of_value.count(day) || t.anchor == TimeAnchor::explicit_date) time_of_value[day] = &t;
    }
    if (t.is_resolved() && (!narrowest || (*t.latest - *t.earliest) < (*narrowest->latest - *narrowest->earliest) ||
                            ((*t.latest - *t.earliest) == (*narrowest->latest - *narrowest->earliest) && t.value < narrowest->value))) {
      narrowest = &t;
    }
  }
  if (!docs_by_day.empty()) {
    e.time = *time_of_value[majority(docs_by_day)];
    if (docs_by_day.size() > 1) e.conflicts.push_back(make_conflict("date", docs_by_day));
  } else if (narrowest) {
    e.time = *narrowest;
  } else {
    e.time = first.time;
  }

  // Actors: every entity any source names, in its most frequent role.
  std::map<std::string, std::map<Role, std::size_t>> roles;
  std::map<std::string, Span> first_span;
  std::vector<std::string> order;
  for (const Item* it : members) {
    for (const ActorRole& a : it->mention.actors) {
      if (!roles.count(a.entity_id)) {
        order.push_back(a.entity_id);
        first_span[a.entity_id] = a.span;
      }
      ++roles[a.entity_id][a.role];
    }
  }
  for (const std::string& id : order) {
    Role best = Role::participant;
    std::size_t best_count = 0;
    for (const auto& [role, count] : roles[id]) {
      if (count > best_count || (count == best_count && role_rank(role) < role_rank(best))) {
        best = role;
        best_count = count;
      }
    }
    e.actors.push_back({id, best, first_span[id]});
  }
  std::stable_sort(e.actors.begin(), e.actors.end(), [](const ActorRole& a, const ActorRole& b) {
    return role_rank(a.role) < role_rank(b.role);
  });

  std::map<std::string, std::set<std::string>> docs_by_place;
  for (const Item* it : members) {
    if (it->mention.place_id) docs_by_place[*it->mention.place_id].insert(it->mention.doc);
  }
  if (!docs_by_place.empty()) {
    e.place_id = majority(docs_by_place);
    if (docs_by_place.size() > 1) e.conflicts.push_back(make_conflict("place", docs_by_place));
  }

  bool any_asserted = false;
  bool any_reported = false;
  for (const Item* it : members) {
    any_asserted = any_asserted || it->mention.modality == Modality::asserted;
    any_reported = any_reported || it->mention.modality == Modality::reported;
  }
  e.modality = any_asserted ? Modality::asserted : any_reported ? Modality::reported : first.modality;

  std::set<std::string> outlets;
  e.mentions.reserve(members.size());
  for (Item* it : members) {
    if (!it->outlet.empty()) outlets.insert(it->outlet);
    e.mentions.push_back({std::move(it->outlet), std::move(it->mention)});
  }
  e.outlets.assign(outlets.begin(), outlets.end());
  e.label = label_for(e, entities);

  // The id comes from content: type, day range and canonical actors.
  std::vector<std::string> actor_ids;
  for (const ActorRole& a : e.actors) actor_ids.push_back(a.entity_id);
  std::sort(actor_ids.begin(), actor_ids.end());
  std::string key = e.type + '|' + e.time.value + '|' + to_string(e.modality).data();
  for (const std::string& id : actor_ids) key += '|' + id;
  std::array<char, 24> hex{};
  std::snprintf(hex.data(), hex.size(), "ev-%016llx", static_cast<unsigned long long>(fnv1a(key)));
  e.id = hex.data();
  return e;
}

// Sorts `v` stably by `before`. Mentions and events are hundreds of bytes:
// the sort moves indices, each element moves once, and input that is
// already in order (the documents' mentions arrive sorted) costs a scan.
template <typename T, typename Before>
void sort_by(std::vector<T>& v, Before before) {
  if (std::is_sorted(v.begin(), v.end(), before)) return;
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return before(v[a], v[b]); });
  std::vector<T> sorted;
  sorted.reserve(v.size());
  for (std::size_t i : order) sorted.push_back(std::move(v[i]));
  v = std::move(sorted);
}

}  // namespace

void EntityUnion::add(const std::string& doc_id, std::vector<Entity> entities) {
  for (Entity& e : entities) {
    auto it = by_id_.find(e.id);
    if (it == by_id_.end()) {
      std::string id = e.id;
      std::string qid_doc = e.qid.empty() ? std::string() : doc_id;
      by_id_.emplace(std::move(id), Kept{std::move(e), doc_id, std::move(qid_doc)});
      continue;
    }
    Kept& kept = it->second;
    std::vector<std::string>& aliases = kept.entity.aliases;
    aliases.insert(aliases.end(), std::make_move_iterator(e.aliases.begin()),
                   std::make_move_iterator(e.aliases.end()));
    if (doc_id < kept.name_doc) {
      kept.entity.name = std::move(e.name);
      kept.entity.kind = e.kind;
      kept.name_doc = doc_id;
    }
    if (!e.qid.empty() && (kept.qid_doc.empty() || doc_id < kept.qid_doc)) {
      kept.entity.qid = std::move(e.qid);
      kept.qid_doc = doc_id;
    }
    // Repeats pile up over a large corpus; the final sort removes them
    // anyway. Deduplicated when the list has doubled, not on every add
    // once an entity has many distinct names.
    if (aliases.size() > 2 * kept.distinct_aliases + 16) {
      std::sort(aliases.begin(), aliases.end());
      aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
      kept.distinct_aliases = aliases.size();
    }
  }
}

MergedCorpus merge_mentions(std::vector<Document> documents, std::vector<DocumentExtraction> extractions,
                            EntityUnion entity_union) {
  MergedCorpus corpus;
  // The extractions' own lists join the union, and go.
  for (DocumentExtraction& x : extractions) entity_union.add(x.doc, std::move(x.entities));
  std::map<std::string, Entity> by_id;
  for (auto& [id, kept] : entity_union.by_id_) by_id.emplace(id, std::move(kept.entity));
  entity_union.by_id_.clear();
  auto [entities, remap] = resolve_entities(std::move(by_id));
  corpus.entities = std::move(entities);

  std::map<std::string, std::string> outlet_of;
  for (const Document& d : documents) outlet_of[d.id] = d.outlet;
  std::vector<Item> items;
  std::size_t mention_count = 0;
  for (const DocumentExtraction& x : extractions) mention_count += x.events.size();
  items.reserve(mention_count);
  for (DocumentExtraction& x : extractions) {
    for (EventMention& m : x.events) {
      for (ActorRole& a : m.actors) {
        if (auto it = remap.find(a.entity_id); it != remap.end()) a.entity_id = it->second;
      }
      if (m.place_id) {
        if (auto it = remap.find(*m.place_id); it != remap.end()) m.place_id = it->second;
      }
      items.push_back({outlet_of[m.doc], std::move(m)});
    }
    // The moved-from mentions are as big as the moved ones (a third of the
    // merge's peak otherwise).
    std::vector<EventMention>().swap(x.events);
  }
  sort_by(items, [](const Item& a, const Item& b) {
    return std::tie(a.mention.doc, a.mention.trigger, a.mention.type) <
           std::tie(b.mention.doc, b.mention.trigger, b.mention.type);
  });
  Affiliations affiliations;
  for (const DocumentExtraction& x : extractions) {
    for (const Affiliation& a : x.affiliations) {
      // An aide does not speak for the person he serves; a spokesman speaks
      // for his organization.
      if (a.of.starts_with("person:")) continue;
      auto person = remap.count(a.person_id) ? remap.at(a.person_id) : a.person_id;
      affiliations.insert({person, a.of});
    }
  }
  std::vector<DocumentExtraction>().swap(extractions);  // read in full by now
  UnionFind uf(items.size());
  cluster(items, affiliations, uf);
  std::map<std::size_t, std::vector<Item*>> clusters;
  for (std::size_t i = 0; i < items.size(); ++i) clusters[uf.find(i)].push_back(&items[i]);
  corpus.events.reserve(clusters.size());
  for (auto& [root, members] : clusters) corpus.events.push_back(make_event(std::move(members), corpus.entities));

  sort_by(corpus.events, [](const Event& a, const Event& b) {
    // References to the strings: a copy per comparison was most of the sort.
    auto key = [](const Event& e) {
      return std::make_tuple(!e.time.is_resolved(), e.time.earliest.value_or(date::sys_days{}),
                             e.time.latest.value_or(date::sys_days{}), std::cref(e.type), std::cref(e.id));
    };
    return key(a) < key(b);
  });
  // Equal content gives equal ids; number the repeats in timeline order.
  std::map<std::string, std::size_t> seen;
  for (Event& e : corpus.events) {
    std::size_t n = ++seen[e.id];
    if (n > 1) e.id += "-" + std::to_string(n);
  }
  std::sort(documents.begin(), documents.end(), [](const Document& a, const Document& b) { return a.id < b.id; });
  corpus.documents = std::move(documents);
  return corpus;
}

}  // namespace eventgraph
