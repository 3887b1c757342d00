// CSV export of the event graph: events.csv (one row per event) and
// mentions.csv (one row per mention), for spreadsheets, pandas and R.
//
// Takes: an EventGraph. Gives: RFC 4180 text: a header row, CRLF line
// ends, fields quoted when they hold a comma, quote, CR or LF, quotes
// doubled. UTF-8 without a byte-order mark.
//
//   write_file_atomically(out_dir / "events.csv", format_events_csv(graph));
//   write_file_atomically(out_dir / "mentions.csv", format_mentions_csv(graph));
//
// Formula-injection guard (OWASP "CSV Injection"): article text is
// untrusted, and a spreadsheet runs a cell that starts with = + - @ (or
// tab or CR) as a formula. Such a cell is written with a single quote in
// front, which spreadsheets take as "text" and do not show. A cell that
// itself starts with a single quote gets one too, so the rule is
// reversible: a program reading the file drops one leading ' from a text
// cell that has one. Numeric columns (counts, offsets, confidence) are
// never guarded. NUL bytes are dropped (most CSV readers reject them), and
// invalid UTF-8 becomes U+FFFD.
#pragma once

#include <string>

#include "graph/graph.h"
#include "output/output.h"

namespace eventgraph {

// Columns: id, type, cameo, label, date, date_begin, date_end, granularity,
// modality, actors (names, "; "), actor_ids ("; "), place, place_id,
// outlets ("; "), mention_count, conflicts (how many fields disagree).
// Rows in event order; undated events have empty dates.
std::string format_events_csv(const EventGraph& graph);
// The same bytes, streamed into `out`.
void write_events_csv(const EventGraph& graph, TextSink& out);

// Columns: event_id, doc, outlet, sentence, span_begin, span_end (bytes of
// the normalized text), trigger, date, date_anchor, modality, confidence
// (two decimals), quote. Rows in event order, then mention order.
std::string format_mentions_csv(const EventGraph& graph);
// The same bytes, streamed into `out`.
void write_mentions_csv(const EventGraph& graph, TextSink& out);

}  // namespace eventgraph
