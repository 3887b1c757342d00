// Fuzzes the text stage: normalization of raw bytes, then sentences and
// tokens, checking the offsets every later stage relies on.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "text/detail/sentence_split.h"
#include "text/text.h"

using namespace eventgraph;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  NormalizedText n = normalize_text(raw, "fuzz");
  const std::string& text = n.text;
  FUZZ_CHECK(fuzz::is_valid_utf8(text), "normalized text is not valid UTF-8");
  for (unsigned char c : text) {
    FUZZ_CHECK(c >= 0x20 || c == '\n' || c == '\t', "a control character survived: " + std::to_string(c));
  }
  FUZZ_CHECK(n.diagnostics.size() <= 1, "more than one diagnostic");
  FUZZ_CHECK(normalize_text(text, "again").text == text, "normalizing twice changes the text");

  std::size_t last_end = 0;
  std::size_t index = 0;
  for (const Sentence& s : split_sentences(text)) {
    FUZZ_CHECK(s.index == index++, "sentence indexes out of order");
    FUZZ_CHECK(s.span.begin_byte >= last_end, "sentences overlap or go back");
    FUZZ_CHECK(s.span.begin_byte < s.span.end_byte && s.span.end_byte <= text.size(), "bad sentence span");
    FUZZ_CHECK(fuzz::is_utf8_boundary(text, s.span.begin_byte) && fuzz::is_utf8_boundary(text, s.span.end_byte),
               "a sentence cuts a character");
    FUZZ_CHECK(!is_space(text[s.span.begin_byte]) && !is_space(text[s.span.end_byte - 1]), "sentence not trimmed");
    last_end = s.span.end_byte;
    std::size_t last_token_end = s.span.begin_byte;
    for (const Token& t : tokenize(text, s.span)) {
      FUZZ_CHECK(t.span.begin_byte >= last_token_end && t.span.begin_byte < t.span.end_byte &&
                     t.span.end_byte <= s.span.end_byte,
                 "token outside its sentence, empty or out of order");
      FUZZ_CHECK(fuzz::is_utf8_boundary(text, t.span.begin_byte) && fuzz::is_utf8_boundary(text, t.span.end_byte),
                 "a token cuts a character");
      last_token_end = t.span.end_byte;
    }
  }
  // ICU runs only on windows around possible sentence ends; on raw bytes
  // (any UTF-8 or not) and on normalized text that must change nothing.
  FUZZ_CHECK(detail::find_icu_segments(raw, false) == detail::find_icu_segments(raw, true),
             "ICU over windows and over the whole raw text disagree");
  FUZZ_CHECK(detail::find_icu_segments(text, false) == detail::find_icu_segments(text, true),
             "ICU over windows and over the whole text disagree");
  // Out-of-range requests are clamped, not trusted.
  (void)tokenize(text, Span{text.size() / 2, text.size() + 100});
  return 0;
}
