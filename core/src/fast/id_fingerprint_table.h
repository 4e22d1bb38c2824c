// Ids seen so far, for duplicate detection, in 12 bytes a slot: the table
// behind DuplicateIds (duplicate_ids.h) for ids it cannot keep as runs. A 64-bit
// fingerprint of the id and the line it was first seen on, side by side so
// that a lookup touches one cache line (the table outgrows every cache). Ids
// themselves are not kept, so memory grows with the number of distinct ids,
// not their length.
//
// Memory rises in small steps, never by doubling: the table is 256 tables,
// chosen by the fingerprint's top byte, each growing on its own by a quarter
// (a growth copies about 1/256 of the ids), and their slots live in pages of
// one size, so a page a growth gives back is the next growth's page again
// (no holes in the heap). The load factor stays between 0.64 and 0.8: about
// 15-19 bytes an id.
//
// Two different ids share a fingerprint with probability about n^2 / 2^65
// (n = 10 million ids: 3 in a million); such a row would be reported as a
// duplicate of the other line, never silently dropped.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace bbb {

std::uint64_t fingerprint(std::string_view text);

namespace detail {
// The last n < 8 bytes at p as a little-endian word, zero above them (the
// fingerprint's tail; exposed for its test).
std::uint64_t load_tail(const char* p, std::size_t n);
}  // namespace detail

class IdFingerprintTable {
 public:
  // Records id on line; returns 0 when new, else the line it was first seen
  // on (or UINT32_MAX when that line is past 4 billion).
  std::uint32_t insert(std::string_view id, std::int64_t line) { return insert_key(fingerprint(id), line); }
  // The same in two steps, for a caller with other work to do between
  // them: prefetch asks the memory for the id's home slot (a cache and TLB
  // miss once the table outgrows the caches), insert_key then finds it
  // there. key is fingerprint(id). Native only: WebAssembly has no prefetch.
  void prefetch(std::uint64_t key) const;
  std::uint32_t insert_key(std::uint64_t key, std::int64_t line);
  // Room for about `ids` ids in all (a load of 0.75 then), made at once: a
  // table that grows by a quarter to its size moves each id ~5 times on
  // the way, each move a cache miss once the table outgrows the caches.
  void reserve(std::size_t ids);
  std::size_t size() const { return size_; }
  // A line as the index keeps it: UINT32_MAX for a line past 4 billion.
  static std::uint32_t line_word(std::int64_t line) {
    return line > 0 && line < UINT32_MAX ? static_cast<std::uint32_t>(line) : UINT32_MAX;
  }
  std::size_t memory_bytes() const { return pages_.size() * kPageSlots * kSlotWords * sizeof(std::uint32_t); }

 private:
  // A slot is three words: the fingerprint's low and high halves (0 = empty)
  // and the line.
  static constexpr std::size_t kSlotWords = 3;
  static constexpr std::size_t kPageShift = 9;
  static constexpr std::size_t kPageSlots = std::size_t{1} << kPageShift;  // 6 KB a page
  static constexpr std::size_t kTables = 256;
  struct Table {
    std::size_t capacity = 0;  // slots: a whole number of pages
    std::size_t size = 0;
    std::vector<std::uint32_t*> pages;
    std::uint32_t* slot(std::size_t i) const { return pages[i >> kPageShift] + (i & (kPageSlots - 1)) * kSlotWords; }
  };
  void grow(Table& t);
  void grow_to(Table& t, std::size_t pages);
  std::uint32_t* take_page();

  std::array<Table, kTables> tables_;
  std::vector<std::unique_ptr<std::uint32_t[]>> pages_;  // every page, owned here
  std::vector<std::uint32_t*> free_pages_;                // given back by a growth
  std::size_t size_ = 0;
};

}  // namespace bbb
