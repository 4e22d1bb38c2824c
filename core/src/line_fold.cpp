#include "bbb/line_fold.h"

#include <algorithm>
#include <vector>

namespace bbb {

std::int64_t acv_of(const ContractLine& line) {
  if (line.recognition != Recognition::kRatable || line.term_months <= 12) return line.amount;
  // 128 bits only when needed: a 128-bit division is a library call in wasm.
  if (line.amount >= 0 && line.amount <= INT64_MAX / 12) return line.amount * 12 / line.term_months;
  return static_cast<std::int64_t>(static_cast<__int128>(line.amount) * 12 / line.term_months);
}

namespace {

// The balances one line holds at the end of a month that the ledger keeps
// (backlog and unbilled receivable follow from the flows: see ledger.h).
struct Balances {
  std::int64_t deferred = 0, billed_backlog = 0, crpo = 0;
};

// cRPO looks 12 months past each month end.
constexpr std::int32_t kCrpoMonths = 12;

}  // namespace

void fold_line(const ContractLine& line, const LineSchedule& s, MonthlyLedger* ledger) {
  const YearMonth booked = line.booking.year_month();

  // Bookings: the whole committed value in the month it is signed.
  MonthTotals& b = ledger->at(booked);
  b.bookings += line.amount;
  b.bookings_count += 1;
  (line.recognition == Recognition::kRatable ? b.bookings_recurring : b.bookings_one_time) += line.amount;
  b.acv_bookings += acv_of(line);
  ledger->add_type_booking(line.type.empty() ? std::string_view("unspecified") : std::string_view(line.type), booked, line.amount);

  // Cancellations: the backlog left on cancel_date.
  const YearMonth cancel_month = line.has_cancel ? line.cancel.year_month() : YearMonth();
  std::int64_t recognised_at_cancel = 0;  // R(c - 1): all the line ever recognises
  if (line.has_cancel) {
    MonthTotals& c = ledger->at(cancel_month);
    c.cancellations += s.cancelled_backlog();
    c.cancellations_count += 1;
    recognised_at_cancel = s.revenue_through(line.cancel);
  }

  // Month by month from booking to the last month anything changes; after
  // it every balance of the line stays as it is. Revenue through each month
  // end comes from one pass over the uncancelled schedule, reading 12 months
  // further for cRPO.
  const YearMonth last = std::max(booked, s.last_change().year_month());
  const std::size_t months = static_cast<std::size_t>(last - booked) + 1;
  const std::int64_t* const revenue = s.month_ends(booked, months + kCrpoMonths);

  const std::vector<DatedAmount>& billings = s.billings();
  const DatedAmount* next_billing = billings.data();
  const DatedAmount* const billings_end = next_billing + billings.size();
  // The month of the next billing, computed once per billing.
  YearMonth next_billing_month = billings.empty() ? YearMonth() : billings[0].date.year_month();
  MonthTotals* const totals = ledger->range(booked, last);
  // Locals, not the line's fields: the totals are int64 too, and the
  // compiler must otherwise assume a store to them could change the line.
  const std::int64_t amount = line.amount;
  const std::int64_t unscheduled = amount - s.scheduled_total();
  // Months [0, cancelled_from) are before the cancellation (cancel_date
  // after their month end); from it on the line is cancelled.
  std::size_t cancelled_from = months;
  if (line.has_cancel) cancelled_from = static_cast<std::size_t>(std::clamp<std::int32_t>(cancel_month - booked, 0, static_cast<std::int32_t>(months)));

  std::int64_t billed = 0, recognised_before = 0, billed_before = 0;
  Balances before;
  YearMonth m = booked;
  // Billings dated in months up to m, added to `billed`.
  const auto bill_through = [&](YearMonth month) {
    while (next_billing != billings_end && next_billing_month <= month) {
      billed += next_billing->amount;
      if (++next_billing != billings_end) next_billing_month = next_billing->date.year_month();
    }
  };
  // The month's flows, and the change of each balance since the month before.
  const auto record_month = [&](MonthTotals& t, std::int64_t recognised, const Balances& now) {
    t.revenue += recognised - recognised_before;
    t.billings += billed - billed_before;
    t.deferred_revenue += now.deferred - before.deferred;
    t.billed_backlog += now.billed_backlog - before.billed_backlog;
    t.crpo += now.crpo - before.crpo;
    recognised_before = recognised;
    billed_before = billed;
    before = now;
  };
  // Before the cancellation: every balance moves with revenue and billing.
  for (std::size_t i = 0; i < cancelled_from; ++i, m = m.plus(1)) {
    const std::int64_t recognised = revenue[i];
    bill_through(m);
    Balances now;
    // Deferred revenue: billed, not yet earned.
    now.deferred = std::max<std::int64_t>(0, billed - recognised);
    now.billed_backlog = std::max<std::int64_t>(0, std::min(billed, amount) - recognised);
    // cRPO is read as of the month end: a later cancellation is not yet
    // known, so the uncancelled schedule says what falls in the next 12 months.
    now.crpo = revenue[i + kCrpoMonths] - revenue[i];

    record_month(totals[i], recognised, now);
  }
  // From the cancellation's month: served through c - 1, and nothing billed
  // backlog or cRPO.
  for (std::size_t i = cancelled_from; i < months; ++i, m = m.plus(1)) {
    const std::int64_t recognised = recognised_at_cancel;
    bill_through(m);
    Balances now;
    now.deferred = std::max<std::int64_t>(0, billed - recognised);

    record_month(totals[i], recognised, now);
  }
  // The unscheduled backlog is constant while the line lives: it changes
  // in the booking month and, if cancelled, in the cancellation's month.
  if (cancelled_from > 0) {
    totals[0].unscheduled_backlog += unscheduled;
    if (cancelled_from < months) totals[cancelled_from].unscheduled_backlog -= unscheduled;
  }
}

void revenue_by_month(const ContractLine& line, const LineSchedule& s, std::vector<std::int64_t>* out) {
  const YearMonth booked = line.booking.year_month();
  const YearMonth last = std::max(booked, s.last_change().year_month());
  const std::size_t months = static_cast<std::size_t>(last - booked) + 1;
  const std::int64_t* const month_ends = s.month_ends(booked, months);
  out->assign(month_ends, month_ends + months);
  if (line.has_cancel) {
    // From the cancellation's month on, what was served through c - 1.
    const std::int64_t at_cancel = s.revenue_through(line.cancel);
    const std::int32_t from = std::max(0, line.cancel.year_month() - booked);
    for (std::size_t i = static_cast<std::size_t>(from); i < months; ++i) (*out)[i] = at_cancel;
  }
  // Month-end totals to each month's revenue.
  for (std::size_t i = months; i-- > 1;) (*out)[i] -= (*out)[i - 1];
}

}  // namespace bbb
