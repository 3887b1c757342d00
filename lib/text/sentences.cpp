// split_sentences: ICU's sentence rules, ICU's abbreviation filter with our
// news abbreviations added, and a small repair pass for what the filter
// misses.
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/ucharstriebuilder.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/detail/abbreviations.h"
#include "core/detail/byte_scan.h"
#include "text/detail/sentence_split.h"
#include "text/detail/utf8.h"
#include "text/text.h"

namespace eventgraph {
namespace detail {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

// The abbreviations after which no sentence ends: ICU's English
// "ss=standard" list (its break-iterator data, the list
// FilteredBreakIteratorBuilder::createInstance("en") reads), our news
// abbreviations, and the capital initials ("Joseph D. Dunford",
// "J. R. R. Tolkien": an initial never ends a sentence; the price is
// "Plan B. Then", which stays one sentence). In UTF-16 code unit order,
// without duplicates: the order ICU's builder keeps them in, which its
// handling of shared prefixes depends on (see AbbreviationFilter). Read
// once: both filters are built from it.
std::vector<std::u16string> read_filter_abbreviations() {
  std::vector<std::u16string> abbreviations;
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UResourceBundle, decltype(&ures_close)> bundle(
      ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status), &ures_close);
  check(status, "ICU break-iterator data for \"en\"");
  const std::unique_ptr<UResourceBundle, decltype(&ures_close)> exceptions(
      ures_getByKey(bundle.get(), "exceptions", nullptr, &status), &ures_close);
  const std::unique_ptr<UResourceBundle, decltype(&ures_close)> list(
      ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &status), &ures_close);
  check(status, "ICU's English sentence-break exceptions");
  while (ures_hasNext(list.get())) {
    int32_t length = 0;
    const UChar* units = ures_getNextString(list.get(), &length, nullptr, &status);
    check(status, "ICU's English sentence-break exceptions");
    abbreviations.emplace_back(units, static_cast<std::size_t>(length));
  }
  for (std::string_view abbreviation : news_abbreviations()) {
    abbreviations.emplace_back(abbreviation.begin(), abbreviation.end());  // ASCII
  }
  for (char16_t letter = u'A'; letter <= u'Z'; ++letter) abbreviations.push_back({letter, u'.'});
  std::sort(abbreviations.begin(), abbreviations.end());
  abbreviations.erase(std::unique(abbreviations.begin(), abbreviations.end()), abbreviations.end());
  return abbreviations;
}

const std::vector<std::u16string>& filter_abbreviations() {
  static const std::vector<std::u16string> abbreviations = read_filter_abbreviations();
  return abbreviations;
}

// ICU's filtered sentence iterator: the base "en" rules with
// filter_abbreviations() suppressed. Built through an empty filter builder
// because "ss=standard" alone cannot be extended.
std::unique_ptr<icu::BreakIterator> make_filtered_sentence_iterator(const icu::BreakIterator& base) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  check(status, "ICU sentence filter");
  for (const std::u16string& abbreviation : filter_abbreviations()) {
    builder->suppressBreakAfter(icu::UnicodeString(abbreviation.data(), static_cast<int32_t>(abbreviation.size())),
                                status);
    check(status, "ICU sentence filter");
  }
  std::unique_ptr<icu::BreakIterator> filtered(builder->wrapIteratorWithFilter(base.clone(), status));
  check(status, "ICU sentence filter");
  return filtered;
}

std::unique_ptr<icu::BreakIterator> make_base_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
  check(status, "ICU sentence iterator");
  return base;
}

// ICU's base "en" sentence rules, which the filtered iterator of the
// whole-text path wraps. (The window batches decide the same rules with
// find_sentence_rule_breaks and apply AbbreviationFilter themselves.)
const icu::BreakIterator& base_sentence_prototype() {
  static const std::unique_ptr<icu::BreakIterator> prototype = make_base_sentence_iterator();
  return *prototype;
}

// Break iterators are not thread-safe; each thread clones the prototypes,
// which is cheap next to building one (rules and the filter trie are shared).
std::unique_ptr<icu::BreakIterator> clone_iterator(const icu::BreakIterator& prototype) {
  std::unique_ptr<icu::BreakIterator> clone(prototype.clone());
  if (!clone) throw std::runtime_error("ICU: cannot clone the sentence iterator");
  return clone;
}

icu::BreakIterator& sentence_iterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype =
      make_filtered_sentence_iterator(base_sentence_prototype());
  thread_local const std::unique_ptr<icu::BreakIterator> local = clone_iterator(*prototype);
  return *local;
}

// The suppression rule of ICU's FilteredBreakIteratorBuilder, applied to a
// UTF-16 buffer directly. ICU's wrapper refreshes a clone of its UText on
// every break and reads it one utext call per character: on the 5 MB
// corpus that was 56 M instructions of the build's 1,449 M, for two trie
// steps per break on average. Same tries, same walk, same answers (the
// whole-text path still runs ICU's own filter; text_test and fuzz_text
// compare the two).
class AbbreviationFilter {
 public:
  explicit AbbreviationFilter(const std::vector<std::u16string>& abbreviations) {
    // As ICU builds them: an abbreviation with a period inside ("Ph.D.")
    // puts its first word ("Ph.") reversed in the backward trie as a
    // partial match, once per distinct first word, and itself in the
    // forward trie; so does any other entry that starts with that first
    // word, even one that is just the word ("U." beside "U.S."). Every
    // other entry goes reversed into the backward trie as a whole match.
    UErrorCode status = U_ZERO_ERROR;
    icu::UCharsTrieBuilder backward(status);
    icu::UCharsTrieBuilder forward(status);
    check(status, "ICU trie builder");
    std::vector<bool> is_forward(abbreviations.size(), false);
    const auto reversed = [](const std::u16string& s, std::size_t length) {
      icu::UnicodeString text(s.data(), static_cast<int32_t>(length));
      return text.reverse();
    };
    for (std::size_t i = 0; i < abbreviations.size(); ++i) {
      const std::u16string& abbreviation = abbreviations[i];
      const std::size_t period = abbreviation.find(u'.');
      if (period == std::u16string::npos || period + 1 == abbreviation.size()) continue;
      const std::size_t word = period + 1;
      bool is_word_added = false;
      for (std::size_t j = 0; j < abbreviations.size(); ++j) {
        if (j == i || abbreviation.compare(0, word, abbreviations[j], 0, word) != 0) continue;
        if (is_forward[j]) {
          is_word_added = true;
        } else {
          is_forward[j] = true;
        }
      }
      if (!is_word_added && !is_forward[i]) {
        backward.add(reversed(abbreviation, word), kPartialMatch, status);
        is_forward[i] = true;
      }
    }
    bool has_forward = false;
    for (std::size_t i = 0; i < abbreviations.size(); ++i) {
      if (is_forward[i]) {
        forward.add(icu::UnicodeString(abbreviations[i].data(), static_cast<int32_t>(abbreviations[i].size())),
                    kWholeMatch, status);
        has_forward = true;
      } else {
        backward.add(reversed(abbreviations[i], abbreviations[i].size()), kWholeMatch, status);
      }
    }
    check(status, "ICU sentence filter tries");
    backward_.reset(backward.build(USTRINGTRIE_BUILD_FAST, status));
    if (has_forward) forward_.reset(forward.build(USTRINGTRIE_BUILD_FAST, status));
    check(status, "ICU sentence filter tries");
  }

  // Whether ICU's filter suppresses the base rules' break at `boundary`
  // (0 < boundary < units.size()).
  bool suppresses(std::u16string_view units, std::size_t boundary) const {
    std::size_t i = boundary;
    if (units[i - 1] == u' ') --i;  // "Mr. |Brown": the space after the abbreviation
    // Backward from there, remembering the longest entry matched.
    icu::UCharsTrie backward(*backward_);  // a reader of the shared trie
    std::size_t match_begin = 0;
    int32_t match = 0;
    while (i > 0) {
      UChar32 c = 0;
      U16_PREV(units.data(), 0, i, c);
      const UStringTrieResult result = backward.nextForCodePoint(c);
      if (USTRINGTRIE_HAS_VALUE(result)) {
        match_begin = i;
        match = backward.getValue();
      }
      if (!USTRINGTRIE_HAS_NEXT(result)) break;
    }
    if (match == kWholeMatch) return true;
    if (match != kPartialMatch || !forward_) return false;
    // "Ph." matched: the whole entry must, forward from its start.
    icu::UCharsTrie forward(*forward_);
    UStringTrieResult result = USTRINGTRIE_INTERMEDIATE_VALUE;
    for (std::size_t k = match_begin; k < units.size();) {
      UChar32 c = 0;
      U16_NEXT(units.data(), k, units.size(), c);
      result = forward.nextForCodePoint(c);
      if (!USTRINGTRIE_HAS_NEXT(result)) break;
    }
    return USTRINGTRIE_MATCHES(result);
  }

 private:
  static constexpr int32_t kPartialMatch = 1;
  static constexpr int32_t kWholeMatch = 2;

  std::unique_ptr<icu::UCharsTrie> backward_;  // ".srM" for "Mrs."
  std::unique_ptr<icu::UCharsTrie> forward_;   // "Ph.D." once ".hP" matched
};

const AbbreviationFilter& abbreviation_filter() {
  static const AbbreviationFilter filter(filter_abbreviations());
  return filter;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

Span trim(std::string_view text, Span span) {
  while (span.begin_byte < span.end_byte && is_space(text[span.begin_byte])) ++span.begin_byte;
  while (span.end_byte > span.begin_byte && is_space(text[span.end_byte - 1])) --span.end_byte;
  return span;
}

bool is_closing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// ICU's filter recognizes an abbreviation only when at most one space
// follows it ("Sept.  28" breaks), and it breaks after "?" or "!" before a
// lowercase word ("\"Why?\" he asked"). Both are one sentence; this says so.
// Never across a line break.
bool should_join(std::string_view text, Span sentence, Span next) {
  for (std::size_t i = sentence.end_byte; i < next.begin_byte; ++i) {
    if (text[i] == '\n') return false;
  }
  // Abbreviations are short: looking back a few bytes keeps this linear
  // even on a "sentence" that is one endless word.
  constexpr std::size_t kMaxLookBehindBytes = 16;
  const std::size_t look_limit =
      sentence.end_byte - std::min(sentence.end_byte - sentence.begin_byte, kMaxLookBehindBytes);
  std::size_t word_begin = sentence.end_byte;
  while (word_begin > look_limit && !is_space(text[word_begin - 1])) --word_begin;
  std::string_view word = text.substr(word_begin, sentence.end_byte - word_begin);
  while (!word.empty() && (word.front() == '(' || word.front() == '[' || word.front() == '"' || word.front() == '\'')) {
    word.remove_prefix(1);
  }
  const bool is_whole_word = word_begin == sentence.begin_byte || is_space(text[word_begin - 1]);
  if (is_whole_word && is_non_final_abbreviation(word)) return true;

  std::size_t end = sentence.end_byte;
  while (end > look_limit && is_closing(text[end - 1])) --end;
  if (end > sentence.begin_byte && (text[end - 1] == '?' || text[end - 1] == '!')) {
    const DecodedCodePoint first = decode_utf8(text.substr(0, next.end_byte), next.begin_byte);
    return first.is_valid && u_islower(static_cast<UChar32>(first.code_point));
  }
  return false;
}

// A quotation is one sentence for the stages after this one: a statement
// and its attribution ("We do not want ... . We do not want ...," Cook
// said) must not be cut apart. After normalization every double quote is
// '"', which does not say whether it opens or closes, so quotes pair up in
// order within a line; a line with an odd count leaves its last one
// unpaired (a quotation running on into the next paragraph, as news style
// writes it), and a line break ends a sentence anyway.
// Returns [open, close] byte positions of paired marks, in text order.
std::vector<Span> find_quotations(std::string_view text) {
  std::vector<Span> quotations;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t open = text.find('"');
  while (open != kNone) {
    const std::size_t close = text.find('"', open + 1);
    if (close == kNone) break;
    if (text.substr(open + 1, close - open - 1).find('\n') != kNone) {
      open = close;  // `open` stays unpaired; after the line break this one opens
      continue;
    }
    quotations.push_back({open, close});
    open = text.find('"', close + 1);
  }
  return quotations;
}

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPointer = std::unique_ptr<UText, UTextCloser>;

// Runs the sentence iterator over `utext` and appends its segments, with
// ICU's break positions mapped to byte offsets by `to_byte`.
template <typename ToByte>
void append_segments(UText* utext, ToByte to_byte, std::vector<Span>& segments) {
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator& iterator = sentence_iterator();
  iterator.setText(utext, status);
  check(status, "ICU sentence iterator setText");
  std::size_t previous = to_byte(iterator.first());
  for (int32_t boundary = iterator.next(); boundary != icu::BreakIterator::DONE; boundary = iterator.next()) {
    const std::size_t byte = to_byte(boundary);
    segments.push_back({previous, byte});
    previous = byte;
  }
  // The iterator keeps a shallow clone pointing into the text; detach it so
  // that nothing dangles once the caller's text goes.
  UErrorCode detach_status = U_ZERO_ERROR;
  UText* empty = utext_openUChars(nullptr, u"", 0, &detach_status);
  iterator.setText(empty, detach_status);
  utext_close(empty);
}

// Writes the UTF-16 form of `piece` to `out` (room for piece.size() units)
// and returns its length in units, or nothing if `piece` is not valid UTF-8.
// Sets `is_ascii`.
std::optional<std::size_t> to_utf16(std::string_view piece, UChar* out, bool& is_ascii) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  std::size_t units = 0;
  is_ascii = true;
  for (std::size_t i = 0; i < piece.size();) {
    if (i + 8 <= piece.size()) {  // eight ASCII bytes at a time
      std::uint64_t eight = 0;
      std::memcpy(&eight, piece.data() + i, 8);
      if ((eight & kHighBits) == 0) {
        for (std::size_t k = 0; k < 8; ++k) out[units + k] = static_cast<unsigned char>(piece[i + k]);
        i += 8;
        units += 8;
        continue;
      }
    }
    const DecodedCodePoint d = decode_utf8(piece, i);
    if (!d.is_valid) return std::nullopt;
    if (d.code_point < 0x80) {
      out[units++] = static_cast<UChar>(d.code_point);
    } else if (d.code_point < 0x10000) {
      is_ascii = false;
      out[units++] = static_cast<UChar>(d.code_point);
    } else {
      is_ascii = false;
      out[units++] = U16_LEAD(d.code_point);
      out[units++] = U16_TRAIL(d.code_point);
    }
    i += d.length;
  }
  return units;
}

// Appends ICU's raw segments of text[begin, end) (untrimmed) to `segments`,
// for a piece of at most 2 GiB. ICU reads UTF-16 straight from memory; over
// UTF-8 it converts 32 units at a time, and again each time the abbreviation
// filter steps back from a candidate break: on corpus2k, handleNext took
// 305 M instructions over UTF-8 and 208 M over UTF-16, the filter 157 M and
// 44 M. The breaks are the same: both views give ICU the same code points.
// Bytes that are not UTF-8 (this can be handed any text) take the UTF-8
// view, whose U+FFFD substitution then decides.
void find_piece_segments(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& segments) {
  const std::string_view piece = text.substr(begin, end - begin);
  UErrorCode status = U_ZERO_ERROR;
  // UTF-16 never takes more units than UTF-8 takes bytes.
  const std::unique_ptr<UChar[]> utf16 = std::make_unique_for_overwrite<UChar[]>(piece.size());
  bool is_ascii = false;
  if (const std::optional<std::size_t> units = to_utf16(piece, utf16.get(), is_ascii)) {
    const UTextPointer utext(utext_openUChars(nullptr, utf16.get(), static_cast<int64_t>(*units), &status));
    check(status, "ICU utext_openUChars");
    // Breaks come in order, so one forward walk maps UTF-16 units to bytes.
    std::size_t unit = 0;
    std::size_t byte = 0;
    const auto to_byte = [&](int32_t boundary) {
      if (is_ascii) return begin + static_cast<std::size_t>(boundary);
      for (; unit < static_cast<std::size_t>(boundary); ++unit) {
        const auto lead = static_cast<unsigned char>(piece[byte]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        byte += length;
        if (length == 4) ++unit;  // a surrogate pair
      }
      return begin + byte;
    };
    append_segments(utext.get(), to_byte, segments);
    return;
  }
  // UText over UTF-8: break positions come back as byte offsets.
  const UTextPointer utext(utext_openUTF8(nullptr, piece.data(), static_cast<int64_t>(piece.size()), &status));
  check(status, "ICU utext_openUTF8");
  append_segments(utext.get(), [&](int32_t boundary) { return begin + static_cast<std::size_t>(boundary); }, segments);
}

// Appends ICU's raw segments of text[begin, end) (untrimmed) to `segments`,
// in pieces cut after the first line break past 64 KiB: that changes
// nothing (see sentence_split.h) and keeps the UTF-16 copy small.
constexpr std::size_t kPieceBytes = std::size_t{1} << 16;

void find_segments(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& segments) {
  while (begin < end) {
    std::size_t piece_end = end;
    if (end - begin > kPieceBytes) {
      const std::size_t newline = text.substr(0, end).find('\n', begin + kPieceBytes);
      if (newline != std::string_view::npos) piece_end = newline + 1;
    }
    find_piece_segments(text, begin, piece_end, segments);
    begin = piece_end;
  }
}

// What the window search asks of a byte (see find_windows).
enum SentenceByteClass : std::uint8_t {
  kAnchorByte = 1,  // may be a sentence terminator or a paragraph separator
  kLetterByte = 2,  // A-Z, a-z: Upper or Lower, which ends rule SB8's look-ahead
  kEdgeByte = 4,    // ' ' or LF: no abbreviation of the filter holds one
};

constexpr std::array<std::uint8_t, 256> kSentenceByteClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int b = 0; b < 256; ++b) {
    // Every control and every non-ASCII byte counts as an anchor: what it
    // is (a terminator, a separator, a space, an extender) is ICU's to say.
    if (b < 0x20 || b >= 0x7F || b == '.' || b == '!' || b == '?') classes[b] |= kAnchorByte;
    if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) classes[b] |= kLetterByte;
    if (b == ' ' || b == '\n') classes[b] |= kEdgeByte;
  }
  return classes;
}();

std::uint8_t byte_class(std::string_view text, std::size_t i) {
  return kSentenceByteClasses[static_cast<unsigned char>(text[i])];
}

// The first anchor byte of text[from, end), or `end`. Sixteen bytes at a
// time (anchors are a sentence apart in prose: eight at a time, by
// word-sized bit tests, this was 27 M instructions of the 5 MB corpus's
// build), the last few one by one.
std::size_t find_anchor(std::string_view text, std::size_t from, std::size_t end) {
  for (; from + 16 <= end; from += 16) {
    const Bytes16 v = load_bytes16(text.data() + from);
    const std::size_t k = first_marked((v < 0x20) | (v >= 0x7F) | (v == '.') | (v == '!') | (v == '?'));
    if (k < 16) return from + k;
  }
  while (from < end && (byte_class(text, from) & kAnchorByte) == 0) ++from;
  return from;
}

// Fewer sentences than `bytes` of news hold (its sentences run 100 to 200
// bytes), so that a text without any reserves little: with the vectors of
// windows, segments and sentences reserved at this, they are taken once or
// twice per document, not grown a doubling at a time (a tenth of all the
// build's allocations went there).
std::size_t expected_sentences(std::size_t bytes) { return bytes / 256 + 1; }

// The parts of text[begin, end) where ICU's filtered sentence iterator can
// break or reads to decide, as byte ranges, in order, disjoint. UAX #29
// (which ICU's rules implement) puts a boundary only after a paragraph
// separator (SB4) or after SATerm Close* Sp* ParaSep? (SB11), and decides it
// from the character before the terminator (SB7) and, after it, up to the
// first Upper, Lower, OLetter, ParaSep or SATerm (SB6-SB10); everywhere
// else SB998 says no. The abbreviation filter reads back from a boundary
// over one space and the word before, and forward from that word's start,
// and stops at the first character no abbreviation continues with: at a
// space or a line break at the latest. So each anchor (a byte that may be a
// terminator or a separator) gets the window from the space or line break
// before its word to past both the first letter or anchor after it and the
// first space or line break after it; an anchor found there extends the
// window in turn. Inside the union of these windows ICU decides as it does
// on the whole text; outside there is no boundary.
std::vector<Span> find_windows(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Span> windows;
  windows.reserve(expected_sentences(end - begin));
  const auto is = [&](std::size_t i, std::uint8_t byte_classes) { return (byte_class(text, i) & byte_classes) != 0; };
  for (std::size_t anchor = find_anchor(text, begin, end); anchor < end; anchor = find_anchor(text, anchor + 1, end)) {
    // After LF the filter reads the LF itself and stops.
    std::size_t left = anchor;
    if (text[anchor] != '\n') {
      const std::size_t known = windows.empty() ? begin : windows.back().end_byte;
      while (left > begin && left >= known && !is(left - 1, kEdgeByte)) --left;
      if (left > begin) --left;  // the space or LF itself, which stops the filter
    }
    std::size_t stop = anchor + 1;
    while (stop < end && !is(stop, kAnchorByte | kLetterByte)) ++stop;
    std::size_t edge = anchor + 1;
    while (edge < end && !is(edge, kEdgeByte)) ++edge;
    const std::size_t right = std::min(std::max(stop, edge) + 1, end);
    if (!windows.empty() && left < windows.back().end_byte) {
      windows.back().end_byte = std::max(windows.back().end_byte, right);
    } else {
      windows.push_back({left, right});
    }
  }
  return windows;
}

// The sentence rules (find_sentence_rule_breaks) over UTF-16, the windows
// one after another with an 'x' between them.
// A window's boundaries depend on nothing outside it but the character
// before its start, which stops the rules' and the filter's look-behind as
// the 'x' does; and a lowercase letter neither starts a sentence nor ends
// one (an LF would: twice the calls into the filter, which cost per break).
class WindowBatch {
 public:
  explicit WindowBatch(std::string_view text) : text_(text) {}

  // Adds window [begin, end) (at most kPieceBytes bytes of valid UTF-8)
  // unless it is not valid UTF-8; returns whether it did.
  bool add(Span window) {
    const std::string_view bytes = text_.substr(window.begin_byte, window.size());
    std::vector<UChar>& units = buffer();
    if (units.size() < used_ + bytes.size() + 1) units.resize(std::max(2 * units.size(), used_ + bytes.size() + 1));
    // The last window of a batch ends the text for ICU: the last of the
    // chunk must, since its rules' look-ahead may run to the end.
    const std::size_t begin_unit = windows_.empty() ? used_ : used_ + 1;
    bool is_ascii = false;
    const std::optional<std::size_t> count = to_utf16(bytes, units.data() + begin_unit, is_ascii);
    if (!count) return false;
    if (begin_unit > used_) units[used_] = u'x';
    windows_.push_back({window, begin_unit, begin_unit + *count, is_ascii});
    used_ = begin_unit + *count;
    return true;
  }

  std::size_t units() const { return used_; }

  // Appends the boundaries ICU finds strictly inside each window, in order.
  void flush(std::vector<std::size_t>& boundaries) {
    if (windows_.empty()) return;
    const AbbreviationFilter& filter = abbreviation_filter();
    const std::u16string_view units(buffer().data(), used_);
    std::vector<std::size_t>& breaks = rule_breaks();
    breaks.clear();
    find_sentence_rule_breaks(units, breaks);
    std::size_t k = 0;
    std::size_t unit = windows_[0].begin_unit;  // the walk from UTF-16 units to bytes in window k
    std::size_t byte = windows_[0].bytes.begin_byte;
    for (const std::size_t at : breaks) {
      if (at < used_ && filter.suppresses(units, at)) continue;
      while (k < windows_.size() && at >= windows_[k].end_unit) {
        ++k;
        if (k < windows_.size()) {
          unit = windows_[k].begin_unit;
          byte = windows_[k].bytes.begin_byte;
        }
      }
      if (k == windows_.size()) break;
      const WindowUnits& w = windows_[k];
      if (at <= w.begin_unit) continue;  // the window's start
      if (w.is_ascii) {
        boundaries.push_back(w.bytes.begin_byte + (at - w.begin_unit));
        continue;
      }
      for (; unit < at; ++unit) {
        const auto lead = static_cast<unsigned char>(text_[byte]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        byte += length;
        if (length == 4) ++unit;  // a surrogate pair
      }
      boundaries.push_back(byte);
    }
    windows_.clear();
    used_ = 0;
  }

 private:
  struct WindowUnits {
    Span bytes;
    std::size_t begin_unit = 0;
    std::size_t end_unit = 0;  // the 'x' before the next window, or the end
    bool is_ascii = false;
  };

  // One buffer per thread, grown to the largest batch and kept.
  static std::vector<UChar>& buffer() {
    thread_local std::vector<UChar> units;
    return units;
  }
  static std::vector<std::size_t>& rule_breaks() {
    thread_local std::vector<std::size_t> breaks;
    return breaks;
  }

  std::string_view text_;
  std::vector<WindowUnits> windows_;
  std::size_t used_ = 0;
};

// Appends ICU's raw segments of text[begin, end) (untrimmed) to `segments`,
// as find_segments does, with ICU run only over the windows of find_windows:
// on corpus2k its DFA (handleNext) went from 208 M instructions to 49 M.
void find_windowed_segments(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& segments) {
  const std::vector<Span> windows = find_windows(text, begin, end);
  std::vector<std::size_t> boundaries;
  boundaries.reserve(windows.size());
  WindowBatch batch(text);
  for (const Span window : windows) {
    if (window.size() <= kPieceBytes && batch.add(window)) {
      if (batch.units() >= kPieceBytes) batch.flush(boundaries);
      continue;
    }
    // A huge window, or bytes that are not UTF-8: ICU on the window alone.
    batch.flush(boundaries);
    std::vector<Span> pieces;
    find_segments(text, window.begin_byte, window.end_byte, pieces);
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) boundaries.push_back(pieces[i].end_byte);
  }
  batch.flush(boundaries);
  std::size_t previous = begin;
  for (const std::size_t boundary : boundaries) {
    segments.push_back({previous, boundary});
    previous = boundary;
  }
  if (previous < end) segments.push_back({previous, end});
}

std::size_t chunk_end(std::string_view text, std::size_t begin, std::size_t max_chunk_bytes) {
  if (text.size() - begin <= max_chunk_bytes) return text.size();
  const std::size_t limit = begin + max_chunk_bytes;
  const std::size_t newline = text.rfind('\n', limit - 1);
  if (newline != std::string_view::npos && newline >= begin) return newline + 1;
  std::size_t end = limit;
  while (end > begin + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

std::vector<Sentence> split_sentences_in_chunks(std::string_view text, std::size_t max_chunk_bytes) {
  if (max_chunk_bytes == 0) max_chunk_bytes = 1;
  std::vector<Span> segments;
  segments.reserve(expected_sentences(text.size()));
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = chunk_end(text, begin, max_chunk_bytes);
    find_windowed_segments(text, begin, end, segments);
    begin = end;
  }
  const std::vector<Span> quotations = find_quotations(text);
  std::size_t quotation = 0;  // the first that does not close before the pending sentence ends
  std::vector<Sentence> sentences;
  sentences.reserve(segments.size());
  std::optional<Span> pending;
  for (Span segment : segments) {
    const Span trimmed = trim(text, segment);
    if (trimmed.empty()) continue;
    bool is_inside_quotation = false;
    if (pending) {
      while (quotation < quotations.size() && quotations[quotation].end_byte < pending->end_byte) ++quotation;
      is_inside_quotation = quotation < quotations.size() && quotations[quotation].begin_byte < pending->end_byte;
    }
    if (pending && (is_inside_quotation || should_join(text, *pending, trimmed))) {
      pending->end_byte = trimmed.end_byte;
      continue;
    }
    if (pending) sentences.push_back({sentences.size(), *pending});
    pending = trimmed;
  }
  if (pending) sentences.push_back({sentences.size(), *pending});
  return sentences;
}

std::vector<Span> find_icu_segments(std::string_view text, bool is_whole_text) {
  std::vector<Span> segments;
  if (is_whole_text) {
    find_segments(text, 0, text.size(), segments);
  } else {
    find_windowed_segments(text, 0, text.size(), segments);
  }
  return segments;
}

std::vector<Sentence> cut_long_sentences(std::string_view text, const std::vector<Sentence>& sentences,
                                         std::size_t max_sentence_bytes) {
  if (max_sentence_bytes == 0) max_sentence_bytes = 1;
  std::vector<Sentence> out;
  out.reserve(sentences.size());
  auto add = [&](Span piece, bool is_cut) {
    piece = trim(text, piece);
    if (!piece.empty()) out.push_back({out.size(), piece, is_cut});
  };
  for (const Sentence& sentence : sentences) {
    std::size_t begin = sentence.span.begin_byte;
    const std::size_t end = sentence.span.end_byte;
    const bool is_cut = end - begin > max_sentence_bytes;
    while (end - begin > max_sentence_bytes) {
      // The last white space within the limit, else a character boundary.
      std::size_t cut = begin + max_sentence_bytes;
      while (cut > begin + 1 && !is_space(text[cut - 1])) --cut;
      if (cut == begin + 1 && !is_space(text[begin])) {
        cut = begin + max_sentence_bytes;
        while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      add({begin, cut}, true);
      begin = cut;
    }
    add({begin, end}, is_cut);
  }
  return out;
}

}  // namespace detail

std::vector<Sentence> split_sentences(std::string_view text, std::size_t max_sentence_bytes) {
  constexpr std::size_t kMaxChunkBytes = std::size_t{1} << 30;
  return detail::cut_long_sentences(text, detail::split_sentences_in_chunks(text, kMaxChunkBytes),
                                    max_sentence_bytes);
}

}  // namespace eventgraph
