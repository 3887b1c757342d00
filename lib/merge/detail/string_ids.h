// Internal to merge; use merge.h.
//
// Strings -> dense ids 0, 1, 2 ... in the order they are first added, in
// an open-addressing table whose slots hold each string's hash and whose
// characters sit in one buffer: the merge compares entities, types, days
// and documents as integers, and node-based maps from strings outgrew the
// cache on large corpora.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

class StringIds {
 public:
  // The id of `s`, added when new (`*is_new` says which).
  std::uint32_t add(std::string_view s, bool* is_new = nullptr) {
    if (2 * (size() + 1) > slots_.size()) grow();
    std::size_t h = std::hash<std::string_view>{}(s);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.id == kEmpty) {
        slot = {h, static_cast<std::uint32_t>(size())};
        chars_.append(s);
        ends_.push_back(chars_.size());
        if (is_new) *is_new = true;
        return slot.id;
      }
      if (slot.hash == h && name(slot.id) == s) {
        if (is_new) *is_new = false;
        return slot.id;
      }
    }
  }

  // The id of `s`, or nullopt when it was never added.
  std::optional<std::uint32_t> find(std::string_view s) const {
    if (slots_.empty()) return std::nullopt;
    std::size_t h = std::hash<std::string_view>{}(s);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kEmpty) return std::nullopt;
      if (slot.hash == h && name(slot.id) == s) return slot.id;
    }
  }

  // Valid until the next add.
  std::string_view name(std::uint32_t id) const {
    std::size_t begin = id == 0 ? 0 : ends_[id - 1];
    return std::string_view(chars_).substr(begin, ends_[id] - begin);
  }
  std::size_t size() const { return ends_.size(); }

 private:
  static constexpr std::uint32_t kEmpty = 0xffffffffU;
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t id = kEmpty;
  };

  // Doubles the table (at least 16 slots) and places every id again; the
  // table stays at most half full, so probes stay short.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == kEmpty) continue;
      std::size_t i = slot.hash & mask_;
      while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::string chars_;                // every name, end to end
  std::vector<std::size_t> ends_;    // by id: where its name ends in chars_
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace eventgraph::detail
