// Tests for loading: manifests, text files, JSONL, and every kind of bad input.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/load.h"

using namespace eventgraph;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = fs::path(EVENTGRAPH_SOURCE_DIR) / "samples";

// A fresh directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("eventgraph-load-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& file, std::string_view bytes) const {
    fs::path p = path / file;
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
};

std::vector<std::string> messages(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(d.to_string());
  return out;
}

}  // namespace

TEST_CASE("the sample manifest loads three documents with their metadata") {
  LoadResult r = load_documents({kSamples.string()}, LoadOptions{});
  CHECK(r.diagnostics.empty());
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[0].id == "cnsnews-20150930");
  CHECK(r.documents[0].outlet == "cnsnews.com");
  CHECK(r.documents[0].published->to_iso() == "2015-09-30T08:23:00-04:00");
  CHECK_FALSE(r.documents[0].is_published_inferred);
  CHECK(r.documents[1].id == "rt-20150929");
  CHECK(r.documents[1].published->to_iso() == "2015-09-29T23:35:00+00:00");
  CHECK(r.documents[2].outlet == "breitbart.com");
  CHECK(r.documents[2].published->to_iso() == "2015-09-29");
  CHECK(r.documents[0].text.starts_with("U.S. Opening 'De-Confliction' Talks"));
}

TEST_CASE("text files alone get ids from file names and dates from bylines") {
  LoadOptions options;
  options.outlet = "example.com";
  LoadResult r = load_documents({(kSamples / "000_c1eca96c0dcfe9f6.txt").string(),
                                 (kSamples / "002_69934d45cc2de441.txt").string(),
                                 (kSamples / "003_636d85819b5b41b1.txt").string()},
                                options);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.documents.size() == 3);
  CHECK(r.documents[0].id == "000_c1eca96c0dcfe9f6");
  CHECK(r.documents[0].outlet == "example.com");
  // "Susan Jones | September 30, 2015 | 8:23am EDT"
  CHECK(r.documents[0].published->to_iso() == "2015-09-30T08:23:00-04:00");
  CHECK(r.documents[0].is_published_inferred);
  // "29 Sep, 2015 23:35" under the page chrome; no zone is stated.
  CHECK(r.documents[1].published->to_iso() == "2015-09-29T23:35:00");
  // Breitbart's text states no date: unknown, never guessed.
  CHECK_FALSE(r.documents[2].published.has_value());
  CHECK_FALSE(r.documents[2].is_published_inferred);
}

TEST_CASE("a directory without a manifest loads its .txt files in name order") {
  TempDir dir("plain");
  dir.write("b.txt", "Second article.\n");
  dir.write("a.txt", "First article.\n");
  dir.write("notes.md", "not an article");
  LoadResult r = load_documents({dir.path.string()}, LoadOptions{});
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].id == "a");
  CHECK(r.documents[1].id == "b");
}

TEST_CASE("bylines and datelines in the forms outlets use") {
  struct Case {
    std::string text;
    const char* iso;  // nullptr: no date
  };
  const Case cases[] = {
      {"Title\n\nSusan Jones | September 30, 2015 | 8:23am EDT\nBody.", "2015-09-30T08:23:00-04:00"},
      {"chrome\n29 Sep, 2015 23:35\n\nTitle", "2015-09-29T23:35:00"},
      {"By Jane Roe\nPublished Sept. 28, 2015 4:05 p.m. ET", "2015-09-28T16:05:00"},
      {"Posted: Oct 1, 2015 12:30 PM PDT", "2015-10-01T12:30:00-07:00"},
      {"2015-09-29 | Staff", "2015-09-29"},
      {"Updated 1 October 2015", "2015-10-01"},
      {"No date anywhere in this short text.", nullptr},
      {"February 30, 2015", nullptr},
      {"Title\n" + std::string(200, 'x') + " September 30, 2015", nullptr},
      // A clock with too many digits is not a clock; the day still counts
      // (a run of digits like this once overflowed the reader).
      {"September 30, 2015 | 99999999999999999999:30 EDT", "2015-09-30"},
      {"September 30, 2015 123:45", "2015-09-30"},
      {"September 30, 2015 8:305", "2015-09-30"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto found = find_dateline(c.text);
    if (c.iso == nullptr) {
      CHECK_FALSE(found.has_value());
    } else {
      REQUIRE(found.has_value());
      CHECK(found->to_iso() == c.iso);
    }
  }
}

TEST_CASE("JSONL loads line by line and a broken line costs only itself") {
  std::istringstream in(
      "{\"id\":\"a\",\"outlet\":\"x.com\",\"published\":\"2015-09-29\",\"text\":\"One.\"}\n"
      "{\"id\":\"b\",\"text\":\"Two.\"\n"
      "\n"
      "{\"id\":\"c\",\"title\":\"T\",\"url\":\"https://x.com/c\",\"text\":\"Three.\\r\\nMore.\"}\n"
      "[1,2]\n"
      "{\"id\":\"d\",\"text\":42}\n"
      "{\"text\":\"no id\"}\n"
      "{\"id\":\"e\",\"published\":\"yesterday\",\"text\":\"Five.\"}\n"
      "{\"id\":\"f\",\"published\":20150929,\"text\":\"Six.\"}\n");
  std::vector<Document> docs;
  std::vector<std::string> diags;
  load_jsonl(in, "feed.jsonl", LoadOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); },
             [&](Diagnostic&& d) { diags.push_back(d.to_string()); });
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].id == "a");
  CHECK(docs[0].published->to_iso() == "2015-09-29");
  CHECK(docs[0].source == "feed.jsonl:1");
  CHECK(docs[1].id == "c");
  CHECK(docs[1].url == "https://x.com/c");
  CHECK(docs[1].text == "Three.\r\nMore.");
  CHECK(docs[2].id == "e");
  CHECK_FALSE(docs[2].published.has_value());
  CHECK(docs[3].id == "f");  // a published that is no string costs the date only
  CHECK_FALSE(docs[3].published.has_value());
  REQUIRE(diags.size() == 6);
  CHECK(diags[0] == "feed.jsonl:2:24: error: invalid JSON: Missing a comma or '}' after an object member. [json-syntax]");
  CHECK(diags[1] == "feed.jsonl:5:1: error: a JSON line must be an object [bad-record]");
  CHECK(diags[2] == "feed.jsonl:6:1: error: \"text\" must be a string [bad-field]");
  CHECK(diags[3] == "feed.jsonl:7:1: error: the record has no \"id\" [bad-record]");
  CHECK(diags[4] ==
        "feed.jsonl:8:1: warning: \"published\" is not an ISO 8601 date: \"yesterday\"; the date is left unknown [bad-date]");
  CHECK(diags[5] == "feed.jsonl:9:1: error: \"published\" must be a string [bad-field]");
}

TEST_CASE("bad inputs are reported with where and why, and the good ones still load") {
  TempDir dir("bad");
  dir.write("good.txt", "A good article.\n");
  dir.write("empty.txt", "");
  dir.write("blank.txt", " \n\n\t\n");
  dir.write("binary.txt", std::string("PK\x03\x04\0\0\x08", 7));
  dir.write("utf16.txt", std::string("\xFF\xFEH\0i\0", 6));
  dir.write("crlf.txt", "Line one.\r\nLine two.\r\n");
  dir.write("bom.txt", "\xEF\xBB\xBFWith a byte order mark.\n");
  dir.write("latin1.txt", "Caf\xE9 society.\n");  // invalid UTF-8: repaired later, loaded now
  dir.write("big.txt", std::string(2000, 'x'));
  LoadOptions options;
  options.max_document_bytes = 1000;
  const std::string d = dir.path.generic_string();
  LoadResult r = load_documents({d, d + "/missing.txt"}, options);
  std::vector<std::string> ids;
  for (const Document& doc : r.documents) ids.push_back(doc.id);
  CHECK(ids == std::vector<std::string>{"bom", "crlf", "good", "latin1"});
  CHECK(r.has_errors());
  CHECK(messages(r) == std::vector<std::string>{
                           d + "/big.txt: error: 2000 bytes is over the limit of 1000 bytes (--max-document-bytes) [document-too-large]",
                           d + "/binary.txt: error: NUL byte at offset 4: this is a binary file, not a text article [binary-file]",
                           d + "/blank.txt: error: the article has no text [empty-document]",
                           d + "/empty.txt: error: the article has no text [empty-document]",
                           d + "/utf16.txt: error: UTF-16 text is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8) [utf16]",
                           d + "/missing.txt: error: no such file or directory [missing-file]",
                       });
}

TEST_CASE("a manifest with a syntax error names its line and column") {
  TempDir dir("manifest-syntax");
  dir.write("a.txt", "Text.\n");
  dir.write("manifest.json", "{\n  \"documents\": [\n    {\"id\": \"a\" \"file\": \"a.txt\"}\n  ]\n}\n");
  LoadResult r = load_documents({dir.path.string()}, LoadOptions{});
  CHECK(r.documents.empty());
  CHECK(messages(r) == std::vector<std::string>{
                           dir.path.generic_string() +
                           "/manifest.json:3:16: error: invalid JSON: Missing a comma or '}' after an object member. (near \"\"file\": \"a.txt\"}\\n  ]\") [json-syntax]"});
}

TEST_CASE("a manifest entry naming a missing file costs only that entry") {
  TempDir dir("manifest-missing");
  dir.write("a.txt", "Text of a.\n");
  dir.write("manifest.json",
            "{\"documents\": [\n"
            "  {\"id\": \"gone\", \"file\": \"gone.txt\"},\n"
            "  {\"id\": \"a\", \"file\": \"a.txt\", \"outlet\": \"a.com\", \"published\": \"2015-09-29T10:00Z\"},\n"
            "  {\"id\": \"nofile\"},\n"
            "  {\"id\": 7, \"file\": \"a.txt\"},\n"
            "  {\"id\": \"long\", \"file\": \"" + std::string(300, 'x') + ".txt\"}\n"
            "]}\n");
  LoadResult r = load_documents({dir.path.string()}, LoadOptions{});
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].id == "a");
  CHECK(r.documents[0].outlet == "a.com");
  CHECK(r.documents[0].published->to_iso() == "2015-09-29T10:00:00+00:00");
  const std::string m = dir.path.generic_string() + "/manifest.json";
  CHECK(messages(r) == std::vector<std::string>{
                           m + ":2:3: error: documents[0] names \"gone.txt\", which does not exist [missing-file]",
                           m + ":4:3: error: documents[2] has no \"file\" [bad-manifest]",
                           m + ":5:3: error: \"id\" must be a string [bad-field]",
                           // Once an uncaught exception from std::filesystem (found by fuzzing).
                           m + ":6:3: error: documents[4] names \"" + std::string(300, 'x') +
                               ".txt\", which does not exist (File name too long) [missing-file]",
                       });
}

TEST_CASE("a JSONL file over the size limit skips the long line only") {
  TempDir dir("jsonl-limit");
  std::string big(5000, 'y');
  dir.write("feed.jsonl", "{\"id\":\"big\",\"text\":\"" + big + "\"}\n{\"id\":\"ok\",\"text\":\"Fine.\"}\n");
  LoadOptions options;
  options.max_document_bytes = 1000;
  LoadResult r = load_documents({(dir.path / "feed.jsonl").string()}, options);
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].id == "ok");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "document-too-large");
  CHECK(r.diagnostics[0].line == 1);
}

namespace {

struct ReadLine {
  std::string line;
  std::size_t full_length = 0;
  bool operator==(const ReadLine&) const = default;
};

// Every line LineReader gives for `bytes` read with `max_bytes`.
std::vector<ReadLine> read_lines(const std::string& bytes, std::size_t max_bytes) {
  std::istringstream in(bytes);
  LineReader reader(in, max_bytes);
  std::vector<ReadLine> lines;
  ReadLine read;
  while (reader.next(read.line, read.full_length)) lines.push_back(read);
  CHECK(in.eof());
  return lines;
}

}  // namespace

TEST_CASE("LineReader: lines as std::getline gives them, each cut at its bound and measured whole") {
  using Lines = std::vector<ReadLine>;
  CHECK(read_lines("", 10) == Lines{});
  CHECK(read_lines("\n", 10) == Lines{{"", 0}});
  CHECK(read_lines("a\n\nbc\n", 10) == Lines{{"a", 1}, {"", 0}, {"bc", 2}});
  // A last line without its '\n' is a line; CR stays for the caller.
  CHECK(read_lines("a\r\nbc", 10) == Lines{{"a\r", 2}, {"bc", 2}});
  // Exactly at the bound is not over it; past it the line keeps its first
  // bytes and the next line is read whole.
  CHECK(read_lines("abcde\nabcdefgh\nxy\n", 5) == Lines{{"abcde", 5}, {"abcde", 8}, {"xy", 2}});
  CHECK(read_lines("abcdefgh", 5) == Lines{{"abcde", 8}});
  // Lines across the reader's 64 KiB runs, and one far longer than them.
  const std::string long_line(200000, 'x');
  const std::string near_run(65535, 'y');
  CHECK(read_lines(near_run + "\nz\n" + long_line + "\nend", 70000) ==
        Lines{{near_run, 65535}, {"z", 1}, {long_line.substr(0, 70000), 200000}, {"end", 3}});
  CHECK(read_lines(long_line + "\n", 300000) == Lines{{long_line, 200000}});
}
