// Formatting and parsing for the core data model.
#include "core/types.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace eventgraph {
namespace {

// Reads exactly `digits` decimal digits at `pos`, advancing it.
std::optional<int> read_fixed(std::string_view s, std::size_t& pos, std::size_t digits) {
  if (pos + digits > s.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

bool consume(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// Callers pass 0..99.
std::string two_digits(long v) {
  return {static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)};
}

// Whether the eight bytes at `p` are all ASCII.
bool is_ascii8(const char* p) {
  std::uint64_t word = 0;
  std::memcpy(&word, p, 8);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

std::size_t text_bytes(const Document& doc) {
  return doc.released ? doc.released->bytes : doc.text.size();
}

bool release_text(Document& doc) {
  if (doc.released || doc.text.size() > UINT32_MAX) return false;
  Document::ReleasedText released;
  released.bytes = doc.text.size();
  auto& runs = released.continuation_runs;
  const std::size_t budget = doc.text.size() / sizeof(runs[0]);  // keep only a smaller outline
  const std::size_t size = doc.text.size();
  for (std::size_t i = 0; i < size; ++i) {
    // Eight ASCII bytes at a time: news is mostly ASCII, and a test per
    // byte was two thirds of letting a document go.
    if (i + 8 <= size && is_ascii8(doc.text.data() + i)) {
      i += 7;
      continue;
    }
    if ((static_cast<unsigned char>(doc.text[i]) & 0xC0) != 0x80) continue;
    auto at = static_cast<std::uint32_t>(i);
    if (!runs.empty() && runs.back().second == at) {
      ++runs.back().second;
    } else {
      if (runs.size() >= budget) return false;
      runs.emplace_back(at, at + 1);
    }
  }
  runs.shrink_to_fit();
  doc.released = std::move(released);
  std::string().swap(doc.text);
  return true;
}

std::string format_day(date::sys_days day) {
  date::year_month_day ymd{day};
  // Without snprintf for years 0 to 9999: every event and mention formats
  // two days in the merge and in each writer.
  if (int year = static_cast<int>(ymd.year()); year >= 0 && year <= 9999) {
    auto month = static_cast<unsigned>(ymd.month());
    auto d = static_cast<unsigned>(ymd.day());
    return {static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
            static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-',
            static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10), '-',
            static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  }
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf.data();
}

std::string PublicationTime::to_iso() const {
  std::string out = format_day(local_day);
  if (!time_of_day) return out;
  long minutes = time_of_day->count();
  out += 'T';
  out += two_digits(minutes / 60);
  out += ':';
  out += two_digits(minutes % 60);
  out += ":00";
  if (utc_offset) {
    long off = utc_offset->count();
    out += off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    out += two_digits(off / 60);
    out += ':';
    out += two_digits(off % 60);
  }
  return out;
}

std::optional<PublicationTime> parse_publication_time(std::string_view s) {
  std::size_t pos = 0;
  auto y = read_fixed(s, pos, 4);
  if (!y || !consume(s, pos, '-')) return std::nullopt;
  auto m = read_fixed(s, pos, 2);
  if (!m || !consume(s, pos, '-')) return std::nullopt;
  auto d = read_fixed(s, pos, 2);
  if (!d) return std::nullopt;
  date::year_month_day ymd{date::year{*y}, date::month(static_cast<unsigned>(*m)),
                           date::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  PublicationTime result;
  result.local_day = date::sys_days{ymd};
  if (pos == s.size()) return result;

  if (!consume(s, pos, 'T') && !consume(s, pos, ' ')) return std::nullopt;
  auto hh = read_fixed(s, pos, 2);
  if (!hh || !consume(s, pos, ':')) return std::nullopt;
  auto mm = read_fixed(s, pos, 2);
  if (!mm || *hh > 23 || *mm > 59) return std::nullopt;
  if (consume(s, pos, ':')) {
    auto ss = read_fixed(s, pos, 2);
    if (!ss || *ss > 60) return std::nullopt;
    if (consume(s, pos, '.')) {
      std::size_t digits_begin = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == digits_begin) return std::nullopt;
    }
  }
  result.time_of_day = std::chrono::minutes{*hh * 60 + *mm};
  if (pos == s.size()) return result;
  if (consume(s, pos, 'Z')) {
    result.utc_offset = std::chrono::minutes{0};
  } else {
    int sign = 0;
    if (consume(s, pos, '+')) sign = 1;
    else if (consume(s, pos, '-')) sign = -1;
    else return std::nullopt;
    auto oh = read_fixed(s, pos, 2);
    if (!oh) return std::nullopt;
    consume(s, pos, ':');
    auto om = read_fixed(s, pos, 2);
    if (!om || *oh > 14 || *om > 59) return std::nullopt;
    result.utc_offset = std::chrono::minutes{sign * (*oh * 60 + *om)};
  }
  if (pos != s.size()) return std::nullopt;
  return result;
}

std::string_view to_string(Granularity g) {
  switch (g) {
    case Granularity::unknown: return "unknown";
    case Granularity::day: return "day";
    case Granularity::week: return "week";
    case Granularity::month: return "month";
    case Granularity::season: return "season";
    case Granularity::quarter: return "quarter";
    case Granularity::half: return "half";
    case Granularity::year: return "year";
    case Granularity::decade: return "decade";
    case Granularity::century: return "century";
  }
  return "unknown";
}

std::string_view to_string(TimeMod m) {
  switch (m) {
    case TimeMod::none: return "";
    case TimeMod::start: return "START";
    case TimeMod::mid: return "MID";
    case TimeMod::end: return "END";
    case TimeMod::approx: return "APPROX";
    case TimeMod::before: return "BEFORE";
    case TimeMod::after: return "AFTER";
    case TimeMod::on_or_before: return "ON_OR_BEFORE";
    case TimeMod::on_or_after: return "ON_OR_AFTER";
    case TimeMod::less_than: return "LESS_THAN";
    case TimeMod::more_than: return "MORE_THAN";
    case TimeMod::equal_or_less: return "EQUAL_OR_LESS";
    case TimeMod::equal_or_more: return "EQUAL_OR_MORE";
  }
  return "";
}

std::string_view to_string(TimeAnchor a) {
  switch (a) {
    case TimeAnchor::explicit_date: return "explicit";
    case TimeAnchor::publication_relative: return "publication-relative";
    case TimeAnchor::context_relative: return "context-relative";
    case TimeAnchor::inherited: return "inherited";
    case TimeAnchor::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view to_string(TimexType t) {
  switch (t) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

std::string_view to_string(EntityKind k) {
  switch (k) {
    case EntityKind::person: return "person";
    case EntityKind::organization: return "organization";
    case EntityKind::country: return "country";
    case EntityKind::group: return "group";
    case EntityKind::place: return "place";
  }
  return "person";
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::agent: return "agent";
    case Role::patient: return "patient";
    case Role::recipient: return "recipient";
    case Role::participant: return "participant";
  }
  return "participant";
}

std::string_view to_string(Modality m) {
  switch (m) {
    case Modality::asserted: return "asserted";
    case Modality::planned: return "planned";
    case Modality::future: return "future";
    case Modality::negated: return "negated";
    case Modality::hypothetical: return "hypothetical";
    case Modality::reported: return "reported";
  }
  return "asserted";
}

std::string Diagnostic::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += severity == Severity::error ? ": error: " : ": warning: ";
  out += message;
  if (!code.empty()) out += " [" + code + ']';
  return out;
}

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& sorted, std::string_view id) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), id,
                             [](const T& x, std::string_view key) { return x.id < key; });
  return it != sorted.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

const Entity* find_entity(const std::vector<Entity>& sorted_by_id, std::string_view id) {
  return find_by_id(sorted_by_id, id);
}

const Document* find_document(const std::vector<Document>& sorted_by_id, std::string_view id) {
  return find_by_id(sorted_by_id, id);
}

LineColumn line_column_at(std::string_view text, std::size_t byte_offset) {
  LineColumn lc;
  std::size_t end = byte_offset < text.size() ? byte_offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else {
      ++lc.column;
    }
  }
  return lc;
}

std::string excerpt_at(std::string_view text, std::size_t byte_offset, std::size_t max_bytes) {
  if (byte_offset >= text.size()) return "";
  std::size_t end = byte_offset + max_bytes < text.size() ? byte_offset + max_bytes : text.size();
  // Do not cut a multi-byte sequence: back off over its continuation bytes
  // (three at most: a run of stray ones is shown, not dropped).
  for (int backed = 0; backed < 3 && end > byte_offset && end < text.size() &&
                       (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80;
       ++backed) {
    --end;
  }
  // A multi-byte sequence is copied when it is valid UTF-8 (RFC 3629: no
  // overlong form, no surrogate, nothing past U+10FFFF) and whole before
  // `end`; any other byte of 0x80 and up is shown as \xNN, so that a
  // message never passes invalid UTF-8 on.
  auto sequence_length = [&](std::size_t i) -> std::size_t {
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = at(i);
    std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > end) return 0;
    unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (at(i + 1) < low || at(i + 1) > high) return 0;
    for (std::size_t k = 2; k < n; ++k) {
      if ((at(i + k) & 0xC0) != 0x80) return 0;
    }
    return n;
  };
  std::string out;
  for (std::size_t i = byte_offset; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t n = c >= 0x80 ? sequence_length(i) : 1;
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F || n == 0) {
      std::array<char, 8> buf{};
      std::snprintf(buf.data(), buf.size(), "\\x%02X", c);
      out += buf.data();
    } else {
      out.append(text.substr(i, n));
      i += n - 1;
    }
  }
  return out;
}

}  // namespace eventgraph
