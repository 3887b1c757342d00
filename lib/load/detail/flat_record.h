// Internal to load; use load.h.
//
// The common JSONL record, read without RapidJSON: one object whose values
// are all strings or null. RapidJSON read a byte per step (a twentieth of
// a one-job build); this reads sixteen, and anything it does not take whole
// goes to RapidJSON, which then gives the values or the exact error.
#pragma once

#include <string>
#include <string_view>

namespace eventgraph::detail {

// The record fields the loader reads; empty when absent or null.
struct FlatRecord {
  std::string id;
  std::string outlet;
  std::string url;
  std::string title;
  std::string text;
  std::string published;
};

// Reads `line` into `record` (which it clears) when the line is
// whitespace, an object whose member values are all strings or null, and
// anything after it (RapidJSON's kParseStopWhenDoneFlag ignores what
// follows the object). Strings must have no control byte and no \u escape
// of a surrogate. Where a name repeats, the first member counts, as
// RapidJSON's FindMember has it. Then each field equals what RapidJSON
// gives the line; otherwise returns false, and the caller asks RapidJSON.
bool read_flat_record(std::string_view line, FlatRecord& record);

}  // namespace eventgraph::detail
