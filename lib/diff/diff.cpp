// Compares the coverage of outlets, pair by pair, from their mentions.
#include "diff/diff.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>

namespace eventgraph {
namespace {

// A stretch of days one outlet dates an event to, with how it is written.
struct DayRange {
  date::sys_days earliest, latest;
  std::string label;
  friend auto operator<=>(const DayRange&, const DayRange&) = default;
};

bool overlaps(const DayRange& a, const DayRange& b) {
  return a.earliest <= b.latest && b.earliest <= a.latest;
}

// "2015-09-29" for a day (dropping a time of day such as "TMO", so that
// "this morning" and "Tuesday" agree), else the TIMEX value ("2015-09").
std::string date_label(const TimeValue& t) {
  if (t.granularity == Granularity::day && *t.earliest == *t.latest) return format_day(*t.earliest);
  return t.value;
}

// True when the text gave no date and the publication day stood in: such a
// mention says nothing about when the event happened, so it is no evidence
// for or against another outlet's date.
bool is_publication_day_stand_in(const EventMention& m) {
  return !m.time_span && m.time.anchor == TimeAnchor::publication_relative;
}

// The day ranges of `outlet`'s mentions, keeping only the finest: a range
// that contains another one of the same outlet adds nothing (a month-dated
// mention beside a day in that month).
std::vector<DayRange> outlet_dates(const Event& e, std::string_view outlet) {
  std::set<DayRange> all;
  for (const MentionRecord& r : e.mentions) {
    if (r.outlet != outlet || !r.mention.time.is_resolved()) continue;
    if (is_publication_day_stand_in(r.mention)) continue;
    const TimeValue& t = r.mention.time;
    all.insert({*t.earliest, *t.latest, date_label(t)});
  }
  std::vector<DayRange> finest;
  for (const DayRange& r : all) {
    bool contains_other = std::any_of(all.begin(), all.end(), [&](const DayRange& o) {
      return o.earliest >= r.earliest && o.latest <= r.latest &&
             (o.earliest != r.earliest || o.latest != r.latest);
    });
    if (!contains_other) finest.push_back(r);
  }
  return finest;
}

std::vector<std::string> sorted_distinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// only_first and only_second of values compared by equality.
void set_only_values(FieldComparison& c) {
  std::set_difference(c.first.begin(), c.first.end(), c.second.begin(), c.second.end(),
                      std::back_inserter(c.only_first));
  std::set_difference(c.second.begin(), c.second.end(), c.first.begin(), c.first.end(),
                      std::back_inserter(c.only_second));
}

// Agreement of two value sets, given which values of each the other shares.
Agreement agreement_of(bool has_first, bool has_second, bool all_shared, bool any_shared) {
  if (!has_first && !has_second) return Agreement::none;
  if (!has_second) return Agreement::only_first;
  if (!has_first) return Agreement::only_second;
  if (all_shared) return Agreement::same;
  return any_shared ? Agreement::compatible : Agreement::differ;
}

FieldComparison compare_dates(const Event& e, std::string_view a, std::string_view b) {
  std::vector<DayRange> first = outlet_dates(e, a);
  std::vector<DayRange> second = outlet_dates(e, b);
  FieldComparison c;
  for (const DayRange& r : first) c.first.push_back(r.label);
  for (const DayRange& r : second) c.second.push_back(r.label);
  c.first = sorted_distinct(std::move(c.first));
  c.second = sorted_distinct(std::move(c.second));
  set_only_values(c);
  // Overlapping ranges do not contradict each other: "2015-09" and
  // "2015-09-29" are compatible; "2015-09-28" and "2015-09-29" are not.
  bool any_overlap = std::any_of(first.begin(), first.end(), [&](const DayRange& x) {
    return std::any_of(second.begin(), second.end(), [&](const DayRange& y) { return overlaps(x, y); });
  });
  c.agreement = agreement_of(!c.first.empty(), !c.second.empty(), c.first == c.second, any_overlap);
  return c;
}

std::string entity_name(const MergedCorpus& corpus, const std::string& id) {
  const Entity* e = find_entity(corpus.entities, id);
  return e ? e->name : id;
}

// Compares the entity ids each outlet's mentions give (actors or places);
// the values are the entities' names.
FieldComparison compare_entities(const MergedCorpus& corpus, const Event& e, std::string_view a,
                                 std::string_view b, bool is_place) {
  std::set<std::string> first, second;
  for (const MentionRecord& r : e.mentions) {
    std::set<std::string>* into = r.outlet == a ? &first : r.outlet == b ? &second : nullptr;
    if (!into) continue;
    if (is_place) {
      if (r.mention.place_id) into->insert(*r.mention.place_id);
    } else {
      for (const ActorRole& actor : r.mention.actors) into->insert(actor.entity_id);
    }
  }
  FieldComparison c;
  bool any_shared = false;
  for (const std::string& id : first) {
    c.first.push_back(entity_name(corpus, id));
    if (second.count(id)) any_shared = true;
    else c.only_first.push_back(entity_name(corpus, id));
  }
  for (const std::string& id : second) {
    c.second.push_back(entity_name(corpus, id));
    if (!first.count(id)) c.only_second.push_back(entity_name(corpus, id));
  }
  c.first = sorted_distinct(std::move(c.first));
  c.second = sorted_distinct(std::move(c.second));
  c.only_first = sorted_distinct(std::move(c.only_first));
  c.only_second = sorted_distinct(std::move(c.only_second));
  c.agreement = agreement_of(!first.empty(), !second.empty(), first == second, any_shared);
  return c;
}

// The words of a quotation, lowercased and without an editor's bracketed
// insertions ("[Defense] Secretary"), for matching wordings that differ in
// punctuation or case.
// Letters and digits make words (a hyphen between them joins them); ASCII punctuation, spaces and the
// General Punctuation block (U+2000-U+206F: dashes, curly quotes, ellipsis)
// separate them; other non-ASCII bytes are letters.
std::vector<std::string> quote_words(std::string_view quote) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < quote.size();) {
    unsigned char ch = static_cast<unsigned char>(quote[i]);
    bool is_separator = false;
    std::size_t length = 1;
    if (ch == '[') {
      // An editor's insertion ("[Defense] Secretary"): not the speaker's words.
      std::size_t close = quote.find(']', i);
      if (close != std::string_view::npos) {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
        i = close + 1;
        continue;
      }
    }
    if (ch == '-' && !word.empty() && i + 1 < quote.size() &&
        std::isalnum(static_cast<unsigned char>(quote[i + 1]))) {
      ++i;  // "de-confliction" is "deconfliction": a hyphen inside a word joins it
      continue;
    }
    if (ch < 0x80) {
      is_separator = !std::isalnum(ch);
    } else if (ch == 0xE2 && i + 2 < quote.size() &&
               (static_cast<unsigned char>(quote[i + 1]) == 0x80 ||
                static_cast<unsigned char>(quote[i + 1]) == 0x81)) {
      is_separator = true;
      length = 3;
    }
    if (is_separator) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      for (std::size_t k = 0; k < length; ++k) {
        word += static_cast<char>(ch < 0x80 ? std::tolower(ch) : ch);
      }
    }
    i += length;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Two outlets carry the same quotation when one's words run, in order and
// unbroken, inside the other's (one quotes part of the other), or when they
// share a run of kSharedRun words: enough to be the same sentence rather
// than a common phrase, yet short enough to survive a trimmed or
// bracketed-in word.
constexpr std::size_t kSharedRun = 5;

std::string join_words(const std::vector<std::string>& words, std::size_t begin, std::size_t count) {
  std::string out = " ";
  for (std::size_t i = begin; i < begin + count; ++i) out += words[i] + " ";
  return out;
}

struct QuoteKey {
  std::string joined;              // " w1 w2 ... wn "
  std::set<std::string> runs;      // every run of kSharedRun words, joined
  std::size_t word_count = 0;
};

QuoteKey quote_key(std::string_view quote) {
  std::vector<std::string> words = quote_words(quote);
  QuoteKey k;
  k.word_count = words.size();
  k.joined = join_words(words, 0, words.size());
  for (std::size_t i = 0; i + kSharedRun <= words.size(); ++i) k.runs.insert(join_words(words, i, kSharedRun));
  return k;
}

bool is_same_quotation(const QuoteKey& a, const QuoteKey& b) {
  if (a.word_count == 0 || b.word_count == 0) return false;
  const QuoteKey& shorter = a.word_count <= b.word_count ? a : b;
  const QuoteKey& longer = a.word_count <= b.word_count ? b : a;
  if (longer.joined.find(shorter.joined) != std::string::npos) return true;
  return std::any_of(shorter.runs.begin(), shorter.runs.end(),
                     [&](const std::string& run) { return longer.runs.count(run) > 0; });
}

FieldComparison compare_quotes(const Event& e, std::string_view a, std::string_view b) {
  FieldComparison c;
  for (const MentionRecord& r : e.mentions) {
    if (!r.mention.quote || r.mention.quote->empty()) continue;
    if (r.outlet == a) c.first.push_back(*r.mention.quote);
    else if (r.outlet == b) c.second.push_back(*r.mention.quote);
  }
  c.first = sorted_distinct(std::move(c.first));
  c.second = sorted_distinct(std::move(c.second));
  std::vector<QuoteKey> first_keys, second_keys;
  for (const std::string& q : c.first) first_keys.push_back(quote_key(q));
  for (const std::string& q : c.second) second_keys.push_back(quote_key(q));
  std::vector<bool> second_matched(second_keys.size(), false);
  bool any_shared = false;
  for (std::size_t i = 0; i < first_keys.size(); ++i) {
    bool matched = false;
    for (std::size_t j = 0; j < second_keys.size(); ++j) {
      if (is_same_quotation(first_keys[i], second_keys[j])) {
        matched = true;
        second_matched[j] = true;
      }
    }
    if (!matched) c.only_first.push_back(c.first[i]);
    any_shared = any_shared || matched;
  }
  for (std::size_t j = 0; j < second_keys.size(); ++j) {
    if (!second_matched[j]) c.only_second.push_back(c.second[j]);
  }
  c.agreement = agreement_of(!c.first.empty(), !c.second.empty(),
                             c.only_first.empty() && c.only_second.empty(), any_shared);
  return c;
}

// A conflict the merge recorded on `field` separates the two outlets when a
// document of each backs a different value.
bool conflict_between(const Event& e, std::string_view field, std::string_view a, std::string_view b) {
  std::set<std::string> docs_a, docs_b;
  for (const MentionRecord& r : e.mentions) {
    if (r.outlet == a) docs_a.insert(r.mention.doc);
    if (r.outlet == b) docs_b.insert(r.mention.doc);
  }
  for (const Conflict& conflict : e.conflicts) {
    if (conflict.field != field) continue;
    std::set<std::string> values_a, values_b;
    for (const Conflict::Value& v : conflict.values) {
      for (const std::string& doc : v.docs) {
        if (docs_a.count(doc)) values_a.insert(v.value);
        if (docs_b.count(doc)) values_b.insert(v.value);
      }
    }
    for (const std::string& va : values_a) {
      for (const std::string& vb : values_b) {
        if (va != vb) return true;
      }
    }
  }
  return false;
}

DiffEvent summarize(const Event& e) { return {e.id, e.type, e.label, e.time, e.modality}; }

bool has_outlet(const Event& e, std::string_view outlet) {
  return std::find(e.outlets.begin(), e.outlets.end(), outlet) != e.outlets.end();
}

OutletSummary summarize_outlet(const MergedCorpus& corpus, std::string_view outlet) {
  OutletSummary s;
  s.outlet = std::string(outlet);
  for (const Document& doc : corpus.documents) {
    if (doc.outlet != outlet) continue;
    ++s.documents;
    if (!doc.published) {
      ++s.undated_documents;
      continue;
    }
    if (!s.latest_publication_day || doc.published->local_day > *s.latest_publication_day) {
      s.latest_publication_day = doc.published->local_day;
    }
  }
  return s;
}

// True when `e` happened after everything `outlet` published: its earliest
// possible day is later than the outlet's coverage end.
bool is_after_coverage(const Event& e, const OutletSummary& outlet) {
  std::optional<date::sys_days> end = outlet.coverage_end();
  return end && e.time.is_resolved() && *e.time.earliest > *end;
}

}  // namespace

std::string_view to_string(Agreement a) {
  switch (a) {
    case Agreement::same: return "same";
    case Agreement::compatible: return "compatible";
    case Agreement::differ: return "differ";
    case Agreement::only_first: return "only_first";
    case Agreement::only_second: return "only_second";
    case Agreement::none: return "none";
  }
  return "none";
}

std::optional<date::sys_days> OutletSummary::coverage_end() const {
  if (documents == 0 || undated_documents > 0) return std::nullopt;
  return latest_publication_day;
}

std::vector<std::string> list_outlets(const MergedCorpus& corpus) {
  std::set<std::string> outlets;
  for (const Document& doc : corpus.documents) outlets.insert(doc.outlet);
  for (const Event& e : corpus.events) outlets.insert(e.outlets.begin(), e.outlets.end());
  // A document loaded without an outlet (a bare text file, no --outlet)
  // belongs to no outlet and is compared with nothing.
  outlets.erase("");
  return {outlets.begin(), outlets.end()};
}

OutletPairDiff compare_outlets(const MergedCorpus& corpus, std::string_view first,
                               std::string_view second) {
  OutletPairDiff d;
  d.first = summarize_outlet(corpus, first);
  d.second = summarize_outlet(corpus, second);
  for (const Event& e : corpus.events) {
    bool in_first = has_outlet(e, first);
    bool in_second = has_outlet(e, second);
    if (in_first && in_second) {
      SharedEvent s;
      s.event = summarize(e);
      s.date = compare_dates(e, first, second);
      s.actors = compare_entities(corpus, e, first, second, false);
      s.place = compare_entities(corpus, e, first, second, true);
      s.quotes = compare_quotes(e, first, second);
      s.date.is_recorded_conflict = conflict_between(e, "date", first, second);
      s.actors.is_recorded_conflict = conflict_between(e, "actors", first, second);
      s.place.is_recorded_conflict = conflict_between(e, "place", first, second);
      s.quotes.is_recorded_conflict = conflict_between(e, "quote", first, second);
      d.both.push_back(std::move(s));
    } else if (in_first) {
      (is_after_coverage(e, d.second) ? d.after_second_publication : d.only_first).push_back(summarize(e));
    } else if (in_second) {
      (is_after_coverage(e, d.first) ? d.after_first_publication : d.only_second).push_back(summarize(e));
    }
  }
  return d;
}

std::vector<OutletPairDiff> compare_outlet_pairs(const MergedCorpus& corpus,
                                                 std::vector<std::string> outlets) {
  if (outlets.empty()) outlets = list_outlets(corpus);
  outlets = sorted_distinct(std::move(outlets));
  std::vector<OutletPairDiff> diffs;
  for (std::size_t i = 0; i < outlets.size(); ++i) {
    for (std::size_t j = i + 1; j < outlets.size(); ++j) {
      diffs.push_back(compare_outlets(corpus, outlets[i], outlets[j]));
    }
  }
  return diffs;
}

}  // namespace eventgraph
