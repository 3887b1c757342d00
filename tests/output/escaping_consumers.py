"""A document whose title, id, outlet and url hold quotes, a backslash,
markup, "]]>", a newline and non-ASCII text goes through `eventgraph build`
and comes back unchanged from each consumer: xml.etree, NetworkX and igraph
(GraphML), rdflib (JSON-LD), dot's SVG (DOT labels) and the csv module.
Usage: escaping_consumers.py BINARY SOURCE_DIR"""
import csv
import json
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import rdflib

from common import build

EVIL = 'Evil "Name" \\ <b> & ]]> line1\nline2 Zo\u00eb \u65e5\u672c'
TEXT = ("WASHINGTON (AP) \u2014 President Barack Obama met Russian President Vladimir Putin "
        "on Monday at the United Nations. \"We are not \\ going to <comply> & obey,\" "
        "Putin said.\n")
DOC_ID = "doc \\ \"1\""

binary, source = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    (tmp / "in").mkdir()
    (tmp / "in/article.txt").write_text(TEXT, encoding="utf-8")
    manifest = {"documents": [{"id": DOC_ID, "file": "article.txt", "outlet": "example.com",
                               "url": "https://example.com/a b?q=<1>&r=\"2\"", "title": EVIL,
                               "published": "2015-09-29"}]}
    (tmp / "in/manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    out = tmp / "out"
    events = build(binary, source, out, str(tmp / "in"))
    assert events["documents"][0]["title"] == EVIL
    print(f"built: {len(events['events'])} events, {len(events['entities'])} entities")

    # GraphML: three XML readers agree with what went in.
    graphml = str(out / "events.graphml")
    root = ET.parse(graphml).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node = next(n for n in root.iterfind(".//g:node", ns) if n.get("id") == DOC_ID)
    names = {d.get("key"): d.text for d in node.iterfind("g:data", ns)}
    assert names["name"] == EVIL, names
    assert names["url"] == manifest["documents"][0]["url"], names
    g = nx.read_graphml(graphml)
    assert g.nodes[DOC_ID]["name"] == EVIL
    ig = igraph.Graph.Read_GraphML(graphml)
    assert ig.vs.find(uid=DOC_ID)["name"] == EVIL
    print("graphml: xml.etree, networkx and igraph read the title back")

    # JSON-LD: the headline literal and a percent-encoded article IRI.
    rdf = rdflib.Graph()
    rdf.parse(str(out / "events.jsonld"), format="json-ld")
    headlines = [str(o) for o in rdf.objects(None, rdflib.URIRef("https://schema.org/headline"))]
    assert headlines == [EVIL], headlines
    article = rdflib.URIRef("https://example.com/a%20b?q=%3C1%3E&r=%222%22")
    assert (article, rdflib.RDF.type, rdflib.URIRef("https://schema.org/NewsArticle")) in rdf
    print(f"jsonld: {len(rdf)} triples; headline and article IRI as expected")

    # DOT: dot renders the title's lines as written, backslash included.
    run = subprocess.run(["dot", "-Tsvg", str(out / "events.dot")], capture_output=True)
    assert run.returncode == 0 and run.stderr == b"", run.stderr
    svg = ET.fromstring(run.stdout)
    sv = {"svg": "http://www.w3.org/2000/svg"}
    # The document is the node whose last line is its outlet (its DOT name
    # is not its id: an id with a backslash is not a safe DOT name).
    drawn = [[t.text for t in group.iterfind(".//svg:text", sv)]
             for group in svg.iterfind(".//svg:g[@class='node']", sv)]
    drawn = [lines for lines in drawn if lines and lines[-1] == "example.com"]
    assert drawn == [EVIL.split("\n") + ["example.com"]], drawn
    print("dot: the SVG shows", drawn)

    # CSV: the quote and document id come back through the csv module.
    with open(out / "mentions.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, strict=True))
    assert rows and all(r["doc"] == DOC_ID for r in rows), rows
    quotes = [r["quote"] for r in rows if r["quote"]]
    print("csv: quotes", quotes)
    assert all(q in TEXT for q in quotes), quotes  # the article's own bytes
print("escaping: ok")
