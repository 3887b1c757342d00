// The pieces dot.cpp and render.cpp share: axis, colors, escaping, cgraph
// graphs with stable ids (see detail/timeline.h).
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "output/detail/decimal.h"
#include "output/detail/sink_buffer.h"
#include "output/detail/timeline.h"
#include "output/detail/utf8.h"

namespace eventgraph::detail {
namespace {

date::year_month month_of(date::sys_days day) {
  date::year_month_day ymd{day};
  return ymd.year() / ymd.month();
}

// --- An id discipline that numbers every object in creation order:
// anonymous objects get odd ids, named ones even ids, and the names are kept
// here. (cgraph's default orders named subgraphs by the address of their
// interned name, so the output bytes would depend on the heap; refusing
// names instead makes cgraph keep them in an internal map that agclose
// leaks.)
// The names are cgraph reference strings (agstrdup), not std::strings:
// agwrite asks a name's string header whether it is an HTML label, and a
// plain buffer has no such header.
struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct IdCounter {
  IDTYPE next = 1;
  // Keyed by views of `names`, not by copies: a 20 MB corpus's DOT graph
  // has 21,000 named nodes, and a second copy of each name was a megabyte.
  std::unordered_map<std::string_view, IDTYPE, NameHash> ids;
  // By creation number, (id - 1) / 2: agwrite asks for the name of every
  // node it writes, and of every subgraph for every node it checks.
  std::vector<char*> names;
  ~IdCounter() {
    for (char* name : names) {
      if (name) agstrfree(nullptr, name);
    }
  }
};

std::size_t creation_number(IDTYPE id) { return static_cast<std::size_t>((id - 1) / 2); }

void* id_open(Agraph_t*, Agdisc_t*) { return new (std::nothrow) IdCounter; }

long id_map(void* state, int, char* name, IDTYPE* id, int create) {
  auto* counter = static_cast<IdCounter*>(state);
  if (!counter) return 0;
  if (!name) {
    *id = counter->next;
    counter->next += 2;
    return 1;
  }
  if (auto it = counter->ids.find(std::string_view(name)); it != counter->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  char* kept = agstrdup(nullptr, name);
  if (!kept) return 0;
  *id = counter->next + 1;  // even: named
  counter->next += 2;
  std::size_t number = creation_number(*id);
  if (counter->names.size() <= number) counter->names.resize(number + 1, nullptr);
  counter->names[number] = kept;
  counter->ids.emplace(kept, *id);
  return 1;
}

long id_alloc(void*, int, IDTYPE) { return 0; }  // no ids chosen by the caller
void id_free(void*, int, IDTYPE) {}
char* id_print(void* state, int, IDTYPE id) {
  auto* counter = static_cast<IdCounter*>(state);
  if (!counter || id % 2 != 0) return nullptr;
  std::size_t number = creation_number(id);
  return number < counter->names.size() ? counter->names[number] : nullptr;
}
void id_close(void* state) { delete static_cast<IdCounter*>(state); }
void id_register(void*, int, void*) {}

Agiddisc_t kCreationOrderIds = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

// agwrite's channel: its small pieces gathered into large ones.
int put_string(void* chan, const char* text) {
  static_cast<PieceWriter*>(chan)->append(text);
  return 0;
}

int flush_nothing(void*) { return 0; }

Agiodisc_t kStringOutput = {nullptr, put_string, flush_nothing};
Agdisc_t kDiscipline = {&AgMemDisc, &kCreationOrderIds, &kStringOutput};

}  // namespace

bool Tick::is_within_month() const {
  return !is_undated && month_of(first) == month_of(last);
}

std::string Tick::label() const {
  if (is_undated) return "undated";
  if (first == last) return format_day(first);
  return format_day(first) + "/" + format_day(last);
}

bool operator<(const Tick& a, const Tick& b) { return key_of(a) < key_of(b); }

TickKey key_of(const Tick& t) {
  // Undated sorts last; its other fields are all default.
  date::year_month month = month_of(t.first);
  int month_number = static_cast<int>(month.year()) * 12 + static_cast<int>(static_cast<unsigned>(month.month())) - 1;
  return {t.is_undated, month_number, t.is_within_month(), t.first.time_since_epoch().count(),
          -(t.last - t.first).count()};
}

Tick event_tick(const Event& event) {
  if (!event.time.is_resolved()) return {true, {}, {}};
  return {false, *event.time.earliest, *event.time.latest};
}

Tick document_tick(const Document& document) {
  if (!document.published) return {true, {}, {}};
  return {false, document.published->local_day, document.published->local_day};
}

TimelineAxis::TimelineAxis(const std::set<Tick>& ticks) : ticks_(ticks.begin(), ticks.end()) {
  keys_.reserve(ticks_.size());
  for (const Tick& t : ticks_) keys_.push_back(key_of(t));
}

TimelineAxis::TimelineAxis(std::vector<Tick> ticks) {
  std::vector<std::pair<TickKey, Tick>> keyed;
  keyed.reserve(ticks.size());
  for (const Tick& t : ticks) keyed.emplace_back(key_of(t), t);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  auto same_key = [](const auto& a, const auto& b) { return a.first == b.first; };
  keyed.erase(std::unique(keyed.begin(), keyed.end(), same_key), keyed.end());
  ticks_.reserve(keyed.size());
  keys_.reserve(keyed.size());
  for (const auto& [key, t] : keyed) {
    keys_.push_back(key);
    ticks_.push_back(t);
  }
}

std::size_t TimelineAxis::index_of(const Tick& tick) const {
  return static_cast<std::size_t>(std::lower_bound(keys_.begin(), keys_.end(), key_of(tick)) - keys_.begin());
}

std::string type_color(std::string_view type) {
  // ColorBrewer Set3: pale enough for black text.
  static constexpr const char* kPalette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072",
                                             "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
                                             "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
  static const std::map<std::string_view, std::size_t, std::less<>> kFixed = {
      {"meeting", 0}, {"statement", 1}, {"deployment", 2},
      {"airstrike", 3}, {"directive", 4}, {"vote", 5}};
  if (auto it = kFixed.find(type); it != kFixed.end()) return kPalette[it->second];
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (char ch : type) hash = (hash ^ static_cast<unsigned char>(ch)) * 16777619u;
  return kPalette[6 + hash % 6];
}

std::string escape_html_label(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    std::string_view ch = text.substr(i, n);
    i += n;
    switch (ch[0]) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\r':
      case '\n':
      case '\t': out += ' '; continue;
      default: break;
    }
    // Expat, which parses the label, rejects C0 controls, DEL is
    // invisible, and U+FFFE/U+FFFF are not XML characters.
    bool is_control = n == 1 && (static_cast<unsigned char>(ch[0]) < 0x20 || ch[0] == 0x7F);
    bool is_nonchar = ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF";
    if (is_control || is_nonchar) {
      out += kReplacement;
    } else {
      out += ch;
    }
  }
  return out;
}

void set_attribute(void* object, const char* name, const std::string& value) {
  agsafeset(object, mutable_chars(name), mutable_chars(value), mutable_chars(""));
}

void set_html_label(void* object, const std::string& html) {
  Agraph_t* root = agroot(object);
  // agxset interns the value again, finding this HTML string by content.
  char* interned = agstrdup_html(root, mutable_chars(html));
  agsafeset(object, mutable_chars("label"), interned, mutable_chars(""));
  agstrfree(root, interned);
}

GraphHandle open_graph(const char* name) {
  GraphHandle graph(agopen(mutable_chars(name), Agdirected, &kDiscipline));
  if (!graph) throw std::runtime_error("cgraph could not open a graph");
  return graph;
}

void GraphCloser::operator()(Agraph_t* g) const { agclose(g); }

std::string safe_node_name(std::string_view wanted) {
  bool is_safe = !wanted.empty() && is_valid_utf8(wanted) && std::none_of(wanted.begin(), wanted.end(), [](char ch) {
    return ch == '\\' || static_cast<unsigned char>(ch) < 0x20;
  });
  return is_safe ? std::string(wanted) : "vertex";
}

NodeNamer::NodeNamer(Agraph_t* graph) : graph_(graph) {}

std::string NodeNamer::name_for(const std::string& wanted) {
  std::string base = safe_node_name(wanted);
  std::string name = base;
  for (int k = 2; agnode(graph_, mutable_chars(name), 0); ++k) name = base + "~" + std::to_string(k);
  return name;
}

}  // namespace eventgraph::detail
