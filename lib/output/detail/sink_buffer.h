// Internal to output; use output.h.
// A writer's pending bytes, handed on to a TextSink in pieces of about
// 64 KiB, so that a writer's memory stays the same whatever the size of its
// file (GraphML, CSV, the JSON writers and cgraph's channel).
#pragma once

#include <cstddef>
#include <string>

#include "output/output.h"

namespace eventgraph::detail {

inline constexpr std::size_t kSinkPieceBytes = std::size_t{1} << 16;

class SinkBuffer {
 public:
  explicit SinkBuffer(TextSink& sink) : sink_(sink) {}
  // What the writer appends to.
  std::string& text() { return text_; }
  // Hands the pending bytes on once they fill a piece; call between records.
  void hand_on_if_full() {
    if (text_.size() >= kSinkPieceBytes) hand_on();
  }
  // Hands every pending byte on; call once at the end.
  void hand_on() {
    sink_.write(text_);
    text_.clear();
  }

 private:
  TextSink& sink_;
  std::string text_;
};

}  // namespace eventgraph::detail
