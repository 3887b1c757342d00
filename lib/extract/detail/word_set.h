// Internal to extract; use extract.h.
// A fixed set of words, built at compile time, that answers membership
// without string comparisons for words of up to eight bytes: each is one
// 64-bit key in a small open-addressing table. Linear search over the word
// lists (memcmp per candidate of the same length) was a tenth of event
// finding, since every token is tested for a clause word.
//
//   constexpr WordSet kPronouns{std::to_array<std::string_view>({"he", "she", "they"})};
//   kPronouns.contains("she");  // true
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/detail/ascii.h"

namespace eventgraph::detail {

template <std::size_t N>
class WordSet {
 public:
  // Words must be non-empty and under 64 bytes (a compile error otherwise,
  // for a constexpr set).
  constexpr explicit WordSet(const std::array<std::string_view, N>& words) {
    for (std::string_view w : words) {
      if (w.empty() || w.size() >= 64) throw "WordSet: words of 1 to 63 bytes";
      length_mask_ |= std::uint64_t{1} << w.size();
      if (w.size() > kPacked) {
        long_words_[long_count_++] = w;
        continue;
      }
      const std::uint64_t key = pack(w);
      std::size_t i = slot_of(key);
      while (slots_[i].size != 0 && !(slots_[i].key == key && slots_[i].size == w.size())) {
        i = (i + 1) & (kSlots - 1);
      }
      slots_[i] = {key, static_cast<std::uint8_t>(w.size())};
    }
  }

  constexpr bool contains(std::string_view w) const {
    if (w.size() >= 64 || ((length_mask_ >> w.size()) & 1) == 0) return false;
    if (w.size() > kPacked) return contains_long(w);
    return contains_packed(pack(w), w.size());
  }

  // contains(w) for a word whose first eight bytes are readable (a view
  // into a padded text, ascii.h): one load instead of a loop over its
  // bytes.
  bool contains_padded(std::string_view w) const {
    if (w.size() >= 64 || ((length_mask_ >> w.size()) & 1) == 0) return false;
    if (w.size() > kPacked) return contains_long(w);
    return contains_packed(load_word_bytes(w.data(), w.size()), w.size());
  }

  // The bytes of `w` (at most kPacked) in one integer, in memory order as
  // load_word_bytes() reads them; the size tells "ab" from "ab\0".
  static constexpr std::uint64_t pack(std::string_view w) {
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const std::size_t shift = std::endian::native == std::endian::little ? 8 * i : 8 * (7 - i);
      key |= std::uint64_t{static_cast<unsigned char>(w[i])} << shift;
    }
    return key;
  }

 private:
  static constexpr std::size_t kPacked = 8;  // bytes in a key
  // At most a quarter full, so a probe rarely goes past its first slot.
  static constexpr std::size_t kSlots = std::bit_ceil(4 * N + 4);

  struct Slot {
    std::uint64_t key = 0;
    std::uint8_t size = 0;  // 0: empty
  };

  constexpr bool contains_long(std::string_view w) const {
    for (std::size_t i = 0; i < long_count_; ++i) {
      if (long_words_[i] == w) return true;
    }
    return false;
  }
  constexpr bool contains_packed(std::uint64_t key, std::size_t size) const {
    for (std::size_t i = slot_of(key);; i = (i + 1) & (kSlots - 1)) {
      if (slots_[i].size == 0) return false;
      if (slots_[i].key == key && slots_[i].size == size) return true;
    }
  }
  static constexpr std::size_t slot_of(std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 40) & (kSlots - 1);
  }

  std::array<Slot, kSlots> slots_{};
  std::array<std::string_view, N> long_words_{};
  std::size_t long_count_ = 0;
  std::uint64_t length_mask_ = 0;  // bit n: some word has n bytes
};

}  // namespace eventgraph::detail
