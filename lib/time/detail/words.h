// Internal to time; use time/time.h.
// The words of the time stage, classified once: each token's text is
// looked up into a WordInfo that gives its rule-word id and every answer of
// the lexicon, so rules and the tense finder compare small integers.
// (Profiled: string compares, case folding and hashing were most of the
// time stage.)
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <vector>

#include "time/detail/lexicon.h"

namespace eventgraph::detail {

// The words rules test for; a word's id is its index (0: none of them).
inline constexpr std::string_view kKeywords[] = {
    "",
    ".", ",", "'", "-", "mid", "two", "thousand", "and", "few", "couple", "of", "number", "the",
    "early", "late", "to", "earlier", "in", "some", "up", "more", "less", "fewer", "than", "at",
    "least", "just", "over", "overnight", "on", "year", "last", "next", "s", "fiscal", "q",
    "quarter", "half", "period", "days", "end", "present", "past", "recent", "future", "term",
    "coming", "ahead", "same", "after", "night", "before", "weekend", "latest", "week", "most",
    "current", "long", "or", "old", "ago", "so", "from", "now", "later", "age", "other", "times",
    "eve", "day", "noon", "midday", "midnight", ":", "am", "m", "a", "o", "clock", "!", "?", "\"",
    "(", "--", "may", "march", "st", "nd", "rd", "th", "%", "$", "#", "/", "an", "hundred", "dozen",
    "several", "many", "dozens", "hundreds", "thousands", "additional", "extra", "further",
    "trading", "business", "working", "calendar", "beginning", "start", "middle", "close", "turn",
    "outset", "dawn", "midst", "month", "about", "around", "approximately", "roughly", "nearly",
    "almost", "under", "this", "since", "until", "till", "by", "during", "through", "between",
    "each", "every", "that", "throughout", "fy", "percent", "per", "dollars", "circa", "summer",
    "spring", "winter", "autumn", "fall", "'s", "no", "flight", "route", "page", "pp", "resolution",
    "article", "room", "channel", "model", "highway", "interstate", "section", "code", "century",
    "latter", "comparable", "corresponding", "prior", "near", "distant", "foreseeable", "immediate",
    "short", "previous", "following", "preceding", "full", "entire", "whole", "ended", "ending",
    "ends", "which", "first", "final", "his", "her", "their", "its", "our", "my", "your", "these",
    "those", "for", "within", "take", "takes", "took", "lasted", "spent", "spend", "years",
    "decades", "months", "weeks", "barely", "only", "another", "lasting", "twice", "once", "pm",
    "p", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
    "msk", "et", "pt", "ct", "z", "today", "tomorrow", "yesterday", "tonight", "currently",
    "presently", "nowadays", "recently", "lately", "christmas", "new", "thanksgiving",
    "independence", "halloween", "memorial", "labor", "valentine", "daily", "weekly", "monthly",
    "yearly", "annually", "hourly", "nightly",
    // for the tense of a clause (tense.cpp)
    "won", "t", "will", "would", "shall", "ll", "held", "be", "been", "have", "not", "also", "soon",
};

consteval std::uint16_t keyword_id(std::string_view word) {
  for (std::size_t k = 1; k < std::size(kKeywords); ++k)
    if (kKeywords[k] == word) return static_cast<std::uint16_t>(k);
  throw "a rule word missing from kKeywords";  // a compile error, not a runtime one
}

// A rule word, its id found at compile time: is(i, "the") compares ids.
struct Kw {
  consteval Kw(const char* word) : id(keyword_id(word)) {}
  std::uint16_t id;
};

// A set of rule words, one bit per id, built at compile time:
// is_any(i, {"a", "an"}) tests one bit.
struct KwSet {
  static constexpr std::size_t kWords = (std::size(kKeywords) + 63) / 64;
  consteval KwSet(std::initializer_list<Kw> words) {
    for (Kw w : words) bits[w.id / 64] |= std::uint64_t{1} << (w.id % 64);
  }
  bool contains(std::uint16_t id) const { return (bits[id / 64] >> (id % 64)) & 1; }
  std::uint64_t bits[kWords] = {};
};

// A token's rule-word id, comparable with a Kw: `w == "today"`.
struct Word {
  std::uint16_t id;
  friend bool operator==(Word a, Kw b) { return a.id == b.id; }
};

// The rules, one bit each, for the set of rules that can match from a token.
enum Rule : std::uint32_t {
  kCalendarDate = 1u << 0,
  kNumericDate = 1u << 1,
  kWeekdayName = 1u << 2,
  kYearAlone = 1u << 3,
  kDecade = 1u << 4,
  kSeason = 1u << 5,
  kQuarterOrHalf = 1u << 6,
  kDeictic = 1u << 7,
  kComparison = 1u << 8,
  kCounted = 1u << 9,
  kSetExpression = 1u << 10,
  kHoliday = 1u << 11,
  kClockTime = 1u << 12,
  kPositionModified = 1u << 13,
  kEarlierLater = 1u << 14,
  kQuantityModified = 1u << 15,
  kTheCore = 1u << 16,  // "the" before a core (Recognizer::top)
};

// Every rule that reads a number first: a number token may start any of them.
inline constexpr std::uint32_t kNumberRules = kCalendarDate | kNumericDate | kYearAlone |
                                              kDecade | kQuarterOrHalf | kComparison | kCounted |
                                              kSetExpression | kClockTime;

// Everything the rules ask about one token's lower-cased text.
struct WordInfo {
  std::uint16_t keyword = 0;  // index in kKeywords, 0 when none
  bool is_start = false;      // a word some rule may start at
  std::uint32_t rules = 0;    // rules that can match from this word (rules_from)
  NameWord month;             // month_word
  NameWord weekday;           // weekday_word
  UnitWord unit;              // unit_word
  int season = -1;            // season_word
  int cardinal = -1;          // cardinal_word
  int ordinal = -1;           // ordinal_word
  int decade = -1;            // decade_word
  std::string_view part_of_day;  // part_of_day_word
  Tense tense = Tense::none;     // tense_word
  bool is_ed_non_verb = false;   // is_ed_non_verb
};

// The WordInfo of the many words no rule and no table knows (and of what
// lies past the last token).
inline constexpr WordInfo kNoWord{};

// What a number token is to the rules: no word, the start of any rule that
// reads a number first.
inline constexpr WordInfo kNumberWord = [] {
  WordInfo info;
  info.is_start = true;
  info.rules = kNumberRules;
  return info;
}();

// The first min(8, size) bytes of `word` in an integer, the rest zero: what
// the word table compares first.
inline std::uint64_t head_of(std::string_view word) {
  std::uint64_t head = 0;
  if (!word.empty()) std::memcpy(&head, word.data(), word.size() < 8 ? word.size() : 8);
  return head;
}

// Bytes readable after a word for padded_head_of.
inline constexpr std::size_t kWordPadding = 8;
// head_of for a word followed by kWordPadding readable bytes (of any value):
// one 8-byte load.
inline std::uint64_t padded_head_of(std::string_view word) {
  std::uint64_t head;
  std::memcpy(&head, word.data(), 8);
  if (word.size() >= 8) return head;
  // Keep the word's own bytes: the first ones in memory.
  std::uint64_t keep = (std::uint64_t{1} << (8 * word.size())) - 1;
  if constexpr (std::endian::native == std::endian::big)
    keep = ~(~std::uint64_t{0} >> (8 * word.size()));
  return head & keep;
}

// Every word a rule tests for or the lexicon knows, with its WordInfo:
// built once from the lexicon's own lookups, so the answers are the
// lexicon's. Open addressing with a cheap hash, inline: it holds a few
// hundred words and is asked about every token.
class WordTable {
 public:
  WordTable();

  // The WordInfo of a single ASCII byte's token (punctuation).
  const WordInfo& find_ascii(unsigned char c) const { return *ascii_[c & 0x7F]; }

  // The WordInfo of `word`, whose head_of is `head`; kNoWord when no rule
  // and no table knows it. A word of more than 8 bytes is compared in full
  // once its head and size match.
  const WordInfo& find(std::string_view word, std::uint64_t head) const {
    if (word.empty()) return kNoWord;
    return find_word(word, head);
  }

  // find for a word known not to be empty (the tokenizer's words).
  const WordInfo& find_word(std::string_view word, std::uint64_t head) const {
    for (std::size_t k = hash(word, head);; k = (k + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[k];
      if (slot.size == 0) return kNoWord;
      if (slot.head == head && slot.size == word.size() &&
          (word.size() <= 8 || slot.word == word))
        return slot.info;
    }
  }

 private:
  static constexpr std::size_t kSlots = 2048;  // a power of two, well above the words
  static constexpr int kSlotBits = 11;
  struct Slot {
    std::uint64_t head = 0;
    std::size_t size = 0;  // 0: a free slot
    std::string_view word;
    WordInfo info;
  };

  // From the head, the size and (past 8 bytes) the last 8 bytes: a few
  // instructions a word, where hashing every byte was a tenth of the stage.
  static std::size_t hash(std::string_view word, std::uint64_t head) {
    std::uint64_t h = head ^ (word.size() * 0x9E3779B97F4A7C15ull);
    if (word.size() > 8) {
      std::uint64_t tail;
      std::memcpy(&tail, word.data() + word.size() - 8, 8);
      h ^= tail * 0xC2B2AE3D27D4EB4Full;
    }
    return static_cast<std::size_t>((h * 0xFF51AFD7ED558CCDull) >> (64 - kSlotBits));
  }

  void add(std::string_view w);

  std::vector<Slot> slots_;
  const WordInfo* ascii_[128] = {};  // find of each one-byte word
};

// The table, built on first use.
const WordTable& word_table();

// The WordInfo of a word or punctuation token's lower-cased text; kNoWord
// when no rule and no table knows it.
inline const WordInfo& word_info(std::string_view lower) {
  return word_table().find(lower, head_of(lower));
}

}  // namespace eventgraph::detail
