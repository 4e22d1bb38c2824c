// How the folded months are grouped into a report: a change is instant,
// nothing is read again (bbb/settings.h reads both kinds of settings).
#pragma once

#include <optional>

#include "values/date.h"
#include "values/period.h"

namespace bbb {

struct ReportSettings {
  PeriodKind period = PeriodKind::kMonth;
  int fiscal_start = 1;  // first month of the fiscal year, 1-12
  std::optional<Date> from, to;
  int top = 10;  // segments shown one by one; the rest are "other"
};

}  // namespace bbb
