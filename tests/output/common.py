"""Shared by the consumer tests: builds the samples with the eventgraph
binary and derives the expected graph size from events.json."""
import json
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"


def build(binary, source, out, *extra):
    """Runs `eventgraph build SOURCE/samples -o OUT` (or extra inputs) and
    returns events.json, parsed."""
    inputs = list(extra) or [str(pathlib.Path(source) / "samples")]
    subprocess.run([binary, "build", *inputs, "-o", str(out), "-q"], check=True)
    return json.loads((pathlib.Path(out) / "events.json").read_text(encoding="utf-8"))


def expected_counts(events_json):
    """(nodes, edges) of the event graph that events.json describes: every
    event, entity and document is a node; an edge per actor role, per place,
    per mention (to its document), and one `before` between consecutive
    dated events."""
    ids = {e["id"] for e in events_json["entities"]}
    docs = {d["id"] for d in events_json["documents"]}
    nodes = len(events_json["events"]) + len(ids) + len(docs)
    edges = 0
    dated = 0
    for e in events_json["events"]:
        edges += sum(1 for a in e["actors"] if a["entity"] in ids)
        edges += 1 if e["place"] and e["place"]["entity"] in ids else 0
        edges += sum(1 for m in e["mentions"] if m["doc"] in docs)
        dated += 1 if e["date_range"] else 0
    edges += max(dated - 1, 0)
    return nodes, edges


def svg_boxes(svg_path):
    """{node id: (texts, (min x, max x))} of every node of a Graphviz SVG."""
    root = ET.parse(svg_path).getroot()
    out = {}
    for g in root.iter(SVG_NS + "g"):
        if g.get("class") != "node":
            continue
        texts = [t.text or "" for t in g.iter(SVG_NS + "text")]
        xs = []
        for el in g.iter():
            if el.tag == SVG_NS + "text":
                xs.append(float(el.get("x")))
            for attr in ("points", "d"):
                if el.get(attr):
                    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get(attr))]
                    xs.extend(numbers[0::2])
        out[g.get("id")] = (texts, (min(xs), max(xs)))
    return out
