// Internal to time; use time/time.h.
// The resources of the time stage as data: names of months, weekdays,
// seasons and parts of the day, number words, units, and the words that
// mark a clause's tense. Every lookup takes a lower-cased ASCII word.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace eventgraph::detail {

enum class Unit : std::uint8_t {
  none, second, minute, hour, day, weekend, week, month, quarter, half, season, year, decade,
  century
};

struct UnitWord {
  Unit unit = Unit::none;
  bool is_plural = false;
};

// "days" -> {day, plural}; "fortnight" is two weeks and so is not here.
UnitWord unit_word(std::string_view word);

struct NameWord {
  int value = 0;  // month 1-12, ISO weekday 1 (Monday) - 7; 0 when not a name
  bool is_abbreviation = false;  // "Sept", "Tues": wants a period or a number beside it
  bool is_plural = false;        // "Tuesdays": a set, not a day
};
NameWord month_word(std::string_view word);
NameWord weekday_word(std::string_view word);

// 0 spring, 1 summer, 2 fall, 3 winter (the TIMEX3 order SP, SU, FA, WI); -1 none.
int season_word(std::string_view word);
std::string_view season_code(int season);

// TIMEX3 part-of-day code: "MO", "AF", "EV", "NI", "MI"; empty when none.
std::string_view part_of_day_word(std::string_view word);

// "one".."nineteen", "twenty".."ninety", "hundred", "thousand", "dozen"; -1 none.
int cardinal_word(std::string_view word);
// "first".."twentieth", "thirtieth", "last" is not one; -1 none.
int ordinal_word(std::string_view word);
// "twenties".."nineties" -> 2..9; -1 none.
int decade_word(std::string_view word);

// Every word the lookups of this header know (units, months, weekdays,
// seasons, parts of the day, number words, decades, tense words and the
// "-ed" non-verbs), so a caller can classify a token once.
std::span<const std::string_view> lexicon_words();

// TIMEX3 unit letter of a duration ("Y", "M", "W", "D", "H", "M" after "T").
// Returns the multiplier for units TIMEX3 spells with another letter
// (a decade is "P10Y", a quarter "P3M").
struct DurationUnit {
  char letter = 'X';
  bool is_time = false;  // written after "T"
  int factor = 1;
};
DurationUnit duration_unit(Unit unit);

enum class Tense : std::uint8_t { none, past, present, future };

// The tense a single word gives its clause: "said" past, "will" future,
// "is" present; none for most words. Regular past forms ("-ed") are
// recognized by the caller, which sees the neighbouring words.
Tense tense_word(std::string_view word);

// Words that look like a regular past ("-ed") but are not verbs.
bool is_ed_non_verb(std::string_view word);

}  // namespace eventgraph::detail
