"""timeline.json of the samples is TimelineJS3 JSON: one slide per dated
event of events.json, dates as numbers with only the precision the event
has, and article text HTML-escaped (a quoted <script> stays text, checked
with Python's html.parser). Usage: timelinejs_samples.py BINARY SOURCE_DIR"""
import html.parser
import json
import pathlib
import sys
import tempfile

from common import build

binary, source = sys.argv[1], sys.argv[2]


class Tags(html.parser.HTMLParser):
    """Collects the tags of an HTML fragment and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = set(), ""

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text += data


def parse_html(fragment):
    p = Tags()
    p.feed(fragment)
    p.close()
    return p


def check_slide(slide, event):
    assert slide["unique_id"] == event["id"], (slide, event)
    assert slide["group"] == event["type"]
    start = slide["start_date"]
    for key in start:
        assert isinstance(start[key], int), start  # TimelineJS: "year: a number"
    y, m, d = (int(x) for x in event["date_range"][0].split("-"))
    assert start["year"] == y
    if event["granularity"] == "month":
        assert set(start) == {"year", "month"}, start
        assert start["month"] == m
    if event["granularity"] == "day":
        assert start == {"year": y, "month": m, "day": d}, start
    assert parse_html(slide["text"]["headline"]).text == event["label"]
    body = parse_html(slide["text"]["text"])
    assert body.tags <= {"p", "b", "ul", "li"}, body.tags
    for outlet in event["outlets"]:
        assert outlet in body.text


with tempfile.TemporaryDirectory() as tmp:
    out = pathlib.Path(tmp) / "out"
    events = build(binary, source, out)
    timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    dated = [e for e in events["events"] if e["date_range"]]
    assert len(timeline["events"]) == len(dated), (len(timeline["events"]), len(dated))
    assert "start_date" not in timeline["title"]
    for slide, event in zip(timeline["events"], dated):
        check_slide(slide, event)
    months = [s for s, e in zip(timeline["events"], dated) if e["granularity"] == "month"]
    assert months and all("day" not in s["start_date"] for s in months), months
    print(f"samples: {len(dated)} slides, {len(months)} of them month-dated without a day")

    # An article quoting markup: the quotation is text on the slide.
    (pathlib.Path(tmp) / "in").mkdir()
    (pathlib.Path(tmp) / "in/a.txt").write_text(
        "MOSCOW (AP) \u2014 President Vladimir Putin met President Barack Obama on Monday. "
        "\"We will not <script>alert('x')</script> & obey,\" Putin said on Monday.\n", encoding="utf-8")
    manifest = {"documents": [{"id": "evil", "file": "a.txt", "outlet": "example.com",
                               "published": "2015-09-29"}]}
    (pathlib.Path(tmp) / "in/manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    evil_out = pathlib.Path(tmp) / "evil"
    build(binary, source, evil_out, str(pathlib.Path(tmp) / "in"))
    raw = (evil_out / "timeline.json").read_text(encoding="utf-8")
    timeline = json.loads(raw)
    bodies = [parse_html(s["text"]["text"]) for s in timeline["events"]]
    quoted = [b for b in bodies if "<script>alert('x')</script> & obey" in b.text]
    assert quoted, [b.text for b in bodies]
    assert all("script" not in b.tags for b in bodies)
    assert "<script>" not in raw
    print("escaping: the quoted <script> is text, not a tag")
