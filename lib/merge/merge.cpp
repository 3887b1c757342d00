// Cross-document event coreference and entity resolution.
#include "merge/merge.h"

#include <algorithm>
#include <atomic>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <numeric>
#include <limits>
#include <set>
#include <span>
#include <unordered_map>

#include "merge/detail/string_ids.h"

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

// A mention as the merge sees it: its record, left where the extraction put
// it until the event takes it, and its document's outlet.
struct Item {
  const std::string* outlet = nullptr;
  EventMention* mention = nullptr;
  std::uint32_t doc_rank = 0;    // its document's place among the ids in string order
  std::uint32_t extraction = 0;  // the extraction it is in
};

bool is_factual(Modality m) { return m == Modality::asserted || m == Modality::reported; }

// Coarse values up to a season join day-dated events; a year is too vague
// to say which event of the year it was.
constexpr int kMaxJoinRangeDays = 92;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

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
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0U); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller index stays the root, so roots depend on the sorted order only.
  void join(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;
  }
};

// Who speaks for whom, as entity ids: a spokesman's words are his
// organization's. Sorted (person, of) pairs.
struct Affiliations {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;

  std::span<const std::pair<std::uint32_t, std::uint32_t>> of_person(std::uint32_t person) const {
    auto lo = std::lower_bound(pairs.begin(), pairs.end(), std::pair{person, std::uint32_t{0}});
    auto hi = lo;
    while (hi != pairs.end() && hi->first == person) ++hi;
    return {lo, hi};
  }
  bool has(std::uint32_t person, std::uint32_t of) const {
    return std::binary_search(pairs.begin(), pairs.end(), std::pair{person, of});
  }
};

enum class Dating : std::uint8_t { day, coarse, open };

// What clustering compares of a mention, a few words instead of the record:
// the passes below read these in block order, which is not memory order.
struct MentionKey {
  std::int32_t earliest = 0;  // days since 1970-01-01, when resolved
  std::int32_t latest = 0;
  std::uint32_t value = 0;           // time.value's id: the block of coarse and undated mentions
  std::uint32_t speaker = kNone;     // the first agent's entity; kNone without one
  std::uint32_t doc = 0;
  std::uint32_t actors_begin = 0;    // its entities, in Group::actors
  std::uint32_t actors_end = 0;
  Dating dating = Dating::open;
};

// The mentions of one type and factuality. Every block and every pass
// below keeps to one type and factuality, so groups never join each other
// and cluster independently (and in parallel).
struct Group {
  bool is_statement = false;
  std::vector<std::uint32_t> members;  // positions in the sorted items, ascending
  std::vector<MentionKey> keys;        // by position in members
  std::vector<std::uint32_t> actors;   // entity ids, remapped

  std::span<const std::uint32_t> actors_of(std::uint32_t l) const {
    return {actors.data() + keys[l].actors_begin, actors.data() + keys[l].actors_end};
  }
};

std::size_t count_shared_sorted(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::size_t n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++n, ++i, ++j;
  }
  return n;
}

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Sorts (key, position) pairs packed in 64 bits and calls on_block for each
// run of one key, with its positions ascending.
template <typename OnBlock>
void for_each_block(std::vector<std::uint64_t>& packed, std::vector<std::uint32_t>& positions, OnBlock on_block) {
  std::sort(packed.begin(), packed.end());
  positions.resize(packed.size());
  for (std::size_t i = 0; i < packed.size(); ++i) positions[i] = static_cast<std::uint32_t>(packed[i]);
  for (std::size_t b = 0; b < packed.size();) {
    std::size_t e = b + 1;
    while (e < packed.size() && (packed[e] >> 32) == (packed[b] >> 32)) ++e;
    on_block(static_cast<std::uint32_t>(packed[b] >> 32), std::span<const std::uint32_t>(positions.data() + b, e - b));
    b = e;
  }
}

std::uint32_t day_key(std::int32_t day) { return static_cast<std::uint32_t>(day) ^ 0x80000000U; }

// Clusters one group; returns the root of each member, as a position in
// group.members (the smallest of its cluster).
class GroupClustering {
 public:
  GroupClustering(const Group& group, const std::vector<Item>& items, const Affiliations& affiliations,
                  const std::vector<std::uint8_t>& entity_kinds)
      : g_(group),
        items_(items),
        affiliations_(affiliations),
        entity_kinds_(entity_kinds),
        uf_(group.keys.size()),
        first_of_(entity_kinds.size(), kNone) {}

  std::vector<std::uint32_t> run() {
    std::size_t n = g_.keys.size();
    // Pass 1: blocks of one day; joins inside a block only.
    std::vector<std::uint64_t> packed;
    std::vector<std::uint32_t> day_positions;
    for (std::uint32_t l = 0; l < n; ++l) {
      if (g_.keys[l].dating == Dating::day) packed.push_back(std::uint64_t{day_key(g_.keys[l].earliest)} << 32 | l);
    }
    std::vector<std::pair<std::uint32_t, std::span<const std::uint32_t>>> day_blocks;
    for_each_block(packed, day_positions, [&](std::uint32_t key, std::span<const std::uint32_t> block) {
      join_block(block);
      day_blocks.emplace_back(key, block);
    });
    summarize(day_blocks);
    join_across_days();
    join_coarse();

    // Coarse mentions left alone, and undated ones, group with their own kind.
    packed.clear();
    for (std::uint32_t l = 0; l < n; ++l) {
      const MentionKey& k = g_.keys[l];
      if (k.dating == Dating::open || (k.dating == Dating::coarse && uf_.find(l) == l)) {
        packed.push_back(std::uint64_t{k.value} << 32 | l);
      }
    }
    std::vector<std::uint32_t> other_positions;
    for_each_block(packed, other_positions, [&](std::uint32_t, std::span<const std::uint32_t> block) { join_block(block); });

    std::vector<std::uint32_t> roots(n);
    for (std::uint32_t l = 0; l < n; ++l) roots[l] = uf_.find(l);
    split_rival_agents(roots);
    return roots;
  }

 private:
  // What a cluster of one day's block offers for joining across blocks.
  struct DayCluster {
    std::uint32_t root = 0;  // also its first member: blocks are ascending
    std::int32_t day = 0;
    std::uint32_t single_doc = kNone;  // the one document of all members, else kNone
    std::uint32_t actors_begin = 0;    // sorted, distinct, in cluster_actors_
    std::uint32_t actors_end = 0;
  };
  // An index from (actor, day) to the clusters that name the actor.
  struct ActorEntry {
    std::uint32_t entity;
    std::int32_t day;
    std::uint32_t cluster;
    friend auto operator<=>(const ActorEntry&, const ActorEntry&) = default;
  };

  std::span<const std::uint32_t> actors_of(const DayCluster& c) const {
    return {cluster_actors_.data() + c.actors_begin, cluster_actors_.data() + c.actors_end};
  }

  const EventMention& mention(std::uint32_t l) const { return *items_[g_.members[l]].mention; }

  // Joins, inside one block, every two mentions that could_corefer, in
  // linear time: a statement joins the first mention of its speaker (and a
  // spokesman the first mention of his organization); any other event joins
  // the first mention of each of its actors. Union-find closes the rest, so
  // the clusters equal those of comparing every pair.
  void join_block(std::span<const std::uint32_t> block) {
    auto join_key = [&](std::uint32_t entity, std::uint32_t l) {
      if (first_of_[entity] == kNone) {
        first_of_[entity] = l;
        touched_.push_back(entity);
      } else {
        uf_.join(first_of_[entity], l);
      }
    };
    for (std::uint32_t l : block) {
      if (g_.is_statement) {
        if (g_.keys[l].speaker != kNone) join_key(g_.keys[l].speaker, l);
      } else {
        for (std::uint32_t a : g_.actors_of(l)) join_key(a, l);
      }
    }
    // The affiliations of the keys present, not every affiliation of the
    // corpus: walking all of them for each block made the merge grow with
    // blocks x affiliations.
    for (std::uint32_t person : touched_) {
      for (const auto& [p, of] : affiliations_.of_person(person)) {
        if (first_of_[of] != kNone) uf_.join(first_of_[person], first_of_[of]);
      }
    }
    for (std::uint32_t entity : touched_) first_of_[entity] = kNone;
    touched_.clear();
  }

  // Same type and factuality assumed. A statement is its speaker's (or the
  // organization the speaker speaks for: "Pentagon officials stressed" the
  // same day as "Pentagon spokesman Peter Cook said"); other events need an
  // actor in common.
  bool could_corefer(std::uint32_t a, std::uint32_t b) const {
    if (g_.is_statement) {
      std::uint32_t sa = g_.keys[a].speaker;
      std::uint32_t sb = g_.keys[b].speaker;
      if (sa == kNone || sb == kNone) return false;
      return sa == sb || affiliations_.has(sa, sb) || affiliations_.has(sb, sa);
    }
    for (std::uint32_t x : g_.actors_of(a)) {
      for (std::uint32_t y : g_.actors_of(b)) {
        if (x == y) return true;
      }
    }
    return false;
  }

  // The clusters of each day's block, in (day, root) order, and the index
  // from actors to them, so that the passes below compare only clusters
  // that share an actor.
  void summarize(const std::vector<std::pair<std::uint32_t, std::span<const std::uint32_t>>>& day_blocks) {
    std::vector<std::uint32_t> cluster_of(g_.keys.size(), kNone);  // by root
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;    // (cluster, actor)
    for (const auto& [key, block] : day_blocks) {
      std::int32_t day = g_.keys[block.front()].earliest;
      pairs.clear();
      for (std::uint32_t l : block) {
        std::uint32_t root = uf_.find(l);
        if (root == l) {
          cluster_of[l] = static_cast<std::uint32_t>(clusters_.size());
          clusters_.push_back({l, day, g_.keys[l].doc, 0, 0});
        }
        std::uint32_t c = cluster_of[root];
        if (clusters_[c].single_doc != g_.keys[l].doc) clusters_[c].single_doc = kNone;
        for (std::uint32_t a : g_.actors_of(l)) pairs.emplace_back(c, a);
      }
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
      for (std::size_t i = 0; i < pairs.size();) {
        DayCluster& c = clusters_[pairs[i].first];
        c.actors_begin = static_cast<std::uint32_t>(cluster_actors_.size());
        for (; i < pairs.size() && &clusters_[pairs[i].first] == &c; ++i) {
          cluster_actors_.push_back(pairs[i].second);
          index_.push_back({pairs[i].second, day, pairs[i].first});
        }
        c.actors_end = static_cast<std::uint32_t>(cluster_actors_.size());
      }
    }
    std::sort(index_.begin(), index_.end());
  }

  // The index entries of `entity` on days first .. last.
  std::span<const ActorEntry> clusters_naming(std::uint32_t entity, std::int32_t first, std::int32_t last) const {
    auto lo = std::lower_bound(index_.begin(), index_.end(), ActorEntry{entity, first, 0});
    auto hi = std::lower_bound(lo, index_.end(), ActorEntry{entity, last, kNone});
    if (last < first) hi = lo;
    return {lo, hi};
  }

  // Pass 2: a day apart, two shared actors, or the same speaker and a shared
  // quotation, make one event on which the sources disagree.
  void join_across_days() {
    std::vector<std::uint32_t> candidates;
    for (const DayCluster& a : clusters_) {
      candidates.clear();
      for (std::uint32_t actor : actors_of(a)) {
        for (const ActorEntry& e : clusters_naming(actor, a.day + 1, a.day + 1)) candidates.push_back(e.cluster);
      }
      sort_unique(candidates);
      for (std::uint32_t c : candidates) {
        const DayCluster& b = clusters_[c];
        if (a.single_doc != kNone && a.single_doc == b.single_doc) continue;  // one source does not disagree with itself
        bool strong = (!g_.is_statement && count_shared_sorted(actors_of(a), actors_of(b)) >= 2) ||
                      (could_corefer(a.root, b.root) && shared_quote_words(mention(a.root), mention(b.root)) >= 5);
        if (strong) uf_.join(a.root, b.root);
      }
    }
  }

  // Pass 3: coarse mentions join the compatible day-dated event within
  // their range that shares the most actors (a month contains its days);
  // ties go to the smaller root. In member order: a join can change the
  // root a later mention compares.
  void join_coarse() {
    std::vector<std::uint32_t> actors;
    for (std::uint32_t l = 0; l < g_.keys.size(); ++l) {
      const MentionKey& k = g_.keys[l];
      if (k.dating != Dating::coarse || k.latest - k.earliest > kMaxJoinRangeDays) continue;
      auto own = g_.actors_of(l);
      actors.assign(own.begin(), own.end());
      sort_unique(actors);
      std::uint32_t best = kNone;
      std::size_t best_shared = 0;
      for (std::uint32_t actor : actors) {
        for (const ActorEntry& e : clusters_naming(actor, k.earliest, k.latest)) {
          const DayCluster& c = clusters_[e.cluster];
          if (!could_corefer(l, c.root)) continue;
          std::size_t shared = count_shared_sorted(actors, actors_of(c));
          std::uint32_t root = uf_.find(c.root);
          if (best == kNone || shared > best_shared || (shared == best_shared && root < best)) {
            best = root;
            best_shared = shared;
          }
        }
      }
      if (best != kNone) uf_.join(l, best);
    }
  }

  // A cluster whose agents include two of one kind that nothing relates
  // (the U.N. Security Council and the House each voting sanctions on North
  // Korea; Russia's and Syria's strikes on one town) chained two events
  // through what they acted on. Its members are grouped again by agent;
  // members without one, or whose agent has no rival, stay with the first
  // group. Agents of different kinds (Ash Carter, the Pentagon) are one
  // actor told at two grains and stay together.
  void split_rival_agents(std::vector<std::uint32_t>& roots) const {
    if (g_.is_statement) return;
    std::vector<std::uint32_t> order(roots.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return roots[a] < roots[b]; });
    std::vector<std::uint32_t> agents;
    for (std::size_t b = 0; b < order.size();) {
      std::size_t e = b + 1;
      while (e < order.size() && roots[order[e]] == roots[order[b]]) ++e;
      agents.clear();
      for (std::size_t k = b; k < e; ++k) {
        if (g_.keys[order[k]].speaker != kNone) agents.push_back(g_.keys[order[k]].speaker);
      }
      sort_unique(agents);
      // Per agent: whether another of its kind, unrelated, is in the
      // cluster; then the root of its own group, once it has one.
      std::vector<char> is_rival(agents.size(), 0);
      for (std::size_t x = 0; x < agents.size(); ++x) {
        for (std::uint32_t y : agents) {
          std::uint32_t a = agents[x];
          if (y != a && entity_kinds_[y] == entity_kinds_[a] && !affiliations_.has(a, y) && !affiliations_.has(y, a)) {
            is_rival[x] = 1;
            break;
          }
        }
      }
      if (std::find(is_rival.begin(), is_rival.end(), 1) != is_rival.end()) {
        // Members in ascending order: each rival's group takes its first
        // member as root; the rest go with the cluster's first member (and
        // so with its group when that member is a rival's).
        std::vector<std::uint32_t> group_root(agents.size(), kNone);
        std::uint32_t cluster_root = order[b];
        for (std::size_t k = b; k < e; ++k) {
          std::uint32_t l = order[k];
          std::uint32_t agent = g_.keys[l].speaker;
          std::size_t x = agent == kNone ? 0 : std::lower_bound(agents.begin(), agents.end(), agent) - agents.begin();
          if (agent == kNone || !is_rival[x]) {
            roots[l] = cluster_root;
          } else {
            if (group_root[x] == kNone) group_root[x] = l;
            roots[l] = group_root[x];
          }
        }
      }
      b = e;
    }
  }

  const Group& g_;
  const std::vector<Item>& items_;
  const Affiliations& affiliations_;
  const std::vector<std::uint8_t>& entity_kinds_;  // by entity id: its prefix ("person:", "org:", ...)
  UnionFind uf_;
  std::vector<std::uint32_t> first_of_;  // by entity, inside join_block; kNone
  std::vector<std::uint32_t> touched_;   // the entities first_of_ holds
  std::vector<DayCluster> clusters_;
  std::vector<std::uint32_t> cluster_actors_;
  std::vector<ActorEntry> index_;
};

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

// The values members give a field, each with the distinct documents that
// give it, in the values' order and the documents' order (ranks stand for
// documents). Sorted pairs, not maps of sets: an event is built from a few
// small vectors.
struct ValueDocs {
  std::string_view value;
  std::vector<const Item*> docs;
};

std::vector<ValueDocs> docs_by_value(std::vector<std::pair<std::string_view, const Item*>> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->doc_rank) < std::tie(b.first, b.second->doc_rank);
  });
  std::vector<ValueDocs> out;
  for (const auto& [value, item] : pairs) {
    if (out.empty() || out.back().value != value) out.push_back({value, {}});
    if (out.back().docs.empty() || out.back().docs.back()->doc_rank != item->doc_rank) out.back().docs.push_back(item);
  }
  return out;
}

// The value most documents give; ties go to the smaller value, so the
// choice never depends on order.
std::string_view majority(const std::vector<ValueDocs>& values) {
  const ValueDocs* best = &values.front();
  for (const ValueDocs& v : values) {
    if (v.docs.size() > best->docs.size()) best = &v;
  }
  return best->value;
}

Conflict make_conflict(std::string field, const std::vector<ValueDocs>& values) {
  Conflict c{std::move(field), {}};
  for (const ValueDocs& v : values) {
    Conflict::Value& out = c.values.emplace_back(Conflict::Value{std::string(v.value), {}});
    for (const Item* item : v.docs) out.docs.push_back(item->mention->doc);
  }
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
// `*id_hash` is the hash the id shows in hex.
Event make_event(std::vector<Item> members, const std::vector<Entity>& entities, std::uint64_t* id_hash) {
  std::sort(members.begin(), members.end(), [](const Item& a, const Item& b) {
    return std::tie(a.mention->doc, a.mention->trigger) < std::tie(b.mention->doc, b.mention->trigger);
  });
  Event e;
  const EventMention& first = *members.front().mention;
  e.type = first.type;
  e.cameo = first.cameo;

  // Time: the day most documents give; coarser values only when no
  // mention has a day.
  std::vector<std::string> days(members.size());
  std::vector<std::pair<std::string_view, const Item*>> day_pairs;
  const TimeValue* narrowest = nullptr;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const TimeValue& t = members[k].mention->time;
    if (t.is_single_day()) {
      days[k] = format_day(*t.earliest);
      day_pairs.emplace_back(days[k], &members[k]);
    }
    if (t.is_resolved() && (!narrowest || (*t.latest - *t.earliest) < (*narrowest->latest - *narrowest->earliest) ||
                            ((*t.latest - *t.earliest) == (*narrowest->latest - *narrowest->earliest) && t.value < narrowest->value))) {
      narrowest = &t;
    }
  }
  if (!day_pairs.empty()) {
    std::vector<ValueDocs> by_day = docs_by_value(std::move(day_pairs));
    std::string_view day = majority(by_day);
    // The day's first mention, or its last with an explicit date.
    const TimeValue* time = nullptr;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const TimeValue& t = members[k].mention->time;
      if (days[k] == day && (!time || t.anchor == TimeAnchor::explicit_date)) time = &t;
    }
    e.time = *time;
    if (by_day.size() > 1) e.conflicts.push_back(make_conflict("date", by_day));
  } else if (narrowest) {
    e.time = *narrowest;
  } else {
    e.time = first.time;
  }

  // Actors: every entity any source names, in its most frequent role.
  struct Tally {
    const ActorRole* first;  // its first naming, whose span the event keeps
    std::array<std::size_t, 4> by_role{};
  };
  std::vector<Tally> tallies;  // in order of first naming
  std::unordered_map<std::string_view, std::size_t> tally_of;  // once there are many
  constexpr std::size_t kLinearTallies = 16;
  for (const Item& it : members) {
    for (const ActorRole& a : it.mention->actors) {
      std::size_t t = tallies.size();
      if (tallies.size() <= kLinearTallies) {
        for (std::size_t k = 0; k < tallies.size(); ++k) {
          if (tallies[k].first->entity_id == a.entity_id) {
            t = k;
            break;
          }
        }
      } else {
        if (tally_of.empty()) {
          for (std::size_t k = 0; k < tallies.size(); ++k) tally_of.emplace(tallies[k].first->entity_id, k);
        }
        auto [found, is_new] = tally_of.emplace(a.entity_id, tallies.size());
        t = found->second;
      }
      if (t == tallies.size()) tallies.push_back({&a, {}});
      ++tallies[t].by_role[static_cast<std::size_t>(a.role)];
    }
  }
  for (const Tally& t : tallies) {
    // Role's order is role_rank's: the first of the most frequent wins.
    std::size_t best = 0;
    for (std::size_t r = 1; r < t.by_role.size(); ++r) {
      if (t.by_role[r] > t.by_role[best]) best = r;
    }
    e.actors.push_back({t.first->entity_id, static_cast<Role>(best), t.first->span});
  }
  std::stable_sort(e.actors.begin(), e.actors.end(), [](const ActorRole& a, const ActorRole& b) {
    return role_rank(a.role) < role_rank(b.role);
  });

  std::vector<std::pair<std::string_view, const Item*>> place_pairs;
  for (const Item& it : members) {
    if (it.mention->place_id) place_pairs.emplace_back(*it.mention->place_id, &it);
  }
  if (!place_pairs.empty()) {
    std::vector<ValueDocs> by_place = docs_by_value(std::move(place_pairs));
    e.place_id = std::string(majority(by_place));
    if (by_place.size() > 1) e.conflicts.push_back(make_conflict("place", by_place));
  }

  bool any_asserted = false;
  bool any_reported = false;
  for (const Item& it : members) {
    any_asserted = any_asserted || it.mention->modality == Modality::asserted;
    any_reported = any_reported || it.mention->modality == Modality::reported;
  }
  e.modality = any_asserted ? Modality::asserted : any_reported ? Modality::reported : first.modality;

  std::vector<std::string_view> outlets;
  for (const Item& it : members) {
    if (!it.outlet->empty()) outlets.push_back(*it.outlet);
  }
  std::sort(outlets.begin(), outlets.end());
  outlets.erase(std::unique(outlets.begin(), outlets.end()), outlets.end());
  e.outlets.assign(outlets.begin(), outlets.end());
  e.mentions.reserve(members.size());
  for (const Item& it : members) e.mentions.push_back({*it.outlet, std::move(*it.mention)});
  e.label = label_for(e, entities);

  // The id comes from content: type, day range and canonical actors.
  std::vector<std::string> actor_ids;
  for (const ActorRole& a : e.actors) actor_ids.push_back(a.entity_id);
  std::sort(actor_ids.begin(), actor_ids.end());
  std::string key = e.type + '|' + e.time.value + '|' + to_string(e.modality).data();
  for (const std::string& id : actor_ids) key += '|' + id;
  // "ev-" and 16 lowercase hex digits, as printf's %016llx (without
  // printf: it was a tenth of building an event).
  *id_hash = fnv1a(key);
  e.id = "ev-0000000000000000";
  for (std::size_t i = 0; i < 16; ++i) e.id[3 + i] = "0123456789abcdef"[(*id_hash >> (60 - 4 * i)) & 0xf];
  return e;
}

// Where an event goes in the timeline; `index` keeps the sort stable.
struct EventKey {
  bool is_undated;
  std::int32_t earliest;
  std::int32_t latest;
  std::uint32_t type;      // rank of the type's name
  std::uint64_t id_hash;   // orders as the id: "ev-" and fixed-width hex
  std::uint32_t index;
  friend auto operator<=>(const EventKey&, const EventKey&) = default;
};

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
                            EntityUnion entity_union, const ParallelFor& parallel_for) {
  MergedCorpus corpus;
  // The extractions' own lists join the union, and go.
  for (DocumentExtraction& x : extractions) entity_union.add(x.doc, std::move(x.entities));
  std::map<std::string, Entity> by_id;
  for (auto& [id, kept] : entity_union.by_id_) by_id.emplace(id, std::move(kept.entity));
  entity_union.by_id_.clear();
  // Not a structured binding: clang 14 (the fuzzing build) cannot capture
  // one in the lambdas below.
  auto resolved = resolve_entities(std::move(by_id));
  corpus.entities = std::move(resolved.first);
  const std::map<std::string, std::string>& remap = resolved.second;

  // Documents, types, entities and time values become ids, in one pass
  // over the mention records: from there to building the events the merge
  // compares integers in small arrays, and the records stay where the
  // extractions put them.
  static const std::string kNoOutlet;
  detail::StringIds doc_ids;
  std::vector<const std::string*> outlet_of;  // by document id
  for (const Document& d : documents) {
    std::uint32_t id = doc_ids.add(d.id);
    if (id == outlet_of.size()) outlet_of.push_back(&d.outlet);
    outlet_of[id] = &d.outlet;  // the last of a repeated id, as a map assigned in order
  }
  // Entity ids as the mentions name them, each mapped once to the id it
  // resolved to (a surname to its full name): one level, as `remap` says.
  detail::StringIds entity_ids;
  std::vector<std::uint32_t> resolved_of;  // by entity id; kNone until looked up
  auto entity = [&](const std::string& name) {
    std::uint32_t id = entity_ids.add(name);
    if (id == resolved_of.size()) resolved_of.push_back(kNone);
    if (resolved_of[id] == kNone) {
      auto it = remap.find(name);
      std::uint32_t to = it == remap.end() ? id : entity_ids.add(it->second);
      if (to == resolved_of.size()) resolved_of.push_back(kNone);
      resolved_of[id] = to;
    }
    return std::pair{id, resolved_of[id]};
  };
  auto resolve = [&](std::string& name) {
    auto [id, to] = entity(name);
    if (to != id) name = entity_ids.name(to);
    return to;
  };
  detail::StringIds type_ids;
  detail::StringIds value_ids;
  struct SortKey {
    std::uint32_t doc;
    Span trigger;
    std::uint32_t type;
    std::uint32_t index;  // in input order
    bool is_factual;
  };
  std::size_t mention_count = 0;
  for (const DocumentExtraction& x : extractions) mention_count += x.events.size();
  std::vector<Item> unsorted;
  std::vector<SortKey> sort_keys;
  std::vector<MentionKey> unsorted_keys;
  std::vector<std::uint32_t> unsorted_actors;
  unsorted.reserve(mention_count);
  sort_keys.reserve(mention_count);
  unsorted_keys.reserve(mention_count);
  const std::string* last_doc = nullptr;  // a document's mentions come together
  std::uint32_t last_doc_id = 0;
  for (std::uint32_t extraction = 0; extraction < extractions.size(); ++extraction) {
    for (EventMention& m : extractions[extraction].events) {
      if (!last_doc || *last_doc != m.doc) {
        last_doc_id = doc_ids.add(m.doc);
        if (last_doc_id == outlet_of.size()) outlet_of.push_back(&kNoOutlet);
        last_doc = &m.doc;
      }
      MentionKey k;
      k.doc = last_doc_id;
      k.actors_begin = static_cast<std::uint32_t>(unsorted_actors.size());
      bool has_agent = false;
      for (ActorRole& a : m.actors) {
        std::uint32_t id = resolve(a.entity_id);
        unsorted_actors.push_back(id);
        if (a.role == Role::agent && !has_agent) {
          has_agent = true;
          if (!a.entity_id.empty()) k.speaker = id;
        }
      }
      k.actors_end = static_cast<std::uint32_t>(unsorted_actors.size());
      if (m.place_id) resolve(*m.place_id);
      const TimeValue& t = m.time;
      if (t.is_resolved()) {
        k.earliest = static_cast<std::int32_t>(t.earliest->time_since_epoch().count());
        k.latest = static_cast<std::int32_t>(t.latest->time_since_epoch().count());
      }
      k.dating = t.is_single_day() ? Dating::day : t.is_resolved() ? Dating::coarse : Dating::open;
      if (k.dating != Dating::day) k.value = value_ids.add(t.value);
      sort_keys.push_back({k.doc, m.trigger, type_ids.add(m.type), static_cast<std::uint32_t>(unsorted.size()),
                           is_factual(m.modality)});
      unsorted_keys.push_back(k);
      unsorted.push_back({outlet_of[k.doc], &m, 0, extraction});
    }
  }
  // Sorted by (document, trigger, type) as strings, stably: ranks of the
  // ids stand in for the strings.
  auto ranks = [](const detail::StringIds& ids) {
    std::vector<std::uint32_t> order(ids.size());
    std::iota(order.begin(), order.end(), 0U);
    auto by_name = [&](std::uint32_t a, std::uint32_t b) { return ids.name(a) < ids.name(b); };
    // The documents come sorted by id, and got their ids in that order: a
    // check in place of a sort that compared strings n log n times (a
    // twentieth of the merge at 50 MB).
    if (!std::is_sorted(order.begin(), order.end(), by_name)) std::sort(order.begin(), order.end(), by_name);
    std::vector<std::uint32_t> rank(ids.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    return rank;
  };
  std::vector<std::uint32_t> doc_rank = ranks(doc_ids);
  std::vector<std::uint32_t> type_rank = ranks(type_ids);
  auto before = [&](const SortKey& a, const SortKey& b) {
    return std::tie(doc_rank[a.doc], a.trigger, type_rank[a.type], a.index) <
           std::tie(doc_rank[b.doc], b.trigger, type_rank[b.type], b.index);
  };
  if (!std::is_sorted(sort_keys.begin(), sort_keys.end(), before)) std::sort(sort_keys.begin(), sort_keys.end(), before);

  // The mentions in sorted order, and each (type, factual) group's keys.
  std::vector<Group> groups(2 * type_ids.size());
  for (std::uint32_t t = 0; t < type_ids.size(); ++t) {
    groups[2 * t].is_statement = groups[2 * t + 1].is_statement = type_ids.name(t) == "statement";
  }
  std::vector<Item> items;
  items.reserve(unsorted.size());
  for (std::uint32_t i = 0; i < sort_keys.size(); ++i) {
    const SortKey& s = sort_keys[i];
    Item& item = items.emplace_back(unsorted[s.index]);
    item.doc_rank = doc_rank[s.doc];
    Group& group = groups[2 * s.type + (s.is_factual ? 1 : 0)];
    MentionKey k = unsorted_keys[s.index];
    auto actors_begin = unsorted_actors.begin() + k.actors_begin;
    auto actors_end = unsorted_actors.begin() + k.actors_end;
    k.actors_begin = static_cast<std::uint32_t>(group.actors.size());
    group.actors.insert(group.actors.end(), actors_begin, actors_end);
    k.actors_end = static_cast<std::uint32_t>(group.actors.size());
    group.members.push_back(i);
    group.keys.push_back(k);
  }
  unsorted = {};
  sort_keys = {};
  unsorted_keys = {};
  unsorted_actors = {};

  Affiliations affiliations;
  for (const DocumentExtraction& x : extractions) {
    for (const Affiliation& a : x.affiliations) {
      // An aide does not speak for the person he serves; a spokesman speaks
      // for his organization.
      if (a.of.starts_with("person:")) continue;
      std::uint32_t person = entity(a.person_id).second;
      affiliations.pairs.emplace_back(person, entity(a.of).first);
    }
  }
  std::sort(affiliations.pairs.begin(), affiliations.pairs.end());
  affiliations.pairs.erase(std::unique(affiliations.pairs.begin(), affiliations.pairs.end()),
                           affiliations.pairs.end());

  auto run = [&](std::size_t n, const std::function<void(std::size_t)>& fn) {
    if (parallel_for) {
      parallel_for(n, fn);
    } else {
      for (std::size_t i = 0; i < n; ++i) fn(i);
    }
  };
  // The largest groups first, so that two threads finish together.
  std::vector<std::uint32_t> group_order;
  for (std::uint32_t g = 0; g < groups.size(); ++g) {
    if (!groups[g].members.empty()) group_order.push_back(g);
  }
  std::stable_sort(group_order.begin(), group_order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return groups[a].members.size() > groups[b].members.size();
  });
  std::vector<std::uint32_t> root_of(items.size());
  // An entity's kind is its id's prefix, for telling rival agents apart.
  std::vector<std::uint8_t> entity_kinds(entity_ids.size());
  {
    std::vector<std::string_view> kinds;
    for (std::uint32_t id = 0; id < entity_ids.size(); ++id) {
      std::string_view name = entity_ids.name(id);
      std::string_view kind = name.substr(0, name.find(':'));
      auto it = std::find(kinds.begin(), kinds.end(), kind);
      if (it == kinds.end()) it = kinds.insert(kinds.end(), kind);
      entity_kinds[id] = static_cast<std::uint8_t>(std::min<std::size_t>(it - kinds.begin(), 255));
    }
  }
  run(group_order.size(), [&](std::size_t k) {
    const Group& group = groups[group_order[k]];
    std::vector<std::uint32_t> roots = GroupClustering(group, items, affiliations, entity_kinds).run();
    // Each group writes its own members' slots.
    for (std::size_t l = 0; l < roots.size(); ++l) root_of[group.members[l]] = group.members[roots[l]];
  });
  groups = {};

  // Clusters in order of their roots, members ascending: the order the
  // events take before their final sort.
  std::vector<std::uint32_t> cluster_begin;  // by cluster, into members
  std::vector<std::uint32_t> cluster_of(items.size());
  for (std::uint32_t i = 0; i < items.size(); ++i) {
    if (root_of[i] == i) {
      cluster_of[i] = static_cast<std::uint32_t>(cluster_begin.size());
      cluster_begin.push_back(0);
    }
  }
  std::size_t cluster_count = cluster_begin.size();
  for (std::uint32_t i = 0; i < items.size(); ++i) ++cluster_begin[cluster_of[root_of[i]]];
  cluster_begin.push_back(0);
  std::exclusive_scan(cluster_begin.begin(), cluster_begin.end(), cluster_begin.begin(), 0U);
  std::vector<std::uint32_t> members(items.size());
  {
    std::vector<std::uint32_t> next(cluster_begin.begin(), cluster_begin.end() - 1);
    for (std::uint32_t i = 0; i < items.size(); ++i) members[next[cluster_of[root_of[i]]]++] = i;
  }
  corpus.events.resize(cluster_count);
  std::vector<std::uint64_t> id_hash(cluster_count);
  // The moved-from mention records are as big as the moved ones: an
  // extraction's go as soon as its last mention is in an event, not at the
  // end (which kept a third of the merge's peak).
  std::vector<std::atomic<std::uint32_t>> mentions_left(extractions.size());
  for (std::size_t x = 0; x < extractions.size(); ++x) {
    mentions_left[x].store(static_cast<std::uint32_t>(extractions[x].events.size()), std::memory_order_relaxed);
  }
  constexpr std::size_t kEventsPerTask = 256;
  run((cluster_count + kEventsPerTask - 1) / kEventsPerTask, [&](std::size_t task) {
    std::size_t end = std::min(cluster_count, (task + 1) * kEventsPerTask);
    for (std::size_t c = task * kEventsPerTask; c < end; ++c) {
      std::vector<Item> cluster_items;
      cluster_items.reserve(cluster_begin[c + 1] - cluster_begin[c]);
      for (std::uint32_t p = cluster_begin[c]; p < cluster_begin[c + 1]; ++p) cluster_items.push_back(items[members[p]]);
      corpus.events[c] = make_event(std::move(cluster_items), corpus.entities, &id_hash[c]);
      // Only the thread that takes the count to zero touches the vector:
      // every mention in it has been moved by then.
      for (std::uint32_t p = cluster_begin[c]; p < cluster_begin[c + 1]; ++p) {
        std::uint32_t x = items[members[p]].extraction;
        if (mentions_left[x].fetch_sub(1, std::memory_order_acq_rel) == 1) {
          std::vector<EventMention>().swap(extractions[x].events);
        }
      }
    }
  });
  items = {};
  extractions = {};

  // Sorted stably by (earliest day, latest day, type, id), undated last, on
  // integers: a type's rank orders as its name, and an id's hash as the id
  // (fixed-width hex).
  std::vector<EventKey> event_keys;
  event_keys.reserve(cluster_count);
  for (std::uint32_t c = 0; c < cluster_count; ++c) {
    const Event& e = corpus.events[c];
    auto day = [](const std::optional<date::sys_days>& d) {
      return static_cast<std::int32_t>(d.value_or(date::sys_days{}).time_since_epoch().count());
    };
    event_keys.push_back({!e.time.is_resolved(), day(e.time.earliest), day(e.time.latest),
                          type_rank[*type_ids.find(e.type)], id_hash[c], c});
  }
  if (!std::is_sorted(event_keys.begin(), event_keys.end())) {
    std::sort(event_keys.begin(), event_keys.end());
    std::vector<Event> sorted;
    sorted.reserve(cluster_count);
    for (const EventKey& k : event_keys) sorted.push_back(std::move(corpus.events[k.index]));
    corpus.events = std::move(sorted);
  }
  // Equal content gives equal ids; number the repeats in timeline order.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash;  // (id's hash, position)
  by_hash.reserve(cluster_count);
  for (std::uint32_t p = 0; p < cluster_count; ++p) by_hash.emplace_back(event_keys[p].id_hash, p);
  std::sort(by_hash.begin(), by_hash.end());
  for (std::size_t b = 0; b < by_hash.size();) {
    std::size_t e = b + 1;
    for (; e < by_hash.size() && by_hash[e].first == by_hash[b].first; ++e) {
      corpus.events[by_hash[e].second].id += "-" + std::to_string(e - b + 1);
    }
    b = e;
  }
  // The documents come sorted from the pipeline; a sort only when they are
  // not, or repeat an id (std::sort's order of equals is its own).
  auto id_before = [](const Document& a, const Document& b) { return a.id < b.id; };
  bool is_strictly_sorted = std::adjacent_find(documents.begin(), documents.end(), [&](const Document& a, const Document& b) {
                              return !id_before(a, b);
                            }) == documents.end();
  if (!is_strictly_sorted) std::sort(documents.begin(), documents.end(), id_before);
  corpus.documents = std::move(documents);
  return corpus;
}

}  // namespace eventgraph
