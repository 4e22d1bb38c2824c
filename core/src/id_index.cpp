#include "bbb/id_index.h"

#include <algorithm>
#include <cstring>

namespace bbb {
namespace {

std::uint64_t mix(std::uint64_t x) {
  // The finaliser of MurmurHash3 / splitmix64: every input bit reaches every output bit.
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

std::uint64_t fingerprint(std::string_view text) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (text.size() * 0x100000001b3ULL);
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = mix(h ^ word) + 0x9e3779b97f4a7c15ULL;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, text.data() + i, text.size() - i);
  h = mix(h ^ tail ^ (static_cast<std::uint64_t>(text.size() - i) << 56));
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

std::uint32_t IdIndex::insert(std::string_view id, std::int64_t line) {
  if ((size_ + 1) * 5 > capacity_ * 4) grow();  // load factor at most 0.8
  const std::uint64_t key = fingerprint(id);
  const std::uint32_t lo = static_cast<std::uint32_t>(key), hi = static_cast<std::uint32_t>(key >> 32);
  const std::size_t mask = capacity_ - 1;
  for (std::size_t slot = static_cast<std::size_t>(key) & mask;; slot = (slot + 1) & mask) {
    std::uint32_t* s = &slots_[slot * kSlotWords];
    if (s[0] == lo && s[1] == hi) return s[2];
    if (s[0] == 0 && s[1] == 0) {
      s[0] = lo;
      s[1] = hi;
      s[2] = line > 0 && line < UINT32_MAX ? static_cast<std::uint32_t>(line) : UINT32_MAX;
      ++size_;
      return 0;
    }
  }
}

void IdIndex::grow() {
  std::vector<std::uint32_t> old = std::move(slots_);
  const std::size_t old_capacity = capacity_;
  capacity_ = old_capacity == 0 ? 1024 : old_capacity * 2;
  slots_.assign(capacity_ * kSlotWords, 0);
  const std::size_t mask = capacity_ - 1;
  for (std::size_t i = 0; i < old_capacity; ++i) {
    const std::uint32_t* o = &old[i * kSlotWords];
    if (o[0] == 0 && o[1] == 0) continue;
    std::size_t slot = o[0] & mask;
    while (slots_[slot * kSlotWords] != 0 || slots_[slot * kSlotWords + 1] != 0) slot = (slot + 1) & mask;
    std::copy(o, o + kSlotWords, &slots_[slot * kSlotWords]);
  }
}

}  // namespace bbb
