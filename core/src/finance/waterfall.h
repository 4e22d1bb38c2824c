// The waterfall of spec 5: rows = the month in which value was booked (or
// billed), columns = the months in which it is recognised. Kept month by
// month as compact rows (one number per month a row's lines recognise), so
// that a waterfall per segment costs kilobytes, not a ledger per row.
//
// Booked view: a line's row is its booking month; the row holds its
// bookings, the revenue of its lines in each month, and the backlog they
// lost to cancellation (by month, so a report range can cut it).
//
// Billed view: a row per billing month, holding that month's billings. A
// line's revenue is matched to its invoices first in, first out: the oldest
// billed amount is earned first. Credit notes are not matched: they reduce
// what their row leaves to earn. Revenue beyond everything the line was ever
// invoiced sits in the row kNotBilledRow. A row's billings = its revenue in
// every column + what it has not yet recognised, and a column adds up to
// the month's revenue.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "rows/contract_line.h"
#include "values/date.h"
#include "finance/month_series.h"
#include "values/period.h"
#include "finance/schedule.h"

namespace bbb {

struct WaterfallRow {
  std::int64_t opened = 0;   // bookings (booked view) or billings (billed view) of the row's month
  YearMonth first;           // the month of revenue[0] and cancelled[0]
  std::vector<std::int64_t> revenue;    // by month from `first`
  std::vector<std::int64_t> cancelled;  // booked view: backlog removed by cancellation, by month

  void add_revenue(YearMonth m, std::int64_t amount) { add(&revenue, m, amount); }
  void add_cancelled(YearMonth m, std::int64_t amount) { add(&cancelled, m, amount); }
  // add_revenue(from + k, amounts[k]) for k in [0, n), the room made once.
  void add_revenue_run(YearMonth from, const std::int64_t* amounts, std::size_t n);
  // Sums over months [from, to].
  std::int64_t revenue_in(YearMonth from, YearMonth to) const { return sum(revenue, from, to); }
  std::int64_t cancelled_in(YearMonth from, YearMonth to) const { return sum(cancelled, from, to); }
  void merge(const WaterfallRow& other);

 private:
  // Inline for a month already covered (nearly every call: a row's months
  // are added in order); the rest grows the series. A series that covers
  // the month is not empty, so `first` is set; a month before it wraps
  // around to past the end as an unsigned index.
  void add(std::vector<std::int64_t>* series, YearMonth m, std::int64_t amount) {
    const auto i = static_cast<std::size_t>(static_cast<std::int64_t>(m - first));
    if (amount != 0 && i < series->size())
      (*series)[i] += amount;
    else
      grow_and_add(series, m, amount);
  }
  void grow_and_add(std::vector<std::int64_t>* series, YearMonth m, std::int64_t amount);
  std::int64_t sum(const std::vector<std::int64_t>& series, YearMonth from, YearMonth to) const;
};

class Waterfall {
 public:
  static constexpr std::int32_t kNotBilledRow = INT32_MAX;

  // Adds a booked line to both views.
  void add(const ContractLine& line, const LineSchedule& schedule);
  void merge(const Waterfall& other);

  // Rows by month index (YearMonth::index()).
  const std::map<std::int32_t, WaterfallRow>& booked() const { return booked_; }
  const std::map<std::int32_t, WaterfallRow>& billed() const { return billed_; }

 private:
  // Month -> its row of a view, for the months looked up line after line
  // (otherwise a tree search each). std::map keeps its entries where they
  // are; a copy starts empty, since its pointers would be the original's.
  class RowIndex {
   public:
    RowIndex() = default;
    RowIndex(const RowIndex&) {}
    RowIndex& operator=(const RowIndex&) { rows_.clear(); return *this; }
    WaterfallRow& row(std::map<std::int32_t, WaterfallRow>& view, YearMonth m) {
      WaterfallRow*& slot = month_slot(rows_, first_, m);
      if (slot == nullptr) slot = &view[m.index()];
      return *slot;
    }

   private:
    YearMonth first_;
    std::vector<WaterfallRow*> rows_;
  };

  void add_billed(const ContractLine& line, const LineSchedule& schedule, YearMonth first,
                  const std::vector<std::int64_t>& revenue);

  std::map<std::int32_t, WaterfallRow> booked_, billed_;
  RowIndex booked_index_, billed_index_;
};

// One row of a waterfall view over the report's periods: the rows of the
// months [lo, hi] merged, their revenue grouped into the periods. opened =
// revenue_before + Σ cells + cancelled + left (backlog_end, or not_recognised).
struct WaterfallPeriodRow {
  std::int64_t opened = 0;          // bookings or billings
  std::int64_t revenue_before = 0;  // recognised before the first period
  std::vector<std::int64_t> cells;  // revenue in each period
  std::int64_t cancelled = 0;       // booked view: backlog removed by cancellation through the range's end
  std::int64_t left = 0;            // what is left at the range's end
  bool any_cell = false;            // a cell is not zero
};

// Groups a view's monthly rows into the report's periods.
class WaterfallPeriods {
 public:
  explicit WaterfallPeriods(const std::vector<Period>& periods);
  WaterfallPeriodRow row(const std::map<std::int32_t, WaterfallRow>& by_month, std::int32_t lo, std::int32_t hi) const;

 private:
  YearMonth first_, last_;
  std::size_t periods_ = 0;
  // The period of each month of the range (-1 for a month in none), so that
  // a row's cells come from one pass over its months, not a sum per cell.
  std::vector<std::int32_t> period_of_;
};

}  // namespace bbb
