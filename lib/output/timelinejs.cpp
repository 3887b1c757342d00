// TimelineJS3 JSON (timeline.json) from the event graph.
#include "output/timelinejs.h"


#include <array>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "output/detail/json_writing.h"

namespace eventgraph {
namespace {

using Writer = detail::PrettyJsonWriter;

// Names, quotes and ids from manifests may hold invalid UTF-8; the shared
// writer repairs it, as in every other JSON output (found by fuzz_output).
void write_string(Writer& w, std::string_view s) { detail::write_json_string(w, s); }

// TimelineJS puts headline and text into the page as HTML: article text
// must not become markup (a quoted "<script>" stays text). Appends `text`
// escaped, runs of other bytes at once.
void append_html(std::string& out, std::string_view text) {
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> special{};
    for (unsigned char c : std::string_view("&<>\"'")) special[c] = true;
    return special;
  }();
  for (std::size_t i = 0; i < text.size();) {
    std::size_t special = i;
    while (special < text.size() && !kSpecial[static_cast<unsigned char>(text[special])]) ++special;
    out.append(text.data() + i, special - i);
    if (special == text.size()) break;
    switch (text[special]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += "&#39;"; break;
    }
    i = special + 1;
  }
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html(out, text);
  return out;
}

enum class Precision { year, month, day };

// A TimelineJS date object: numbers, down to `precision`.
void write_date(Writer& w, date::sys_days d, Precision precision) {
  date::year_month_day ymd{d};
  w.StartObject();
  w.Key("year");
  w.Int(static_cast<int>(ymd.year()));
  if (precision != Precision::year) {
    w.Key("month");
    w.Uint(static_cast<unsigned>(ymd.month()));
  }
  if (precision == Precision::day) {
    w.Key("day");
    w.Uint(static_cast<unsigned>(ymd.day()));
  }
  w.EndObject();
}

// How precisely the event's date is known, and whether it spans a stretch
// that needs an end date (a week, a season, a decade).
std::pair<Precision, bool> precision_of(const TimeValue& t) {
  bool is_one_day = *t.earliest == *t.latest;
  switch (t.granularity) {
    case Granularity::day: return {Precision::day, !is_one_day};
    case Granularity::week: return {Precision::day, true};
    case Granularity::month: return {Precision::month, false};
    case Granularity::season:
    case Granularity::quarter:
    case Granularity::half: return {Precision::month, true};
    case Granularity::year: return {Precision::year, false};
    case Granularity::decade:
    case Granularity::century: return {Precision::year, true};
    case Granularity::unknown: break;
  }
  return {Precision::day, !is_one_day};
}

std::string join_outlets(const std::vector<std::string>& outlets) {
  std::string out;
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    if (i > 0) out += i + 1 == outlets.size() ? " and " : ", ";
    out += "<b>";
    append_html(out, outlets[i]);
    out += "</b>";
  }
  return out;
}

// The slide body: who reported it, how, where sources disagree, and what
// was said (each quotation once per outlet, in mention order).
std::string slide_html(const MergedCorpus& c, const Event& e, const std::vector<MentionRecord>& mentions) {
  std::string html = "<p>Reported by " + join_outlets(e.outlets) + ".</p>";
  if (e.modality != Modality::asserted) {
    html += "<p>Modality: ";
    append_html(html, to_string(e.modality));
    html += ".</p>";
  }
  for (const Conflict& conflict : e.conflicts) {
    html += "<p>Sources disagree on the ";
    append_html(html, conflict.field);
    html += ": ";
    for (std::size_t i = 0; i < conflict.values.size(); ++i) {
      const Conflict::Value& v = conflict.values[i];
      std::string_view value = v.value;
      if (conflict.field == "place") {
        const Entity* place = find_entity(c.entities, v.value);
        if (place) value = place->name;
      }
      if (i > 0) html += "; ";
      append_html(html, value);
      html += " (";
      for (std::size_t k = 0; k < v.docs.size(); ++k) {
        if (k > 0) html += ", ";
        append_html(html, v.docs[k]);
      }
      html += ")";
    }
    html += ".</p>";
  }
  std::set<std::pair<std::string, std::string>> seen;
  std::string quotes;
  for (const MentionRecord& r : mentions) {
    if (!r.mention.quote || r.mention.quote->empty()) continue;
    if (!seen.insert({r.outlet, *r.mention.quote}).second) continue;
    quotes += "<li>&ldquo;";
    append_html(quotes, *r.mention.quote);
    quotes += "&rdquo; (";
    append_html(quotes, r.outlet);
    quotes += ")</li>";
  }
  if (!quotes.empty()) html += "<ul>" + quotes + "</ul>";
  return html;
}

void write_text(Writer& w, std::string_view headline, std::string_view html) {
  w.Key("text");
  w.StartObject();
  w.Key("headline");
  write_string(w, headline);
  w.Key("text");
  write_string(w, html);
  w.EndObject();
}

}  // namespace

void write_timelinejs(const EventGraph& graph, TextSink& out) {
  const MergedCorpus& c = graph.corpus;
  std::set<std::string> outlets;
  for (const Document& d : c.documents) {
    if (!d.outlet.empty()) outlets.insert(d.outlet);
  }
  std::size_t dated = 0;
  for (const Event& e : c.events) dated += e.time.is_resolved() ? 1 : 0;
  std::size_t undated = c.events.size() - dated;

  Writer w(out);
  w.StartObject();
  w.Key("title");
  w.StartObject();
  std::string title = std::to_string(dated) + (dated == 1 ? " event" : " events");
  if (!outlets.empty()) title += " reported by " + join_outlets({outlets.begin(), outlets.end()});
  std::string about = "<p>From " + std::to_string(c.documents.size()) +
                      (c.documents.size() == 1 ? " article" : " articles") + ", built by eventgraph.";
  if (undated > 0) {
    about += " " + std::to_string(undated) + (undated == 1 ? " event has" : " events have") +
             " no date and " + (undated == 1 ? "is" : "are") + " left out.";
  }
  about += "</p>";
  write_text(w, title, about);
  w.EndObject();
  w.Key("events");
  w.StartArray();
  std::vector<MentionRecord> scratch;
  for (const Event& e : c.events) {
    if (!e.time.is_resolved()) continue;
    auto [precision, has_end] = precision_of(e.time);
    w.StartObject();
    w.Key("start_date");
    write_date(w, *e.time.earliest, precision);
    if (has_end) {
      w.Key("end_date");
      write_date(w, *e.time.latest, precision);
    }
    write_text(w, escape_html(e.label), slide_html(c, e, graph.mentions_of(e, scratch)));
    w.Key("group");
    write_string(w, escape_html(e.type));
    w.Key("unique_id");
    write_string(w, e.id);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.finish();
}

std::string format_timelinejs(const EventGraph& graph) {
  return collect_output([&](TextSink& out) { write_timelinejs(graph, out); });
}

}  // namespace eventgraph
