// The period report of spec section 4: for each currency and period, the
// flows of the period and the balances at its end, read from the ledgers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "finance/ledger.h"
#include "finance/period_figures.h"
#include "values/money.h"
#include "values/period.h"
#include "values/ratio.h"
#include "report/report_settings.h"

namespace bbb {

struct CurrencyReport {
  CurrencyCode currency;
  int minor_digits = 2;
  std::vector<PeriodFigures> periods;
  PeriodFigures total;  // the whole range as one period
};


// The report's periods: from the first event of any currency to the last
// (or the settings' range).
std::vector<Period> report_periods(const std::map<CurrencyCode, MonthlyLedger>& ledgers, const ReportSettings& settings);

// The month of the first event of any currency (the report's first month
// when no from/to range is set; a range does not move it): backlog months
// average over the months from it. The first period's month when there is no event.
YearMonth first_event_month(const std::map<CurrencyCode, MonthlyLedger>& ledgers, const std::vector<Period>& periods);

// The as-of date of the forward view, pipeline and orders: the setting, or
// (spec 2) the last day of the report's last period; none without periods.
std::optional<Date> report_as_of(std::optional<Date> as_of_setting, const std::vector<Period>& periods);

// The as-of date to read with when the user sets none: the last day of the
// month of data_end (the latest date the files record, Session::data_end),
// or today when that is earlier; none without a recorded date. A file of
// 2024 is then read as of 2024-12-31, not as of a today with nothing ahead.
// The forward view and pipeline are folded as of a date known while reading,
// so a caller reads the files again with it (the CLI and the page do).
struct AsOfDefault {
  Date date;
  const char* reason;  // "data": the data's last month end; "today": today, which comes first
};
std::optional<AsOfDefault> default_as_of(std::optional<Date> data_end, std::optional<Date> today);

// One ledger's figures over given periods; first_month as first_event_month says.
CurrencyReport currency_report(const MonthlyLedger& ledger, const CurrencyCode& currency,
                               const std::vector<Period>& periods, YearMonth first_month, const ReportSettings& settings);


// One report for every currency over one range: from the first event of any
// currency to the last (or the settings' range), every period included.
std::vector<CurrencyReport> build_period_report(const std::map<CurrencyCode, MonthlyLedger>& ledgers,
                                                const ReportSettings& settings);

}  // namespace bbb
