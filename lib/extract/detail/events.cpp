// Finds event mentions: triggers from the rules, then their clause, actors,
// place, time, quote and modality.
#include "extract/detail/events.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <clocale>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <span>

#include "extract/detail/ascii.h"
#include "extract/detail/word_set.h"

namespace eventgraph::detail {
namespace {

// ---- words -----------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether std::tolower lowers A-Z and nothing else, as in the C locale.
bool is_tolower_ascii() {
  const char* locale = std::setlocale(LC_CTYPE, nullptr);
  if (locale && (std::strcmp(locale, "C") == 0 || std::strcmp(locale, "POSIX") == 0)) return true;
  for (int byte = 0; byte < 256; ++byte) {
    if (std::tolower(byte) != (byte >= 'A' && byte <= 'Z' ? byte + 32 : byte)) return false;
  }
  return true;
}

// lower() of a whole document, then kLoweredPadding zero bytes: eight
// bytes at a time where std::tolower only lowers A-Z, else through a table
// of it.
std::string lower_text(std::string_view s) {
  if (is_tolower_ascii()) return lower_ascii_padded(s);
  std::array<char, 256> table{};
  for (int byte = 0; byte < 256; ++byte) table[byte] = static_cast<char>(std::tolower(byte));
  std::string out(s);
  for (char& c : out) c = table[static_cast<unsigned char>(c)];
  out.append(kLoweredPadding, '\0');
  return out;
}

template <std::size_t N>
bool is_one_of(std::string_view word, const WordSet<N>& words) {
  return words.contains(word);
}

// Words that open a new clause: relative pronouns, complementizers and
// subordinators. Commas do not: they also set off appositives, which stay
// inside the clause ("Obama, a harsh critic of Assad, met with Putin").
constexpr WordSet kClauseWords{std::to_array<std::string_view>({
    "who",    "which", "that",  "after",   "before", "when",     "while",
    "because", "since", "although", "though", "whereas", "unless", "until",
    "where",  "but",   "if",    "whom",    "whose",  "saying",   "as"})};

// Whether a token opens or closes a clause: punctuation that does, or one
// of kClauseWords. `w` views a padded text (ascii.h): its bytes are loaded
// once for the dashes and the word set.
bool is_clause_boundary(std::string_view w) {
  // "_" ends the dateline of older AP copy: "CANBERRA, Australia (AP)_ A
  // convention voted".
  if (w.size() == 1) return w[0] == ';' || w[0] == ':' || w[0] == '"' || w[0] == '-' || w[0] == '_';
  if (w.size() != 2 && w.size() != 3) return kClauseWords.contains_padded(w);
  const std::uint64_t key = load_word_bytes(w.data(), w.size());
  constexpr std::uint64_t kDashes = WordSet<1>::pack("--");
  constexpr std::uint64_t kEmDash = WordSet<1>::pack("\u2014");
  constexpr std::uint64_t kEnDash = WordSet<1>::pack("\u2013");
  if (w.size() == 2 ? key == kDashes : key == kEmDash || key == kEnDash) return true;
  return kClauseWords.contains_padded(w);
}

constexpr WordSet kPrepositions{std::to_array<std::string_view>({
    "of",   "in",     "to",      "with",    "for",    "against", "from",    "at",    "on",
    "during", "by",   "about",   "over",    "into",   "toward",  "towards", "across", "through",
    "under", "between", "among", "like",    "than",   "including", "near",  "inside", "onto"})};

constexpr WordSet kDeterminers{
    std::to_array<std::string_view>({"the", "a", "an", "his", "her", "its", "their", "this", "these"})};

constexpr WordSet kPlacePrepositions{
    std::to_array<std::string_view>({"in", "at", "over", "across", "into", "inside", "near"})};

// What may stand between a subject and its verb: auxiliaries and adverbs.
constexpr WordSet kVerbFillers{std::to_array<std::string_view>({
    "has",  "have",     "had",       "is",         "are",     "was",    "were",
    "will", "would",    "also",      "officially", "reportedly", "then", "later",
    "already", "just",  "unanimously", "quickly",  "now",     "been",   "has been",
    "initially", "again", "first",   "repeatedly", "formally"})};

constexpr WordSet kNegations{
    std::to_array<std::string_view>({"not", "never", "no", "n't", "cannot", "neither"})};
constexpr WordSet kHypotheticals{
    std::to_array<std::string_view>({"would", "could", "might", "may", "should", "if", "unless"})};
constexpr WordSet kFutures{std::to_array<std::string_view>({"will", "shall", "'ll", "going"})};
// Aims, plans and permissions: what they govern has not happened yet
// ("plans to use", "voted to let Putin send troops").
constexpr WordSet kPlans{std::to_array<std::string_view>({
    "plans",    "plan",      "planned",  "planning", "intends",  "intend",   "wants",   "want",
    "aims",     "seeks",     "ready",    "readying", "preparing", "prepared", "vowed",  "vowing",
    "promised", "threatened", "set",     "expected", "agreed",   "proposed", "let",     "allow",
    "allowed",  "authorize", "authorized", "permit"})};

constexpr WordSet kPronouns{std::to_array<std::string_view>({"he", "she", "they"})};

// ---- entity kinds ----------------------------------------------------------

bool has_prefix(std::string_view id, std::string_view prefix) { return id.starts_with(prefix); }
bool is_person(const EntityMention& m) { return has_prefix(m.entity_id, "person:"); }
bool is_placeish(const EntityMention& m) {
  return has_prefix(m.entity_id, "country:") || has_prefix(m.entity_id, "place:");
}

// ---- one sentence, prepared ------------------------------------------------

struct QuoteSegment {
  Span inner;  // between the marks
};

// Per token, in EventFinder's document-wide arrays (one allocation each per
// document, not per sentence).
struct SentenceView {
  std::size_t index = 0;
  Span span;
  const std::vector<Token>* tokens = nullptr;
  std::span<const std::string_view> words;  // lowercase token texts, into EventFinder::lowered_
  // Filled by mark_clauses(), only for sentences with a trigger: the others
  // never look (the clause-word test per token was a fifth of event
  // finding).
  std::span<const bool> is_boundary;        // token opens or closes a clause
  std::span<const bool> is_in_parens;
  // The tokens whose word may start a trigger (EventRules::may_start_trigger),
  // in order, into EventFinder::trigger_starts_: find_triggers() tries only
  // these.
  std::span<const std::uint32_t> trigger_starts;
  std::size_t first_mention = 0;            // [first_mention, end_mention) index EventInputs::entities
  std::size_t end_mention = 0;
  std::size_t paragraph = 0;
  bool has_quote = false;
  bool starts_with_quote = false;
};

struct Trigger {
  std::size_t type_index = 0;
  const TriggerRule* rule = nullptr;
  std::size_t first_token = 0;
  std::size_t last_token = 0;  // inclusive
};

class EventFinder {
 public:
  explicit EventFinder(const EventInputs& in) : in_(in) {}

  std::vector<EventMention> run() {
    prepare_sentences();
    find_quotes();
    std::vector<EventMention> out;
    for (SentenceView& s : sentences_) find_in_sentence(s, out);
    date_from_next_statement(out);
    return out;
  }

 private:
  const EventInputs& in_;
  // The text lowered byte by byte, as lower() does a token, and padded
  // (lower_text): the words of all sentences view into it, one copy per
  // document instead of a string per token. The entity pass's copy where
  // that is the same (the C locale), else own_lowered_.
  std::string_view lowered_;
  std::string own_lowered_;
  std::vector<std::string_view> words_;  // what the sentences' spans view
  std::vector<std::uint32_t> trigger_starts_;
  std::unique_ptr<bool[]> is_boundary_;
  std::unique_ptr<bool[]> is_in_parens_;
  std::vector<SentenceView> sentences_;
  std::vector<QuoteSegment> quotes_;
  // The time each speaker's last statement had: a briefing's later "Cook
  // said" belongs to the same day.
  std::map<std::string, TimeValue> speaker_time_;
  std::map<std::string, std::optional<Span>> speaker_time_span_;
  std::string last_speaker_;
  // mentions_in()'s tokens of the mentions of the sentence (view) `key` says.
  struct MentionTokensKey {
    const std::string_view* words = nullptr;
    std::size_t word_count = 0, first_mention = 0, end_mention = 0;
    bool operator==(const MentionTokensKey&) const = default;
  };
  mutable MentionTokensKey mention_tokens_for_;
  mutable std::vector<std::size_t> mention_first_, mention_last_;
  std::optional<std::size_t> last_statement_index_;  // into the output vector
  std::size_t last_statement_paragraph_ = 0;

  std::string_view text() const { return in_.text.text; }

  void prepare_sentences() {
    const SegmentedText& seg = in_.text;
    if (seg.lowered.size() == text().size() + kLoweredPadding && is_tolower_ascii()) {
      lowered_ = seg.lowered;
    } else {
      own_lowered_ = lower_text(text());
      lowered_ = own_lowered_;
    }
    const std::string_view lowered = lowered_;
    std::size_t token_count = 0;
    for (std::size_t i = 0; i < seg.sentences.size(); ++i) token_count += seg.tokens[i].size();
    words_.reserve(token_count);  // never reallocated: the spans stay valid
    trigger_starts_.reserve(token_count);
    is_boundary_ = std::make_unique<bool[]>(token_count);
    is_in_parens_ = std::make_unique<bool[]>(token_count);
    std::size_t paragraph = 0;
    std::size_t mention = 0;
    sentences_.reserve(seg.sentences.size());
    for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
      SentenceView& s = sentences_.emplace_back();
      s.index = seg.sentences[i].index;
      s.span = seg.sentences[i].span;
      s.tokens = &seg.tokens[i];
      if (i > 0) {
        // A byte or two between most sentences: a loop, not a call to memchr.
        const std::string_view gap = text().substr(seg.sentences[i - 1].span.end_byte,
                                                   s.span.begin_byte - seg.sentences[i - 1].span.end_byte);
        if (std::find(gap.begin(), gap.end(), '\n') != gap.end()) ++paragraph;
      }
      s.paragraph = paragraph;
      const std::size_t first = words_.size();
      const std::size_t first_start = trigger_starts_.size();
      const std::vector<Token>& tokens = *s.tokens;
      for (std::size_t t = 0, n = tokens.size(); t < n; ++t) {
        // A view without substr's bounds check: tokens lie inside the text.
        const std::size_t size = tokens[t].span.size();
        const char* word = lowered.data() + tokens[t].span.begin_byte;
        if (size == 1 && word[0] == '"') s.has_quote = true;
        words_.emplace_back(word, size);
        // Most words start no trigger: a filter answers for them here, with
        // the word's first eight bytes (the lowered text is padded).
        if (size != 0 && in_.rules.may_start_trigger(load_word_bytes(word, std::min<std::size_t>(size, 8)), size)) {
          trigger_starts_.push_back(static_cast<std::uint32_t>(t));
        }
      }
      s.trigger_starts = std::span<const std::uint32_t>(trigger_starts_.data() + first_start,
                                                        trigger_starts_.size() - first_start);
      s.words = std::span<const std::string_view>(words_).subspan(first);
      s.is_in_parens = std::span<const bool>(is_in_parens_.get() + first, s.words.size());
      s.is_boundary = std::span<const bool>(is_boundary_.get() + first, s.words.size());
      s.starts_with_quote = !s.words.empty() && s.words[0] == "\"";
      while (mention < in_.entities.size() && in_.entities[mention].span.end_byte <= s.span.begin_byte) ++mention;
      s.first_mention = s.end_mention = mention;
      while (s.end_mention < in_.entities.size() && in_.entities[s.end_mention].span.begin_byte < s.span.end_byte) {
        ++s.end_mention;
      }
    }
  }

  // The clause boundaries and parentheses of `s`'s tokens.
  void mark_clauses(const SentenceView& s) {
    const std::size_t first = static_cast<std::size_t>(s.words.data() - words_.data());
    bool* is_in_parens = is_in_parens_.get() + first;
    bool* is_boundary = is_boundary_.get() + first;
    int depth = 0;
    for (std::size_t t = 0; t < s.words.size(); ++t) {
      const std::string_view w = s.words[t];
      if (w.size() == 1) {
        // A sentence that is all one parenthesis ("(Update: ...)") is
        // still a sentence; only parentheses inside it are asides.
        const char c = w[0];
        if (c == '(' && t > 0) ++depth;
        is_in_parens[t] = depth > 0;
        if (c == ')' && depth > 0) --depth;
      } else {
        is_in_parens[t] = depth > 0;
      }
      is_boundary[t] = is_clause_boundary(w);
    }
  }

  // Pairs quotation marks line by line; a quotation left open at the end of
  // a paragraph closes there (news style reopens it in the next one).
  void find_quotes() {
    std::string_view t = text();
    std::size_t line_begin = 0;
    while (line_begin < t.size()) {
      std::size_t line_end = t.find('\n', line_begin);
      if (line_end == std::string_view::npos) line_end = t.size();
      std::optional<std::size_t> open;
      const std::string_view line = t.substr(0, line_end);  // memchr to each mark, not a test per byte
      for (std::size_t i = line.find('"', line_begin); i != std::string_view::npos; i = line.find('"', i + 1)) {
        if (open) {
          quotes_.push_back({{*open + 1, i}});
          open.reset();
        } else {
          open = i;
        }
      }
      if (open && line_end > *open + 1) quotes_.push_back({{*open + 1, line_end}});
      line_begin = line_end + 1;
    }
  }

  bool is_inside_quote(std::size_t byte) const {
    auto it = std::upper_bound(quotes_.begin(), quotes_.end(), byte,
                               [](std::size_t b, const QuoteSegment& q) { return b < q.inner.begin_byte; });
    if (it == quotes_.begin()) return false;
    --it;
    return byte >= it->inner.begin_byte && byte < it->inner.end_byte;
  }

  // ---- triggers ----

  std::vector<Trigger> find_triggers(const SentenceView& s) const {
    std::vector<Trigger> found;
    // From each possible start not inside a trigger found before it: the
    // other tokens have no entry in by_first_word.
    std::size_t t = 0;
    for (const std::uint32_t start : s.trigger_starts) {
      if (start < t) continue;
      t = start;
      std::optional<Trigger> best;
      auto it = in_.rules.by_first_word.find(s.words[t]);
      if (it != in_.rules.by_first_word.end()) {
        for (const TriggerRef& ref : it->second) {
          const TriggerRule& rule = in_.rules.types[ref.type_index].triggers[ref.trigger_index];
          if (auto last = match_trigger(s, t, rule)) {
            if (!best || *last > best->last_token) best = Trigger{ref.type_index, &rule, t, *last};
          }
        }
      }
      if (best) {
        found.push_back(*best);
        t = best->last_token + 1;
      } else {
        ++t;
      }
    }
    return found;
  }

  // The last token of `rule` matched from token `t`, or nullopt.
  std::optional<std::size_t> match_trigger(const SentenceView& s, std::size_t t, const TriggerRule& rule) const {
    std::size_t pos = t;
    for (std::size_t w = 0; w < rule.words.size(); ++w) {
      if (rule.words[w] == "*") {
        // Skip up to kMaxTriggerGap words until the next word matches.
        const std::string& next = rule.words[w + 1];
        std::size_t limit = std::min(s.words.size(), pos + kMaxTriggerGap + 1);
        std::size_t k = pos;
        while (k < limit && s.words[k] != next) {
          if ((*s.tokens)[k].kind != TokenKind::word) return std::nullopt;
          ++k;
        }
        if (k >= limit) return std::nullopt;
        pos = k;
        continue;
      }
      if (pos >= s.words.size() || s.words[pos] != rule.words[w]) return std::nullopt;
      ++pos;
    }
    return pos - 1;
  }

  // ---- clauses and slots ----

  // [first, last) token range of the clause around token `t`.
  std::pair<std::size_t, std::size_t> clause_of(const SentenceView& s, std::size_t first,
                                                std::size_t last) const {
    std::size_t begin = first;
    while (begin > 0 && !s.is_boundary[begin - 1]) --begin;
    std::size_t end = last + 1;
    while (end < s.words.size() && !s.is_boundary[end]) ++end;
    return {begin, end};
  }

  std::size_t token_at(const SentenceView& s, std::size_t byte) const {
    const auto& toks = *s.tokens;
    auto it = std::lower_bound(toks.begin(), toks.end(), byte,
                               [](const Token& tok, std::size_t b) { return tok.span.end_byte <= b; });
    return static_cast<std::size_t>(it - toks.begin());
  }

  std::size_t first_token_of(const SentenceView& s, const EntityMention& m) const {
    return token_at(s, m.span.begin_byte);
  }
  std::size_t last_token_of(const SentenceView& s, const EntityMention& m) const {
    return token_at(s, m.span.end_byte - 1);
  }

  // The word before token `t`, skipping determiners and compass words ("in
  // northern Iraq"); "" at the start.
  std::string_view governing_word(const SentenceView& s, std::size_t t) const {
    static constexpr WordSet kCompass{std::to_array<std::string_view>({
        "northern", "southern", "eastern", "western", "central", "northeastern",
        "northwestern", "southeastern", "southwestern", "neighboring"})};
    while (t > 0) {
      --t;
      std::string_view w = s.words[t];
      if (!is_one_of(w, kDeterminers) && !is_one_of(w, kCompass)) return w;
    }
    return "";
  }

  bool is_after_preposition(const SentenceView& s, const EntityMention& m) const {
    std::size_t first = first_token_of(s, m);
    std::string_view word = governing_word(s, first);
    if (word == "of" && first >= 2) {
      // "Thousands of Ukrainians protested": a quantity, not a modifier.
      static constexpr WordSet kQuantities{std::to_array<std::string_view>({
          "thousands", "hundreds", "dozens", "millions", "scores", "tens", "crowds", "groups"})};
      std::size_t of = first - 1;
      while (of > 0 && s.words[of] != "of") --of;
      if (of > 0 && is_one_of(std::string_view(s.words[of - 1]), kQuantities)) return false;
    }
    return is_one_of(word, kPrepositions);
  }

  // The mentions whose tokens lie in [begin, end), in text order. Their
  // first and last tokens are found once per sentence: asked for every
  // trigger, a search of each mention's tokens made a long sentence cost
  // the square of its length. Mentions do not overlap and come in text
  // order, so their first tokens rise, and the range is a binary search.
  std::vector<std::size_t> mentions_in(const SentenceView& s, std::size_t begin, std::size_t end) const {
    const MentionTokensKey key{s.words.data(), s.words.size(), s.first_mention, s.end_mention};
    if (!(mention_tokens_for_ == key)) {
      mention_tokens_for_ = key;
      mention_first_.clear();
      mention_last_.clear();
      for (std::size_t id = s.first_mention; id < s.end_mention; ++id) {
        mention_first_.push_back(first_token_of(s, in_.entities[id]));
        mention_last_.push_back(last_token_of(s, in_.entities[id]));
      }
    }
    std::vector<std::size_t> out;
    auto k = static_cast<std::size_t>(
        std::lower_bound(mention_first_.begin(), mention_first_.end(), begin) - mention_first_.begin());
    for (; k < mention_first_.size() && mention_first_[k] < end; ++k) {
      if (mention_last_[k] < end) out.push_back(s.first_mention + k);
    }
    return out;
  }

  // "Russian President Vladimir Putin", "Pentagon spokesman Peter Cook": a
  // country or organization that modifies the person right after it is
  // not the actor; the person is.
  std::size_t prefer_modified_person(const SentenceView& s, const std::vector<std::size_t>& mentions,
                                     std::size_t pos) const {
    std::size_t id = mentions[pos];
    if (is_person(in_.entities[id]) || pos + 1 >= mentions.size()) return id;
    std::size_t next = mentions[pos + 1];
    if (!is_person(in_.entities[next])) return id;
    std::size_t gap_begin = last_token_of(s, in_.entities[id]) + 1;
    std::size_t gap_end = first_token_of(s, in_.entities[next]);
    if (gap_end < gap_begin || gap_end - gap_begin > 3) return id;
    for (std::size_t t = gap_begin; t < gap_end; ++t) {
      if ((*s.tokens)[t].kind != TokenKind::word) return id;
    }
    return next;
  }

  // The named antecedent of the relative pronoun at token `pronoun`: the
  // mention right before it or before its comma ("Putin, who"); "which"
  // takes no person.
  std::optional<std::size_t> antecedent_of(const SentenceView& s, std::size_t pronoun) const {
    std::size_t end = pronoun;
    if (end > 0 && s.words[end - 1] == ",") --end;
    if (end == 0) return std::nullopt;
    auto [outer_begin, outer_end] = clause_of(s, end - 1, end - 1);
    auto before = mentions_in(s, outer_begin, end);
    if (before.empty() || last_token_of(s, in_.entities[before.back()]) + 1 != end) return std::nullopt;
    if (s.words[pronoun] == "which" && is_person(in_.entities[before.back()])) return std::nullopt;
    return before.back();
  }

  // The "who" or "which" of the ", who ..." / ", which ..." clause that
  // token `t` stands in (up to the next comma), if any.
  std::optional<std::size_t> relative_pronoun_before(const SentenceView& s, std::size_t t) const {
    for (std::size_t k = t; k-- > 1;) {
      std::string_view w = s.words[k];
      if (w == "," || w == ";" || w == "\"") return std::nullopt;
      if ((w == "who" || w == "which") && s.words[k - 1] == ",") return k;
    }
    return std::nullopt;
  }

  bool is_in_relative_clause(const SentenceView& s, std::size_t t) const {
    return relative_pronoun_before(s, t).has_value();
  }

  // "Obama, who arrived in New York the day before, met Putin": a relative
  // clause between the subject and its verb, closed by a comma right before
  // the trigger. Returns the tokens of its two commas.
  std::optional<std::pair<std::size_t, std::size_t>> relative_clause_before(const SentenceView& s,
                                                                            const Trigger& trigger) const {
    std::size_t t = trigger.first_token;
    while (t > 0 && is_one_of(std::string_view(s.words[t - 1]), kVerbFillers)) --t;
    if (t < 5 || s.words[t - 1] != ",") return std::nullopt;
    const std::size_t close = t - 1;
    auto pronoun = relative_pronoun_before(s, close);
    if (!pronoun || *pronoun < 2 || *pronoun + 1 >= close) return std::nullopt;
    return std::make_pair(*pronoun - 1, close);
  }

  // "In a vote on Thursday, the Senate agreed to ...": a noun trigger in a
  // fronted "in" phrase belongs to the subject after the phrase's comma.
  // Only "in a/the (one word) NOUN": after "After airstrikes on Aleppo,
  // Turkey condemned ..." the subject is not the one who struck.
  std::optional<std::size_t> subject_after_fronted_phrase(const SentenceView& s, std::size_t clause_begin,
                                                          std::size_t clause_end, const Trigger& trigger) const {
    if (s.words[clause_begin] != "in" || trigger.first_token > clause_begin + 3) return std::nullopt;
    for (std::size_t t = clause_begin + 1; t < trigger.first_token; ++t) {
      if ((*s.tokens)[t].kind != TokenKind::word || is_one_of(std::string_view(s.words[t]), kPrepositions)) {
        return std::nullopt;
      }
    }
    for (std::size_t id : mentions_in(s, trigger.last_token + 1, clause_end)) {
      const EntityMention& e = in_.entities[id];
      std::size_t first = first_token_of(s, e);
      std::size_t t = first;
      while (t > trigger.last_token + 1 && is_one_of(std::string_view(s.words[t - 1]), kDeterminers)) --t;
      if (s.words[t - 1] != ",") continue;
      if (is_after_preposition(s, e) || s.is_in_parens[first]) return std::nullopt;
      std::size_t next = last_token_of(s, e) + 1;
      // A subject goes on to its verb; "In a vote, Russia, China and ..." lists.
      if (next >= clause_end || (*s.tokens)[next].kind != TokenKind::word || s.words[next] == "and") return std::nullopt;
      return id;
    }
    return std::nullopt;
  }

  // The actor before the trigger: first the mention right before it (past
  // auxiliaries and adverbs: "Russia has launched"), else the first actor of
  // the clause that is not inside a leading adverbial ("On Wednesday,"),
  // parentheses or a prepositional phrase.
  std::optional<std::size_t> find_subject(const SentenceView& s, std::size_t clause_begin,
                                          std::size_t trigger) const {
    std::vector<std::size_t> before = mentions_in(s, clause_begin, trigger);
    if (before.empty()) return std::nullopt;
    // Adjacent subject.
    {
      std::size_t id = before.back();
      std::size_t t = last_token_of(s, in_.entities[id]) + 1;
      while (t < trigger && is_one_of(std::string_view(s.words[t]), kVerbFillers)) ++t;
      if (t == trigger && !s.is_in_parens[t - 1] && !is_after_preposition(s, in_.entities[id])) {
        // A modifier right before a person is not the subject; the person is.
        return id;
      }
    }
    // Skip a leading adverbial phrase up to its comma.
    std::size_t start = clause_begin;
    if (start < trigger) {
      std::string_view w = s.words[start];
      bool is_adverbial = is_one_of(w, kPrepositions) || w == "as" || w == "according" ||
                          (w.size() > 4 && w.ends_with("ing"));
      if (is_adverbial) {
        for (std::size_t t = start; t < trigger; ++t) {
          if (s.words[t] == ",") {
            start = t + 1;
            break;
          }
        }
      }
    }
    std::vector<std::size_t> candidates;
    bool was_excluded = false;
    for (std::size_t id : before) {
      std::size_t first = first_token_of(s, in_.entities[id]);
      // "between Moscow and Washington": what is joined to a prepositional
      // object is one too.
      bool is_joined = first > 0 && (s.words[first - 1] == "and" || s.words[first - 1] == "or");
      bool is_excluded = first < start || s.is_in_parens[first] || is_after_preposition(s, in_.entities[id]) ||
                         (is_joined && was_excluded);
      was_excluded = is_excluded;
      if (!is_excluded) candidates.push_back(id);
    }
    if (candidates.empty()) return std::nullopt;
    return prefer_modified_person(s, candidates, 0);
  }

  // The token after the time expression ("on") at token `t`, or `t` when
  // none starts there.
  std::size_t past_time_at(const SentenceView& s, std::size_t t) const {
    const auto& toks = *s.tokens;
    std::size_t at = t < s.words.size() && s.words[t] == "on" ? t + 1 : t;
    if (at >= s.words.size()) return t;
    auto it = std::lower_bound(in_.times.begin(), in_.times.end(), toks[at].span.begin_byte,
                               [](const TimeExpression& e, std::size_t b) { return e.span.begin_byte < b; });
    if (it == in_.times.end() || it->span.begin_byte != toks[at].span.begin_byte) return t;
    while (at < s.words.size() && toks[at].span.begin_byte < it->span.end_byte) ++at;
    return at;
  }

  // The token after the dates and places ("on Monday in Moscow") that
  // start at token `t`.
  std::size_t past_when_and_where(const SentenceView& s, std::size_t t) const {
    for (;;) {
      std::size_t after_time = past_time_at(s, t);
      if (after_time != t) {
        t = after_time;
        continue;
      }
      if (t + 1 >= s.words.size() || (s.words[t] != "in" && s.words[t] != "at")) return t;
      auto place = mentions_in(s, t + 1, s.words.size());
      if (place.empty() || !is_placeish(in_.entities[place[0]]) || first_token_of(s, in_.entities[place[0]]) != t + 1) {
        return t;
      }
      t = last_token_of(s, in_.entities[place[0]]) + 1;
    }
  }

  // "..., argued Cook.", "...," declared the Pentagon spokesman.": after a
  // comma or a closing quotation the speaker follows the verb.
  std::optional<std::size_t> inverted_speaker(const SentenceView& s, const Trigger& trigger) const {
    if (trigger.first_token == 0) return std::nullopt;
    const std::string_view before = s.words[trigger.first_token - 1];
    if (before != "," && before != "\"") return std::nullopt;
    // "told" takes its addressee after it: "Zinke, ..., told Breitbart News".
    const std::string_view verb = s.words[trigger.first_token];
    if (verb == "told" || verb == "tells" || verb == "asked") return std::nullopt;
    std::vector<std::size_t> after = mentions_in(s, trigger.last_token + 1, s.words.size());
    if (after.empty() || first_token_of(s, in_.entities[after[0]]) > trigger.last_token + 4) return std::nullopt;
    std::size_t speaker = prefer_modified_person(s, after, 0);
    // The inverted speaker closes the clause: "argued Cook." but not
    // "suggested that the U.S. should".
    std::size_t next = past_when_and_where(s, last_token_of(s, in_.entities[speaker]) + 1);  // "said Cook on Monday."
    if (next < s.words.size() && (*s.tokens)[next].kind == TokenKind::word) return std::nullopt;
    for (std::size_t t = trigger.last_token + 1; t < first_token_of(s, in_.entities[speaker]); ++t) {
      if (s.is_boundary[t]) return std::nullopt;
    }
    return speaker;
  }

  // The speaker of a verb of saying. After a comma the speaker is the
  // phrase between that comma and the verb ("..., an army spokesman said":
  // no named speaker), unless the comma closes an appositive of a named
  // subject ("Sergei Ivanov, a top Putin aide, said").
  std::optional<std::size_t> speaker_before(const SentenceView& s, std::size_t clause_begin,
                                            std::size_t trigger) const {
    std::optional<std::size_t> last_comma;
    std::optional<std::size_t> previous_comma;
    for (std::size_t t = clause_begin; t < trigger; ++t) {
      if (s.words[t] != "," || s.is_in_parens[t]) continue;
      previous_comma = last_comma;
      last_comma = t;
    }
    if (!last_comma) return find_subject(s, clause_begin, trigger);
    if (auto tail = find_subject(s, *last_comma + 1, trigger)) return tail;
    if (previous_comma) {
      // The named subject right before the appositive's opening comma.
      std::size_t t = *previous_comma;
      while (t > clause_begin && s.is_in_parens[t - 1]) --t;
      for (std::size_t id : mentions_in(s, clause_begin, t)) {
        if (last_token_of(s, in_.entities[id]) + 1 == t && !is_after_preposition(s, in_.entities[id])) {
          return id;
        }
      }
    }
    return std::nullopt;
  }

  // Actors coordinated with the subject: "Obama, right, and Putin".
  std::vector<std::size_t> coordinated_with(const SentenceView& s, std::size_t subject,
                                            std::size_t trigger) const {
    std::vector<std::size_t> out;
    std::size_t t = last_token_of(s, in_.entities[subject]) + 1;
    std::vector<std::size_t> after = mentions_in(s, t, trigger);
    for (std::size_t pos = 0; pos < after.size(); ++pos) {
      std::size_t first = first_token_of(s, in_.entities[after[pos]]);
      bool has_and = false;
      for (std::size_t k = t; k < first; ++k) {
        if (s.words[k] == "and") has_and = true;
        if (is_one_of(std::string_view(s.words[k]), kPrepositions)) has_and = false;
      }
      if (!has_and) break;
      std::size_t chosen = prefer_modified_person(s, after, pos);
      out.push_back(chosen);
      t = last_token_of(s, in_.entities[chosen]) + 1;
      while (pos + 1 < after.size() && after[pos + 1] != chosen && after[pos] != chosen) ++pos;
      if (after[pos] != chosen) ++pos;
    }
    return out;
  }

  // ---- time ----

  bool is_dating(const TimeExpression& e) const {
    return (e.time.type == TimexType::date || e.time.type == TimexType::time) && e.time.is_resolved();
  }

  // The dating expression within [begin_byte, end_byte) nearest `anchor`.
  // Words inside a quotation date what the quotation tells, not the act of
  // saying it, unless the anchor is inside the same quotation.
  const TimeExpression* nearest_time(std::size_t begin_byte, std::size_t end_byte, std::size_t anchor,
                                     bool accept_unresolved = false) const {
    bool is_anchor_quoted = is_inside_quote(anchor);
    const TimeExpression* best = nullptr;
    std::size_t best_distance = 0;
    auto it = std::lower_bound(in_.times.begin(), in_.times.end(), begin_byte,
                               [](const TimeExpression& e, std::size_t b) { return e.span.begin_byte < b; });
    for (; it != in_.times.end() && it->span.begin_byte < end_byte; ++it) {
      bool is_date_or_time = it->time.type == TimexType::date || it->time.type == TimexType::time;
      if (!(is_dating(*it) || (accept_unresolved && is_date_or_time)) || it->span.end_byte > end_byte) continue;
      if (!is_anchor_quoted && is_inside_quote(it->span.begin_byte)) continue;
      std::size_t distance = it->span.begin_byte > anchor ? it->span.begin_byte - anchor
                                                          : anchor - std::min(anchor, it->span.end_byte);
      if (!best || distance < best_distance) {
        best = &*it;
        best_distance = distance;
      }
    }
    return best;
  }

  // ---- modality ----

  // Looks at the few words before the trigger (and before an adjacent
  // subject: "to let Putin send"), inside the clause.
  Modality modality_of(const SentenceView& s, const Trigger& trigger, std::size_t clause_begin,
                       std::optional<std::pair<std::size_t, std::size_t>> subject_tokens) const {
    constexpr std::size_t kWindow = 5;
    std::vector<std::size_t> window;
    for (std::size_t t = trigger.first_token; t-- > clause_begin && window.size() < kWindow;) {
      if (subject_tokens && t >= subject_tokens->first && t <= subject_tokens->second) continue;
      if (subject_tokens && t < subject_tokens->first && subject_tokens->second + 1 < trigger.first_token &&
          !is_one_of(std::string_view(s.words[subject_tokens->second + 1]), kVerbFillers)) {
        break;  // the subject is not adjacent: words before it govern something else
      }
      window.push_back(t);
    }
    bool has_to = trigger.first_token > 0 && s.words[trigger.first_token - 1] == "to";
    if (clause_begin > 0 && (s.words[clause_begin - 1] == "if" || s.words[clause_begin - 1] == "unless")) {
      return Modality::hypothetical;
    }
    for (std::size_t t : window) {
      std::string_view w = s.words[t];
      if (is_one_of(w, kNegations) || w.ends_with("n't")) return Modality::negated;
    }
    for (std::size_t t : window) {
      std::string_view w = s.words[t];
      if (is_one_of(w, kHypotheticals)) return Modality::hypothetical;
      if (is_one_of(w, kFutures)) return Modality::future;
      if (is_one_of(w, kPlans)) return Modality::planned;
    }
    if (has_to && !trigger.rule->is_noun) {
      // "went on to say" reports what was said; other infinitives are aims.
      if (trigger.first_token >= 2 && s.words[trigger.first_token - 2] == "on") return Modality::asserted;
      return Modality::planned;
    }
    return Modality::asserted;
  }

  static bool is_present_tense(const Trigger& trigger, const SentenceView& s) {
    std::string_view w = s.words[trigger.first_token];
    return !trigger.rule->is_noun && w.size() > 3 && w.ends_with("s") && !w.ends_with("ss");
  }

  // ---- quotes ----

  // Quoted words in [begin, end) bytes, long ones only when there are any:
  // a one-word scare quote ("compromise") is not the speaker's statement.
  std::vector<Span> quotes_in(std::size_t begin, std::size_t end) const {
    std::vector<Span> all;
    for (const QuoteSegment& q : quotes_) {
      if (q.inner.begin_byte >= begin && q.inner.begin_byte < end) all.push_back(q.inner);
    }
    auto word_count = [&](const Span& sp) {
      std::size_t n = 1;
      for (std::size_t i = sp.begin_byte; i < sp.end_byte; ++i) n += text()[i] == ' ';
      return n;
    };
    bool has_long = std::any_of(all.begin(), all.end(), [&](const Span& sp) { return word_count(sp) >= 4; });
    if (has_long) all.erase(std::remove_if(all.begin(), all.end(), [&](const Span& sp) { return word_count(sp) < 4; }), all.end());
    return all;
  }

  static std::string trim_quote(std::string_view q) {
    while (!q.empty() && (q.back() == ',' || q.back() == ' ')) q.remove_suffix(1);
    while (!q.empty() && q.front() == ' ') q.remove_prefix(1);
    return std::string(q);
  }

  void set_quote(EventMention& m, const std::vector<Span>& spans) const {
    if (spans.empty()) return;
    std::string quote;
    for (const Span& sp : spans) {
      if (!quote.empty()) quote += " ... ";
      quote += trim_quote(text().substr(sp.begin_byte, sp.size()));
    }
    m.quote = quote;
    m.quote_span = Span{spans.front().begin_byte, spans.back().end_byte};
  }

  void append_quote(EventMention& m, const std::vector<Span>& spans) const {
    if (spans.empty()) return;
    std::vector<Span> all;
    if (m.quote_span) all.push_back(*m.quote_span);
    std::string previous = m.quote.value_or("");
    set_quote(m, spans);
    if (!previous.empty()) {
      m.quote = previous + " ... " + *m.quote;
      m.quote_span->begin_byte = all.front().begin_byte;
    }
  }

  // ---- the sentence ----

  void find_in_sentence(const SentenceView& s, std::vector<EventMention>& out) {
    std::vector<Trigger> triggers = find_triggers(s);
    if (!triggers.empty()) mark_clauses(s);
    std::size_t first_new = out.size();
    bool has_speech_trigger = false;
    std::optional<std::size_t> first_speech_token;
    for (const Trigger& trigger : triggers) {
      const EventTypeRule& type = in_.rules.types[trigger.type_index];
      if (type.is_speech) {
        has_speech_trigger = true;
        if (!first_speech_token) first_speech_token = trigger.first_token;
      }
    }
    // A sentence of nothing but a quotation continues the last speaker's
    // statement ("...," Cook said. "We do not want an accident.").
    if (!has_speech_trigger && s.starts_with_quote && last_statement_index_ &&
        s.paragraph <= last_statement_paragraph_ + 1) {
      append_quote(out[*last_statement_index_], quotes_in(s.span.begin_byte, s.span.end_byte));
      last_statement_paragraph_ = s.paragraph;
    }
    for (const Trigger& trigger : triggers) {
      const EventTypeRule& type = in_.rules.types[trigger.type_index];
      auto mention = build_mention(s, trigger, type, first_speech_token, triggers.size() == 1);
      if (!mention) continue;
      out.push_back(std::move(*mention));
      if (type.is_speech) {
        last_statement_index_ = out.size() - 1;
        last_statement_paragraph_ = s.paragraph;
      }
    }
    date_without_own_time(s, out, first_new);
  }

  std::optional<EventMention> build_mention(const SentenceView& s, const Trigger& trigger,
                                            const EventTypeRule& type,
                                            std::optional<std::size_t> first_speech_token,
                                            bool is_only_trigger) {
    const auto& toks = *s.tokens;
    auto [clause_begin, clause_end] = clause_of(s, trigger.first_token, trigger.last_token);
    // What the relative clause says (its actors, its date) is not the event's.
    std::size_t relative_open = 0;  // the comma before "who"; 0: no relative clause
    if (auto relative = trigger.rule->is_noun ? std::nullopt : relative_clause_before(s, trigger)) {
      relative_open = relative->first;
      clause_begin = std::max(clause_begin, relative->second + 1);
    }
    if (type.is_speech) {
      if (trigger.rule->is_quote_only && !s.has_quote) return std::nullopt;
      // "As CNSNews.com reported in July, ..." attributes, it does not state.
      bool is_as_clause = s.words[clause_begin] == "as" || (clause_begin > 0 && s.words[clause_begin - 1] == "as");
      if (is_as_clause && trigger.first_token <= clause_begin + 4) return std::nullopt;
    }
    if (!type.is_speech && first_speech_token && *first_speech_token < trigger.first_token &&
        *first_speech_token >= clause_begin) {
      // "Stoltenberg said the alliance would deploy": what is said has its
      // own subject.
      clause_begin = *first_speech_token + 1;
    }
    EventMention m;
    m.type = type.type;
    m.cameo = type.cameo;
    m.doc = in_.doc_id;
    m.sentence = s.index;
    m.trigger = Span{toks[trigger.first_token].span.begin_byte, toks[trigger.last_token].span.end_byte};
    m.trigger_text = std::string(text().substr(m.trigger.begin_byte, m.trigger.size()));

    std::set<std::string> used;
    auto add_actor = [&](std::size_t id, Role role) {
      const EntityMention& e = in_.entities[id];
      if (!used.insert(e.entity_id).second) return;
      m.actors.push_back({e.entity_id, role, e.span});
    };

    bool is_according_to = trigger.rule->words.size() == 2 && trigger.rule->words[0] == "according";
    // "according to the Pentagon" without a quotation attributes the other
    // events of the sentence (they become reported); it is not a statement.
    // Alone in its sentence it is one: "The door remained open, according
    // to Kremlin spokesman Dmitry Peskov."
    if (is_according_to && !s.has_quote && !is_only_trigger) return std::nullopt;
    std::optional<std::size_t> subject;
    if (!is_according_to) {
      // A noun trigger's owner may stand right before it: "Russian air strikes".
      if (trigger.rule->is_noun) {
        auto before = mentions_in(s, clause_begin, trigger.first_token);
        // "backed by Russian air strikes": the owner right before the noun
        // holds even after a preposition.
        if (!before.empty() && last_token_of(s, in_.entities[before.back()]) + 3 >= trigger.first_token) {
          bool only_words = true;
          for (std::size_t t = last_token_of(s, in_.entities[before.back()]) + 1; t < trigger.first_token; ++t) {
            only_words = only_words && toks[t].kind == TokenKind::word;
          }
          if (only_words) subject = before.back();
        }
        if (!subject && !type.gathers_participants) {
          subject = subject_after_fronted_phrase(s, clause_begin, clause_end, trigger);
        }
        // The clause's subject owns a meeting ("Obama and Putin pose before a
        // bilateral meeting"), not a bombing it condemns.
        if (!subject && type.gathers_participants) {
          subject = find_subject(s, clause_begin, trigger.first_token);
          if (!subject && clause_begin > 0) {
            // The clause the noun's clause hangs from: "Putin told reporters
            // after a bilateral meeting with Obama".
            auto [outer_begin, outer_end] = clause_of(s, clause_begin - 1, clause_begin - 1);
            subject = find_subject(s, outer_begin, std::min(outer_end, trigger.first_token));
          }
        }
      } else if (type.is_speech) {
        subject = inverted_speaker(s, trigger);
        if (!subject) subject = speaker_before(s, clause_begin, trigger.first_token);
      } else {
        subject = find_subject(s, clause_begin, trigger.first_token);
      }
      if (!subject && relative_open > 0) {
        auto [outer_begin, outer_end] = clause_of(s, relative_open, relative_open);
        subject = find_subject(s, outer_begin, relative_open);
      }
      // The trigger's clause is a relative clause: "Obama, who met Putin
      // on Monday, said", or it follows one: "Officials who met Putin said",
      // where Putin is what the clause's own verb took.
      bool follows_relative_pronoun = relative_open == 0 && !trigger.rule->is_noun && clause_begin > 0 &&
                                      (s.words[clause_begin - 1] == "who" || s.words[clause_begin - 1] == "which");
      if (follows_relative_pronoun && (!subject || first_token_of(s, in_.entities[*subject]) > clause_begin)) {
        subject = antecedent_of(s, clause_begin - 1);
      }
    }
    std::size_t subject_end_token = clause_begin;
    std::vector<std::size_t> after = mentions_in(s, trigger.last_token + 1, clause_end);
    std::size_t after_pos = 0;
    if (subject) {
      add_actor(*subject, type.subject_role);
      subject_end_token = last_token_of(s, in_.entities[*subject]) + 1;
      while (after_pos < after.size() && first_token_of(s, in_.entities[after[after_pos]]) < subject_end_token) {
        ++after_pos;
      }
      if (type.gathers_participants) {
        for (std::size_t id : coordinated_with(s, *subject, trigger.first_token)) add_actor(id, type.subject_role);
        // "Abe and Park met": the subject found next to the verb may be the
        // last of a coordination.
        std::size_t first = first_token_of(s, in_.entities[*subject]);
        auto before = mentions_in(s, clause_begin, first);
        // The subject's own modifier ("South Korean President Park") is not
        // a second participant.
        while (!before.empty() && !is_person(in_.entities[before.back()]) &&
               last_token_of(s, in_.entities[before.back()]) + 1 == first) {
          first = first_token_of(s, in_.entities[before.back()]);
          before.pop_back();
        }
        for (std::size_t k = before.size(); k-- > 0;) {
          std::size_t gap_begin = last_token_of(s, in_.entities[before[k]]) + 1;
          if (gap_begin >= first || s.words[gap_begin] != "and" || gap_begin + 3 < first) break;
          std::size_t id = before[k];
          if (is_after_preposition(s, in_.entities[id])) break;
          // Skip the modifier of a person ("South Korean President Park").
          add_actor(id, type.subject_role);
          first = first_token_of(s, in_.entities[id]);
          while (k > 0 && last_token_of(s, in_.entities[before[k - 1]]) + 4 >= first &&
                 !is_person(in_.entities[before[k - 1]]) && is_person(in_.entities[id])) {
            --k;
            first = first_token_of(s, in_.entities[before[k]]);
          }
        }
      }
    } else if (type.is_speech) {
      // Inverted or pronoun speakers: "argued Cook", "declared the Pentagon
      // spokesman", "according to the Pentagon", "he added".
      if (is_according_to && !after.empty() && first_token_of(s, in_.entities[after[0]]) <= trigger.last_token + 4) {
        std::size_t chosen = prefer_modified_person(s, after, 0);
        add_actor(chosen, type.subject_role);
        while (after_pos < after.size() && after[after_pos] != chosen) ++after_pos;
        ++after_pos;
      } else if (!last_speaker_.empty() && last_statement_index_ && s.paragraph <= last_statement_paragraph_ + 2) {
        // A pronoun speaker is the last one named, if named lately.
        bool has_pronoun = false;
        for (std::size_t t = clause_begin; t < trigger.first_token; ++t) {
          has_pronoun = has_pronoun || is_one_of(std::string_view(s.words[t]), kPronouns);
        }
        if (has_pronoun || (trigger.last_token + 1 < s.words.size() &&
                            is_one_of(std::string_view(s.words[trigger.last_token + 1]), kPronouns))) {
          m.actors.push_back({last_speaker_, type.subject_role, m.trigger});
          used.insert(last_speaker_);
        }
      }
    }
    if (type.is_speech && m.actors.empty() && trigger.rule->is_quote_only && !last_speaker_.empty() &&
        last_statement_index_ && s.paragraph <= last_statement_paragraph_ + 1) {
      // "..., added the former commander": "added" and "continued" go on
      // with the speaker of the paragraph before.
      m.actors.push_back({last_speaker_, type.subject_role, m.trigger});
      used.insert(last_speaker_);
    }
    if (type.needs_subject && m.actors.empty()) {
      // "Kenneth Piernick, the head of the inquiry, said ... he said": a
      // speaker we cannot name is who the next "he" most likely is.
      if (type.is_speech && !is_according_to) last_speaker_.clear();
      return std::nullopt;
    }

    // Object and place after the trigger.
    bool has_object = false;
    for (; after_pos < after.size(); ++after_pos) {
      const EntityMention& e = in_.entities[after[after_pos]];
      bool is_place_slot = is_placeish(e) && (is_one_of(governing_word(s, first_token_of(s, e)), kPlacePrepositions) ||
                                              (type.type == "deployment" && governing_word(s, first_token_of(s, e)) == "to"));
      if (is_place_slot) {
        if (!m.place_id) {
          m.place_id = e.entity_id;
          m.place_span = e.span;
        }
        continue;
      }
      if (type.is_speech && type.type == "statement") {
        // Only the addressee ("told the Associated Press") is part of a
        // statement; what the statement is about is not an actor of it.
        if (s.words[trigger.first_token] != "told" && s.words[trigger.first_token] != "tells") break;
        if (first_token_of(s, e) > trigger.last_token + 3) break;
      }
      std::size_t first = first_token_of(s, e);
      bool has_comma = false;
      bool has_and = false;
      for (std::size_t t = trigger.last_token + 1; t < first; ++t) {
        has_comma = has_comma || s.words[t] == ",";
        has_and = has_and || s.words[t] == "and";
      }
      // What follows a comma belongs to another phrase ("..., the Pentagon
      // expressed concerns"); a second participant is joined by "and".
      if (has_comma && !type.is_speech) break;
      if (has_object && (!has_and || !type.gathers_participants)) continue;  // a place may follow
      std::size_t chosen = prefer_modified_person(s, after, after_pos);
      add_actor(chosen, type.object_role);
      has_object = true;
      while (after_pos + 1 < after.size() && after[after_pos] != chosen) ++after_pos;
      if (m.actors.size() >= 4) break;
    }
    if (m.actors.empty()) return std::nullopt;
    // It takes two to meet: "Obama attended the summit" is not a meeting.
    if (type.gathers_participants && m.actors.size() < 2) return std::nullopt;

    std::optional<std::pair<std::size_t, std::size_t>> subject_tokens;
    if (subject) {
      subject_tokens = std::make_pair(first_token_of(s, in_.entities[*subject]), subject_end_token - 1);
    }
    std::size_t modality_begin = clause_begin;
    if (type.is_speech) {
      // "If NATO deployed troops, Moscow could respond, a spokesman warned":
      // the warning is asserted; the condition belongs to what was said.
      for (std::size_t t = clause_begin; t < trigger.first_token; ++t) {
        if (s.words[t] == ",") modality_begin = t + 1;
      }
    }
    m.modality = modality_of(s, trigger, modality_begin, subject_tokens);
    if (!type.is_speech && m.modality == Modality::asserted) {
      bool is_reported = is_inside_quote(m.trigger.begin_byte) ||
                         (first_speech_token && *first_speech_token < trigger.first_token);
      for (std::size_t t = 0; t + 1 < s.words.size(); ++t) {
        is_reported = is_reported || (s.words[t] == "according" && s.words[t + 1] == "to");
      }
      if (is_reported) m.modality = Modality::reported;
      // "The Kremlin denied that Russian jets had bombed": a denial.
      for (std::size_t t = 0; t < trigger.first_token; ++t) {
        if (s.words[t] == "denied" || s.words[t] == "denies" || s.words[t] == "deny") m.modality = Modality::negated;
      }
    }
    if (type.is_speech && !m.actors.empty()) {
      // The quotation of the sentence belongs to its speech verb.
      set_quote(m, quotes_in(s.span.begin_byte, s.span.end_byte));
    }

    // Time: the clause's own expression, else the sentence's.
    std::size_t clause_begin_byte = toks[clause_begin].span.begin_byte;
    std::size_t clause_end_byte = toks[clause_end - 1].span.end_byte;
    const TimeExpression* when = nearest_time(clause_begin_byte, clause_end_byte, m.trigger.begin_byte);
    if (!when && relative_open == 0) {
      when = nearest_time(s.span.begin_byte, s.span.end_byte, m.trigger.begin_byte);
      // "Putin met Obama, who arrived on Sunday, in New York": Sunday is the
      // arrival's, not the meeting's.
      if (when && is_in_relative_clause(s, token_at(s, when->span.begin_byte))) when = nullptr;
    }
    if (!when && !in_.publication_day) {
      // Without a publication day, "on Tuesday" stays "XXXX-WXX-2": still
      // more than nothing, and the merge can place it.
      when = nearest_time(clause_begin_byte, clause_end_byte, m.trigger.begin_byte, true);
    }
    if (when) {
      m.time = when->time;
      // "now" is TimeML's PRESENT_REF; an event on it happened on a day.
      if (m.time.value == "PRESENT_REF" && m.time.is_single_day()) m.time.value = format_day(*m.time.earliest);
      m.time_span = when->span;
      m.time_text = when->text;
    } else {
      m.time.anchor = TimeAnchor::unknown;
      m.time.value.clear();  // pending: date_without_own_time fills it
    }
    m.confidence = 0.5 + (subject ? 0.25 : 0.0) + (when ? 0.15 : 0.0) +
                   (m.actors.size() > 1 || m.quote ? 0.1 : 0.0);
    if (is_present_tense(trigger, s)) m.confidence -= 0.05;
    return m;
  }

  // Mentions without a time expression of their own: a statement takes its
  // speaker's last one (the same briefing), else the time another mention
  // of the sentence has, else the last date of the two sentences before (a
  // narrative keeps its date until it names a new one), else the
  // publication day. Present-tense verbs ("says") skip the narrative step.
  void date_without_own_time(const SentenceView& s, std::vector<EventMention>& out, std::size_t first_new) {
    // Pass 1: statements inherit their speaker's time.
    for (std::size_t i = first_new; i < out.size(); ++i) {
      EventMention& m = out[i];
      if (!m.time.value.empty() || m.type != "statement" || m.actors.empty()) continue;
      auto it = speaker_time_.find(m.actors.front().entity_id);
      if (it != speaker_time_.end()) {
        m.time = it->second;
        m.time.anchor = TimeAnchor::inherited;
      }
    }
    // Pass 2: share within the sentence, then narrative, then publication.
    // A relative clause's date stays in it: "Obama, who met Putin on
    // Monday, said" does not date the statement.
    std::vector<char> is_relative(out.size() - first_new);
    for (std::size_t i = first_new; i < out.size(); ++i) {
      is_relative[i - first_new] = is_in_relative_clause(s, token_at(s, out[i].trigger.begin_byte));
    }
    for (std::size_t i = first_new; i < out.size(); ++i) {
      EventMention& m = out[i];
      if (!m.time.value.empty()) continue;
      const EventMention* dated = nullptr;
      for (std::size_t k = first_new; k < out.size() && !dated; ++k) {
        if (!out[k].time.value.empty() && is_relative[k - first_new] == is_relative[i - first_new]) dated = &out[k];
      }
      if (dated) {
        m.time = dated->time;
        m.time.anchor = TimeAnchor::inherited;
        continue;
      }
      bool is_interview = std::any_of(m.actors.begin(), m.actors.end(), [&](const ActorRole& a) {
        return a.role == Role::recipient && is_own_outlet(a.entity_id);
      });
      if (is_interview) {
        m.time = publication_time();
        continue;
      }
      std::string trigger_word = lower(m.trigger_text);
      bool is_present = trigger_word.size() > 3 && trigger_word.ends_with("s") && !trigger_word.ends_with("ss");
      // The narrative's day: the date of the last event told in the two
      // sentences before, by its own words. Any date there would be too
      // many ("Keating, who campaigned in 1996, ..."; "remain in Miami
      // until March 6").
      const EventMention* narrative = nullptr;
      if (!is_present) {
        for (std::size_t k = first_new; k-- > 0 && out[k].sentence + 2 >= s.index;) {
          if (out[k].time_span && out[k].time.is_resolved()) {
            narrative = &out[k];
            break;
          }
        }
      }
      if (narrative) {
        m.time = narrative->time;
        m.time.anchor = TimeAnchor::inherited;
      } else {
        m.time = publication_time();
      }
    }
    for (std::size_t i = first_new; i < out.size(); ++i) {
      const EventMention& m = out[i];
      if (m.type == "statement" && !m.actors.empty()) {
        // A speaker's day-dated occasion outlasts a vaguer aside ("In late
        // September, Cook told reporters ..."): later undated statements
        // more likely belong to the day.
        auto it = speaker_time_.find(m.actors.front().entity_id);
        bool is_coarser = it != speaker_time_.end() && it->second.is_resolved() && m.time.is_resolved() &&
                          (*m.time.latest - *m.time.earliest) > (*it->second.latest - *it->second.earliest);
        if (!is_coarser) speaker_time_[m.actors.front().entity_id] = m.time;
        last_speaker_ = m.actors.front().entity_id;
      }
    }
  }

  // "Speaking at the General Assembly, Putin stressed ... Putin said on
  // Monday": a statement that got no date of its own takes the explicit
  // date of the same speaker's next statement two sentences on at most.
  void date_from_next_statement(std::vector<EventMention>& out) const {
    constexpr std::size_t kLookahead = 2;
    for (std::size_t i = 0; i < out.size(); ++i) {
      EventMention& m = out[i];
      if (m.type != "statement" || m.actors.empty() || m.time_span) continue;
      for (std::size_t j = i + 1; j < out.size() && out[j].sentence <= m.sentence + kLookahead; ++j) {
        const EventMention& next = out[j];
        if (next.type == "statement" && !next.actors.empty() &&
            next.actors.front().entity_id == m.actors.front().entity_id && next.time_span) {
          m.time = next.time;
          m.time.anchor = TimeAnchor::inherited;
          break;
        }
      }
    }
  }

  // Whether `entity_id` names the outlet publishing this document
  // ("org:breitbart-news" for breitbart.com).
  bool is_own_outlet(std::string_view entity_id) const {
    std::string_view outlet = in_.outlet;
    std::size_t dot = outlet.find('.');
    std::string_view host = outlet.substr(0, dot);
    if (host.size() < 3) return false;
    std::size_t colon = entity_id.find(':');
    std::string_view name = colon == std::string_view::npos ? entity_id : entity_id.substr(colon + 1);
    return name.starts_with(host) && (name.size() == host.size() || !std::isalnum(static_cast<unsigned char>(name[host.size()])));
  }

  TimeValue publication_time() const {
    TimeValue t;
    if (!in_.publication_day) {
      t.value = "XXXX-XX-XX";
      t.anchor = TimeAnchor::unknown;
      return t;
    }
    t.value = format_day(*in_.publication_day);
    t.earliest = in_.publication_day;
    t.latest = in_.publication_day;
    t.granularity = Granularity::day;
    t.anchor = TimeAnchor::publication_relative;
    return t;
  }
};

}  // namespace

std::vector<EventMention> find_event_mentions(const EventInputs& inputs) {
  return EventFinder(inputs).run();
}

}  // namespace eventgraph::detail
