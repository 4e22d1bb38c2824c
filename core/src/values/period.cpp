#include "values/period.h"

namespace bbb {

const char* period_kind_name(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kMonth: return "month";
    case PeriodKind::kQuarter: return "quarter";
    case PeriodKind::kYear: return "year";
  }
  return "month";
}


Period period_containing(YearMonth m, PeriodKind kind, int fiscal_start) {
  Period p;
  if (kind == PeriodKind::kMonth) {
    p.first = p.last = m;
    p.label = m.label();
    return p;
  }
  const int into_year = (m.month() - fiscal_start + 12) % 12;  // months since the fiscal year began
  const YearMonth year_first = m.plus(-into_year);
  // Named by the calendar year of its last month.
  const int fiscal_year = year_first.plus(11).year();
  if (kind == PeriodKind::kYear) {
    p.first = year_first;
    p.last = year_first.plus(11);
    p.label = "FY" + std::to_string(fiscal_year);
  } else {
    const int quarter = into_year / 3;
    p.first = year_first.plus(quarter * 3);
    p.last = p.first.plus(2);
    p.label = "FY" + std::to_string(fiscal_year) + "-Q" + std::to_string(quarter + 1);
  }
  return p;
}

}  // namespace bbb
