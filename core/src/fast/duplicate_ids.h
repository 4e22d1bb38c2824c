// The ids seen so far, for duplicate detection (spec 10): for each id, the
// line it was first seen on.
//
// Most exports number their lines: L00000001, INV-2024-0007, 10234. Such an
// id is a prefix and a number of fixed width ("L1" and "L01" are different
// ids, so the width is part of the prefix's family). When a file lists them
// in order, its ids are a few runs "numbers a..b, first seen on lines l,
// l+s, l+2s..." (s is 1, or 2 when two numberings alternate): a few dozen bytes whatever
// the file's size, and an id is checked against the run it extends, without
// the cache miss of a table that outgrows every cache. Ids of other shapes
// (UUIDs, names), and numbered ids whose order leaves runs shorter than four
// ids on average, go to the fingerprint table (id_fingerprint_table.h): 15-19 bytes an
// id. The answer is the same either way; only speed and memory differ.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fast/cold_path.h"
#include "fast/id_fingerprint_table.h"

namespace bbb {

class DuplicateIds {
 public:
  // Where an id goes: a family's runs, or the fingerprint table. Worked out
  // once, before the row is read (route prefetches the table's slot for an
  // id headed there), and used by insert after it.
  struct Route {
    int family = -1;           // index into families_, or -1: the table
    std::uint64_t number = 0;  // the id's number, in its family
    std::uint64_t key = 0;     // fingerprint(id), for the table
  };
  Route route(std::string_view id);

  // Records the routed id as seen on line; returns 0 when new, else the line
  // it was first seen on (UINT32_MAX when that line is past 4 billion).
  std::uint32_t insert(const Route& route, std::int64_t line);
  std::uint32_t insert(std::string_view id, std::int64_t line) { return insert(route(id), line); }

  // Room in the fingerprint table for about `ids` more ids, made at once
  // (IdFingerprintTable::reserve); how many it holds now.
  void reserve_table(std::size_t ids) { table_.reserve(table_.size() + ids); }
  std::size_t table_size() const { return table_.size(); }

  std::size_t size() const;
  std::size_t memory_bytes() const;
  std::size_t runs() const;  // ids held as runs, for tests and the bench

 private:
  struct Run {
    std::uint64_t last;       // numbers first..last (first is the map's key)
    std::int64_t first_line;  // number n was seen on line_of(first, n)
    std::int64_t step;        // lines from one number to the next (0 while the run has one)
    std::int64_t line_of(std::uint64_t first, std::uint64_t n, std::int64_t with_step) const {
      return first_line + static_cast<std::int64_t>(n - first) * with_step;
    }
    std::int64_t line_of(std::uint64_t first, std::uint64_t n) const { return line_of(first, n, step); }
  };
  using Runs = std::map<std::uint64_t, Run>;
  struct Family {
    std::string prefix;
    int digits = 0;
    bool in_table = false;  // its runs were too short: its ids are in the table
    Runs runs;
    Runs::iterator current;  // the run of the last id: the next one usually extends it
    std::size_t ids = 0;
  };

  int family_of(std::string_view prefix, int digits);
  std::uint32_t insert_in_runs(Family& f, std::uint64_t n, std::int64_t line);
  // An id that does not extend the current run: found in a run, or a run of
  // its own. Out of line: the tree's code stays out of the per-row code.
  BBB_OUT_OF_LINE std::uint32_t insert_off_run(Family& f, std::uint64_t n, std::int64_t line);
  BBB_COLD void move_to_table(Family& f);

  static constexpr std::size_t kMaxFamilies = 16;  // more prefixes than this: the table
  std::vector<Family> families_;
  int last_family_ = -1;
  IdFingerprintTable table_;
};

}  // namespace bbb
