// Spec 12's figures of a period, from its months: a quarter or a year sums
// its months' movements and counts, takes its balances from its first and
// last month, and its retention at its last month end.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "finance/recurring_revenue.h"
#include "values/period.h"
#include "values/ratio.h"

namespace bbb {

struct MrrFigures {
  std::int64_t mrr_begin = 0, mrr_end = 0;
  std::int64_t new_mrr = 0, expansion = 0, contraction = 0, churn = 0, reactivation = 0;
  std::int64_t customers_begin = 0, customers_end = 0;
  std::int64_t new_customers = 0, churned_customers = 0, reactivated_customers = 0;
  std::int64_t retention_then = 0, retention_now = 0, retention_kept = 0;  // at the period's end

  std::int64_t arr_end() const { return 12 * mrr_end; }
  // Ratios (spec 12): none when the denominator is 0.
  std::optional<Ratio> nrr() const { return ratio_of(retention_now, retention_then); }
  std::optional<Ratio> grr() const { return ratio_of(retention_kept, retention_then); }
  std::optional<Ratio> logo_churn() const { return ratio_of(churned_customers, customers_begin); }
  std::optional<Ratio> quick_ratio() const { return ratio_of(new_mrr + expansion + reactivation, contraction + churn); }
};

// The months' figures over one period (its months must be among them).
MrrFigures mrr_figures(const std::vector<MrrMonth>& months, const Period& period);

// Each period's figures, then the whole range's, of one scope.
struct MrrReport {
  std::vector<MrrFigures> periods;
  MrrFigures total;
};
MrrReport mrr_report(const RecurringRevenue& recurring, const std::vector<Period>& periods, const MrrScope& scope);
// The whole currency's, and its cohorts (RecurringRevenue::cohorts) in the same pass.
MrrReport mrr_report_and_cohorts(const RecurringRevenue& recurring, const std::vector<Period>& periods,
                                 std::size_t cohort_window, std::vector<MrrCohort>* cohorts);

}  // namespace bbb
