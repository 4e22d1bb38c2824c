#include "finance/period_figures.h"

#include <algorithm>

namespace bbb {

namespace {

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

}  // namespace

LedgerView::LedgerView(const MonthlyLedger& ledger) : ledger_(ledger) {
  if (ledger.empty()) return;
  Balances settled;
  for (YearMonth m = ledger.first(); m <= ledger.last(); m = m.plus(1)) {
    const MonthTotals& t = ledger.get(m);
    settled += t.settled_lines;
    Balances at_end = settled;
    at_end += t.changing_lines;
    balances_.push_back(at_end);
  }
}

Balances LedgerView::balances(YearMonth m) const {
  if (balances_.empty() || m < ledger_.first()) return Balances();
  if (m > ledger_.last()) return balances_.back();
  return balances_[static_cast<std::size_t>(m - ledger_.first())];
}

MonthTotals LedgerView::flows(YearMonth first, YearMonth last) const {
  MonthTotals sum;
  if (ledger_.empty()) return sum;
  for (YearMonth m = std::max(first, ledger_.first()); m <= std::min(last, ledger_.last()); m = m.plus(1))
    sum.add_flows(ledger_.get(m));
  return sum;
}

std::int64_t LedgerView::type_bookings(std::size_t type, YearMonth first, YearMonth last) const {
  std::int64_t sum = 0;
  for (YearMonth m = first; m <= last; m = m.plus(1)) sum += ledger_.type_bookings(type, m);
  return sum;
}

PeriodFigures period_figures(const LedgerView& view, const Period& p, PeriodKind kind, int fiscal_start,
                          YearMonth first_month) {
  PeriodFigures f;
  f.period = p;
  f.flows = view.flows(p.first, p.last);
  for (std::size_t i = 0; i < view.ledger().types().size(); ++i)
    f.bookings_by_type.emplace_back(view.ledger().types()[i], view.type_bookings(i, p.first, p.last));
  const Balances begin = view.balances(p.first.plus(-1));
  const Balances end = view.balances(p.last);
  f.backlog_begin = begin.backlog;
  f.backlog_end = end.backlog;
  f.deferred_revenue_end = end.deferred_revenue;
  f.unbilled_receivable_end = end.unbilled_receivable;
  f.billed_backlog_end = end.billed_backlog;
  f.unbilled_backlog_end = end.unbilled_backlog();
  f.crpo_end = end.crpo;
  f.unscheduled_backlog_end = end.unscheduled_backlog;
  f.later_backlog_end = end.later_backlog();
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

PeriodFigures period_figures(const MonthlyLedger& ledger, const Period& period, PeriodKind kind, int fiscal_start) {
  return period_figures(LedgerView(ledger), period, kind, fiscal_start, ledger.empty() ? period.first : ledger.first());
}

KnownFigures known_figures(const LineKinds& kinds) {
  KnownFigures k;
  if (kinds.invoice_lines == 0) return k;
  k.bookings = false;
  k.revenue = kinds.invoice_lines_with_period > 0;
  return k;
}

std::vector<PeriodField> period_fields(const PeriodFigures& f) {
  using N = PeriodField::Needs;
  return {
      {"bookings", f.flows.bookings, true},
      {"bookings_count", f.flows.bookings_count, false},
      {"bookings_recurring", f.flows.bookings_recurring, true},
      {"bookings_one_time", f.flows.bookings_one_time, true},
      {"acv_bookings", f.flows.acv_bookings, true},
      {"cancellations", f.flows.cancellations, true},
      {"cancellations_count", f.flows.cancellations_count, false},
      {"revenue", f.flows.revenue, true, N::kRevenue},
      {"billings", f.flows.billings, true, N::kNothing},
      {"backlog_begin", f.backlog_begin, true},
      {"backlog_end", f.backlog_end, true},
      {"deferred_revenue_end", f.deferred_revenue_end, true, N::kRevenue},
      {"unbilled_receivable_end", f.unbilled_receivable_end, true, N::kRevenue},
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

}  // namespace bbb
