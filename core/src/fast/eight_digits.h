// Eight ASCII digits read as one 64-bit word (SWAR): a check and a value in
// a handful of integer operations instead of a loop of eight steps. The
// technique is the one simdjson uses for numbers (is_made_of_eight_digits_fast
// and parse_eight_digits_unrolled), for little-endian loads.
#pragma once

#include <cstdint>
#include <cstring>

namespace bbb {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "eight_digits assumes little-endian words");

// The 8 bytes at p, the first in the lowest byte.
inline std::uint64_t load_eight(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// Whether every byte of `word` is '0'..'9': its high nibble is 3, and adding
// 6 does not carry it past 3 (bytes 0x3A..0x3F would).
inline bool eight_digits(std::uint64_t word) {
  return ((word & 0xF0F0F0F0F0F0F0F0ULL) | (((word + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4)) ==
         0x3333333333333333ULL;
}

// The value of eight digits (eight_digits(word) must hold), the first byte
// the most significant: pairs, then fours, then the eight.
inline std::uint32_t eight_digits_value(std::uint64_t word) {
  constexpr std::uint64_t kMask = 0x000000FF000000FFULL;
  constexpr std::uint64_t kMul1 = 100 + (1000000ULL << 32);
  constexpr std::uint64_t kMul2 = 1 + (10000ULL << 32);
  word -= 0x3030303030303030ULL;
  word = word * 10 + (word >> 8);
  word = (((word & kMask) * kMul1) + (((word >> 16) & kMask) * kMul2)) >> 32;
  return static_cast<std::uint32_t>(word);
}

}  // namespace bbb
