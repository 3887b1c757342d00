// Internal to output; use the format headers.
// Runs of bytes a writer copies as they are, found sixteen at a time.
#pragma once

#include <cstddef>
#include <cstring>

#include "core/detail/byte_scan.h"

namespace eventgraph::detail {

// Stores the sixteen bytes at `in` at `out` whole (room made) and returns
// how many of them come before the first that `is_stop` marks (a vector
// of comparisons on them), or 16 when none is marked.
template <typename IsStop>
[[gnu::always_inline]] inline std::size_t copy_plain_16(const char* in, char* out, IsStop is_stop) {
  const Bytes16 v = load_bytes16(in);
  std::memcpy(out, &v, 16);
  return first_marked(is_stop(v));
}

}  // namespace eventgraph::detail
