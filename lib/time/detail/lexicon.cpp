// The word lists of the time stage. Kept as sorted-free small tables:
// lookups go through one hash map built on first use.
#include "time/detail/lexicon.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include <unordered_map>

namespace eventgraph::detail {
namespace {

struct Entry {
  std::string_view word;
  int value;
};

// A word table with a filter in front: most words of a text are in no
// table, and the recognizer asks about each of them many times. A word
// passes the filter only if some entry has its length and its first and
// last letters, so nearly all of them are turned away without hashing.
// (Profiled: these lookups were about a tenth of extraction's instructions.)
class Table {
 public:
  int find(std::string_view word, int missing) const {
    if (word.empty()) return missing;
    bool filtered = word.size() < kMaxLength;
    if (filtered && (!(first_[word.size()] & letter_bit(word.front())) ||
                     !(last_[word.size()] & letter_bit(word.back())))) {
      return missing;
    }
    auto it = map_.find(word);
    return it == map_.end() ? missing : it->second;
  }
  bool contains(std::string_view word) const { return find(word, kAbsent) != kAbsent; }
  void add(std::string_view word, int value) {
    map_.emplace(word, value);
    if (word.empty() || word.size() >= kMaxLength) return;  // looked up without the filter
    first_[word.size()] |= letter_bit(word.front());
    last_[word.size()] |= letter_bit(word.back());
  }

 private:
  static constexpr std::size_t kMaxLength = 32;
  static constexpr int kAbsent = -2147483647 - 1;
  // One bit per byte value class: letters a-z, and one bit for anything else.
  static std::uint32_t letter_bit(char c) {
    return c >= 'a' && c <= 'z' ? std::uint32_t{1} << (c - 'a') : std::uint32_t{1} << 26;
  }
  std::unordered_map<std::string_view, int> map_;
  std::uint32_t first_[kMaxLength] = {};
  std::uint32_t last_[kMaxLength] = {};
};

Table make_table(std::span<const Entry> entries) {
  Table table;
  for (const Entry& e : entries) table.add(e.word, e.value);
  return table;
}

int lookup(const Table& table, std::string_view word, int missing) { return table.find(word, missing); }

constexpr Entry kUnitWords[] = {
    {"second", 1}, {"seconds", -1}, {"minute", 2}, {"minutes", -2}, {"min", 2},
    {"mins", -2}, {"hour", 3}, {"hours", -3}, {"hr", 3}, {"hrs", -3}, {"day", 4},
    {"days", -4}, {"weekend", 5}, {"weekends", -5}, {"week", 6}, {"weeks", -6},
    {"month", 7}, {"months", -7}, {"quarter", 8}, {"quarters", -8}, {"year", 11},
    {"years", -11}, {"yr", 11}, {"yrs", -11}, {"decade", 12}, {"decades", -12},
    {"century", 13}, {"centuries", -13},
};

constexpr Entry kMonthWords[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
    {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", -1}, {"feb", -2}, {"mar", -3},
    {"apr", -4}, {"jun", -6}, {"jul", -7}, {"aug", -8}, {"sep", -9}, {"sept", -9},
    {"oct", -10}, {"nov", -11}, {"dec", -12},
};

constexpr Entry kWeekdayWords[] = {
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
    {"saturday", 6}, {"sunday", 7}, {"mondays", 11}, {"tuesdays", 12},
    {"wednesdays", 13}, {"thursdays", 14}, {"fridays", 15}, {"saturdays", 16},
    {"sundays", 17}, {"mon", -1}, {"tue", -2}, {"tues", -2}, {"wed", -3}, {"thu", -4},
    {"thur", -4}, {"thurs", -4}, {"fri", -5}, {"sat", -6}, {"sun", -7},
};

constexpr Entry kSeasonWords[] = {
    {"spring", 0}, {"summer", 1}, {"fall", 2}, {"autumn", 2}, {"winter", 3},
};

constexpr Entry kCardinalWords[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
    {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
    {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
    {"thousand", 1000}, {"dozen", 12},
};

constexpr Entry kOrdinalWords[] = {
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5},
    {"sixth", 6}, {"seventh", 7}, {"eighth", 8}, {"ninth", 9}, {"tenth", 10},
    {"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13}, {"fourteenth", 14},
    {"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18},
    {"nineteenth", 19}, {"twentieth", 20}, {"thirtieth", 30},
};

constexpr Entry kDecadeWords[] = {
    {"twenties", 2}, {"thirties", 3}, {"forties", 4}, {"fifties", 5},
    {"sixties", 6}, {"seventies", 7}, {"eighties", 8}, {"nineties", 9},
};

// Irregular past forms common in news, and the auxiliaries and verbs
// that put a clause in the future ("is expected to", "plans to"):
// 1 past, 2 present, 3 future.
constexpr Entry kTenseWords[] = {
    {"said", 1}, {"told", 1}, {"was", 1}, {"were", 1}, {"had", 1}, {"did", 1},
    {"met", 1}, {"made", 1}, {"came", 1}, {"went", 1}, {"took", 1}, {"gave", 1},
    {"got", 1}, {"saw", 1}, {"left", 1}, {"began", 1}, {"held", 1}, {"won", 1},
    {"lost", 1}, {"spoke", 1}, {"sent", 1}, {"led", 1}, {"fell", 1}, {"rose", 1},
    {"became", 1}, {"brought", 1}, {"found", 1}, {"thought", 1}, {"knew", 1},
    {"wrote", 1}, {"paid", 1}, {"sold", 1}, {"bought", 1}, {"struck", 1},
    {"hit", 1}, {"shot", 1}, {"ran", 1}, {"fought", 1}, {"flew", 1}, {"drew", 1},
    {"broke", 1}, {"chose", 1}, {"sought", 1}, {"stood", 1}, {"felt", 1},
    {"kept", 1}, {"meant", 1},
    {"ago", 1}, {"wasn", 1}, {"weren", 1}, {"didn", 1}, {"hadn", 1}, {"yesterday", 1},
    {"earlier", 1}, {"last", 1}, {"underwent", 1}, {"withdrew", 1}, {"overtook", 1},
    {"will", 3}, {"ll", 3}, {"shall", 3}, {"won", 1}, {"going", 3}, {"plans", 3},
    {"plan", 3}, {"planning", 3}, {"expects", 3}, {"expected", 3}, {"scheduled", 3},
    {"due", 3}, {"upcoming", 3}, {"tomorrow", 3}, {"next", 3}, {"would", 3},
    {"intends", 3}, {"hopes", 3}, {"aims", 3}, {"coming", 3},
    {"is", 2}, {"are", 2}, {"am", 2}, {"has", 2}, {"have", 2}, {"does", 2},
    {"says", 2}, {"tells", 2},
};

// Words that look like a regular past ("-ed") but are not verbs.
constexpr Entry kEdNonVerbs[] = {
    {"need", 1}, {"indeed", 1}, {"speed", 1}, {"seed", 1}, {"feed", 1}, {"breed", 1},
    {"bed", 1}, {"red", 1}, {"shed", 1}, {"hundred", 1}, {"proceed", 1},
    {"succeed", 1}, {"exceed", 1}, {"steed", 1}, {"greed", 1}, {"deed", 1},
    {"weed", 1}, {"creed", 1}, {"united", 1}, {"related", 1}, {"based", 1},
    {"armed", 1}, {"limited", 1}, {"advanced", 1}, {"detailed", 1}, {"alleged", 1},
    {"expected", 1}, {"scheduled", 1}, {"concerned", 1}, {"interested", 1},
    {"sacred", 1}, {"kindred", 1}, {"naked", 1}, {"wicked", 1}, {"rugged", 1},
    {"supposed", 1}, {"planned", 1}, {"used", 1},
};

}  // namespace

UnitWord unit_word(std::string_view word) {
  static const Table table = make_table(kUnitWords);
  int v = lookup(table, word, 0);
  if (v == 0) return {};
  return {static_cast<Unit>(v < 0 ? -v : v), v < 0};
}

NameWord month_word(std::string_view word) {
  // Negative: an abbreviation. "may" and "march" are also verbs; the
  // recognizer asks for a capital letter and a date-like neighbour.
  static const Table table = make_table(kMonthWords);
  int v = lookup(table, word, 0);
  return {v < 0 ? -v : v, v < 0, false};
}

NameWord weekday_word(std::string_view word) {
  // 1-7 a day; 11-17 its plural; negative an abbreviation.
  static const Table table = make_table(kWeekdayWords);
  int v = lookup(table, word, 0);
  if (v < 0) return {-v, true, false};
  if (v > 10) return {v - 10, false, true};
  return {v, false, false};
}

int season_word(std::string_view word) {
  static const Table table = make_table(kSeasonWords);
  return lookup(table, word, -1);
}

std::string_view season_code(int season) {
  static constexpr std::string_view codes[] = {"SP", "SU", "FA", "WI"};
  return season >= 0 && season < 4 ? codes[season] : "XX";
}

// The words part_of_day_word knows, for lexicon_words.
constexpr std::string_view kPartOfDayWords[] = {"morning", "dawn",      "afternoon", "evening",
                                                "night",   "overnight", "midday"};

std::string_view part_of_day_word(std::string_view word) {
  if (word == "morning" || word == "dawn") return "MO";
  if (word == "afternoon") return "AF";
  if (word == "evening") return "EV";
  if (word == "night" || word == "overnight") return "NI";
  if (word == "midday") return "MI";
  return {};
}

int cardinal_word(std::string_view word) {
  static const Table table = make_table(kCardinalWords);
  return lookup(table, word, -1);
}

int ordinal_word(std::string_view word) {
  static const Table table = make_table(kOrdinalWords);
  return lookup(table, word, -1);
}

int decade_word(std::string_view word) {
  static const Table table = make_table(kDecadeWords);
  return lookup(table, word, -1);
}

std::span<const std::string_view> lexicon_words() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> out;
    for (std::span<const Entry> table :
         {std::span<const Entry>(kUnitWords), std::span<const Entry>(kMonthWords),
          std::span<const Entry>(kWeekdayWords), std::span<const Entry>(kSeasonWords),
          std::span<const Entry>(kCardinalWords), std::span<const Entry>(kOrdinalWords),
          std::span<const Entry>(kDecadeWords), std::span<const Entry>(kTenseWords),
          std::span<const Entry>(kEdNonVerbs)}) {
      for (const Entry& e : table) out.push_back(e.word);
    }
    for (std::string_view w : kPartOfDayWords) out.push_back(w);
    return out;
  }();
  return words;
}

DurationUnit duration_unit(Unit unit) {
  switch (unit) {
    case Unit::second: return {'S', true, 1};
    case Unit::minute: return {'M', true, 1};
    case Unit::hour: return {'H', true, 1};
    case Unit::day: return {'D', false, 1};
    case Unit::weekend: return {'D', false, 2};
    case Unit::week: return {'W', false, 1};
    case Unit::month: return {'M', false, 1};
    case Unit::quarter: return {'M', false, 3};
    case Unit::half: return {'M', false, 6};
    case Unit::season: return {'M', false, 3};
    case Unit::year: return {'Y', false, 1};
    case Unit::decade: return {'Y', false, 10};
    case Unit::century: return {'Y', false, 100};
    case Unit::none: break;
  }
  return {};
}

Tense tense_word(std::string_view word) {
  static const Table table = make_table(kTenseWords);
  switch (lookup(table, word, 0)) {
    case 1: return Tense::past;
    case 2: return Tense::present;
    case 3: return Tense::future;
    default: return Tense::none;
  }
}

bool is_ed_non_verb(std::string_view word) {
  static const Table table = make_table(kEdNonVerbs);
  return table.contains(word);
}

}  // namespace eventgraph::detail
