#include "finance/ledger_posting.h"

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

// cRPO looks 12 months past each month end.
constexpr std::int32_t kCrpoMonths = 12;

}  // namespace

void post_line(const ContractLine& line, const LineSchedule& s, MonthlyLedger* ledger) {
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

  // What the line holds at the end of the month before, of the balances
  // the ledger keeps (ledger.h says how the others follow).
  std::int64_t billed = 0, recognised_before = 0, unbilled_before = 0, crpo_before = 0, not_backlog_before = 0;
  YearMonth m = booked;
  // Billings dated in months up to m: into that month's billings and
  // `billed`. False when there were none.
  const auto bill_through = [&](YearMonth month, MonthTotals& t) {
    bool any = false;
    while (next_billing != billings_end && next_billing_month <= month) {
      billed += next_billing->amount;
      t.billings += next_billing->amount;
      any = true;
      if (++next_billing != billings_end) next_billing_month = next_billing->date.year_month();
    }
    return any;
  };
  // The month's revenue and the change of each kept balance since the month before.
  const auto record_month = [&](MonthTotals& t, std::int64_t recognised, std::int64_t crpo) {
    // Unbilled receivable: earned, not yet billed.
    const std::int64_t unbilled = std::max<std::int64_t>(0, recognised - billed);
    t.revenue += recognised - recognised_before;
    t.unbilled_receivable_change += unbilled - unbilled_before;
    t.crpo_change += crpo - crpo_before;
    recognised_before = recognised;
    unbilled_before = unbilled;
    crpo_before = crpo;
  };
  const auto record_not_backlog = [&](MonthTotals& t, std::int64_t not_backlog) {
    t.deferred_not_backlog_change += not_backlog - not_backlog_before;
    not_backlog_before = not_backlog;
  };
  // Before the cancellation. Revenue never exceeds the amount, so of the
  // deferred revenue max(0, billed - revenue) all is billed backlog
  // max(0, min(billed, amount) - revenue) but what is billed beyond the
  // amount: that only changes in a month with billings.
  for (std::size_t i = 0; i < cancelled_from; ++i, m = m.plus(1)) {
    MonthTotals& t = totals[i];
    if (bill_through(m, t)) record_not_backlog(t, std::max<std::int64_t>(0, billed - amount));
    // cRPO is read as of the month end: a later cancellation is not yet
    // known, so the uncancelled schedule says what falls in the next 12 months.
    record_month(t, revenue[i], revenue[i + kCrpoMonths] - revenue[i]);
  }
  // From the cancellation's month: served through c - 1, with no cRPO and
  // no billed backlog: all deferred revenue left is not backlog.
  for (std::size_t i = cancelled_from; i < months; ++i, m = m.plus(1)) {
    MonthTotals& t = totals[i];
    bill_through(m, t);
    record_not_backlog(t, std::max<std::int64_t>(0, billed - recognised_at_cancel));
    record_month(t, recognised_at_cancel, 0);
  }
  // The unscheduled backlog is constant while the line lives: it changes
  // in the booking month and, if cancelled, in the cancellation's month.
  if (cancelled_from > 0) {
    totals[0].unscheduled_backlog_change += unscheduled;
    if (cancelled_from < months) totals[cancelled_from].unscheduled_backlog_change -= unscheduled;
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
