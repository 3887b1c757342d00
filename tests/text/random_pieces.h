// Random texts made of pieces, for the text tests' differential and
// property checks: a linear congruential generator (Knuth's MMIX
// constants), so that each test's strings are the same on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

class RandomPieces {
 public:
  explicit RandomPieces(std::uint64_t seed) : state_(seed) {}

  // A number in [0, n).
  std::size_t below(std::size_t n) {
    state_ = state_ * 6364136223846793005 + 1442695040888963407;
    return static_cast<std::size_t>(state_ >> 33) % n;
  }

  // min_count + below(count_range) pieces, each drawn from `pieces`.
  template <typename Piece, std::size_t N>
  std::basic_string<typename Piece::value_type> text(const Piece (&pieces)[N], std::size_t min_count,
                                                     std::size_t count_range) {
    std::basic_string<typename Piece::value_type> out;
    for (std::size_t count = min_count + below(count_range); count > 0; --count) out += pieces[below(N)];
    return out;
  }

 private:
  std::uint64_t state_;
};
