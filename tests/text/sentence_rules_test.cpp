// find_sentence_rule_breaks against ICU's base sentence iterator ("en",
// no abbreviation filter): the same boundaries on any UTF-16 text.
#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "random_pieces.h"
#include "text/detail/sentence_split.h"

namespace {

std::vector<std::size_t> icu_breaks(const std::u16string& text) {
  UErrorCode status = U_ZERO_ERROR;
  static const std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString units(text.data(), static_cast<int32_t>(text.size()));
  iterator->setText(units);
  std::vector<std::size_t> breaks;
  for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    breaks.push_back(static_cast<std::size_t>(b));
  }
  return breaks;
}

std::vector<std::size_t> rule_breaks(const std::u16string& text) {
  std::vector<std::size_t> breaks;
  eventgraph::detail::find_sentence_rule_breaks(text, breaks);
  return breaks;
}

void check_same(const std::u16string& text) {
  const icu::UnicodeString shown(text.data(), static_cast<int32_t>(text.size()));
  std::string utf8;
  shown.toUTF8String(utf8);
  INFO("text: \"", utf8, "\"");
  CHECK(rule_breaks(text) == icu_breaks(text));
}

}  // namespace

TEST_CASE("sentence rules: UAX #29's boundaries, as ICU's base iterator finds them") {
  const std::u16string kCases[] = {
      u"", u".", u"a", u"A. B", u"a. b", u"U.S.A. Today", u"3.5", u"a.5", u"a. 5 b", u"a. 5 B", u"Why? he",
      u"end.) Next", u"end.\" next", u"x.\r\ny", u"x.\ry", u"x\ny", u"x\u2029y", u"x\u0085y", u"a.,b", u"a. ;b",
      u"a.\u0301 B", u"\u0301. B", u"x.\n\u0301y", u"\u00ad\u00adA. B", u"x.\u00a0B", u"x.\u2003b", u"!? .",
      u"\u4f60\u597d\u3002\u518d\u89c1", u"\u0645\u0627\u061f \u0644\u0627", u"x.\U0001F600 B", u"\xd800. B",
      u"\xdc00x. Y", u"\u0130. \u01c5 x", u"Mr. Smith. He", u"x. (b", u"X. (B", u"x.\t\tB", u"x.\x0b" u"B",
  };
  for (const std::u16string& text : kCases) check_same(text);
  // Random strings of every class, and of what extends or formats them.
  const std::u16string kPieces[] = {
      u" ", u"\t", u"\r", u"\n", u"\r\n", u"\u2028", u"\u0085", u".", u"?", u"!", u"\u3002", u"\u2026", u"\"",
      u"'", u")", u"(", u"\u201d", u",", u";", u"-", u":", u"\u3001", u"3", u"\u0663", u"a", u"word", u"W", u"\u00e9",
      u"\u00c9", u"\u4f60", u"\u05d0", u"\u0301", u"\u00ad", u"\u200d", u"\u00a0", u"\U0001F600", u"\xd800", u"x",
      u"\x01", u"#", u"U.S.", u"e.g.", u"3.5",
  };
  RandomPieces random(0x2545F4914F6CDD1D);
  for (int round = 0; round < 30000; ++round) check_same(random.text(kPieces, 1, 16));
}
