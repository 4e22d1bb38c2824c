#include "fast/id_fingerprint_table.h"

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

// The last n < 8 bytes at p as a little-endian word, zero above them: what
// memcpy(&word, p, n) gives, without its call for a length known only at
// run time (a call to memcpy in WebAssembly). Two overlapping 4-byte loads,
// or three single bytes.
std::uint64_t detail::load_tail(const char* p, std::size_t n) {
  if (n >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + n - 4, 4);
    return low | static_cast<std::uint64_t>(high) << (8 * (n - 4));
  }
  if (n == 0) return 0;
  const auto byte = [p](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i); };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

std::uint64_t fingerprint(std::string_view text) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (text.size() * 0x100000001b3ULL);
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = mix(h ^ word) + 0x9e3779b97f4a7c15ULL;
  }
  const std::uint64_t tail = detail::load_tail(text.data() + i, text.size() - i);
  h = mix(h ^ tail ^ (static_cast<std::uint64_t>(text.size() - i) << 56));
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

namespace {

// The home slot of a fingerprint in a table of `capacity` slots: its low 32
// bits scaled to the capacity (the top byte chose the table).
std::size_t home(std::uint32_t lo, std::size_t capacity) {
  return static_cast<std::size_t>((static_cast<std::uint64_t>(lo) * capacity) >> 32);
}

}  // namespace

void IdFingerprintTable::prefetch(std::uint64_t key) const {
  const Table& t = tables_[key >> 56];
  if (t.capacity == 0) return;
  __builtin_prefetch(t.slot(home(static_cast<std::uint32_t>(key), t.capacity)), 1);
}

std::uint32_t IdFingerprintTable::insert_key(std::uint64_t key, std::int64_t line) {
  Table& t = tables_[key >> 56];
  if ((t.size + 1) * 5 > t.capacity * 4) grow(t);  // load factor at most 0.8
  const std::uint32_t lo = static_cast<std::uint32_t>(key), hi = static_cast<std::uint32_t>(key >> 32);
  for (std::size_t i = home(lo, t.capacity);; i = i + 1 == t.capacity ? 0 : i + 1) {
    std::uint32_t* s = t.slot(i);
    if (s[0] == lo && s[1] == hi) return s[2];
    if (s[0] == 0 && s[1] == 0) {
      s[0] = lo;
      s[1] = hi;
      s[2] = line_word(line);
      ++t.size;
      ++size_;
      return 0;
    }
  }
}

std::uint32_t* IdFingerprintTable::take_page() {
  std::uint32_t* page;
  if (!free_pages_.empty()) {
    page = free_pages_.back();
    free_pages_.pop_back();
  } else {
    pages_.push_back(std::make_unique<std::uint32_t[]>(kPageSlots * kSlotWords));
    page = pages_.back().get();
  }
  std::fill(page, page + kPageSlots * kSlotWords, 0u);
  return page;
}

void IdFingerprintTable::reserve(std::size_t ids) {
  // Each of the tables gets its share, at a load of 0.75.
  const std::size_t slots = (ids + kTables - 1) / kTables * 4 / 3;
  const std::size_t pages = (slots + kPageSlots - 1) / kPageSlots;
  for (Table& t : tables_)
    if (t.pages.size() < pages) grow_to(t, pages);
}

void IdFingerprintTable::grow(Table& t) {
  // A quarter more pages (one at least).
  grow_to(t, t.pages.empty() ? 1 : t.pages.size() + (t.pages.size() + 3) / 4);
}

void IdFingerprintTable::grow_to(Table& t, std::size_t pages) {
  // The ids moved over, the old pages given back.
  Table bigger;
  for (std::size_t p = 0; p < pages; ++p) bigger.pages.push_back(take_page());
  bigger.capacity = pages * kPageSlots;
  bigger.size = t.size;
  for (std::size_t i = 0; i < t.capacity; ++i) {
    const std::uint32_t* o = t.slot(i);
    if (o[0] == 0 && o[1] == 0) continue;
    std::size_t j = home(o[0], bigger.capacity);
    for (std::uint32_t* s = bigger.slot(j); s[0] != 0 || s[1] != 0; s = bigger.slot(j)) j = j + 1 == bigger.capacity ? 0 : j + 1;
    std::copy(o, o + kSlotWords, bigger.slot(j));
  }
  for (std::uint32_t* page : t.pages) free_pages_.push_back(page);
  t = std::move(bigger);
}

}  // namespace bbb
