#include "finance/mrr_figures.h"

namespace bbb {

MrrFigures mrr_figures(const std::vector<MrrMonth>& months, const Period& period) {
  MrrFigures f;
  bool first = true;
  for (const MrrMonth& m : months) {
    if (m.month < period.first || period.last < m.month) continue;
    if (first) {
      f.mrr_begin = m.mrr_begin;
      f.customers_begin = m.customers_begin;
      first = false;
    }
    add_movements(m, &f);
    f.mrr_end = m.mrr_end;
    f.customers_end = m.customers_end;
    f.retention_then = m.retention_then;
    f.retention_now = m.retention_now;
    f.retention_kept = m.retention_kept;
  }
  return f;
}

namespace {

MrrReport by_period(const std::vector<MrrMonth>& months, const std::vector<Period>& periods) {
  MrrReport r;
  const Period whole{periods.front().first, periods.back().last, "total"};
  for (const Period& p : periods) r.periods.push_back(mrr_figures(months, p));
  r.total = mrr_figures(months, whole);
  return r;
}

}  // namespace

MrrReport mrr_report(const RecurringRevenue& recurring, const std::vector<Period>& periods, const MrrScope& scope) {
  if (periods.empty()) return MrrReport();
  return by_period(recurring.months(periods.front().first, periods.back().last, scope), periods);
}

MrrReport mrr_report_and_cohorts(const RecurringRevenue& recurring, const std::vector<Period>& periods,
                                 std::size_t cohort_window, std::vector<MrrCohort>* cohorts) {
  cohorts->clear();
  if (periods.empty()) return MrrReport();
  return by_period(recurring.months_and_cohorts(periods.front().first, periods.back().last, cohort_window, cohorts),
                   periods);
}

}  // namespace bbb
