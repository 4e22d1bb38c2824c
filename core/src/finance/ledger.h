// Month-by-month totals of one currency: the flows of each month and the
// balances at its end. Every line is folded in once, as it is
// read, so memory grows with the number of months, not of lines. Quarters
// and years are unions of months, so any period report is read from here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "finance/balances.h"
#include "values/date.h"
#include "fast/recent_keywords.h"

namespace bbb {

struct MonthTotals {
  // Flows of the month.
  std::int64_t bookings = 0;
  std::int64_t bookings_count = 0;
  std::int64_t bookings_recurring = 0;  // ratable lines
  std::int64_t bookings_one_time = 0;   // point lines
  std::int64_t acv_bookings = 0;
  std::int64_t cancellations = 0;
  std::int64_t cancellations_count = 0;
  std::int64_t revenue = 0;
  std::int64_t billings = 0;
  // The balances at the month's end, kept in two parts so that a line is
  // posted only over the months in which it changes (storage, not meaning):
  // of the lines that change up to this month or later, their balances at
  // its end; of the lines whose last change was in an earlier month, the
  // balances they keep from then on, added once, in the month after that
  // change. A month's balances = its changing_lines + the settled_lines of
  // every month through it (LedgerView adds them up).
  Balances changing_lines;
  Balances settled_lines;

  // Another month's flows, or its balances, added into these.
  void add_flows(const MonthTotals& t);
  void add_balances(const MonthTotals& t);

  // Anything that puts the month in the report's range (spec 10).
  bool has_event() const { return bookings_count != 0 || cancellations_count != 0 || billings != 0 || revenue != 0; }
};

class MonthlyLedger {
 public:
  // Bookings per deal type, for the first kMaxTypes types seen; later types
  // are counted under "other" so that a free-text column cannot grow memory.
  static constexpr std::size_t kMaxTypes = 24;

  MonthTotals& at(YearMonth m);
  // The months from..to (from <= to), contiguous: [0] is from. Valid until
  // the next call that may grow the ledger.
  MonthTotals* range(YearMonth from, YearMonth to);
  // Zero totals for a month outside the stored range.
  MonthTotals get(YearMonth m) const;
  bool empty() const { return months_.empty(); }
  YearMonth first() const { return first_; }
  YearMonth last() const { return first_.plus(static_cast<std::int32_t>(months_.size()) - 1); }

  void add_type_booking(std::string_view type, YearMonth m, std::int64_t amount);
  const std::vector<std::string>& types() const { return types_; }
  // Adds every month of `other` into this one (segments merged into "other").
  void merge(const MonthlyLedger& other);
  std::int64_t type_bookings(std::size_t type_index, YearMonth m) const;

 private:
  YearMonth first_;
  std::vector<MonthTotals> months_;
  std::vector<std::string> types_;
  std::size_t type_slot(std::string_view type);  // finds or makes the type's slot
  RecentKeywords<std::size_t> type_slots_;
  struct TypeSeries { YearMonth first; std::vector<std::int64_t> amounts; };
  std::vector<TypeSeries> type_series_;
};

}  // namespace bbb
