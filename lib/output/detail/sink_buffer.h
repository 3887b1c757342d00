// Internal to output; use output.h.
// A writer's pending bytes, handed on to a TextSink in pieces, so that a
// writer's memory stays the same whatever the size of its file: pieces of
// 64 KiB for cgraph's channel and the CSV writers, of up to 256 KiB for
// GraphML and the JSON writers.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

#include "output/output.h"

namespace eventgraph::detail {

inline constexpr std::size_t kSinkPieceBytes = std::size_t{1} << 16;

// A PieceWriter's pieces: as large as AtomicFile's buffer, so that it
// hands them to write(2) without copying them (that copy cost a tenth of
// each JSON writer), and still the same memory whatever the file's size.
inline constexpr std::size_t kWriterPieceBytes = std::size_t{1} << 18;

// The writer writes through a pointer: room() makes room (handing a full
// piece on first) and says where the bytes go; advance() says where they
// ended. No std::string call per value.
class PieceWriter {
 public:
  explicit PieceWriter(TextSink& sink, std::size_t piece_bytes = kWriterPieceBytes)
      : sink_(sink), buffer_(piece_bytes) {
    cursor_ = buffer_.data();
    limit_ = cursor_ + buffer_.size();
  }
  PieceWriter(const PieceWriter&) = delete;
  PieceWriter& operator=(const PieceWriter&) = delete;

  char* room(std::size_t bytes) {
    if (static_cast<std::size_t>(limit_ - cursor_) < bytes) make_room(bytes);
    return cursor_;
  }
  void advance(char* end) { cursor_ = end; }
  void append(std::string_view s) {
    char* p = room(s.size());
    if (!s.empty()) std::memcpy(p, s.data(), s.size());  // an empty view may hold no pointer
    cursor_ = p + s.size();
  }
  // Hands every pending byte on; call once at the end.
  void hand_on() {
    sink_.write(std::string_view(buffer_.data(), static_cast<std::size_t>(cursor_ - buffer_.data())));
    cursor_ = buffer_.data();
  }

 private:
  void make_room(std::size_t bytes) {
    hand_on();
    if (buffer_.size() < bytes) {
      buffer_.resize(bytes);
      cursor_ = buffer_.data();
      limit_ = cursor_ + buffer_.size();
    }
  }

  TextSink& sink_;
  std::vector<char> buffer_;  // bytes before cursor_ not yet handed on
  char* cursor_;
  char* limit_;
};

}  // namespace eventgraph::detail
