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
#include <initializer_list>
#include <string>
#include <string_view>

namespace eventgraph {
namespace {

// Rows are handed on to the sink in pieces of about 64 KiB.
class CsvWriter {
 public:
  explicit CsvWriter(TextSink& sink) : piece_(sink), out_(piece_.text()) {}
  // A text cell: guarded, then quoted when needed.
  void text(std::string_view value) {
    // One pass finds what the cell needs; a cell of plain bytes or valid
    // UTF-8 without NULs (nearly all) is written as it stands.
    unsigned char seen = 0;
    for (char c : value) seen |= kClass[static_cast<unsigned char>(c)];
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
    separate();
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, end);
  }
  void end_row() {
    out_ += "\r\n";
    is_row_start_ = true;
    piece_.hand_on_if_full();
  }
  // Hands on what is left; call once at the end.
  void finish() { piece_.hand_on(); }

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

  void separate() {
    if (!is_row_start_) out_ += ',';
    is_row_start_ = false;
  }
  // A cell of valid UTF-8 without NULs; `is_quoted` when it holds a comma,
  // quote or line break. A leading = + - @ tab, CR or ' (a formula in a
  // spreadsheet) is guarded by a ' before it.
  void cell(std::string_view value, bool is_quoted) {
    separate();
    bool is_guarded = !value.empty() && std::string_view("=+-@\t\r'").find(value.front()) != std::string_view::npos;
    if (!is_quoted) {
      if (is_guarded) out_ += '\'';
      out_ += value;
      return;
    }
    out_ += '"';
    if (is_guarded) out_ += '\'';
    for (std::size_t i = 0; i < value.size();) {
      std::size_t quote = value.find('"', i);
      if (quote == std::string_view::npos) {
        out_.append(value.substr(i));
        break;
      }
      out_.append(value.substr(i, quote + 1 - i)).append(1, '"');
      i = quote + 1;
    }
    out_ += '"';
  }

  detail::SinkBuffer piece_;
  std::string& out_;
  bool is_row_start_ = true;
};

void header(CsvWriter& w, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) w.text(name);
  w.end_row();
}

std::string entity_name(const MergedCorpus& c, const std::string& id) {
  const Entity* e = find_entity(c, id);
  return e ? e->name : id;
}

}  // namespace

void write_events_csv(const EventGraph& graph, TextSink& out) {
  const MergedCorpus& c = graph.corpus;
  CsvWriter w(out);
  header(w, {"id", "type", "cameo", "label", "date", "date_begin", "date_end", "granularity",
             "modality", "actors", "actor_ids", "place", "place_id", "outlets", "mention_count",
             "conflicts"});
  for (const Event& e : c.events) {
    w.text(e.id);
    w.text(e.type);
    w.text(e.cameo);
    w.text(e.label);
    bool is_dated = e.time.is_resolved();
    w.text(is_dated ? e.time.value : "");
    w.text(is_dated ? format_day(*e.time.earliest) : "");
    w.text(is_dated ? format_day(*e.time.latest) : "");
    w.text(to_string(e.time.granularity));
    w.text(to_string(e.modality));
    // An actor in two roles is listed once.
    std::vector<std::string> ids;
    for (const ActorRole& a : e.actors) {
      if (std::find(ids.begin(), ids.end(), a.entity_id) == ids.end()) ids.push_back(a.entity_id);
    }
    std::string names, joined_ids;
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
    w.text(e.place_id ? entity_name(c, *e.place_id) : "");
    w.text(e.place_id ? *e.place_id : "");
    std::string outlets;
    for (std::size_t i = 0; i < e.outlets.size(); ++i) {
      if (i > 0) outlets += "; ";
      outlets += e.outlets[i];
    }
    w.text(outlets);
    w.number(e.mentions.size());
    w.number(e.conflicts.size());
    w.end_row();
  }
  w.finish();
}

void write_mentions_csv(const EventGraph& graph, TextSink& out) {
  CsvWriter w(out);
  header(w, {"event_id", "doc", "outlet", "sentence", "span_begin", "span_end", "trigger", "date",
             "date_anchor", "modality", "confidence", "quote"});
  for (const Event& e : graph.corpus.events) {
    for (const MentionRecord& r : e.mentions) {
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
      w.text(m.quote ? *m.quote : "");
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
