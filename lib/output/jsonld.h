// JSON-LD export of the event graph (events.jsonld): Linked Data that a
// standard processor (rdflib, pyld, Jena) expands to RDF offline.
//
// Takes: an EventGraph. Gives: one JSON-LD document, {"@context", "@graph"}.
//
//   write_file_atomically(out_dir / "events.jsonld", format_jsonld(graph));
//
// Vocabulary (the @context is schemas/eventgraph.context.jsonld, compiled
// in and embedded whole so that no fetch is needed to expand):
//   events     sem:Event + schema:Event (Simple Event Model,
//              http://semanticweb.cs.vu.nl/2009/11/sem/), sem:eventType a
//              sem:EventType, sem:hasBeginTimeStamp / sem:hasEndTimeStamp
//              xsd:date, sem:hasActor, sem:hasPlace, roles as eg:agent,
//              eg:patient, eg:recipient;
//   mentions   gaf:denotedBy (http://groundedannotationframework.org/gaf#)
//              <article IRI>#char=begin,end (RFC 5147: offsets in Unicode
//              code points of the normalized text), a nif:RFC5147String
//              that is schema:isPartOf its article;
//   entities   sem:Actor + schema:Person / schema:Organization /
//              schema:Country, places sem:Place, owl:sameAs Wikidata;
//   articles   schema:NewsArticle, prov:wasAttributedTo its outlet.
// IRIs: an article is its url when that is an absolute http(s) IRI, else
// urn:eventgraph:document:<id>; an outlet is https://<outlet>/ when the
// outlet is a host name; events, entities and event types are
// urn:eventgraph:{event,entity,event-type}:<id>, percent-encoded.
#pragma once

#include <string>
#include <string_view>

#include "graph/graph.h"
#include "output/output.h"

namespace eventgraph {

// The graph as JSON-LD, nodes in graph order, pretty-printed; the same
// graph gives the same bytes. Never fails.
std::string format_jsonld(const EventGraph& graph);
// The same bytes, streamed into `out`.
void write_jsonld(const EventGraph& graph, TextSink& out);

// The context document every output embeds, byte for byte as
// schemas/eventgraph.context.jsonld was at build time: {"@context": {...}}.
std::string_view jsonld_context_document();

}  // namespace eventgraph
