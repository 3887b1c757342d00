// The sentence boundaries of UAX #29 (Unicode 15, the rules ICU 72's base
// sentence iterator compiles into its DFA), decided directly.
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <array>
#include <cstdint>

#include "core/detail/byte_scan.h"
#include "text/detail/sentence_split.h"

namespace eventgraph::detail {
namespace {

// The Sentence_Break property's values, as the rules read them.
enum class SentenceClass : std::uint8_t {
  other, cr, lf, sep, sp, lower, upper, oletter, numeric, aterm, sterm, close, scontinue, format, extend
};
using enum SentenceClass;

SentenceClass from_icu(int32_t value) {
  switch (value) {
    case U_SB_CR: return cr;
    case U_SB_LF: return lf;
    case U_SB_SEP: return sep;
    case U_SB_SP: return sp;
    case U_SB_LOWER: return lower;
    case U_SB_UPPER: return upper;
    case U_SB_OLETTER: return oletter;
    case U_SB_NUMERIC: return numeric;
    case U_SB_ATERM: return aterm;
    case U_SB_STERM: return sterm;
    case U_SB_CLOSE: return close;
    case U_SB_SCONTINUE: return scontinue;
    case U_SB_FORMAT: return format;
    case U_SB_EXTEND: return extend;
    default: return other;
  }
}

// ASCII from a table made from ICU's own property (news text is nearly all
// ASCII); the rest asked of ICU.
const std::array<SentenceClass, 128>& ascii_classes() {
  static const std::array<SentenceClass, 128> classes = [] {
    std::array<SentenceClass, 128> table{};
    for (UChar32 c = 0; c < 128; ++c) table[c] = from_icu(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    return table;
  }();
  return classes;
}

bool is_para_sep(SentenceClass c) { return c == sep || c == cr || c == lf; }
bool is_saterm(SentenceClass c) { return c == aterm || c == sterm; }
// Where SB3, SB4 and SB11 start: every other character is SB998's.
bool starts_rule(SentenceClass c) { return is_para_sep(c) || is_saterm(c); }

// A character with the Extend and Format characters after it (SB5), as
// the rules after SB5 see it: units [begin, end).
struct Unit {
  SentenceClass kind;
  std::size_t begin;
  std::size_t end;
};

// The characters of a text as a list of Units.
struct UnitList {
  const std::vector<Unit>& units;
  std::size_t size() const { return units.size(); }
  SentenceClass kind(std::size_t i) const { return units[i].kind; }
  std::size_t begin(std::size_t i) const { return units[i].begin; }
  std::size_t end(std::size_t i) const { return units[i].end; }
  // The first character from `i` on that a rule starts at, or size().
  std::size_t next_rule_start(std::size_t i) const {
    while (i < units.size() && !starts_rule(units[i].kind)) ++i;
    return i;
  }
};

// The characters of an ASCII text, which has no Extend or Format
// character: each unit is one, and no list is made.
struct AsciiUnits {
  std::u16string_view text;
  const std::array<SentenceClass, 128>& classes;
  std::size_t size() const { return text.size(); }
  SentenceClass kind(std::size_t i) const { return classes[text[i]]; }
  std::size_t begin(std::size_t i) const { return i; }
  std::size_t end(std::size_t i) const { return i + 1; }
  // The first character from `i` on that a rule starts at, or size():
  // eight units at a time, as they are a window's word apart.
  std::size_t next_rule_start(std::size_t i) const {
    for (; i + 8 <= text.size(); i += 8) {
      const Units8 v = load_units8(text.data() + i);
      const std::size_t k = first_marked((v == u'\r') | (v == u'\n') | (v == u'.') | (v == u'!') | (v == u'?'));
      if (k < 8) return i + k;
    }
    while (i < text.size() && !starts_rule(classes[text[i]])) ++i;
    return i;
  }
};

// UAX #29's rules SB3 to SB998 over the characters `u` (SB5 applied).
template <typename Units>
void apply_rules(const Units& u, std::size_t text_size, std::vector<std::size_t>& breaks) {
  const std::size_t n = u.size();
  auto add = [&](std::size_t at) {
    if (at > 0 && (breaks.empty() || breaks.back() < at)) breaks.push_back(at);
  };
  std::size_t i = 0;
  while (i < n) {
    const SentenceClass kind = u.kind(i);
    if (kind == cr) {  // SB3, SB4
      if (i + 1 < n && u.kind(i + 1) == lf) ++i;
      add(u.end(i));
      ++i;
      continue;
    }
    if (kind == lf || kind == sep) {  // SB4
      add(u.end(i));
      ++i;
      continue;
    }
    if (!is_saterm(kind)) {  // SB998
      i = u.next_rule_start(i + 1);
      continue;
    }
    // SATerm Close* Sp*: no break inside (SB9, SB10).
    const std::size_t term = i;
    std::size_t k = i + 1;
    while (k < n && u.kind(k) == close) ++k;
    while (k < n && u.kind(k) == sp) ++k;
    if (k < n && is_para_sep(u.kind(k))) {  // SB11 with its ParaSep
      i = k;  // the separator breaks after itself (CR LF as one)
      continue;
    }
    if (k == n) break;  // the end of the text is a boundary anyway
    bool is_break = true;
    if (kind == aterm) {
      const SentenceClass next = u.kind(term + 1);  // term + 1 < n: k < n
      if (k == term + 1 && next == numeric) is_break = false;  // SB6
      if (k == term + 1 && next == upper && term > 0 && (u.kind(term - 1) == upper || u.kind(term - 1) == lower)) {
        is_break = false;  // SB7
      }
      if (is_break) {  // SB8: ATerm Close* Sp* × (not a letter, separator or terminator)* Lower
        std::size_t m = k;
        while (m < n && u.kind(m) != oletter && u.kind(m) != upper && u.kind(m) != lower && !is_para_sep(u.kind(m)) &&
               !is_saterm(u.kind(m))) {
          ++m;
        }
        if (m < n && u.kind(m) == lower) is_break = false;
      }
    }
    if (is_break && (u.kind(k) == scontinue || is_saterm(u.kind(k)))) is_break = false;  // SB8a
    if (is_break) add(u.begin(k));  // SB11
    i = k;
  }
  add(text_size);  // SB2
}

bool is_ascii(std::u16string_view text) {
  char16_t any = 0;
  for (const char16_t c : text) any |= c;  // vectorized
  return any < 0x80;
}

}  // namespace

void find_sentence_rule_breaks(std::u16string_view text, std::vector<std::size_t>& breaks) {
  const std::array<SentenceClass, 128>& ascii = ascii_classes();
  if (is_ascii(text)) {
    apply_rules(AsciiUnits{text, ascii}, text.size(), breaks);
    return;
  }
  // SB5: Extend and Format join the character before them, except after
  // the start of the text or a paragraph separator.
  thread_local std::vector<Unit> units;
  units.clear();
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t begin = i;
    UChar32 c = 0;
    U16_NEXT(text.data(), i, text.size(), c);
    const SentenceClass kind =
        c < 128 ? ascii[static_cast<std::size_t>(c)] : from_icu(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    if ((kind == extend || kind == format) && !units.empty() && !is_para_sep(units.back().kind)) {
      units.back().end = i;
      continue;
    }
    units.push_back({kind, begin, i});
  }
  apply_rules(UnitList{units}, text.size(), breaks);
}

}  // namespace eventgraph::detail
