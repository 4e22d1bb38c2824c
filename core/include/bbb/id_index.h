// The ids seen so far, for duplicate detection, in 12 bytes a slot: a 64-bit
// fingerprint of the id and the line it was first seen on, side by side so
// that a lookup touches one cache line (the table outgrows every cache). Ids themselves are
// not kept, so memory grows with the number of distinct ids, not their length.
//
// Two different ids share a fingerprint with probability about n^2 / 2^65
// (n = 10 million ids: 3 in a million); such a row would be reported as a
// duplicate of the other line, never silently dropped.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace bbb {

std::uint64_t fingerprint(std::string_view text);

class IdIndex {
 public:
  // Records id on line; returns 0 when new, else the line it was first seen
  // on (or UINT32_MAX when that line is past 4 billion).
  std::uint32_t insert(std::string_view id, std::int64_t line);
  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(std::uint32_t); }

 private:
  // Slot i is slots_[3i..3i+2]: the fingerprint's low and high halves (0 =
  // empty slot) and the line.
  static constexpr std::size_t kSlotWords = 3;
  void grow();
  std::size_t capacity_ = 0;  // slots, a power of two
  std::vector<std::uint32_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace bbb
