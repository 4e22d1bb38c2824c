// Two exports of the same pipeline or contract list, matched line by line
// on their id: what was added, removed, won, lost, changed in amount or
// moved in close date between them, by count and value per currency
// (docs/metrics.md, "Changes between two exports").
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rows/contract_line.h"
#include "values/date.h"
#include "values/money.h"

namespace bbb {

// One accepted line of an export, copied out of its record.
struct SnapshotLine {
  std::string id;
  std::string customer;
  std::int64_t line = 0;  // physical line in its file
  std::int64_t amount = 0;
  CurrencyCode currency;
  Status status = Status::kBooked;
  std::optional<Date> close;  // the booking (expected close) date, when the row gives one
};

// Every accepted line of one export, in file order.
class SnapshotLines {
 public:
  void add(const ContractLine& line);
  const std::vector<SnapshotLine>& lines() const { return lines_; }

 private:
  std::vector<SnapshotLine> lines_;
};

// The categories, in the order the report writes them. A line matched in
// both exports can be in several (won and slipped); added and removed are
// alone.
enum class ChangeKind { kAdded, kRemoved, kWon, kLost, kOtherStatus, kAmountChanged, kSlipped, kPulledIn };
constexpr std::size_t kChangeKinds = 8;
const char* change_kind_name(ChangeKind kind);

// One line in one category: its row in each export (null where absent;
// both in added and removed for a line whose currency changed) and its value.
struct LineChange {
  const SnapshotLine* before = nullptr;
  const SnapshotLine* after = nullptr;
  std::int64_t value = 0;
};

struct ChangeCategory {
  std::int64_t count = 0;
  std::int64_t value = 0;     // the sum of the rows' values
  std::int64_t increase = 0;  // amount_changed only: the rises, and the falls (<= 0), value = increase + decrease
  std::int64_t decrease = 0;
  std::vector<LineChange> rows;  // every row, largest |value| first, then by id
};

// One currency's lines: the totals of each export, bridged by
// after = before + added - removed + amount_changed.
struct CurrencyChanges {
  std::int64_t before_count = 0, before_value = 0;
  std::int64_t after_count = 0, after_value = 0;
  std::int64_t unchanged = 0;  // matched in both exports and in no category
  std::array<ChangeCategory, kChangeKinds> categories;
  ChangeCategory& operator[](ChangeKind k) { return categories[static_cast<std::size_t>(k)]; }
  const ChangeCategory& operator[](ChangeKind k) const { return categories[static_cast<std::size_t>(k)]; }
};

struct SnapshotChanges {
  std::map<CurrencyCode, CurrencyChanges> currencies;
  std::int64_t left_out_before = 0, left_out_after = 0;  // accepted lines whose id is excluded
};

// Matches the lines of `before` and `after` by id. Ids in `excluded` (used
// on more than one row of either export) are compared in no category: which
// of their rows is the line cannot be told.
SnapshotChanges compare_snapshots(const SnapshotLines& before, const SnapshotLines& after,
                                  const std::set<std::string>& excluded);

}  // namespace bbb
