// Shared by the fuzz harnesses (tests/fuzz/fuzz_<target>.cpp): invariant
// checks that abort, so libFuzzer (or the regression runner) reports the
// input, and readers that check an output parses back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

// Prints `what` and aborts: the fuzzer saves the input as a crash.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what.c_str());
  std::abort();
}

#define FUZZ_CHECK(condition, what)                                               \
  do {                                                                            \
    if (!(condition)) ::fuzz::fail(std::string(#condition) + ": " + (what));      \
  } while (0)

// Reads an input as fields: a length byte, then that many bytes, repeated.
// Past the end every field is empty; so any input decodes.
class Fields {
 public:
  Fields(const std::uint8_t* data, std::size_t size)
      : s_(reinterpret_cast<const char*>(data), size) {}
  std::string next() {
    if (i_ >= s_.size()) return "";
    std::size_t n = static_cast<unsigned char>(s_[i_++]);
    std::string out(s_.substr(i_, n));
    i_ += out.size();
    return out;
  }
  std::uint8_t byte() { return i_ < s_.size() ? static_cast<std::uint8_t>(s_[i_++]) : 0; }
  std::string rest() {
    std::string out(i_ < s_.size() ? s_.substr(i_) : std::string_view());
    i_ = s_.size();
    return out;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// Length of the valid UTF-8 sequence at s[i] (no overlongs, surrogates or
// values past U+10FFFF), or 0; `code` gets its value.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& code) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3Fu);
  }
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  code = c;
  return n;
}

inline bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = 0;
    std::size_t n = utf8_sequence(s, i, c);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

inline bool is_utf8_boundary(std::string_view s, std::size_t i) {
  return i == 0 || i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// The byte offset of the problem, or npos: a minimal XML 1.0 reader (no
// DTD, no CDATA, no comments: format_graphml writes none) that checks
// well-formedness and decodes text and attributes, as a parser would.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
  std::vector<XmlElement> children;
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}

  // The root element; on malformed input, fails with the reason and offset.
  XmlElement document() {
    FUZZ_CHECK(is_valid_utf8(s_), "GraphML is not valid UTF-8");
    skip_space();
    if (s_.substr(i_, 5) == "<?xml") {
      i_ = s_.find("?>", i_);
      require(i_ != std::string_view::npos, "unterminated declaration");
      i_ += 2;
    }
    skip_space();
    XmlElement root = element(0);
    skip_space();
    require(i_ == s_.size(), "content after the root element");
    return root;
  }

 private:
  void require(bool ok, const char* what) {
    if (!ok) fail(std::string("GraphML: ") + what + " at byte " + std::to_string(i_));
  }
  void skip_space() {
    while (i_ < s_.size() && std::string_view(" \t\r\n").find(s_[i_]) != std::string_view::npos) ++i_;
  }
  std::string name() {
    std::size_t start = i_;
    while (i_ < s_.size() && std::string_view(" \t\r\n=/>").find(s_[i_]) == std::string_view::npos) ++i_;
    require(i_ > start, "expected a name");
    return std::string(s_.substr(start, i_ - start));
  }
  void reference(std::string& out) {
    std::size_t end = s_.find(';', i_);
    require(end != std::string_view::npos && end - i_ < 12, "unterminated reference");
    std::string_view ref = s_.substr(i_ + 1, end - i_ - 1);
    if (ref == "amp") out += '&';
    else if (ref == "lt") out += '<';
    else if (ref == "gt") out += '>';
    else if (ref == "quot") out += '"';
    else if (ref == "apos") out += '\'';
    else {
      require(ref.size() > 1 && ref[0] == '#', "unknown entity");
      unsigned long code = 0;
      bool is_hex = ref[1] == 'x';
      for (char c : ref.substr(is_hex ? 2 : 1)) {
        int digit = c >= '0' && c <= '9' ? c - '0'
                    : is_hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : is_hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        require(digit >= 0, "bad character reference");
        code = code * (is_hex ? 16 : 10) + static_cast<unsigned long>(digit);
      }
      // Only the references format_graphml writes, all of them XML Chars.
      require(code == 9 || code == 10 || code == 13, "unexpected character reference");
      out += static_cast<char>(code);
    }
    i_ = end + 1;
  }
  void character(std::string& out) {
    char32_t c = 0;
    std::size_t n = utf8_sequence(s_, i_, c);
    require(n > 0, "invalid UTF-8");
    require(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000,
            "not an XML 1.0 character");
    out.append(s_.substr(i_, n));
    i_ += n;
  }
  std::string attribute_value() {
    require(i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\''), "unquoted attribute");
    char quote = s_[i_++];
    std::string out;
    while (i_ < s_.size() && s_[i_] != quote) {
      require(s_[i_] != '<', "'<' in an attribute");
      if (s_[i_] == '&') {
        reference(out);
      } else {
        // A parser normalizes raw white space in attributes to spaces.
        require(s_[i_] != '\n' && s_[i_] != '\t' && s_[i_] != '\r', "raw white space in an attribute");
        character(out);
      }
    }
    require(i_ < s_.size(), "unterminated attribute");
    ++i_;
    return out;
  }
  XmlElement element(int depth) {
    require(depth < 64, "nesting too deep");
    require(i_ < s_.size() && s_[i_] == '<', "expected '<'");
    ++i_;
    XmlElement e;
    e.name = name();
    for (;;) {
      skip_space();
      require(i_ < s_.size(), "unterminated start tag");
      if (s_.substr(i_, 2) == "/>") {
        i_ += 2;
        return e;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      std::string key = name();
      require(i_ < s_.size() && s_[i_] == '=', "expected '='");
      ++i_;
      require(e.attributes.emplace(key, attribute_value()).second, "repeated attribute");
    }
    for (;;) {
      require(i_ < s_.size(), "unterminated element");
      if (s_.substr(i_, 2) == "</") {
        i_ += 2;
        require(name() == e.name, "mismatched end tag");
        skip_space();
        require(i_ < s_.size() && s_[i_] == '>', "expected '>'");
        ++i_;
        return e;
      }
      if (s_[i_] == '<') {
        e.children.push_back(element(depth + 1));
      } else if (s_[i_] == '&') {
        reference(e.text);
      } else {
        require(s_.substr(i_, 3) != "]]>", "']]>' in content");
        require(s_[i_] != '\r', "raw CR in content (a parser turns it into LF)");
        character(e.text);
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// A strict RFC 4180 reader: quoted fields with doubled quotes, CRLF after
// every record, no bare CR or LF outside quotes, no quote inside an
// unquoted field. Fails on anything else.
inline std::vector<std::vector<std::string>> read_csv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool is_quoted = false;
  bool was_quoted = false;  // the field was quoted and has closed
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        is_quoted = false;
        was_quoted = true;
      } else {
        field += c;
      }
      continue;
    }
    if (c == ',' || c == '\r') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      if (c == '\r') {
        FUZZ_CHECK(i + 1 < s.size() && s[i + 1] == '\n', "CSV: bare CR at byte " + std::to_string(i));
        rows.push_back(std::move(row));
        row.clear();
        ++i;
      }
      continue;
    }
    FUZZ_CHECK(!was_quoted, "CSV: text after a closing quote at byte " + std::to_string(i));
    if (c == '"') {
      FUZZ_CHECK(field.empty(), "CSV: quote inside an unquoted field at byte " + std::to_string(i));
      is_quoted = true;
    } else {
      FUZZ_CHECK(c != '\n', "CSV: bare LF at byte " + std::to_string(i));
      field += c;
    }
  }
  FUZZ_CHECK(!is_quoted, "CSV: unterminated quoted field");
  FUZZ_CHECK(row.empty() && field.empty(), "CSV: last record without CRLF");
  for (const auto& r : rows) {
    FUZZ_CHECK(r.size() == rows.front().size(),
               "CSV: a row of " + std::to_string(r.size()) + " fields, the header has " +
                   std::to_string(rows.front().size()));
  }
  return rows;
}

// A DOT escString as Graphviz renders it: "\n", "\l", "\r" break lines,
// "\x" is x; a final line break adds no line.
inline std::string render_dot_label(std::string_view label) {
  std::string out;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] != '\\' || i + 1 == label.size()) {
      out += label[i];
      continue;
    }
    char next = label[++i];
    if (next == 'n' || next == 'l' || next == 'r') out += '\n';
    else out += next;
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace fuzz
