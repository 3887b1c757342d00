// Phase one of the time stage: token patterns -> Readings.
//
// Each rule is a small function that looks at the tokens from one position
// and, if its pattern is there, says where the expression ends and what it
// reads ("Sept. 28, 2015" -> year 2015, month 9, day 28; "last week" ->
// the week before the publication day). Rules combine: a core expression
// ("Tuesday") takes modifiers ("early Tuesday", "Tuesday morning",
// "about two years ago"). At each token the longest reading wins, as in
// HeidelTime (Strötgen & Gertz 2013).
#include "time/detail/recognize.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "time/detail/lexicon.h"
#include "time/detail/words.h"

namespace eventgraph::detail {
namespace {

struct Found {
  std::size_t end = 0;  // one past the last token
  Reading reading;
};
using Opt = std::optional<Found>;

void keep_longer(Opt& best, Opt candidate) {
  if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
}

struct Quantity {
  std::optional<int> value;  // nullopt: "several", "a few"
  std::size_t end = 0;
  bool is_article = false;   // "a", "an", "one": a duration only where one is expected
  TimeMod mod = TimeMod::none;  // "a couple of": APPROX
};

struct UnitAt {
  Unit unit = Unit::none;
  bool is_plural = false;
  std::size_t end = 0;
};

Granularity granularity_of(Unit unit) {
  switch (unit) {
    case Unit::day: return Granularity::day;
    case Unit::weekend:
    case Unit::week: return Granularity::week;
    case Unit::month: return Granularity::month;
    case Unit::quarter: return Granularity::quarter;
    case Unit::half: return Granularity::half;
    case Unit::season: return Granularity::season;
    case Unit::year: return Granularity::year;
    case Unit::decade: return Granularity::decade;
    case Unit::century: return Granularity::century;
    default: return Granularity::unknown;
  }
}

// "P4Y", "PT3H", "PXM", "P10Y" for a decade.
std::string duration_value(std::optional<int> count, Unit unit) {
  DurationUnit u = duration_unit(unit);
  std::string value = u.is_time ? "PT" : "P";
  value += count ? std::to_string(*count * u.factor) : std::string("X");
  value += u.letter;
  return value;
}

Reading literal(TimexType type, std::string_view value) {
  Reading r;
  r.type = type;
  r.literal = value;
  return r;
}

bool is_date_reading(const Reading& r) {
  return r.literal.empty() && (r.type == TimexType::date || r.type == TimexType::time);
}

bool is_day_reading(const Reading& r) {
  return is_date_reading(r) && r.granularity == Granularity::day && !r.hour && !r.is_weekend &&
         r.part_of_day.empty();
}

class Recognizer {
 public:
  Recognizer(const std::vector<Token>& tokens, NumericDateOrder order)
      : tokens_(tokens), order_(order) {}

  std::vector<Match> run() {
    std::vector<Match> matches;
    // News has about one expression in 30 tokens: room for twice that
    // saves moving the Readings as the vector grows.
    matches.reserve(tokens_.size() / 16 + 1);
    std::size_t i = 0;
    while (i < tokens_.size()) {
      // No rule can match where none can start: top would find nothing.
      Opt found = rules(i) != 0 && is_trigger(i) ? top(i) : std::nullopt;
      if (found && found->end > i) {
        matches.push_back({i, found->end, std::move(found->reading)});
        i = found->end;
      } else {
        ++i;
      }
    }
    return matches;
  }

 private:
  // A span, not the vector: its size is one load, where the vector's is
  // two and a division, and every token test asks for it.
  std::span<const Token> tokens_;
  NumericDateOrder order_;
  std::size_t core_index_ = static_cast<std::size_t>(-1);  // core(core_index_) is core_
  Opt core_;

  // ---- token helpers -------------------------------------------------------

  bool has(std::size_t i) const { return i < tokens_.size(); }
  std::string_view low(std::size_t i) const {
    return has(i) ? std::string_view(tokens_[i].lower) : std::string_view();
  }
  // What the lexicon says about token i; nothing past the end.
  const WordInfo& lex(std::size_t i) const { return has(i) ? *tokens_[i].info : kNoWord; }
  Word word(std::size_t i) const { return {lex(i).keyword}; }
  [[gnu::always_inline]] bool is(std::size_t i, Kw w) const {
    return has(i) && tokens_[i].info->keyword == w.id;
  }
  [[gnu::always_inline]] bool is_any(std::size_t i, KwSet words) const {
    return has(i) && words.contains(tokens_[i].info->keyword);
  }
  // False when `rule` cannot match from token i (see rules_from).
  bool can_start(std::size_t i, Rule rule) const { return has(i) && (rules(i) & rule) != 0; }
  // The rules that can match from token i (see rules_from).
  std::uint32_t rules(std::size_t i) const { return tokens_[i].info->rules; }
  bool glued(std::size_t i) const { return has(i) && !tokens_[i].has_space_before; }
  bool is_number(std::size_t i) const {
    return has(i) && tokens_[i].kind == TokenKind::number && !tokens_[i].has_digit_groups;
  }
  bool is_word(std::size_t i) const { return has(i) && tokens_[i].kind == TokenKind::word; }
  bool is_capital(std::size_t i) const {
    return has(i) && (tokens_[i].is_capitalized || tokens_[i].is_all_caps);
  }
  int number(std::size_t i) const { return static_cast<int>(tokens_[i].number); }
  // Skips the period of an abbreviation: "Sept." -> after the period.
  std::size_t skip_period(std::size_t i) const { return is(i, ".") && glued(i) ? i + 1 : i; }
  // Skips one comma: "Sept. 28, 2015".
  std::size_t skip_comma(std::size_t i) const { return is(i, ",") ? i + 1 : i; }

  // The first token of a sentence or headline: capital letters there say
  // nothing about names.
  bool starts_sentence(std::size_t i) const {
    if (i == 0 || tokens_[i].has_newline_before) return true;
    return is_any(i - 1, {".", "!", "?", "\"", ":", "(", "--", "'"});
  }

  // Tokens where some rule can start: keeps the scan cheap on plain words.
  bool is_trigger(std::size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::number) return true;
    if (t.kind == TokenKind::punct) return is(i, "'");
    if (!t.info->is_start) return false;
    // "the", "a" and "an" start nothing alone: every rule from them (a date,
    // a quarter, a deictic, a comparison, a position, a core after "the"; a
    // count or a set after "a") first tests the next token for a rule word,
    // a lexicon word or a number. Most of them come before plain words.
    if (is_any(i, {"the", "a", "an"}) && &lex(i + 1) == &kNoWord)
      return false;
    return true;
  }

  // ---- lexical pieces --------------------------------------------------------

  // A month name: "September", "Sept.", "Sep". Names that are also common
  // words ("May", "March") and bare abbreviations need a capital letter and
  // something date-like beside them; the caller checks the neighbour.
  struct MonthAt {
    int month = 0;
    std::size_t end = 0;
    bool is_ambiguous = false;
  };
  std::optional<MonthAt> month_at(std::size_t i) const {
    if (!is_word(i) || !is_capital(i)) return std::nullopt;
    NameWord m = lex(i).month;
    if (m.value == 0) return std::nullopt;
    MonthAt out{m.value, i + 1, m.is_abbreviation || is_any(i, {"may", "march"})};
    if (m.is_abbreviation) out.end = skip_period(i + 1);
    return out;
  }

  // A day of the month: "28", "28th", "twenty-eighth" is left out.
  std::optional<std::pair<int, std::size_t>> day_at(std::size_t i) const {
    if (!is_number(i) || tokens_[i].digits > 2) return std::nullopt;
    int d = number(i);
    if (d < 1 || d > 31) return std::nullopt;
    std::size_t end = i + 1;
    if (glued(end) && is_any(end, {"st", "nd", "rd", "th"})) ++end;
    // "Sept. 28-30" is a range; "May 5:30" a clock time; "May 5%" no date.
    if (glued(end) && is_any(end, {":", "%", "."}) && has(end + 1) && is_number(end + 1))
      return std::nullopt;
    if (glued(end) && is_word(end)) return std::nullopt;
    return std::make_pair(d, end);
  }

  // A year written in four digits, 1000-2199, not part of a larger number.
  std::optional<int> year_digits_at(std::size_t i) const {
    if (!is_number(i) || tokens_[i].digits != 4) return std::nullopt;
    int y = number(i);
    if (y < 1000 || y > 2199) return std::nullopt;
    if (glued(i + 1) && is_any(i + 1, {".", ":", "%"}) && is_number(i + 2)) return std::nullopt;
    if (i > 0 && glued(i) && is_any(i - 1, {"$", "#", "-", "/", ".", ":"}) &&
        !(is(i - 1, "-") && i > 1 && is(i - 2, "mid")))
      return std::nullopt;
    return y;
  }

  // A year in digits or in words as broadcasts spell it: "nineteen
  // ninety-four", "two thousand". Returns the year and the end token.
  std::optional<std::pair<int, std::size_t>> year_at(std::size_t i) const {
    if (auto y = year_digits_at(i)) return std::make_pair(*y, i + 1);
    int high = lex(i).cardinal;
    if (high >= 11 && high <= 20) {
      std::size_t j = i + 1;
      int tens = lex(j).cardinal;
      if (tens >= 10 && tens < 20) return std::make_pair(high * 100 + tens, j + 1);
      if (tens >= 20 && tens < 100 && tens % 10 == 0) {
        std::size_t k = j + 1;
        if (is(k, "-") && glued(k)) {
          int unit = lex(k + 1).cardinal;
          if (unit > 0 && unit < 10) return std::make_pair(high * 100 + tens + unit, k + 2);
        }
        return std::make_pair(high * 100 + tens, j + 1);
      }
      return std::nullopt;
    }
    if (is(i, "two") && is(i + 1, "thousand")) {
      std::size_t j = i + 2;
      if (is(j, "and")) ++j;
      if (auto q = quantity_at(j); q && q->value && *q->value < 100 && !q->is_article &&
                                   tokens_[j].kind == TokenKind::word)
        return std::make_pair(2000 + *q->value, q->end);
      return std::make_pair(2000, i + 2);
    }
    return std::nullopt;
  }

  // A quantity: "two", "24", "twenty-four", "a", "several", "a couple of".
  std::optional<Quantity> quantity_at(std::size_t i) const {
    Quantity q;
    if (is_number(i)) {
      if (tokens_[i].digits > 4) return std::nullopt;
      q.value = number(i);
      q.end = i + 1;
      // "1.5 years", "2.5 days": a fraction has no TIMEX3 integer; keep it vague.
      if (is(q.end, ".") && glued(q.end) && is_number(q.end + 1) && glued(q.end + 1)) {
        q.value.reset();
        q.end += 2;
      }
      return q;
    }
    if (is_any(i, {"a", "an"})) {
      if (is(i + 1, "few")) return Quantity{std::nullopt, i + 2, false, TimeMod::none};
      if (is(i + 1, "couple")) {
        return Quantity{2, is(i + 2, "of") ? i + 3 : i + 2, false, TimeMod::approx};
      }
      if (is(i + 1, "number") && is(i + 2, "of")) return Quantity{std::nullopt, i + 3};
      if (is_any(i + 1, {"hundred", "thousand", "dozen"})) {
        return Quantity{lex(i + 1).cardinal, i + 2};
      }
      return Quantity{1, i + 1, true};
    }
    if (is_any(i, {"several", "few", "many", "some"})) return Quantity{std::nullopt, i + 1};
    if (is(i, "couple")) return Quantity{2, is(i + 1, "of") ? i + 2 : i + 1, false, TimeMod::approx};
    if (is_any(i, {"dozens", "hundreds", "thousands"}) && is(i + 1, "of"))
      return Quantity{std::nullopt, i + 2};
    int v = lex(i).cardinal;
    if (v <= 0) return std::nullopt;
    q.value = v;
    q.end = i + 1;
    q.is_article = v == 1;
    // "twenty four", "twenty-four", "one hundred", "two thousand".
    std::size_t j = q.end;
    if (v >= 20 && v < 100 && v % 10 == 0) {
      std::size_t k = is(j, "-") && glued(j) ? j + 1 : j;
      int unit = lex(k).cardinal;
      if (unit > 0 && unit < 10) {
        q.value = v + unit;
        q.end = k + 1;
        j = q.end;
      }
    }
    if (is_any(j, {"hundred", "thousand"})) {
      q.value = *q.value * lex(j).cardinal;
      q.end = j + 1;
      q.is_article = false;
    }
    return q;
  }

  // A unit word at i. A title-case unit inside a sentence is a name
  // ("60 Minutes", the CBS programme), not a length of time.
  std::optional<UnitAt> unit_at(std::size_t i) const {
    // "two more weeks", "an additional year", "eight trading days"
    if (is_any(i, {"more", "additional", "extra", "further", "trading", "business", "working",
                   "calendar"}) &&
        is_word(i + 1) && lex(i + 1).unit.unit != Unit::none)
      ++i;
    if (!is_word(i)) return std::nullopt;
    UnitWord u = lex(i).unit;
    if (u.unit == Unit::none) return std::nullopt;
    // "a quarter of the shares", "the day of the attack" stays a time; a
    // quarter before "of" is a fraction.
    if (u.unit == Unit::quarter && !u.is_plural && is(i + 1, "of") && !year_digits_at(i + 2))
      return std::nullopt;
    if (tokens_[i].is_capitalized && !tokens_[i].is_all_caps && !starts_sentence(i) &&
        !(i > 0 && tokens_[i - 1].is_capitalized))
      return std::nullopt;
    return UnitAt{u.unit, u.is_plural, i + 1};
  }

  // An ordinal: "third", "3rd", "21st".
  std::optional<std::pair<int, std::size_t>> ordinal_at(std::size_t i) const {
    int v = lex(i).ordinal;
    if (v > 0) {
      // "twenty-first"
      return std::make_pair(v, i + 1);
    }
    if (is_number(i) && tokens_[i].digits <= 2 && glued(i + 1) &&
        is_any(i + 1, {"st", "nd", "rd", "th"}))
      return std::make_pair(number(i), i + 2);
    int tens = lex(i).cardinal;
    if (tens >= 20 && tens < 100 && tens % 10 == 0 && is(i + 1, "-") && glued(i + 1)) {
      int unit = lex(i + 2).ordinal;
      if (unit > 0 && unit < 10) return std::make_pair(tens + unit, i + 3);
    }
    return std::nullopt;
  }

  // ---- top level: modifiers around a core -----------------------------------

  Opt top(std::size_t i) {
    Opt best = core(i);
    std::uint32_t rules = this->rules(i);
    if (rules & kPositionModified) keep_longer(best, position_modified(i));
    if (rules & kEarlierLater) keep_longer(best, earlier_later(i));
    if (rules & kQuantityModified) keep_longer(best, quantity_modified(i));
    if (can_start(i, kTheCore)) {  // "the" (rules_from)
      const Opt& inner = core(i + 1);
      if (inner && is_date_reading(inner->reading) &&
          (inner->reading.granularity == Granularity::decade ||
           inner->reading.granularity == Granularity::century ||
           inner->reading.granularity == Granularity::season ||
           inner->reading.granularity == Granularity::quarter ||
           inner->reading.granularity == Granularity::half || inner->reading.is_weekend ||
           (inner->reading.month && inner->reading.day && !inner->reading.year &&
            ordinal_at(i + 1).has_value()))) {
        keep_longer(best, inner);
      }
    }
    return best;
  }

  // "early September", "mid-1990s", "late Tuesday", "the end of the year",
  // "the beginning of 2015".
  Opt position_modified(std::size_t i) {
    if (!can_start(i, kPositionModified)) return std::nullopt;
    std::size_t j = i;
    TimeMod mod = TimeMod::none;
    if (is(j, "the") && is_any(j + 1, {"beginning", "start", "end", "middle", "close", "turn",
                                       "outset", "dawn", "midst"}) &&
        is(j + 2, "of")) {
      mod = is_any(j + 1, {"end", "close"})      ? TimeMod::end
            : is_any(j + 1, {"middle", "midst"}) ? TimeMod::mid
                                                 : TimeMod::start;
      j += 3;
    } else {
      if (is(j, "the")) ++j;
      if (is(j, "early")) {
        mod = TimeMod::start;
      } else if (is(j, "late")) {
        mod = TimeMod::end;
      } else if (is(j, "mid")) {
        mod = TimeMod::mid;
      } else {
        return std::nullopt;
      }
      ++j;
      if (is(j, "-") && glued(j)) ++j;
      if (is(j, "to") && is_any(j + 1, {"mid", "late"})) {  // "early to mid-1990s"
        j += 2;
        if (is(j, "-") && glued(j)) ++j;
      }
    }
    // "the late president" is no time: the modifier needs a date after it.
    const Opt& core_at_j = core(j);
    if (!core_at_j || !is_date_reading(core_at_j->reading) || core_at_j->reading.hour)
      return std::nullopt;
    Opt inner = core_at_j;
    inner->reading.mod = mod;
    return inner;
  }

  // "earlier this month", "later this year", "earlier in September",
  // "earlier Sunday", "later that day".
  Opt earlier_later(std::size_t i) {
    if (!can_start(i, kEarlierLater)) return std::nullopt;
    if (!is_any(i, {"earlier", "later"})) return std::nullopt;
    bool is_earlier = is(i, "earlier");
    std::size_t j = i + 1;
    if (is(j, "in") && !is(j + 1, "the")) ++j;
    else if (is(j, "in") && is(j + 1, "the") && is_any(j + 2, {"day", "week", "month", "year"}))
      ++j;
    Opt inner;
    if (is(j, "the") && is_any(j + 1, {"day", "week", "month", "year"})) {
      // "later in the day": the reference's unit.
      Reading r;
      r.is_relative = true;
      r.reference = Reference::narrative;
      r.granularity = granularity_of(lex(j + 1).unit.unit);
      inner = Found{j + 2, r};
    } else if (const Opt& core_at_j = core(j)) {
      inner = core_at_j;
    }
    if (!inner || !is_date_reading(inner->reading) || inner->reading.hour) return std::nullopt;
    Reading& r = inner->reading;
    if (r.granularity == Granularity::day || !r.part_of_day.empty()) {
      if (r.reference == Reference::document && r.mod == TimeMod::none)
        r.mod = is_earlier ? TimeMod::start : TimeMod::end;
    } else if (r.is_relative && r.offset == 0) {
      (is_earlier ? r.is_before_reference : r.is_after_reference) = true;
    }
    return inner;
  }

  // "about two years", "nearly four years ago", "more than a decade",
  // "around Nov. 1", "at least three weeks".
  Opt quantity_modified(std::size_t i) {
    if (!can_start(i, kQuantityModified)) return std::nullopt;
    std::size_t j = i;
    TimeMod mod = TimeMod::none;
    bool dates_too = false;  // only "about"-like words also modify dates
    if (is_any(j, {"about", "around", "approximately", "roughly"})) {
      mod = TimeMod::approx;
      dates_too = true;
      ++j;
    } else if (is(j, "some") && quantity_at(j + 1)) {
      mod = TimeMod::approx;
      ++j;
    } else if (is_any(j, {"nearly", "almost"})) {
      mod = TimeMod::equal_or_less;
      ++j;
    } else if (is(j, "up") && is(j + 1, "to")) {
      mod = TimeMod::equal_or_less;
      j += 2;
    } else if ((is(j, "more") || is(j, "less") || is(j, "fewer")) && is(j + 1, "than")) {
      mod = is(j, "more") ? TimeMod::more_than : TimeMod::less_than;
      j += 2;
    } else if (is(j, "at") && is_any(j + 1, {"least", "most"})) {
      mod = is(j + 1, "least") ? TimeMod::equal_or_more : TimeMod::equal_or_less;
      j += 2;
    } else if (is(j, "just") && is_any(j + 1, {"over", "under"})) {
      mod = is(j + 1, "over") ? TimeMod::more_than : TimeMod::less_than;
      j += 2;
    } else if (is_any(j, {"over", "under"}) && quantity_at(j + 1)) {
      mod = is(j, "over") ? TimeMod::more_than : TimeMod::less_than;
      ++j;
    } else {
      return std::nullopt;
    }
    const Opt& core_at_j = core(j);
    if (!core_at_j) return std::nullopt;
    Opt inner = core_at_j;
    Reading& r = inner->reading;
    bool is_count = r.type == TimexType::duration || (r.is_relative && r.offset != 0) ||
                    r.literal == "PAST_REF";
    if (!is_count && !(dates_too && is_date_reading(r))) return std::nullopt;
    if (r.type != TimexType::duration && r.literal.empty()) mod = TimeMod::approx;
    r.mod = mod;
    return inner;
  }

  // ---- cores ----------------------------------------------------------------

  // core is a function of the tokens alone, and top asks for core(i + 1)
  // ("the third quarter", "about two years") just before the scan itself
  // moves to i + 1 when nothing matched at i: the last answer is kept.
  // The answer is valid until the next call: callers that keep it copy it.
  const Opt& core(std::size_t i) {
    if (i != core_index_) {
      find_core(i, core_);
      core_index_ = i;
    }
    return core_;
  }

  // Sets `best` to the core at i: written in place, as a Found is some 200
  // bytes (none of the rules asks for a core itself).
  void find_core(std::size_t i, Opt& best) {
    best.reset();
    if (!has(i)) return;
    // Each rule checks can_start itself; testing here first saves the
    // calls, most of which would return nothing.
    std::uint32_t rules = this->rules(i);
    // A modifier asks for the core after it whatever that token is: most
    // are words no rule starts at.
    if (rules == 0) return;
    if (rules & kCalendarDate) best = calendar_date(i);
    if (rules & kNumericDate) keep_longer(best, numeric_date(i));
    if (rules & kWeekdayName) keep_longer(best, weekday_name(i));
    if (rules & kYearAlone) keep_longer(best, year_alone(i));
    if (rules & kDecade) keep_longer(best, decade(i));
    if (rules & kSeason) keep_longer(best, season(i));
    if (rules & kQuarterOrHalf) keep_longer(best, quarter_or_half(i));
    if (rules & kDeictic) keep_longer(best, deictic(i));
    if (rules & kComparison) keep_longer(best, comparison(i));
    if (rules & kCounted) keep_longer(best, counted(i));
    if (rules & kSetExpression) keep_longer(best, set_expression(i));
    if (rules & kHoliday) keep_longer(best, holiday(i));
    if (rules & kClockTime) keep_longer(best, clock_time(i));
    if (best) extend(*best);
  }

  // Joins what follows a core: a part of the day ("Tuesday morning"), a
  // clock time ("Sept. 29, 2015 23:35"), a relative year ("June last year").
  void extend(Found& f) {
    Reading& r = f.reading;
    std::size_t j = f.end;
    if (is_day_reading(r)) {
      if (std::string_view pod = lex(j).part_of_day; !pod.empty() && !is(j, "overnight")) {
        r.part_of_day = pod;
        r.type = TimexType::time;
        f.end = j + 1;
        return;
      }
      std::size_t k = skip_comma(j);
      if (k == j || is_number(k)) {
        if (Opt clock = clock_time(k)) {
          r.hour = clock->reading.hour;
          r.minute = clock->reading.minute;
          r.type = TimexType::time;
          f.end = clock->end;
          return;
        }
      }
    }
    if (r.type == TimexType::time && r.hour && r.is_relative && r.offset == 0 &&
        r.reference == Reference::narrative) {
      // "10 p.m. Wednesday", "5 p.m. EST, Nov. 6"
      std::size_t k = skip_comma(j);
      if (is(k, "on")) ++k;
      Opt date = day_core(k);
      if (date) {
        Reading merged = date->reading;
        merged.hour = r.hour;
        merged.minute = r.minute;
        merged.type = TimexType::time;
        r = merged;
        f.end = date->end;
      }
      return;
    }
    if (is_date_reading(r) && !r.year && !r.is_relative && !r.year_offset &&
        (r.month || r.season || r.quarter) && !r.weekday &&
        is_any(j, {"last", "next", "this"}) && is(j + 1, "year")) {
      r.year_offset = is(j, "last") ? -1 : is(j, "next") ? 1 : 0;
      f.end = j + 2;
    }
  }

  // A core that names a day, for joining to a clock time.
  Opt day_core(std::size_t i) {
    Opt best = calendar_date(i);
    keep_longer(best, weekday_name(i));
    keep_longer(best, deictic(i));
    if (best && !is_day_reading(best->reading)) return std::nullopt;
    return best;
  }

  // "September 30, 2015", "Sept. 28", "29 Sep, 2015", "September 2015",
  // "the 28th of September", "Monday, Sept. 28, 2015".
  Opt calendar_date(std::size_t i) {
    if (!can_start(i, kCalendarDate)) return std::nullopt;
    // A weekday before the date is part of it: "Monday, Sept. 28, 2015".
    std::optional<int> weekday;
    if (NameWord w = lex(i).weekday; w.value && !w.is_plural && is_capital(i)) {
      std::size_t j = skip_comma(w.is_abbreviation ? skip_period(i + 1) : i + 1);
      weekday = w.value;
      i = j;
      if (!month_at(i) && !day_at(i)) return std::nullopt;
    }
    Opt out;
    if (auto m = month_at(i)) {
      std::size_t j = m->end;
      Reading r;
      r.month = m->month;
      if (auto d = day_at(j)) {
        r.day = d->first;
        r.granularity = Granularity::day;
        std::size_t k = skip_comma(d->second);
        if (auto y = year_at(k)) {
          r.year = y->first;
          out = Found{y->second, r};
        } else {
          out = Found{d->second, r};
        }
      } else {
        r.granularity = Granularity::month;
        std::size_t k = skip_comma(j);
        if (is(k, "of") && year_at(k + 1)) ++k;
        if (auto y = year_at(k)) {
          r.year = y->first;
          out = Found{y->second, r};
        } else if (!weekday && month_alone_ok(i, *m)) {
          out = Found{m->end, r};
        }
      }
    } else if (auto dm = day_at(i)) {
      // "29 Sep, 2015", "28th of September"
      std::size_t j = dm->second;
      if (is(j, "of")) ++j;
      auto mo = month_at(j);
      if (!mo) return std::nullopt;
      Reading r;
      r.day = dm->first;
      r.month = mo->month;
      r.granularity = Granularity::day;
      std::size_t k = skip_comma(mo->end);
      if (auto y = year_digits_at(k)) {
        r.year = *y;
        out = Found{k + 1, r};
      } else {
        out = Found{mo->end, r};
      }
    } else if (is(i, "the")) {
      if (auto od = ordinal_at(i + 1); od && od->first <= 31 && is(od->second, "of")) {
        if (auto om = month_at(od->second + 1)) {
          Reading r;
          r.day = od->first;
          r.month = om->month;
          r.granularity = Granularity::day;
          std::size_t k = skip_comma(om->end);
          if (auto y = year_digits_at(k)) {
            r.year = *y;
            out = Found{k + 1, r};
          } else {
            out = Found{om->end, r};
          }
        }
      }
    }
    if (out && weekday && out->reading.granularity == Granularity::day) {
      out->reading.weekday = weekday;
    } else if (weekday) {
      return std::nullopt;
    }
    return out;
  }

  // A month name with no day or year is a month only with a date-like
  // neighbour when it is also a common word or a name ("May", "June Carter").
  bool month_alone_ok(std::size_t i, const MonthAt& m) const {
    bool prep_before =
        i > 0 && is_any(i - 1, {"in", "since", "until", "till", "by", "during", "from", "to",
                                "through", "last", "next", "this", "early", "late", "mid",
                                "of", "before", "after", "between", "and", "or", "each",
                                "every", "-", "coming", "past", "that", "until", "throughout",
                                "end", "beginning", "start", "middle"});
    if (m.is_ambiguous) {
      // "Jan Kavan": a bare abbreviation alone is a name.
      bool has_period = m.end > i + 1;
      if (lex(i).month.is_abbreviation && !has_period) return false;
      return prep_before;
    }
    if (tokens_[i].is_all_caps) return prep_before;
    if (prep_before) return true;
    // "June Carter", "August Wilson": a capitalized word after a month
    // without a preposition before it is a name.
    if (is_word(m.end) && tokens_[m.end].is_capitalized) return false;
    return true;
  }

  // "2015-09-30", "30/09/2015", "9/30/15", "30.09.2015".
  Opt numeric_date(std::size_t i) {
    if (!can_start(i, kNumericDate)) return std::nullopt;
    if (!is_number(i)) return std::nullopt;
    if (i > 0 && glued(i) && is_any(i - 1, {"/", "-", "."})) return std::nullopt;
    auto part = [&](std::size_t k) { return is_number(k) && glued(k); };
    // ISO 8601: the order is settled by the form.
    if (tokens_[i].digits == 4 && is(i + 1, "-") && glued(i + 1) && part(i + 2) &&
        tokens_[i + 2].digits == 2 && is(i + 3, "-") && glued(i + 3) && part(i + 4) &&
        tokens_[i + 4].digits == 2) {
      return make_date(number(i), number(i + 2), number(i + 4), i + 5);
    }
    for (Kw sep : {Kw("/"), Kw(".")}) {
      if (!(is(i + 1, sep) && glued(i + 1) && part(i + 2) && is(i + 3, sep) && glued(i + 3) &&
            part(i + 4)))
        continue;
      if (glued(i + 5) && (is(i + 5, sep) || is_number(i + 5))) return std::nullopt;
      if (tokens_[i].digits > 2 || tokens_[i + 2].digits > 2) return std::nullopt;
      int a = number(i), b = number(i + 2);
      int y = number(i + 4);
      if (tokens_[i + 4].digits == 2) {
        y += y < 50 ? 2000 : 1900;  // "9/30/15": two-digit years pivot at 1950
      } else if (tokens_[i + 4].digits != 4) {
        return std::nullopt;
      }
      // A number above 12 settles which is the day; otherwise the context's
      // rule: month first (US news) unless told day first. Dots are European.
      bool day_first = a > 12 || (b <= 12 && (order_ == NumericDateOrder::day_first ||
                                              sep.id == Kw(".").id));
      if (b > 12) day_first = false;
      return day_first ? make_date(y, b, a, i + 5) : make_date(y, a, b, i + 5);
    }
    return std::nullopt;
  }

  Opt make_date(int y, int m, int d, std::size_t end) const {
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                             date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || y < 1000) return std::nullopt;
    Reading r;
    r.year = y;
    r.month = m;
    r.day = d;
    r.granularity = Granularity::day;
    return Found{end, r};
  }

  // "Tuesday", "Tuesdays" (a set), "Tuesday nights".
  Opt weekday_name(std::size_t i) {
    if (!can_start(i, kWeekdayName)) return std::nullopt;
    NameWord w = lex(i).weekday;
    if (!w.value || w.is_abbreviation || !is_capital(i)) return std::nullopt;
    if (w.is_plural) {
      Reading r = literal(TimexType::set, "XXXX-WXX-" + std::to_string(w.value));
      std::size_t end = i + 1;
      if (std::string_view pod = part_of_day_word(low(end).substr(0, low(end).size() - 1));
          !pod.empty() && low(end).ends_with("s")) {
        r.literal += "T" + std::string(pod);
        ++end;
      }
      return Found{end, r};
    }
    // "Tuesday nights": every Tuesday night.
    if (is_word(i + 1) && low(i + 1).ends_with("s") && low(i + 1).size() > 1) {
      std::string_view plural = low(i + 1);
      std::string_view pod = part_of_day_word(plural.substr(0, plural.size() - 1));
      if (!pod.empty()) {
        return Found{i + 2, literal(TimexType::set, "XXXX-WXX-" + std::to_string(w.value) +
                                                        "T" + std::string(pod))};
      }
    }
    Reading r;
    r.weekday = w.value;
    r.granularity = Granularity::day;
    return Found{i + 1, r};
  }

  // A year on its own: "in 2015", "2015 was". Four digits are a count when
  // they read like one: "2000 troops" (a round number before a plural
  // noun), "$1999", "1999 percent".
  Opt year_alone(std::size_t i) {
    if (!can_start(i, kYearAlone)) return std::nullopt;
    if (!is_number(i) && !is_any(i, {"fiscal", "fy", "year"})) {
      // Spoken years: "in nineteen ninety-one", "a nineteen ninety-seven attack".
      auto y = year_at(i);
      if (!y) return std::nullopt;
      if (is(i, "two") && !(i > 0 && is_any(i - 1, {"year", "in", "by", "until", "since"})))
        return std::nullopt;
      Reading r;
      r.year = y->first;
      r.granularity = Granularity::year;
      return Found{y->second, r};
    }
    if (is(i, "year") && !year_digits_at(i + 1)) {
      if (auto y = year_at(i + 1)) {
        Reading r;
        r.year = y->first;
        r.granularity = Granularity::year;
        return Found{y->second, r};
      }
    }
    std::size_t j = i;
    bool is_fiscal = false;
    if (is_any(j, {"fiscal", "fy"})) {
      is_fiscal = true;
      ++j;
      if (is(j, "year")) ++j;
    } else if (is(j, "year") && year_digits_at(j + 1)) {
      ++j;  // "year 2000"
    }
    auto y = year_digits_at(j);
    if (!y) return std::nullopt;
    std::size_t end = j + 1;
    if (glued(end) && (is(end, "s") || is(end, "'"))) return std::nullopt;  // a decade
    if (is_any(end, {"%", "percent", "per", "dollars", "-"}) && !is(end, "-")) return std::nullopt;
    if (is(end, "-") && glued(end) && is_number(end + 1)) {
      // "2014-15": a span of years; take the first as a year.
      if (tokens_[end + 1].digits != 2 && tokens_[end + 1].digits != 4) return std::nullopt;
    }
    if (!is_fiscal) {
      bool prep_before = j > 0 && is_any(j - 1, {"in", "since", "of", "by", "until", "till",
                                                 "from", "to", "through", "during", "before",
                                                 "after", "between", "and", "year", "early",
                                                 "late", "mid", "around", "circa", "-",
                                                 "summer", "spring", "winter", "autumn",
                                                 "fall", ",", "the", "'s"});
      if (*y < 1900 || *y > 2099) {
        if (!prep_before || (j > 0 && is_any(j - 1, {"the", ","}))) return std::nullopt;
      }
      if (*y % 100 == 0 && is_word(end) && low(end).ends_with("s") && !prep_before &&
          !is_capital(end))
        return std::nullopt;
      if (j > 0 && is_any(j - 1, {"$", "no", "number", "flight", "route", "page", "pp",
                                 "resolution", "article", "room", "channel", "#", "model",
                                 "highway", "interstate", "section", "code", "the"}) &&
          !(is(j - 1, "the") && !is_word(end)) && !is(j - 1, "the"))
        return std::nullopt;
      // "the 2015 election" is a year; "the 2000 troops" is not: a round
      // year after "the" followed by a plural word reads as a count.
      if (j > 0 && is(j - 1, "the") && *y % 100 == 0 && is_word(end) &&
          low(end).ends_with("s") && !is_capital(end))
        return std::nullopt;
    }
    Reading r;
    r.year = *y;
    r.granularity = Granularity::year;
    return Found{end, r};
  }

  // "the 1990s", "1990's", "'90s", "the nineties", "the 20th century".
  Opt decade(std::size_t i) {
    if (!can_start(i, kDecade)) return std::nullopt;
    Reading r;
    r.granularity = Granularity::decade;
    if (is_number(i) && tokens_[i].digits == 4 && number(i) % 10 == 0) {
      std::size_t j = i + 1;
      if (is(j, "'") && glued(j)) ++j;
      if (is(j, "s") && glued(j)) {
        r.decade = number(i) / 10;
        return Found{j + 1, r};
      }
    }
    if (is(i, "'") && is_number(i + 1) && glued(i + 1) && tokens_[i + 1].digits == 2 &&
        number(i + 1) % 10 == 0 && is(i + 2, "s") && glued(i + 2)) {
      int n = number(i + 1);
      r.decade = (n >= 20 ? 190 : 200) + n / 10;
      return Found{i + 3, r};
    }
    if (int d = lex(i).decade; d > 0 && i > 0 &&
                                     is_any(i - 1, {"the", "early", "mid", "late", "-"})) {
      r.decade = 190 + d;
      return Found{i + 1, r};
    }
    if (auto o = ordinal_at(i); o && o->first >= 1 && o->first <= 22) {
      std::size_t j = o->second;
      if (is(j, "-") && glued(j)) ++j;
      if (is_any(j, {"century"})) {
        Reading c;
        c.granularity = Granularity::century;
        c.century = o->first - 1;
        return Found{j + 1, c};
      }
    }
    return std::nullopt;
  }

  // "summer", "the summer of 2015", "spring 2016", "last fall" (deictic).
  Opt season(std::size_t i) {
    if (!can_start(i, kSeason)) return std::nullopt;
    int s = lex(i).season;
    if (s < 0) return std::nullopt;
    Reading r;
    r.season = s;
    r.granularity = Granularity::season;
    std::size_t end = i + 1;
    std::size_t k = is(end, "of") ? end + 1 : end;
    if (auto y = year_at(k)) {
      r.year = y->first;
      return Found{y->second, r};
    }
    // A season word alone is a verb or a noun as often as a time ("prices
    // fall", "hot spring"): it needs a word that makes it a time of year.
    bool ok = i > 0 && is_any(i - 1, {"this", "last", "next", "the", "early", "late", "mid",
                                      "in", "during", "since", "until", "by", "past",
                                      "coming", "through", "-", "each", "every"});
    if (s == 2 || s == 0) {
      // "the fall of Rome", "in the spring of revolt": only before a year.
      ok = ok && !is(end, "of") && !is_any(i - 1, {"in", "during", "since", "until", "by",
                                                   "through"});
      if (i > 0 && is(i - 1, "the")) ok = ok && !is_word(end);
    }
    if (!ok) return std::nullopt;
    return Found{end, r};
  }

  // "the third quarter", "third-quarter", "Q3 2015", "the first half of 1989".
  Opt quarter_or_half(std::size_t i) {
    if (!can_start(i, kQuarterOrHalf)) return std::nullopt;
    std::size_t j = i;
    std::optional<int> year;
    if (is(j, "the")) ++j;
    if (auto y = year_digits_at(j); y && (ordinal_at(j + 1) || is(j + 1, "fiscal"))) {
      year = *y;
      ++j;
    }
    if (is(j, "fiscal")) ++j;
    Reading r;
    std::size_t end = 0;
    if (is(j, "q") && is_capital(j) && is_number(j + 1) && glued(j + 1) &&
        number(j + 1) >= 1 && number(j + 1) <= 4) {
      r.quarter = number(j + 1);
      r.granularity = Granularity::quarter;
      end = j + 2;
    } else if (auto o = ordinal_at(j)) {
      std::size_t k = o->second;
      if (is(k, "-") && glued(k)) ++k;
      if (is(k, "fiscal")) ++k;
      if (is(k, "quarter") && o->first <= 4) {
        r.quarter = o->first;
        r.granularity = Granularity::quarter;
        end = k + 1;
      } else if (is(k, "half") && o->first <= 2) {
        r.half = o->first;
        r.granularity = Granularity::half;
        end = k + 1;
      } else {
        return std::nullopt;
      }
    } else if (is_any(j, {"last", "latter"}) && j > i && is(j + 1, "half")) {
      r.half = 2;
      r.granularity = Granularity::half;
      end = j + 2;
    } else {
      return std::nullopt;
    }
    if (year) r.year = year;
    std::size_t k = end;
    if (is(k, "of") || is(k, ",")) ++k;
    if (auto y = year_digits_at(k); y && !year) {
      r.year = *y;
      end = k + 1;
    } else if (is(k, "fiscal") && year_digits_at(k + 1) && !year) {
      r.year = year_digits_at(k + 1);
      end = k + 2;
    } else if (is(end, "of") && is_any(end + 1, {"this", "next", "last"}) &&
               is(end + 2, "year")) {
      r.year_offset = is(end + 1, "last") ? -1 : is(end + 1, "next") ? 1 : 0;
      end += 3;
    } else if (is(end, "of") && is(end + 1, "the") && is(end + 2, "year")) {
      r.year_offset = 0;
      end += 3;
    } else if (is(end, "of") && r.half) {
      return std::nullopt;  // "the first half of the match"
    }
    return Found{end, r};
  }

  // Comparisons with the same period a year before, as business news makes
  // them: "the year-ago quarter", "the year-earlier period", "the 1988
  // quarter", "last year's third quarter", "the corresponding period last
  // year". They name the period the text is about, moved back a year.
  Opt comparison(std::size_t i) {
    if (!can_start(i, kComparison)) return std::nullopt;
    std::size_t j = i;
    bool has_the = is(j, "the");
    if (has_the) ++j;
    if (is_any(j, {"comparable", "corresponding", "same", "prior"})) ++j;
    std::optional<int> year;
    int shift = 0;
    if (is(j, "year") && is(j + 1, "-") && glued(j + 1) && is_any(j + 2, {"ago", "earlier"})) {
      shift = -1;
      j += 3;
    } else if (is(j, "last") && is(j + 1, "year") && is(j + 2, "'") && is(j + 3, "s")) {
      shift = -1;
      j += 4;
    } else if (auto y = year_digits_at(j); y && has_the) {
      year = *y;
      ++j;
    }
    if (is_any(j, {"comparable", "corresponding"})) ++j;
    std::optional<int> quarter;
    if (auto o = ordinal_at(j); o && o->first <= 4) {
      quarter = o->first;
      j = o->second;
      if (is(j, "-") && glued(j)) ++j;
    }
    if (is(j, "fiscal")) ++j;
    bool is_period = is(j, "period");
    if (!is(j, "quarter") && !is_period) return std::nullopt;
    if (is_period && quarter) return std::nullopt;
    std::size_t end = j + 1;
    if (shift == 0 && !year && is(end, "last") && is(end + 1, "year")) {
      shift = -1;
      end += 2;
    }
    if (shift == 0 && !year) return std::nullopt;
    Reading r;
    r.reference = Reference::narrative;
    if (quarter) {
      r.quarter = quarter;
      r.granularity = Granularity::quarter;
      if (year) r.year = year;
      else r.year_offset = shift;
      return Found{end, r};
    }
    r.is_relative = true;
    r.year = year;
    if (is_period) {
      r.granularity = Granularity::year;
      r.offset = shift;
      r.inherits_granularity = true;
    } else {
      r.granularity = Granularity::quarter;
      r.offset = 4 * shift;
    }
    return Found{end, r};
  }

  // Words that point from the publication day or the narrative: "today",
  // "last week", "this morning", "next Friday", "the following day",
  // "that year", "the past three months", "now", "the future".
  Opt deictic(std::size_t i) {
    if (!can_start(i, kDeictic)) return std::nullopt;
    Word w = word(i);
    auto relative = [](Granularity g, int offset, Reference ref = Reference::document) {
      Reading r;
      r.is_relative = true;
      r.granularity = g;
      r.offset = offset;
      r.reference = ref;
      return r;
    };
    if (w == "today") return Found{i + 1, relative(Granularity::day, 0)};
    if (w == "tomorrow") return Found{i + 1, relative(Granularity::day, 1)};
    if (w == "yesterday") return Found{i + 1, relative(Granularity::day, -1)};
    if (w == "tonight" || (w == "overnight" && i > 0 && !is_any(i - 1, {"an", "the"}))) {
      Reading r = relative(Granularity::day, w == "tonight" ? 0 : -1,
                           w == "tonight" ? Reference::document : Reference::narrative);
      r.part_of_day = "NI";
      r.type = TimexType::time;
      return Found{i + 1, r};
    }
    if (w == "now") {
      return Found{i + 1, literal(TimexType::date, "PRESENT_REF")};
    }
    if (w == "currently" || w == "presently" || w == "nowadays")
      return Found{i + 1, literal(TimexType::date, "PRESENT_REF")};
    // "previously" and "formerly" order events more than they date them;
    // TimeBank leaves most of them unmarked.
    if (w == "recently" || w == "lately") return Found{i + 1, literal(TimexType::date, "PAST_REF")};
    if (w == "these" && is(i + 1, "days")) return Found{i + 2, literal(TimexType::date, "PRESENT_REF")};
    // "recent years": a stretch of unknown length up to now (TimeBank: PXY).
    if (w == "recent") {
      if (auto u = unit_at(i + 1); u && u->is_plural)
        return Found{u->end, literal(TimexType::duration, duration_value(std::nullopt, u->unit))};
    }
    if (w == "past") {
      if (auto u = unit_at(i + 1); u && u->is_plural && !(i > 0 && is(i - 1, "the")))
        return Found{u->end, literal(TimexType::date, "PAST_REF")};
    }
    // "year-end", "year end", "year's end": the end of the reference year.
    if (w == "year" && ((is(i + 1, "-") && glued(i + 1) && is(i + 2, "end")) || is(i + 1, "end"))) {
      Reading r = relative(Granularity::year, 0);
      r.mod = TimeMod::end;
      return Found{is(i + 1, "end") ? i + 2 : i + 3, r};
    }
    if (w == "year" && is(i + 1, "'") && is(i + 2, "s") && is(i + 3, "end")) {
      Reading r = relative(Granularity::year, 0);
      r.mod = TimeMod::end;
      return Found{i + 4, r};
    }
    if (w == "midnight" || w == "noon" || w == "midday") return clock_time(i);

    if (w == "the") {
      // Every reading below has one of these words after "the", or a unit
      // or a part of the day: most words after "the" are none of them.
      if (!is_any(i + 1, {"present", "past", "recent", "near", "distant", "foreseeable",
                          "immediate", "future", "short", "coming", "more", "additional",
                          "extra", "further", "trading", "business", "working", "calendar",
                          "previous", "following", "next", "prior", "preceding", "same",
                          "night", "weekend", "full", "current", "entire", "whole", "fiscal",
                          "latest", "year", "week", "month", "last", "most", "quarter",
                          "first", "final"}) &&
          lex(i + 1).unit.unit == Unit::none && lex(i + 1).part_of_day.empty())
        return std::nullopt;
      // The units after "the" are asked about again and again below: each
      // is found once (unit_at is a function of the tokens).
      std::optional<std::optional<UnitAt>> unit1, unit2;
      auto next_unit = [&]() -> const std::optional<UnitAt>& {
        if (!unit1) unit1 = unit_at(i + 1);
        return *unit1;
      };
      auto unit_after_next = [&]() -> const std::optional<UnitAt>& {
        if (!unit2) unit2 = unit_at(i + 2);
        return *unit2;
      };
      if (is(i + 1, "present") && !is_word(i + 2)) return Found{i + 2, literal(TimexType::date, "PRESENT_REF")};
      if (is(i + 1, "past") && !quantity_at(i + 2) && !unit_after_next() && !is(i + 2, "-"))
        return Found{i + 2, literal(TimexType::date, "PAST_REF")};
      if (is(i + 1, "recent") && is(i + 2, "past")) return Found{i + 3, literal(TimexType::date, "PAST_REF")};
      std::size_t j = i + 1;
      if (is_any(j, {"near", "distant", "foreseeable", "immediate"})) ++j;
      if (is(j, "future")) return Found{j + 1, literal(TimexType::date, "FUTURE_REF")};
      if (is_any(i + 1, {"near", "short"}) && is(i + 2, "term"))
        return Found{i + 3, literal(TimexType::date, "FUTURE_REF")};
      if (is(i + 1, "coming")) {
        if (auto u = unit_after_next(); u && u->is_plural)
          return Found{u->end, literal(TimexType::date, "FUTURE_REF")};
      }
      if (auto u = next_unit(); u && u->is_plural && is(u->end, "ahead"))
        return Found{u->end + 1, literal(TimexType::date, "FUTURE_REF")};
      // "the previous day", "the following week", "the next morning"
      if (is_any(i + 1, {"previous", "following", "next", "prior", "preceding"})) {
        int dir = is_any(i + 1, {"previous", "prior", "preceding"}) ? -1 : 1;
        std::size_t k = i + 2;
        if (auto u = unit_after_next(); u && !u->is_plural) {
          Granularity g = granularity_of(u->unit);
          if (g != Granularity::unknown && u->unit != Unit::quarter) {
            Reading r = relative(g, dir, Reference::narrative);
            if (u->unit == Unit::weekend) {
              r = relative(Granularity::week, dir, Reference::narrative);
              r.is_weekend = true;
            }
            return Found{u->end, r};
          }
        }
        if (std::string_view pod = lex(k).part_of_day; !pod.empty()) {
          Reading r = relative(Granularity::day, dir, Reference::narrative);
          r.part_of_day = pod;
          r.type = TimexType::time;
          return Found{k + 1, r};
        }
        if (NameWord wd = lex(k).weekday; wd.value && !wd.is_plural && !wd.is_abbreviation) {
          Reading r;
          r.weekday = wd.value;
          r.granularity = Granularity::day;
          r.reference = Reference::narrative;
          r.direction = dir < 0 ? Direction::past_strict : Direction::future_strict;
          return Found{k + 1, r};
        }
      }
      // "the same day", "the same week"
      if (is(i + 1, "same")) {
        if (auto u = unit_after_next(); u && !u->is_plural && granularity_of(u->unit) != Granularity::unknown)
          return Found{u->end, relative(granularity_of(u->unit), 0, Reference::narrative)};
      }
      // "the day before", "the night before", "the week after"
      if (auto u = next_unit(); u && !u->is_plural && is_any(u->end, {"before", "after", "earlier"})) {
        if ((!has(u->end + 1) || tokens_[u->end + 1].kind == TokenKind::punct) &&
            (u->unit == Unit::day || u->unit == Unit::week ||
                                        u->unit == Unit::month || u->unit == Unit::year)) {
          int dir = is(u->end, "after") ? 1 : -1;
          return Found{u->end + 1, relative(granularity_of(u->unit), dir, Reference::narrative)};
        }
      }
      if (is(i + 1, "night") && is(i + 2, "before") && ends_clause(i + 3)) {
        Reading r = relative(Granularity::day, -1, Reference::narrative);
        r.part_of_day = "NI";
        r.type = TimexType::time;
        return Found{i + 3, r};
      }
      // "the weekend"
      if (is(i + 1, "weekend")) {
        Reading r;
        r.weekday = 6;
        r.is_weekend = true;
        r.granularity = Granularity::week;
        return Found{i + 2, r};
      }
      // "the year", "the full year", "the current fiscal year": the
      // reference year; "the year ended June 30" is a fiscal year, a length.
      std::size_t k = i + 1;
      bool is_latest = false;
      while (is_any(k, {"full", "current", "entire", "whole", "fiscal", "latest"})) {
        is_latest = is_latest || is(k, "latest");
        ++k;
      }
      if (is(k, "year") && !is(k + 1, "'") && !is(k + 1, "of") && !year_at(k + 1) &&
          !is(k + 1, "-") && !is_any(k + 1, {"before", "after", "earlier", "later"})) {
        if (is_any(k + 1, {"ended", "ending", "ends", "to", "through", "that", "which"}))
          return Found{k + 1, literal(TimexType::duration, "P1Y")};
        return Found{k + 1, relative(Granularity::year, is_latest ? -1 : 0)};
      }
      // "the week", "the month": the reference's ("for the week, the index fell").
      if (is_any(i + 1, {"week", "month"}) && !is_any(i + 2, {"of", "'", "before", "after", "-"}) &&
          !is_number(i + 2)) {
        return Found{i + 2, relative(is(i + 1, "week") ? Granularity::week : Granularity::month, 0)};
      }
      // "the morning", "the evening": of the day the story is on.
      if (std::string_view pod = lex(i + 1).part_of_day;
          !pod.empty() && !is(i + 1, "overnight") && !is_any(i + 2, {"of", "'", "before", "after"})) {
        Reading r = relative(Granularity::day, 0, Reference::narrative);
        r.part_of_day = pod;
        r.type = TimexType::time;
        return Found{i + 2, r};
      }
      // "the quarter", "the latest quarter": the last one that ended.
      k = i + 1;
      int q = -1;
      if (is_any(k, {"latest", "recent", "past", "previous", "prior", "last"})) ++k;
      else if (is(k, "most") && is(k + 1, "recent")) k += 2;
      else if (is(k, "current")) {
        q = 0;
        ++k;
      }
      if ((is(k, "quarter") || (is(k, "period") && k > i + 1)) && !is(k + 1, "of") &&
          !is(k + 1, "-")) {
        return Found{k + 1, relative(Granularity::quarter, q)};
      }
      // "the past three months", "the next two weeks", "the last few days":
      // a stretch of time, not a date.
      if (is_any(i + 1, {"past", "last", "next", "coming", "previous", "first", "final",
                         "following", "preceding", "prior"})) {
        std::size_t k2 = i + 2;
        std::optional<Quantity> qty = quantity_at(k2);
        if (qty && !qty->is_article) k2 = qty->end;
        else qty.reset();
        if (auto u = k2 == i + 2 ? unit_after_next() : unit_at(k2)) {
          if (!qty && !u->is_plural && is_any(i + 1, {"past", "last", "previous", "prior"}) &&
              granularity_of(u->unit) != Granularity::unknown) {
            // "the past year", "the last decade": TimeBank dates them (1997, 198).
            return Found{u->end, relative(granularity_of(u->unit), -1)};
          }
          if (!qty && !u->is_plural && is_any(i + 1, {"next", "coming", "following"}) &&
              granularity_of(u->unit) != Granularity::unknown) {
            return Found{u->end, relative(granularity_of(u->unit), 1)};
          }
          if (qty || !u->is_plural) {
            Reading r = literal(TimexType::duration,
                                duration_value(qty ? qty->value : std::optional<int>(1), u->unit));
            r.mod = qty ? qty->mod : TimeMod::none;
            return Found{u->end, r};
          }
          if (u->is_plural) {
            return Found{u->end, literal(TimexType::duration, duration_value(std::nullopt, u->unit))};
          }
        }
      }
      return std::nullopt;
    }

    // "that day", "that morning", "that same year": the narrative's day.
    if (w == "that") {
      std::size_t k = i + 1;
      if (is(k, "same")) ++k;
      if (auto u = unit_at(k); u && !u->is_plural &&
                               (u->unit == Unit::day || u->unit == Unit::week ||
                                u->unit == Unit::month || u->unit == Unit::year ||
                                u->unit == Unit::quarter)) {
        if (is_any(u->end, {"of", "'"})) return std::nullopt;
        return Found{u->end, relative(granularity_of(u->unit), 0, Reference::narrative)};
      }
      if (std::string_view pod = lex(k).part_of_day; !pod.empty()) {
        Reading r = relative(Granularity::day, 0, Reference::narrative);
        r.part_of_day = pod;
        r.type = TimexType::time;
        return Found{k + 1, r};
      }
      return std::nullopt;
    }

    // "this/last/next/coming/past" + unit, weekday, month, season, part of day.
    int offset = 0;
    Direction direction = Direction::current;
    std::size_t k = i + 1;
    if (w == "this" && is(k, "past")) {
      offset = -1;
      direction = Direction::past_strict;
      ++k;
    } else if (w == "this" && is(k, "coming")) {
      offset = 1;
      direction = Direction::future_strict;
      ++k;
    } else if (w == "this" || w == "current") {
      offset = 0;
      direction = Direction::current;
    } else if (w == "last" || w == "past" || w == "previous") {
      offset = -1;
      direction = Direction::past_strict;
    } else if (w == "next" || w == "coming") {
      offset = 1;
      direction = Direction::future_strict;
    } else {
      return std::nullopt;
    }
    std::optional<UnitAt> unit = unit_at(k);
    if (auto u = unit; u && !u->is_plural) {
      if (u->unit == Unit::weekend) {
        Reading r;
        r.weekday = 6;
        r.is_weekend = true;
        r.granularity = Granularity::week;
        r.direction = offset == 0 ? Direction::current
                      : offset < 0 ? Direction::past_strict
                                   : Direction::future_strict;
        return Found{u->end, r};
      }
      Granularity g = granularity_of(u->unit);
      if (g == Granularity::unknown) return std::nullopt;
      return Found{u->end, relative(g, offset)};
    }
    if (auto u = unit; u && u->is_plural && w == "coming") {
      return Found{u->end, literal(TimexType::date, "FUTURE_REF")};
    }
    if (std::string_view pod = lex(k).part_of_day; !pod.empty() && w != "coming") {
      // "this morning"; "last night" is the night before.
      Reading r = relative(Granularity::day, offset == 0 ? 0 : offset);
      if (w == "last" && pod == "NI") r.offset = -1;
      else if (w == "last") return std::nullopt;  // "last morning" is not a date
      r.part_of_day = pod;
      r.type = TimexType::time;
      return Found{k + 1, r};
    }
    if (w == "past" || w == "current") {
      // "past three years" without "the": a duration
      if (auto qty = quantity_at(k); qty && !qty->is_article) {
        if (auto u = unit_at(qty->end)) {
          return Found{u->end, literal(TimexType::duration, duration_value(qty->value, u->unit))};
        }
      }
      return std::nullopt;
    }
    if (NameWord wd = lex(k).weekday; wd.value && !wd.is_plural && !wd.is_abbreviation &&
                                            is_capital(k)) {
      Reading r;
      r.weekday = wd.value;
      r.granularity = Granularity::day;
      r.direction = direction;
      return Found{k + 1, r};
    }
    if (auto m = month_at(k)) {
      Reading r;
      r.month = m->month;
      r.granularity = Granularity::month;
      r.direction = direction;
      std::size_t end = m->end;
      if (auto d = day_at(end)) {
        r.day = d->first;
        r.granularity = Granularity::day;
        end = d->second;
      }
      return Found{end, r};
    }
    if (int s = lex(k).season; s >= 0) {
      Reading r;
      r.season = s;
      r.granularity = Granularity::season;
      r.direction = direction;
      return Found{k + 1, r};
    }
    if (w == "last" || w == "next") {
      // "last three years", "next two weeks": a duration
      if (auto qty = quantity_at(k); qty && !qty->is_article) {
        if (auto u = unit_at(qty->end)) {
          return Found{u->end, literal(TimexType::duration, duration_value(qty->value, u->unit))};
        }
      }
    }
    return std::nullopt;
  }

  // True where a clause ends: punctuation, the end of the text, or a word
  // that cannot start the noun phrase "the day before X" would need.
  bool ends_clause(std::size_t i) const {
    if (!has(i)) return true;
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::punct) return !is_any(i, {"'", "$"});
    if (t.kind == TokenKind::number) return false;
    if (t.is_capitalized) return false;
    return !is_any(i, {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                       "this", "that", "these", "those"});
  }

  // Expressions built on a count and a unit: "four years" (duration),
  // "two years ago" (date), "a year earlier" (narrative), "four-year",
  // "for weeks", "weeks or months".
  Opt counted(std::size_t i) {
    if (!can_start(i, kCounted)) return std::nullopt;
    std::optional<Quantity> qty = quantity_at(i);
    std::size_t j = i;
    std::optional<UnitAt> u;
    bool is_hyphenated = false;
    if (qty) {
      j = qty->end;
      if (is(j, "-") && glued(j) && glued(j + 1)) {
        // "four-year", "30-day": a length used as an adjective.
        u = unit_at(j + 1);
        if (!u || u->is_plural) return std::nullopt;
        is_hyphenated = true;
      } else {
        u = unit_at(j);
      }
      if (!u && qty->is_article && is_any(j, {"hundred", "thousand"})) return std::nullopt;
    } else {
      u = unit_at(i);
      if (!u) return std::nullopt;
      // "year-long", "decades-long"
      if (is(u->end, "-") && glued(u->end) && is(u->end + 1, "long") && glued(u->end + 1)) {
        Reading r = literal(TimexType::duration,
                            duration_value(u->is_plural ? std::nullopt : std::optional<int>(1),
                                           u->unit));
        return Found{u->end + 2, r};
      }
      if (!u->is_plural) {
        // "year-earlier", "year-ago": the year before the reference.
        if (u->unit == Unit::year && is(u->end, "-") && glued(u->end) &&
            is_any(u->end + 1, {"earlier", "ago"})) {
          Reading r;
          r.is_relative = true;
          r.granularity = Granularity::year;
          r.offset = -1;
          r.inherits_granularity = true;
          return Found{u->end + 2, r};
        }
        return std::nullopt;
      }
      // "for weeks", "within months", "weeks or months", "days later"
      if (is_any(u->end, {"ago"})) return Found{u->end + 1, literal(TimexType::date, "PAST_REF")};
      bool prep = i > 0 && is_any(i - 1, {"for", "within", "over", "after", "in", "take",
                                          "takes", "took", "lasted", "last", "spent", "spend"});
      if (!prep) return std::nullopt;
      // "in years" (the first time in years) is a length; "in days" rarely is.
      if (is(i - 1, "in") && !is_any(i, {"years", "decades", "months", "weeks"}))
        return std::nullopt;
      std::size_t end = u->end;
      if (is(end, "or") && unit_at(end + 1) && unit_at(end + 1)->is_plural) end = end + 2;
      return Found{end, literal(TimexType::duration, duration_value(std::nullopt, u->unit))};
    }
    if (!u) return std::nullopt;
    std::size_t end = u->end;
    if (is_hyphenated) {
      if (is(end, "-") && glued(end) && is(end + 1, "long")) end += 2;
      else if (is(end, "long")) ++end;
      else if (is(end, "-") && glued(end) && is(end + 1, "old")) return std::nullopt;
      return Found{end, literal(TimexType::duration, duration_value(qty->value, u->unit))};
    }
    Granularity g = granularity_of(u->unit);
    auto shifted = [&](int sign, Reference ref) {
      Reading r;
      if (!qty->value) return literal(TimexType::date, sign < 0 ? "PAST_REF" : "FUTURE_REF");
      r.is_relative = true;
      r.reference = ref;
      r.offset = sign * *qty->value;
      r.granularity = g;
      if (u->unit == Unit::quarter) r.granularity = Granularity::quarter;
      if (g == Granularity::unknown) {  // hours, minutes: the day they fall in
        r.granularity = Granularity::day;
        r.offset = 0;
      }
      if (u->unit == Unit::weekend) r.granularity = Granularity::week;
      r.inherits_granularity = u->unit == Unit::year;
      r.mod = qty->mod;
      return r;
    };
    if (is(end, "ago")) return Found{end + 1, shifted(-1, Reference::document)};
    if (is(end, "or") && is(end + 1, "so") && is(end + 2, "ago")) {
      Found f{end + 3, shifted(-1, Reference::document)};
      f.reading.mod = TimeMod::approx;
      return f;
    }
    if (is(end, "from") && is(end + 1, "now")) return Found{end + 2, shifted(1, Reference::document)};
    if (is_any(end, {"earlier", "later", "before"}) &&
        (is_any(end, {"earlier", "later"}) || !has(end + 1) ||
         tokens_[end + 1].kind == TokenKind::punct)) {
      return Found{end + 1, shifted(is(end, "later") ? 1 : -1, Reference::narrative)};
    }
    // "one day after Obama met Putin": what follows "after" happened one day
    // before the date the text just gave ("Tuesday's announcement came one
    // day after ..."), so the expression dates the clause it introduces.
    if (is_any(end, {"after", "before"}) && qty->value && *qty->value <= 3 &&
        (u->unit == Unit::day || u->unit == Unit::week)) {
      Found f{end + 1, shifted(is(end, "after") ? -1 : 1, Reference::narrative)};
      return f;
    }
    // A plain count of units: a duration. An article or "one" makes one
    // only where a length is expected ("for a week", "a week long").
    if (qty->is_article) {
      bool expected = i > 0 && is_any(i - 1, {"for", "within", "over", "after", "than", "about",
                                              "barely", "only", "just", "nearly", "another",
                                              "nearly", "almost", "least", "last", "lasted",
                                              "lasting", "took", "take", "takes", "spent",
                                              "spend", "around", "roughly", "approximately",
                                              "under", "in", "during", "up", "to", "some"});
      bool long_after = is_any(end, {"long", "old"});
      if (!expected && !long_after) return std::nullopt;
      if (i > 0 && is(i - 1, "in") && u->unit != Unit::year && u->unit != Unit::week &&
          u->unit != Unit::month && u->unit != Unit::day && u->unit != Unit::decade)
        return std::nullopt;
    }
    // "twice a week" is a set, handled elsewhere; "$5 a year" is a rate.
    if (i > 0 && is_any(i - 1, {"per", "times", "twice", "once"})) return std::nullopt;
    if (is(end, "old") || (is(end, "of") && is(end + 1, "age"))) return std::nullopt;
    // "the 1988 quarter": a year, not 1988 quarters.
    if (!u->is_plural && qty->value && *qty->value > 1) return std::nullopt;
    if (is(end, "long")) ++end;
    Reading r = literal(TimexType::duration, duration_value(qty->value, u->unit));
    r.mod = qty->mod;
    return Found{end, r};
  }

  // "each Thursday", "every day", "daily", "twice a week", "every two weeks".
  Opt set_expression(std::size_t i) {
    if (!can_start(i, kSetExpression)) return std::nullopt;
    Word w = word(i);
    if (w == "each" || w == "every") {
      std::size_t k = i + 1;
      if (is(k, "other")) ++k;
      if (NameWord wd = lex(k).weekday; wd.value && !wd.is_abbreviation && is_capital(k)) {
        Reading r = literal(TimexType::set, "XXXX-WXX-" + std::to_string(wd.value));
        std::size_t end = k + 1;
        if (std::string_view pod = lex(end).part_of_day; !pod.empty()) {
          r.literal += "T" + std::string(pod);
          ++end;
        }
        return Found{end, r};
      }
      if (auto m = month_at(k)) {
        std::string mm = (m->month < 10 ? "0" : "") + std::to_string(m->month);
        return Found{m->end, literal(TimexType::set, "XXXX-" + mm)};
      }
      if (int s = lex(k).season; s >= 0)
        return Found{k + 1, literal(TimexType::set, "XXXX-" + std::string(season_code(s)))};
      if (std::string_view pod = lex(k).part_of_day; !pod.empty())
        return Found{k + 1, literal(TimexType::set, "XXXX-XX-XXT" + std::string(pod))};
      std::optional<int> count = 1;
      if (auto qty = quantity_at(k); qty && !qty->is_article) {
        count = qty->value;
        k = qty->end;
      }
      if (auto u = unit_at(k)) {
        if (u->unit == Unit::weekend) return Found{u->end, literal(TimexType::set, "XXXX-WXX-WE")};
        return Found{u->end, literal(TimexType::set, duration_value(count, u->unit))};
      }
      return std::nullopt;
    }
    struct Adverb {
      Kw word;
      std::string_view value;
    };
    static constexpr Adverb adverbs[] = {
        {"daily", "P1D"},   {"weekly", "P1W"},   {"monthly", "P1M"}, {"yearly", "P1Y"},
        {"annually", "P1Y"}, {"hourly", "PT1H"},
        {"nightly", "XXXX-XX-XXTNI"},
    };
    for (const Adverb& adverb : adverbs) {
      if (w != adverb.word) continue;
      // "the daily Izvestia", "a weekly magazine": a kind of publication.
      if (i > 0 && is_any(i - 1, {"the", "a", "an", "its", "his", "her", "their", "our"}))
        return std::nullopt;
      if (is_capital(i) && !starts_sentence(i)) return std::nullopt;
      return Found{i + 1, literal(TimexType::set, std::string(adverb.value))};
    }
    std::optional<Quantity> qty;
    if (w != "twice" && w != "once") qty = quantity_at(i);
    if (w == "twice" || w == "once" || (qty && is(qty->end, "times"))) {
      std::size_t k = w == "twice" || w == "once" ? i + 1 : qty->end + 1;
      if (is_any(k, {"a", "an", "per", "each", "every"})) {
        if (auto u = unit_at(k + 1); u && !u->is_plural)
          return Found{u->end, literal(TimexType::set, duration_value(1, u->unit))};
      }
    }
    return std::nullopt;
  }

  // Fixed and movable holidays that news dates events by.
  Opt holiday(std::size_t i) {
    if (!can_start(i, kHoliday)) return std::nullopt;
    if (!is_capital(i)) return std::nullopt;
    Reading r;
    r.granularity = Granularity::day;
    Word w = word(i);
    std::size_t end = i + 1;
    auto fixed = [&](int m, int d) {
      r.month = m;
      r.day = d;
    };
    if (w == "christmas") {
      if (is(end, "eve")) {
        fixed(12, 24);
        ++end;
      } else {
        fixed(12, 25);
        if (is(end, "day")) ++end;
      }
    } else if (w == "new" && is(i + 1, "year") && is(i + 2, "'") && is(i + 3, "s") &&
               is_any(i + 4, {"day", "eve"})) {
      if (is(i + 4, "eve")) fixed(12, 31);
      else fixed(1, 1);
      end = i + 5;
    } else if (w == "thanksgiving") {
      r.month = 11;
      r.weekday = 4;
      r.nth = 4;
      if (is(end, "day")) ++end;
    } else if (w == "independence" && is(end, "day") && is_capital(end)) {
      fixed(7, 4);
      ++end;
    } else if (w == "halloween") {
      fixed(10, 31);
    } else if (w == "memorial" && is(end, "day") && is_capital(end)) {
      r.month = 5;
      r.weekday = 1;
      r.nth = -1;
      ++end;
    } else if (w == "labor" && is(end, "day") && is_capital(end)) {
      r.month = 9;
      r.weekday = 1;
      r.nth = 1;
      ++end;
    } else if (w == "valentine" && is(end, "'") && is(end + 1, "s") && is(end + 2, "day")) {
      fixed(2, 14);
      end += 3;
    } else {
      return std::nullopt;
    }
    std::size_t k = skip_comma(end);
    if (auto y = year_digits_at(k)) {
      r.year = *y;
      end = k + 1;
    }
    return Found{end, r};
  }

  // "10 p.m.", "8:23am EDT", "10:35 a.m.", "23:35 GMT", "noon", "midnight".
  Opt clock_time(std::size_t i) {
    if (!can_start(i, kClockTime)) return std::nullopt;
    Reading r;
    r.type = TimexType::time;
    r.granularity = Granularity::day;
    r.is_relative = true;  // the reference day, unless a date is joined to it
    r.reference = Reference::narrative;
    if (is_any(i, {"noon", "midday", "midnight"}) && tokens_[i].is_capitalized &&
        !starts_sentence(i))
      return std::nullopt;  // "High Noon"
    if (is(i, "noon") || is(i, "midday")) {
      r.hour = 12;
      r.minute = 0;
      return Found{i + 1, r};
    }
    if (is(i, "midnight")) {
      r.hour = 24;
      r.minute = 0;
      return Found{i + 1, r};
    }
    if (!is_number(i) || tokens_[i].digits > 2) return std::nullopt;
    if (i > 0 && glued(i) && is_any(i - 1, {":", ".", "$", ","})) return std::nullopt;
    int h = number(i);
    int m = 0;
    std::size_t j = i + 1;
    bool has_minutes = false;
    if (is(j, ":") && glued(j) && is_number(j + 1) && glued(j + 1) && tokens_[j + 1].digits == 2) {
      m = number(j + 1);
      if (m > 59) return std::nullopt;
      has_minutes = true;
      j += 2;
    }
    // a.m. / p.m. / am / pm, glued or not, with or without the periods.
    int meridiem = 0;  // 1 am, 2 pm
    if (is_any(j, {"am", "pm"}) && !tokens_[j].is_capitalized) {
      meridiem = is(j, "am") ? 1 : 2;
      ++j;
    } else if (is_any(j, {"am", "pm"}) && tokens_[j].is_all_caps) {
      meridiem = is(j, "am") ? 1 : 2;
      ++j;
    } else if (is_any(j, {"a", "p"}) && is(j + 1, ".") && glued(j + 1) && is(j + 2, "m") &&
               glued(j + 2)) {
      meridiem = is(j, "a") ? 1 : 2;
      j += 3;
      if (is(j, ".") && glued(j)) {
        // the period ends "p.m." unless it ends the sentence too; keep it.
        ++j;
      }
    } else if (is(j, "o") && is(j + 1, "'") && is(j + 2, "clock")) {
      j += 3;
      meridiem = 3;
    }
    if (meridiem == 0 && !has_minutes) return std::nullopt;
    if (meridiem == 1 || meridiem == 2) {
      if (h < 1 || h > 12) return std::nullopt;
      if (meridiem == 2 && h != 12) h += 12;
      if (meridiem == 1 && h == 12) h = 0;
    } else if (h > 23) {
      return std::nullopt;
    }
    bool has_zone = false;
    if (is_word(j) && tokens_[j].is_all_caps) {
      has_zone = is_any(j, {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc",
                            "bst", "cet", "cest", "msk", "et", "pt", "ct", "z"});
      if (has_zone) ++j;
    }
    // A bare "12:30" is a score or a verse as often as a time: it needs a zone,
    // "at" before it, or a date before it (joined by `extend`).
    if (meridiem == 0 && !has_zone && !(i > 0 && is_any(i - 1, {"at", "by", "until", "from"})) &&
        !(i > 0 && tokens_[i - 1].kind == TokenKind::number))
      return std::nullopt;
    r.hour = h;
    r.minute = m;
    return Found{j, r};
  }
};

}  // namespace

std::vector<Match> recognize(const std::vector<Token>& tokens, NumericDateOrder order) {
  return Recognizer(tokens, order).run();
}

}  // namespace eventgraph::detail
