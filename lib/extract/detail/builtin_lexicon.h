// Internal to extract; use extract.h.
// The lexicon files of lib/extract/lexicon/, compiled into the binary.
#pragma once

#include <string_view>
#include <vector>

namespace eventgraph::detail {

struct EmbeddedFile {
  std::string_view name;   // "people.json"
  std::string_view bytes;  // the file as it is in the source tree
};

// Sorted by name.
const std::vector<EmbeddedFile>& builtin_lexicon_files();

}  // namespace eventgraph::detail
