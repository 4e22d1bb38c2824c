#include "bbb/line_fold.h"

#include <algorithm>

namespace bbb {

std::int64_t acv_of(const ContractLine& line) {
  if (line.recognition != Recognition::kRatable || line.term_months <= 12) return line.amount;
  return static_cast<std::int64_t>(static_cast<__int128>(line.amount) * 12 / line.term_months);
}

namespace {

// The balances one line holds at the end of a month.
struct Balances {
  std::int64_t backlog = 0, deferred = 0, unbilled = 0, billed_backlog = 0, crpo = 0, unscheduled = 0;
};

Balances balances_at(const ContractLine& line, const LineSchedule& s, YearMonth month) {
  const Date e = month.last_day();
  Balances b;
  const std::int64_t recognised = s.revenue_through(e);
  const std::int64_t billed = s.billed_through(e);
  // Deferred revenue: billed, not yet earned. Unbilled receivable: earned, not yet billed.
  b.deferred = std::max<std::int64_t>(0, billed - recognised);
  b.unbilled = std::max<std::int64_t>(0, recognised - billed);
  const bool cancelled = line.has_cancel && line.cancel <= e;
  if (cancelled) return b;  // a cancelled line holds no backlog
  // Backlog (remaining performance obligation): booked, not yet earned.
  b.backlog = line.amount - recognised;
  b.billed_backlog = std::max<std::int64_t>(0, std::min(billed, line.amount) - recognised);
  // cRPO is read as of e: a later cancellation is not yet known, so the
  // uncancelled schedule says what falls in (e, E].
  const Date window_end = month.plus(12).last_day();
  b.crpo = s.revenue_through_uncancelled(window_end) - s.revenue_through_uncancelled(e);
  b.unscheduled = line.amount - s.scheduled_total();
  return b;
}

}  // namespace

void fold_line(const ContractLine& line, const LineSchedule& s, MonthlyLedger* ledger) {
  const YearMonth booked = line.booking.year_month();

  // Bookings: the whole committed value in the month it is signed.
  MonthTotals& b = ledger->at(booked);
  b.bookings += line.amount;
  b.bookings_count += 1;
  (line.recognition == Recognition::kRatable ? b.bookings_recurring : b.bookings_one_time) += line.amount;
  b.acv_bookings += acv_of(line);
  ledger->add_type_booking(line.type.empty() ? "unspecified" : line.type, booked, line.amount);

  // Cancellations: the backlog left on cancel_date.
  if (line.has_cancel) {
    MonthTotals& c = ledger->at(line.cancel.year_month());
    c.cancellations += s.cancelled_backlog();
    c.cancellations_count += 1;
  }

  // Revenue and billings as flows, balances as their change from month to
  // month, from the booking month to the last month anything changes; after
  // it every balance of the line stays as it is.
  const YearMonth last = std::max(booked, s.last_change().year_month());
  std::int64_t recognised_before = 0, billed_before = 0;
  Balances before;
  for (YearMonth m = booked; m <= last; m = m.plus(1)) {
    const Date e = m.last_day();
    const std::int64_t recognised = s.revenue_through(e);
    const std::int64_t billed = s.billed_through(e);
    const Balances now = balances_at(line, s, m);
    MonthTotals& t = ledger->at(m);
    t.revenue += recognised - recognised_before;
    t.billings += billed - billed_before;
    t.backlog += now.backlog - before.backlog;
    t.deferred_revenue += now.deferred - before.deferred;
    t.unbilled_receivable += now.unbilled - before.unbilled;
    t.billed_backlog += now.billed_backlog - before.billed_backlog;
    t.crpo += now.crpo - before.crpo;
    t.unscheduled_backlog += now.unscheduled - before.unscheduled;
    recognised_before = recognised;
    billed_before = billed;
    before = now;
  }
}

}  // namespace bbb
