#include "load/detail/flat_record.h"

#include <cstring>
#include <iterator>

#include "core/detail/byte_scan.h"

namespace eventgraph::detail {
namespace {

bool is_run_end(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void skip_space(const char*& p, const char* end) {
  while (p != end && is_space(*p)) ++p;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, unsigned code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Reads the string whose opening quote is just before `p`, decoded into
// `out` when it is not null, and leaves `p` past its closing quote.
// Returns false for what RapidJSON would reject or read otherwise than
// plain decoding: a control byte, an unknown or short escape, a surrogate
// escape, or no closing quote.
bool read_string(const char*& p, const char* end, std::string* out) {
  for (;;) {
    const char* run = p;
    while (end - p >= 16) {  // sixteen bytes a step, never past `end`
      const Bytes16 v = load_bytes16(p);
      const std::size_t k = first_marked((v < 0x20) | (v == '"') | (v == '\\'));
      p += k;
      if (k < 16) break;
    }
    while (p != end && !is_run_end(static_cast<unsigned char>(*p))) ++p;
    if (out) out->append(run, p);
    if (p == end || static_cast<unsigned char>(*p) < 0x20) return false;
    if (*p++ == '"') return true;
    if (p == end) return false;
    const char escape = *p++;
    char plain = 0;
    switch (escape) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': {
        if (end - p < 4) return false;
        unsigned code_point = 0;
        for (int k = 0; k < 4; ++k) {
          const int digit = hex_value(p[k]);
          if (digit < 0) return false;
          code_point = code_point * 16 + static_cast<unsigned>(digit);
        }
        p += 4;
        if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;  // pairs: RapidJSON's to judge
        if (out) append_utf8(*out, code_point);
        continue;
      }
      default: return false;
    }
    if (out) out->push_back(plain);
  }
}

// The field of `record` that a member called `name` fills, with its bit
// in the set of names seen; nullptr for a name the loader does not read.
std::string* field_of(FlatRecord& record, std::string_view name, unsigned& bit) {
  struct Field {
    std::string_view name;
    std::string FlatRecord::*member;
  };
  static constexpr Field kFields[] = {{"id", &FlatRecord::id},       {"outlet", &FlatRecord::outlet},
                                      {"url", &FlatRecord::url},     {"title", &FlatRecord::title},
                                      {"text", &FlatRecord::text},   {"published", &FlatRecord::published}};
  for (unsigned k = 0; k < std::size(kFields); ++k) {
    if (kFields[k].name == name) {
      bit = 1U << k;
      return &(record.*kFields[k].member);
    }
  }
  return nullptr;
}

}  // namespace

bool read_flat_record(std::string_view line, FlatRecord& record) {
  record = FlatRecord{};
  const char* p = line.data();
  const char* const end = p + line.size();
  skip_space(p, end);
  if (p == end || *p++ != '{') return false;
  skip_space(p, end);
  if (p != end && *p == '}') return true;
  unsigned seen = 0;
  std::string name;
  for (;;) {
    if (p == end || *p++ != '"') return false;
    name.clear();
    if (!read_string(p, end, &name)) return false;
    skip_space(p, end);
    if (p == end || *p++ != ':') return false;
    skip_space(p, end);
    if (p == end) return false;
    unsigned bit = 0;
    std::string* field = field_of(record, name, bit);
    if (field && (seen & bit) != 0) field = nullptr;  // a repeat: the first counts
    seen |= bit;
    if (*p == '"') {
      ++p;
      // The text is nearly all of a line: room for the rest of the line at
      // once, not a doubling at a time. (The normalized text replaces it.)
      if (field == &record.text) field->reserve(static_cast<std::size_t>(end - p));
      if (!read_string(p, end, field)) return false;
    } else if (end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
      p += 4;
    } else {
      return false;
    }
    skip_space(p, end);
    if (p == end) return false;
    const char next = *p++;
    if (next == '}') return true;
    if (next != ',') return false;
    skip_space(p, end);
  }
}

}  // namespace eventgraph::detail
