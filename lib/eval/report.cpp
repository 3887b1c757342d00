// Prints an EvalReport as a readable table or as JSON with fixed decimals,
// so the same scores always give the same bytes.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "eval/eval.h"

namespace eventgraph {
namespace {

std::string fixed(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", x);
  return buffer;
}

std::string pad(std::string s, std::size_t width, bool right = false) {
  if (s.size() >= width) return s;
  return right ? std::string(width - s.size(), ' ') + s : s + std::string(width - s.size(), ' ');
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string prf_json(const PrecisionRecall& pr) {
  return "\"precision\": " + fixed(pr.precision) + ", \"recall\": " + fixed(pr.recall) +
         ", \"f1\": " + fixed(pr.f1);
}

std::string counts_row(const TypeCounts& t) {
  return "  " + pad(t.type, 12) + pad(std::to_string(t.tp), 5, true) + pad(std::to_string(t.fp), 5, true) +
         pad(std::to_string(t.fn), 5, true) + pad(fixed(t.scores.precision), 11, true) +
         pad(fixed(t.scores.recall), 9, true) + pad(fixed(t.scores.f1), 9, true) + "\n";
}

std::string prf_row(const std::string& name, const PrecisionRecall& pr) {
  return "  " + pad(name, 10) + pad(fixed(pr.precision), 11, true) + pad(fixed(pr.recall), 9, true) +
         pad(fixed(pr.f1), 9, true) + "\n";
}

// The gold events whose (document, gold event) items are not exactly one
// system event of their own: a document not covered, a split over several
// system events, or a system event shared with another gold event.
struct MergeIssue {
  std::string gold_id;
  std::vector<const MergeItem*> items;
};

std::vector<MergeIssue> merge_issues(const EvalReport& r) {
  std::map<std::string, std::set<std::string>> golds_of_system;
  for (const MergeItem& i : r.merge_items_detail) {
    if (!i.system_id.empty()) golds_of_system[i.system_id].insert(i.gold_id);
  }
  std::vector<MergeIssue> issues;
  for (std::size_t i = 0; i < r.merge_items_detail.size();) {
    std::size_t j = i;
    std::set<std::string> systems;
    bool bad = false;
    MergeIssue issue{r.merge_items_detail[i].gold_id, {}};
    for (; j < r.merge_items_detail.size() && r.merge_items_detail[j].gold_id == issue.gold_id; ++j) {
      const MergeItem& item = r.merge_items_detail[j];
      issue.items.push_back(&item);
      bad = bad || item.system_id.empty() || golds_of_system[item.system_id].size() > 1;
      systems.insert(item.system_id);
    }
    if (bad || systems.size() > 1) issues.push_back(std::move(issue));
    i = j;
  }
  return issues;
}

}  // namespace

std::string format_report_text(const EvalReport& r) {
  std::string out;
  out += "events: " + std::to_string(r.factual_events) + " factual of " + std::to_string(r.system_events) +
         " system events, against " + std::to_string(r.gold_events) + " gold events (" +
         std::to_string(r.gold_required) + " required); " + std::to_string(r.optional_matched) +
         " matched optional gold events, not counted\n";
  out += "  " + pad("type", 12) + pad("tp", 5, true) + pad("fp", 5, true) + pad("fn", 5, true) +
         pad("precision", 11, true) + pad("recall", 9, true) + pad("f1", 9, true) + "\n";
  for (const TypeCounts& t : r.by_type) out += counts_row(t);
  out += counts_row(r.overall);
  out += "dates:  " + fixed(r.date_accuracy) + "  exact on " + std::to_string(r.dates_exact) + " of " +
         std::to_string(r.dates_compared) + " matched events\n";
  out += "actors: " + fixed(r.actor_accuracy) + "  same actor set on " + std::to_string(r.actors_exact) +
         " of " + std::to_string(r.actors_compared) + " matched events\n";
  out += "merge:  B-cubed over " + std::to_string(r.merge_items) + " (document, gold event) pairs\n";
  out += "  " + pad("", 10) + pad("precision", 11, true) + pad("recall", 9, true) + pad("f1", 9, true) + "\n";
  out += prf_row("bcubed", r.merge_bcubed);
  if (r.coref) {
    out += "coreference: " + std::to_string(r.gold_mentions) + " gold mentions, " +
           std::to_string(r.system_mentions) + " system mentions, " + std::to_string(r.common_mentions) +
           " in both\n";
    out += "  " + pad("", 10) + pad("precision", 11, true) + pad("recall", 9, true) + pad("f1", 9, true) + "\n";
    out += prf_row("muc", r.coref->muc);
    out += prf_row("bcubed", r.coref->bcubed);
    out += prf_row("ceafe", r.coref->ceafe);
    out += "  " + pad("conll f1", 10) + pad(fixed(r.coref->conll_f1), 29, true) + "\n";
  }
  out += "matched (gold -> system):\n";
  if (r.matches.empty()) out += "  (none)\n";
  for (const EventPair& m : r.matches) {
    out += "  " + pad(m.gold_id, 6) + " " + pad(m.is_required ? "required" : "optional", 8) + " -> " +
           m.system_id + "  " + pad(m.system_date, 10) + "  " + m.system_label + "\n";
  }
  out += "merge issues (gold events not exactly one system event over their documents):\n";
  std::vector<MergeIssue> issues = merge_issues(r);
  if (issues.empty()) out += "  (none)\n";
  for (const MergeIssue& issue : issues) {
    out += "  " + pad(issue.gold_id, 6);
    for (std::size_t k = 0; k < issue.items.size(); ++k) {
      const MergeItem& item = *issue.items[k];
      out += std::string(k ? ", " : " ") + item.doc + " -> " +
             (item.system_id.empty() ? std::string("(no event)") : item.system_id);
    }
    out += "\n";
  }
  out += "missed required gold events:\n";
  if (r.missed.empty()) out += "  (none)\n";
  for (const auto& m : r.missed) {
    out += "  " + pad(m.gold_id, 6) + " " + pad(m.type, 11) + " " + pad(m.date, 10) + "  " + m.actors + "\n";
  }
  out += "false positives (factual events matching no gold event):\n";
  if (r.false_positives.empty()) out += "  (none)\n";
  for (const auto& f : r.false_positives) {
    out += "  " + f.system_id + "  " + pad(f.date, 10) + "  " + f.label + "\n";
  }
  return out;
}

std::string format_report_json(const EvalReport& r) {
  std::string out = "{\n";
  out += "  \"events\": {" + prf_json(r.overall.scores) + ", \"tp\": " + std::to_string(r.overall.tp) +
         ", \"fp\": " + std::to_string(r.overall.fp) + ", \"fn\": " + std::to_string(r.overall.fn) +
         ",\n    \"gold_events\": " + std::to_string(r.gold_events) +
         ", \"gold_required\": " + std::to_string(r.gold_required) +
         ", \"system_events\": " + std::to_string(r.system_events) +
         ", \"factual_events\": " + std::to_string(r.factual_events) +
         ", \"optional_matched\": " + std::to_string(r.optional_matched) + ",\n    \"by_type\": {";
  for (std::size_t i = 0; i < r.by_type.size(); ++i) {
    const TypeCounts& t = r.by_type[i];
    out += std::string(i ? "," : "") + "\n      " + json_string(t.type) + ": {\"tp\": " + std::to_string(t.tp) +
           ", \"fp\": " + std::to_string(t.fp) + ", \"fn\": " + std::to_string(t.fn) + ", " +
           prf_json(t.scores) + "}";
  }
  out += r.by_type.empty() ? "}},\n" : "\n    }\n  },\n";
  out += "  \"dates\": {\"accuracy\": " + fixed(r.date_accuracy) + ", \"exact\": " + std::to_string(r.dates_exact) +
         ", \"compared\": " + std::to_string(r.dates_compared) + "},\n";
  out += "  \"actors\": {\"accuracy\": " + fixed(r.actor_accuracy) + ", \"exact\": " +
         std::to_string(r.actors_exact) + ", \"compared\": " + std::to_string(r.actors_compared) + "},\n";
  out += "  \"merge\": {\"items\": " + std::to_string(r.merge_items) +
         ", \"bcubed_precision\": " + fixed(r.merge_bcubed.precision) +
         ", \"bcubed_recall\": " + fixed(r.merge_bcubed.recall) + ", \"bcubed_f1\": " + fixed(r.merge_bcubed.f1) +
         "},\n";
  if (r.coref) {
    out += "  \"coref\": {\"gold_mentions\": " + std::to_string(r.gold_mentions) +
           ", \"system_mentions\": " + std::to_string(r.system_mentions) +
           ", \"common_mentions\": " + std::to_string(r.common_mentions) + ",\n    \"muc\": {" +
           prf_json(r.coref->muc) + "},\n    \"bcubed\": {" + prf_json(r.coref->bcubed) +
           "},\n    \"ceafe\": {" + prf_json(r.coref->ceafe) + "},\n    \"conll_f1\": " +
           fixed(r.coref->conll_f1) + "},\n";
  }
  out += "  \"matches\": [";
  for (std::size_t i = 0; i < r.matches.size(); ++i) {
    out += std::string(i ? "," : "") + "\n    {\"gold\": " + json_string(r.matches[i].gold_id) +
           ", \"required\": " + (r.matches[i].is_required ? "true" : "false") +
           ", \"system\": " + json_string(r.matches[i].system_id) + "}";
  }
  out += r.matches.empty() ? "],\n" : "\n  ],\n";
  out += "  \"merge_issues\": [";
  std::vector<MergeIssue> issues = merge_issues(r);
  for (std::size_t i = 0; i < issues.size(); ++i) {
    out += std::string(i ? "," : "") + "\n    {\"gold\": " + json_string(issues[i].gold_id) + ", \"items\": [";
    for (std::size_t k = 0; k < issues[i].items.size(); ++k) {
      const MergeItem& item = *issues[i].items[k];
      out += std::string(k ? ", " : "") + "{\"doc\": " + json_string(item.doc) + ", \"system\": " +
             (item.system_id.empty() ? std::string("null") : json_string(item.system_id)) + "}";
    }
    out += "]}";
  }
  out += issues.empty() ? "],\n" : "\n  ],\n";
  out += "  \"missed\": [";
  for (std::size_t i = 0; i < r.missed.size(); ++i) {
    const auto& m = r.missed[i];
    out += std::string(i ? "," : "") + "\n    {\"gold\": " + json_string(m.gold_id) + ", \"type\": " +
           json_string(m.type) + ", \"date\": " + json_string(m.date) + ", \"actors\": " + json_string(m.actors) +
           "}";
  }
  out += r.missed.empty() ? "],\n" : "\n  ],\n";
  out += "  \"false_positives\": [";
  for (std::size_t i = 0; i < r.false_positives.size(); ++i) {
    const auto& f = r.false_positives[i];
    out += std::string(i ? "," : "") + "\n    {\"system\": " + json_string(f.system_id) + ", \"type\": " +
           json_string(f.type) + ", \"date\": " + json_string(f.date) + ", \"label\": " + json_string(f.label) +
           "}";
  }
  out += r.false_positives.empty() ? "]\n" : "\n  ]\n";
  out += "}\n";
  return out;
}

}  // namespace eventgraph
