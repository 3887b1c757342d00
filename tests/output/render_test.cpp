// Tests for render.h on a hand-made corpus: the image format by extension,
// the views and their errors, escaping in HTML-like labels, and SVG bytes
// that repeat. The samples are drawn by render_svg.py.
#include <doctest/doctest.h>

#include <string>

#include "output/detail/timeline.h"
#include "output/render.h"

using namespace eventgraph;

namespace {

const std::string kEvil = "Evil \"Name\" <b> & ]]>";

Event make_event(std::string id, std::string type, std::string day, std::vector<std::string> actors,
                 std::vector<std::string> outlets) {
  Event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.label = e.type + " " + e.id;
  if (!day.empty()) {
    e.time.value = day;
    auto parsed = parse_publication_time(day);
    e.time.earliest = e.time.latest = parsed->local_day;
    e.time.granularity = Granularity::day;
  }
  for (auto& a : actors) e.actors.push_back({a, Role::participant, {}});
  e.outlets = std::move(outlets);
  return e;
}

// Two outlets, an actor whose name needs escaping, two entities sharing
// the alias "Carter", and an undated event.
MergedCorpus small_corpus() {
  MergedCorpus c;
  c.documents.push_back({"d1", "a.com", "", "", parse_publication_time("2015-09-28"), false, "", "", {}});
  c.documents.push_back({"d2", "b.com", "", "", parse_publication_time("2015-09-30"), false, "", "", {}});
  c.entities.push_back({"person:ash-carter", EntityKind::person, "Ash Carter", {"Carter"}, ""});
  c.entities.push_back({"person:evil", EntityKind::person, kEvil, {"Evil"}, ""});
  c.entities.push_back({"person:jimmy-carter", EntityKind::person, "Jimmy Carter", {"Carter"}, ""});
  c.events.push_back(make_event("ev-1", "meeting", "2015-09-28", {"person:evil", "person:ash-carter"}, {"a.com"}));
  c.events.push_back(make_event("ev-2", "statement", "2015-09-30", {"person:jimmy-carter"}, {"a.com", "b.com"}));
  c.events.push_back(make_event("ev-3", "statement", "", {"person:evil"}, {"b.com"}));
  return c;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("render: the extension picks the format") {
  CHECK(image_format_for("out/timeline.svg") == ImageFormat::svg);
  CHECK(image_format_for("T.PNG") == ImageFormat::png);
  CHECK_FALSE(image_format_for("timeline.jpg"));
  CHECK_FALSE(image_format_for("timeline"));
  CHECK_FALSE(image_format_for("svg"));
}

TEST_CASE("render: unknown or ambiguous views name what exists") {
  MergedCorpus c = small_corpus();
  RenderOptions options;
  options.outlet = "c.com";
  RenderedTimeline image = render_timeline(c, options);
  CHECK(image.bytes.empty());
  CHECK(image.error == "no outlet \"c.com\" in the corpus; outlets: a.com, b.com");

  options = {};
  options.actor = "Putin";
  image = render_timeline(c, options);
  CHECK(image.error == "no actor \"Putin\" in the corpus (an entity id, name or alias); actors: Ash Carter "
                       "(person:ash-carter), " + kEvil + " (person:evil), Jimmy Carter (person:jimmy-carter)");

  options.actor = "carter";
  image = render_timeline(c, options);
  CHECK(image.error == "actor \"carter\" names 2 entities: Ash Carter (person:ash-carter), Jimmy Carter "
                       "(person:jimmy-carter); give an id");
}

TEST_CASE("render: views select events; labels are escaped; the bytes repeat") {
  MergedCorpus c = small_corpus();
  RenderOptions options;
  RenderedTimeline all = render_timeline(c, options);
  REQUIRE(all.error.empty());
  CHECK(all.warnings.empty());
  CHECK(all.events_drawn == 3);
  CHECK(all.bytes.starts_with("<?xml"));
  CHECK(count(all.bytes, "class=\"node\"") == 3 + 3);  // events and axis ticks
  CHECK(count(all.bytes, "Evil &quot;Name&quot; &lt;b&gt; &amp; ]]&gt;") == 2);
  CHECK(all.bytes.find("<b>") == std::string::npos);
  CHECK(render_timeline(c, options).bytes == all.bytes);

  options.actor = "JIMMY CARTER";
  CHECK(render_timeline(c, options).events_drawn == 1);
  options.actor = "person:evil";
  options.outlet = "b.com";
  RenderedTimeline view = render_timeline(c, options);
  CHECK(view.events_drawn == 1);
  CHECK(view.bytes.find("id=\"ev&#45;3\"") != std::string::npos);  // "-" as SVG writes it
  CHECK(view.bytes.find("Timeline of 1 event reported by b.com, with Evil") != std::string::npos);

  options = {};
  options.format = ImageFormat::png;
  CHECK(render_timeline(c, options).bytes.starts_with("\x89PNG\r\n\x1a\n"));
}

TEST_CASE("render: HTML-like label text") {
  using detail::escape_html_label;
  CHECK(escape_html_label("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'");
  CHECK(escape_html_label("line1\nline2\r\n\tx") == "line1 line2   x");
  CHECK(escape_html_label("bell\x07") == "bell\xEF\xBF\xBD");
  CHECK(escape_html_label("bad \xC3") == "bad \xEF\xBF\xBD");
  CHECK(escape_html_label("nonchar \xEF\xBF\xBE") == "nonchar \xEF\xBF\xBD");
  CHECK(escape_html_label("Zo\xC3\xAB \\N") == "Zo\xC3\xAB \\N");
}
