// Tests for the core data model: publication times, diagnostics, excerpts.
#include <doctest/doctest.h>

#include <cstdio>

#include "core/types.h"

using namespace eventgraph;
using namespace std::chrono_literals;

TEST_CASE("publication times parse the ISO forms manifests use") {
  struct Case {
    const char* input;
    const char* iso;  // nullptr: must be rejected
  };
  const Case cases[] = {
      {"2015-09-29", "2015-09-29"},
      {"2015-09-30T08:23:00-04:00", "2015-09-30T08:23:00-04:00"},
      {"2015-09-29T23:35:00+00:00", "2015-09-29T23:35:00+00:00"},
      {"2015-09-29T23:35:00Z", "2015-09-29T23:35:00+00:00"},
      {"2015-09-29 23:35", "2015-09-29T23:35:00"},
      {"2015-09-29T23:35:12.250+0530", "2015-09-29T23:35:00+05:30"},
      {"2015-02-29", nullptr},
      {"2015-13-01", nullptr},
      {"2015-9-1", nullptr},
      {"September 30, 2015", nullptr},
      {"2015-09-29T25:00", nullptr},
      {"2015-09-29T23:35:00+00:00 junk", nullptr},
      {"", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    auto parsed = parse_publication_time(c.input);
    if (c.iso == nullptr) {
      CHECK_FALSE(parsed.has_value());
    } else {
      REQUIRE(parsed.has_value());
      CHECK(parsed->to_iso() == c.iso);
    }
  }
}

TEST_CASE("the local day of a publication time is the day as written") {
  auto t = parse_publication_time("2015-09-29T23:35:00-04:00");
  REQUIRE(t);
  CHECK(format_day(t->local_day) == "2015-09-29");
  CHECK(t->utc_offset == std::chrono::minutes{-240});
}

TEST_CASE("format_day writes %04d-%02u-%02u for any year, to_iso adds the clock and offset") {
  // Years 0 to 9999 take a path without snprintf; the others keep it.
  for (int y : {-32767, -1, 0, 1, 999, 1000, 2015, 9999, 10000, 32767}) {
    for (unsigned m : {1u, 2u, 12u}) {
      for (unsigned d : {1u, 9u, 10u, 28u}) {
        date::sys_days day = date::year{y} / m / d;
        char expected[32];
        std::snprintf(expected, sizeof expected, "%04d-%02u-%02u", y, m, d);
        CHECK(format_day(day) == expected);
      }
    }
  }
  PublicationTime t{date::year{2015} / 9 / 30, std::chrono::minutes(8 * 60 + 3), std::chrono::minutes(-270)};
  CHECK(t.to_iso() == "2015-09-30T08:03:00-04:30");
  t.utc_offset = std::chrono::minutes(0);
  CHECK(t.to_iso() == "2015-09-30T08:03:00+00:00");
  t.utc_offset.reset();
  CHECK(t.to_iso() == "2015-09-30T08:03:00");
  t.time_of_day.reset();
  CHECK(t.to_iso() == "2015-09-30");
}

TEST_CASE("diagnostics print as file:line:col: severity: message [code]") {
  Diagnostic d{Severity::error, "samples/manifest.json", 3, 14, "json-syntax", "missing comma"};
  CHECK(d.to_string() == "samples/manifest.json:3:14: error: missing comma [json-syntax]");
  Diagnostic w{Severity::warning, "doc-1", 0, 0, "empty-document", "no text"};
  CHECK(w.to_string() == "doc-1: warning: no text [empty-document]");
}

TEST_CASE("line and column count from one, columns in bytes") {
  std::string_view text = "ab\ncd\n\xC3\xA9x";
  CHECK(line_column_at(text, 0).line == 1);
  CHECK(line_column_at(text, 4).line == 2);
  CHECK(line_column_at(text, 4).column == 2);
  CHECK(line_column_at(text, 8).line == 3);
  CHECK(line_column_at(text, 8).column == 3);
  CHECK(line_column_at(text, 999).line == 3);
}

TEST_CASE("excerpts escape control bytes and keep UTF-8 whole") {
  CHECK(excerpt_at("say \"hi\"\nnow", 4, 24) == "\"hi\"\\nnow");
  CHECK(excerpt_at("caf\xC3\xA9", 0, 4) == "caf");
  CHECK(excerpt_at("a\x01z", 0) == "a\\x01z");
  CHECK(excerpt_at("abc", 10).empty());
  // Only valid UTF-8 is passed on; any other high byte is shown as \xNN.
  CHECK(excerpt_at("\xE6\x97\xA5\xE6\x9C\xAC ok", 0) == "\xE6\x97\xA5\xE6\x9C\xAC ok");
  CHECK(excerpt_at("\xF0\x9F\x98\x80!", 0) == "\xF0\x9F\x98\x80!");
  CHECK(excerpt_at("a\xE4+b", 0) == "a\\xE4+b");                      // a lead byte without its continuation
  CHECK(excerpt_at("\xC0\xAF", 0) == "\\xC0\\xAF");                   // overlong "/"
  CHECK(excerpt_at("\xED\xA0\x80", 0) == "\\xED\\xA0\\x80");          // a surrogate
  CHECK(excerpt_at("\xF4\x90\x80\x80", 0) == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  CHECK(excerpt_at("\xFE\xFF\x80", 0) == "\\xFE\\xFF\\x80");
  CHECK(excerpt_at(std::string(30, '\x80'), 0, 8) == "\\x80\\x80\\x80\\x80\\x80");  // stray bytes shown, not dropped
}

TEST_CASE("release_text keeps the runs of continuation bytes wherever they fall") {
  // release_text skips eight ASCII bytes at a time: runs at every offset
  // against an eight-byte step, across one, at the very end, and texts
  // shorter than eight bytes, against a test per byte.
  auto runs_of = [](const std::string& text) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) continue;
      const auto at = static_cast<std::uint32_t>(i);
      if (!runs.empty() && runs.back().second == at) {
        ++runs.back().second;
      } else {
        runs.emplace_back(at, at + 1);
      }
    }
    return runs;
  };
  for (std::size_t size = 0; size < 48; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (const std::string& letter : {std::string("\u00e9"), std::string("\u20ac"), std::string("\xF0\x9F\x98\x80")}) {
        std::string text(size, 'a');
        text.replace(at, 1, letter);
        if (at + 5 < text.size()) text.replace(at + 5, 1, "\u00fc");
        Document doc;
        doc.text = text;
        CAPTURE(size);
        CAPTURE(at);
        // A text is kept when its runs would not be smaller than it.
        const auto runs = runs_of(text);
        if (runs.size() > text.size() / sizeof(runs[0])) {
          CHECK_FALSE(release_text(doc));
          CHECK(doc.text == text);
          continue;
        }
        REQUIRE(release_text(doc));
        REQUIRE(doc.released);
        CHECK(doc.text.empty());
        CHECK(doc.released->bytes == text.size());
        CHECK(doc.released->continuation_runs == runs);
      }
    }
  }
  // All continuation bytes: more runs than the budget allows, the text kept.
  Document dense;
  dense.text = std::string(64, 'a');
  for (std::size_t i = 1; i < dense.text.size(); i += 2) dense.text[i] = '\x80';
  const std::string before = dense.text;
  CHECK_FALSE(release_text(dense));
  CHECK_FALSE(dense.released);
  CHECK(dense.text == before);
}
