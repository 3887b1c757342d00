"""`eventgraph render` on the samples: the SVG is XML with one box per event
holding its labels, the date axis runs left to right in date order, the
month-dated deployment stands in a column of its own, --outlet and --actor
select the right events, unknown names and extensions exit 2 with what
exists, PNG is PNG, the SVG bytes repeat, and <&"> in names come back
intact. Usage: render_svg.py BINARY SOURCE_DIR"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from common import build, svg_boxes

SVG = "{http://www.w3.org/2000/svg}"
binary, source = sys.argv[1], sys.argv[2]


def render(events_json, out, *options, check=True):
    run = subprocess.run([binary, "render", str(events_json), "-o", str(out), "-q", *options],
                         capture_output=True, text=True)
    if check:
        assert run.returncode == 0, run.stderr
        assert run.stderr == "", run.stderr  # no Graphviz warning
    return run


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    events = build(binary, source, tmp)["events"]
    events_json = tmp / "events.json"
    by_label = {e["label"]: e for e in events}

    # One box per event, with its type, date, actors and outlets.
    render(events_json, tmp / "t.svg")
    drawn = svg_boxes(tmp / "t.svg")
    event_boxes = {k: v for k, v in drawn.items() if k.startswith("ev-")}
    assert sorted(event_boxes) == sorted(e["id"] for e in events), (len(event_boxes), len(events))
    meeting = by_label["Meeting: Barack Obama and Vladimir Putin in United Nations headquarters"]
    texts = event_boxes[meeting["id"]][0]
    for expected in ["Meeting", "2015-09-28", "Barack Obama", "Vladimir Putin", "cnsnews.com", "rt.com"]:
        assert expected in texts, (expected, texts)
    print(f"svg: {len(event_boxes)} event boxes; the Obama-Putin meeting reads {texts}")

    # The axis: day labels left to right in date order; month columns
    # ("September 2015") before their days.
    axis = sorted(((x_range[0], texts[0]) for k, (texts, x_range) in drawn.items()
                   if k.startswith("axis:")))
    labels = [label for _, label in axis]
    days = [label for label in labels if re.fullmatch(r"\d{4}-\d{2}-\d{2}", label)]
    assert days == sorted(days) and len(days) == 3, labels
    assert labels.index("September 2015") < labels.index("2015-09-28"), labels
    assert labels.index("July 2015") < labels.index("September 2015"), labels
    print(f"axis, left to right: {labels}")

    # The deployment dated only to September 2015 is in a column that holds
    # no day-dated event, left of the September days, under "September 2015".
    month_event = next(e for e in events if e["granularity"] == "month" and e["date"] == "2015-09")
    left, right = event_boxes[month_event["id"]][1]
    for e in events:
        if e["granularity"] == "day":
            other_left, other_right = event_boxes[e["id"]][1]
            assert right < other_left, (month_event["label"], e["label"])
    axis_x = {label: x for x, label in axis}
    assert left <= axis_x["September 2015"] <= right, (left, right, axis_x)
    assert "2015-09 (month)" in event_boxes[month_event["id"]][0]
    print(f"month-dated event in the September 2015 column, x {left:.0f}..{right:.0f}")

    # --outlet: only what rt.com reported; the cnsnews-only airstrike goes.
    render(events_json, tmp / "rt.svg", "--outlet", "rt.com")
    rt = {k for k in svg_boxes(tmp / "rt.svg") if k.startswith("ev-")}
    assert rt == {e["id"] for e in events if "rt.com" in e["outlets"]}, rt
    cns_airstrike = [e for e in events if e["type"] == "airstrike" and e["outlets"] == ["cnsnews.com"]]
    assert cns_airstrike and cns_airstrike[0]["id"] not in rt
    print(f"--outlet rt.com: {len(rt)} events, without the cnsnews.com-only airstrike")

    # --actor by alias, name or id: the same events, those with Putin.
    putin = {e["id"] for e in events if any(a["entity"] == "person:vladimir-putin" for a in e["actors"])}
    for name in ["Putin", "vladimir putin", "person:vladimir-putin"]:
        render(events_json, tmp / "putin.svg", "--actor", name)
        assert {k for k in svg_boxes(tmp / "putin.svg") if k.startswith("ev-")} == putin, name
    print(f"--actor Putin: {len(putin)} events")

    # Unknown names and formats: exit 2, saying what exists.
    run = render(events_json, tmp / "x.svg", "--outlet", "nytimes.com", check=False)
    assert run.returncode == 2 and "rt.com, " in run.stderr and "nytimes.com" in run.stderr, run.stderr
    run = render(events_json, tmp / "x.svg", "--actor", "Merkel", check=False)
    assert run.returncode == 2 and "Vladimir Putin (person:vladimir-putin)" in run.stderr, run.stderr
    run = render(events_json, tmp / "x.jpg", check=False)
    assert run.returncode == 2 and ".svg or .png" in run.stderr, run.stderr
    assert not (tmp / "x.svg").exists() and not (tmp / "x.jpg").exists()
    print("unknown outlet, actor, extension: exit 2 with", run.stderr.strip())

    # PNG by extension; the same SVG bytes twice.
    render(events_json, tmp / "t.PNG")
    assert (tmp / "t.PNG").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    render(events_json, tmp / "again.svg")
    assert (tmp / "again.svg").read_bytes() == (tmp / "t.svg").read_bytes()
    print(f"png: {(tmp / 't.PNG').stat().st_size} bytes; svg identical across runs")

    # Names holding markup characters are escaped, and read back as written.
    evil_actor, evil_outlet, evil_title = 'Evil "Name" <b> & ]]>', 'a<b>&"c.com', 'T<i>tle & "q"'
    data = json.loads(events_json.read_text(encoding="utf-8"))
    for entity in data["entities"]:
        if entity["id"] == "person:barack-obama":
            entity["name"] = evil_actor
    for e in data["events"]:
        for a in e["actors"]:
            if a["entity"] == "person:barack-obama":
                a["name"] = evil_actor
        e["outlets"] = sorted(evil_outlet if o == "rt.com" else o for o in e["outlets"])
        for m in e["mentions"]:
            if m["outlet"] == "rt.com":
                m["outlet"] = evil_outlet
    for d in data["documents"]:
        if d["outlet"] == "rt.com":
            d["outlet"] = evil_outlet
    evil_json = tmp / "evil.json"
    evil_json.write_text(json.dumps(data), encoding="utf-8")
    render(evil_json, tmp / "evil.svg", "--title", evil_title, "--outlet", evil_outlet)
    root = ET.parse(tmp / "evil.svg").getroot()
    all_texts = [t.text for t in root.iter(SVG + "text")]
    for expected in [evil_actor, evil_outlet, evil_title]:
        assert expected in all_texts, (expected, all_texts)
    print("escaping: <&\"> in an actor, an outlet and the title come back as written")
print("render: ok")
