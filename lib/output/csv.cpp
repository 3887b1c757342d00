// CSV writers (RFC 4180, with a formula-injection guard; see csv.h).
#include "output/detail/decimal.h"
#include "output/detail/sink_buffer.h"
#include "output/detail/utf8.h"
#include "output/csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace eventgraph {
namespace {

// Rows are written through a pointer into pieces of about 64 KiB handed
// on to the sink (a CSV file is small: larger pieces would not stream it).
class CsvWriter {
 public:
  explicit CsvWriter(TextSink& sink) : out_(sink, detail::kSinkPieceBytes) {}
  // A text cell: guarded, then quoted when needed.
  void text(std::string_view value) {
    // One pass finds what the cell needs; a cell of plain bytes or valid
    // UTF-8 without NULs (nearly all) is written as it stands.
    unsigned char seen = classes_of(value);
    if ((seen & kNul) == 0 && ((seen & kHigh) == 0 || detail::is_valid_utf8(value))) {
      cell(value, (seen & kQuoted) != 0);
      return;
    }
    std::string cleaned;
    cleaned.reserve(value.size() + 1);
    // NULs go first, so that "\0=1+1" cannot slip past the guard.
    for (char c : value) {
      if (c != '\0') cleaned += c;
    }
    // Invalid UTF-8 (metadata is not repaired on input) becomes U+FFFD: the
    // file is UTF-8, and Python's csv with encoding="utf-8" rejects it.
    if (!detail::is_valid_utf8(cleaned)) cleaned = detail::repair_utf8(cleaned);
    cell(cleaned, cleaned.find_first_of(",\"\r\n") != std::string_view::npos);
  }
  // Digits only: never guarded or quoted.
  void number(std::uint64_t value) {
    char* p = out_.room(1 + 24);
    p = separate(p);
    out_.advance(std::to_chars(p, p + 24, value).ptr);
  }
  void end_row() {
    char* p = out_.room(2);
    p[0] = '\r';
    p[1] = '\n';
    out_.advance(p + 2);
    is_row_start_ = true;
  }
  // Hands on what is left; call once at the end.
  void finish() { out_.hand_on(); }

 private:
  // What a byte asks of a cell.
  static constexpr unsigned char kQuoted = 1, kNul = 2, kHigh = 4;
  static constexpr std::array<unsigned char, 256> kClass = [] {
    std::array<unsigned char, 256> classes{};
    classes[','] = classes['"'] = classes['\r'] = classes['\n'] = kQuoted;
    classes[0] = kNul;
    for (int b = 0x80; b < 0x100; ++b) classes[b] = kHigh;
    return classes;
  }();

  // The classes of the bytes of `value`, or-ed: sixteen bytes a step, then
  // one by one.
  static unsigned char classes_of(std::string_view value) {
    using Bytes = unsigned char __attribute__((vector_size(16)));
    unsigned char seen = 0;
    std::size_t i = 0;
    for (; i + 16 <= value.size(); i += 16) {
      Bytes v;
      std::memcpy(&v, value.data() + i, 16);
      auto quoted = (v == ',') | (v == '"') | (v == '\r') | (v == '\n');
      auto nul = v == 0;
      auto high = v >= 0x80;
      auto any = [](auto m) {
        std::uint64_t halves[2];
        std::memcpy(halves, &m, 16);
        return (halves[0] | halves[1]) != 0;
      };
      if (any(quoted)) seen |= kQuoted;
      if (any(nul)) seen |= kNul;
      if (any(high)) seen |= kHigh;
    }
    for (; i < value.size(); ++i) seen |= kClass[static_cast<unsigned char>(value[i])];
    return seen;
  }

  char* separate(char* p) {
    if (!is_row_start_) *p++ = ',';
    is_row_start_ = false;
    return p;
  }
  // A cell of valid UTF-8 without NULs; `is_quoted` when it holds a comma,
  // quote or line break. A leading = + - @ tab, CR or ' (a formula in a
  // spreadsheet) is guarded by a ' before it.
  void cell(std::string_view value, bool is_quoted) {
    // Separator, quotes, guard, and each quote doubled at most.
    char* p = separate(out_.room(4 + 2 * value.size()));
    bool is_guarded = !value.empty() && std::string_view("=+-@\t\r'").find(value.front()) != std::string_view::npos;
    if (!is_quoted) {
      if (is_guarded) *p++ = '\'';
      if (!value.empty()) std::memcpy(p, value.data(), value.size());  // an empty view may hold no pointer
      out_.advance(p + value.size());
      return;
    }
    *p++ = '"';
    if (is_guarded) *p++ = '\'';
    for (std::size_t i = 0; i < value.size();) {
      std::size_t quote = value.find('"', i);
      std::size_t end = quote == std::string_view::npos ? value.size() : quote + 1;
      std::memcpy(p, value.data() + i, end - i);
      p += end - i;
      if (quote == std::string_view::npos) break;
      *p++ = '"';
      i = end;
    }
    *p++ = '"';
    out_.advance(p);
  }

  detail::PieceWriter out_;
  bool is_row_start_ = true;
};

void header(CsvWriter& w, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) w.text(name);
  w.end_row();
}

std::string_view entity_name(const MergedCorpus& c, std::string_view id) {
  const Entity* e = find_entity(c, id);
  return e ? std::string_view(e->name) : std::string_view(id);
}

}  // namespace

void write_events_csv(const EventGraph& graph, TextSink& out) {
  const MergedCorpus& c = graph.corpus;
  CsvWriter w(out);
  header(w, {"id", "type", "cameo", "label", "date", "date_begin", "date_end", "granularity",
             "modality", "actors", "actor_ids", "place", "place_id", "outlets", "mention_count",
             "conflicts"});
  // Reused from row to row: no allocation per event once they have grown.
  std::vector<std::string_view> ids;
  std::string names, joined_ids, outlets;
  for (const Event& e : c.events) {
    w.text(e.id);
    w.text(e.type);
    w.text(e.cameo);
    w.text(e.label);
    bool is_dated = e.time.is_resolved();
    w.text(is_dated ? std::string_view(e.time.value) : std::string_view());
    w.text(is_dated ? format_day(*e.time.earliest) : "");
    w.text(is_dated ? format_day(*e.time.latest) : "");
    w.text(to_string(e.time.granularity));
    w.text(to_string(e.modality));
    // An actor in two roles is listed once.
    ids.clear();
    for (const ActorRole& a : e.actors) {
      if (std::find(ids.begin(), ids.end(), a.entity_id) == ids.end()) ids.push_back(a.entity_id);
    }
    names.clear();
    joined_ids.clear();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i > 0) {
        names += "; ";
        joined_ids += "; ";
      }
      names += entity_name(c, ids[i]);
      joined_ids += ids[i];
    }
    w.text(names);
    w.text(joined_ids);
    w.text(e.place_id ? entity_name(c, *e.place_id) : std::string_view());
    w.text(e.place_id ? std::string_view(*e.place_id) : std::string_view());
    outlets.clear();
    for (std::size_t i = 0; i < e.outlets.size(); ++i) {
      if (i > 0) outlets += "; ";
      outlets += e.outlets[i];
    }
    w.text(outlets);
    w.number(graph.mention_count(e));
    w.number(e.conflicts.size());
    w.end_row();
  }
  w.finish();
}

void write_mentions_csv(const EventGraph& graph, TextSink& out) {
  CsvWriter w(out);
  header(w, {"event_id", "doc", "outlet", "sentence", "span_begin", "span_end", "trigger", "date",
             "date_anchor", "modality", "confidence", "quote"});
  std::vector<MentionRecord> scratch;
  for (const Event& e : graph.corpus.events) {
    for (const MentionRecord& r : graph.mentions_of(e, scratch)) {
      const EventMention& m = r.mention;
      w.text(e.id);
      w.text(m.doc);
      w.text(r.outlet);
      w.number(m.sentence);
      w.number(m.trigger.begin_byte);
      w.number(m.trigger.end_byte);
      w.text(m.trigger_text);
      w.text(m.time.value);
      w.text(to_string(m.time.anchor));
      w.text(to_string(m.modality));
      w.text(detail::two_decimals(m.confidence));  // digits only: never guarded
      w.text(m.quote ? std::string_view(*m.quote) : std::string_view());
      w.end_row();
    }
  }
  w.finish();
}

std::string format_events_csv(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_events_csv(graph, out); });
}

std::string format_mentions_csv(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_mentions_csv(graph, out); });
}

}  // namespace eventgraph
