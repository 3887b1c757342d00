// `eventgraph eval` end to end: the real binary builds the samples and
// scores them against samples/gold.json; exit statuses for bad input.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

const fs::path kSource = EVENTGRAPH_SOURCE_DIR;

struct Run {
  int status = -1;
  std::string out, err;
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A directory of its own per test process (ctest runs cases in parallel),
// removed when the process ends.
struct WorkDir {
  fs::path path = fs::temp_directory_path() / ("eventgraph-eval-test-" + std::to_string(::getpid()));
  WorkDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~WorkDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

fs::path work_dir() {
  static WorkDir dir;
  return dir.path;
}

Run run(const std::string& args) {
  static int counter = 0;
  fs::path out = work_dir() / ("out" + std::to_string(counter)), err = work_dir() / ("err" + std::to_string(counter));
  ++counter;
  std::string command = "'"s + EVENTGRAPH_BINARY + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  int raw = std::system(command.c_str());
  return Run{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_all(out), read_all(err)};
}

// events.json of the samples, built once per process.
std::string samples_events() {
  static std::string path = [] {
    fs::path out = work_dir() / "build";
    Run r = run("build -q '" + (kSource / "samples").string() + "' -o '" + out.string() + "' --format=json");
    REQUIRE(r.status == 0);
    return (out / "events.json").string();
  }();
  return path;
}

std::string gold() { return (kSource / "samples/gold.json").string(); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("eval on the samples: every required gold event found, the figures measured") {
  Run r = run("eval --gold '" + gold() + "' '" + samples_events() + "'");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  INFO(r.out);
  // 9 required gold events, all found: recall 1. Three factual events
  // match no gold event (a second Putin statement on 2015-09-30, Putin's
  // CBS interview, a U.S. airstrike): precision 9/12.
  CHECK(has(r.out, "  all             9    3    0     0.7500   1.0000   0.8571\n"));
  CHECK(has(r.out, "dates:  1.0000  exact on 9 of 9 matched events\n"));
  CHECK(has(r.out, "actors: 0.4444  same actor set on 4 of 9 matched events\n"));
  // 20 (document, gold event) pairs; the only one not covered is the
  // optional G14 (deployment) in cnsnews, which reports no deployment.
  CHECK(has(r.out, "  bcubed         1.0000   0.9500   0.9744\n"));
  CHECK(has(r.out, "  G14    breitbart-20150929 -> ev-0202e61e69b7450b, cnsnews-20150930 -> (no event)\n"));
  CHECK(has(r.out, "missed required gold events:\n  (none)\n"));
  CHECK(has(r.out, "  G1     required -> ev-130eb327c957107a  2015-09-28  Meeting: Barack Obama and Vladimir Putin"));
  CHECK(!has(r.out, "coreference"));  // the gold gives no spans
}

TEST_CASE("eval --json: the documented keys, fixed decimals, the same bytes twice") {
  Run a = run("eval --gold '" + gold() + "' '" + samples_events() + "' --json");
  Run b = run("eval --json --gold '" + gold() + "' '" + samples_events() + "'");
  CHECK(a.status == 0);
  CHECK(a.out == b.out);
  CHECK(has(a.out, "\"events\": {\"precision\": 0.7500, \"recall\": 1.0000, \"f1\": 0.8571, \"tp\": 9, \"fp\": 3, \"fn\": 0"));
  CHECK(has(a.out, "\"statement\": {\"tp\": 5, \"fp\": 2, \"fn\": 0, \"precision\": 0.7143, \"recall\": 1.0000"));
  CHECK(has(a.out, "\"dates\": {\"accuracy\": 1.0000"));
  CHECK(has(a.out, "\"actors\": {\"accuracy\": 0.4444"));
  CHECK(has(a.out, "\"merge\": {\"items\": 20, \"bcubed_precision\": 1.0000, \"bcubed_recall\": 0.9500, \"bcubed_f1\": 0.9744}"));
}

TEST_CASE("eval with mention spans in the gold prints the coreference block") {
  // The gold's G1 given as the two trigger spans eventgraph finds for the
  // meeting, plus one span the system does not have.
  std::string events = read_all(samples_events());
  fs::path spans_gold = work_dir() / "spans.gold.json";
  std::string json = read_all(gold());
  // Insert mentions into G1: the meeting's triggers in cnsnews and rt are
  // looked up in events.json below, so the test follows the real offsets.
  auto trigger_of = [&](const std::string& doc) {
    std::size_t ev = events.find("\"label\": \"Meeting: Barack Obama and Vladimir Putin");
    REQUIRE(ev != std::string::npos);
    std::size_t at = events.find("\"doc\": \"" + doc + "\"", ev);
    REQUIRE(at != std::string::npos);
    std::size_t span = events.find("\"span\": [", at);
    std::size_t end = events.find(']', span);
    return events.substr(span + 9, end - span - 9);  // "b, e"
  };
  std::string mentions = ", \"mentions\": [{\"doc\": \"cnsnews-20150930\", \"span\": [" + trigger_of("cnsnews-20150930") +
                         "]}, {\"doc\": \"rt-20150929\", \"span\": [" + trigger_of("rt-20150929") +
                         "]}, {\"doc\": \"rt-20150929\", \"span\": [1, 2]}]";
  std::size_t g1 = json.find("\"reported_by\": [\"cnsnews-20150930\", \"rt-20150929\"]");
  REQUIRE(g1 != std::string::npos);
  json.insert(json.find(']', g1) + 1, mentions);
  std::ofstream(spans_gold, std::ios::binary) << json;
  Run r = run("eval --gold '" + spans_gold.string() + "' '" + samples_events() + "' --json");
  CHECK(r.status == 0);
  INFO(r.out);
  INFO(r.err);
  CHECK(has(r.out, "\"coref\": {\"gold_mentions\": 3,"));
  CHECK(has(r.out, "\"common_mentions\": 2,"));
  CHECK(has(r.out, "\"conll_f1\": "));
  Run text = run("eval --gold '" + spans_gold.string() + "' '" + samples_events() + "'");
  CHECK(has(text.out, "coreference: 3 gold mentions"));
  CHECK(has(text.out, "  conll f1"));
}

TEST_CASE("eval: exit 1 for a missing or broken file, 2 for usage") {
  Run missing = run("eval --gold /nonexistent/gold.json '" + samples_events() + "'");
  CHECK(missing.status == 1);
  CHECK(has(missing.err, "/nonexistent/gold.json: error: no such file [unreadable]"));
  fs::path broken = work_dir() / "broken.json";
  std::ofstream(broken) << "{\"documents\": [],\n \"events\": [}\n";
  Run bad_gold = run("eval --gold '" + broken.string() + "' '" + samples_events() + "'");
  CHECK(bad_gold.status == 1);
  CHECK(has(bad_gold.err, broken.string() + ":2:13: error: invalid JSON"));
  CHECK(bad_gold.out.empty());
  Run bad_events = run("eval --gold '" + gold() + "' '" + broken.string() + "'");
  CHECK(bad_events.status == 1);
  CHECK(has(bad_events.err, broken.string() + ":2"));
  Run wrong_field = run("eval --gold '" + (kSource / "tests/eval/cases/bad_gold.json").string() + "' '" +
                        samples_events() + "'");
  CHECK(wrong_field.status == 1);
  CHECK(has(wrong_field.err, "bad_gold.json:3:3: error: $.events[0].status: expected \"required\" or \"optional\""));
  CHECK(run("eval '" + samples_events() + "'").status == 2);
  CHECK(run("eval --gold '" + gold() + "'").status == 2);
  CHECK(run("eval --gold '" + gold() + "' a.json b.json").status == 2);
  Run help = run("eval --help");
  CHECK(help.status == 0);
  CHECK(has(help.out, "--gold"));
}

TEST_CASE("eval warns when the gold's documents are not in events.json") {
  // One article given as a bare file: its id is the file name, not the
  // manifest id the gold uses, so nothing can match.
  fs::path out = work_dir() / "one";
  Run b = run("build -q '" + (kSource / "samples/000_c1eca96c0dcfe9f6.txt").string() + "' -o '" + out.string() +
              "' --format=json");
  REQUIRE(b.status == 0);
  Run r = run("eval --gold '" + gold() + "' '" + (out / "events.json").string() + "'");
  CHECK(r.status == 0);
  CHECK(has(r.err, "warning: the gold's document \"cnsnews-20150930\" is not in this events.json [gold-document-missing]"));
  // Matching looks at type, date and actors, not at documents: the events
  // cnsnews reports still match (6 of 9). No (document, gold event) pair is
  // covered, so each is a singleton: merge recall = 12 gold events / 18 pairs.
  CHECK(has(r.out, "  all             6    1    3     0.8571   0.6667   0.7500\n"));
  CHECK(has(r.out, "  bcubed         1.0000   0.6667   0.8000\n"));
}
