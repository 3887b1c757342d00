// Internal to output; use the format headers.
// Numbers written as text the same way on every machine.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include "core/types.h"

namespace eventgraph::detail {

// A confidence in [0, 1] with two decimals: "0.85". Used where the value
// must be text (CSV cells, xsd:decimal literals), as events.json rounds it.
inline std::string two_decimals(double confidence) {
  long hundredths = std::lround(std::clamp(confidence, 0.0, 1.0) * 100);
  std::string out = std::to_string(hundredths / 100) + ".";
  long rest = hundredths % 100;
  out += static_cast<char>('0' + rest / 10);
  out += static_cast<char>('0' + rest % 10);
  return out;
}

// format_day(day), "YYYY-MM-DD", without snprintf for years 0 to 9999 (the
// writers format two days for every event and mention).
inline std::string day_text(date::sys_days day) {
  date::year_month_day ymd{day};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return format_day(day);
  auto month = static_cast<unsigned>(ymd.month());
  auto d = static_cast<unsigned>(ymd.day());
  return {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
          static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-',
          static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10), '-',
          static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
}

// PublicationTime::to_iso, its day by day_text.
inline std::string iso_text(const PublicationTime& t) {
  auto two_digits = [](std::string& out, long v) {
    out += static_cast<char>('0' + v / 10 % 10);
    out += static_cast<char>('0' + v % 10);
  };
  std::string out = day_text(t.local_day);
  if (!t.time_of_day) return out;
  long minutes = t.time_of_day->count();
  out += 'T';
  two_digits(out, minutes / 60);
  out += ':';
  two_digits(out, minutes % 60);
  out += ":00";
  if (t.utc_offset) {
    long off = t.utc_offset->count();
    out += off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    two_digits(out, off / 60);
    out += ':';
    two_digits(out, off % 60);
  }
  return out;
}

}  // namespace eventgraph::detail
