// The data model shared by every stage: documents, spans, time values and
// diagnostics. This header is the contract between modules (DESIGN.md).
//
// A stage takes these types and gives them back enriched; none of them holds
// a pointer into another stage's state, so results can be moved, sorted and
// written without lifetime puzzles.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventgraph {

// Half-open byte range [begin_byte, end_byte) into a document's normalized
// text (or, for `timex`, into the text given on input).
struct Span {
  std::size_t begin_byte = 0;
  std::size_t end_byte = 0;

  std::size_t size() const { return end_byte - begin_byte; }
  bool empty() const { return end_byte <= begin_byte; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

// A moment of publication as the source states it: the day (local to the
// outlet), and optionally the clock time and UTC offset. Relative dates
// ("on Tuesday") resolve against `local_day`.
struct PublicationTime {
  date::sys_days local_day{};
  std::optional<std::chrono::minutes> time_of_day;  // local clock time
  std::optional<std::chrono::minutes> utc_offset;   // e.g. -04:00 for EDT

  // ISO 8601: "2015-09-30", "2015-09-30T08:23:00", "2015-09-30T08:23:00-04:00".
  std::string to_iso() const;
  friend bool operator==(const PublicationTime&, const PublicationTime&) = default;
};

// Parses ISO 8601 as written in manifests and JSONL: a date, optionally
// followed by "T" or " ", "hh:mm[:ss[.fff]]", and "Z" or "+hh:mm"/"-hhmm".
// Returns nullopt for anything else; never guesses.
std::optional<PublicationTime> parse_publication_time(std::string_view iso);

// One article, as loaded. `text` is the raw text until the text stage
// normalizes it; all later spans index the normalized text.
struct Document {
  std::string id;      // from the manifest, else derived from the file name
  std::string outlet;  // host-like name: "rt.com"
  std::string url;
  std::string title;
  std::optional<PublicationTime> published;
  bool is_published_inferred = false;  // found in a byline/dateline, not given
  std::string source;  // where it came from: "dir/file.txt", "feed.jsonl:12"
  std::string text;
  // Set when `text` was let go after extraction (release_text): what the
  // writers still need of it, its size and the runs of UTF-8 continuation
  // bytes, [begin, end), by which byte offsets turn into character offsets.
  struct ReleasedText {
    std::size_t bytes = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> continuation_runs;
  };
  std::optional<ReleasedText> released;
};

// Size in bytes of the document's normalized text, released or not.
std::size_t text_bytes(const Document& doc);

// Lets go of the text of a document whose extraction is done, so that a
// large corpus is not held twice (as text and as mentions) until the
// output. Keeps the text when its outline would not be smaller (text that
// is mostly multi-byte characters), and says whether it let go.
bool release_text(Document& doc);

enum class Granularity { unknown, day, week, month, season, quarter, half, year, decade, century };
enum class TimeMod { none, start, mid, end, approx, before, after, on_or_before, on_or_after, less_than, more_than, equal_or_less, equal_or_more };
enum class TimeAnchor { explicit_date, publication_relative, context_relative, inherited, unknown };
enum class TimexType { date, time, duration, set };

// A resolved time expression, TIMEX3-style (Pustejovsky et al. 2005).
// `value` is the TIMEX3 value ("2015-09-29", "2015-W40", "199", "P4Y",
// "PRESENT_REF", "XXXX-XX-XX" when unresolved). [earliest, latest] is the
// closed range of days it covers, when it names a stretch of calendar;
// durations and unresolved values have none.
struct TimeValue {
  TimexType type = TimexType::date;
  std::string value = "XXXX-XX-XX";
  std::optional<date::sys_days> earliest;
  std::optional<date::sys_days> latest;
  Granularity granularity = Granularity::unknown;
  TimeMod mod = TimeMod::none;
  TimeAnchor anchor = TimeAnchor::unknown;

  bool is_resolved() const { return earliest.has_value() && latest.has_value(); }
  bool is_single_day() const { return is_resolved() && *earliest == *latest; }
  friend bool operator==(const TimeValue&, const TimeValue&) = default;
};

std::string_view to_string(Granularity);
std::string_view to_string(TimeMod);  // TIMEX3 spelling: "START", ""; none -> ""
std::string_view to_string(TimeAnchor);
std::string_view to_string(TimexType);  // "DATE", "TIME", "DURATION", "SET"

// "YYYY-MM-DD".
std::string format_day(date::sys_days day);

enum class EntityKind { person, organization, country, group, place };

// A real-world actor or place, resolved across names: "Ash Carter",
// "Ashton Carter" and "Secretary Carter" are one person.
struct Entity {
  std::string id;    // stable, from the canonical name: "person:ash-carter", "country:RUS"
  EntityKind kind = EntityKind::person;
  std::string name;  // canonical: "Ash Carter"
  std::vector<std::string> aliases;  // names seen or known, sorted, without `name`
  std::string qid;   // Wikidata id when known: "Q295981"
};

// Where an entity is named in a document.
struct EntityMention {
  std::string entity_id;
  Span span;  // the name as written ("Secretary Carter", "Moscow")
};

// A person's tie to an organization, country or person, as the text states
// it ("Pentagon spokesman Peter Cook", "Sergei Ivanov, a top Putin aide").
struct Affiliation {
  std::string person_id;
  std::string of;     // entity id
  std::string title;  // as written: "spokesman", "aide"
  Span evidence;
};

enum class Role { agent, patient, recipient, participant };
enum class Modality { asserted, planned, future, negated, hypothetical, reported };

struct ActorRole {
  std::string entity_id;
  Role role = Role::participant;
  Span span;  // the mention that filled the role
  friend bool operator==(const ActorRole&, const ActorRole&) = default;
};

// One report of an event in one document, with its evidence.
struct EventMention {
  std::string type;   // "meeting", "statement", ...
  std::string cameo;  // CAMEO code of the type: "040"
  std::string doc;    // Document::id
  std::size_t sentence = 0;
  Span trigger;       // "met", "launched airstrikes"
  std::string trigger_text;
  TimeValue time;
  std::optional<Span> time_span;  // the expression that dated it; none when
                                  // the publication date stands in
  std::string time_text;          // the words of time_span, kept because the
                                  // text is released after extraction
  std::vector<ActorRole> actors;
  std::optional<std::string> place_id;
  std::optional<Span> place_span;
  std::optional<std::string> quote;  // a statement's words
  std::optional<Span> quote_span;
  Modality modality = Modality::asserted;
  double confidence = 1.0;  // in [0, 1]
  friend bool operator==(const EventMention&, const EventMention&) = default;
};

// One report of an event, as kept by the merged event: which document and
// outlet, and the mention itself.
struct MentionRecord {
  std::string outlet;
  EventMention mention;
  friend bool operator==(const MentionRecord&, const MentionRecord&) = default;
};

// A disagreement between sources on one field of an event: each value with
// the documents that gave it.
struct Conflict {
  std::string field;  // "date", "place", "actors"
  struct Value {
    std::string value;
    std::vector<std::string> docs;
  };
  std::vector<Value> values;
};

// An event as the merged graph holds it: every mention that reports it, from
// every outlet, is kept as provenance.
struct Event {
  std::string id;     // "ev-" + hash of type, day range and canonical actors
  std::string type;
  std::string cameo;
  std::string label;  // "Meeting: Barack Obama and Vladimir Putin"
  TimeValue time;
  std::vector<ActorRole> actors;  // spans from the first mention naming them
  std::optional<std::string> place_id;
  Modality modality = Modality::asserted;  // asserted if any source asserts it
  std::vector<MentionRecord> mentions;     // sorted by (doc, trigger)
  std::vector<std::string> outlets;        // sorted, distinct
  std::vector<Conflict> conflicts;
};

std::string_view to_string(EntityKind);
std::string_view to_string(Role);
std::string_view to_string(Modality);

enum class Severity { warning, error };

// A problem with the input, located as precisely as the input allows.
// Printed as `file:line:column: severity: message [code]`.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;     // path, "-" for stdin, or "<doc-id>" for a document
  std::size_t line = 0;    // 1-based; 0 when unknown
  std::size_t column = 0;  // 1-based; 0 when unknown
  std::string code;     // stable kebab-case identifier: "invalid-utf8"
  std::string message;  // what was wrong, with the offending text quoted

  std::string to_string() const;
};

// The entity or document with `id` in a vector sorted by id, or nullptr.
// Every stage keeps these vectors sorted, so lookups are binary searches.
const Entity* find_entity(const std::vector<Entity>& sorted_by_id, std::string_view id);
const Document* find_document(const std::vector<Document>& sorted_by_id, std::string_view id);

// 1-based line and column of `byte_offset` in `text` (columns count bytes).
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t byte_offset);

// At most `max_bytes` of `text` starting at `byte_offset`, cut on a UTF-8
// boundary, newlines shown as "\n": for quoting input in messages.
std::string excerpt_at(std::string_view text, std::size_t byte_offset, std::size_t max_bytes = 24);

}  // namespace eventgraph
