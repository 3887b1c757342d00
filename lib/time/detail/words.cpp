// The word table of the time stage: every word a rule tests for or the
// lexicon knows, with what the rules and the tense finder ask about it.
#include "time/detail/words.h"


namespace eventgraph::detail {
namespace {

// The words that start some rule besides those the lexicon knows: a token is
// a trigger (see is_trigger) when it is one of these or a lexicon word.
constexpr std::string_view kStartWords[] = {
    "the", "this", "last", "next", "past", "coming", "previous", "following", "that",
    "same", "early", "late", "mid", "earlier", "later", "about", "around",
    "approximately", "roughly", "some", "nearly", "almost", "more", "over", "less",
    "under", "at", "up", "just", "each", "every", "daily", "weekly", "monthly",
    "yearly", "annually", "hourly", "quarterly", "nightly", "twice", "once", "today",
    "tomorrow", "yesterday", "tonight", "now", "currently", "presently", "nowadays",
    "recently", "lately", "previously", "formerly", "these", "recent", "a", "an", "one",
    "several", "few", "many", "couple", "dozens", "hundreds", "thousands", "fiscal",
    "q", "noon", "midnight", "midday", "christmas", "new", "thanksgiving",
    "independence", "halloween", "memorial", "labor", "valentine", "for", "within",
    "in", "after", "current", "final", "first", "second", "third", "fourth", "latest",
    "most", "overnight", "fy", "comparable", "corresponding", "prior", "year", "decades",
    "years", "months", "weeks", "days", "hours", "centuries",
};

// The rules that can match from a word, read off the first tests of each
// rule below (a rule whose first token is none of these returns nothing),
// so that the recognizer skips the others. Numbers: kNumberRules.
std::uint32_t rules_from(const WordInfo& w) {
  auto is_any = [&](std::initializer_list<Kw> words) {
    for (Kw k : words)
      if (w.keyword == k.id) return true;
    return false;
  };
  bool is_ordinal_start = w.ordinal > 0 || (w.cardinal >= 20 && w.cardinal < 100 &&
                                            w.cardinal % 10 == 0);  // ordinal_at
  bool is_quantity_start =
      is_any({"a", "an", "several", "few", "many", "some", "couple", "dozens", "hundreds",
              "thousands"}) ||
      w.cardinal > 0;  // quantity_at, numbers aside
  std::uint32_t rules = 0;
  if (w.weekday.value || w.month.value || is_any({"the"})) rules |= kCalendarDate;
  if (w.weekday.value) rules |= kWeekdayName;
  if (is_any({"fiscal", "fy", "year", "two"}) || (w.cardinal >= 11 && w.cardinal <= 20))
    rules |= kYearAlone;
  if (is_any({"'"}) || w.decade > 0 || is_ordinal_start) rules |= kDecade;
  if (w.season >= 0) rules |= kSeason;
  if (is_any({"the", "fiscal", "q"}) || is_ordinal_start) rules |= kQuarterOrHalf;
  if (is_any({"today", "tomorrow", "yesterday", "tonight", "overnight", "now", "currently",
              "presently", "nowadays", "recently", "lately", "these", "recent", "past", "year",
              "midnight", "noon", "midday", "the", "that", "this", "current", "last",
              "previous", "next", "coming"}))
    rules |= kDeictic;
  if (is_any({"the", "comparable", "corresponding", "same", "prior", "year", "last", "fiscal",
              "quarter", "period"}) ||
      is_ordinal_start)
    rules |= kComparison;
  if (is_quantity_start || w.unit.unit != Unit::none ||
      is_any({"more", "additional", "extra", "further", "trading", "business", "working",
              "calendar"}))
    rules |= kCounted;
  if (is_quantity_start || is_any({"each", "every", "daily", "weekly", "monthly", "yearly",
                                   "annually", "hourly", "nightly", "twice", "once"}))
    rules |= kSetExpression;
  if (is_any({"christmas", "new", "thanksgiving", "independence", "halloween", "memorial",
              "labor", "valentine"}))
    rules |= kHoliday;
  if (is_any({"noon", "midday", "midnight"})) rules |= kClockTime;
  if (is_any({"the", "early", "late", "mid"})) rules |= kPositionModified;
  if (is_any({"earlier", "later"})) rules |= kEarlierLater;
  if (is_any({"about", "around", "approximately", "roughly", "some", "nearly", "almost", "up",
              "more", "less", "fewer", "at", "just", "over", "under"}))
    rules |= kQuantityModified;
  if (is_any({"the"})) rules |= kTheCore;
  return rules;
}

}  // namespace

WordTable::WordTable() : slots_(kSlots) {
  for (std::string_view w : kKeywords)
    if (!w.empty()) add(w);
  for (std::string_view w : kStartWords) add(w);
  for (std::string_view w : lexicon_words()) add(w);
  for (std::size_t c = 0; c < 128; ++c) {
    char byte = static_cast<char>(c);
    std::string_view w(&byte, 1);
    ascii_[c] = &find(w, head_of(w));
  }
}

void WordTable::add(std::string_view w) {
  std::uint64_t head = head_of(w);
  std::size_t k = hash(w, head);
  while (slots_[k].size != 0) {
    if (slots_[k].word == w) return;  // listed twice
    k = (k + 1) & (kSlots - 1);
  }
  WordInfo& info = slots_[k].info;
  slots_[k].word = w;
  slots_[k].head = head;
  slots_[k].size = w.size();
  info.month = month_word(w);
  info.weekday = weekday_word(w);
  info.unit = unit_word(w);
  info.season = season_word(w);
  info.cardinal = cardinal_word(w);
  info.ordinal = ordinal_word(w);
  info.decade = decade_word(w);
  info.part_of_day = part_of_day_word(w);
  info.tense = tense_word(w);
  info.is_ed_non_verb = is_ed_non_verb(w);
  for (std::size_t id = 1; id < std::size(kKeywords); ++id)
    if (kKeywords[id] == w) info.keyword = static_cast<std::uint16_t>(id);
  for (std::string_view s : kStartWords)
    if (s == w) info.is_start = true;
  // The lexicon part of is_trigger: a month, weekday, season, number,
  // ordinal, part of the day or unit starts a rule.
  if (info.month.value || info.weekday.value || info.season >= 0 || info.cardinal > 0 ||
      info.ordinal > 0 || !info.part_of_day.empty() || info.unit.unit != Unit::none)
    info.is_start = true;
  info.rules = rules_from(info);
}

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

}  // namespace eventgraph::detail
