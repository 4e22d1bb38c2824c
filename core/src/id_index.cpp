#include "bbb/id_index.h"

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
  if ((size_ + 1) * 5 > keys_.size() * 4) grow();  // load factor at most 0.8
  const std::uint64_t key = fingerprint(id);
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t slot = static_cast<std::size_t>(key) & mask;; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return lines_[slot];
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      lines_[slot] = line > 0 && line < UINT32_MAX ? static_cast<std::uint32_t>(line) : UINT32_MAX;
      ++size_;
      return 0;
    }
  }
}

void IdIndex::grow() {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<std::uint32_t> old_lines = std::move(lines_);
  const std::size_t capacity = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(capacity, 0);
  lines_.assign(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    std::size_t slot = static_cast<std::size_t>(old_keys[i]) & mask;
    while (keys_[slot] != 0) slot = (slot + 1) & mask;
    keys_[slot] = old_keys[i];
    lines_[slot] = old_lines[i];
  }
}

}  // namespace bbb
