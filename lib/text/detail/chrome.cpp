// Page chrome detection: a few line shapes, driven by the tables below.
#include "text/detail/chrome.h"

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

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

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool contains(std::span<const std::string_view> table, std::string_view s) {
  return std::find(table.begin(), table.end(), s) != table.end();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Words split at white space and at the separators share bars use.
std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  const auto is_separator = [](char c) { return is_space(c) || c == '|' || c == '/' || c == ','; };
  while (i < s.size()) {
    while (i < s.size() && is_separator(s[i])) ++i;
    const std::size_t begin = i;
    while (i < s.size() && !is_separator(s[i])) ++i;
    if (i > begin) words.push_back(s.substr(begin, i - begin));
  }
  return words;
}

// A sentence terminator followed by a space or the end of the line, after
// a letter: the mark of prose, which chrome never has.
bool has_sentence_end(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
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
  const std::vector<std::string_view> words = split_words(line);
  if (words.size() < kMinIconRunWords) return false;
  std::size_t marked = 0;
  for (std::string_view word : words) {
    const std::string lower = lower_ascii(word);
    for (std::string_view marker : kIconMarkers) {
      if (lower.find(marker) != std::string::npos) {
        ++marked;
        break;
      }
    }
  }
  return 2 * marked >= words.size();
}

constexpr std::size_t kMaxButtonBarBytes = 120;

bool is_button_bar(std::string_view line) {
  if (line.size() > kMaxButtonBarBytes) return false;
  const std::vector<std::string_view> words = split_words(line);
  if (words.empty()) return false;
  return std::all_of(words.begin(), words.end(),
                     [](std::string_view w) { return contains(kButtonWords, lower_ascii(w)); });
}

bool is_link_line(std::string_view lower_line) {
  if (lower_line.size() > kMaxLinkLineBytes) return false;
  for (std::string_view prefix : kLinkPrefixes) {
    if (lower_line.starts_with(prefix)) {
      // A headline is one sentence at most; more means prose follows.
      std::string_view rest = lower_line.substr(prefix.size());
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
  // icon runs, and need no lowercase copy.
  if (line.size() > kMaxLinkLineBytes) return is_icon_run(line);
  std::string lower = lower_ascii(line);
  std::string_view label = lower;
  if (label.back() == ':') label.remove_suffix(1);
  if (contains(kChromeLines, trim(label))) return true;
  return is_button_bar(line) || is_link_line(lower) || is_icon_run(line);
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
