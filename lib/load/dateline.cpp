// Finds the publication date that a byline or dateline states near the top
// of an article, for text files that come without metadata.
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "load/load.h"

namespace eventgraph {
namespace {

// Bylines and datelines sit above the body; a date further down is news,
// not the publication date. Lines longer than this are prose, not bylines.
constexpr std::size_t kMaxDatelineLines = 15;
constexpr std::size_t kMaxDatelineBytes = 160;

struct Word {
  std::string_view text;
  bool is_number = false;
};

std::vector<Word> split_words(std::string_view line) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (std::isdigit(c)) {
      std::size_t b = i;
      while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
      words.push_back({line.substr(b, i - b), true});
    } else if (std::isalpha(c)) {
      std::size_t b = i;
      while (i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]))) ++i;
      words.push_back({line.substr(b, i - b), false});
    } else if (c == ':' || c == '|' || c == ',' || c == '-' || c == '.') {
      words.push_back({line.substr(i, 1), false});
      ++i;
    } else {
      ++i;
    }
  }
  return words;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// 1-12 for an English month name or its abbreviation ("Sept"), else 0.
unsigned month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (unsigned m = 0; m < kNames.size(); ++m) {
    if (iequals(word, kNames[m])) return m + 1;
    if (word.size() == 3 && iequals(word, kNames[m].substr(0, 3))) return m + 1;
  }
  if (iequals(word, "sept")) return 9;
  return 0;
}

// UTC offset in minutes of a North American or European zone abbreviation.
std::optional<int> zone_offset_minutes(std::string_view word) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"UTC", 0},      {"GMT", 0},      {"Z", 0},        {"BST", 60},     {"CET", 60},
      {"CEST", 120},   {"EET", 120},    {"EEST", 180},   {"MSK", 180},    {"EDT", -240},
      {"EST", -300},   {"CDT", -300},   {"CST", -360},   {"MDT", -360},   {"MST", -420},
      {"PDT", -420},   {"PST", -480},   {"AKDT", -480},  {"AKST", -540},  {"HST", -600},
  };
  for (const Zone& z : kZones) {
    if (iequals(word, z.name)) return z.minutes;
  }
  return std::nullopt;
}

// Value of a run of ASCII digits; -1 when it has more digits than any field
// of a dateline (a fuzzer found that a long run overflowed an int).
int to_int(std::string_view digits) {
  if (digits.size() > 4) return -1;
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Reads "8:23am EDT", "23:35", "8:23 a.m. ET" from words[i...], filling the
// time of day and offset of `out`.
void read_clock(const std::vector<Word>& w, std::size_t i, PublicationTime& out) {
  while (i < w.size() && (w[i].text == "|" || w[i].text == "," || w[i].text == "-")) ++i;
  if (i + 2 >= w.size()) return;
  if (!(w[i].is_number && w[i + 1].text == ":" && w[i + 2].is_number)) return;
  if (w[i].text.size() > 2 || w[i + 2].text.size() != 2) return;
  int hours = to_int(w[i].text);
  int minutes = to_int(w[i + 2].text);
  if (hours > 23 || minutes > 59) return;
  i += 3;
  auto is_word = [&](std::size_t k, std::string_view s) { return k < w.size() && iequals(w[k].text, s); };
  bool pm = false;
  bool am = false;
  if (is_word(i, "pm") || is_word(i, "am")) {
    pm = is_word(i, "pm");
    am = !pm;
    ++i;
  } else if ((is_word(i, "p") || is_word(i, "a")) && is_word(i + 1, ".") && is_word(i + 2, "m")) {
    pm = is_word(i, "p");
    am = !pm;
    i += 3;
    if (is_word(i, ".")) ++i;
  }
  if ((am || pm) && (hours < 1 || hours > 12)) return;
  if (pm && hours != 12) hours += 12;
  if (am && hours == 12) hours = 0;
  out.time_of_day = std::chrono::minutes{hours * 60 + minutes};
  if (i < w.size()) {
    if (auto offset = zone_offset_minutes(w[i].text)) out.utc_offset = std::chrono::minutes{*offset};
  }
}

std::optional<PublicationTime> make_day(int year, unsigned month, int day) {
  if (year < 1900 || year > 2200 || day < 1 || day > 31) return std::nullopt;
  date::year_month_day ymd{date::year{year}, date::month{month}, date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  PublicationTime t;
  t.local_day = date::sys_days{ymd};
  return t;
}

// One line: "Month D, YYYY", "D Mon, YYYY" or "YYYY-MM-DD", each optionally
// followed by a clock time.
std::optional<PublicationTime> dateline_in_line(std::string_view line) {
  std::vector<Word> w = split_words(line);
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto skip_punct = [&](std::size_t k) {
      while (k < w.size() && (w[k].text == "," || w[k].text == ".")) ++k;
      return k;
    };
    if (unsigned month = month_number(w[i].text); month != 0) {
      std::size_t k = skip_punct(i + 1);
      if (k < w.size() && w[k].is_number && w[k].text.size() <= 2) {
        std::size_t y = skip_punct(k + 1);
        if (y < w.size() && w[y].is_number && w[y].text.size() == 4) {
          if (auto t = make_day(to_int(w[y].text), month, to_int(w[k].text))) {
            read_clock(w, y + 1, *t);
            return t;
          }
        }
      }
    }
    if (w[i].is_number && w[i].text.size() <= 2 && i + 1 < w.size()) {
      if (unsigned month = month_number(w[i + 1].text); month != 0) {
        std::size_t y = skip_punct(i + 2);
        if (y < w.size() && w[y].is_number && w[y].text.size() == 4) {
          if (auto t = make_day(to_int(w[y].text), month, to_int(w[i].text))) {
            read_clock(w, y + 1, *t);
            return t;
          }
        }
      }
    }
    if (w[i].is_number && w[i].text.size() == 4 && i + 4 < w.size() && w[i + 1].text == "-" &&
        w[i + 2].is_number && w[i + 3].text == "-" && w[i + 4].is_number &&
        w[i + 2].text.size() == 2 && w[i + 4].text.size() == 2) {
      auto month = static_cast<unsigned>(to_int(w[i + 2].text));
      if (month >= 1 && month <= 12) {
        if (auto t = make_day(to_int(w[i].text), month, to_int(w[i + 4].text))) {
          read_clock(w, i + 5, *t);
          return t;
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PublicationTime> find_dateline(std::string_view text) {
  std::size_t lines_seen = 0;
  std::size_t pos = 0;
  while (pos < text.size() && lines_seen < kMaxDatelineLines) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    ++lines_seen;
    if (line.size() > kMaxDatelineBytes) continue;
    if (auto t = dateline_in_line(line)) return t;
  }
  return std::nullopt;
}

}  // namespace eventgraph
