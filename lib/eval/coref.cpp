// Coreference metrics over predicted mentions: MUC, B-cubed, CEAF-e and the
// CoNLL average, as the CoNLL reference scorer (v8) computes them.
#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "eval/eval.h"

namespace eventgraph {
namespace {

// Drops repeated mentions (the first occurrence wins, as the reference
// scorer de-duplicates) and empty clusters.
Clusters deduplicate(const Clusters& clusters) {
  std::unordered_set<std::uint64_t> seen;
  Clusters out;
  for (const auto& cluster : clusters) {
    std::vector<std::uint64_t> kept;
    for (std::uint64_t m : cluster) {
      if (seen.insert(m).second) kept.push_back(m);
    }
    if (!kept.empty()) out.push_back(std::move(kept));
  }
  return out;
}

// Cluster index of every mention.
std::unordered_map<std::uint64_t, std::size_t> cluster_of(const Clusters& clusters) {
  std::unordered_map<std::uint64_t, std::size_t> index;
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    for (std::uint64_t m : clusters[c]) index.emplace(m, c);
  }
  return index;
}

// How many mentions of cluster `c` lie in each cluster of the other side,
// as (other cluster, count) sorted by cluster; mentions the other side lacks
// are counted in `twinless`.
struct Overlap {
  std::vector<std::pair<std::size_t, std::size_t>> counts;
  std::size_t twinless = 0;
};

Overlap overlap(const std::vector<std::uint64_t>& cluster,
                const std::unordered_map<std::uint64_t, std::size_t>& other) {
  Overlap o;
  std::vector<std::size_t> hits;
  for (std::uint64_t m : cluster) {
    auto it = other.find(m);
    if (it == other.end()) {
      ++o.twinless;
    } else {
      hits.push_back(it->second);
    }
  }
  std::sort(hits.begin(), hits.end());
  for (std::size_t i = 0; i < hits.size();) {
    std::size_t j = i;
    while (j < hits.size() && hits[j] == hits[i]) ++j;
    o.counts.emplace_back(hits[i], j - i);
    i = j;
  }
  return o;
}

double ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0.0;
}

// MUC recall of `key` against `other`: the links the other side keeps.
// A key cluster of n mentions needs n-1 links; split into p parts (each
// mention the other side lacks is a part of its own) it keeps n-p.
double muc_recall(const Clusters& key, const std::unordered_map<std::uint64_t, std::size_t>& other) {
  double kept = 0, needed = 0;
  for (const auto& cluster : key) {
    Overlap o = overlap(cluster, other);
    double parts = static_cast<double>(o.counts.size() + o.twinless);
    kept += static_cast<double>(cluster.size()) - parts;
    needed += static_cast<double>(cluster.size()) - 1;
  }
  return ratio(kept, needed);
}

// B-cubed recall of `key`: each mention's share of its key cluster that the
// other side puts with it, averaged over the key's mentions.
double bcubed_recall(const Clusters& key,
                     const std::unordered_map<std::uint64_t, std::size_t>& other) {
  double sum = 0, mentions = 0;
  for (const auto& cluster : key) {
    Overlap o = overlap(cluster, other);
    double inside = 0;
    for (const auto& [c, n] : o.counts) inside += static_cast<double>(n * n);
    sum += inside / static_cast<double>(cluster.size());
    mentions += static_cast<double>(cluster.size());
  }
  return ratio(sum, mentions);
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

// Sum of phi4 over the optimal one-to-one alignment of key and response
// entities, solved separately in each connected component of the overlap
// graph (entities that share no mention have phi4 = 0 and can only be
// aligned for nothing).
double ceafe_similarity(const Clusters& key, const Clusters& response,
                        const std::unordered_map<std::uint64_t, std::size_t>& response_of) {
  struct Edge {
    std::size_t k, r;
    double phi;
  };
  std::vector<Edge> edges;
  const std::size_t nk = key.size();
  std::vector<std::size_t> parent(nk + response.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t k = 0; k < nk; ++k) {
    for (const auto& [r, n] : overlap(key[k], response_of).counts) {
      double phi = 2.0 * static_cast<double>(n) /
                   static_cast<double>(key[k].size() + response[r].size());
      edges.push_back({k, r, phi});
      parent[find_root(parent, k)] = find_root(parent, nk + r);
    }
  }
  // Group edges by component (root), deterministic order.
  std::vector<std::pair<std::size_t, std::size_t>> by_component;  // (root, edge index)
  by_component.reserve(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e) {
    by_component.emplace_back(find_root(parent, edges[e].k), e);
  }
  std::sort(by_component.begin(), by_component.end());
  double total = 0;
  for (std::size_t i = 0; i < by_component.size();) {
    std::size_t j = i;
    while (j < by_component.size() && by_component[j].first == by_component[i].first) ++j;
    // Local row/column numbers for this component.
    std::vector<std::size_t> rows, cols;
    for (std::size_t x = i; x < j; ++x) {
      rows.push_back(edges[by_component[x].second].k);
      cols.push_back(edges[by_component[x].second].r);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    if (rows.size() == 1 || cols.size() == 1) {
      // One side has a single entity: the best edge is the optimum.
      double best = 0;
      for (std::size_t x = i; x < j; ++x) best = std::max(best, edges[by_component[x].second].phi);
      total += best;
    } else {
      std::vector<std::vector<double>> weight(rows.size(), std::vector<double>(cols.size(), 0.0));
      for (std::size_t x = i; x < j; ++x) {
        const Edge& e = edges[by_component[x].second];
        auto r = static_cast<std::size_t>(std::lower_bound(rows.begin(), rows.end(), e.k) - rows.begin());
        auto c = static_cast<std::size_t>(std::lower_bound(cols.begin(), cols.end(), e.r) - cols.begin());
        weight[r][c] = e.phi;
      }
      std::vector<int> assigned = max_weight_assignment(weight);
      for (std::size_t r = 0; r < rows.size(); ++r) {
        if (assigned[r] >= 0) total += weight[r][static_cast<std::size_t>(assigned[r])];
      }
    }
    i = j;
  }
  return total;
}

}  // namespace

PrecisionRecall make_precision_recall(double precision, double recall) {
  PrecisionRecall pr{precision, recall, 0.0};
  if (precision + recall > 0) pr.f1 = 2 * precision * recall / (precision + recall);
  return pr;
}

// Kuhn-Munkres with potentials (the shortest augmenting path form), on the
// square matrix padded with zeros, minimizing (max - weight). O(n^3).
std::vector<int> max_weight_assignment(const std::vector<std::vector<double>>& weight) {
  const std::size_t rows = weight.size();
  std::size_t cols = 0;
  double top = 0;
  for (const auto& row : weight) {
    cols = std::max(cols, row.size());
    for (double w : row) top = std::max(top, w);
  }
  const std::size_t n = std::max(rows, cols);
  std::vector<int> result(rows, -1);
  if (n == 0) return result;
  auto cost = [&](std::size_t r, std::size_t c) {  // 1-based
    double w = (r - 1 < rows && c - 1 < weight[r - 1].size()) ? weight[r - 1][c - 1] : 0.0;
    return top - w;
  };
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<std::size_t> p(n + 1, 0), way(n + 1, 0);
  for (std::size_t i = 1; i <= n; ++i) {
    p[0] = i;
    std::size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<char> used(n + 1, 0);
    do {
      used[j0] = 1;
      std::size_t i0 = p[j0], j1 = 0;
      double delta = inf;
      for (std::size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        double cur = cost(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (std::size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      std::size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  for (std::size_t j = 1; j <= n; ++j) {
    std::size_t r = p[j];
    if (r >= 1 && r <= rows && j <= cols && j - 1 < weight[r - 1].size()) {
      result[r - 1] = static_cast<int>(j - 1);
    }
  }
  return result;
}

CorefScores score_coreference(const Clusters& key_in, const Clusters& response_in) {
  Clusters key = deduplicate(key_in);
  Clusters response = deduplicate(response_in);
  auto key_of = cluster_of(key);
  auto response_of = cluster_of(response);

  CorefScores s;
  s.muc = make_precision_recall(muc_recall(response, key_of), muc_recall(key, response_of));
  s.bcubed = make_precision_recall(bcubed_recall(response, key_of), bcubed_recall(key, response_of));
  double similarity = ceafe_similarity(key, response, response_of);
  s.ceafe = make_precision_recall(ratio(similarity, static_cast<double>(response.size())),
                                  ratio(similarity, static_cast<double>(key.size())));
  s.conll_f1 = (s.muc.f1 + s.bcubed.f1 + s.ceafe.f1) / 3.0;
  return s;
}

}  // namespace eventgraph
