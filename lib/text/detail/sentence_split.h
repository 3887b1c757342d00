// Internal to text; use text.h.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace eventgraph::detail {

// split_sentences, with ICU run over pieces of at most `max_chunk_bytes`
// cut after line breaks (ICU's break positions are int32_t, so a piece must
// stay under 2 GiB). A line break ends a sentence anyway, so cutting there
// changes nothing; a piece with no line break is cut on a UTF-8 boundary.
std::vector<Sentence> split_sentences_in_chunks(std::string_view text, std::size_t max_chunk_bytes);

}  // namespace eventgraph::detail
