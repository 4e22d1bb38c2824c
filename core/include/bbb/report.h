// The period report of spec section 4: for each currency and period, the
// flows of the period and the balances at its end, read from the ledgers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bbb/ledger.h"
#include "bbb/money.h"
#include "bbb/period.h"
#include "bbb/ratio.h"
#include "bbb/settings.h"

namespace bbb {


struct Growth {
  std::optional<Ratio> period_over_period;
  std::optional<Ratio> year_over_year;
};

struct PeriodFigures {
  Period period;
  MonthTotals flows;  // the flow fields summed over the period
  std::vector<std::pair<std::string, std::int64_t>> bookings_by_type;
  std::int64_t backlog_begin = 0;
  std::int64_t backlog_end = 0;
  std::int64_t deferred_revenue_end = 0;
  std::int64_t unbilled_receivable_end = 0;
  std::int64_t billed_backlog_end = 0;
  std::int64_t unbilled_backlog_end = 0;
  std::int64_t crpo_end = 0;
  std::int64_t later_backlog_end = 0;
  std::int64_t unscheduled_backlog_end = 0;
  std::optional<Ratio> book_to_bill;     // bookings / billings
  std::optional<Ratio> book_to_revenue;  // bookings / revenue
  std::optional<Ratio> backlog_months;   // backlog_end / average monthly revenue of the last 3 months (fewer in the report's first months)
  Growth bookings_growth, billings_growth, revenue_growth, backlog_growth;
  MonthTotals trailing_12_months;  // flows of the 12 months ending with the period
};

struct CurrencyReport {
  CurrencyCode currency;
  int minor_digits = 2;
  std::vector<PeriodFigures> periods;
  PeriodFigures total;  // the whole range as one period
};

// The figures of one ledger over one period (growth against the period
// before it of the same kind).
PeriodFigures period_figures(const MonthlyLedger& ledger, const Period& period, PeriodKind kind, int fiscal_start);

// Every whole-number figure of a period by its JSON name, in the report's
// order: the one list the JSON and the drill-down both read.
struct PeriodField {
  const char* name;
  std::int64_t value;
  bool is_amount;  // money (drillable); false for counts
};
std::vector<PeriodField> period_fields(const PeriodFigures& figures);

// An amount of the period report by its JSON name ("revenue",
// "backlog_end", ...); false for any other name.
bool period_metric(const PeriodFigures& figures, std::string_view name, std::int64_t* out);

// The report's periods: from the first event of any currency to the last
// (or the settings' range).
std::vector<Period> report_periods(const std::map<CurrencyCode, MonthlyLedger>& ledgers, const ReportSettings& settings);

// The month of the first event of any currency (the report's first month
// when no from/to range is set; a range does not move it): backlog months
// average over the months from it. The first period's month when there is no event.
YearMonth first_event_month(const std::map<CurrencyCode, MonthlyLedger>& ledgers, const std::vector<Period>& periods);

// The as-of date of the forward view, pipeline and orders: the setting, or
// (spec 2) the last day of the report's last period; none without periods.
std::optional<Date> report_as_of(const ReadSettings& settings, const std::vector<Period>& periods);

// One ledger's figures over given periods; first_month as first_event_month says.
CurrencyReport currency_report(const MonthlyLedger& ledger, const CurrencyCode& currency,
                               const std::vector<Period>& periods, YearMonth first_month, const ReportSettings& settings);

// Adds every month of `from` into `into` (for merging segments into "other").
void merge_ledger(const MonthlyLedger& from, MonthlyLedger* into);

// One report for every currency over one range: from the first event of any
// currency to the last (or the settings' range), every period included.
std::vector<CurrencyReport> build_period_report(const std::map<CurrencyCode, MonthlyLedger>& ledgers,
                                                const ReportSettings& settings);

}  // namespace bbb
