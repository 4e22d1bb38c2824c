// Dense ids for the customers of one currency (spec 12 keeps MRR per
// customer): an open-addressing table of 64-bit fingerprints, 16 bytes a
// slot at a load of at most 0.7, one probe of one cache line a line with
// MRR, no names kept. Two customers share a fingerprint with probability
// about n^2 / 2^65 (170,000 customers: about 1 in a billion); they would
// then count as one customer, their MRR still summed exactly.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "fast/id_fingerprint_table.h"

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
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }
  std::uint32_t of_key(std::uint64_t key) {
    if ((size_ + 1) * 10 > slots_.size() * 7) grow();
    for (std::size_t i = key & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
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
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : 2 * slots_.size(), Slot{0, 0});
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      std::size_t i = s.key & (slots_.size() - 1);
      while (slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  std::uint32_t size_ = 0;
};

}  // namespace bbb
