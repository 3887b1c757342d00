// Reads the "entities" and "titles" sections of lexicon files and builds
// the token indexes that entity matching walks.
#include "extract/detail/entity_lexicon.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>

#include "text/text.h"

namespace eventgraph::detail {

// ---------------------------------------------------------------------------
// Index structures

void TokenTrie::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.child == kNone) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].child != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void TokenTrie::insert(const std::vector<std::string>& folded, std::uint32_t value) {
  std::uint32_t node = kRoot;
  if (!folded.empty()) {
    const std::string& first = folded.front();
    const std::size_t bit = root_bit(load_word_bytes_safe(first.data(), first.size()), first.size());
    root_bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
  for (const std::string& token : folded) {
    if (node != kRoot) {
      const std::size_t bit = inner_bit(node, load_word_bytes_safe(token.data(), token.size()), token.size());
      inner_bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
    const std::uint64_t hash = hash_of(node, hash_token(token));
    std::size_t i = find_slot(hash, node, token);
    if (slots_[i].child == kNone) {
      if (2 * (edges_ + 1) > slots_.size()) {
        grow();
        i = find_slot(hash, node, token);
      }
      const auto next = static_cast<std::uint32_t>(values_.size());
      values_.emplace_back();
      slots_[i] = {hash, node, next, static_cast<std::uint32_t>(tokens_.size()),
                   static_cast<std::uint32_t>(token.size())};
      tokens_ += token;
      ++edges_;
    }
    node = slots_[i].child;
  }
  values_[node].push_back(value);
}

const LexiconEntity* EntityLexicon::find(std::string_view id) const {
  if (id_slots.empty()) {  // no index built
    auto it = std::lower_bound(entities.begin(), entities.end(), id,
                               [](const LexiconEntity& e, std::string_view key) { return e.id < key; });
    return it != entities.end() && it->id == id ? &*it : nullptr;
  }
  const std::size_t mask = id_slots.size() - 1;
  for (std::size_t i = TokenTrie::hash_token(id) & mask;; i = (i + 1) & mask) {
    const std::uint32_t index = id_slots[i];
    if (index == UINT32_MAX) return nullptr;
    if (entities[index].id == id) return &entities[index];
  }
}

const LexiconTitle* EntityLexicon::find_title(std::string_view title) const {
  auto it = title_by_folded.find(fold_case(title));
  return it == title_by_folded.end() ? nullptr : &titles[it->second];
}

// ---------------------------------------------------------------------------
// Text helpers

namespace {

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

// The letters of `s` and how many of them are upper case; `is_utf8` false
// when a byte sequence does not decode (those bytes count as no letter).
struct LetterCounts {
  int letters = 0;
  int upper = 0;
  bool is_utf8 = true;
};

LetterCounts count_letters(std::string_view s) {
  LetterCounts counts;
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      ++i;
      if (is_ascii_upper(byte)) ++counts.upper;
      if (is_ascii_upper(byte) || is_ascii_lower(byte)) ++counts.letters;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) {
      counts.is_utf8 = false;
    } else if (u_isalpha(c)) {
      ++counts.letters;
      if (u_isupper(c)) ++counts.upper;
    }
  }
  return counts;
}

}  // namespace

// ASCII answers without ICU; for ASCII, ICU's letters and upper case are
// exactly A-Z and a-z, and A-Z.
bool starts_upper(std::string_view s) {
  if (!s.empty() && static_cast<unsigned char>(s[0]) < 0x80) return is_ascii_upper(s[0]);
  return u_isupper(static_cast<UChar32>(first_code_point(s)));
}

// "ISIS", "U.S.": at least two letters, none lower case.
bool is_all_caps(std::string_view s) {
  LetterCounts counts = count_letters(s);
  return counts.is_utf8 && counts.letters >= 2 && counts.upper == counts.letters;
}

int letter_count(std::string_view s) { return count_letters(s).letters; }

std::string fold_case(std::string_view text) {
  const bool is_ascii = std::all_of(text.begin(), text.end(),
                                    [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (is_ascii) return lower_ascii(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> out;
  std::size_t last_end = 0;
  for (const Token& t : tokenize(name, Span{0, name.size()})) {
    std::string_view word = name.substr(t.span.begin_byte, t.span.size());
    if (word == "[" || word == "]") continue;
    // Alone, "Gen." ends its text and the tokenizer splits the period off;
    // inside a sentence "Gen." is one token. Names must read as in a sentence.
    if (word == "." && t.span.end_byte == name.size() && !out.empty() && last_end == t.span.begin_byte) {
      out.back() += '.';
      continue;
    }
    out.emplace_back(word);
    last_end = t.span.end_byte;
  }
  return out;
}

std::string slug(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = decomposed;
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) continue;  // accents: "François" -> "francois"
    if (u_isalnum(c)) {
      kept.append(u_tolower(c));
    } else if (kept.length() > 0 && kept.charAt(kept.length() - 1) != u'-') {
      kept.append(u'-');
    }
  }
  while (kept.length() > 0 && kept.charAt(kept.length() - 1) == u'-') kept.truncate(kept.length() - 1);
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::optional<date::sys_days> parse_lexicon_date(std::string_view text, bool is_end) {
  auto number = [&](std::size_t at, std::size_t width) -> std::optional<int> {
    if (at + width > text.size()) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + width, value);
    if (ec != std::errc() || end != text.data() + at + width) return std::nullopt;
    return value;
  };
  auto year = number(0, 4);
  if (!year || (text.size() != 4 && text.size() != 7 && text.size() != 10)) return std::nullopt;
  const date::year y{*year};
  if (text.size() == 4) {
    return date::sys_days(is_end ? y / date::December / 31 : y / date::January / 1);
  }
  auto month = number(5, 2);
  if (text[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
  const date::month m{static_cast<unsigned>(*month)};
  if (text.size() == 7) {
    return date::sys_days(is_end ? date::year_month_day(y / m / date::last) : y / m / 1);
  }
  auto day = number(8, 2);
  if (text[7] != '-' || !day) return std::nullopt;
  const date::year_month_day ymd = y / m / date::day{static_cast<unsigned>(*day)};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days(ymd);
}

namespace {

// ---------------------------------------------------------------------------
// Locating entries: RapidJSON's DOM keeps no positions, so a cheap SAX pass
// records where each element of "entities" and "titles" starts.

struct EntryLocator : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EntryLocator> {
  const rapidjson::MemoryStream& stream;
  std::string_view json;
  std::vector<std::size_t> entities;
  std::vector<std::size_t> titles;
  std::vector<std::size_t>* section = nullptr;
  int depth = 0;

  EntryLocator(const rapidjson::MemoryStream& s, std::string_view j) : stream(s), json(j) {}

  void element_at(std::size_t offset) {
    if (depth == 2 && section) section->push_back(offset);
  }
  // A scalar has been read when the handler hears of it: walk back to its
  // first character.
  bool Default() {
    std::size_t start = stream.Tell();
    if (start > 0 && json[start - 1] == '"') {
      for (--start; start > 0; --start) {
        if (json[start - 1] == '"' && (start < 2 || json[start - 2] != '\\')) {
          --start;
          break;
        }
      }
    } else {
      while (start > 0 && std::string_view(" \t\r\n,[:").find(json[start - 1]) == std::string_view::npos) --start;
    }
    element_at(start);
    return true;
  }
  bool Key(const char* key, rapidjson::SizeType length, bool) {
    if (depth == 1) {
      const std::string_view name(key, length);
      section = name == "entities" ? &entities : name == "titles" ? &titles : nullptr;
    }
    return true;
  }
  // The iterative parser (no recursion on deep input) calls StartObject
  // and StartArray before it takes the bracket.
  bool StartObject() {
    element_at(stream.Tell());
    ++depth;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool StartArray() {
    element_at(stream.Tell());
    ++depth;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
};

constexpr std::array<std::pair<std::string_view, EntityKind>, 5> kKinds = {{
    {"person", EntityKind::person},
    {"organization", EntityKind::organization},
    {"country", EntityKind::country},
    {"group", EntityKind::group},
    {"place", EntityKind::place},
}};

// The id prefix each kind must use: ids say what they name.
std::string_view id_prefix(EntityKind kind) {
  switch (kind) {
    case EntityKind::person: return "person:";
    case EntityKind::organization: return "org:";
    case EntityKind::country: return "country:";
    case EntityKind::group: return "group:";
    case EntityKind::place: return "place:";
  }
  return "";
}

bool is_entity_id(std::string_view id) {
  for (const auto& [name, kind] : kKinds) {
    const std::string_view prefix = id_prefix(kind);
    if (id.size() > prefix.size() && id.starts_with(prefix)) {
      return std::none_of(id.begin(), id.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
      });
    }
  }
  return false;
}

// Reads one entry's members and reports what is wrong with them, against
// the entry's position in the file.
class EntryReader {
 public:
  EntryReader(const rapidjson::Value& object, std::string label, const std::string& source,
              LineColumn where, std::vector<Diagnostic>& diagnostics)
      : object_(object), label_(std::move(label)), source_(source), where_(where),
        diagnostics_(diagnostics) {}

  bool is_bad() const { return is_bad_; }

  void error(const std::string& message) {
    diagnostics_.push_back({Severity::error, source_, where_.line, where_.column, "bad-lexicon-entry",
                            label_ + ": " + message + "; entry skipped"});
    is_bad_ = true;
  }
  void warn_unknown(std::initializer_list<std::string_view> known) {
    for (auto it = object_.MemberBegin(); it != object_.MemberEnd(); ++it) {
      const std::string_view key(it->name.GetString(), it->name.GetStringLength());
      if (key.starts_with("$")) continue;  // "$comment"
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        diagnostics_.push_back({Severity::warning, source_, where_.line, where_.column,
                                "unknown-lexicon-field",
                                label_ + ": unknown field \"" + std::string(key) + "\" ignored"});
      }
    }
  }

  // A string member; "" when absent. `is_required` reports absence.
  std::string string(const char* name, bool is_required) {
    auto it = object_.FindMember(name);
    if (it == object_.MemberEnd()) {
      if (is_required) error(std::string("\"") + name + "\" is required");
      return "";
    }
    if (!it->value.IsString() || it->value.GetStringLength() == 0) {
      error(std::string("\"") + name + "\" must be a non-empty string");
      return "";
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }

  std::vector<std::string> strings(const char* name) {
    std::vector<std::string> out;
    auto it = object_.FindMember(name);
    if (it == object_.MemberEnd()) return out;
    if (!it->value.IsArray()) {
      error(std::string("\"") + name + "\" must be an array of strings");
      return out;
    }
    for (const auto& v : it->value.GetArray()) {
      if (!v.IsString() || v.GetStringLength() == 0) {
        error(std::string("\"") + name + "\" must be an array of non-empty strings");
        return {};
      }
      out.emplace_back(v.GetString(), v.GetStringLength());
    }
    return out;
  }

  const rapidjson::Value* member(const char* name) const {
    auto it = object_.FindMember(name);
    return it == object_.MemberEnd() ? nullptr : &it->value;
  }

 private:
  const rapidjson::Value& object_;
  std::string label_;
  const std::string& source_;
  LineColumn where_;
  std::vector<Diagnostic>& diagnostics_;
  bool is_bad_ = false;
};

std::optional<EntityKind> parse_kind(std::string_view text) {
  for (const auto& [name, kind] : kKinds) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

void read_roles(EntryReader& reader, LexiconEntity& entity) {
  const rapidjson::Value* roles = reader.member("roles");
  if (!roles) return;
  if (!roles->IsArray()) {
    reader.error("\"roles\" must be an array");
    return;
  }
  for (rapidjson::SizeType i = 0; i < roles->Size(); ++i) {
    const rapidjson::Value& r = (*roles)[i];
    const std::string where = "roles[" + std::to_string(i) + "]";
    if (!r.IsObject()) {
      reader.error(where + " must be an object");
      return;
    }
    auto text = [&](const char* name) -> std::optional<std::string> {
      auto it = r.FindMember(name);
      if (it == r.MemberEnd()) return std::nullopt;
      if (!it->value.IsString()) return std::string();
      return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    DatedRole role;
    role.title = text("title").value_or("");
    role.of = text("of").value_or("");
    if (role.title.empty()) {
      reader.error(where + ": \"title\" must be a non-empty string");
      return;
    }
    if (!is_entity_id(role.of)) {
      reader.error(where + ": \"of\" must be an entity id such as \"country:RUS\"");
      return;
    }
    for (const char* bound : {"from", "to"}) {
      auto value = text(bound);
      if (!value) continue;
      auto day = parse_lexicon_date(*value, std::string_view(bound) == "to");
      if (!day) {
        reader.error(where + ": \"" + bound + "\" must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not \"" +
                     *value + "\"");
        return;
      }
      (std::string_view(bound) == "from" ? role.from : role.to) = day;
    }
    entity.roles.push_back(std::move(role));
  }
}

std::optional<LexiconEntity> read_entity(EntryReader& reader) {
  reader.warn_unknown({"id", "kind", "name", "aliases", "demonyms", "capitals", "codes", "qid",
                       "part_of", "roles"});
  LexiconEntity e;
  e.id = reader.string("id", true);
  const std::string kind = reader.string("kind", true);
  e.name = reader.string("name", true);
  e.aliases = reader.strings("aliases");
  e.demonyms = reader.strings("demonyms");
  e.capitals = reader.strings("capitals");
  e.codes = reader.strings("codes");
  e.qid = reader.string("qid", false);
  e.part_of = reader.string("part_of", false);
  read_roles(reader, e);
  if (reader.is_bad()) return std::nullopt;
  auto parsed_kind = parse_kind(kind);
  if (!parsed_kind) {
    reader.error("\"kind\" must be one of person, organization, country, group, place, not \"" + kind + "\"");
    return std::nullopt;
  }
  e.kind = *parsed_kind;
  if (!is_entity_id(e.id) || !e.id.starts_with(id_prefix(e.kind))) {
    reader.error("\"id\" must be \"" + std::string(id_prefix(e.kind)) + "<name>\" for a " + kind +
                 ", not \"" + e.id + "\"");
    return std::nullopt;
  }
  if (!e.qid.empty() && (e.qid.size() < 2 || e.qid[0] != 'Q' ||
                         !std::all_of(e.qid.begin() + 1, e.qid.end(),
                                      [](char c) { return c >= '0' && c <= '9'; }))) {
    reader.error("\"qid\" must be a Wikidata id such as \"Q7747\", not \"" + e.qid + "\"");
    return std::nullopt;
  }
  if (!e.part_of.empty() && !is_entity_id(e.part_of)) {
    reader.error("\"part_of\" must be an entity id, not \"" + e.part_of + "\"");
    return std::nullopt;
  }
  if (name_tokens(e.name).empty()) {
    reader.error("\"name\" has no words");
    return std::nullopt;
  }
  return e;
}

std::string default_head(const std::vector<std::string>& folded) {
  // "Secretary of Defense" -> "secretary"; "press secretary" -> "secretary".
  auto of = std::find(folded.begin(), folded.end(), "of");
  if (of != folded.end() && of != folded.begin()) return *(of - 1);
  return folded.empty() ? "" : folded.back();
}

std::optional<LexiconTitle> read_title(const rapidjson::Value& value, EntryReader& reader) {
  LexiconTitle t;
  if (value.IsString()) {
    t.title.assign(value.GetString(), value.GetStringLength());
  } else {
    reader.warn_unknown({"title", "role", "affiliation", "refers_back"});
    t.title = reader.string("title", true);
    if (const rapidjson::Value* refers_back = reader.member("refers_back")) {
      if (!refers_back->IsBool()) {
        reader.error("\"refers_back\" must be true or false");
        return std::nullopt;
      }
      t.refers_back = refers_back->GetBool();
    }
    t.role = reader.string("role", false);
    t.affiliation = reader.string("affiliation", false);
    if (reader.is_bad()) return std::nullopt;
    if (!t.affiliation.empty() && !is_entity_id(t.affiliation)) {
      reader.error("\"affiliation\" must be an entity id, not \"" + t.affiliation + "\"");
      return std::nullopt;
    }
  }
  std::vector<std::string> folded;
  for (const std::string& token : name_tokens(t.title)) folded.push_back(fold_case(token));
  if (folded.empty()) {
    reader.error("\"title\" has no words");
    return std::nullopt;
  }
  if (t.role.empty()) t.role = fold_case(t.title);
  t.head = default_head(folded);
  return t;
}

// line_column_at(text, offset) for offsets met mostly in increasing order:
// counts on from the previous offset, from the start when one goes back.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  LineColumn at(std::size_t offset) {
    const std::size_t end = std::min(offset, text_.size());
    if (end < at_) {
      at_ = 0;
      lc_ = {};
    }
    while (at_ < end) {
      const void* newline = std::memchr(text_.data() + at_, '\n', end - at_);
      if (!newline) {
        lc_.column += end - at_;
        at_ = end;
        break;
      }
      ++lc_.line;
      lc_.column = 1;
      at_ = static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data()) + 1;
    }
    return lc_;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;  // lc_ is line_column_at(text_, at_)
  LineColumn lc_;
};

Diagnostic lexicon_error(const std::string& source, std::string_view json, std::size_t offset,
                         std::string code, std::string message) {
  LineColumn lc = line_column_at(json, offset);
  return {Severity::error, source, lc.line, lc.column, std::move(code), std::move(message)};
}

// Person surnames that refer back: the last word of each multi-word name,
// without "Jr." and the like, and without an "al-" article ("al-Assad" ->
// "Assad" as well).
std::vector<std::string> derive_surnames(const LexiconEntity& e) {
  static constexpr std::string_view kSuffixes[] = {"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"};
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    std::vector<std::string> tokens = name_tokens(name);
    while (tokens.size() > 1 && std::find(std::begin(kSuffixes), std::end(kSuffixes),
                                          fold_case(tokens.back())) != std::end(kSuffixes)) {
      tokens.pop_back();
    }
    if (tokens.size() < 2) return;
    std::string last = fold_case(tokens.back());
    out.push_back(last);
    for (std::string_view article : {"al-", "el-"}) {
      if (last.size() > article.size() && last.starts_with(article)) out.push_back(last.substr(article.size()));
    }
  };
  add(e.name);
  for (const std::string& alias : e.aliases) add(alias);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void build_entity_index(EntityLexicon& lexicon) {
  std::sort(lexicon.entities.begin(), lexicon.entities.end(),
            [](const LexiconEntity& a, const LexiconEntity& b) { return a.id < b.id; });
  lexicon.id_slots.assign(std::bit_ceil(2 * lexicon.entities.size() + 2), UINT32_MAX);
  for (std::size_t e = 0; e < lexicon.entities.size(); ++e) {
    const std::size_t mask = lexicon.id_slots.size() - 1;
    std::size_t i = TokenTrie::hash_token(lexicon.entities[e].id) & mask;
    while (lexicon.id_slots[i] != UINT32_MAX) i = (i + 1) & mask;
    lexicon.id_slots[i] = static_cast<std::uint32_t>(e);
  }
  lexicon.names.clear();
  lexicon.name_trie = TokenTrie();
  lexicon.people_by_surname.clear();
  auto add_name = [&](std::uint32_t target, NameForm form, const std::string& text) {
    IndexedName name{target, form, name_tokens(text), {}, {}, {}};
    if (name.tokens.empty()) return;
    for (const std::string& token : name.tokens) {
      name.cases.push_back(is_all_caps(token)    ? TokenCase::as_written
                           : starts_upper(token) ? TokenCase::capitalized
                                                 : TokenCase::any);
    }
    std::vector<std::string> folded;
    for (const std::string& token : name.tokens) folded.push_back(fold_case(token));
    lexicon.name_trie.insert(folded, static_cast<std::uint32_t>(lexicon.names.size()));
    lexicon.names.push_back(std::move(name));
  };
  for (std::size_t i = 0; i < lexicon.entities.size(); ++i) {
    LexiconEntity& e = lexicon.entities[i];
    const auto target = static_cast<std::uint32_t>(i);
    add_name(target, NameForm::name, e.name);
    for (const std::string& s : e.aliases) add_name(target, NameForm::alias, s);
    for (const std::string& s : e.demonyms) add_name(target, NameForm::demonym, s);
    for (const std::string& s : e.capitals) add_name(target, NameForm::capital, s);
    if (e.kind == EntityKind::person) {
      e.surnames = derive_surnames(e);
      for (const std::string& s : e.surnames) lexicon.people_by_surname[s].push_back(target);
    }
  }
  // Once here, not per mention (ICU's normalizer made a slug cost 3,000
  // instructions): the capital of the name's words, the last that fits.
  for (IndexedName& name : lexicon.names) {
    if (name.form != NameForm::capital) continue;
    const LexiconEntity& e = lexicon.entities[name.target];
    std::string_view capital = e.name;
    for (const std::string& c : e.capitals) {
      if (name_tokens(c) == name.tokens) capital = c;
    }
    name.place_name = capital;
    name.place_id = "place:" + slug(capital);
  }

  std::sort(lexicon.titles.begin(), lexicon.titles.end(),
            [](const LexiconTitle& a, const LexiconTitle& b) { return fold_case(a.title) < fold_case(b.title); });
  lexicon.title_names.clear();
  lexicon.title_trie = TokenTrie();
  lexicon.title_by_folded.clear();
  for (std::size_t i = 0; i < lexicon.titles.size(); ++i) {
    const auto target = static_cast<std::uint32_t>(i);
    IndexedName name{target, NameForm::name, name_tokens(lexicon.titles[i].title), {}, {}, {}};
    std::vector<std::string> folded;
    for (const std::string& token : name.tokens) folded.push_back(fold_case(token));
    lexicon.title_trie.insert(folded, static_cast<std::uint32_t>(lexicon.title_names.size()));
    lexicon.title_names.push_back(std::move(name));
    lexicon.title_by_folded.emplace(fold_case(lexicon.titles[i].title), target);
  }
  // Once here, not per mention and per candidate holder.
  for (LexiconEntity& e : lexicon.entities) {
    for (DatedRole& role : e.roles) {
      const LexiconTitle* title = lexicon.find_title(role.title);
      role.role = title ? title->role : fold_case(role.title);
    }
  }
}

void parse_entity_lexicon(std::string_view json, const std::string& source, EntityLexicon& into,
                          std::vector<Diagnostic>& diagnostics) {
  rapidjson::Document dom;
  dom.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on deep input
  if (dom.HasParseError()) {
    std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(dom.GetParseError());
    const std::string near = excerpt_at(json, dom.GetErrorOffset(), 20);
    if (!near.empty()) message += " (near \"" + near + "\")";
    diagnostics.push_back(lexicon_error(source, json, dom.GetErrorOffset(), "json-syntax", std::move(message)));
    return;
  }
  if (!dom.IsObject()) {
    diagnostics.push_back(lexicon_error(source, json, 0, "bad-lexicon",
                                        "a lexicon file is an object with \"entities\", \"titles\" "
                                        "or \"event_types\" arrays"));
    return;
  }
  rapidjson::MemoryStream stream(json.data(), json.size());
  EntryLocator locator(stream, json);
  rapidjson::Reader().Parse<rapidjson::kParseIterativeFlag>(stream, locator);

  auto section = [&](const char* name) -> const rapidjson::Value* {
    // Through a const reference: clang's C++20 rules find RapidJSON's
    // non-const iterator == ambiguous (-Wambiguous-reversed-operator).
    const rapidjson::Value& root = dom;
    auto it = root.FindMember(name);
    if (it == root.MemberEnd()) return nullptr;
    if (!it->value.IsArray()) {
      diagnostics.push_back(lexicon_error(source, json, 0, "bad-lexicon",
                                          std::string("\"") + name + "\" must be an array"));
      return nullptr;
    }
    return &it->value;
  };
  // Entries come in file order, so each section's positions are counted on
  // from the last one: line_column_at() per entry counted from the start of
  // the file, which was half of loading the lexicon.
  LineCursor entity_lines(json);
  LineCursor title_lines(json);
  auto where = [&](LineCursor& lines, const std::vector<std::size_t>& offsets, rapidjson::SizeType i) {
    return lines.at(i < offsets.size() ? offsets[i] : 0);
  };

  if (const rapidjson::Value* entities = section("entities")) {
    std::map<std::string, std::size_t, std::less<>> by_id;
    for (std::size_t i = 0; i < into.entities.size(); ++i) by_id.emplace(into.entities[i].id, i);
    for (rapidjson::SizeType i = 0; i < entities->Size(); ++i) {
      const rapidjson::Value& value = (*entities)[i];
      const std::string label = "entities[" + std::to_string(i) + "]";
      EntryReader reader(value, label, source, where(entity_lines, locator.entities, i), diagnostics);
      if (!value.IsObject()) {
        reader.error("must be an object");
        continue;
      }
      std::optional<LexiconEntity> entity = read_entity(reader);
      if (!entity) continue;
      auto [it, is_new] = by_id.emplace(entity->id, into.entities.size());
      if (is_new) {
        into.entities.push_back(std::move(*entity));
      } else {
        into.entities[it->second] = std::move(*entity);
      }
    }
  }
  if (const rapidjson::Value* titles = section("titles")) {
    std::map<std::string, std::size_t, std::less<>> by_title;
    for (std::size_t i = 0; i < into.titles.size(); ++i) by_title.emplace(fold_case(into.titles[i].title), i);
    for (rapidjson::SizeType i = 0; i < titles->Size(); ++i) {
      const rapidjson::Value& value = (*titles)[i];
      const std::string label = "titles[" + std::to_string(i) + "]";
      EntryReader reader(value, label, source, where(title_lines, locator.titles, i), diagnostics);
      if (!value.IsObject() && !value.IsString()) {
        reader.error("must be a string or an object");
        continue;
      }
      std::optional<LexiconTitle> title = read_title(value, reader);
      if (!title) continue;
      auto [it, is_new] = by_title.emplace(fold_case(title->title), into.titles.size());
      if (is_new) {
        into.titles.push_back(std::move(*title));
      } else {
        into.titles[it->second] = std::move(*title);
      }
    }
  }
}

}  // namespace eventgraph::detail
