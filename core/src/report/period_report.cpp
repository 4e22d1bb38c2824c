#include "report/period_report.h"

#include <algorithm>

namespace bbb {

namespace {

// The months of the first and the last event of any currency.
std::pair<std::optional<YearMonth>, std::optional<YearMonth>> event_months(const std::map<CurrencyCode, MonthlyLedger>& ledgers) {
  std::optional<YearMonth> first, last;
  for (const auto& [currency, ledger] : ledgers) {
    if (ledger.empty()) continue;
    for (YearMonth m = ledger.first(); m <= ledger.last(); m = m.plus(1)) {
      if (!ledger.get(m).has_event()) continue;
      if (!first || m < *first) first = m;
      if (!last || m > *last) last = m;
    }
  }
  return {first, last};
}

}  // namespace

YearMonth first_event_month(const std::map<CurrencyCode, MonthlyLedger>& ledgers, const std::vector<Period>& periods) {
  const std::optional<YearMonth> first = event_months(ledgers).first;
  if (first) return *first;
  return periods.empty() ? YearMonth() : periods.front().first;
}

std::optional<Date> report_as_of(std::optional<Date> as_of_setting, const std::vector<Period>& periods) {
  if (as_of_setting) return as_of_setting;
  if (periods.empty()) return std::nullopt;
  return periods.back().end();
}

std::optional<AsOfDefault> default_as_of(std::optional<Date> data_end, std::optional<Date> today) {
  if (!data_end) return std::nullopt;
  const Date month_end = data_end->year_month().last_day();
  if (today && *today < month_end) return AsOfDefault{*today, "today"};
  return AsOfDefault{month_end, "data"};
}

std::vector<Period> report_periods(const std::map<CurrencyCode, MonthlyLedger>& ledgers, const ReportSettings& settings) {
  // Spec 10: one range for all currencies, from the first to the last event.
  auto [first, last] = event_months(ledgers);
  if (settings.from) first = settings.from->year_month();
  if (settings.to) last = settings.to->year_month();

  std::vector<Period> periods;
  if (first && last) {
    for (Period p = period_containing(*first, settings.period, settings.fiscal_start); p.first <= *last;
         p = period_containing(p.last.plus(1), settings.period, settings.fiscal_start))
      periods.push_back(p);
  }
  return periods;
}

CurrencyReport currency_report(const MonthlyLedger& ledger, const CurrencyCode& currency,
                               const std::vector<Period>& periods, YearMonth first_month, const ReportSettings& settings) {
  const LedgerView view(ledger);
  CurrencyReport r;
  r.currency = currency;
  r.minor_digits = minor_digits(currency);
  for (const Period& p : periods) r.periods.push_back(period_figures(view, p, settings.period, settings.fiscal_start, first_month));
  if (!periods.empty()) {
    Period whole{periods.front().first, periods.back().last, "total"};
    r.total = period_figures(view, whole, settings.period, settings.fiscal_start, first_month);
    r.total.bookings_growth = r.total.billings_growth = r.total.revenue_growth = r.total.backlog_growth = Growth();
  }
  return r;
}

std::vector<CurrencyReport> build_period_report(const std::map<CurrencyCode, MonthlyLedger>& ledgers,
                                                const ReportSettings& settings) {
  const std::vector<Period> periods = report_periods(ledgers, settings);
  const YearMonth first_month = first_event_month(ledgers, periods);
  std::vector<CurrencyReport> out;
  for (const auto& [currency, ledger] : ledgers) out.push_back(currency_report(ledger, currency, periods, first_month, settings));
  return out;
}

}  // namespace bbb
