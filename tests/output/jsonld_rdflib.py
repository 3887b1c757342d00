"""events.jsonld of the samples expands to RDF with rdflib, and SPARQL finds
the Obama-Putin meeting of 2015-09-28 with its mentions in the cnsnews.com
and rt.com articles. Usage: jsonld_rdflib.py BINARY SOURCE_DIR"""
import json
import pathlib
import sys
import tempfile

import rdflib

from common import build

binary, source = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as out:
    events = build(binary, source, out)
    text = (pathlib.Path(out) / "events.jsonld").read_text(encoding="utf-8")

document = json.loads(text)
context = json.loads((pathlib.Path(source) / "schemas/eventgraph.context.jsonld").read_text())
assert document["@context"] == context["@context"], "the embedded @context differs from schemas/"

g = rdflib.Graph()
g.parse(data=text, format="json-ld")
print(f"rdflib: {len(g)} triples")
assert len(g) > 0

SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
mentions = sum(len(e["mentions"]) for e in events["events"])
typed_events = set(g.subjects(rdflib.RDF.type, SEM.Event))
print(f"rdflib: {len(typed_events)} sem:Event, expected {len(events['events'])}")
assert len(typed_events) == len(events["events"])
denoted = len(set(g.objects(None, rdflib.URIRef("http://groundedannotationframework.org/gaf#denotedBy"))))
print(f"rdflib: {denoted} distinct gaf:denotedBy mentions ({mentions} mention records)")
assert 0 < denoted <= mentions

QUERY = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?event ?mention ?outlet WHERE {
  ?event a sem:Event, schema:Event ;
         sem:eventType ?type ;
         sem:hasBeginTimeStamp "2015-09-28"^^xsd:date ;
         sem:hasActor ?obama, ?putin ;
         gaf:denotedBy ?mention .
  ?type rdfs:label "meeting" .
  ?obama schema:name "Barack Obama" ; owl:sameAs <http://www.wikidata.org/entity/Q76> .
  ?putin schema:name "Vladimir Putin" .
  ?mention schema:isPartOf ?article .
  ?article a schema:NewsArticle ; prov:wasAttributedTo ?agent .
  ?agent schema:name ?outlet .
}
"""
rows = list(g.query(QUERY))
for row in rows:
    print("sparql:", *(str(x) for x in row))
assert len({row.event for row in rows}) == 1, rows
outlets = {str(row.outlet) for row in rows}
assert {"cnsnews.com", "rt.com"} <= outlets, outlets
for row in rows:
    assert "#char=" in str(row.mention), row.mention
print("jsonld: ok")
