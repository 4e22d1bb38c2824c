// Recurring revenue (spec 12) of one currency: each customer's MRR at every
// month end and how it moved, kept as each customer's changes only (the
// months in which its MRR starts, steps or stops), so that memory follows
// the customers and their changes, not the rows.
//
//   RecurringRevenue r;
//   r.add(customer, line);              // every booked line, as folded
//   const auto months = r.months(first, last);
//
// Not yet in the report: the JSON, the periods, the drill-down and the page
// come with issue 26.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "rows/contract_line.h"
#include "values/date.h"

namespace bbb {

// A line's MRR and the month ends it counts at (spec 12): floor(amount / T)
// for a booked ratable line, at each month end e with start <= e <= end,
// booking <= e and no cancellation on or before e. None for other lines, or
// when no month end falls in that span (a line within one month).
struct MrrSpan {
  std::int64_t mrr = 0;
  YearMonth first, last;  // inclusive
};
std::optional<MrrSpan> mrr_span(const ContractLine& line);

// One month's movements (spec 12), from the month end before to its own.
struct MrrMonth {
  YearMonth month;
  std::int64_t mrr_begin = 0, mrr_end = 0;
  std::int64_t new_mrr = 0, expansion = 0, contraction = 0, churn = 0, reactivation = 0;
  std::int64_t customers_begin = 0, customers_end = 0;
  std::int64_t new_customers = 0, churned_customers = 0, reactivated_customers = 0;
};

// Retention at a month end over the 12 months before it (spec 12), as sums
// in minor units: `then` the MRR 12 month ends earlier of the customers that
// had MRR then, `now` their MRR now, `kept` the sum of min(now, then).
// nrr = now / then, grr = kept / then (none when then is 0).
struct MrrRetention {
  std::int64_t then = 0, now = 0, kept = 0;
};

// One cohort: the customers whose first MRR is at the end of `start`, and
// for each month since (0 = start) how many still have MRR and their MRR.
struct MrrCohort {
  YearMonth start;
  std::vector<std::int64_t> customers, mrr;
};

class RecurringRevenue {
 public:
  // customer: a dense id of the line's customer (a line without one is its own customer).
  void add(std::uint32_t customer, const ContractLine& line);
  // The months first..last, each with its movements; a customer's history
  // before `first` decides new against reactivation.
  std::vector<MrrMonth> months(YearMonth first, YearMonth last) const;
  MrrRetention retention(YearMonth at) const;
  // The cohorts that start in first..last, each followed to `last`.
  std::vector<MrrCohort> cohorts(YearMonth first, YearMonth last) const;
  // A customer's MRR at the end of month m.
  std::int64_t mrr_at(std::uint32_t customer, YearMonth m) const;
  std::size_t customers() const { return changes_.size(); }

 private:
  struct Change {
    std::int32_t month;  // YearMonth index: the MRR changes by `delta` from this month end on
    std::int64_t delta;
  };
  // Per customer, its changes in the order added (sorted when read).
  std::vector<std::vector<Change>> changes_;
  // A customer's MRR month by month from its changes: (month, MRR from that month end on).
  std::vector<std::pair<std::int32_t, std::int64_t>> steps(std::uint32_t customer) const;
};

}  // namespace bbb
