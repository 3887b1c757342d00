// TimelineJS export on a hand-made graph: date precision, undated events
// left out, HTML escaping, and the JSON types TimelineJS documents.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <string>

#include "graph/graph.h"
#include "output/timelinejs.h"

using namespace eventgraph;

namespace {

TimeValue range(date::sys_days from, date::sys_days to, Granularity g, std::string value) {
  TimeValue t;
  t.value = std::move(value);
  t.earliest = from;
  t.latest = to;
  t.granularity = g;
  return t;
}

date::sys_days day(int y, unsigned m, unsigned d) { return date::year{y} / m / d; }

Event event(std::string id, std::string type, std::string label, TimeValue time) {
  Event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.label = std::move(label);
  e.time = std::move(time);
  e.outlets = {"a.com", "b&b.com"};
  return e;
}

EventGraph sample_graph() {
  MergedCorpus c;
  Document d;
  d.id = "a";
  d.outlet = "a.com";
  c.documents = {d};
  Event on_day = event("ev-day", "statement", "Statement: <script>alert(\"x\")</script> & O'Brien",
                       range(day(2015, 9, 29), day(2015, 9, 29), Granularity::day, "2015-09-29TMO"));
  EventMention m;
  m.doc = "a";
  m.quote = "We will <b>not</b> \"comply\" & that's final";
  on_day.mentions = {{"a.com", m}, {"a.com", m}};  // the same quotation twice: shown once
  on_day.modality = Modality::planned;
  on_day.conflicts = {{"date", {{"2015-09-28", {"a"}}, {"2015-09-29", {"b"}}}}};
  c.events = {
      event("ev-month", "deployment", "Deployment", range(day(2015, 9, 1), day(2015, 9, 30), Granularity::month, "2015-09")),
      on_day,
      event("ev-week", "vote", "Vote", range(day(2015, 9, 28), day(2015, 10, 4), Granularity::week, "2015-W40")),
      event("ev-year", "meeting", "Meeting", range(day(2015, 1, 1), day(2015, 12, 31), Granularity::year, "2015")),
      event("ev-undated", "meeting", "Undated meeting", TimeValue{}),
  };
  return build_graph(std::move(c));
}

}  // namespace

TEST_CASE("timelinejs: one slide per dated event, dates as numbers down to the event's precision") {
  std::string json = format_timelinejs(sample_graph());
  CHECK(json == format_timelinejs(sample_graph()));
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  const auto& events = doc["events"];
  REQUIRE(events.Size() == 4);  // the undated meeting is left out
  CHECK(std::string(doc["title"]["text"]["text"].GetString()).find("1 event has no date and is left out") !=
        std::string::npos);
  CHECK_FALSE(doc["title"].HasMember("start_date"));

  const auto& month = events[0];
  CHECK(std::string(month["unique_id"].GetString()) == "ev-month");
  CHECK(std::string(month["group"].GetString()) == "deployment");
  CHECK(month["start_date"]["year"].IsInt());
  CHECK(month["start_date"]["year"].GetInt() == 2015);
  CHECK(month["start_date"]["month"].GetInt() == 9);
  CHECK_FALSE(month["start_date"].HasMember("day"));
  CHECK_FALSE(month.HasMember("end_date"));

  const auto& on_day = events[1];
  CHECK(on_day["start_date"]["day"].GetInt() == 29);
  CHECK_FALSE(on_day.HasMember("end_date"));

  const auto& week = events[2];
  CHECK(week["start_date"]["day"].GetInt() == 28);
  CHECK(week["end_date"]["month"].GetInt() == 10);
  CHECK(week["end_date"]["day"].GetInt() == 4);

  const auto& year = events[3];
  CHECK(year["start_date"]["year"].GetInt() == 2015);
  CHECK_FALSE(year["start_date"].HasMember("month"));
}

TEST_CASE("timelinejs: headline and text are HTML-escaped, the markup around them is ours") {
  rapidjson::Document doc;
  std::string json = format_timelinejs(sample_graph());
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  const auto& text = doc["events"][1]["text"];
  CHECK(std::string(text["headline"].GetString()) ==
        "Statement: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien");
  CHECK(std::string(text["text"].GetString()) ==
        "<p>Reported by <b>a.com</b> and <b>b&amp;b.com</b>.</p>"
        "<p>Modality: planned.</p>"
        "<p>Sources disagree on the date: 2015-09-28 (a); 2015-09-29 (b).</p>"
        "<ul><li>&ldquo;We will &lt;b&gt;not&lt;/b&gt; &quot;comply&quot; &amp; that&#39;s final&rdquo; (a.com)</li></ul>");
  CHECK(json.find("<script>") == std::string::npos);
}
