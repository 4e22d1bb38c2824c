// Dense ids for the customers of one currency (spec 12 keeps MRR per
// customer): an open-addressing table of 64-bit fingerprints, 16 bytes a
// slot at a load of at most 0.7, one probe of one cache line a line with
// MRR, no names kept. Two customers share a fingerprint with probability
// about n^2 / 2^65 (170,000 customers: about 1 in a billion); they would
// then count as one customer, their MRR still summed exactly.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "fast/id_fingerprint_table.h"
#include "fast/zeroed_pages.h"

namespace bbb {

class CustomerIds {
 public:
  // The id of a line's customer; a line without one is its own customer,
  // under its line id (kept apart from any customer of that name). In two
  // steps for a caller with other work to do between them: key() and
  // prefetch() ask the memory for the customer's slot, of_key() finds it.
  static std::uint64_t key(std::string_view customer, std::string_view line_id) {
    const std::uint64_t k = customer.empty() ? fingerprint(line_id) ^ kOwnLine : fingerprint(customer);
    return k == 0 ? 1 : k;  // 0 marks an empty slot
  }
  void prefetch(std::uint64_t key) const {
    if (capacity_ != 0) __builtin_prefetch(&slots()[key & (capacity_ - 1)]);
  }
  std::uint32_t of_key(std::uint64_t key) {
    if ((size_ + 1) * 10 > capacity_ * 7) grow();
    for (std::size_t i = key & (capacity_ - 1);; i = (i + 1) & (capacity_ - 1)) {
      Slot& s = slots()[i];
      if (s.key == key) return s.id;
      if (s.key == 0) {
        s = {key, size_};
        return size_++;
      }
    }
  }
  std::uint32_t of(std::string_view customer, std::string_view line_id) { return of_key(key(customer, line_id)); }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint64_t kOwnLine = 0x9e3779b97f4a7c15ULL;
  struct Slot {
    std::uint64_t key;
    std::uint32_t id;
  };
  Slot* slots() const { return static_cast<Slot*>(memory_.data()); }
  void grow() {
    const std::size_t capacity = capacity_ == 0 ? 64 : 2 * capacity_;
    const ZeroedPages old = std::move(memory_);
    memory_ = ZeroedPages(capacity * sizeof(Slot));  // zeroed: every slot empty
    const Slot* const from = static_cast<const Slot*>(old.data());
    for (std::size_t k = 0; k < capacity_; ++k) {
      const Slot& s = from[k];
      if (s.key == 0) continue;
      std::size_t i = s.key & (capacity - 1);
      while (slots()[i].key != 0) i = (i + 1) & (capacity - 1);
      slots()[i] = s;
    }
    capacity_ = capacity;
  }
  ZeroedPages memory_;
  std::size_t capacity_ = 0;
  std::uint32_t size_ = 0;
};

}  // namespace bbb
