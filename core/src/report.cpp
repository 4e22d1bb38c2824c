#include "bbb/report.h"

#include <algorithm>

namespace bbb {

std::optional<Ratio> ratio_of(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  __int128 n = static_cast<__int128>(numerator) * 10000;
  __int128 d = denominator;
  if (d < 0) { n = -n; d = -d; }
  // Half away from zero.
  const __int128 q = n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
  return Ratio{static_cast<std::int64_t>(q)};
}

namespace {

// Reads one ledger: flows summed over months, balances at a month's end.

// Every balance of the report at one month's end.
struct MonthEndBalances {
  std::int64_t backlog = 0;
  std::int64_t deferred_revenue = 0;
  std::int64_t unbilled_receivable = 0;
  std::int64_t billed_backlog = 0;
  std::int64_t crpo = 0;
  std::int64_t unscheduled_backlog = 0;
};

// The flows of a month added into a sum.
void add_flows(const MonthTotals& t, MonthTotals* sum) {
  sum->bookings += t.bookings;
  sum->bookings_count += t.bookings_count;
  sum->bookings_recurring += t.bookings_recurring;
  sum->bookings_one_time += t.bookings_one_time;
  sum->acv_bookings += t.acv_bookings;
  sum->cancellations += t.cancellations;
  sum->cancellations_count += t.cancellations_count;
  sum->revenue += t.revenue;
  sum->billings += t.billings;
}

// The balance changes a month keeps, added into another month's.
void add_balance_changes(const MonthTotals& t, MonthTotals* sum) {
  sum->unbilled_receivable_change += t.unbilled_receivable_change;
  sum->deferred_not_backlog_change += t.deferred_not_backlog_change;
  sum->crpo_change += t.crpo_change;
  sum->unscheduled_backlog_change += t.unscheduled_backlog_change;
}

// A month's changes added into the balances at the end of the month before.
void add_balance_changes(const MonthTotals& t, MonthEndBalances* running) {
  // See MonthTotals for why backlog, deferred revenue and billed backlog follow.
  const std::int64_t deferred_change = t.unbilled_receivable_change + t.billings - t.revenue;
  running->backlog += t.bookings - t.revenue - t.cancellations;
  running->deferred_revenue += deferred_change;
  running->unbilled_receivable += t.unbilled_receivable_change;
  running->billed_backlog += deferred_change - t.deferred_not_backlog_change;
  running->crpo += t.crpo_change;
  running->unscheduled_backlog += t.unscheduled_backlog_change;
}

class LedgerView {
 public:
  explicit LedgerView(const MonthlyLedger& ledger) : ledger_(ledger) {
    if (ledger.empty()) return;
    MonthEndBalances running;
    for (YearMonth m = ledger.first(); m <= ledger.last(); m = m.plus(1)) {
      add_balance_changes(ledger.get(m), &running);
      balances_.push_back(running);
    }
  }

  // Balances at the end of month m (the deltas summed through m).
  MonthEndBalances balances(YearMonth m) const {
    if (balances_.empty() || m < ledger_.first()) return MonthEndBalances();
    if (m > ledger_.last()) return balances_.back();
    return balances_[static_cast<std::size_t>(m - ledger_.first())];
  }

  MonthTotals flows(YearMonth first, YearMonth last) const {
    MonthTotals sum;
    if (ledger_.empty()) return sum;
    for (YearMonth m = std::max(first, ledger_.first()); m <= std::min(last, ledger_.last()); m = m.plus(1))
      add_flows(ledger_.get(m), &sum);
    return sum;
  }

  std::int64_t type_bookings(std::size_t type, YearMonth first, YearMonth last) const {
    std::int64_t sum = 0;
    for (YearMonth m = first; m <= last; m = m.plus(1)) sum += ledger_.type_bookings(type, m);
    return sum;
  }

  const MonthlyLedger& ledger() const { return ledger_; }

 private:
  const MonthlyLedger& ledger_;
  std::vector<MonthEndBalances> balances_;
};

Growth growth_of(std::int64_t now, std::int64_t previous, std::int64_t year_ago) {
  return {ratio_of(now - previous, previous), ratio_of(now - year_ago, year_ago)};
}

// Backlog months: the backlog over the average monthly revenue of the last
// three months, or of the months the report has by then when fewer (one or
// two in its first months, counted from `first_month`); none without revenue.
std::optional<Ratio> backlog_months_of(const LedgerView& view, std::int64_t backlog_end, YearMonth last,
                                       YearMonth first_month) {
  const YearMonth from = std::max(last.plus(-2), first_month);
  const std::int64_t months = last - from + 1;
  if (months <= 0) return std::nullopt;
  return ratio_of(months * backlog_end, view.flows(from, last).revenue);
}

PeriodFigures figures_for(const LedgerView& view, const Period& p, PeriodKind kind, int fiscal_start,
                          YearMonth first_month) {
  PeriodFigures f;
  f.period = p;
  f.flows = view.flows(p.first, p.last);
  for (std::size_t i = 0; i < view.ledger().types().size(); ++i)
    f.bookings_by_type.emplace_back(view.ledger().types()[i], view.type_bookings(i, p.first, p.last));
  const MonthEndBalances begin = view.balances(p.first.plus(-1));
  const MonthEndBalances end = view.balances(p.last);
  f.backlog_begin = begin.backlog;
  f.backlog_end = end.backlog;
  f.deferred_revenue_end = end.deferred_revenue;
  f.unbilled_receivable_end = end.unbilled_receivable;
  f.billed_backlog_end = end.billed_backlog;
  f.unbilled_backlog_end = end.backlog - end.billed_backlog;
  f.crpo_end = end.crpo;
  f.unscheduled_backlog_end = end.unscheduled_backlog;
  f.later_backlog_end = end.backlog - end.crpo - end.unscheduled_backlog;
  f.book_to_bill = ratio_of(f.flows.bookings, f.flows.billings);
  f.book_to_revenue = ratio_of(f.flows.bookings, f.flows.revenue);
  f.backlog_months = backlog_months_of(view, f.backlog_end, p.last, first_month);

  f.trailing_12_months = view.flows(p.last.plus(-11), p.last);
  const Period previous = period_containing(p.first.plus(-1), kind, fiscal_start);
  const MonthTotals prev = view.flows(previous.first, previous.last);
  const MonthTotals ago = view.flows(p.first.plus(-12), p.last.plus(-12));
  f.bookings_growth = growth_of(f.flows.bookings, prev.bookings, ago.bookings);
  f.billings_growth = growth_of(f.flows.billings, prev.billings, ago.billings);
  f.revenue_growth = growth_of(f.flows.revenue, prev.revenue, ago.revenue);
  f.backlog_growth = growth_of(f.backlog_end, view.balances(previous.last).backlog, view.balances(p.last.plus(-12)).backlog);
  return f;
}

}  // namespace

PeriodFigures period_figures(const MonthlyLedger& ledger, const Period& period, PeriodKind kind, int fiscal_start) {
  return figures_for(LedgerView(ledger), period, kind, fiscal_start, ledger.empty() ? period.first : ledger.first());
}

std::vector<PeriodField> period_fields(const PeriodFigures& f) {
  return {
      {"bookings", f.flows.bookings, true},
      {"bookings_count", f.flows.bookings_count, false},
      {"bookings_recurring", f.flows.bookings_recurring, true},
      {"bookings_one_time", f.flows.bookings_one_time, true},
      {"acv_bookings", f.flows.acv_bookings, true},
      {"cancellations", f.flows.cancellations, true},
      {"cancellations_count", f.flows.cancellations_count, false},
      {"revenue", f.flows.revenue, true},
      {"billings", f.flows.billings, true},
      {"backlog_begin", f.backlog_begin, true},
      {"backlog_end", f.backlog_end, true},
      {"deferred_revenue_end", f.deferred_revenue_end, true},
      {"unbilled_receivable_end", f.unbilled_receivable_end, true},
      {"billed_backlog_end", f.billed_backlog_end, true},
      {"unbilled_backlog_end", f.unbilled_backlog_end, true},
      {"crpo_end", f.crpo_end, true},
      {"later_backlog_end", f.later_backlog_end, true},
      {"unscheduled_backlog_end", f.unscheduled_backlog_end, true},
  };
}

bool period_metric(const PeriodFigures& f, std::string_view name, std::int64_t* out) {
  for (const PeriodField& field : period_fields(f))
    if (field.is_amount && field.name == name) { *out = field.value; return true; }
  return false;
}

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

std::optional<Date> report_as_of(const ReadSettings& settings, const std::vector<Period>& periods) {
  if (settings.as_of) return settings.as_of;
  if (periods.empty()) return std::nullopt;
  return periods.back().end();
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
  for (const Period& p : periods) r.periods.push_back(figures_for(view, p, settings.period, settings.fiscal_start, first_month));
  if (!periods.empty()) {
    Period whole{periods.front().first, periods.back().last, "total"};
    r.total = figures_for(view, whole, settings.period, settings.fiscal_start, first_month);
    r.total.bookings_growth = r.total.billings_growth = r.total.revenue_growth = r.total.backlog_growth = Growth();
  }
  return r;
}

void merge_ledger(const MonthlyLedger& from, MonthlyLedger* into) {
  if (from.empty()) return;
  for (YearMonth m = from.first(); m <= from.last(); m = m.plus(1)) {
    const MonthTotals t = from.get(m);
    add_flows(t, &into->at(m));
    add_balance_changes(t, &into->at(m));
    for (std::size_t i = 0; i < from.types().size(); ++i) {
      const std::int64_t amount = from.type_bookings(i, m);
      if (amount != 0) into->add_type_booking(from.types()[i], m, amount);
    }
  }
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
