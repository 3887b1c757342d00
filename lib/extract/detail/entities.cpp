// Finds entity mentions in one document and resolves them within it: one
// left-to-right pass over each sentence's tokens walking the lexicon's token
// tries (cost per token: a filter bit per trie, and a hash and a probe for
// the few that pass, whatever the lexicon's size), then, per sentence,
// appositions and titles that refer back.
#include "extract/detail/entities.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "extract/detail/ascii.h"
#include "extract/detail/entity_lexicon.h"

namespace eventgraph::detail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxNameWords = 4;

// ---------------------------------------------------------------------------
// Characters and words

// Does the text word `text` spell the lexicon word `name`? Their folded
// forms are equal (the trie saw to that); the case must fit too, by the
// rules of TokenCase. Names carry their words' cases (IndexedName::cases);
// this is for a name word whose case is not at hand.
bool is_case_compatible(std::string_view name, std::string_view text) {
  if (name == text) return true;
  if (is_all_caps(name)) return false;
  if (starts_upper(name)) return starts_upper(text);
  return true;
}

// Capitalized words that begin sentences or follow titles without being
// names, and words that head the name of an organization.
bool is_stop_word(std::string_view folded) {
  static const std::set<std::string_view> kStop = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.",
      "oct.", "nov.", "dec.", "i", "the", "a", "an", "and", "or", "but", "he", "she",
      "it", "they", "we", "you", "his", "her", "their", "our", "this", "that", "in",
      "on", "at", "as", "of", "for", "to", "with", "by", "from", "after", "before",
      "when", "while", "if", "said", "says", "told", "is", "was", "has", "had", "will",
      "would", "who", "which", "what", "there", "here", "not", "no", "yes", "mr.",
      "mrs.", "ms.", "ap", "photo",
      // Heads of organization names: "Justice" is a title, but the Justice
      // Department is no person called Department.
      "department", "ministry", "committee", "council", "commission", "agency", "administration",
      "government", "party", "company", "co.", "corp.", "inc.", "ltd."};
  return kStop.contains(folded);
}

bool is_name_suffix(std::string_view folded) {
  return folded == "jr." || folded == "sr." || folded == "jr" || folded == "sr" || folded == "ii" ||
         folded == "iii" || folded == "iv";
}

bool is_name_particle(std::string_view folded) {
  static const std::set<std::string_view> kParticles = {"al", "bin", "ibn", "van", "von", "de",
                                                        "da", "di", "du", "del", "der", "la",
                                                        "le", "abu", "el"};
  return kParticles.contains(folded) || folded.starts_with("al-") || folded.starts_with("el-");
}

bool is_determiner(std::string_view folded) { return folded == "the"; }
bool is_indefinite(std::string_view folded) {
  return folded == "a" || folded == "an" || folded == "the";
}
// A capital after these is the city, not its government ("in Moscow").
bool is_locative(std::string_view folded) {
  return folded == "in" || folded == "at" || folded == "near" || folded == "outside" ||
         folded == "inside";
}
bool is_dash(std::string_view text) {
  return text == "-" || text == "--" || text == "\u2014" || text == "\u2013";
}

// ---------------------------------------------------------------------------
// Units: tokens as matching sees them. Square brackets (editorial
// insertions, "[Defense] Secretary [Ashton] Carter") are dropped so the
// name reads through; a possessive "'s" is kept aside as a stem.

// An ASCII token's folded form is its span of the document lowered once;
// only other tokens get a string of their own, padded as the lowered text
// is, so that every folded view hashes with eight-byte loads. A token's
// first trie steps are taken once, for every name and title match that
// starts at it; it is hashed only when a walk reaches it (most tokens start
// no name and follow none): a string per token and a hash per lookup were a
// fifth of the entity pass.
struct Unit {
  Span span;
  std::string_view text;
  std::string_view folded;                        // padded (ascii.h)
  std::uint32_t name_root = TokenTrie::kNone;     // name_trie.child(kRoot, folded)
  std::uint32_t title_root = TokenTrie::kNone;    // title_trie.child(kRoot, folded)
  TokenKind kind = TokenKind::word;
  bool is_capitalized = false;    // starts_upper(text)
  bool has_hyphen = false;        // text holds a '-'
  bool is_after_open_bracket = false;   // "[" dropped just before
  bool is_before_close_bracket = false; // "]" dropped just after
  bool is_after_close_bracket = false;  // "]" dropped just before
  bool has_stem = false;       // a possessive "'s" ends the word
  std::string_view stem_folded;  // fold of stem(), padded; empty when none
  std::uint32_t stem_name_root = TokenTrie::kNone;  // name_trie.child(kRoot, stem_folded)

  // Every field written once: default members and then assignments cost a
  // tenth of building the units.
  Unit(Span span_, std::string_view text_, std::string_view folded_, std::uint32_t name_root_, std::uint32_t title_root_, TokenKind kind_, bool is_capitalized_,
       bool has_hyphen_, bool is_after_open_bracket_, bool is_after_close_bracket_)
      : span(span_),
        text(text_),
        folded(folded_),
        name_root(name_root_),
        title_root(title_root_),
        kind(kind_),
        is_capitalized(is_capitalized_),
        has_hyphen(has_hyphen_),
        is_after_open_bracket(is_after_open_bracket_),
        is_after_close_bracket(is_after_close_bracket_) {}
  bool is_word() const { return kind == TokenKind::word; }
  // "Russia" of "Russia's" (its span ends two bytes early): derived, as few
  // words have one.
  std::string_view stem() const { return text.substr(0, text.size() - 2); }
  std::string_view stem_or_folded() const { return has_stem ? stem_folded : folded; }
};

// What one pass over a word's lowered bytes, eight at a time, tells.
struct ScannedWord {
  std::uint64_t first_bytes = 0;  // load_word_bytes(p, min(8, n))
  bool is_ascii = true;
  bool has_hyphen = false;
};

// Scans `n` bytes at `p`, whose bytes up to the next multiple of eight are
// readable (a padded lowered text).
ScannedWord scan_word(const char* p, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kHyphens = 0x2D2D2D2D2D2D2D2DULL;
  if (n == 0) return {};
  const std::uint64_t first = load_word_bytes(p, n);
  std::uint64_t high = first;
  // The zero bytes past the word are no hyphens: 0 ^ '-' is not zero.
  std::uint64_t hyphens = zero_byte_bits(first ^ kHyphens);
  for (std::size_t i = 8; i < n; i += 8) {
    const std::uint64_t x = load_word_bytes(p + i, n - i);
    high |= x;
    hyphens |= zero_byte_bits(x ^ kHyphens);
  }
  return {first, (high & kHigh) == 0, hyphens != 0};
}

// fold_case(word) in a string of `folds` followed by kLoweredPadding zero
// bytes, viewed without them.
std::string_view padded_fold(std::string_view word, std::deque<std::string>& folds) {
  std::string& fold = folds.emplace_back(fold_case(word));
  const std::size_t size = fold.size();
  fold.append(kLoweredPadding, '\0');
  return {fold.data(), size};
}

// load_word_bytes() of a padded view's first (up to) eight bytes.
std::uint64_t first_bytes_of(std::string_view padded) {
  return padded.empty() ? 0 : load_word_bytes(padded.data(), padded.size());
}

// The units of a sentence's `tokens` (into `units`, cleared first).
// `lowered` is lower_ascii_padded(text), fold_case() of any ASCII part;
// folds of other tokens go to `folds`, whose strings stay in place as it
// grows.
void make_units(std::string_view text, std::string_view lowered, const std::vector<Token>& tokens,
                const EntityLexicon& lexicon, std::vector<Unit>& units, std::deque<std::string>& folds) {
  units.clear();
  units.reserve(tokens.size());
  const TokenTrie& names = lexicon.name_trie;
  const TokenTrie& titles = lexicon.title_trie;
  bool open_pending = false;
  bool close_pending = false;
  for (const Token& t : tokens) {
    const std::size_t begin = t.span.begin_byte;
    const std::size_t size = t.span.size();
    const std::string_view word(text.data() + begin, size);  // tokens lie inside the text
    if (size == 1 && word[0] == '[') {
      open_pending = true;
      continue;
    }
    if (size == 1 && word[0] == ']') {
      if (!units.empty()) units.back().is_before_close_bracket = true;
      close_pending = true;
      continue;
    }
    const char* low = lowered.data() + begin;
    const ScannedWord scanned = scan_word(low, size);
    std::string_view folded(low, size);
    std::uint64_t first_bytes = scanned.first_bytes;
    if (!scanned.is_ascii) {
      folded = padded_fold(word, folds);
      first_bytes = first_bytes_of(folded);
    }
    const bool is_capitalized = size > 0 && static_cast<unsigned char>(word[0]) < 0x80 ? is_ascii_upper(word[0])
                                                                                       : starts_upper(word);
    // Both tries' filters have the bit at the same place, and their steps
    // take the same hash: each found once.
    const std::size_t bit = TokenTrie::root_bit(first_bytes, folded.size());
    const bool may_name = names.may_have_root_child(bit);
    const bool may_title = titles.may_have_root_child(bit);
    std::uint32_t name_root = TokenTrie::kNone;
    std::uint32_t title_root = TokenTrie::kNone;
    if (may_name || may_title) {
      const std::uint64_t hash = TokenTrie::hash_token_padded(folded.data(), folded.size());
      if (may_name) name_root = names.child(TokenTrie::kRoot, folded, hash);
      if (may_title) title_root = titles.child(TokenTrie::kRoot, folded, hash);
    }
    Unit& u = units.emplace_back(t.span, word, folded, name_root, title_root, t.kind, is_capitalized,
                                 scanned.has_hyphen, open_pending, close_pending);
    open_pending = close_pending = false;
    // "'s" or "'S": lowered, both read "'s".
    if (t.kind == TokenKind::word && size > 2 && low[size - 2] == '\'' && low[size - 1] == 's') {
      u.has_stem = true;
      // The lowered text goes on past an ASCII stem: padded too.
      u.stem_folded = scanned.is_ascii ? std::string_view(low, size - 2) : padded_fold(u.stem(), folds);
      u.stem_name_root = names.root_child_padded(u.stem_folded, first_bytes_of(u.stem_folded));
    }
  }
}

// A title-case line (headline) makes every word look like a name; new
// people are not made up from it. A sentence full of titles and names can
// be as capitalized, so a headline is also one that does not end in a
// period.
bool is_headline(const std::vector<Unit>& units) {
  for (std::size_t j = units.size(); j-- > 0;) {
    // One-byte tests: == on views called memcmp, twice a sentence.
    const std::string_view text = units[j].text;
    if (units[j].kind == TokenKind::quote || (text.size() == 1 && text[0] == ')')) continue;
    if (!text.empty() && (text.back() == '.' || (text.size() == 1 && (text[0] == '?' || text[0] == '!')))) {
      return false;
    }
    break;
  }
  int long_words = 0;
  int capitalized = 0;
  for (const Unit& u : units) {
    if (!u.is_word() || letter_count(u.text) < 4) continue;
    ++long_words;
    if (u.is_capitalized) ++capitalized;
  }
  return long_words >= 3 && capitalized * 4 >= long_words * 3;
}

// The first eight bytes of `s` (zeros past its end) as a number that
// orders as they do: when two keys differ, so do the strings, the same
// way; an id sort compared most pairs with a call to memcmp.
std::uint64_t prefix_key(std::string_view s) {
  if (s.empty()) return 0;
  std::uint64_t x = load_word_bytes_safe(s.data(), s.size());
  if constexpr (std::endian::native == std::endian::little) x = __builtin_bswap64(x);
  return x;
}

// Whether a mention's text is its name as is: no brackets or line breaks
// to drop, no space at either end or after another.
bool is_clean_name(std::string_view written) {
  if (written.empty() || written.front() == ' ' || written.back() == ' ') return written.empty();
  for (std::size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c == '[' || c == ']' || c == '\n' || (c == ' ' && written[i - 1] == ' ')) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Document state

struct DocPerson {
  std::string id;
  std::string name;
  bool is_from_lexicon = false;
  std::size_t first_begin = kNone;          // byte offset of the first mention
  std::set<std::string> stated_roles;       // from titles in this document
  std::set<std::string> stated_heads;       // head nouns of those titles
  std::set<std::string> lexicon_roles;      // from dated roles
  std::set<std::string> affiliations;       // stated and from roles, with part_of parents
};

// A name introduced in this document for a person the lexicon lacks.
struct DocName {
  std::vector<std::string> folded;
  std::string id;
};

struct Found {
  std::string id;
  Span span;
  std::size_t unit_begin = 0;  // [unit_begin, unit_end) in the sentence's units
  std::size_t unit_end = 0;
  EntityKind kind = EntityKind::person;
  bool is_anaphor = false;     // a title standing for a person
  bool is_possessive = false;
};

// A title (chain) with no name after it: maybe an apposition ("Sergei
// Ivanov, a top Putin aide"), maybe a person referred back to ("the
// Pentagon spokesman").
struct TitleUse {
  std::size_t unit_begin = 0;
  std::size_t unit_end = 0;
  std::uint32_t title = 0;          // the last title of the chain
  std::size_t modifier = kNone;     // index into the sentence's found mentions
  bool has_definite = false;        // "the", or a possessive modifier
};

struct NameMatch {
  std::size_t length = 0;       // units
  bool is_possessive = false;   // the last unit matched by its stem
  std::size_t name = kNone;     // index into lexicon.names
  // Or a document-introduced person: DocName::id, valid until the next
  // person is introduced.
  std::string_view doc_person;
};

class Resolver {
 public:
  Resolver(const SegmentedText& seg, const EntityLexicon& lexicon, std::optional<date::sys_days> day)
      : seg_(seg), lex_(lexicon), day_(day) {}

  EntityResult run();

 private:
  void sentence(const std::vector<Unit>& units);
  // The longest lexicon or document name from units[i] on; length 0 when
  // none. Most words start none (no lexicon name under the word or its
  // stem, and no document name, those start capitalized): answered inline.
  NameMatch match_name(const std::vector<Unit>& units, std::size_t i) const {
    const Unit& u = units[i];
    if (u.name_root == TokenTrie::kNone && u.stem_name_root == TokenTrie::kNone &&
        (!u.is_capitalized || doc_names_.empty())) {
      return {};
    }
    return match_name_from(units, i);
  }
  NameMatch match_name_from(const std::vector<Unit>& units, std::size_t i) const;
  // The length of the longest title from units[i] on (0: none), its entry
  // in `title`.
  std::size_t match_title(const std::vector<Unit>& units, std::size_t i, std::uint32_t& title) const {
    return units[i].title_root == TokenTrie::kNone ? 0 : match_title_from(units, i, title);
  }
  std::size_t match_title_from(const std::vector<Unit>& units, std::size_t i, std::uint32_t& title) const;
  std::size_t pick_name(std::uint32_t node, const std::vector<Unit>& units, std::size_t i, std::size_t k,
                        bool is_stem) const;
  std::size_t title_chain(const std::vector<Unit>& units, std::size_t i);
  std::size_t name_run(const std::vector<Unit>& units, std::size_t k) const;
  std::string resolve_run(const std::vector<Unit>& units, std::size_t k, std::size_t run,
                          const std::vector<std::uint32_t>& titles);
  bool emit_name(const std::vector<Unit>& units, std::size_t i, const NameMatch& m);
  void emit_parts(const std::vector<Unit>& units, std::size_t i);
  std::size_t add_found(const std::vector<Unit>& units, std::string id, EntityKind kind, std::size_t begin,
                        std::size_t end, bool is_possessive);
  std::size_t absorb_suffix(const std::vector<Unit>& units, std::size_t end) const;
  DocPerson& person(const std::string& id);
  DocPerson& lexicon_person(const LexiconEntity& e);
  DocPerson& new_person(const std::vector<Unit>& units, std::size_t k, std::size_t run);
  void add_title(DocPerson& p, std::uint32_t title);
  void add_affiliation(const std::string& person_id, const std::string& of, std::string title, Span evidence);
  const std::string& place_for_capital(const IndexedName& capital);
  void appositions_and_anaphors(const std::vector<Unit>& units);
  std::string resolve_anaphor(const TitleUse& use, const std::vector<Unit>& units) const;

  const SegmentedText& seg_;
  const EntityLexicon& lex_;
  std::optional<date::sys_days> day_;

  std::vector<Found> found_;                 // all, in text order within each sentence
  std::size_t sentence_first_found_ = 0;     // index of this sentence's first in found_
  std::vector<TitleUse> title_uses_;         // this sentence's
  std::map<std::string, DocPerson> people_;
  std::map<std::string, std::set<std::string>, std::less<>> surnames_;  // folded -> person ids
  std::map<std::string, std::vector<DocName>, std::less<>> doc_names_;  // first folded token ->
  std::map<std::string, Entity, std::less<>> synthesized_;      // places and new people
  std::vector<Affiliation> affiliations_;
  bool is_headline_ = false;
};

// ---------------------------------------------------------------------------
// Matching

std::size_t Resolver::pick_name(std::uint32_t node, const std::vector<Unit>& units, std::size_t i,
                                std::size_t k, bool is_stem) const {
  std::size_t best = kNone;
  int best_exact = -1;
  for (std::uint32_t value : lex_.name_trie.values(node)) {
    const IndexedName& name = lex_.names[value];
    if (name.tokens.size() != k - i + 1) continue;
    bool ok = true;
    int exact = 0;
    for (std::size_t j = 0; j < name.tokens.size() && ok; ++j) {
      // is_case_compatible(), with the lexicon word's case known; a stem
      // starts as its word does.
      const Unit& u = units[i + j];
      const std::string_view text = (is_stem && i + j == k) ? u.stem() : u.text;
      const bool is_exact = name.tokens[j] == text;
      switch (name.cases[j]) {
        case TokenCase::as_written: ok = is_exact; break;
        case TokenCase::capitalized: ok = is_exact || u.is_capitalized; break;
        case TokenCase::any: break;
      }
      if (is_exact) ++exact;
    }
    if (!ok) continue;
    // Prefer the exact spelling, then a name over a demonym over a capital,
    // then the smaller id: a fixed order, whatever the file order.
    if (best == kNone || exact > best_exact ||
        (exact == best_exact && (name.form < lex_.names[best].form ||
                                 (name.form == lex_.names[best].form && name.target < lex_.names[best].target)))) {
      best = value;
      best_exact = exact;
    }
  }
  return best;
}

NameMatch Resolver::match_name_from(const std::vector<Unit>& units, std::size_t i) const {
  NameMatch best;
  std::uint32_t node = TokenTrie::kRoot;
  for (std::size_t k = i; k < units.size(); ++k) {
    const Unit& u = units[k];
    if (u.has_stem) {
      const std::uint32_t s = k == i ? u.stem_name_root : lex_.name_trie.inner_child_padded(node, u.stem_folded);
      if (s != TokenTrie::kNone) {
        const std::size_t pick = pick_name(s, units, i, k, true);
        if (pick != kNone) best = {k - i + 1, true, pick, {}};
      }
    }
    node = k == i ? u.name_root : lex_.name_trie.inner_child_padded(node, u.folded);
    if (node == TokenTrie::kNone) break;
    const std::size_t pick = pick_name(node, units, i, k, false);
    if (pick != kNone) best = {k - i + 1, false, pick, {}};
  }
  // Names this document introduced for people the lexicon lacks.
  auto it = doc_names_.find(units[i].folded);
  if (it == doc_names_.end() && units[i].has_stem) it = doc_names_.find(units[i].stem_folded);
  if (it != doc_names_.end()) {
    for (const DocName& name : it->second) {
      const std::size_t n = name.folded.size();
      if (n <= best.length || i + n > units.size()) continue;
      bool ok = true;
      bool is_possessive = false;
      for (std::size_t j = 0; j < n && ok; ++j) {
        const Unit& u = units[i + j];
        if (!u.is_capitalized) ok = false;
        else if (u.folded == name.folded[j]) continue;
        else if (j + 1 == n && u.stem_folded == name.folded[j]) is_possessive = true;
        else ok = false;
      }
      if (ok) best = {n, is_possessive, kNone, name.id};
    }
  }
  return best;
}

std::size_t Resolver::match_title_from(const std::vector<Unit>& units, std::size_t i, std::uint32_t& title) const {
  std::size_t length = 0;
  std::uint32_t node = TokenTrie::kRoot;
  for (std::size_t k = i; k < units.size(); ++k) {
    node = k == i ? units[k].title_root : lex_.title_trie.inner_child_padded(node, units[k].folded);
    if (node == TokenTrie::kNone) break;
    const auto& values = lex_.title_trie.values(node);
    if (!values.empty()) {
      length = k - i + 1;
      title = lex_.title_names[values.front()].target;
    }
  }
  return length;
}

// Name words after `k`: capitalized, not a title, not another entity's
// name, at most four, with particles ("al-", "bin") inside.
std::size_t Resolver::name_run(const std::vector<Unit>& units, std::size_t k) const {
  std::size_t run = 0;
  while (k + run < units.size() && run < kMaxNameWords) {
    const Unit& u = units[k + run];
    if (!u.is_word()) break;
    const std::string_view folded = u.stem_or_folded();
    // "al-Abadi", "el-Sisi": an article joined to a capitalized name.
    const std::size_t hyphen = u.has_hyphen ? u.text.find('-') : std::string_view::npos;
    const bool is_joined_article = hyphen != std::string_view::npos && hyphen <= 2 &&
                                   is_name_particle(folded.substr(0, hyphen)) &&
                                   starts_upper(u.text.substr(hyphen + 1));
    const bool is_particle = is_joined_article || (is_name_particle(folded) && k + run + 1 < units.size() &&
                                                   units[k + run + 1].is_capitalized);
    if (!is_particle && (!u.is_capitalized || is_stop_word(folded) || is_name_suffix(folded))) break;
    std::uint32_t title = 0;
    if (run > 0 && match_title(units, k + run, title) > 0) break;
    const NameMatch other = match_name(units, k + run);
    if (other.length > 0 && other.name != kNone &&
        lex_.entities[lex_.names[other.name].target].kind != EntityKind::person) {
      break;
    }
    ++run;
    if (u.has_stem) break;  // "Zinke's" ends the name
  }
  return run;
}

std::size_t Resolver::absorb_suffix(const std::vector<Unit>& units, std::size_t end) const {
  if (end < units.size() && is_name_suffix(units[end].folded)) return end + 1;
  return end;
}

// ---------------------------------------------------------------------------
// People

DocPerson& Resolver::person(const std::string& id) { return people_[id]; }

DocPerson& Resolver::lexicon_person(const LexiconEntity& e) {
  DocPerson& p = people_[e.id];
  if (!p.id.empty()) return p;
  p.id = e.id;
  p.name = e.name;
  p.is_from_lexicon = true;
  for (const DatedRole& role : e.roles) {
    if (day_ && !role.is_in_force(*day_)) continue;
    p.lexicon_roles.insert(role.role);
    p.affiliations.insert(role.of);
    if (const LexiconEntity* body = lex_.find(role.of); body && !body->part_of.empty()) {
      p.affiliations.insert(body->part_of);
    }
  }
  for (const std::string& surname : e.surnames) surnames_[surname].insert(e.id);
  return p;
}

DocPerson& Resolver::new_person(const std::vector<Unit>& units, std::size_t k, std::size_t run) {
  std::string name;
  DocName doc_name;
  for (std::size_t j = k; j < k + run; ++j) {
    const std::string_view word = units[j].has_stem ? units[j].stem() : units[j].text;
    if (!name.empty()) name += ' ';
    name += word;
    doc_name.folded.push_back(fold_case(word));
  }
  doc_name.id = "person:" + slug(name);
  DocPerson& p = people_[doc_name.id];
  if (!p.id.empty()) return p;
  p.id = doc_name.id;
  p.name = name;
  surnames_[doc_name.folded.back()].insert(p.id);
  synthesized_[p.id] = Entity{p.id, EntityKind::person, name, {}, {}};
  if (doc_name.folded.size() > 1) {
    const std::string first = doc_name.folded.front();
    doc_names_[first].push_back(std::move(doc_name));
  }
  return p;
}

void Resolver::add_title(DocPerson& p, std::uint32_t title) {
  const LexiconTitle& t = lex_.titles[title];
  p.stated_roles.insert(t.role);
  p.stated_heads.insert(t.head);
}

void Resolver::add_affiliation(const std::string& person_id, const std::string& of, std::string title,
                               Span evidence) {
  if (person_id == of) return;
  DocPerson& p = person(person_id);
  p.affiliations.insert(of);
  if (const LexiconEntity* body = lex_.find(of); body && !body->part_of.empty()) {
    p.affiliations.insert(body->part_of);
  }
  affiliations_.push_back({person_id, of, std::move(title), evidence});
}

// Resolves the name words [k, k + run) after titles to a person: one the
// document named before ("Secretary Carter" after "Ash Carter"), one the
// lexicon knows by surname ("Secretary Carter" first), else a new person.
std::string Resolver::resolve_run(const std::vector<Unit>& units, std::size_t k, std::size_t run,
                                  const std::vector<std::uint32_t>& titles) {
  const Unit& last = units[k + run - 1];
  const std::string_view surname = last.stem_or_folded();
  if (run == 1) {
    auto it = surnames_.find(surname);
    if (it != surnames_.end() && it->second.size() == 1) return *it->second.begin();
  }
  // The lexicon's people with this surname; with a first name, it must
  // agree on its first three letters ("Sergey" ~ "Sergei").
  auto it = lex_.people_by_surname.find(surname);
  if (it != lex_.people_by_surname.end()) {
    std::vector<const LexiconEntity*> candidates;
    for (std::uint32_t index : it->second) {
      const LexiconEntity& e = lex_.entities[index];
      if (run > 1) {
        const std::string first = fold_case(name_tokens(e.name).front());
        if (first.substr(0, 3) != units[k].folded.substr(0, 3)) continue;
      }
      candidates.push_back(&e);
    }
    if (candidates.size() > 1 && !titles.empty()) {
      // Several: keep those who held a role of this kind.
      std::vector<const LexiconEntity*> fitting;
      for (const LexiconEntity* e : candidates) {
        for (const DatedRole& role : e->roles) {
          if ((!day_ || role.is_in_force(*day_)) &&
              role.role == lex_.titles[titles.back()].role) {
            fitting.push_back(e);
            break;
          }
        }
      }
      candidates = fitting;
    }
    if (candidates.size() == 1) return lexicon_person(*candidates.front()).id;
  }
  if (is_headline_) return "";
  return new_person(units, k, run).id;
}

// ---------------------------------------------------------------------------
// Emitting

std::size_t Resolver::add_found(const std::vector<Unit>& units, std::string id, EntityKind kind,
                                std::size_t begin, std::size_t end, bool is_possessive) {
  // Built in place: a Found moved in (its id string) cost a tenth of the call.
  Found& f = found_.emplace_back();
  f.id = std::move(id);
  f.kind = kind;
  f.unit_begin = begin;
  f.unit_end = end;
  f.is_possessive = is_possessive;
  f.span.begin_byte = units[begin].span.begin_byte;
  // A possessive's last unit has a stem: the "'s" is left out.
  f.span.end_byte = units[end - 1].span.end_byte - (is_possessive ? 2 : 0);
  // "[Defense] Secretary [Ashton] Carter": take in the brackets the
  // mention closes, so the span reads as written.
  bool closes = false;
  for (std::size_t j = begin + 1; j < end; ++j) closes = closes || units[j].is_after_close_bracket;
  if (units[begin].is_after_open_bracket && closes) f.span.begin_byte = seg_.text.rfind('[', f.span.begin_byte);
  if (kind == EntityKind::person) {
    DocPerson& p = person(f.id);
    if (p.first_begin == kNone) p.first_begin = f.span.begin_byte;
  }
  return found_.size() - 1;
}

const std::string& Resolver::place_for_capital(const IndexedName& capital) {
  const std::string& id = capital.place_id;
  if (!lex_.find(id)) {
    auto [it, is_new] = synthesized_.try_emplace(id);
    if (is_new) it->second = Entity{id, EntityKind::place, capital.place_name, {}, {}};
  }
  return id;
}

// Emits the lexicon or document name matched at `i`; returns false when a
// guard turns it down.
bool Resolver::emit_name(const std::vector<Unit>& units, std::size_t i, const NameMatch& m) {
  std::size_t end = i + m.length;
  if (m.name == kNone) {  // a person this document introduced
    end = m.is_possessive ? end : absorb_suffix(units, end);
    add_found(units, std::string(m.doc_person), EntityKind::person, i, end, m.is_possessive);
    return true;
  }
  const IndexedName& name = lex_.names[m.name];
  const LexiconEntity& e = lex_.entities[name.target];
  // "US", "IS", "UN" in a shouted headline are words, not acronyms.
  // cases[0] is as_written exactly when the word is all capitals.
  if (name.tokens.size() == 1 && name.cases[0] == TokenCase::as_written && letter_count(name.tokens[0]) <= 2) {
    // A neighbour in capitals that is not itself an acronym of the lexicon.
    auto is_shouting = [&](std::size_t j) {
      if (!units[j].is_word() || !is_all_caps(units[j].text)) return false;
      const std::uint32_t node = units[j].name_root;
      if (node == TokenTrie::kNone) return true;
      const auto& values = lex_.name_trie.values(node);
      return std::none_of(values.begin(), values.end(), [&](std::uint32_t v) {
        return lex_.names[v].tokens.size() == 1 && lex_.names[v].tokens[0] == units[j].text;
      });
    };
    if ((i > 0 && is_shouting(i - 1)) || (end < units.size() && is_shouting(end))) return false;
  }
  std::string_view id = e.id;  // the lexicon's, or its place's: both outlive the pass
  EntityKind kind = e.kind;
  if (name.form == NameForm::capital) {
    // A capital stands for its government ("Moscow says") except where it
    // is a place: after "in", "at" ("talks in Vienna"), or in a dateline
    // ("MOSCOW, Sept. 30 (Reuters) -", "WASHINGTON, D.C.—"), which says where
    // the reporter was.
    const bool is_dateline = i == 0 && is_all_caps(units[i].text) && end < units.size() &&
                             (units[end].text == "," || units[end].text == "(" || is_dash(units[end].text));
    const bool is_place = i > 0 && is_locative(units[i - 1].folded);
    if (is_dateline || is_place) {
      // The capital as the lexicon spells it, not as the dateline shouts it.
      id = place_for_capital(name);
      kind = EntityKind::place;
    }
  }
  if (kind == EntityKind::person) {
    lexicon_person(e);
    if (!m.is_possessive) end = absorb_suffix(units, end);
  }
  add_found(units, std::string(id), kind, i, end, m.is_possessive);
  return true;
}

// "US-led", "pro-Russian", "anti-ISIS": a country, organization or group
// named inside a hyphenated word.
void Resolver::emit_parts(const std::vector<Unit>& units, std::size_t i) {
  const Unit& unit = units[i];
  std::size_t begin = 0;
  const std::string_view text = unit.text;
  for (std::size_t dash = 0; begin <= text.size(); begin = dash + 1) {
    dash = text.find('-', begin);
    if (dash == std::string_view::npos) dash = text.size();
    const std::string_view part = text.substr(begin, dash - begin);
    if (!part.empty() && part.size() < text.size()) {
      const std::uint32_t node = lex_.name_trie.child(TokenTrie::kRoot, fold_case(part));
      if (node != TokenTrie::kNone) {
        for (std::uint32_t value : lex_.name_trie.values(node)) {
          const IndexedName& name = lex_.names[value];
          const LexiconEntity& e = lex_.entities[name.target];
          if (name.tokens.size() != 1 || e.kind == EntityKind::person || name.form == NameForm::capital ||
              !is_case_compatible(name.tokens[0], part)) {
            continue;
          }
          Found f;
          f.id = e.id;
          f.kind = e.kind;
          f.span = {unit.span.begin_byte + begin, unit.span.begin_byte + dash};
          f.unit_begin = i;
          f.unit_end = i + 1;
          found_.push_back(std::move(f));
          break;
        }
      }
    }
    if (dash == text.size()) break;
  }
}

// Titles from `i` on, and the name they mark. Returns where to go on.
std::size_t Resolver::title_chain(const std::vector<Unit>& units, std::size_t i) {
  std::vector<std::uint32_t> titles;
  std::size_t k = i;
  while (k < units.size()) {  // a sentence may end with a title
    std::uint32_t title = 0;
    const std::size_t length = match_title(units, k, title);
    if (length == 0 || match_name(units, k).length >= length) break;
    titles.push_back(title);
    k += length;
  }
  // The entity just before the titles modifies them: "Russia's President",
  // "Pentagon spokesman", "a top Putin aide".
  std::size_t modifier = kNone;
  if (found_.size() > sentence_first_found_ && found_.back().unit_end == i &&
      found_.back().kind != EntityKind::place) {
    modifier = found_.size() - 1;
  }
  auto attach = [&](const std::string& id, std::size_t found_index) {
    DocPerson& p = person(id);
    for (std::uint32_t t : titles) add_title(p, t);
    // A modifier modifies the first title: "Joint Chiefs Chairman Gen. ..."
    const LexiconTitle& last = lex_.titles[titles.front()];
    const Span evidence{modifier != kNone ? found_[modifier].span.begin_byte : found_[found_index].span.begin_byte,
                        found_[found_index].span.end_byte};
    if (modifier != kNone) {
      add_affiliation(id, found_[modifier].id, last.title, evidence);
    } else {
      for (std::uint32_t t : titles) {
        if (!lex_.titles[t].affiliation.empty()) add_affiliation(id, lex_.titles[t].affiliation, lex_.titles[t].title, evidence);
      }
    }
  };

  const NameMatch m = k < units.size() ? match_name(units, k) : NameMatch{};
  const bool is_person_match =
      m.length > 0 && (m.name == kNone || lex_.entities[lex_.names[m.name].target].kind == EntityKind::person);
  if (is_person_match) {
    std::string id(m.name == kNone ? m.doc_person : lex_.entities[lex_.names[m.name].target].id);
    if (m.name != kNone) lexicon_person(lex_.entities[lex_.names[m.name].target]);
    std::size_t end = k + m.length;
    if (!m.is_possessive) end = absorb_suffix(units, end);
    const std::size_t f = add_found(units, id, EntityKind::person, i, end, m.is_possessive);
    attach(id, f);
    return end;
  }
  if (m.length == 0 && k < units.size()) {
    const std::size_t run = name_run(units, k);
    if (run > 0) {
      const std::string id = resolve_run(units, k, run, titles);
      if (!id.empty()) {
        std::size_t end = k + run;
        const bool is_possessive = units[end - 1].has_stem;
        if (!is_possessive) end = absorb_suffix(units, end);
        const std::size_t f = add_found(units, id, EntityKind::person, i, end, is_possessive);
        attach(id, f);
        return end;
      }
    }
  }
  // No name: keep the title for appositions and references back.
  TitleUse use;
  use.unit_begin = i;
  use.unit_end = k;
  use.title = titles.back();
  use.modifier = modifier;
  const std::size_t before = modifier != kNone ? found_[modifier].unit_begin : i;
  use.has_definite = (modifier != kNone && found_[modifier].is_possessive) ||
                     (before > 0 && is_determiner(units[before - 1].folded));
  title_uses_.push_back(use);
  return k;
}

// ---------------------------------------------------------------------------
// Appositions and references back, once a sentence's names are known.

std::string Resolver::resolve_anaphor(const TitleUse& use, const std::vector<Unit>& units) const {
  const LexiconTitle& title = lex_.titles[use.title];
  if (!use.has_definite) return "";
  // A lower-case title that is also a common word refers back only with a
  // modifier ("the Pentagon spokesman"); "the general public" does not.
  if (!title.refers_back && use.modifier == kNone) return "";
  const std::string modifier = use.modifier != kNone ? found_[use.modifier].id : "";
  const bool is_single_word = use.unit_end - use.unit_begin == 1;
  const std::size_t at = units[use.unit_begin].span.begin_byte;
  // People named before, whose titles fit: those titled so in this
  // document first, then those whose lexicon roles fit.
  std::vector<std::string> stated;
  std::vector<std::string> known;
  for (const auto& [id, p] : people_) {
    if (p.first_begin == kNone || p.first_begin >= at) continue;
    if (!modifier.empty() && !p.affiliations.contains(modifier)) continue;
    const bool is_stated = p.stated_roles.contains(title.role) ||
                           (is_single_word && p.stated_heads.contains(title.head));
    if (is_stated) {
      stated.push_back(id);
    } else if (p.lexicon_roles.contains(title.role)) {
      known.push_back(id);
    }
  }
  if (stated.size() == 1) return stated.front();
  if (!stated.empty()) return "";
  if (known.size() == 1) return known.front();
  if (!known.empty() || modifier.empty() || !day_) return "";
  // Nobody named yet: the lexicon's holder of the role on the day
  // ("the Russian president" in a story that never names him).
  std::string holder;
  for (const LexiconEntity& e : lex_.entities) {
    if (e.kind != EntityKind::person) continue;
    for (const DatedRole& role : e.roles) {
      if (role.of == modifier && role.is_in_force(*day_) && role.role == title.role) {
        if (!holder.empty() && holder != e.id) return "";
        holder = e.id;
      }
    }
  }
  return holder;
}

void Resolver::appositions_and_anaphors(const std::vector<Unit>& units) {
  std::vector<Found> added;
  for (const TitleUse& use : title_uses_) {
    const LexiconTitle& title = lex_.titles[use.title];
    // Backwards: [modifier] adjectives determiner "," [(...)] <person>.
    std::size_t j = use.modifier != kNone ? found_[use.modifier].unit_begin : use.unit_begin;
    std::size_t adjectives = 0;
    while (j > 0 && adjectives < 3 && units[j - 1].is_word() && !units[j - 1].is_capitalized &&
           !is_indefinite(units[j - 1].folded)) {
      --j;
      ++adjectives;
    }
    std::string person_id;
    std::size_t person_begin = 0;
    if (j >= 2 && is_indefinite(units[j - 1].folded) && units[j - 2].text == ",") {
      std::size_t p = j - 2;
      if (p > 0 && units[p - 1].text == ")") {  // "(R-MT)", "(D-N.Y.)"
        std::size_t open = p - 1;
        while (open > 0 && units[open].text != "(" && p - open < 8) --open;
        if (units[open].text == "(") p = open;
      }
      for (std::size_t f = found_.size(); f-- > sentence_first_found_;) {
        if (found_[f].unit_end == p && found_[f].kind == EntityKind::person && !found_[f].is_anaphor) {
          person_id = found_[f].id;
          person_begin = found_[f].span.begin_byte;
          break;
        }
        if (found_[f].unit_end < p) break;
      }
    }
    if (!person_id.empty()) {
      DocPerson& p = person(person_id);
      add_title(p, use.title);
      std::string of;
      std::size_t of_end = units[use.unit_end - 1].span.end_byte;
      if (use.modifier != kNone) {
        of = found_[use.modifier].id;
      } else if (use.unit_end < units.size() &&
                 (units[use.unit_end].folded == "of" || units[use.unit_end].folded == "for" ||
                  units[use.unit_end].folded == "at" || units[use.unit_end].folded == "to")) {
        // "a member of the House Armed Services Committee"
        std::size_t at = use.unit_end + 1;
        if (at < units.size() && is_determiner(units[at].folded)) ++at;
        for (std::size_t f = sentence_first_found_; f < found_.size(); ++f) {
          if (found_[f].unit_begin == at && found_[f].kind != EntityKind::place) {
            of = found_[f].id;
            of_end = found_[f].span.end_byte;
            break;
          }
        }
      }
      if (!of.empty()) add_affiliation(person_id, of, title.title, Span{person_begin, of_end});
      continue;
    }
    const std::string id = resolve_anaphor(use, units);
    if (id.empty()) continue;
    Found f;
    f.id = id;
    f.kind = EntityKind::person;
    f.is_anaphor = true;
    f.unit_begin = use.unit_begin;
    f.unit_end = use.unit_end;
    f.span = {units[use.unit_begin].span.begin_byte, units[use.unit_end - 1].span.end_byte};
    added.push_back(std::move(f));
  }
  for (Found& f : added) found_.push_back(std::move(f));
  title_uses_.clear();
}

// ---------------------------------------------------------------------------
// The pass

void Resolver::sentence(const std::vector<Unit>& units) {
  sentence_first_found_ = found_.size();
  is_headline_ = is_headline(units);
  std::size_t i = 0;
  while (i < units.size()) {
    const Unit& u = units[i];
    const NameMatch m = match_name(units, i);
    std::uint32_t title = 0;
    const std::size_t title_length = match_title(units, i, title);
    if (title_length > m.length) {  // ties go to the name: "General Assembly"
      i = title_chain(units, i);
      continue;
    }
    if (m.length > 0 && emit_name(units, i, m)) {
      i = found_.back().unit_end;
      continue;
    }
    if (m.length == 0 && u.is_word()) {
      // Lower-case words are never surnames: no lookup for them.
      auto it = u.is_capitalized ? surnames_.find(u.stem_or_folded()) : surnames_.end();
      if (u.is_capitalized && it != surnames_.end() && it->second.size() == 1) {
        // "Cook" after "Peter Cook", "Dunford" after "Joseph DUnford Jr."
        add_found(units, *it->second.begin(), EntityKind::person, i, i + 1, u.has_stem);
      } else if (u.has_hyphen) {
        emit_parts(units, i);
      }
    }
    ++i;
  }
  appositions_and_anaphors(units);
}

EntityResult Resolver::run() {
  std::string own_lowered;
  std::string_view lowered = seg_.lowered;
  if (lowered.size() != seg_.text.size() + kLoweredPadding) {
    own_lowered = lower_ascii_padded(seg_.text);
    lowered = own_lowered;
  }
  std::deque<std::string> folds;
  std::vector<Unit> units;
  std::size_t token_count = 0;
  for (const std::vector<Token>& tokens : seg_.tokens) token_count += tokens.size();
  found_.reserve(token_count / 8 + 4);  // about the share of news words in names; fewer regrowths
  for (std::size_t s = 0; s < seg_.sentences.size() && s < seg_.tokens.size(); ++s) {
    make_units(seg_.text, lowered, seg_.tokens[s], lex_, units, folds);
    sentence(units);
  }

  // A lone surname that a title introduced ("President Hollande") joins
  // the full name given later ("Francois Hollande"), when only one fits.
  std::map<std::string, std::string> remap;
  for (const auto& [id, p] : people_) {
    if (p.is_from_lexicon || p.name.find(' ') != std::string::npos) continue;
    std::string target;
    for (const std::string& other : surnames_[fold_case(p.name)]) {
      if (other == id) continue;
      if (!target.empty()) {
        target.clear();
        break;
      }
      target = other;
    }
    if (!target.empty()) remap[id] = target;
  }
  for (Found& f : found_) {
    if (auto it = remap.find(f.id); it != remap.end()) f.id = it->second;
  }
  for (Affiliation& a : affiliations_) {
    if (auto it = remap.find(a.person_id); it != remap.end()) a.person_id = it->second;
    if (auto it = remap.find(a.of); it != remap.end()) a.of = it->second;
  }

  EntityResult result;
  // Mostly in order already (a sentence's appositions come after its
  // names); spans never coincide, so skipping a sort of sorted mentions
  // (each an id string to move) changes nothing.
  auto by_span = [](const Found& a, const Found& b) { return a.span < b.span; };
  if (!std::is_sorted(found_.begin(), found_.end(), by_span)) std::sort(found_.begin(), found_.end(), by_span);
  // (id, name as written) per mention, an anaphor's without a name; sorted,
  // each id's distinct names in order, as a map of sets gave them (a node
  // per id and per name cost more than the sort). A name is its span of
  // the text unless brackets, line breaks or runs of spaces must go: views,
  // so the sort moves no strings.
  struct Seen {
    std::uint64_t id_key = 0;  // prefix_key(id)
    std::string_view id;  // into found_
    bool has_name = false;
    std::string_view name;  // into the text or `cleaned`
  };
  std::vector<Seen> seen;
  std::deque<std::string> cleaned;
  seen.reserve(found_.size());
  for (const Found& f : found_) {
    Seen& entry = seen.emplace_back();
    entry.id = f.id;
    entry.id_key = prefix_key(f.id);
    if (f.is_anaphor) continue;
    entry.has_name = true;
    const std::string_view written = seg_.text.substr(f.span.begin_byte, f.span.size());
    if (is_clean_name(written)) {
      entry.name = written;
      continue;
    }
    std::string& name = cleaned.emplace_back();
    for (char c : written) {
      if (c == '[' || c == ']') continue;
      if ((c == ' ' || c == '\n') && (name.empty() || name.back() == ' ')) continue;
      name += c == '\n' ? ' ' : c;
    }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    entry.name = name;
  }
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) {
    if (a.id_key != b.id_key) return a.id_key < b.id_key;
    return std::tie(a.id, a.has_name, a.name) < std::tie(b.id, b.has_name, b.name);
  });
  // Built in place in a vector reserved for them: moving entities (three
  // strings each) as it grew, and in from a local, were a twentieth of the
  // pass.
  std::size_t distinct = 0;
  for (std::size_t k = 0; k < seen.size(); ++k) distinct += k == 0 || seen[k].id != seen[k - 1].id;
  result.entities.reserve(distinct);
  for (std::size_t begin = 0, end = 0; begin < seen.size(); begin = end) {
    const std::string_view id = seen[begin].id;
    for (end = begin + 1; end < seen.size() && seen[end].id == id;) ++end;
    const LexiconEntity* e = lex_.find(id);
    auto it = e ? synthesized_.end() : synthesized_.find(id);
    if (!e && it == synthesized_.end()) continue;  // cannot happen: every id comes from one of the two
    // Braces, not emplace_back's parentheses: clang 14 (the fuzzing build)
    // does not make aggregates from parentheses.
    if (e) {
      result.entities.push_back(Entity{.id = e->id, .kind = e->kind, .name = e->name, .aliases = {}, .qid = e->qid});
    } else {
      result.entities.push_back(it->second);
    }
    Entity& entity = result.entities.back();
    for (std::size_t k = begin; k < end; ++k) {
      const Seen& entry = seen[k];
      if (!entry.has_name || (k > begin && seen[k - 1].has_name && seen[k - 1].name == entry.name)) continue;
      if (entry.name != entity.name && !entry.name.empty()) entity.aliases.emplace_back(entry.name);
    }
  }
  result.mentions.reserve(found_.size());
  for (Found& f : found_) result.mentions.push_back({std::move(f.id), f.span});
  std::sort(affiliations_.begin(), affiliations_.end(), [](const Affiliation& a, const Affiliation& b) {
    return std::tie(a.person_id, a.evidence, a.of, a.title) < std::tie(b.person_id, b.evidence, b.of, b.title);
  });
  affiliations_.erase(std::unique(affiliations_.begin(), affiliations_.end(),
                                  [](const Affiliation& a, const Affiliation& b) {
                                    return a.person_id == b.person_id && a.of == b.of && a.evidence == b.evidence;
                                  }),
                      affiliations_.end());
  result.affiliations = std::move(affiliations_);
  return result;
}

}  // namespace

EntityResult find_entities(const SegmentedText& segmented, const EntityLexicon& lexicon,
                           std::optional<date::sys_days> publication_day) {
  return Resolver(segmented, lexicon, publication_day).run();
}

}  // namespace eventgraph::detail
