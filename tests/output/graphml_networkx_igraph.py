"""events.graphml of the samples loads in NetworkX and igraph with the node
and edge counts of events.json and its attributes typed as declared.
Usage: graphml_networkx_igraph.py BINARY SOURCE_DIR"""
import math
import pathlib
import sys
import tempfile

import igraph
import networkx as nx

from common import build, expected_counts

binary, source = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as out:
    events = build(binary, source, out)
    path = str(pathlib.Path(out) / "events.graphml")
    nodes, edges = expected_counts(events)

    g = nx.read_graphml(path)
    print(f"networkx: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges "
          f"({type(g).__name__}); expected {nodes}, {edges}")
    assert g.is_directed()
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, edges)
    for node, data in g.nodes(data=True):
        assert data["uid"] == node, node
        assert data["labelV"] in ("Event", "Actor", "Place", "Document"), data
        assert data["labels"].startswith(":" + data["labelV"]), data
        if data["labelV"] == "Event":
            assert type(data["mention_count"]) is int, data
        if data["labelV"] == "Document":
            assert type(data["published_inferred"]) is bool, data
    for _, _, data in g.edges(data=True):
        assert data["label"] in ("PARTICIPANT", "LOCATED_IN", "REPORTED_BY", "BEFORE"), data
        assert data["labelE"] == data["label"]
        if "span_begin" in data:
            assert type(data["span_begin"]) is int and type(data["span_end"]) is int, data
    by_id = {e["id"]: e for e in events["events"]}
    for node, data in g.nodes(data=True):
        if data["labelV"] == "Event":
            assert data["mention_count"] == len(by_id[node]["mentions"]), node
    meeting = [d for _, d in g.nodes(data=True) if d.get("type") == "meeting"]
    print("networkx: meeting:", meeting[0]["name"], meeting[0]["date"], meeting[0]["outlets"])

    ig = igraph.Graph.Read_GraphML(path)
    print(f"igraph: {ig.vcount()} vertices, {ig.ecount()} edges; expected {nodes}, {edges}")
    assert ig.is_directed()
    assert (ig.vcount(), ig.ecount()) == (nodes, edges)
    # igraph keeps numbers as floats: an int key must hold whole numbers.
    counts = [v["mention_count"] for v in ig.vs if v["labelV"] == "Event"]
    assert counts and all(isinstance(c, float) and c == int(c) for c in counts), counts
    assert all(math.isnan(v["mention_count"]) for v in ig.vs if v["labelV"] != "Event")
    assert sorted(ig.vs["uid"]) == sorted(g.nodes)
    assert all(isinstance(s, str) for s in ig.vs["name"])
print("graphml: ok")
