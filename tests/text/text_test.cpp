// Tests for the text stage: UTF-8 repair, normalization, chrome removal,
// sentence splitting (with a hand-checked golden file) and tokenization.
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/detail/abbreviations.h"
#include "text/detail/ascii_classes.h"
#include "text/detail/chrome.h"
#include "text/detail/sentence_split.h"
#include "text/text.h"

#include "random_pieces.h"

using namespace eventgraph;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot open " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string sample(const char* name) { return read_file(std::string(EVENTGRAPH_SOURCE_DIR "/samples/") + name); }

constexpr const char* kSamples[] = {"000_c1eca96c0dcfe9f6.txt", "002_69934d45cc2de441.txt",
                                    "003_636d85819b5b41b1.txt"};

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text)) out.emplace_back(text.substr(s.span.begin_byte, s.span.size()));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

char kind_letter(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return 'w';
    case TokenKind::number: return 'n';
    case TokenKind::punctuation: return 'p';
    case TokenKind::quote: return 'q';
    case TokenKind::symbol: return 's';
  }
  return '?';
}

// "Syria/w ./p": each token's text and kind, space-separated.
std::string describe_tokens(std::string_view text) {
  std::vector<std::string> parts;
  for (const Token& t : tokenize(text, {0, text.size()})) {
    parts.push_back(std::string(text.substr(t.span.begin_byte, t.span.size())) + '/' + kind_letter(t.kind));
  }
  return join(parts, " ");
}

}  // namespace

// ---------------------------------------------------------------- UTF-8

TEST_CASE("invalid UTF-8 is repaired to U+FFFD with one warning per document") {
  struct Case {
    const char* kind;
    std::string raw;
    std::string text;        // normalized
    std::string diagnostic;  // whole Diagnostic::to_string()
  };
  const std::string fffd = "\xEF\xBF\xBD";
  const Case cases[] = {
      {"stray continuation byte", "a\x80" "b", "a" + fffd + "b",
       "doc:1:2: warning: invalid UTF-8 sequence at byte 1 replaced with U+FFFD (bytes \\x80) [invalid-utf8]"},
      {"overlong two-byte lead C0", "\xC0\xAF", fffd + fffd,
       "doc:1:1: warning: 2 invalid UTF-8 sequences replaced with U+FFFD, first at byte 0 (bytes \\xC0\\xAF) "
       "[invalid-utf8]"},
      {"overlong two-byte lead C1", "x\xC1\xBF", "x" + fffd + fffd,
       "doc:1:2: warning: 2 invalid UTF-8 sequences replaced with U+FFFD, first at byte 1 (bytes \\xC1\\xBF) "
       "[invalid-utf8]"},
      {"overlong three-byte form", "\xE0\x80\xAF!", fffd + fffd + fffd + "!",
       "doc:1:1: warning: 3 invalid UTF-8 sequences replaced with U+FFFD, first at byte 0 (bytes \\xE0\\x80\\xAF) "
       "[invalid-utf8]"},
      {"overlong four-byte form", "\xF0\x8F\xBF\xBF", fffd + fffd + fffd + fffd,
       "doc:1:1: warning: 4 invalid UTF-8 sequences replaced with U+FFFD, first at byte 0 (bytes "
       "\\xF0\\x8F\\xBF\\xBF) [invalid-utf8]"},
      {"UTF-16 surrogate", "ok \xED\xA0\x80", "ok " + fffd + fffd + fffd,
       "doc:1:4: warning: 3 invalid UTF-8 sequences replaced with U+FFFD, first at byte 3 (bytes \\xED\\xA0\\x80) "
       "[invalid-utf8]"},
      {"above U+10FFFF", "\xF4\x90\x80\x80", fffd + fffd + fffd + fffd,
       "doc:1:1: warning: 4 invalid UTF-8 sequences replaced with U+FFFD, first at byte 0 (bytes "
       "\\xF4\\x90\\x80\\x80) [invalid-utf8]"},
      {"byte F5", "a\xF5", "a" + fffd,
       "doc:1:2: warning: invalid UTF-8 sequence at byte 1 replaced with U+FFFD (bytes \\xF5) [invalid-utf8]"},
      {"byte FF", "\xFF" "a", fffd + "a",
       "doc:1:1: warning: invalid UTF-8 sequence at byte 0 replaced with U+FFFD (bytes \\xFF) [invalid-utf8]"},
      {"truncated at the end", "ab\xE2\x80", "ab" + fffd,
       "doc:1:3: warning: invalid UTF-8 sequence at byte 2 replaced with U+FFFD (bytes \\xE2\\x80) [invalid-utf8]"},
      {"truncated before ASCII", "\xE2\x80x", fffd + "x",
       "doc:1:1: warning: invalid UTF-8 sequence at byte 0 replaced with U+FFFD (bytes \\xE2\\x80) [invalid-utf8]"},
      {"truncated four-byte", "\xF0\x9F\x98 z", fffd + " z",
       "doc:1:1: warning: invalid UTF-8 sequence at byte 0 replaced with U+FFFD (bytes \\xF0\\x9F\\x98) "
       "[invalid-utf8]"},
      {"line and column of the first", "one\r\ntwo\n  \xFE and \xFF", "one\ntwo\n  " + fffd + " and " + fffd,
       "doc:3:3: warning: 2 invalid UTF-8 sequences replaced with U+FFFD, first at byte 11 (bytes \\xFE) "
       "[invalid-utf8]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.kind);
    const NormalizedText n = normalize_text(c.raw, "doc");
    CHECK(n.text == c.text);
    REQUIRE(n.diagnostics.size() == 1);
    CHECK(n.diagnostics[0].severity == Severity::warning);
    CHECK(n.diagnostics[0].code == "invalid-utf8");
    CHECK(n.diagnostics[0].to_string() == c.diagnostic);
  }
}

TEST_CASE("valid UTF-8 passes without diagnostics") {
  const std::string raw = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xED\x9F\xBF";
  const NormalizedText n = normalize_text(raw, "doc");
  CHECK(n.text == raw);
  CHECK(n.diagnostics.empty());
}

TEST_CASE("thousands of bad bytes give one warning") {
  const std::string raw = "start " + std::string(5000, '\x80') + " end";
  const NormalizedText n = normalize_text(raw, "big");
  REQUIRE(n.diagnostics.size() == 1);
  CHECK(n.diagnostics[0].to_string() ==
        "big:1:7: warning: 5000 invalid UTF-8 sequences replaced with U+FFFD, first at byte 6 (bytes "
        "\\x80\\x80\\x80\\x80\\x80\\x80\\x80\\x80) [invalid-utf8]");
  CHECK(n.text.size() == 6 + 5000 * 3 + 4);
}

// ---------------------------------------------------------------- normalization

TEST_CASE("normalization: a byte out of the printable ASCII range anywhere in an 8-byte window") {
  struct Byte {
    char raw;
    const char* normalized;
  };
  const Byte bytes[] = {{'\x00', ""}, {'\x09', "\t"}, {'\x0A', "\n"}, {'\x0D', "\n"}, {'\x1F', ""}, {' ', " "},
                        {'~', "~"},    {'\x7F', ""},   {'\x80', "\xEF\xBF\xBD"}, {'\xFF', "\xEF\xBF\xBD"}};
  for (const Byte& b : bytes) {
    for (std::size_t at = 0; at < 20; ++at) {
      CAPTURE(static_cast<int>(static_cast<unsigned char>(b.raw)));
      CAPTURE(at);
      std::string raw(20, 'a');
      raw[at] = b.raw;
      std::string expected = raw.substr(0, at) + b.normalized + raw.substr(at + 1);
      CHECK(normalize_text(raw, "t").text == expected);
    }
  }
}

TEST_CASE("normalization: BOM, line breaks, controls, spaces, NFC, quotes") {
  struct Case {
    const char* what;
    std::string raw;
    std::string text;
  };
  const Case cases[] = {
      {"BOM dropped", "\xEF\xBB\xBFHello", "Hello"},
      {"BOM inside (concatenated files) dropped", "a\n\xEF\xBB\xBF" "b", "a\nb"},
      {"CRLF", "a\r\nb\r\n", "a\nb\n"},
      {"lone CR", "a\rb\r\rc", "a\nb\n\nc"},
      {"CR CR LF", "a\r\r\nb", "a\n\nb"},
      {"NUL and C0 controls dropped, tab kept", std::string("a\0b\x07" "c\td\x1B", 9), "abc\td"},
      {"VT, FF, NEL, LS, PS end lines", "a\vb\fc\xC2\x85" "d\xE2\x80\xA8" "e\xE2\x80\xA9" "f", "a\nb\nc\nd\ne\nf"},
      {"DEL and C1 controls dropped", "a\x7F" "b\xC2\x93" "c", "abc"},
      {"no-break and thin spaces", "He\xC2\xA0said 5\xE2\x80\xAFkm\xE2\x80\x89ok\xE3\x80\x80!", "He said 5 km ok !"},
      {"soft hyphen and zero-width space dropped", "de\xC2\xAD" "con\xE2\x80\x8B" "fliction", "deconfliction"},
      {"NFC composes", "e\xCC\x81", "\xC3\xA9"},
      {"NFC in a word", "Cafe\xCC\x81 Ame\xCC\x81lie", "Caf\xC3\xA9 Am\xC3\xA9lie"},
      {"NFC reorders marks", "a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81"},
      {"NFC Hangul", "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"},
      {"already NFC unchanged", "\xC3\xA9t\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       "\xC3\xA9t\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
      {"double curly quotes", "\xE2\x80\x9Cno\xE2\x80\x9D", "\"no\""},
      {"low-9 and reversed double quotes", "\xE2\x80\x9Eja\xE2\x80\x9F", "\"ja\""},
      {"guillemets", "\xC2\xAB" "oui\xC2\xBB", "\"oui\""},
      {"single curly quotes and apostrophe", "\xE2\x80\x98lines\xE2\x80\x99 Russia\xE2\x80\x99s", "'lines' Russia's"},
      {"low-9 and reversed single quotes", "\xE2\x80\x9Ax\xE2\x80\x9B", "'x'"},
      {"single guillemets", "\xE2\x80\xB9x\xE2\x80\xBA", "'x'"},
      {"primes are not quotes", "5\xE2\x80\xB2 10\xE2\x80\xB3", "5\xE2\x80\xB2 10\xE2\x80\xB3"},
      {"straight quotes unchanged", "\"a\" 'b'", "\"a\" 'b'"},
      {"Treebank quotes", "``We act,'' Putin said.", "\"We act,\" Putin said."},
      {"Treebank quotes at the ends, apostrophes kept", "``Russia's''", "\"Russia's\""},
      {"one backtick and one apostrophe stay", "`a' b'' ```", "`a' b\" \"`"},
      {"Treebank quotes across a dropped control, so that a second pass changes nothing", std::string("a'\0'b", 5), "a\"b"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const NormalizedText n = normalize_text(c.raw, "doc");
    CHECK(n.text == c.text);
    CHECK(n.diagnostics.empty());
  }
}

// ---------------------------------------------------------------- chrome

TEST_CASE("normalization: Treebank quotes pair leftmost first, as a left-to-right scan does") {
  // The scan the fold is measured against, written the slow way.
  const auto fold = [](std::string_view text) {
    std::string out;
    for (std::size_t k = 0; k < text.size();) {
      const char c = text[k];
      if ((c == '`' || c == '\'') && k + 1 < text.size() && text[k + 1] == c) {
        out += '"';
        k += 2;
      } else {
        out += c;
        ++k;
      }
    }
    return out;
  };
  constexpr std::string_view kPieces[] = {"`", "'", "``", "''", "a", " ", "\"", "'''", "```"};
  RandomPieces random(7);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = random.text(kPieces, 0, 12);
    CAPTURE(text);
    CHECK(normalize_text(text, "t").text == fold(text));
  }
}

TEST_CASE("chrome lines are recognized, prose is not") {
  struct Case {
    const char* line;
    bool is_chrome;
  };
  const Case cases[] = {
      {"Font Size", true},
      {"Font Size:", true},
      {"  font size  ", true},
      {"Share", true},
      {"Tweet", true},
      {"Email", true},
      {"Print", true},
      {"Comments", true},
      {"COMMENTS", true},
      {"Advertisement", true},
      {"Share this article", true},
      {"Share | Tweet | Email | Print", true},
      {"Facebook Twitter WhatsApp", true},
      {"READ MORE: 'Constructive & surprisingly frank': Putin meets Obama on UNGA sidelines", true},
      {"icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon", true},
      {"ICON BOOKMARK-BICON BOOKMARKICON CAMERAICON CHECKICON CHEVRON DOWNICON", true},
      {"Icon menuIcOn xICON y z a", true},  // three of six words marked, in any case
      {"a b c d e f g icon", false},    // one of eight
      {"iconi iconi iconi x y zicon", true},
      {"", false},
      {"Share prices fell 3 percent on Monday.", false},
      {"Email records show the secretary wrote twice.", false},
      {"Print and broadcast media were barred.", false},
      {"Comments from the ministry were not available", false},
      {"Susan Jones | September 30, 2015 | 8:23am EDT", false},
      {"SERGEI KARPUKHIN/AFP/Getty Images", false},
      {"The icon of the revolution, an iconic figure, spoke. Icons were everywhere.", false},
      {"Read more: the minister said talks would resume. He gave no date for them.", false},
      {"Advertisement revenue fell.", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(detail::is_chrome_line(c.line) == c.is_chrome);
  }
}

TEST_CASE("chrome is dropped from the real samples and nothing else is") {
  const NormalizedText cns = normalize_text(sample("000_c1eca96c0dcfe9f6.txt"), "cns");
  CHECK(cns.diagnostics.empty());
  CHECK(cns.text.find("Font Size") == std::string::npos);
  CHECK(cns.text.starts_with("U.S. Opening 'De-Confliction' Talks With Russia:"));
  CHECK(cns.text.find("8:23am EDT\nUnited States President Barack Obama") != std::string::npos);

  const NormalizedText rt = normalize_text(sample("002_69934d45cc2de441.txt"), "rt");
  CHECK(rt.diagnostics.empty());
  CHECK(rt.text.find("icon") == std::string::npos);
  CHECK(rt.text.starts_with("29 Sep, 2015 23:35\n"));
  CHECK(rt.text.find("READ MORE") == std::string::npos);
  CHECK(rt.text.find("Speaking at the General Assembly") != std::string::npos);

  const NormalizedText bb = normalize_text(sample("003_636d85819b5b41b1.txt"), "bb");
  CHECK(bb.diagnostics.empty());
  CHECK(bb.text.find("COMMENTS") == std::string::npos);
  CHECK(bb.text.find("Putin Assad Getty\nSERGEI KARPUKHIN/AFP/Getty Images\n") != std::string::npos);
  CHECK(bb.text.find("Please let us know if you're having issues with commenting.") != std::string::npos);

  // Every line that is not chrome survives word for word: count the lines
  // of prose (those with a sentence end) before and after.
  for (const char* name : kSamples) {
    CAPTURE(name);
    const std::string raw = sample(name);
    const std::string text = normalize_text(raw, name).text;
    const auto prose_lines = [](std::string_view s) {
      std::size_t count = 0;
      std::size_t begin = 0;
      while (begin < s.size()) {
        std::size_t end = s.find('\n', begin);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(begin, end - begin);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (line.find(". ") != std::string_view::npos || line.ends_with('.')) ++count;
        begin = end + 1;
      }
      return count;
    };
    CHECK(prose_lines(text) == prose_lines(raw));
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find("\xE2\x80\x9C") == std::string::npos);
    CHECK(text.find("\xE2\x80\x99") == std::string::npos);
    CHECK(text.find("\xC2\xA0") == std::string::npos);
  }
}

// ---------------------------------------------------------------- sentences

TEST_CASE("sentence splitting") {
  struct Case {
    const char* text;
    const char* sentences;  // joined with " | "
  };
  const Case cases[] = {
      // A quotation ending a sentence keeps its closing mark.
      {"He said \"no.\" Then he left.", "He said \"no.\" | Then he left."},
      {"\"We go,\" he said. \"Now.\" Done.", "\"We go,\" he said. | \"Now.\" | Done."},
      // No break inside a quotation, so that a statement keeps its attribution.
      {"\"We go. We stay,\" he said. Then", "\"We go. We stay,\" he said. | Then"},
      {"\"A. B.\" \"C. D.\"", "\"A. B.\" | \"C. D.\""},
      // An unpaired quote (a quotation running into the next paragraph) does not glue the line.
      {"\"We go. We stay.\nNext.", "\"We go. | We stay. | Next."},
      // Abbreviations and initials.
      {"Gen. Joseph D. Dunford Jr. told Congress. He left.", "Gen. Joseph D. Dunford Jr. told Congress. | He left."},
      {"J. R. R. Tolkien wrote it. Then", "J. R. R. Tolkien wrote it. | Then"},
      {"On Sept. 28 they met. Rep. Zinke spoke.", "On Sept. 28 they met. | Rep. Zinke spoke."},
      {"Sen. McCain, Gov. Brown and Lt. Col. Smith came. Maj. Gen. Capt. Sgt. Adm. no.",
       "Sen. McCain, Gov. Brown and Lt. Col. Smith came. | Maj. Gen. Capt. Sgt. Adm. no."},
      {"Dr. Smith, Mr. Lee, Mrs. Kim, Ms. Cho and Prof. Li met at St. Paul's. Then",
       "Dr. Smith, Mr. Lee, Mrs. Kim, Ms. Cho and Prof. Li met at St. Paul's. | Then"},
      {"Jan. 5, Feb. 6, Aug. 7, Oct. 8, Nov. 9 and Dec. 10 are dates. Next",
       "Jan. 5, Feb. 6, Aug. 7, Oct. 8, Nov. 9 and Dec. 10 are dates. | Next"},
      {"The U.S. and the U.K. and the U.N. agreed. Talks began.",
       "The U.S. and the U.K. and the U.N. agreed. | Talks began."},
      {"Smith vs. Jones ended. It is No. 1 now. Next", "Smith vs. Jones ended. | It is No. 1 now. | Next"},
      {"Acme Inc. Beta Corp. and Gamma Co. Ltd. merged. Next",
       "Acme Inc. Beta Corp. and Gamma Co. Ltd. merged. | Next"},
      {"Talks, e.g. Syria, and i.e. Iraq went on. Next", "Talks, e.g. Syria, and i.e. Iraq went on. | Next"},
      {"John Smith Sr. Spoke.", "John Smith Sr. Spoke."},
      // "U.S." or "D.C." at a true sentence end before a capital stays joined:
      // the ambiguity is resolved toward not breaking, as ICU's filter does.
      {"He lives in Washington, D.C. He works there.", "He lives in Washington, D.C. He works there."},
      // More than one space after an abbreviation (ICU's filter misses it).
      {"On Sept.  28 they met.", "On Sept.  28 they met."},
      // "?" and "!" before a lowercase word.
      {"\"Why?\" he asked. Nobody knew.", "\"Why?\" he asked. | Nobody knew."},
      {"Really? Yes! Fine.", "Really? | Yes! | Fine."},
      // Ellipses.
      {"Wait... What happened?", "Wait... | What happened?"},
      {"our first...goal here. And ...obviously not. Next",
       "our first...goal here. | And ...obviously not. | Next"},
      // Numbers, domains, brackets.
      {"It cost $3.5 billion. Visit CNSNews.com today. Next", "It cost $3.5 billion. | Visit CNSNews.com today. | Next"},
      {"(Update: the regime. Other degree.) Next.", "(Update: the regime. | Other degree.) | Next."},
      // Line breaks: headlines, bylines and captions stand alone.
      {"Pentagon Opens Dialogue\n\nThe talks began. They ended.",
       "Pentagon Opens Dialogue | The talks began. | They ended."},
      {"Susan Jones | Sept. 30, 2015 | 8:23am EDT\nText here.", "Susan Jones | Sept. 30, 2015 | 8:23am EDT | Text here."},
      {"A headline with Gen.\nNext line", "A headline with Gen. | Next line"},
      {"Photo\nSERGEI KARPUKHIN/AFP/Getty Images\n", "Photo | SERGEI KARPUKHIN/AFP/Getty Images"},
      {"WASHINGTON, D.C.\xE2\x80\x94Secretary Carter spoke. Then",
       "WASHINGTON, D.C.\xE2\x80\x94Secretary Carter spoke. | Then"},
      // White space and empty input.
      {"", ""},
      {" \n\n \t ", ""},
      {"  Leading and trailing.  \n", "Leading and trailing."},
      {"No final period", "No final period"},
      // Non-ASCII text (ICU reads UTF-16, the breaks map back to bytes): two-,
      // three- and four-byte characters before and after the breaks.
      {"Z\xC3\xBCrich. Gen\xC3\xA8ve? Oui! \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.",
       "Z\xC3\xBCrich. | Gen\xC3\xA8ve? | Oui! | \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0."},
      {"\xF0\x9F\x98\x80 Yes. \xF0\x9D\x90\x80 No. Done.", "\xF0\x9F\x98\x80 Yes. | \xF0\x9D\x90\x80 No. Done."},
      {"\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82 Next.",
       "\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82 | \xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x82 | Next."},
      {"Wait\xE2\x80\xA6 What? He said \xE2\x80\x9Cno.\xE2\x80\x9D Fine.",
       "Wait\xE2\x80\xA6 What? | He said \xE2\x80\x9Cno.\xE2\x80\x9D | Fine."},
      {"The U.S. Sept. 30 talks \xE2\x80\x94 and Mr. \xC3\x89mile. Left.",
       "The U.S. Sept. 30 talks \xE2\x80\x94 and Mr. \xC3\x89mile. | Left."},
      {"One.\r\nTwo. \"Three.\"\r\nFour", "One. | Two. | \"Three.\" | Four"},
      // Bytes that are not UTF-8 (not normalized text) go to ICU as UTF-8.
      {"Bad \xFF byte. Next one. \xC3\xA9t\xC3\xA9.", "Bad \xFF byte. | Next one. \xC3\xA9t\xC3\xA9."},
      {"Cut \xE2\x80 off. Then \xF0\x9F\x98\x80 more.", "Cut \xE2\x80 off. | Then \xF0\x9F\x98\x80 more."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(join(sentence_texts(c.text), " | ") == c.sentences);
  }
}

TEST_CASE("over 64 KiB ICU gets pieces cut at line breaks: the same sentences") {
  std::string long_text;
  for (int i = 0; i < 3000; ++i) {
    long_text += i % 5 == 0 ? "Caf\xC3\xA9 \xF0\x9F\x98\x80 Mr. Smith.\n" : "He said \"Go. Now.\" Then? ok. ";
  }
  const std::vector<Sentence> whole = split_sentences(long_text);
  const std::vector<Sentence> by_line = detail::split_sentences_in_chunks(long_text, 200);
  REQUIRE(whole.size() == by_line.size());
  for (std::size_t i = 0; i < whole.size(); ++i) CHECK(whole[i].span == by_line[i].span);
}

namespace {

// split_sentences runs ICU only on windows around possible sentence ends;
// on any text the segments must be those of ICU over the whole text.
void check_windows_match_whole_text(std::string_view text) {
  CAPTURE(text);
  REQUIRE(detail::find_icu_segments(text, false) == detail::find_icu_segments(text, true));
}

}  // namespace

TEST_CASE("ICU over windows finds what ICU over the whole text finds") {
  constexpr const char* kTricky[] = {
      "", ".", "a", " ", "\n", "\n\n", "a.", "A. B", "Mr. Smith went. He said.", "Mr.  Smith", "Sept.  28.",
      "the U.S. Army said. The U.S. is big.", "in Washington, D.C. He said", "J. R. R. Tolkien wrote it.",
      "Joseph D. Dunford", "Plan B. Then", "\"Why?\" he asked.", "\"Why?\" He asked.", "Why? he asked", "Really?! no",
      "It cost 3.5 million. 4.5. Then.", "v1.2.3 is out. ok", "e.g. this, i.e. that. Done.", "etc. and so on.",
      "Wait... what? Yes... No.", "Wait\xE2\x80\xA6 what", "He said (quietly.) Then left.", "'Go.' 'Now.'",
      "He left.\" She stayed.", "He left. \"She stayed.\"", "end.)  [Next] one.", "end.] Next", "end.'  next",
      "Line one\r\nLine two.\r\nThree", "One.\rTwo", "A\xC2\x85" "B. C", "A\xE2\x80\xA8" "B.\xE2\x80\xA9" "C",
      "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82", "\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F \xD9\x84\xD8\xA7",
      "Caf\xC3\xA9. \xC3\x89t\xC3\xA9 \xC3\xA9t\xC3\xA9. \xC3\xA9t\xC3\xA9", "a.\xCC\x81 B", "a\xCC\x81. B",
      "x.\xC2\xA0" "B", "x.\xE2\x80\x83\xE2\x80\x83" "b", "x. \xE2\x80\x94 b", "x.\xE2\x80\x9D B", "x.\xC2\xAD B",
      "Ph.D. Smith", "Ph. D. Smith", "Ph.D.Smith", "Lt.Cdr. Jones", "Hon.B.A. Jones", "Mr.Smith. Mrs.Jones.",
      "No. 5 is. No. 6", "Inc.) said", "Corp.'s profit", "1. First\n2. Second", "A.\n\nB.\n \nC. \n",
      "ok.\t\tNext", "ok.\tnext", "ok.\x0B" "Next", "ok.\x0C" "next", "a\x01. B", "\xF0\x9F\x98\x80. B \xF0\x9F\x98\x80.",
      "12:30 p.m. Friday. The", "at 5 p.m. He", "The U.S.A. Today. Go", "U.S.A.B. C", "!!! ??? ...", "?", "!a",
      "a. 1 2 3 4 5 b", "a. 1 2 3 4 5 B", "a. ; b", "a. , B", "a.,B", "a.-b", "a. (b", "A. (B",
      "x\xFF. Y \xC3. Z", "\xED\xA0\x80. A", "end. \xEF\xBC\x8E next\xEF\xBC\x81 Up",
      // Entries with a period inside, and the entries that share their
      // first word ("U." beside "U.S."), which the windows' own filter
      // must treat as ICU's does.
      "the U. Then", "U. S. Army", "per U.S.C. The", "U.S.C.A. The", "S.p.A. Then", "S.A.R. Then", "S.A. Then",
      "at 9 A.M. Then", "at 9 a.m. Then", "M.I.T. Then", "E.G. Then", "e.G. Then", "Lt. Then", "Lt.Cdr.Then",
      "Hon.B. Then", "Hon. Then", "xPh.D. Then", "Ph.D Then", "P.O. Box", "P. Then", "C.O.D. Then", "C.O. Then",
      "Mr. \xF0\x9F\x98\x80. Then", "\xF0\x9F\x98\x80Mr. Then", "Mr.\xF0\x9F\x98\x80 Then",
  };
  for (const char* text : kTricky) check_windows_match_whole_text(text);
  // Random strings of the same kinds of pieces.
  constexpr std::string_view kPieces[] = {
      " ", "  ", "\n", "\r\n", "\t", ".", "?", "!", "...", "\"", "'", ")", "(", "]", ",", ";", "-", ":", "3", "3.5",
      "a", "word", "Word", "WORD", "Mr.", "U.S.", "D.C.", "Ph.D.", "e.g.", "Gen.", "J.", "x", "X", "etc.",
      "\xC3\xA9", "\xC3\x89", "\xE3\x80\x82", "\xD8\x9F", "\xE2\x80\xA6", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
      "\xC2\xA0", "\xE2\x80\x94", "\xE2\x80\x9D", "\xCC\x81", "\xC2\xAD", "\xE4\xBD\xA0", "\xF0\x9F\x98\x80", "\xFF",
      "U.", "S.", "A.M.", "a.m.", "S.p.A.", "Lt.", "Cdr.", "Hon.", "B.A.", "C.",
  };
  RandomPieces random(0x9E3779B97F4A7C15);
  for (int round = 0; round < 20000; ++round) check_windows_match_whole_text(random.text(kPieces, 1, 24));
  // Real articles, and over 64 KiB, where big windows and batches are cut.
  std::string all;
  for (const char* name : kSamples) {
    const std::string text = normalize_text(sample(name), name).text;
    check_windows_match_whole_text(text);
    check_windows_match_whole_text(sample(name));
    all += text;
  }
  std::string long_text;
  while (long_text.size() < 300000) long_text += all;
  check_windows_match_whole_text(long_text);
  check_windows_match_whole_text(std::string(100000, 'a') + ". B " + std::string(70000, 'b') + ".\nC");
}

TEST_CASE("sentence spans are byte offsets, trimmed, in order, numbered") {
  const std::string text = "\xC3\x87" "a va. Tr\xC3\xA8s bien.\n\n  \xE2\x80\x9CQuoi?\xE2\x80\x9D  ";
  const std::vector<Sentence> sentences = split_sentences(text);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].span == Span{0, 7});
  CHECK(sentences[1].span == Span{8, 19});
  CHECK(sentences[2].span == Span{23, 34});
  for (std::size_t i = 0; i < sentences.size(); ++i) CHECK(sentences[i].index == i);
}

TEST_CASE("golden: every sentence of the CNS article, hand-checked") {
  const std::string text = normalize_text(sample("000_c1eca96c0dcfe9f6.txt"), "cns").text;
  const std::string expected = read_file(EVENTGRAPH_TEST_DIR "/cases/cnsnews.sentences.expected.txt");
  const std::string actual = join(sentence_texts(text), "\n") + "\n";
  CHECK(actual == expected);
}

TEST_CASE("samples: no break after an abbreviation, none before a closing quote or lowercase") {
  for (const char* name : kSamples) {
    CAPTURE(name);
    const std::string text = normalize_text(sample(name), name).text;
    const std::vector<Sentence> sentences = split_sentences(text);
    REQUIRE(sentences.size() > 10);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const Span span = sentences[i].span;
      const std::string_view s = std::string_view(text).substr(span.begin_byte, span.size());
      CAPTURE(s);
      REQUIRE(!s.empty());
      CHECK(s.front() != ' ');
      CHECK(s.back() != ' ');
      CHECK(s.find('\n') == std::string_view::npos);
      if (i > 0) CHECK(sentences[i - 1].span.end_byte < span.begin_byte);
      const bool ends_line = span.end_byte == text.size() || text[span.end_byte] == '\n';
      const bool starts_line = span.begin_byte == 0 || text[span.begin_byte - 1] == '\n';
      // A sentence ending in an abbreviation must end its line: otherwise
      // the same clause goes on in the next sentence.
      const std::size_t last_space = s.rfind(' ');
      const std::string_view last_word = last_space == std::string_view::npos ? s : s.substr(last_space + 1);
      if (!ends_line) CHECK_FALSE(detail::is_non_final_abbreviation(last_word));
      // A closing quote is '"' followed by a space, punctuation or the end.
      const bool starts_with_closing_quote =
          s.front() == '"' && (s.size() == 1 || s[1] == ' ' || s[1] == ',' || s[1] == '.');
      CHECK_FALSE(starts_with_closing_quote);
      if (!starts_line) CHECK_FALSE((s.front() >= 'a' && s.front() <= 'z'));
      // Quotations are never cut: every sentence holds balanced double quotes.
      CHECK(std::count(s.begin(), s.end(), '"') % 2 == 0);
    }
  }
}

TEST_CASE("splitting in chunks cut at line breaks changes nothing") {
  for (const char* name : kSamples) {
    CAPTURE(name);
    const std::string text = normalize_text(sample(name), name).text;
    std::size_t longest_line = 0;
    for (std::size_t begin = 0; begin < text.size();) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      longest_line = std::max(longest_line, end - begin + 1);
      begin = end + 1;
    }
    const std::vector<Sentence> whole = split_sentences(text);
    const std::vector<Sentence> chunked = detail::split_sentences_in_chunks(text, longest_line);
    REQUIRE(whole.size() == chunked.size());
    for (std::size_t i = 0; i < whole.size(); ++i) CHECK(whole[i].span == chunked[i].span);
  }
  // A line longer than a chunk is cut on a UTF-8 boundary, never inside a code point.
  const std::string long_line = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
  for (const Sentence& s : detail::split_sentences_in_chunks(long_line, 3)) {
    CHECK((static_cast<unsigned char>(long_line[s.span.begin_byte]) & 0xC0) != 0x80);
  }
}

TEST_CASE("the abbreviation table is sorted and recognizes initials") {
  const auto table = detail::news_abbreviations();
  CHECK(std::is_sorted(table.begin(), table.end()));
  CHECK(std::adjacent_find(table.begin(), table.end()) == table.end());
  for (std::string_view a : {"Sept.", "Gen.", "Rep.", "U.S.", "D.C.", "Jr.", "e.g.", "i.e.", "vs.", "No."}) {
    CAPTURE(a);
    CHECK(detail::is_non_final_abbreviation(a));
  }
  for (std::string_view a : table) CHECK(detail::is_non_final_abbreviation(a));
  // Looked up as packed integers: near misses and embedded NULs do not match.
  using namespace std::string_view_literals;
  for (std::string_view a : {"Mr"sv, "Mr.."sv, "xMr."sv, "Mr.s."sv, "Messrs.."sv, "\0Mr."sv, "Mr\0."sv, "mr."sv,
                             "U.S.A.B."sv, "Messrsx."sv, "r."sv}) {
    CAPTURE(a);
    CHECK_FALSE(detail::is_non_final_abbreviation(a));
  }
  CHECK(detail::is_non_final_abbreviation("D."));
  CHECK(detail::is_non_final_abbreviation("\xC3\x89."));  // "É."
  CHECK_FALSE(detail::is_non_final_abbreviation("d."));
  CHECK_FALSE(detail::is_non_final_abbreviation("Syria."));
  CHECK_FALSE(detail::is_non_final_abbreviation("Gen"));
}

// ---------------------------------------------------------------- tokens

TEST_CASE("tokenization") {
  struct Case {
    const char* text;
    const char* tokens;  // text/kind: w word, n number, p punctuation, q quote, s symbol
  };
  const Case cases[] = {
      {"don't", "don't/w"},
      {"Russia's de-confliction talks", "Russia's/w de-confliction/w talks/w"},
      {"The U.S. and D.C. agreed.", "The/w U.S./w and/w D.C./w agreed/w ./p"},
      {"in Syria.", "in/w Syria/w ./p"},
      {"met the U.S.", "met/w the/w U.S./w"},
      {"e.g. Ph.D. U.S.A.", "e.g./w Ph.D./w U.S.A./w"},
      {"2015 8:23 1,000 3.5", "2015/n 8:23/n 1,000/n 3.5/n"},
      {"Sept. 28, 2015, at", "Sept./w 28/n ,/p 2015/n ,/p at/w"},
      {"8:23am EDT", "8:23/n am/w EDT/w"},
      {"6pm 21st 1990s F-16 A380", "6/n pm/w 21st/w 1990s/w F-16/w A380/w"},
      {"2014-2015 4-year-old", "2014/n -/p 2015/n 4-year-old/w"},
      {"\"no,\" he said", "\"/q no/w ,/p \"/q he/w said/w"},
      {"'lines' Russians' plans", "'/q lines/w '/q Russians/w '/q plans/w"},
      {"first...goal -- what's", "first/w .../p goal/w --/p what's/w"},
      {"$5 100% a+b \xC2\xA9", "$/s 5/n 100/n %/p a/w +/s b/w \xC2\xA9/s"},
      {"Gen. Joseph D. Dunford Jr. told", "Gen./w Joseph/w D./w Dunford/w Jr./w told/w"},
      {"Mr. Smith met the Gen.", "Mr./w Smith/w met/w the/w Gen/w ./p"},
      {"Plan B.", "Plan/w B/w ./p"},
      {"ISIS/ISIL (R-MT)", "ISIS/w //p ISIL/w (/p R-MT/w )/p"},
      {"(CNSNews.com) -", "(/p CNSNews.com/w )/p -/p"},
      {"\xC4\x8C" "apek's caf\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       "\xC4\x8C" "apek's/w caf\xC3\xA9/w \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0/w"},
      {"cafe\xCC\x81 ok", "cafe\xCC\x81/w ok/w"},
      {"Russia \xE2\x80\x93 and", "Russia/w \xE2\x80\x93/p and/w"},
      {"\xE2\x80\x9Cok\xE2\x80\x9D Russia\xE2\x80\x99s", "\xE2\x80\x9C/q ok/w \xE2\x80\x9D/q Russia\xE2\x80\x99s/w"},
      {"a\xFF" "b", "a/w \xFF/s b/w"},
      {"Why? Now!", "Why/w ?/p Now/w !/p"},
      // ASCII and non-ASCII mixed inside words and numbers.
      {"na\xC3\xAFve Z\xC3\xBCrich's caf\xC3\xA9-au-lait x\xCC\x81y",
       "na\xC3\xAFve/w Z\xC3\xBCrich's/w caf\xC3\xA9-au-lait/w x\xCC\x81y/w"},
      {"12\xD9\xA3" "4 \xD9\xA3rd 5th \xEF\xBC\x90\xEF\xBC\x91",
       "12\xD9\xA3" "4/n \xD9\xA3rd/w 5th/w \xEF\xBC\x90\xEF\xBC\x91/n"},
      {"\xCE\x94-16 \xD0\x9C.\xD0\x9C. \xC3\x89. Next", "\xCE\x94-16/w \xD0\x9C.\xD0\x9C./w \xC3\x89./w Next/w"},
      {"\xF0\x9D\x90\x80\xF0\x9D\x90\x81 \xF0\x9F\x98\x80\xF0\x9F\x98\x80",
       "\xF0\x9D\x90\x80\xF0\x9D\x90\x81/w \xF0\x9F\x98\x80/s \xF0\x9F\x98\x80/s"},
      {"x\xC2\xA7y \xE2\x80\x94\xE2\x80\x94 \xC2\xBF\xC2\xBF",
       "x/w \xC2\xA7/p y/w \xE2\x80\x94\xE2\x80\x94/p \xC2\xBF\xC2\xBF/p"},
      // Skipped: ideographic space, zero-width space, NEL, C0 controls, DEL, tab.
      {"a\xE3\x80\x80" "b\xE2\x80\x8B" "c\xC2\x85" "d\x01" "e\x7F" "f\tg", "a/w b/w c/w d/w e/w f/w g/w"},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(describe_tokens(c.text) == c.tokens);
  }
}

TEST_CASE("tokenization: where words end and join") {
  // Words of 7 to 17 bytes, the bytes just outside 'A'-'Z', 'a'-'z' and
  // '0'-'9', the separators that join and those that do not, non-ASCII.
  struct Case {
    const char* text;
    const char* tokens;
  };
  const Case cases[] = {
      {"abcdefg", "abcdefg/w"}, {"abcdefgh", "abcdefgh/w"}, {"abcdefghi", "abcdefghi/w"},
      {"ABCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOPQ/w"}, {"12345678901", "12345678901/n"},
      {"abc@def`ghi[jkl{mno", "abc/w @/p def/w `/s ghi/w [/p jkl/w {/p mno/w"},
      {"abc/def:ghi 0123456789", "abc/w //p def/w :/p ghi/w 0123456789/n"},
      {"A1B2C3D4E5F6 Zz9/", "A1B2C3D4E5F6/w Zz9/w //p"},
      {"abcdefg\xC3\xA9xyz abcdef\xC3\xA9 x\xC3\xA9", "abcdefg\xC3\xA9xyz/w abcdef\xC3\xA9/w x\xC3\xA9/w"},
      {"abcdefgh\xE2\x80\x94xyz", "abcdefgh/w \xE2\x80\x94/p xyz/w"},
      {"abcdefghijkl.", "abcdefghijkl/w ./p"}, {"Washington's 1234567,890 x", "Washington's/w 1234567,890/n x/w"},
      // An ASCII run that ends at a non-ASCII byte or a separator goes on in
      // the full scanner: marks, curly apostrophes, bad bytes, no-break space.
      {"abc\xCC\x81" "def.", "abc\xCC\x81" "def/w ./p"}, {"abc\xE2\x80\x99s x", "abc\xE2\x80\x99s/w x/w"},
      {"abc\xFF", "abc/w \xFF/s"}, {"abc\xC3", "abc/w \xC3/s"}, {"word\xC2\xA0next", "word/w next/w"},
      {"a-b a- -a", "a-b/w a/w -/p -/p a/w"}, {"ab,12 a1,2 1a,2 x:9", "ab/w ,/p 12/n a1/w ,/p 2/n 1/n a/w ,/p 2/n x/w :/p 9/n"},
      {"Gen.\tDunford Gen.\nx abc.\xC3\xA9 abc.1 abc.. Mr.) A.",
       "Gen./w Dunford/w Gen/w ./p x/w abc.\xC3\xA9/w abc.1/w abc/w ../p Mr./w )/p A/w ./p"},
      {"7\xC3\xA9 1n 1nd 2s. 3rdx", "7/n \xC3\xA9/w 1/n n/w 1nd/w 2s/w ./p 3/n rdx/w"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(describe_tokens(c.text) == c.tokens);
  }
  // Nothing depends on how far the range goes on after the last word.
  constexpr std::string_view kBytes[] = {"a", "Z", "m", "0", "9", "@", "[", "`", "{", "/", ":", "'", "-", ".", ",",
                                         "\xC3\xA9", "\xCC\x81", "\xE2\x80\x94", " "};
  RandomPieces random(42);
  for (int round = 0; round < 5000; ++round) {
    const std::string text = random.text(kBytes, 1, 14);
    CAPTURE(text);
    CHECK(describe_tokens(text) == describe_tokens(text + "         "));
  }
}

TEST_CASE("the tokenizer's ASCII table says what ICU says") {
  for (UChar32 c = 0; c < 0x80; ++c) {
    CAPTURE(c);
    const std::uint8_t classes = detail::kAsciiClasses[static_cast<std::size_t>(c)];
    const std::uint32_t category = U_GET_GC_MASK(c);
    CHECK(((classes & detail::kAsciiLetter) != 0) == static_cast<bool>(u_isalpha(c)));
    CHECK(((classes & detail::kAsciiDigit) != 0) == static_cast<bool>(u_isdigit(c)));
    CHECK(((classes & detail::kAsciiPunct) != 0) == static_cast<bool>(u_ispunct(c)));
    CHECK(((classes & detail::kAsciiSkipped) != 0) ==
          (u_isUWhiteSpace(c) || (category & (U_GC_CC_MASK | U_GC_CF_MASK)) != 0));
    CHECK((category & U_GC_M_MASK) == 0);
  }
}

TEST_CASE("tokens index the whole text and stay inside the range") {
  const std::string text = "Skip this. Gen. Dunford met Putin. Skip";
  const Span range{11, 34};
  const std::vector<Token> tokens = tokenize(text, range);
  std::vector<std::string> texts;
  for (const Token& t : tokens) {
    CHECK(t.span.begin_byte >= range.begin_byte);
    CHECK(t.span.end_byte <= range.end_byte);
    texts.emplace_back(text.substr(t.span.begin_byte, t.span.size()));
  }
  CHECK(join(texts, " ") == "Gen. Dunford met Putin .");
  CHECK(tokenize(text, {30, 500}).size() == 3);  // "tin", ".", "Skip": the range is clamped
  CHECK(tokenize(text, {500, 600}).empty());
}

TEST_CASE("tokens of every sample sentence cover its non-space text") {
  for (const char* name : kSamples) {
    CAPTURE(name);
    const std::string text = normalize_text(sample(name), name).text;
    for (const Sentence& s : split_sentences(text)) {
      std::size_t covered = 0;
      std::size_t previous_end = s.span.begin_byte;
      for (const Token& t : tokenize(text, s.span)) {
        CHECK(t.span.begin_byte >= previous_end);
        CHECK(!t.span.empty());
        for (std::size_t i = previous_end; i < t.span.begin_byte; ++i) CHECK(text[i] == ' ');
        covered += t.span.size();
        previous_end = t.span.end_byte;
      }
      CHECK(previous_end == s.span.end_byte);
      CHECK(covered > 0);
    }
  }
}

TEST_CASE("a run without sentence ends is cut at white space, so later stages stay linear") {
  // 100,000 words, no punctuation: sentences of at most kMaxSentenceBytes,
  // each cut at a space, covering every word.
  std::string words;
  for (int i = 0; i < 100000; ++i) words += i % 7 == 0 ? "Obama " : "met ";
  const std::vector<Sentence> sentences = split_sentences(words);
  REQUIRE(sentences.size() > 1);
  std::size_t covered = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Span& s = sentences[i].span;
    CHECK(sentences[i].index == i);
    CHECK(s.size() <= detail::kMaxSentenceBytes);
    CHECK(words[s.begin_byte] != ' ');
    CHECK(words[s.end_byte - 1] != ' ');
    CHECK((s.end_byte == words.size() - 1 || words[s.end_byte] == ' '));
    covered += s.size() + 1;
  }
  CHECK(covered == words.size());
  // No white space at all: cut on a UTF-8 boundary, never inside a character.
  std::string letters;
  for (int i = 0; i < 5000; ++i) letters += "\xC3\xA9";
  const auto pieces = detail::cut_long_sentences(letters, {{0, {0, letters.size()}}}, 4095);
  REQUIRE(pieces.size() == 3);
  for (const Sentence& s : pieces) {
    CHECK((static_cast<unsigned char>(letters[s.span.begin_byte]) & 0xC0) != 0x80);
    CHECK(s.span.size() <= 4095);
  }
  CHECK(pieces.back().span.end_byte == letters.size());
  // Short sentences are left alone.
  const std::string short_text = "One. Two.";
  CHECK(split_sentences(short_text).size() == 2);
}
