// End-to-end tests of the eventgraph binary: exit statuses, outputs,
// determinism, stdin, and output files written whole or not at all.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = EVENTGRAPH_SOURCE_DIR;
const fs::path kSamples = kSource / "samples";

struct Run {
  int status = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("eventgraph-cli-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& file, std::string_view bytes) const {
    fs::path p = path / file;
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
};

// Runs `eventgraph <args>` through the shell; stdout and stderr captured.
Run run(const std::string& args, const std::string& stdin_file = "") {
  static int counter = 0;
  // ctest runs test cases as parallel processes: the pid keeps them apart.
  fs::path dir = fs::temp_directory_path() /
                 ("eventgraph-cli-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  std::string command = "'"s + EVENTGRAPH_BINARY + "' " + args + " >'" + (dir / "out").string() +
                        "' 2>'" + (dir / "err").string() + "'";
  if (!stdin_file.empty()) command += " <'" + stdin_file + "'";
  int raw = std::system(command.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_all(dir / "out");
  r.err = read_all(dir / "err");
  fs::remove_all(dir);
  return r;
}

}  // namespace

TEST_CASE("build on the samples writes events.json and prints a summary") {
  TempDir out("build");
  Run r = run("build '" + kSamples.string() + "' -o '" + out.path.string() + "'");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("documents read: 3 (3 dated)") != std::string::npos);
  CHECK(r.out.find("events.json") != std::string::npos);
  std::string json = read_all(out.path / "events.json");
  CHECK(json.find("\"id\": \"breitbart-20150929\"") != std::string::npos);
  CHECK(json.find("\"published\": \"2015-09-30T08:23:00-04:00\"") != std::string::npos);
  // Every format by default, and no temporary file left behind.
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(out.path)) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"events.csv", "events.dot", "events.graphml", "events.json",
                                          "events.jsonld", "mentions.csv", "timeline.json"});
}

TEST_CASE("the same articles give the same bytes in any input order") {
  TempDir a("order-a");
  TempDir b("order-b");
  const std::string f0 = (kSamples / "000_c1eca96c0dcfe9f6.txt").string();
  const std::string f2 = (kSamples / "002_69934d45cc2de441.txt").string();
  const std::string f3 = (kSamples / "003_636d85819b5b41b1.txt").string();
  Run r1 = run("build -q --outlet x.com '" + f0 + "' '" + f2 + "' '" + f3 + "' -o '" + a.path.string() + "'");
  Run r2 = run("build -q --outlet x.com '" + f3 + "' '" + f0 + "' '" + f2 + "' -o '" + b.path.string() + "'");
  CHECK(r1.status == 0);
  CHECK(r2.status == 0);
  std::string first = read_all(a.path / "events.json");
  CHECK(!first.empty());
  CHECK(first == read_all(b.path / "events.json"));
}

TEST_CASE("exit status 1 when some input failed, and the rest is still written") {
  TempDir in("partial-in");
  TempDir out("partial-out");
  in.write("good.txt", "Good article text.\n");
  in.write("empty.txt", "");
  Run r = run("build -q '" + in.path.string() + "' '" + (in.path / "nope.txt").string() + "' -o '" +
              out.path.string() + "'");
  CHECK(r.status == 1);
  CHECK(r.err.find("empty.txt: error: the article has no text [empty-document]") != std::string::npos);
  CHECK(r.err.find("nope.txt: error: no such file or directory [missing-file]") != std::string::npos);
  std::string json = read_all(out.path / "events.json");
  CHECK(json.find("\"id\": \"good\"") != std::string::npos);
  CHECK(json.find("\"code\": \"empty-document\"") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with the usage on stderr") {
  Run unknown_flag = run("build --no-such-flag samples");
  CHECK(unknown_flag.status == 2);
  CHECK(unknown_flag.err.find("Usage: eventgraph build") != std::string::npos);
  Run unknown_command = run("frobnicate");
  CHECK(unknown_command.status == 2);
  CHECK(unknown_command.err.find("unknown command 'frobnicate'") != std::string::npos);
  CHECK(run("").status == 2);
  Run bad_number = run("build --max-document-bytes -5 samples");
  CHECK(bad_number.status == 2);
}

TEST_CASE("help and version exit 0 on stdout") {
  Run help = run("--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("build") != std::string::npos);
  CHECK(help.out.find("segment") != std::string::npos);
  Run build_help = run("build --help");
  CHECK(build_help.status == 0);
  CHECK(build_help.out.find("--max-document-bytes UINT:POSITIVE=16777216") != std::string::npos);
  CHECK(build_help.out.find("-o,--output TEXT=out") != std::string::npos);
  Run version = run("--version");
  CHECK(version.status == 0);
  CHECK(version.out.starts_with("eventgraph "));
  CHECK(version.out.find("\nallocator: ") != std::string::npos);  // mimalloc, or glibc when built without
}

TEST_CASE("build reads JSONL from standard input with -") {
  TempDir in("stdin");
  TempDir out("stdin-out");
  fs::path feed = in.write("feed.jsonl",
                           "{\"id\":\"s1\",\"outlet\":\"a.com\",\"published\":\"2015-09-29\",\"text\":\"One.\"}\n"
                           "not json\n"
                           "{\"id\":\"s2\",\"outlet\":\"b.com\",\"text\":\"Two.\"}\n");
  Run r = run("build -q - -o '" + out.path.string() + "'", feed.string());
  CHECK(r.status == 1);
  CHECK(r.err.find("-:2:2: error: invalid JSON: Invalid value. (near \"ot json\")") != std::string::npos);
  std::string json = read_all(out.path / "events.json");
  CHECK(json.find("\"id\": \"s1\"") != std::string::npos);
  CHECK(json.find("\"id\": \"s2\"") != std::string::npos);
}

TEST_CASE("an unwritable output directory is an error and leaves no partial file") {
  // A path below a regular file cannot be created, even by root.
  TempDir out("unwritable");
  fs::path blocker = out.write("file", "not a directory");
  Run r = run("build -q '" + kSamples.string() + "' -o '" + (blocker / "sub").string() + "'");
  CHECK(r.status == 3);
  CHECK(r.err.find("eventgraph build: ") != std::string::npos);
  CHECK(read_all(blocker) == "not a directory");
}

TEST_CASE("duplicate document ids: the first is kept, the second reported") {
  TempDir in("dup");
  TempDir out("dup-out");
  fs::path feed = in.write("feed.jsonl",
                           "{\"id\":\"same\",\"text\":\"First.\"}\n{\"id\":\"same\",\"text\":\"Second.\"}\n");
  Run r = run("build -q '" + feed.string() + "' -o '" + out.path.string() + "'");
  CHECK(r.status == 1);
  CHECK(r.err.find("feed.jsonl:2: error: document id \"same\" was already used by another input; skipped [duplicate-id]") !=
        std::string::npos);
}

TEST_CASE("--format picks the files, before or after the inputs, and rejects unknown ones") {
  TempDir a("format-a");
  Run r = run("build -q --format json,graphml '" + kSamples.string() + "' -o '" + a.path.string() + "'");
  CHECK(r.status == 0);
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(a.path)) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"events.graphml", "events.json"});
  TempDir b("format-b");
  CHECK(run("build -q '" + kSamples.string() + "' --format dot --format csv -o '" + b.path.string() + "'").status == 0);
  CHECK(fs::exists(b.path / "events.dot"));
  CHECK(fs::exists(b.path / "mentions.csv"));
  CHECK_FALSE(fs::exists(b.path / "events.json"));
  Run bad = run("build --format xml '" + kSamples.string() + "'");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("unknown format \"xml\" (valid: all, json, graphml, dot, jsonld, csv, timelinejs)") != std::string::npos);
}

TEST_CASE("--lexicon adds an event type to build; a missing lexicon file is a usage error") {
  TempDir in("lexicon");
  TempDir out("lexicon-out");
  fs::path feed = in.write("feed.jsonl",
                           "{\"id\":\"p1\",\"outlet\":\"x.com\",\"published\":\"2016-03-10\","
                           "\"text\":\"Ukrainian opposition supporters protested in Kiev on Sunday.\"}\n");
  const std::string lexicon = (kSource / "tests/extract/cases/protest.lexicon.json").string();
  Run r = run("build --lexicon '" + lexicon + "' '" + feed.string() + "' -o '" + out.path.string() + "'");
  CHECK(r.status == 0);
  CHECK(r.out.find("protest: 1") != std::string::npos);
  Run missing = run("build --lexicon /nonexistent/lexicon.json '" + feed.string() + "' -o '" + out.path.string() + "'");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("/nonexistent/lexicon.json") != std::string::npos);
}

TEST_CASE("diff on the samples: counts, after-publication events, the two values side by side") {
  TempDir out("diff");
  REQUIRE(run("build -q --format json '" + kSamples.string() + "' -o '" + out.path.string() + "'").status == 0);
  const std::string events = "'" + (out.path / "events.json").string() + "'";
  Run all = run("diff " + events);
  CHECK(all.status == 0);
  CHECK(all.err.empty());
  // Every pair, in sorted order.
  std::size_t p1 = all.out.find("breitbart.com (A) vs cnsnews.com (B)\n");
  std::size_t p2 = all.out.find("breitbart.com (A) vs rt.com (B)\n");
  std::size_t p3 = all.out.find("cnsnews.com (A) vs rt.com (B)\n");
  REQUIRE(p1 != std::string::npos);
  REQUIRE(p2 != std::string::npos);
  REQUIRE(p3 != std::string::npos);
  CHECK((p1 < p2 && p2 < p3));
  const std::string cns_rt = all.out.substr(p3);
  CHECK(cns_rt.find("  after rt.com's last article (2015-09-29), only cnsnews.com  7\n") != std::string::npos);
  // The airstrike and the vote of 2015-09-30 are after rt.com's article, not its omissions.
  std::size_t after = cns_rt.find("  After rt.com's last article (2015-09-29), reported by cnsnews.com only (7)\n");
  REQUIRE(after != std::string::npos);
  CHECK(cns_rt.find("Airstrike: Russia, Syria and Islamic State in Syria [reported]", after) != std::string::npos);
  CHECK(cns_rt.find("Vote: Federal Assembly of Russia and Vladimir Putin", after) != std::string::npos);
  std::size_t only_cns = cns_rt.find("  Only cnsnews.com (");
  REQUIRE(only_cns < after);
  CHECK(cns_rt.substr(only_cns, after - only_cns).find("Vote:") == std::string::npos);
  // The meeting both report: same day, same men; only cnsnews.com names the place.
  CHECK(cns_rt.find("2015-09-28  meeting    | same       same       A only     -          | Meeting: Barack Obama "
                    "and Vladimir Putin in United Nations headquarters\n"
                    "      place   A: United Nations headquarters  |  B: -\n") != std::string::npos);
  // Zinke's remarks: only breitbart.com.
  std::size_t only_bb = all.out.find("  Only breitbart.com (", p2);
  std::size_t only_rt = all.out.find("  Only rt.com (", p2);
  REQUIRE(only_bb < only_rt);
  CHECK(all.out.substr(only_bb, only_rt - only_bb).find("Statement: Ryan Zinke and Breitbart News") !=
        std::string::npos);

  // Same input, same bytes; --outlets in any order gives the sorted pair.
  CHECK(run("diff " + events).out == all.out);
  Run pair = run("diff " + events + " --outlets rt.com,cnsnews.com");
  CHECK(pair.status == 0);
  CHECK(pair.out.find("cnsnews.com (A) vs rt.com (B)\n") != std::string::npos);
  CHECK(pair.out.find("breitbart.com") == std::string::npos);
  CHECK(run("diff --outlets cnsnews.com,rt.com " + events).out == pair.out);

  Run md = run("diff --markdown " + events + " --outlets cnsnews.com,rt.com");
  CHECK(md.status == 0);
  CHECK(md.out.rfind("# Outlet comparison\n", 0) == 0);
  CHECK(md.out.find("| after rt.com's last article (2015-09-29), only cnsnews.com | 7 |\n") != std::string::npos);
  CHECK(md.out.find("| 2015-09-28 Meeting: Barack Obama and Vladimir Putin in United Nations headquarters | place "
                    "| only cnsnews.com | United Nations headquarters | - |\n") != std::string::npos);

  Run json = run("diff --json - < " + events);
  CHECK(json.status == 0);
  CHECK(json.out.find("\"after_second_publication\": 7") != std::string::npos);
}

TEST_CASE("diff: an unknown outlet, one outlet or two formats are usage errors, a bad file an input error") {
  TempDir out("diff-errors");
  REQUIRE(run("build -q --format json '" + kSamples.string() + "' -o '" + out.path.string() + "'").status == 0);
  const std::string events = "'" + (out.path / "events.json").string() + "'";
  Run unknown = run("diff " + events + " --outlets rt.com,foxnews.com");
  CHECK(unknown.status == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("unknown outlet \"foxnews.com\" in --outlets; ") != std::string::npos);
  CHECK(unknown.err.find(" has: breitbart.com, cnsnews.com, rt.com\n") != std::string::npos);
  Run one = run("diff " + events + " --outlets rt.com,rt.com");
  CHECK(one.status == 2);
  CHECK(one.err.find("--outlets needs two different outlets") != std::string::npos);
  CHECK(run("diff " + events + " --json --markdown").status == 2);
  CHECK(run("diff").status == 2);
  Run missing = run("diff '" + (out.path / "nope.json").string() + "'");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("nope.json") != std::string::npos);
  TempDir in("diff-bad");
  Run broken = run("diff '" + in.write("events.json", "{\"generator\": ").string() + "'");
  CHECK(broken.status == 1);
  CHECK(broken.err.find("events.json:1:") != std::string::npos);
}

namespace {

// The samples as one JSONL corpus of `copies` rounds (ids made unique), so
// that a run spans several batches of documents.
std::string samples_as_jsonl(int copies) {
  const std::array<std::array<std::string, 3>, 3> samples{{
      {"cnsnews", "000_c1eca96c0dcfe9f6.txt", "2015-09-30T08:23:00-04:00"},
      {"rt", "002_69934d45cc2de441.txt", "2015-09-29T23:35:00+00:00"},
      {"breitbart", "003_636d85819b5b41b1.txt", "2015-09-29"},
  }};
  std::string jsonl;
  for (int i = 0; i < copies; ++i) {
    for (const auto& [outlet, file, published] : samples) {
      std::string text = read_all(kSamples / file);
      std::string escaped;
      for (char c : text) {
        if (c == '"' || c == '\\') escaped += '\\';
        if (c == '\n') escaped += "\\n";
        else if (c == '\r') escaped += "\\r";
        else if (c == '\t') escaped += "\\t";
        else escaped += c;
      }
      jsonl += "{\"id\": \"" + outlet + "-" + std::to_string(i) + "\", \"outlet\": \"" + outlet +
               ".com\", \"published\": \"" + published + "\", \"text\": \"" + escaped + "\"}\n";
    }
  }
  return jsonl;
}

// Every file of directory `a` has the same bytes in `b`, and `b` has no other.
void check_same_files(const fs::path& a, const fs::path& b) {
  std::size_t count = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    CAPTURE(e.path().filename().string());
    CHECK(read_all(e.path()) == read_all(b / e.path().filename()));
    ++count;
  }
  CHECK(count == static_cast<std::size_t>(std::distance(fs::directory_iterator(b), fs::directory_iterator())));
  CHECK(count == 7);  // events.{json,graphml,dot,jsonld,csv}, mentions.csv, timeline.json
}

}  // namespace

TEST_CASE("--jobs: the same bytes for one thread and two, over several batches") {
  TempDir in("jobs-in");
  TempDir one("jobs-1");
  TempDir two("jobs-2");
  fs::path corpus = in.write("corpus.jsonl", samples_as_jsonl(100));
  Run r1 = run("build -q -j 1 '" + corpus.string() + "' -o '" + one.path.string() + "'");
  Run r2 = run("build -q --jobs 2 '" + corpus.string() + "' -o '" + two.path.string() + "'");
  CHECK(r1.status == 0);
  CHECK(r2.status == 0);
  CHECK(r1.err.empty());
  check_same_files(one.path, two.path);
  CHECK(read_all(one.path / "events.json").find("\"id\": \"rt-99\"") != std::string::npos);
}

TEST_CASE("extract then merge equals build, however the lines are split") {
  TempDir in("mr-in");
  TempDir built("mr-build");
  TempDir merged("mr-merge");
  Run b = run("build -q '" + kSamples.string() + "' -o '" + built.path.string() + "'");
  Run x = run("extract -j 2 '" + kSamples.string() + "'");
  REQUIRE(b.status == 0);
  REQUIRE(x.status == 0);
  CHECK(x.err.empty());
  // Three documents, one line each; merge them given in another order, in
  // two files.
  std::vector<std::string> lines;
  std::istringstream stream(x.out);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("{\"doc\":\"cnsnews-20150930\",\"outlet\":\"cnsnews.com\",\"url\":", 0) == 0);
  fs::path part1 = in.write("part1.jsonl", lines[2] + "\n");
  fs::path part2 = in.write("part2.jsonl", lines[0] + "\n\n" + lines[1] + "\n");
  Run m = run("merge -q '" + part1.string() + "' '" + part2.string() + "' -o '" + merged.path.string() + "'");
  CHECK(m.status == 0);
  CHECK(m.err.empty());
  check_same_files(built.path, merged.path);
}

TEST_CASE("extract and merge given build's sentence and mention limits write build's bytes") {
  TempDir built("mr-limits-build");
  TempDir merged("mr-limits-merge");
  TempDir in("mr-limits-in");
  // Small enough that every sample is cut and loses mentions.
  const std::string limits = " --max-sentence-bytes 64 --max-mentions-per-document 3 ";
  Run b = run("build -q" + limits + "'" + kSamples.string() + "' -o '" + built.path.string() + "'");
  Run x = run("extract" + limits + "'" + kSamples.string() + "'");
  CHECK(b.status == 0);
  CHECK(x.status == 0);
  CHECK(b.err.find("[sentence-too-long]") != std::string::npos);
  CHECK(b.err.find("[too-many-mentions]") != std::string::npos);
  CHECK(x.err.find("); listed in the {\"skipped\": ...} lines on standard output\n") != std::string::npos);
  fs::path lines = in.write("lines.jsonl", x.out);
  Run m = run("merge -q" + limits + "'" + lines.string() + "' -o '" + merged.path.string() + "'");
  CHECK(m.status == 0);
  check_same_files(built.path, merged.path);
  CHECK(read_all(merged.path / "events.json").find("\"max_sentence_bytes\": 64,") != std::string::npos);
}

TEST_CASE("a partition read on stdin keeps its file's name and lines, skipped inputs included") {
  TempDir in("part-in");
  TempDir built("part-build");
  TempDir merged("part-merge");
  std::string corpus_text = samples_as_jsonl(1);
  // Line 2 is broken: build and extract | merge both skip it and list it.
  corpus_text.insert(corpus_text.find('\n') + 1, "{\"id\": broken\n");
  fs::path corpus = in.write("corpus.jsonl", corpus_text);
  // The second half of the corpus, as a distributed map step would get it.
  std::string tail = corpus_text.substr(corpus_text.find('\n') + 1);
  fs::path head_part = in.write("head.jsonl", corpus_text.substr(0, corpus_text.find('\n') + 1));
  fs::path tail_part = in.write("tail.jsonl", tail);
  Run b = run("build -q '" + corpus.string() + "' -o '" + built.path.string() + "'");
  CHECK(b.status == 1);
  Run x1 = run("extract - --stdin-name '" + corpus.string() + "'", head_part.string());
  Run x2 = run("extract - --stdin-name '" + corpus.string() + "' --stdin-first-line 2", tail_part.string());
  CHECK(x1.status == 0);
  CHECK(x2.status == 1);
  CHECK(x2.err.find(corpus.string() + ":2:8: error: invalid JSON") != std::string::npos);
  CHECK(x2.out.find("{\"skipped\":{\"input\":\"" + corpus.string() + "\",\"line\":2,\"severity\":\"error\",\"code\":\"json-syntax\"") !=
        std::string::npos);
  fs::path mentions = in.write("mentions.jsonl", x2.out + x1.out);
  Run m = run("merge -q - -o '" + merged.path.string() + "'", mentions.string());
  CHECK(m.status == 1);  // the skipped input is still a failed input
  check_same_files(built.path, merged.path);
}

TEST_CASE("merge reports a broken extraction line where it is and keeps the others") {
  TempDir in("merge-bad");
  TempDir out("merge-bad-out");
  Run x = run("extract '" + kSamples.string() + "'");
  REQUIRE(x.status == 0);
  std::string first = x.out.substr(0, x.out.find('\n') + 1);
  std::string bad_span = first;
  bad_span.replace(bad_span.find("\"doc\":\"cnsnews-20150930\""), 24, "\"doc\":\"other\"");
  std::size_t span_at = bad_span.find("\"span\":[") + 8;
  bad_span.replace(span_at, bad_span.find(']', span_at) - span_at, "9999990,9999999");
  fs::path lines = in.write("lines.jsonl", first + "{\"doc\": 3}\n" + bad_span + "not json\n");
  Run m = run("merge -q '" + lines.string() + "' -o '" + out.path.string() + "'");
  CHECK(m.status == 1);
  CHECK(m.err.find(lines.string() +
                   ":2: error: not an `eventgraph extract` line: $.doc: expected a string, found a number "
                   "[invalid-extraction-line]") != std::string::npos);
  CHECK(m.err.find(lines.string() + ":3: error: not an `eventgraph extract` line: $.mentions[0]: a span ends "
                                    "beyond the document text") != std::string::npos);
  CHECK(m.err.find(lines.string() + ":4:2: error: invalid JSON: Invalid value.") != std::string::npos);
  std::string json = read_all(out.path / "events.json");
  CHECK(json.find("\"id\": \"cnsnews-20150930\"") != std::string::npos);
  CHECK(json.find("\"code\": \"invalid-extraction-line\"") != std::string::npos);
}

namespace {

// The three lines `extract` writes for the samples.
std::vector<std::string> sample_extraction_lines() {
  Run x = run("extract '" + kSamples.string() + "'");
  REQUIRE(x.status == 0);
  std::vector<std::string> lines;
  std::istringstream stream(x.out);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  REQUIRE(lines.size() == 3);
  return lines;
}

}  // namespace

TEST_CASE("merge skips a line over its bound, says how long it was, and keeps the lines around it") {
  TempDir in("merge-long");
  TempDir clean_out("merge-long-clean");
  TempDir out("merge-long-out");
  const std::vector<std::string> lines = sample_extraction_lines();
  // The bound is 4 x 1000 + 4096 x 1 + 65536 = 73632 bytes: the samples'
  // lines (15 to 22 KB) fit; a line one byte over is skipped, one at the
  // bound is read (and is not JSON).
  const std::string limits = "--max-document-bytes 1000 --max-mentions-per-document 1 ";
  fs::path clean = in.write("clean.jsonl", lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n");
  fs::path mixed = in.write("mixed.jsonl", lines[0] + "\n" + std::string(73633, 'x') + "\n" + lines[1] + "\n" +
                                               std::string(73632, 'y') + "\n" + lines[2] + "\n");
  Run c = run("merge -q " + limits + "'" + clean.string() + "' -o '" + clean_out.path.string() + "'");
  Run m = run("merge -q " + limits + "'" + mixed.string() + "' -o '" + out.path.string() + "'");
  REQUIRE(c.status == 0);
  CHECK(m.status == 1);
  CHECK(m.err == mixed.string() +
                     ":2: error: JSON line of 73633 bytes is over the limit of 73632 bytes (4 x --max-document-bytes + "
                     "4 KiB x --max-mentions-per-document + 64 KiB); skipped [document-too-large]\n" +
                     mixed.string() + ":4:1: error: invalid JSON: Invalid value. (near \"yyyyyyyyyyyyyyyyyyyy\") "
                                      "[json-syntax]\n"
                                      "skipped: 2 (document-too-large: 1, json-syntax: 1); listed in events.json "
                                      "\"skipped\"\n");
  // Lines 1, 3 and 5 made it: every file but the list of skipped inputs is
  // the clean merge's.
  for (const char* file : {"events.graphml", "events.dot", "events.jsonld", "events.csv", "mentions.csv", "timeline.json"}) {
    CAPTURE(file);
    CHECK(read_all(out.path / file) == read_all(clean_out.path / file));
  }
  std::string json = read_all(out.path / "events.json");
  for (const char* id : {"cnsnews-20150930", "rt-20150929", "breitbart-20150929"}) {
    CHECK(json.find("\"id\": \""s + id + "\"") != std::string::npos);
  }
  CHECK(json.find("\"line\": 2,\n      \"severity\": \"error\",\n      \"code\": \"document-too-large\"") !=
        std::string::npos);
  Run help = run("merge --help");
  CHECK(help.out.find("--max-document-bytes UINT:POSITIVE=16777216") != std::string::npos);
  CHECK(help.out.find("--max-mentions-per-document UINT:POSITIVE=10000") != std::string::npos);
}

TEST_CASE("merge reads CRLF lines and a last line without its newline as it reads LF lines") {
  TempDir in("merge-crlf");
  TempDir built("merge-crlf-build");
  TempDir crlf_out("merge-crlf-out");
  TempDir stdin_out("merge-crlf-stdin");
  const std::vector<std::string> lines = sample_extraction_lines();
  Run b = run("build -q '" + kSamples.string() + "' -o '" + built.path.string() + "'");
  REQUIRE(b.status == 0);
  fs::path crlf = in.write("crlf.jsonl", lines[0] + "\r\n\r\n" + lines[1] + "\r\n" + lines[2]);
  fs::path unended = in.write("unended.jsonl", lines[2] + "\n" + lines[0] + "\n" + lines[1]);
  Run c = run("merge -q '" + crlf.string() + "' -o '" + crlf_out.path.string() + "'");
  Run s = run("merge -q - -o '" + stdin_out.path.string() + "'", unended.string());
  CHECK(c.status == 0);
  CHECK(c.err.empty());
  CHECK(s.status == 0);
  CHECK(s.err.empty());
  check_same_files(built.path, crlf_out.path);
  check_same_files(built.path, stdin_out.path);
}

TEST_CASE("merge given a binary file prints its first errors and counts the rest, records every one, and keeps the good file") {
  TempDir in("merge-binary");
  TempDir out("merge-binary-out");
  const std::vector<std::string> lines = sample_extraction_lines();
  // An ELF header, then 200 KB of bytes of every value (a linear
  // congruential generator, so the test sees the same bytes each run).
  std::string junk("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10);
  std::uint32_t state = 12345;
  while (junk.size() < 200000) {
    state = state * 1103515245U + 12345U;
    junk += static_cast<char>(state >> 24);
  }
  fs::path binary = in.write("junk.bin", junk);
  fs::path good = in.write("good.jsonl", lines[0] + "\n");
  Run m = run("merge -q '" + binary.string() + "' '" + good.string() + "' -o '" + out.path.string() + "'");
  CHECK(m.status == 1);
  std::size_t junk_lines = 0;
  for (std::size_t begin = 0; begin < junk.size();) {
    std::size_t end = std::min(junk.find('\n', begin), junk.size());
    if (junk.substr(begin, end - begin).find_first_not_of(" \t\r") != std::string::npos) ++junk_lines;
    begin = end + 1;
  }
  CHECK(junk_lines > 100);
  // Per code, the first ten errors, then one line that counts the rest.
  std::map<std::string, std::size_t> printed, counted;
  std::vector<std::string> errors;
  std::istringstream err(m.err);
  for (std::string line; std::getline(err, line);) {
    if (!line.starts_with("skipped: ")) errors.push_back(line);
  }
  REQUIRE(!errors.empty());
  CHECK(errors[0].starts_with(binary.string() +
                              ":1:1: error: invalid JSON: Invalid value. (near \"\\x7FELF\\x02\\x01\\x01\\x00\\x00\\x00"));
  for (const std::string& e : errors) {
    CAPTURE(e);
    CHECK(e.starts_with(binary.string() + ":"));
    CHECK(e.find(": error: ") != std::string::npos);
    std::string code = e.substr(e.rfind('[') + 1);
    code.pop_back();
    CHECK((code == "json-syntax" || code == "invalid-extraction-line"));
    if (std::size_t more = e.find(": error: "); e.find(" more like the ", more) != std::string::npos) {
      CHECK(e.find("not printed one by one") != std::string::npos);
      counted[code] += std::stoul(e.substr(more + 9));
    } else {
      ++printed[code];
    }
  }
  std::size_t total = 0;
  for (const auto& [code, n] : printed) {
    CAPTURE(code);
    CHECK(n <= 10);
    total += n + counted[code];
  }
  CHECK(total == junk_lines);  // none for the good file
  CHECK(errors.size() <= 2 * 11);
  // events.json lists every one of them.
  std::string json = read_all(out.path / "events.json");
  CHECK(json.find("\"id\": \"cnsnews-20150930\"") != std::string::npos);
  auto occurrences = [&](const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = json.find(needle); at != std::string::npos; at = json.find(needle, at + 1)) ++n;
    return n;
  };
  CHECK(occurrences("\"code\": \"json-syntax\"") + occurrences("\"code\": \"invalid-extraction-line\"") ==
        junk_lines);
}

TEST_CASE("timex: the first ten errors of a kind, a count of the rest, and the good lines still resolved") {
  TempDir in("timex-errors");
  std::string lines;
  for (int i = 0; i < 30; ++i) lines += "not json " + std::to_string(i) + "\n";
  lines += "{\"id\": \"ok\", \"dct\": \"2015-09-30\", \"text\": \"They met on Monday.\"}\n";
  fs::path file = in.write("mixed.jsonl", lines);
  Run t = run("timex '" + file.string() + "'");
  CHECK(t.status == 1);
  CHECK(t.out == "{\"id\":\"ok\",\"timexes\":[{\"begin\":12,\"end\":18,\"text\":\"Monday\",\"type\":\"DATE\","
                 "\"value\":\"2015-09-28\",\"mod\":\"\"}]}\n");
  std::vector<std::string> errors;
  std::istringstream err(t.err);
  for (std::string line; std::getline(err, line);) errors.push_back(line);
  REQUIRE(errors.size() == 11);
  CHECK(errors[0].starts_with(file.string() + ":1:2: error: Invalid value. (near \"ot json 0\")"));
  CHECK(errors[10] == file.string() + ":11: error: 20 more like the 10 above, on lines 11 to 30, not printed one by one "
                                      "[json-syntax]");
}

TEST_CASE("--stats writes the time and throughput of every stage") {
  TempDir out("stats");
  fs::path stats = out.path / "stats.json";
  Run r = run("build -q '" + kSamples.string() + "' -o '" + out.path.string() + "' --stats '" + stats.string() + "'");
  CHECK(r.status == 0);
  std::string json = read_all(stats);
  for (const char* stage : {"load", "text", "time", "extract", "merge", "output"}) {
    CAPTURE(stage);
    CHECK(json.find("\""s + stage + "\": {") != std::string::npos);
  }
  CHECK(json.find("\"documents\": 3,") != std::string::npos);
  CHECK(json.find("\"peak_rss_bytes\": ") != std::string::npos);
  // No progress line when standard error is not a terminal.
  CHECK(r.err.empty());
}

TEST_CASE("limits: an over-long sentence, too many mentions and too much input are cut and reported") {
  TempDir in("limits-in");
  TempDir out("limits-out");
  // A run-on sentence of 10,000 bytes with an event at its end: cut into
  // pieces of at most 4,096 bytes, the event is still found.
  std::string run_on = "Officials spoke";
  while (run_on.size() < 10000) run_on += " and spoke again";
  run_on += " while Obama met Putin on Monday.\n";
  fs::path doc = in.write("runon.txt", "Sept. 30, 2015\n\n" + run_on);
  Run cut = run("build '" + doc.string() + "' -o '" + out.path.string() + "'");
  CHECK(cut.status == 0);  // a cut is a warning: the document itself was read
  CHECK(cut.err.find("runon:3:1: warning: text without a sentence end for over 4096 bytes (--max-sentence-bytes) "
                     "was cut into 3 pieces; an event told across a cut is missed [sentence-too-long]") !=
        std::string::npos);
  CHECK(cut.err.find("skipped: 1 (sentence-too-long: 1); listed in events.json \"skipped\"") != std::string::npos);
  std::string json = read_all(out.path / "events.json");
  CHECK(json.find("\"severity\": \"warning\",\n      \"code\": \"sentence-too-long\"") != std::string::npos);
  CHECK(json.find("\"max_sentence_bytes\": 4096") != std::string::npos);
  CHECK(json.find("\"type\": \"meeting\"") != std::string::npos);
  // Cut at 100 bytes, "met Putin on Monday" falls apart from Obama.
  Run small = run("build -q --max-sentence-bytes 100 '" + doc.string() + "' -o '" + out.path.string() + "'");
  CHECK(small.err.find("was cut into 1") != std::string::npos);
  Run raised = run("build -q --max-sentence-bytes 100000 '" + doc.string() + "' -o '" + out.path.string() + "'");
  CHECK(raised.status == 0);
  CHECK(raised.err.empty());
  CHECK(read_all(out.path / "events.json").find("\"type\": \"meeting\"") != std::string::npos);

  Run few = run("build -q --max-mentions-per-document 2 '" + kSamples.string() + "' -o '" + out.path.string() + "'");
  CHECK(few.status == 0);
  CHECK(few.err.find("cnsnews-20150930:6:94: warning: 24 ") != std::string::npos);
  CHECK(few.err.find("event mentions are over the limit (--max-mentions-per-document 2); the ones from here on "
                     "are dropped [too-many-mentions]") != std::string::npos);
  CHECK(few.err.find("skipped: 3 (too-many-mentions: 3)") != std::string::npos);

  // The samples are 5,002, 4,770 and 4,653 bytes: only the first fits.
  Run total = run("build -q --max-total-bytes 6000 '" + kSamples.string() + "' -o '" + out.path.string() + "'");
  CHECK(total.status == 1);
  CHECK(total.err.find("error: the input is over the limit of 6000 bytes of article text (--max-total-bytes); "
                       "this document and the ones after it are skipped [total-input-too-large]") !=
        std::string::npos);
  CHECK(total.err.find("2 documents in all were skipped past --max-total-bytes") != std::string::npos);
  CHECK(total.err.find("skipped: 2 (total-input-too-large: 2)") != std::string::npos);
  std::string kept = read_all(out.path / "events.json");
  CHECK(kept.find("\"id\": \"cnsnews-20150930\"") != std::string::npos);
  CHECK(kept.find("\"id\": \"rt-20150929\"") == std::string::npos);
}
