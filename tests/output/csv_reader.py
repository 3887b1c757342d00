"""events.csv and mentions.csv of the samples parse with Python's csv module:
a header, and every row as long as it. Usage: csv_reader.py BINARY SOURCE_DIR"""
import csv
import pathlib
import sys
import tempfile

from common import build

binary, source = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as out:
    events = build(binary, source, out)
    tables = {}
    for name in ("events.csv", "mentions.csv"):
        raw = (pathlib.Path(out) / name).read_bytes()
        assert raw.endswith(b"\r\n"), name  # RFC 4180 records end in CRLF
        with open(pathlib.Path(out) / name, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f, strict=True))
        widths = {len(r) for r in rows}
        print(f"{name}: {len(rows) - 1} rows + header, {len(rows[0])} columns, row widths {sorted(widths)}")
        assert widths == {len(rows[0])}, (name, widths)
        tables[name] = [dict(zip(rows[0], r)) for r in rows[1:]]

assert [r["id"] for r in tables["events.csv"]] == [e["id"] for e in events["events"]]
for row, event in zip(tables["events.csv"], events["events"]):
    assert int(row["mention_count"]) == len(event["mentions"])
    assert row["actor_ids"] == "; ".join(dict.fromkeys(a["entity"] for a in event["actors"]))
mentions = sum(len(e["mentions"]) for e in events["events"])
assert len(tables["mentions.csv"]) == mentions, (len(tables["mentions.csv"]), mentions)
for row in tables["mentions.csv"]:
    assert 0 <= float(row["confidence"]) <= 1
    assert int(row["span_begin"]) < int(row["span_end"])
print("csv: ok")
