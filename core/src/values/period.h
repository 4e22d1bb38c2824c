// Reporting periods: months, fiscal quarters and fiscal years. A fiscal year
// is named by the calendar year in which it ends (first month 7: FY2025 =
// 2024-07..2025-06), also when it starts in January.
#pragma once

#include <string>

#include "values/date.h"

namespace bbb {

enum class PeriodKind { kMonth, kQuarter, kYear };
const char* period_kind_name(PeriodKind kind);

struct Period {
  YearMonth first;  // first month
  YearMonth last;   // last month, inclusive
  std::string label;  // 2024-01, FY2024-Q1, FY2024
  Date start() const { return first.first_day(); }
  Date end() const { return last.last_day(); }
  int months() const { return last - first + 1; }
};

// The period of the given kind that contains month m.
Period period_containing(YearMonth m, PeriodKind kind, int fiscal_start);

}  // namespace bbb
