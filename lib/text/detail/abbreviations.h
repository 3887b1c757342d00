// Internal to text; use text.h.
//
// Abbreviations whose period does not end a sentence, shared by the sentence
// splitter (which hands them to ICU's break filter) and the tokenizer (which
// keeps the period on the word).
#pragma once

#include <span>
#include <string_view>

namespace eventgraph::detail {

// News abbreviations that ICU's English "ss=standard" list lacks or that we
// want to be sure of: titles and ranks before names, months as AP style
// writes them, company suffixes and common Latin ones. Case matters ("No."
// before a number, not "no."). Single capital initials are handled apart.
std::span<const std::string_view> news_abbreviations();

// True if `word` (ending in '.') is in news_abbreviations() or is a single
// capital letter followed by a period ("D." in "Joseph D. Dunford").
bool is_non_final_abbreviation(std::string_view word);

}  // namespace eventgraph::detail
