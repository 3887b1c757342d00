// read_flat_record against RapidJSON: whatever line the fast reader takes,
// RapidJSON (as load_jsonl calls it) must take too and give the same fields.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "../flat_record_reference.h"
#include "load/detail/flat_record.h"

using eventgraph::detail::FlatRecord;
using eventgraph::detail::read_flat_record;
using eventgraph::testing::rapidjson_flat_record;
using eventgraph::testing::same_fields;

namespace {

// Whether the fast reader agrees with RapidJSON on `line`, or leaves it to
// RapidJSON; counts the lines it takes.
void check_line(const std::string& line, std::size_t& taken) {
  FlatRecord fast;
  if (!read_flat_record(line, fast)) return;
  ++taken;
  const std::optional<FlatRecord> reference = rapidjson_flat_record(line);
  INFO("line: ", line);
  REQUIRE(reference.has_value());
  CHECK(same_fields(fast, *reference));
}

}  // namespace

TEST_CASE("flat records: the lines news feeds carry are read fast, as RapidJSON reads them") {
  const std::vector<std::string> lines = {
      R"({"id": "a1", "outlet": "rt.com", "url": "https://rt.com/x", "title": "Putin meets Obama", "published": "2015-09-28T10:00:00Z", "text": "MOSCOW \u2014 \"We agreed,\" he said.\nSecond paragraph.\tTab."})",
      R"({"text":"caf\u00e9 \u65e5\u672c \/ \\ \b\f\r","id":"b"})",
      R"(  {"id": "c", "title": null, "text": "x"}   )",
      R"({"id": "d", "text": "first", "text": "second"})",
      R"({"id": "e", "text": null, "text": "second"})",
      R"({"id": "f", "extra": "ignored", "text": "é日本"})",
      R"({"id": "g", "text": "x"} trailing bytes RapidJSON never reads)",
      R"({})",
      "{\"id\":\"h\",\"text\":\"\\u0000nul\"}",
  };
  for (const std::string& line : lines) {
    FlatRecord fast;
    INFO("line: ", line);
    REQUIRE(read_flat_record(line, fast));
    const std::optional<FlatRecord> reference = rapidjson_flat_record(line);
    REQUIRE(reference.has_value());
    CHECK(same_fields(fast, *reference));
  }
  FlatRecord record;
  REQUIRE(read_flat_record(lines[3], record));
  CHECK(record.text == "first");  // the first of a repeated name, as FindMember finds
  REQUIRE(read_flat_record(lines[4], record));
  CHECK(record.text.empty());
  REQUIRE(read_flat_record(lines[8], record));
  CHECK(record.text == std::string("\0nul", 4));
}

TEST_CASE("flat records: what the fast reader leaves to RapidJSON") {
  const std::vector<std::string> lines = {
      R"({"id": 7, "text": "a number"})",
      R"({"id": "a", "tags": ["x"], "text": "an array"})",
      R"({"id": "a", "text": "\ud83d\ude00 a surrogate pair"})",
      R"({"id": "a", "text": "\udc00 a lone low surrogate"})",
      R"({"id": "a", "text": "bad \x escape"})",
      R"({"id": "a", "text": "short \u12"})",
      "{\"id\": \"a\", \"text\": \"raw \x1f control\"}",
      "{\"id\": \"a\", \"text\": \"raw \ttab\"}",
      R"({"id": "a", "text": "no closing quote})",
      R"({"id": "a", "text": "x",})",
      R"({"id": "a" "text": "x"})",
      R"(["not", "an", "object"])",
      "\xEF\xBB\xBF{\"id\": \"bom\"}",
      "{\"id\": \"a\"\f}",
      R"({"id": nul})",
      R"({"id": nullx})",
      "",
      "   ",
  };
  for (const std::string& line : lines) {
    FlatRecord fast;
    INFO("line: ", line);
    CHECK_FALSE(read_flat_record(line, fast));
  }
}

TEST_CASE("flat records: 60,000 random and mangled lines, every one it takes as RapidJSON takes it") {
  std::mt19937 random(20261203);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  const std::vector<std::string> names = {"id", "outlet", "url", "title", "text", "published", "other", "i\\u0064", "te\\u0078t"};
  // Pieces of strings: ones any string may hold, and ones that make
  // RapidJSON (or the fast reader) stop, now and then.
  const std::vector<std::string> pieces = {
      "a", "Z", " ", "0", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u00E9",
      "\\u0041", "\\u20ac", "\\u0000", "\xC3\xA9", "\xE6\x97\xA5", "\xFF", "\x80", "\x7f",
      "plain words of a sentence", "abcdefgh", "abcdefghijklmnop"};
  const std::vector<std::string> bad_pieces = {
      "\\ud83d\\ude00", "\\udc00", "\\ud800", "\\u12", "\\uzzzz", "\\x", "\\", "\"",
      std::string(1, '\0'), "\x01", "\x19", "\x1a", "\x1f", "\t", "\n"};
  const std::vector<std::string> spaces = {"", "", " ", "  ", "\t", "\r", "\n", "", " ", "\f"};
  const std::vector<std::string> others = {"null", "nul", "nullx", "7", "true", "{}", "[]", "\"\""};
  auto string_value = [&] {
    std::string s = "\"";
    for (std::size_t n = pick(12); n > 0; --n) {
      s += pick(40) == 0 ? bad_pieces[pick(bad_pieces.size())] : pieces[pick(pieces.size())];
    }
    return s + "\"";
  };
  std::size_t taken = 0;
  const std::size_t kLines = 60000;
  for (std::size_t i = 0; i < kLines; ++i) {
    std::string line = spaces[pick(spaces.size())] + "{";
    for (std::size_t n = pick(7), k = 0; k < n; ++k) {
      if (k > 0) line += pick(40) == 0 ? "" : ",";
      line += spaces[pick(spaces.size())] + "\"" + names[pick(names.size())] + "\"" + spaces[pick(spaces.size())] +
              (pick(50) == 0 ? "" : ":") + spaces[pick(spaces.size())];
      line += pick(20) == 0 ? others[pick(others.size())] : string_value();
      line += spaces[pick(spaces.size())];
    }
    line += pick(40) == 0 ? "," : "";
    line += pick(40) == 0 ? "" : "}";
    if (pick(10) == 0) line += spaces[pick(spaces.size())] + "garbage";
    // Mangled: a byte replaced, dropped or doubled.
    for (std::size_t n = pick(4) == 0 ? pick(3) + 1 : 0; n > 0 && !line.empty(); --n) {
      const std::size_t at = pick(line.size());
      switch (pick(3)) {
        case 0: line[at] = static_cast<char>(pick(256)); break;
        case 1: line.erase(at, 1); break;
        default: line.insert(at, 1, line[at]); break;
      }
    }
    check_line(line, taken);
  }
  // The grammar above makes most lines well-formed: the fast reader must
  // take a good share of them, or the comparison says little.
  MESSAGE("taken by the fast reader: ", taken, " of ", kLines);
  CHECK(taken > kLines / 5);
}
