// Phase two of the time stage: placing a Reading on the calendar. All
// arithmetic is Howard Hinnant's date library (year_month_day, weekday,
// iso_week); this file only decides which day, week or month is meant.
#include "time/detail/resolve.h"

#include <date/iso_week.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace eventgraph::detail {
namespace {

using date::days;
using date::months;
using date::sys_days;
using date::years;

// A stretch of calendar: one unit of some granularity.
struct Period {
  sys_days first;
  sys_days last;
};

int year_of(sys_days d) { return static_cast<int>(date::year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return static_cast<unsigned>(date::year_month_day{d}.month()); }

sys_days first_of_month(int y, int m) {
  return sys_days{date::year{y} / date::month{static_cast<unsigned>(m)} / 1};
}
sys_days last_of_month(int y, int m) {
  return sys_days{date::year{y} / date::month{static_cast<unsigned>(m)} / date::last};
}
// Month arithmetic on (year, month) pairs without calendar code of our own.
date::year_month add_months(int y, int m, int n) {
  return date::year_month{date::year{y}, date::month{static_cast<unsigned>(m)}} + months{n};
}
int ym_year(date::year_month ym) { return static_cast<int>(ym.year()); }
int ym_month(date::year_month ym) { return static_cast<int>(static_cast<unsigned>(ym.month())); }

// Meteorological seasons, as TIMEX3 uses them: spring March-May, summer
// June-August, fall September-November, winter December to February (of
// the next year: "winter 2015" begins in December 2015).
Period season_period(int y, int s) {
  int start_month = 3 + 3 * s;
  date::year_month end = add_months(y, start_month, 2);
  return {first_of_month(y, start_month), last_of_month(ym_year(end), ym_month(end))};
}
// The season a day falls in, as (year, season).
std::pair<int, int> season_of(sys_days d) {
  int y = year_of(d);
  int m = static_cast<int>(month_of(d));
  if (m <= 2) return {y - 1, 3};
  if (m == 12) return {y, 3};
  return {y, (m - 3) / 3};
}

Period month_span(int y, int first_month, int count) {
  date::year_month end = add_months(y, first_month, count - 1);
  return {first_of_month(y, first_month), last_of_month(ym_year(end), ym_month(end))};
}

Period iso_week_period(sys_days d) {
  iso_week::year_weeknum_weekday w{d};
  sys_days monday = sys_days{w.year() / w.weeknum() / iso_week::mon};
  return {monday, monday + days{6}};
}

std::string pad(int value, int width) {
  std::string s = std::to_string(std::abs(value));
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return value < 0 ? "-" + s : s;
}

// The days of the unit of granularity `g` that contains `d`.
Period unit_period(sys_days d, Granularity g, bool is_weekend) {
  int y = year_of(d);
  int m = static_cast<int>(month_of(d));
  switch (g) {
    case Granularity::day: return {d, d};
    case Granularity::week: {
      Period p = iso_week_period(d);
      if (is_weekend) p.first = p.first + days{5};
      return p;
    }
    case Granularity::month: return month_span(y, m, 1);
    case Granularity::season: {
      auto [sy, s] = season_of(d);
      return season_period(sy, s);
    }
    case Granularity::quarter: {
      int q = (m - 1) / 3 + 1;
      return month_span(y, 3 * q - 2, 3);
    }
    case Granularity::half: {
      int h = m <= 6 ? 1 : 2;
      return month_span(y, 6 * h - 5, 6);
    }
    case Granularity::year: return month_span(y, 1, 12);
    case Granularity::decade: {
      int dec = y / 10;
      return {first_of_month(dec * 10, 1), last_of_month(dec * 10 + 9, 12)};
    }
    case Granularity::century: {
      int c = y / 100;
      return {first_of_month(c * 100, 1), last_of_month(c * 100 + 99, 12)};
    }
    case Granularity::unknown: break;
  }
  return {d, d};
}

// format_day's "YYYY-MM-DD" without its snprintf, for the years that are
// four digits; others go to format_day.
std::string day_value(sys_days d) {
  date::year_month_day ymd{d};
  int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return format_day(d);
  unsigned m = static_cast<unsigned>(ymd.month());
  unsigned day = static_cast<unsigned>(ymd.day());
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

// The TIMEX3 value of the unit of granularity `g` that contains `d`.
std::string unit_value(sys_days d, Granularity g, bool is_weekend) {
  int y = year_of(d);
  int m = static_cast<int>(month_of(d));
  switch (g) {
    case Granularity::day: return day_value(d);
    case Granularity::week: {
      iso_week::year_weeknum_weekday w{d};
      std::string v = pad(static_cast<int>(w.year()), 4) + "-W" +
                      pad(static_cast<int>(static_cast<unsigned>(w.weeknum())), 2);
      if (is_weekend) v += "-WE";
      return v;
    }
    case Granularity::month: return pad(y, 4) + "-" + pad(m, 2);
    case Granularity::season: {
      auto [sy, s] = season_of(d);
      return pad(sy, 4) + "-" + std::string(season_code(s));
    }
    case Granularity::quarter: return pad(y, 4) + "-Q" + std::to_string((m - 1) / 3 + 1);
    case Granularity::half: return pad(y, 4) + "-H" + std::to_string(m <= 6 ? 1 : 2);
    case Granularity::year: return pad(y, 4);
    case Granularity::decade: return pad(y / 10, 3);
    case Granularity::century: return pad(y / 100, 2);
    case Granularity::unknown: break;
  }
  return day_value(d);
}

// The first day of the unit a name with year `y` denotes ("July" of y,
// "summer" of y, "Thanksgiving" of y); nullopt when there is no such day.
std::optional<sys_days> named_in_year(const Reading& r, int y) {
  if (r.month && r.nth && r.weekday) {
    date::weekday wd{static_cast<unsigned>(*r.weekday % 7)};
    date::month mo{static_cast<unsigned>(*r.month)};
    if (*r.nth < 0) return sys_days{date::year{y} / mo / date::weekday_last{wd}};
    return sys_days{date::year{y} / mo / wd[static_cast<unsigned>(*r.nth)]};
  }
  if (r.month && r.day) {
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(*r.month)},
                             date::day{static_cast<unsigned>(*r.day)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
  }
  if (r.month) return first_of_month(y, *r.month);
  if (r.season) return season_period(y, *r.season).first;
  if (r.quarter) return first_of_month(y, 3 * *r.quarter - 2);
  if (r.half) return first_of_month(y, 6 * *r.half - 5);
  return first_of_month(y, 1);
}

Direction effective_direction(Direction d, Tense tense) {
  if (d != Direction::by_tense) return d;
  if (tense == Tense::past) return Direction::past;
  if (tense == Tense::future) return Direction::future;
  return Direction::by_tense;
}

// The year for a name given without one ("July", "Sept. 28", "summer"):
// the one the direction points to from the reference day, or, with no
// tense to go on, the nearest one (a news text talks about its own time).
std::optional<int> pick_year(const Reading& r, Granularity g, sys_days reference,
                             Direction direction, bool check_weekday = true) {
  int ry = year_of(reference);
  std::optional<int> best;
  long best_distance = 0;
  for (int y = ry - 1; y <= ry + 1; ++y) {
    auto first_day = named_in_year(r, y);
    if (!first_day) continue;
    // "Saturday, April 25": the year in which April 25 is a Saturday.
    if (check_weekday && r.weekday && r.day && !r.nth &&
        date::weekday{*first_day}.iso_encoding() != static_cast<unsigned>(*r.weekday))
      continue;
    // The days only: the value of a candidate year is never written.
    Period period = unit_period(*first_day, g, false);
    bool ok = true;
    switch (direction) {
      case Direction::past: ok = period.first <= reference; break;
      case Direction::past_strict: ok = period.last < reference; break;
      case Direction::future: ok = period.last >= reference; break;
      case Direction::future_strict: ok = period.first > reference; break;
      case Direction::current: ok = y == ry; break;
      case Direction::by_tense: break;
    }
    if (!ok) continue;
    long distance = 0;
    if (period.last < reference) distance = (reference - period.last).count();
    else if (period.first > reference) distance = (period.first - reference).count();
    bool is_better = !best;
    if (best) {
      if (direction == Direction::past || direction == Direction::past_strict) {
        is_better = y > *best;
      } else if (direction == Direction::future || direction == Direction::future_strict) {
        is_better = y < *best;
      } else {
        is_better = distance < best_distance;  // ties keep the earlier year: news leans past
      }
    }
    if (is_better) {
      best = y;
      best_distance = distance;
    }
  }
  if (!best && check_weekday && r.weekday && r.day) return pick_year(r, g, reference, direction, false);
  return best;
}

// The day of weekday `wd` (ISO) in the direction given from the reference.
sys_days pick_weekday(int wd, sys_days reference, Direction direction) {
  int today = static_cast<int>(date::weekday{reference}.iso_encoding());
  int back = (today - wd + 7) % 7;
  int ahead = (wd - today + 7) % 7;
  switch (direction) {
    case Direction::future: return reference + days{ahead};
    case Direction::future_strict: return reference + days{ahead == 0 ? 7 : ahead};
    case Direction::past_strict: return reference - days{back == 0 ? 7 : back};
    case Direction::current: return reference + days{wd - today};
    case Direction::past:
    case Direction::by_tense: break;
  }
  return reference - days{back};
}

sys_days shift(sys_days d, Granularity g, int n) {
  date::year_month_day ymd{d};
  int y = static_cast<int>(ymd.year());
  int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  auto month_shift = [&](int count) {
    date::year_month ym = add_months(y, m, count);
    return first_of_month(ym_year(ym), ym_month(ym));
  };
  switch (g) {
    case Granularity::day: return d + days{n};
    case Granularity::week: return d + days{7 * n};
    case Granularity::month: return month_shift(n);
    case Granularity::season:
    case Granularity::quarter: return month_shift(3 * n);
    case Granularity::half: return month_shift(6 * n);
    case Granularity::year: {
      // Keeps the day: "a year earlier" than Nov. 2 is Nov. 2; Feb. 29 -> Feb. 28.
      date::year_month_day moved = ymd + years{n};
      return moved.ok() ? sys_days{moved}
                        : sys_days{moved.year() / moved.month() / date::last};
    }
    case Granularity::decade: return first_of_month(y + 10 * n, 1);
    case Granularity::century: return first_of_month(y + 100 * n, 1);
    case Granularity::unknown: break;
  }
  return d;
}

// The value a reading has when nothing anchors it: "XXXX-WXX-2", "XXXX-07".
std::string unanchored_value(const Reading& r) {
  if (r.weekday && !r.month) return "XXXX-WXX-" + std::to_string(*r.weekday);
  std::string y = r.year ? pad(*r.year, 4) : "XXXX";
  if (r.month && r.day) return y + "-" + pad(*r.month, 2) + "-" + pad(*r.day, 2);
  if (r.month) return y + "-" + pad(*r.month, 2);
  if (r.season) return y + "-" + std::string(season_code(*r.season));
  if (r.quarter) return y + "-Q" + std::to_string(*r.quarter);
  if (r.half) return y + "-H" + std::to_string(*r.half);
  switch (r.granularity) {
    case Granularity::week: return "XXXX-WXX";
    case Granularity::month: return "XXXX-XX";
    case Granularity::year: return "XXXX";
    default: return "XXXX-XX-XX";
  }
}

// START, MID and END narrow a period to its first, middle or last third:
// "early September" is about the 1st to the 10th.
Period narrow(Period p, TimeMod mod) {
  long length = (p.last - p.first).count() + 1;
  if (length < 3) return p;
  long third = length / 3;
  switch (mod) {
    case TimeMod::start: return {p.first, p.first + days{third - 1}};
    case TimeMod::mid: return {p.first + days{third}, p.last - days{third}};
    case TimeMod::end: return {p.last - days{third - 1}, p.last};
    default: return p;
  }
}

}  // namespace

bool uses_tense(const Reading& r) {
  // As resolve below: a literal returns first, a relative reading shifts
  // the reference, and effective_direction reads the tense for by_tense only.
  return r.literal.empty() && !r.is_relative && r.direction == Direction::by_tense;
}

TimeValue resolve(const Reading& r, const ResolveContext& context) {
  TimeValue v;
  v.type = r.type;
  v.mod = r.mod;
  if (!r.literal.empty()) {
    v.value = r.literal;
    if (r.literal == "PRESENT_REF" && context.document_day) {
      v.earliest = v.latest = context.document_day;
      v.granularity = Granularity::day;
      v.anchor = TimeAnchor::publication_relative;
    }
    return v;
  }
  Granularity g = r.granularity;
  v.granularity = g;

  // Fully explicit: the words say it all.
  std::optional<sys_days> day;  // a day inside the meant unit
  bool is_explicit = r.year.has_value() && !r.is_relative;
  if (r.decade) {
    day = first_of_month(*r.decade * 10, 1);
    is_explicit = true;
  } else if (r.century) {
    day = first_of_month(*r.century * 100, 1);
    is_explicit = true;
  } else if (r.year && !r.is_relative) {
    day = named_in_year(r, *r.year);
  }

  // The reference the rest counts from.
  std::optional<sys_days> reference = context.document_day;
  v.anchor = TimeAnchor::publication_relative;
  if (r.inherits_granularity && context.narrative_any) {
    // "a year earlier" than a quarter is that quarter a year before; "a
    // year ago" in a report on a quarter is the year-ago quarter.
    Granularity n = context.narrative_granularity;
    bool is_period = n == Granularity::quarter || n == Granularity::half;
    bool is_finer = is_period || n == Granularity::day || n == Granularity::month;
    if (is_period || (r.reference == Reference::narrative && is_finer)) {
      g = n;
      v.granularity = g;
      reference = context.narrative_any;
      v.anchor = TimeAnchor::context_relative;
    }
  }
  if (r.reference == Reference::narrative && v.anchor != TimeAnchor::context_relative) {
    std::optional<sys_days> told =
        (g == Granularity::day) ? context.narrative_day : context.narrative_any;
    if (told) {
      reference = told;
      v.anchor = TimeAnchor::context_relative;
    }
  }
  if (is_explicit) v.anchor = TimeAnchor::explicit_date;

  if (!day && reference) {
    if (r.is_relative) {
      // Units of years shift by years, whatever granularity the result has.
      day = r.inherits_granularity ? shift(*reference, Granularity::year, r.offset)
                                   : shift(*reference, g, r.offset);
      if (r.year) {  // "the 1988 quarter": the quarter at hand, in 1988
        date::year_month_day ymd{*day};
        date::year_month_day moved{date::year{*r.year}, ymd.month(), ymd.day()};
        day = moved.ok() ? sys_days{moved} : sys_days{moved.year() / moved.month() / date::last};
      }
    } else if (r.weekday && !r.month) {
      Direction d = effective_direction(r.direction, context.tense);
      if (d == Direction::by_tense) d = Direction::past;  // news leans to the past
      day = pick_weekday(*r.weekday, *reference, d);
    } else {
      std::optional<int> y;
      if (r.year_offset) {
        y = year_of(*reference) + *r.year_offset;
      } else {
        // A day of the month or a quarter is placed nearest the reference
        // whatever the tense: deadlines and reporting periods are talked
        // about in every tense ("the rights expire Nov. 21", "expects to
        // report a third-quarter loss"). Months and seasons follow it.
        // The tense still wins when the nearest one is far on the other
        // side: "the year ended March 31" in November is the March before.
        Direction d = effective_direction(r.direction, context.tense);
        if (r.direction == Direction::by_tense && (r.day || r.nth || r.quarter || r.half)) {
          y = pick_year(r, g, *reference, Direction::by_tense);
          if (y && (d == Direction::past || d == Direction::future)) {
            auto first = named_in_year(r, *y);
            // Asymmetric, as news leans to the past: a past clause gives up a
            // date three months ahead, a future clause one six months back.
            constexpr long kFarAheadDays = 90;
            constexpr long kFarBackDays = 180;
            long ahead = first ? (*first - *reference).count() : 0;
            if ((d == Direction::past && ahead > kFarAheadDays) ||
                (d == Direction::future && ahead < -kFarBackDays)) {
              if (auto other = pick_year(r, g, *reference, d)) y = other;
            }
          }
        } else {
          y = pick_year(r, g, *reference, d);
        }
      }
      if (y) day = named_in_year(r, *y);
    }
  }
  if (!day) {
    v.value = unanchored_value(r);
    v.anchor = TimeAnchor::unknown;
    return v;
  }

  v.value = unit_value(*day, g, r.is_weekend);
  Period period = narrow(unit_period(*day, g, r.is_weekend), r.mod);
  if (reference && r.is_before_reference) period.last = std::min(period.last, *reference);
  if (reference && r.is_after_reference) period.first = std::max(period.first, *reference);
  v.earliest = period.first;
  v.latest = period.last;

  if (g == Granularity::day && r.hour) {
    v.value += "T" + pad(*r.hour, 2) + ":" + pad(r.minute.value_or(0), 2);
  } else if (g == Granularity::day && !r.part_of_day.empty()) {
    v.value += 'T';
    v.value += r.part_of_day;
  }
  return v;
}

}  // namespace eventgraph::detail
