// Internal to extract; use extract.h.
// Event types as data: CAMEO code, trigger phrases, and how the slots
// around a trigger fill roles. A new type is an entry in a lexicon file
// ("event_types"), not new code (the TABARI/PETRARCH verb dictionaries).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/types.h"

namespace eventgraph::detail {

// A trigger phrase as lowercase words; "*" stands for a gap of up to
// kMaxTriggerGap words ("launched * airstrikes" matches "launched its
// first airstrikes").
struct TriggerRule {
  std::vector<std::string> words;
  bool is_noun = false;  // "meeting", "airstrikes": no tense of its own
  // Speech verbs that are speech only beside a quotation ("he added").
  bool is_quote_only = false;
};

inline constexpr std::size_t kMaxTriggerGap = 3;

struct EventTypeRule {
  std::string type;   // "meeting"
  std::string cameo;  // "040"
  std::string label;  // "Meeting"
  Role subject_role = Role::agent;  // who comes before the trigger
  Role object_role = Role::patient;  // the first actor after it
  bool is_speech = false;      // statements: speaker, recipient, quote
  bool needs_subject = false;  // statements need a speaker
  bool gathers_participants = false;  // meetings: every coordinated actor takes part
  std::vector<TriggerRule> triggers;
};

struct TriggerRef {
  std::size_t type_index = 0;
  std::size_t trigger_index = 0;
};

// Hashes a std::string and a std::string_view alike, so that a map keyed
// by strings is searched with a view (no string made per lookup); FNV-1a
// inline, cheaper than std::hash's out-of-line call on words this short.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : s) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<std::size_t>(hash ^ (hash >> 32));
  }
};

struct EventRules {
  std::vector<EventTypeRule> types;  // in the order first defined
  // First word of each trigger -> the triggers that start with it, in the
  // order defined. Looked up once per token and never iterated, so a hash
  // map (the sorted map cost a dozen string comparisons per token).
  std::unordered_map<std::string, std::vector<TriggerRef>, StringHash, std::equal_to<>> by_first_word;
  // A bit per hash of each key of by_first_word (its first eight bytes, as
  // load_word_bytes() reads them, and its size): a word whose bit is clear
  // starts no trigger, and nine words in ten are answered so, without
  // hashing the whole word for the map (a quarter of event finding).
  std::array<std::uint64_t, 128> first_word_bits{};

  static std::size_t first_word_bit(std::uint64_t first_bytes, std::size_t size) {
    return static_cast<std::size_t>(((first_bytes ^ (size * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL) >> 51);
  }
  bool may_start_trigger(std::uint64_t first_bytes, std::size_t size) const {
    const std::size_t bit = first_word_bit(first_bytes, size);
    return (first_word_bits[bit >> 6] >> (bit & 63)) & 1;
  }
};

// Adds the "event_types" section of one lexicon JSON file to `into`; a type
// already defined is updated: its fields replaced where given, its
// triggers extended. Bad entries are reported (with line and column) and
// skipped.
void parse_event_rules(std::string_view json, const std::string& source, EventRules& into,
                       std::vector<Diagnostic>& diagnostics);

}  // namespace eventgraph::detail
