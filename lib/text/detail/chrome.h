// Internal to text; use text.h.
//
// Page chrome: the lines a scraper picks up from a news page's interface
// (icon sprites, share buttons, "Font Size") rather than from the article.
#pragma once

#include <string>
#include <string_view>

namespace eventgraph::detail {

// True if `line` (without its line break) is page chrome. Conservative: a
// line that holds a sentence of prose is never chrome.
bool is_chrome_line(std::string_view line);

// `text` without its chrome lines (each dropped with its line break).
std::string drop_chrome_lines(std::string_view text);

}  // namespace eventgraph::detail
