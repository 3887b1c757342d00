// Internal to time; use time/time.h.
// A Reading is a recognized time expression before resolution: what the
// words say ("the Tuesday before the reference", "two years back from the
// publication day") with placeholders for what only the context can say.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/types.h"

namespace eventgraph::detail {

// Which way to look for a name that has no year ("Tuesday", "July").
enum class Direction {
  by_tense,      // the tense of the clause decides; none: the past for weekdays
  past,          // the latest one up to the reference ("this past spring")
  past_strict,   // the latest one before the reference ("last Tuesday")
  future,        // the first one from the reference on
  future_strict, // the first one after the reference ("next Friday")
  current,       // the one in the reference's week/year ("this Friday")
};

// What a relative expression counts from.
enum class Reference {
  document,   // the publication day: "yesterday", "last week"
  narrative,  // the last date the text gave: "the day before", "a year earlier"
};

// A TIMEX3 value that needs no calendar, held inline: Readings are copied
// and moved many times while rules compete, and with no string to own they
// copy as plain bytes. The longest value a rule writes is
// "XXXX-WXX-" + a number + "T" + a part of the day: 23 bytes for any int.
class LiteralValue {
 public:
  static constexpr std::size_t kCapacity = 23;

  LiteralValue() = default;
  LiteralValue(std::string_view value) { *this += value; }

  bool empty() const { return size_ == 0; }
  operator std::string_view() const { return {bytes_, size_}; }
  friend bool operator==(const LiteralValue& a, std::string_view b) {
    return std::string_view(a) == b;
  }

  // Throws std::length_error past kCapacity: a rule writing a longer value
  // is a bug.
  LiteralValue& operator+=(std::string_view more) {
    if (more.size() > kCapacity - size_) throw std::length_error("time literal too long");
    std::memcpy(bytes_ + size_, more.data(), more.size());
    size_ = static_cast<std::uint8_t>(size_ + more.size());
    return *this;
  }

 private:
  char bytes_[kCapacity] = {};
  std::uint8_t size_ = 0;
};

struct Reading {
  TimexType type = TimexType::date;
  Granularity granularity = Granularity::unknown;

  // Calendar fields the words give; the rest comes from the reference.
  std::optional<int> year;     // "2015"
  std::optional<int> month;    // 1-12
  std::optional<int> day;      // 1-31
  std::optional<int> weekday;  // ISO: 1 Monday .. 7 Sunday
  std::optional<int> nth;      // with weekday and month: 4 = fourth, -1 = last
  std::optional<int> season;   // 0 SP, 1 SU, 2 FA, 3 WI
  std::optional<int> quarter;  // 1-4
  std::optional<int> half;     // 1-2
  std::optional<int> decade;   // 199 for the 1990s
  std::optional<int> century;  // 19 for the twentieth century
  bool is_weekend = false;
  // "MO", "AF", "EV", "NI", "MI": static storage (part_of_day_word's or a
  // literal), so a Reading moves and copies with one string, not two.
  std::string_view part_of_day;
  std::optional<int> hour;  // 0-24
  std::optional<int> minute;

  // Relative to a reference: the granularity unit containing the reference,
  // moved by `offset` units ("last week": week, -1; "two years ago": -2).
  bool is_relative = false;
  int offset = 0;
  // "June last year": the year is the reference's year moved by this.
  std::optional<int> year_offset;
  Reference reference = Reference::document;
  Direction direction = Direction::by_tense;

  // "earlier this month" covers the month up to the reference day only,
  // "later this year" from it on.
  // "a year earlier", "the year-ago period": compares with the period the
  // text is about, so takes its granularity (a quarter, a day) when it has one.
  bool inherits_granularity = false;
  bool is_before_reference = false;
  bool is_after_reference = false;
  TimeMod mod = TimeMod::none;

  // A value that needs no calendar: "P4Y", "PRESENT_REF", "XXXX-WXX-4".
  LiteralValue literal;
};

// Copied as plain bytes (see LiteralValue).
static_assert(std::is_trivially_copyable_v<Reading>);

// A recognized expression: tokens [first_token, end_token).
struct Match {
  std::size_t first_token = 0;
  std::size_t end_token = 0;
  Reading reading;
};

}  // namespace eventgraph::detail
