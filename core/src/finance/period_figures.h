// The figures of spec section 4 for one period of one ledger: the flows of
// the period, the balances at its end, the ratios and the growth. The one
// place each of them is computed; the report and the drill-down read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finance/ledger.h"
#include "values/period.h"
#include "values/ratio.h"

namespace bbb {

// One ledger read for periods: flows summed over months, and the balances
// at each month's end (the ledger's changes summed through that month).
class LedgerView {
 public:
  explicit LedgerView(const MonthlyLedger& ledger);
  Balances balances(YearMonth m) const;
  MonthTotals flows(YearMonth first, YearMonth last) const;
  std::int64_t type_bookings(std::size_t type, YearMonth first, YearMonth last) const;
  const MonthlyLedger& ledger() const { return ledger_; }

 private:
  const MonthlyLedger& ledger_;
  std::vector<Balances> balances_;
};

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


// The figures of one ledger over one period (growth against the period
// before it of the same kind).
PeriodFigures period_figures(const MonthlyLedger& ledger, const Period& period, PeriodKind kind, int fiscal_start);
// The same over a ledger read once for many periods; backlog months count
// the months from first_month (the report's first event).
PeriodFigures period_figures(const LedgerView& view, const Period& period, PeriodKind kind, int fiscal_start,
                             YearMonth first_month);

// What the lines folded can tell (spec 11). Contract lines and
// subscriptions tell every figure; invoices read alone tell billings, and
// revenue only when some invoice has a service period: bookings, backlog and
// every figure formed from them are not known. The one place this is
// decided (known_figures); the report writes an unknown figure as null,
// never as 0.
struct LineKinds {
  std::int64_t invoice_lines = 0;              // ContractLine::from_invoice
  std::int64_t invoice_lines_with_period = 0;  // of them, recognised over a service period
};
struct KnownFigures {
  bool bookings = true;  // bookings, cancellations, backlog and what is formed from them
  bool revenue = true;   // revenue, deferred revenue, unbilled receivables
};
KnownFigures known_figures(const LineKinds& kinds);

// Every whole-number figure of a period by its JSON name, in the report's
// order: the one list the JSON and the drill-down both read.
struct PeriodField {
  enum class Needs { kNothing, kBookings, kRevenue };
  const char* name;
  std::int64_t value;
  bool is_amount;  // money (drillable); false for counts
  Needs needs = Needs::kBookings;  // what must be known for the figure to be (KnownFigures)
  bool known(const KnownFigures& k) const {
    return needs == Needs::kNothing || (needs == Needs::kBookings ? k.bookings : k.revenue);
  }
};
std::vector<PeriodField> period_fields(const PeriodFigures& figures);

// An amount of the period report by its JSON name ("revenue",
// "backlog_end", ...); false for any other name.
bool period_metric(const PeriodFigures& figures, std::string_view name, std::int64_t* out);

}  // namespace bbb
