// Internal to extract; use extract.h.
// The entity lexicon: actors and places with their names, aliases,
// demonyms, capitals and dated roles, and the titles that mark people; with
// token-sequence indexes built once per load, so that matching a document
// costs one index walk per token, whatever the size of the lexicon.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/detail/ascii.h"

namespace eventgraph::detail {

// "Vladimir Putin: President of country:RUS from 2012-05-07" (TABARI-style
// dated role). Partial dates widen to the whole year or month.
struct DatedRole {
  std::string title;  // as written in the lexicon: "President", "Secretary of Defense"
  std::string of;     // entity id: "country:RUS", "org:pentagon"
  std::optional<date::sys_days> from;  // first day in office
  std::optional<date::sys_days> to;    // last day in office
  // What the title means: the lexicon title's role ("President" ->
  // "president"), else the folded title; set by build_entity_index().
  std::string role;

  bool is_in_force(date::sys_days day) const {
    return (!from || *from <= day) && (!to || day <= *to);
  }
};

struct LexiconEntity {
  std::string id;  // "person:vladimir-putin", "country:RUS"
  EntityKind kind = EntityKind::person;
  std::string name;                   // canonical
  std::vector<std::string> aliases;   // names that identify it on their own
  std::vector<std::string> demonyms;  // "Russian", "Russians": mark the country as a modifier
  std::vector<std::string> capitals;  // "Moscow": the city standing for the government
  std::vector<std::string> codes;     // ISO 3166 alpha-2/alpha-3; data only, never matched
  std::string qid;                    // Wikidata
  std::string part_of;                // "org:kremlin" -> "country:RUS"
  std::vector<DatedRole> roles;
  std::vector<std::string> surnames;  // person: derived; refer back after a fuller mention
};

struct LexiconTitle {
  std::string title;        // "press secretary", "Rep."
  std::string role;         // what it means, shared by synonyms: "spokesperson"
  std::string head;         // its head noun, folded: "secretary" ("Secretary of Defense")
  std::string affiliation;  // body implied when the text names none: "org:us-house"
  bool refers_back = true;  // "the spokesman" may stand for a person; "the general" may not
};

// How a lexicon name relates to its entity.
enum class NameForm : std::uint8_t { name, alias, demonym, capital };

// What case a text word needs to spell a lexicon word that folds alike.
// An acronym ("ISIS", "US") matches only as written, so "Isis" and "us" do
// not match; a capitalized word matches any capitalized spelling, so that
// "WASHINGTON" (a dateline) and "DUnford" (a typo in a sample) still match;
// a lower-case word ("of", "al-Qaeda") matches any case (headlines).
enum class TokenCase : std::uint8_t { as_written, capitalized, any };

// A name as the index knows it: its tokens as written (for case checks).
struct IndexedName {
  std::uint32_t target = 0;  // index into entities, or into titles for the title index
  NameForm form = NameForm::name;
  std::vector<std::string> tokens;
  // A capital as a place ("in Moscow"): the capital as the lexicon spells
  // it and its place id, "place:" + slug; empty for other forms.
  std::string place_name;
  std::string place_id;
  // Per token, for the entity index (empty for titles): computed once, not
  // per candidate match.
  std::vector<TokenCase> cases;
};

// Token-sequence trie over folded (lower-cased) tokens. The edges of all
// nodes live in one open-addressing hash table keyed by (node, token): a
// step costs one probe, where a sorted map per node cost a dozen string
// comparisons at the root (7% of a build). The key's hash mixes the node
// into the token's own hash, so a caller hashes each text token once and
// reuses it at every node it tries. Lookups only, so no output depends on
// hash order.
class TokenTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  TokenTrie() : values_(1), slots_(16) {}
  // Adds `folded` tokens ending in payload `value`.
  void insert(const std::vector<std::string>& folded, std::uint32_t value);
  // The hash `child` wants for `folded_token`.
  static std::uint64_t hash_token(std::string_view folded_token) {
    return hash_bytes<false>(folded_token.data(), folded_token.size());
  }
  // The same for the `n` bytes at `p`, read eight at a time: the bytes up
  // to the next multiple of eight must be readable (lower_ascii_padded).
  static std::uint64_t hash_token_padded(const char* p, std::size_t n) { return hash_bytes<true>(p, n); }
  // Eight bytes a step, not FNV-1a's one: tokens are hashed once each, so
  // this was a tenth of the entity pass. A token of n bytes: hash_start(n),
  // hash_step() with each eight bytes (load_word_bytes: the last zero
  // padded), then hash_end(). The shifts bring high bits down to the low
  // ones that pick a slot.
  static std::uint64_t hash_start(std::size_t n) { return 0x9E3779B97F4A7C15ULL ^ n; }
  static std::uint64_t hash_step(std::uint64_t hash, std::uint64_t bytes) {
    hash = (hash ^ bytes) * 0xFF51AFD7ED558CCDULL;
    return hash ^ (hash >> 29);
  }
  static std::uint64_t hash_end(std::uint64_t hash) {
    hash ^= hash >> 32;
    hash *= 0xC4CEB9FE1A85EC53ULL;
    return hash ^ (hash >> 29);
  }
  template <bool kPadded>
  static std::uint64_t hash_bytes(const char* p, std::size_t n) {
    std::uint64_t hash = hash_start(n);
    for (std::size_t i = 0; i < n; i += 8) {
      hash = hash_step(hash, kPadded ? load_word_bytes(p + i, n - i) : load_word_bytes_safe(p + i, n - i));
    }
    return hash_end(hash);
  }
  // The child of `node` under `folded_token`, or kNone; `token_hash` is
  // hash_token(folded_token).
  std::uint32_t child(std::uint32_t node, std::string_view folded_token, std::uint64_t token_hash) const {
    return slots_[find_slot(hash_of(node, token_hash), node, folded_token)].child;
  }
  std::uint32_t child(std::uint32_t node, std::string_view folded_token) const {
    return child(node, folded_token, hash_token(folded_token));
  }
  // child(kRoot, ...): most words of a text start no name, and a bit per
  // first eight bytes and length of the first tokens says so before the
  // table is probed (probes for absent tokens were a tenth of the entity
  // pass), and before the token is hashed (hashing every token was
  // another tenth). The bytes of `folded_token` up to the next multiple of
  // eight must be readable (lower_ascii_padded); `first_bytes` is
  // load_word_bytes(folded_token.data(), min(8, size)).
  std::uint32_t root_child_padded(std::string_view folded_token, std::uint64_t first_bytes) const {
    const std::size_t bit = root_bit(first_bytes, folded_token.size());
    if (((root_bits_[bit >> 6] >> (bit & 63)) & 1) == 0) return kNone;
    return child(kRoot, folded_token, hash_token_padded(folded_token.data(), folded_token.size()));
  }
  // root_child_padded() in two steps, for callers that try a token in
  // several tries: root_bit() is the same in all of them, and so is the
  // token's hash.
  // One multiply mixes the length into the bytes; the top 16 bits pick the bit.
  static std::size_t root_bit(std::uint64_t first_bytes, std::size_t size) {
    return static_cast<std::size_t>(((first_bytes ^ size) * 0x9E3779B97F4A7C15ULL) >> 48);
  }
  bool may_have_root_child(std::size_t bit) const { return ((root_bits_[bit >> 6] >> (bit & 63)) & 1) != 0; }
  // child(node, ...) for a node other than the root, filtered the same
  // way by a bit per (node, first eight bytes, length) of the edges below
  // the root: a name's next word mostly continues none ("the" then
  // "Pentagon"), and a hash and a probe each were a tenth of matching. The
  // bytes of `folded_token` up to the next multiple of eight must be
  // readable (lower_ascii_padded).
  std::uint32_t inner_child_padded(std::uint32_t node, std::string_view folded_token) const {
    const std::uint64_t first = folded_token.empty() ? 0 : load_word_bytes(folded_token.data(), folded_token.size());
    const std::size_t bit = inner_bit(node, first, folded_token.size());
    if (((inner_bits_[bit >> 6] >> (bit & 63)) & 1) == 0) return kNone;
    return child(node, folded_token, hash_token_padded(folded_token.data(), folded_token.size()));
  }
  // The same for a token of any view.
  std::uint32_t root_child(std::string_view folded_token) const {
    const std::size_t bit = root_bit(load_word_bytes_safe(folded_token.data(), folded_token.size()), folded_token.size());
    if (((root_bits_[bit >> 6] >> (bit & 63)) & 1) == 0) return kNone;
    return child(kRoot, folded_token);
  }
  const std::vector<std::uint32_t>& values(std::uint32_t node) const { return values_[node]; }
  std::size_t size() const { return values_.size(); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t node = 0;
    std::uint32_t child = kNone;  // kNone: empty
    std::uint32_t token_begin = 0;  // into tokens_
    std::uint32_t token_size = 0;
  };
  static std::uint64_t hash_of(std::uint32_t node, std::uint64_t token_hash) {
    // A multiply carries the node into the high bits; the shift brings them
    // down to the bits that pick the slot.
    const std::uint64_t hash = (token_hash ^ node) * 0x9E3779B97F4A7C15ULL;
    return hash ^ (hash >> 32);
  }
  // The slot holding (node, token), or the empty slot where it would go.
  std::size_t find_slot(std::uint64_t hash, std::uint32_t node, std::string_view token) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.child == kNone) return i;
      if (s.hash == hash && s.node == node && s.token_size == token.size() &&
          std::string_view(tokens_.data() + s.token_begin, s.token_size) == token) {
        return i;
      }
    }
  }
  void grow();
  // root_bit() with the node mixed in first, so that one word under two
  // nodes takes two bits.
  static std::size_t inner_bit(std::uint32_t node, std::uint64_t first_bytes, std::size_t size) {
    return root_bit(first_bytes ^ (node * 0xC2B2AE3D27D4EB4FULL), size);
  }

  std::vector<std::vector<std::uint32_t>> values_;  // per node
  std::vector<Slot> slots_;                          // a power of two, at most half full
  std::size_t edges_ = 0;
  std::string tokens_;                               // the edge tokens, end to end
  std::vector<std::uint64_t> root_bits_ = std::vector<std::uint64_t>(1024);  // 2^16 bits, by root_bit()
  std::vector<std::uint64_t> inner_bits_ = std::vector<std::uint64_t>(1024);  // 2^16 bits, by inner_bit()
};

struct EntityLexicon {
  std::vector<LexiconEntity> entities;  // sorted by id
  std::vector<LexiconTitle> titles;     // sorted by folded title

  // Indexes over the above, rebuilt by build_entity_index().
  std::vector<IndexedName> names;         // entity names, aliases, demonyms, capitals
  TokenTrie name_trie;                    // values index `names`
  std::vector<IndexedName> title_names;   // one per title
  TokenTrie title_trie;                   // values index `title_names`
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> people_by_surname;  // folded
  std::map<std::string, std::uint32_t, std::less<>> title_by_folded;                  // folded title
  // Indexes into `entities` by the hash of their ids (open addressing, a
  // power of two at most half full, UINT32_MAX empty): a binary search of
  // id strings cost 400 instructions a lookup, a dozen a mention.
  std::vector<std::uint32_t> id_slots;

  // The entity with `id`, or null.
  const LexiconEntity* find(std::string_view id) const;
  // The title entry for `title` (any case), or null.
  const LexiconTitle* find_title(std::string_view title) const;
};

// Adds the entity sections ("entities", "titles") of one lexicon JSON file
// to `into`; entries with the same id (titles: the same title) replace
// earlier ones, so a user file can correct the built-in data. Problems go
// to `diagnostics` with `source` as the file and the line and column of the
// entry; a bad entry is skipped, the others are kept. The indexes are left
// as they were: call build_entity_index() once all files are in (after each
// file, it was a third of loading the lexicon).
void parse_entity_lexicon(std::string_view json, const std::string& source, EntityLexicon& into,
                          std::vector<Diagnostic>& diagnostics);

// Rebuilds the indexes of `lexicon` from its entities and titles.
void build_entity_index(EntityLexicon& lexicon);

inline bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
// Whether the first character of `s` is an upper-case letter.
bool starts_upper(std::string_view s);
// "ISIS", "U.S.": at least two letters, none lower case.
bool is_all_caps(std::string_view s);
// The letters of `s`.
int letter_count(std::string_view s);

// Lower-cases for matching (full Unicode case folding).
std::string fold_case(std::string_view text);

// The words of a name as the text stage tokenizes them, square brackets
// dropped: "[Ashton] Carter" -> {"Ashton", "Carter"}.
std::vector<std::string> name_tokens(std::string_view name);

// "Peter Cook" -> "peter-cook": lower case, runs of other characters to one
// hyphen, accents dropped.
std::string slug(std::string_view name);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> its first (or, with `is_end`, last)
// day; nullopt when malformed.
std::optional<date::sys_days> parse_lexicon_date(std::string_view text, bool is_end);

}  // namespace eventgraph::detail
