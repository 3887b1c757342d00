// TimelineJS export of the event graph (timeline.json): the JSON format of
// Knight Lab's TimelineJS3 (https://timeline.knightlab.com/docs/json-format.html),
// which newsrooms embed as an interactive timeline.
//
// Takes: an EventGraph. Gives: {"title": slide, "events": [slide, ...]}, one
// slide per dated event in timeline order:
//   start_date   {"year", "month", "day"} as numbers, with only the precision
//                the event's date has: a month-dated event has no "day", a
//                year-dated one only "year"; a date that spans a week, season,
//                quarter, half, decade or century also gets an end_date;
//   text         "headline": the event's label; "text": HTML listing the
//                outlets that reported it, its modality when not asserted,
//                the dates sources disagree on, and the quotations;
//   group        the event type (TimelineJS gives each group its own row);
//   unique_id    the event id.
// Every text from the articles is HTML-escaped (& < > " '), since TimelineJS
// inserts headline and text as HTML. Undated events have no place on a
// timeline and are left out; the title slide says how many.
//
//   write_file_atomically(out_dir / "timeline.json", format_timelinejs(graph));
#pragma once

#include <string>

#include "graph/graph.h"
#include "output/output.h"

namespace eventgraph {

std::string format_timelinejs(const EventGraph& graph);
// The same bytes, streamed into `out`.
void write_timelinejs(const EventGraph& graph, TextSink& out);

}  // namespace eventgraph
