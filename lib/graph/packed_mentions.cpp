// EventGraph's packed mentions: every event's mention records as one byte
// buffer. A record is 480 bytes of struct and about 200 more on the heap
// (its document id, outlet, entity ids and quote each a string of their
// own); packed, a document, its outlet and each entity are an index into
// the corpus, numbers are LEB128 varints and strings their length and
// bytes, which leaves 84 bytes a mention on the 20 MiB generated corpus.
#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "graph/graph.h"

namespace eventgraph {
namespace {

// What a mention has, or shares with its event and document, in one number
// ahead of its fields.
enum Flag : std::uint32_t {
  kDocumentIndex = 1U << 0,   // its doc is corpus.documents[index]
  kDocumentOutlet = 1U << 1,  // its outlet is that document's
  kEventType = 1U << 2,       // its type is the event's
  kEventCameo = 1U << 3,      // its CAMEO code is the event's
  kEarliest = 1U << 4,
  kLatest = 1U << 5,
  kTimeSpan = 1U << 6,
  kPlaceId = 1U << 7,
  kPlaceSpan = 1U << 8,
  kQuote = 1U << 9,
  kQuoteSpan = 1U << 10,
  kFullConfidence = 1U << 11,  // confidence 1.0, the common case
};

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// Ids to indices, the first of a repeated id as find_document and
// find_entity give it on their sorted vectors: a binary search of string
// compares for every mention and actor was a third of packing.
template <typename T>
std::unordered_map<std::string_view, std::size_t> index_by_id(const std::vector<T>& sorted) {
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) index.emplace(sorted[i].id, i);
  return index;
}

template <typename T>
const T* find_in(const std::unordered_map<std::string_view, std::size_t>& index, const std::vector<T>& v,
                 std::string_view id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &v[it->second];
}

// Writes into `out` past its end through a cursor, growing it by doubling,
// where appending a byte at a time checked and moved its size each time;
// finish() cuts it to what was written.
class Packer {
 public:
  Packer(std::string& out, const MergedCorpus& corpus)
      : out_(out),
        corpus_(corpus),
        document_index_(index_by_id(corpus.documents)),
        entity_index_(index_by_id(corpus.entities)),
        used_(out.size()) {}

  void finish() { out_.resize(used_); }
  std::size_t size() const { return used_; }

  void mention(const Event& e, const MentionRecord& r) {
    const EventMention& m = r.mention;
    const Document* doc = find_in(document_index_, corpus_.documents, m.doc);
    std::uint32_t flags = 0;
    if (doc) flags |= kDocumentIndex;
    if (doc && doc->outlet == r.outlet) flags |= kDocumentOutlet;
    if (m.type == e.type) flags |= kEventType;
    if (m.cameo == e.cameo) flags |= kEventCameo;
    if (m.time.earliest) flags |= kEarliest;
    if (m.time.latest) flags |= kLatest;
    if (m.time_span) flags |= kTimeSpan;
    if (m.place_id) flags |= kPlaceId;
    if (m.place_span) flags |= kPlaceSpan;
    if (m.quote) flags |= kQuote;
    if (m.quote_span) flags |= kQuoteSpan;
    if (m.confidence == 1.0) flags |= kFullConfidence;
    number(flags);
    if (doc) {
      number(static_cast<std::uint64_t>(doc - corpus_.documents.data()));
    } else {
      text(m.doc);
    }
    if (!(flags & kDocumentOutlet)) text(r.outlet);
    if (!(flags & kEventType)) text(m.type);
    if (!(flags & kEventCameo)) text(m.cameo);
    number(m.sentence);
    span(m.trigger);
    text(m.trigger_text);
    number(static_cast<std::uint64_t>(m.time.type));
    text(m.time.value);
    if (m.time.earliest) number(zigzag(m.time.earliest->time_since_epoch().count()));
    if (m.time.latest) number(zigzag(m.time.latest->time_since_epoch().count()));
    number(static_cast<std::uint64_t>(m.time.granularity));
    number(static_cast<std::uint64_t>(m.time.mod));
    number(static_cast<std::uint64_t>(m.time.anchor));
    if (m.time_span) span(*m.time_span);
    text(m.time_text);
    number(m.actors.size());
    for (const ActorRole& a : m.actors) {
      entity(a.entity_id);
      number(static_cast<std::uint64_t>(a.role));
      span(a.span);
    }
    if (m.place_id) entity(*m.place_id);
    if (m.place_span) span(*m.place_span);
    if (m.quote) text(*m.quote);
    if (m.quote_span) span(*m.quote_span);
    number(static_cast<std::uint64_t>(m.modality));
    if (!(flags & kFullConfidence)) {
      std::memcpy(room(sizeof(double)), &m.confidence, sizeof(double));
      used_ += sizeof(double);
    }
  }

 private:
  // Room for `bytes` more at the cursor.
  char* room(std::size_t bytes) {
    if (out_.size() - used_ < bytes) grow(bytes);
    return out_.data() + used_;
  }
  [[gnu::noinline]] void grow(std::size_t bytes) { out_.resize(std::max(2 * out_.size(), used_ + bytes + 4096)); }
  void number(std::uint64_t v) {
    char* p = room(10);  // a 64-bit varint's most
    char* start = p;
    while (v >= 0x80) {
      *p++ = static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    used_ += static_cast<std::size_t>(p - start);
  }
  void text(std::string_view s) {
    number(s.size());
    if (s.empty()) return;  // an empty view may hold no pointer
    std::memcpy(room(s.size()), s.data(), s.size());
    used_ += s.size();
  }
  // A span's end may lie before its begin (an empty span): a signed length.
  void span(const Span& s) {
    number(s.begin_byte);
    number(zigzag(static_cast<std::int64_t>(s.end_byte) - static_cast<std::int64_t>(s.begin_byte)));
  }
  // Index + 1 of a corpus entity, or 0 and the id.
  void entity(const std::string& id) {
    if (const Entity* found = find_in(entity_index_, corpus_.entities, id)) {
      number(static_cast<std::uint64_t>(found - corpus_.entities.data()) + 1);
    } else {
      number(0);
      text(id);
    }
  }

  std::string& out_;
  const MergedCorpus& corpus_;
  const std::unordered_map<std::string_view, std::size_t> document_index_;
  const std::unordered_map<std::string_view, std::size_t> entity_index_;
  std::size_t used_;  // bytes of out_ written
};

// Reads what Packer wrote into records that already exist, so that their
// strings keep their capacity from one event to the next.
class Unpacker {
 public:
  Unpacker(const char* at, const MergedCorpus& corpus) : at_(at), corpus_(corpus) {}

  void mention(const Event& e, MentionRecord& r) {
    EventMention& m = r.mention;
    auto flags = static_cast<std::uint32_t>(number());
    const Document* doc = nullptr;
    if (flags & kDocumentIndex) {
      doc = &corpus_.documents[number()];
      m.doc.assign(doc->id);
    } else {
      m.doc.assign(text());
    }
    r.outlet.assign((flags & kDocumentOutlet) ? std::string_view(doc->outlet) : text());
    m.type.assign((flags & kEventType) ? std::string_view(e.type) : text());
    m.cameo.assign((flags & kEventCameo) ? std::string_view(e.cameo) : text());
    m.sentence = number();
    m.trigger = span();
    m.trigger_text.assign(text());
    m.time.type = static_cast<TimexType>(number());
    m.time.value.assign(text());
    m.time.earliest.reset();
    m.time.latest.reset();
    if (flags & kEarliest) m.time.earliest = date::sys_days(date::days(unzigzag(number())));
    if (flags & kLatest) m.time.latest = date::sys_days(date::days(unzigzag(number())));
    m.time.granularity = static_cast<Granularity>(number());
    m.time.mod = static_cast<TimeMod>(number());
    m.time.anchor = static_cast<TimeAnchor>(number());
    m.time_span.reset();
    if (flags & kTimeSpan) m.time_span = span();
    m.time_text.assign(text());
    m.actors.resize(number());
    for (ActorRole& a : m.actors) {
      a.entity_id.assign(entity());
      a.role = static_cast<Role>(number());
      a.span = span();
    }
    optional_text(flags & kPlaceId, m.place_id, [&] { return entity(); });
    m.place_span.reset();
    if (flags & kPlaceSpan) m.place_span = span();
    optional_text(flags & kQuote, m.quote, [&] { return text(); });
    m.quote_span.reset();
    if (flags & kQuoteSpan) m.quote_span = span();
    m.modality = static_cast<Modality>(number());
    m.confidence = 1.0;
    if (!(flags & kFullConfidence)) {
      std::memcpy(&m.confidence, at_, sizeof(double));
      at_ += sizeof(double);
    }
  }

 private:
  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      auto byte = static_cast<unsigned char>(*at_++);
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
  }
  std::string_view text() {
    std::size_t n = number();
    std::string_view s(at_, n);
    at_ += n;
    return s;
  }
  Span span() {
    std::uint64_t begin = number();
    return {begin, static_cast<std::size_t>(static_cast<std::int64_t>(begin) + unzigzag(number()))};
  }
  std::string_view entity() {
    std::uint64_t index = number();
    return index ? std::string_view(corpus_.entities[index - 1].id) : text();
  }
  template <class Read>
  static void optional_text(bool is_present, std::optional<std::string>& field, Read read) {
    if (!is_present) {
      field.reset();
      return;
    }
    if (!field) field.emplace();
    field->assign(read());
  }

  const char* at_;
  const MergedCorpus& corpus_;
};

}  // namespace

void EventGraph::pack_mentions() {
  if (is_packed_) return;
  std::vector<Event>& events = corpus.events;
  packed_at_.assign(events.size() + 1, 0);
  packed_count_.assign(events.size(), 0);
  Packer packer(packed_, corpus);
  for (std::size_t i = 0; i < events.size(); ++i) {
    packed_at_[i] = packer.size();
    packed_count_[i] = static_cast<std::uint32_t>(events[i].mentions.size());
    for (const MentionRecord& r : events[i].mentions) packer.mention(events[i], r);
    // Each event's records go as soon as they are packed, so that the
    // records and the buffer are never both whole.
    std::vector<MentionRecord>().swap(events[i].mentions);
  }
  packer.finish();
  packed_at_[events.size()] = packed_.size();
  packed_.shrink_to_fit();
  is_packed_ = true;
}

void EventGraph::release_mentions() {
  for (Event& e : corpus.events) std::vector<MentionRecord>().swap(e.mentions);
  std::string().swap(packed_);
  packed_at_.assign(corpus.events.size() + 1, 0);
  packed_count_.assign(corpus.events.size(), 0);
  is_packed_ = true;
}

namespace {

std::size_t index_in(const std::vector<Event>& events, const Event& e) {
  std::less<const Event*> before;
  if (events.empty() || before(&e, events.data()) || !before(&e, events.data() + events.size())) {
    throw std::invalid_argument("EventGraph: the event is not one of this graph's corpus.events");
  }
  return static_cast<std::size_t>(&e - events.data());
}

}  // namespace

std::size_t EventGraph::mention_count(const Event& e) const {
  return is_packed_ ? packed_count_[index_in(corpus.events, e)] : e.mentions.size();
}

const std::vector<MentionRecord>& EventGraph::mentions_of(const Event& e, std::vector<MentionRecord>& scratch) const {
  if (!is_packed_) return e.mentions;
  std::size_t i = index_in(corpus.events, e);
  scratch.resize(packed_count_[i]);
  Unpacker unpacker(packed_.data() + packed_at_[i], corpus);
  for (MentionRecord& r : scratch) unpacker.mention(e, r);
  return scratch;
}

}  // namespace eventgraph
