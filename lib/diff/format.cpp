// The outlet diff as a terminal table, Markdown and JSON.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "diff/diff.h"

namespace eventgraph {
namespace {

constexpr std::array<Agreement, 6> kAgreements = {Agreement::same,       Agreement::compatible,
                                                  Agreement::differ,     Agreement::only_first,
                                                  Agreement::only_second, Agreement::none};

struct NamedField {
  std::string_view name;
  const FieldComparison& field;
};

std::array<NamedField, 4> fields_of(const SharedEvent& s) {
  return {{{"date", s.date}, {"actors", s.actors}, {"place", s.place}, {"quotes", s.quotes}}};
}

std::string display_date(const TimeValue& t) { return t.is_resolved() ? t.value : "undated"; }

// The label, with the modality when the event is not simply asserted
// ("Statement: Peter Cook [negated]"): a denial and a statement are
// different stories.
std::string display_label(const DiffEvent& e) {
  if (e.modality == Modality::asserted) return e.label;
  return e.label + " [" + std::string(to_string(e.modality)) + "]";
}

// Code points, for aligning columns that hold names such as "Sergei Lavrov"
// or "Zürich".
std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  std::size_t w = display_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

// At most `max_width` code points, cut on a UTF-8 boundary, "…" marking a cut.
std::string shorten(std::string_view s, std::size_t max_width) {
  if (display_width(s) <= max_width) return std::string(s);
  std::size_t seen = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == max_width - 1) break;
      ++seen;
    }
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

std::string join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += separator;
    out += values[i];
  }
  return out;
}

std::string in_quotes(std::string_view s) { return "\xE2\x80\x9C" + std::string(s) + "\xE2\x80\x9D"; }

std::size_t count(const OutletPairDiff& d, std::string_view field, Agreement a) {
  return static_cast<std::size_t>(std::count_if(d.both.begin(), d.both.end(), [&](const SharedEvent& s) {
    for (const NamedField& f : fields_of(s)) {
      if (f.name == field) return f.field.agreement == a;
    }
    return false;
  }));
}

// The outlets of the diffs, each once, with its summary; sorted.
std::vector<OutletSummary> outlets_of(const std::vector<OutletPairDiff>& diffs) {
  std::map<std::string, OutletSummary> by_name;
  for (const OutletPairDiff& d : diffs) {
    by_name.emplace(d.first.outlet, d.first);
    by_name.emplace(d.second.outlet, d.second);
  }
  std::vector<OutletSummary> out;
  for (auto& [name, summary] : by_name) out.push_back(summary);
  return out;
}

std::string publication_note(const OutletSummary& o) {
  std::string s = std::to_string(o.documents) + (o.documents == 1 ? " document" : " documents");
  if (o.latest_publication_day) s += ", last published " + format_day(*o.latest_publication_day);
  if (o.undated_documents > 0) {
    s += ", " + std::to_string(o.undated_documents) + " undated: no event counts as after its publication";
  }
  return s;
}

// "after rt.com's last article (2015-09-29)".
std::string after_heading(const OutletSummary& o) {
  return "after " + o.outlet + "'s last article (" + format_day(*o.coverage_end()) + ")";
}

// ---- text ----

// Short words for the agreement columns; A and B stand for the pair.
std::string_view agreement_word(Agreement a) {
  switch (a) {
    case Agreement::same: return "same";
    case Agreement::compatible: return "compatible";
    case Agreement::differ: return "DIFFER";
    case Agreement::only_first: return "A only";
    case Agreement::only_second: return "B only";
    case Agreement::none: return "-";
  }
  return "-";
}

void text_event_list(std::string& out, const std::string& heading, const std::vector<DiffEvent>& events) {
  out += "\n  " + heading + " (" + std::to_string(events.size()) + ")\n";
  if (events.empty()) {
    out += "    (none)\n";
    return;
  }
  std::size_t date_width = 4, type_width = 4;
  for (const DiffEvent& e : events) {
    date_width = std::max(date_width, display_width(display_date(e.time)));
    type_width = std::max(type_width, display_width(e.type));
  }
  out += "    " + pad("date", date_width) + "  " + pad("type", type_width) + "  event\n";
  for (const DiffEvent& e : events) {
    out += "    " + pad(display_date(e.time), date_width) + "  " + pad(e.type, type_width) + "  " +
           display_label(e) + "\n";
  }
}

// The lines under a shared event for each field where the outlets differ:
// A's values over B's, or for quotations, those only one carries.
void text_field_details(std::string& out, const SharedEvent& s, std::size_t indent) {
  const std::string margin(indent, ' ');
  for (const NamedField& f : fields_of(s)) {
    const FieldComparison& c = f.field;
    if (c.agreement == Agreement::same || c.agreement == Agreement::none) continue;
    std::string head = margin + pad(f.name, 7) + " ";
    std::string note = c.is_recorded_conflict ? "  (conflict recorded in events.json)" : "";
    if (f.name == "quotes") {
      std::size_t shared = c.first.size() - c.only_first.size();
      out += head + std::to_string(shared) + " carried by both, " + std::to_string(c.only_first.size()) +
             " by A only, " + std::to_string(c.only_second.size()) + " by B only" + note + "\n";
      for (const std::string& q : c.only_first) out += margin + "        A only: " + in_quotes(shorten(q, 90)) + "\n";
      for (const std::string& q : c.only_second) out += margin + "        B only: " + in_quotes(shorten(q, 90)) + "\n";
      continue;
    }
    auto values = [](const std::vector<std::string>& v) { return v.empty() ? std::string("-") : join(v, ", "); };
    out += head + "A: " + values(c.first) + "  |  B: " + values(c.second) + note + "\n";
  }
}

void text_pair(std::string& out, const OutletPairDiff& d) {
  const std::string& a = d.first.outlet;
  const std::string& b = d.second.outlet;
  std::string title = a + " (A) vs " + b + " (B)";
  out += "\n" + title + "\n" + std::string(display_width(title), '=') + "\n";

  std::vector<std::pair<std::string, std::size_t>> counts = {
      {"reported by both", d.both.size()},
      {"only " + a, d.only_first.size()},
      {"only " + b, d.only_second.size()},
  };
  if (d.first.coverage_end()) counts.push_back({after_heading(d.first) + ", only " + b, d.after_first_publication.size()});
  if (d.second.coverage_end()) counts.push_back({after_heading(d.second) + ", only " + a, d.after_second_publication.size()});
  std::size_t width = 0;
  for (const auto& [what, n] : counts) width = std::max(width, display_width(what));
  for (const auto& [what, n] : counts) out += "  " + pad(what, width) + "  " + std::to_string(n) + "\n";
  if (d.first.coverage_end() || d.second.coverage_end()) {
    out += "  (events dated after an outlet's last article are not counted as its omissions)\n";
  }

  if (!d.both.empty()) {
    out += "\n  agreement on shared events:\n";
    out += "    field   ";
    for (Agreement ag : kAgreements) out += pad(agreement_word(ag), 11);
    out += "\n";
    for (std::string_view field : {"date", "actors", "place", "quotes"}) {
      out += "    " + pad(field, 8);
      for (Agreement ag : kAgreements) out += pad(std::to_string(count(d, field, ag)), 11);
      out += "\n";
    }
  }

  out += "\n  Reported by both (" + std::to_string(d.both.size()) + ")\n";
  if (d.both.empty()) {
    out += "    (none)\n";
  } else {
    std::size_t date_width = 4, type_width = 4;
    for (const SharedEvent& s : d.both) {
      date_width = std::max(date_width, display_width(display_date(s.event.time)));
      type_width = std::max(type_width, display_width(s.event.type));
    }
    out += "    " + pad("date", date_width) + "  " + pad("type", type_width) + "  | " + pad("date", 11) +
           pad("actors", 11) + pad("place", 11) + pad("quotes", 11) + "| event\n";
    for (const SharedEvent& s : d.both) {
      out += "    " + pad(display_date(s.event.time), date_width) + "  " + pad(s.event.type, type_width) + "  | ";
      for (const NamedField& f : fields_of(s)) out += pad(agreement_word(f.field.agreement), 11);
      out += "| " + display_label(s.event) + "\n";
      text_field_details(out, s, 6);
    }
  }
  text_event_list(out, "Only " + a, d.only_first);
  text_event_list(out, "Only " + b, d.only_second);
  if (d.first.coverage_end()) {
    text_event_list(out, "After " + a + "'s last article (" + format_day(*d.first.coverage_end()) +
                             "), reported by " + b + " only",
                    d.after_first_publication);
  }
  if (d.second.coverage_end()) {
    text_event_list(out, "After " + b + "'s last article (" + format_day(*d.second.coverage_end()) +
                             "), reported by " + a + " only",
                    d.after_second_publication);
  }
}

// ---- Markdown ----

// A table cell: Markdown's active characters backslash-escaped, "|" so the
// cell stays one cell, and line breaks turned into spaces.
std::string md(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '~': case '&':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string md_agreement(Agreement a, const std::string& first, const std::string& second) {
  switch (a) {
    case Agreement::only_first: return "only " + md(first);
    case Agreement::only_second: return "only " + md(second);
    case Agreement::differ: return "**differ**";
    case Agreement::none: return "-";
    default: return std::string(to_string(a));
  }
}

void md_event_list(std::string& out, const std::string& heading, const std::vector<DiffEvent>& events) {
  out += "\n### " + md(heading) + " (" + std::to_string(events.size()) + ")\n\n";
  if (events.empty()) {
    out += "None.\n";
    return;
  }
  out += "| date | type | event |\n|---|---|---|\n";
  for (const DiffEvent& e : events) {
    out += "| " + md(display_date(e.time)) + " | " + md(e.type) + " | " + md(display_label(e)) + " |\n";
  }
}

void md_pair(std::string& out, const OutletPairDiff& d) {
  const std::string& a = d.first.outlet;
  const std::string& b = d.second.outlet;
  out += "\n## " + md(a) + " vs " + md(b) + "\n\n| | events |\n|---|---:|\n";
  out += "| reported by both | " + std::to_string(d.both.size()) + " |\n";
  out += "| only " + md(a) + " | " + std::to_string(d.only_first.size()) + " |\n";
  out += "| only " + md(b) + " | " + std::to_string(d.only_second.size()) + " |\n";
  if (d.first.coverage_end()) {
    out += "| " + md(after_heading(d.first)) + ", only " + md(b) + " | " +
           std::to_string(d.after_first_publication.size()) + " |\n";
  }
  if (d.second.coverage_end()) {
    out += "| " + md(after_heading(d.second)) + ", only " + md(a) + " | " +
           std::to_string(d.after_second_publication.size()) + " |\n";
  }
  if (d.first.coverage_end() || d.second.coverage_end()) {
    out += "\nEvents dated after an outlet's last article are not counted as its omissions.\n";
  }
  if (!d.both.empty()) {
    out += "\n| shared events | same | compatible | differ | only " + md(a) + " | only " + md(b) +
           " | none |\n|---|---:|---:|---:|---:|---:|---:|\n";
    for (std::string_view field : {"date", "actors", "place", "quotes"}) {
      out += "| " + std::string(field);
      for (Agreement ag : kAgreements) out += " | " + std::to_string(count(d, field, ag));
      out += " |\n";
    }
  }

  out += "\n### Reported by both (" + std::to_string(d.both.size()) + ")\n\n";
  if (d.both.empty()) {
    out += "None.\n";
  } else {
    out += "| date | type | event | date | actors | place | quotes |\n|---|---|---|---|---|---|---|\n";
    for (const SharedEvent& s : d.both) {
      out += "| " + md(display_date(s.event.time)) + " | " + md(s.event.type) + " | " + md(display_label(s.event));
      for (const NamedField& f : fields_of(s)) out += " | " + md_agreement(f.field.agreement, a, b);
      out += " |\n";
    }
    // Side by side, every field on which the outlets do not say the same.
    std::string rows;
    for (const SharedEvent& s : d.both) {
      for (const NamedField& f : fields_of(s)) {
        const FieldComparison& c = f.field;
        if (c.agreement == Agreement::same || c.agreement == Agreement::none) continue;
        bool is_quotes = f.name == "quotes";
        auto cell = [&](const std::vector<std::string>& all, const std::vector<std::string>& only) {
          if (!is_quotes) return all.empty() ? std::string("-") : md(join(all, ", "));
          // Quotations: the ones the other outlet does not carry.
          std::string text = std::to_string(all.size() - only.size()) + " shared";
          for (const std::string& q : only) text += "; " + md(in_quotes(q));
          return text;
        };
        rows += "| " + md(display_date(s.event.time)) + " " + md(display_label(s.event)) + " | " +
                std::string(f.name) + (c.is_recorded_conflict ? " (recorded conflict)" : "") + " | " +
                md_agreement(c.agreement, a, b) + " | " + cell(c.first, c.only_first) + " | " +
                cell(c.second, c.only_second) + " |\n";
      }
    }
    if (!rows.empty()) {
      out += "\n#### Where they differ\n\n| event | field | agreement | " + md(a) + " | " + md(b) +
             " |\n|---|---|---|---|---|\n" + rows;
    }
  }
  md_event_list(out, "Only " + a, d.only_first);
  md_event_list(out, "Only " + b, d.only_second);
  if (d.first.coverage_end()) {
    md_event_list(out, "After " + a + "'s last article (" + format_day(*d.first.coverage_end()) +
                           "), reported by " + b + " only",
                  d.after_first_publication);
  }
  if (d.second.coverage_end()) {
    md_event_list(out, "After " + b + "'s last article (" + format_day(*d.second.coverage_end()) +
                           "), reported by " + a + " only",
                  d.after_second_publication);
  }
}

// ---- JSON ----

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void json_string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void json_strings(Writer& w, const std::vector<std::string>& values) {
  w.StartArray();
  for (const std::string& v : values) json_string(w, v);
  w.EndArray();
}

void json_optional_day(Writer& w, const std::optional<date::sys_days>& day) {
  if (day) json_string(w, format_day(*day));
  else w.Null();
}

void json_event_fields(Writer& w, const DiffEvent& e) {
  w.Key("id");
  json_string(w, e.id);
  w.Key("type");
  json_string(w, e.type);
  w.Key("label");
  json_string(w, e.label);
  w.Key("date");
  if (e.time.is_resolved()) json_string(w, e.time.value);
  else w.Null();
  w.Key("date_range");
  if (e.time.is_resolved()) {
    w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    w.StartArray();
    json_string(w, format_day(*e.time.earliest));
    json_string(w, format_day(*e.time.latest));
    w.EndArray();
    w.SetFormatOptions(rapidjson::kFormatDefault);
  } else {
    w.Null();
  }
  w.Key("modality");
  json_string(w, to_string(e.modality));
}

void json_events(Writer& w, const std::vector<DiffEvent>& events) {
  w.StartArray();
  for (const DiffEvent& e : events) {
    w.StartObject();
    json_event_fields(w, e);
    w.EndObject();
  }
  w.EndArray();
}

void json_pair(Writer& w, const OutletPairDiff& d) {
  w.StartObject();
  w.Key("first");
  json_string(w, d.first.outlet);
  w.Key("second");
  json_string(w, d.second.outlet);
  w.Key("counts");
  w.StartObject();
  w.Key("both");
  w.Uint64(d.both.size());
  w.Key("only_first");
  w.Uint64(d.only_first.size());
  w.Key("only_second");
  w.Uint64(d.only_second.size());
  w.Key("after_first_publication");
  w.Uint64(d.after_first_publication.size());
  w.Key("after_second_publication");
  w.Uint64(d.after_second_publication.size());
  w.Key("agreement");
  w.StartObject();
  for (std::string_view field : {"date", "actors", "place", "quotes"}) {
    w.Key(field.data(), static_cast<rapidjson::SizeType>(field.size()));
    w.StartObject();
    for (Agreement ag : kAgreements) {
      std::string_view name = to_string(ag);
      w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      w.Uint64(count(d, field, ag));
    }
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  w.Key("both");
  w.StartArray();
  for (const SharedEvent& s : d.both) {
    w.StartObject();
    json_event_fields(w, s.event);
    w.Key("fields");
    w.StartObject();
    for (const NamedField& f : fields_of(s)) {
      w.Key(f.name.data(), static_cast<rapidjson::SizeType>(f.name.size()));
      w.StartObject();
      w.Key("agreement");
      json_string(w, to_string(f.field.agreement));
      w.Key("first");
      json_strings(w, f.field.first);
      w.Key("second");
      json_strings(w, f.field.second);
      w.Key("only_first");
      json_strings(w, f.field.only_first);
      w.Key("only_second");
      json_strings(w, f.field.only_second);
      w.Key("recorded_conflict");
      w.Bool(f.field.is_recorded_conflict);
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("only_first");
  json_events(w, d.only_first);
  w.Key("only_second");
  json_events(w, d.only_second);
  w.Key("after_first_publication");
  json_events(w, d.after_first_publication);
  w.Key("after_second_publication");
  json_events(w, d.after_second_publication);
  w.EndObject();
}

}  // namespace

std::string format_diff_text(const std::vector<OutletPairDiff>& diffs) {
  std::string out = "Outlets\n";
  std::vector<OutletSummary> outlets = outlets_of(diffs);
  std::size_t width = 0;
  for (const OutletSummary& o : outlets) width = std::max(width, display_width(o.outlet));
  for (const OutletSummary& o : outlets) out += "  " + pad(o.outlet, width) + "  " + publication_note(o) + "\n";
  for (const OutletPairDiff& d : diffs) text_pair(out, d);
  // Padded last columns leave spaces at line ends; drop them.
  std::string trimmed;
  for (char c : out) {
    if (c == '\n') {
      while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    }
    trimmed += c;
  }
  return trimmed;
}

std::string format_diff_markdown(const std::vector<OutletPairDiff>& diffs) {
  std::string out = "# Outlet comparison\n\n| outlet | documents | undated | last published |\n|---|---:|---:|---|\n";
  for (const OutletSummary& o : outlets_of(diffs)) {
    out += "| " + md(o.outlet) + " | " + std::to_string(o.documents) + " | " + std::to_string(o.undated_documents) +
           " | " + (o.latest_publication_day ? format_day(*o.latest_publication_day) : std::string("-")) + " |\n";
  }
  bool has_undated = false;
  for (const OutletSummary& o : outlets_of(diffs)) has_undated = has_undated || o.undated_documents > 0;
  if (has_undated) {
    out += "\nAn outlet with an undated article may have published it after any event: no event counts as "
           "after its publication.\n";
  }
  for (const OutletPairDiff& d : diffs) md_pair(out, d);
  return out;
}

std::string format_diff_json(const std::vector<OutletPairDiff>& diffs, std::string_view generator_version) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("generator");
  w.StartObject();
  w.Key("name");
  w.String("eventgraph");
  w.Key("version");
  json_string(w, generator_version);
  w.EndObject();
  w.Key("outlets");
  w.StartArray();
  for (const OutletSummary& o : outlets_of(diffs)) {
    w.StartObject();
    w.Key("outlet");
    json_string(w, o.outlet);
    w.Key("documents");
    w.Uint64(o.documents);
    w.Key("undated_documents");
    w.Uint64(o.undated_documents);
    w.Key("last_published");
    json_optional_day(w, o.latest_publication_day);
    w.Key("coverage_end");
    json_optional_day(w, o.coverage_end());
    w.EndObject();
  }
  w.EndArray();
  w.Key("pairs");
  w.StartArray();
  for (const OutletPairDiff& d : diffs) json_pair(w, d);
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace eventgraph
