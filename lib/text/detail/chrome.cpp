// Page chrome detection: a few line shapes, driven by the tables below.
#include "text/detail/chrome.h"

#include "core/detail/byte_scan.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <span>

namespace eventgraph::detail {
namespace {

// Lines that are an interface label when they stand alone (compared without
// case, a trailing ':' ignored). A real headline or sentence never consists
// of exactly one of these.
constexpr std::string_view kChromeLines[] = {
    "advertisement", "back to top", "comments", "copy link", "email this", "font size",
    "leave a comment", "listen to this article", "print this page", "read more",
    "related articles", "related stories", "share on facebook", "share on twitter",
    "share this", "share this article", "share this story", "show comments", "sign in",
    "sign up", "skip to content", "skip to main content", "sponsored content", "text size",
    "view comments",
};

// Button words: a line made only of these ("Share", "Tweet Email Print",
// "Facebook | Twitter") is a share bar. Words, not phrases, because share
// bars list them in any order and number.
constexpr std::string_view kButtonWords[] = {
    "advertisement", "bookmark", "comment", "comments", "e-mail", "email", "facebook",
    "flipboard", "linkedin", "menu", "pinterest", "print", "reddit", "save", "share",
    "subscribe", "telegram", "tweet", "twitter", "whatsapp",
};

// Prefixes of links to other articles ("READ MORE: Putin meets Obama ...").
// What follows is another article's headline, not this article's text.
constexpr std::string_view kLinkPrefixes[] = {
    "also read:", "read also:", "read more:", "related:", "see also:",
};
constexpr std::size_t kMaxLinkLineBytes = 200;

// Icon sprite names leaked as text: "icon bookmark-bicon bookmarkicon
// cameraicon ...". A line is an icon run when it has many words and at
// least half contain a marker; prose mentioning an icon has far fewer.
constexpr std::string_view kIconMarkers[] = {"icon"};
constexpr std::size_t kMinIconRunWords = 6;

bool is_space(char c) { return c == ' ' || c == '\t'; }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Comparisons ignore ASCII case in place: a lowercase copy of every line
// (and of every word of a share bar) was most of this file's cost. The
// tables are lowercase.
bool equals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (ascii_lower(s[i]) != lower[i]) return false;
  }
  return true;
}

bool contains_lower(std::span<const std::string_view> table, std::string_view s) {
  return std::any_of(table.begin(), table.end(), [&](std::string_view entry) { return equals_lower(s, entry); });
}

bool has_lower_substring(std::string_view s, std::string_view lower) {
  for (std::size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (equals_lower(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Calls `visit` with each word of `s`, split at white space and at the
// separators share bars use, while it returns true; returns false if it
// stopped early.
template <typename Visit>
bool for_each_word(std::string_view s, Visit visit) {
  const auto is_separator = [](char c) { return is_space(c) || c == '|' || c == '/' || c == ','; };
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_separator(s[i])) ++i;
    const std::size_t begin = i;
    while (i < s.size() && !is_separator(s[i])) ++i;
    if (i > begin && !visit(s.substr(begin, i - begin))) return false;
  }
  return true;
}

// A sentence terminator followed by a space or the end of the line, after
// a letter: the mark of prose, which chrome never has.
bool has_sentence_end(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    // Terminators are a sentence apart: skipped to sixteen bytes at a time.
    while (i + 16 <= s.size()) {
      const Bytes16 v = load_bytes16(s.data() + i);
      const std::size_t k = first_marked((v == '.') | (v == '!') | (v == '?'));
      i += k;
      if (k < 16) break;
    }
    if (i >= s.size()) break;
    const char c = s[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.size() || s[i + 1] == ' ')) {
      const char before = s[i - 1];
      if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')) return true;
    }
  }
  return false;
}

bool is_icon_run(std::string_view line) {
  if (has_sentence_end(line)) return false;
  std::size_t words = 0;
  std::size_t marked = 0;
  for_each_word(line, [&](std::string_view word) {
    ++words;
    if (std::any_of(std::begin(kIconMarkers), std::end(kIconMarkers),
                    [&](std::string_view marker) { return has_lower_substring(word, marker); })) {
      ++marked;
    }
    return true;
  });
  if (words < kMinIconRunWords) return false;
  return 2 * marked >= words;
}

constexpr std::size_t kMaxButtonBarBytes = 120;

bool is_button_bar(std::string_view line) {
  if (line.size() > kMaxButtonBarBytes) return false;
  bool has_word = false;
  const bool is_all_buttons = for_each_word(line, [&](std::string_view word) {
    has_word = true;
    return contains_lower(kButtonWords, word);
  });
  return has_word && is_all_buttons;
}

// Letter case does not change what has_sentence_end says, so the rest is
// read as written.
bool is_link_line(std::string_view line) {
  if (line.size() > kMaxLinkLineBytes) return false;
  for (std::string_view prefix : kLinkPrefixes) {
    if (line.size() >= prefix.size() && equals_lower(line.substr(0, prefix.size()), prefix)) {
      // A headline is one sentence at most; more means prose follows.
      std::string_view rest = line.substr(prefix.size());
      while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.remove_suffix(1);
      return !has_sentence_end(rest);
    }
  }
  return false;
}

}  // namespace

bool is_chrome_line(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  // Labels, share bars and link lines are short; long lines can only be
  // icon runs.
  if (line.size() > kMaxLinkLineBytes) return is_icon_run(line);
  std::string_view label = line;
  if (label.back() == ':') label.remove_suffix(1);
  if (contains_lower(kChromeLines, trim(label))) return true;
  return is_button_bar(line) || is_link_line(line) || is_icon_run(line);
}

std::string drop_chrome_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    if (!is_chrome_line(text.substr(begin, end - begin))) out.append(text.substr(begin, next - begin));
    begin = next;
  }
  return out;
}

}  // namespace eventgraph::detail
