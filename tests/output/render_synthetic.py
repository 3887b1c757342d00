"""`eventgraph render` at the scale of a month of coverage: the synthetic
corpus of synthetic_news.py (six weeks, about 230 merged events, five
outlets, month-dated and undated events) is built, then drawn as SVG and
PNG without a Graphviz warning: every event is a box, the day axis runs
left to right in date order, month-dated events stand left of their
month's days, undated ones right of everything, and the SVG bytes repeat.
Usage: render_synthetic.py BINARY SOURCE_DIR"""
import pathlib
import re
import subprocess
import sys
import tempfile
import time

from common import build, svg_boxes

binary, source = sys.argv[1], sys.argv[2]
here = pathlib.Path(__file__).parent
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    subprocess.run([sys.executable, str(here / "synthetic_news.py"), str(tmp / "news.jsonl")], check=True)
    # Two articles have no date on purpose: build warns and still exits 0.
    events = build(binary, source, tmp / "out", str(tmp / "news.jsonl"))["events"]
    assert 180 <= len(events) <= 280, len(events)
    assert any(e["granularity"] == "month" for e in events) and any(not e["date_range"] for e in events)

    for name in ["t.svg", "again.svg", "t.png"]:
        started = time.monotonic()
        run = subprocess.run([binary, "render", str(tmp / "out/events.json"), "-o", str(tmp / name), "-q"],
                             capture_output=True, text=True)
        seconds = time.monotonic() - started
        assert run.returncode == 0 and run.stderr == "", run.stderr
        print(f"{name}: {(tmp / name).stat().st_size} bytes in {seconds:.2f} s")
    assert (tmp / "t.svg").read_bytes() == (tmp / "again.svg").read_bytes()
    assert (tmp / "t.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    drawn = svg_boxes(tmp / "t.svg")
    event_boxes = {k: v for k, v in drawn.items() if k.startswith("ev-")}
    assert sorted(event_boxes) == sorted(e["id"] for e in events)
    axis = sorted((x_range[0], texts[0]) for k, (texts, x_range) in drawn.items() if k.startswith("axis:"))
    days = [label for _, label in axis if re.fullmatch(r"\d{4}-\d{2}-\d{2}", label)]
    assert days == sorted(days) and len(days) >= 30, days
    print(f"{len(event_boxes)} event boxes on {len(days)} day columns, {days[0]} to {days[-1]}")

    day_x = {e["id"]: event_boxes[e["id"]][1] for e in events if e["granularity"] == "day"}
    for e in events:
        left, right = event_boxes[e["id"]][1]
        if e["granularity"] == "month":
            later = [day_x[d["id"]] for d in events if d["granularity"] == "day" and d["date"][:7] == e["date"]]
            assert all(right < other[0] for other in later), e["label"]
        elif not e["date_range"]:
            assert all(left > other[1] for other in day_x.values()), e["label"]
print("render at scale: ok")
