#include "finance/ledger_posting.h"

#include <algorithm>
#include <vector>

namespace bbb {

std::int64_t acv_of(const ContractLine& line) {
  if (line.recognition != Recognition::kRatable || line.term_months <= 12) return line.amount;
  // 128 bits only when the product needs them (cold_path.h: small hot code).
  if (line.amount >= 0 && line.amount <= INT64_MAX / 12) return line.amount * 12 / line.term_months;
  return static_cast<std::int64_t>(static_cast<__int128>(line.amount) * 12 / line.term_months);
}

namespace {

// cRPO looks 12 months past each month end.
constexpr std::int32_t kCrpoMonths = 12;

}  // namespace

namespace {

// The billings of a line dated through each month, month after month.
class BilledThrough {
 public:
  explicit BilledThrough(const std::vector<DatedAmount>& billings)
      : next_(billings.data()), end_(billings.data() + billings.size()) {
    if (next_ != end_) next_month_ = next_->date.year_month();
  }
  // The billings dated in months after the last asked, through `month`.
  std::int64_t advance(YearMonth month) {
    std::int64_t added = 0;
    while (next_ != end_ && next_month_ <= month) {
      added += next_->amount;
      if (++next_ != end_) next_month_ = next_->date.year_month();
    }
    total_ += added;
    return added;
  }
  std::int64_t total() const { return total_; }

 private:
  const DatedAmount* next_;
  const DatedAmount* end_;
  YearMonth next_month_;  // of *next_, computed once a billing
  std::int64_t total_ = 0;
};

}  // namespace

void post_line(const ContractLine& line, const LineSchedule& s, MonthlyLedger* ledger) {
  const YearMonth booked = line.booking.year_month();

  // Bookings: the whole committed value in the month it is signed. An
  // invoice read alone is no booking (its backlog is posted, and never shown).
  if (!line.from_invoice) {
    MonthTotals& b = ledger->at(booked);
    b.bookings += line.amount;
    b.bookings_count += 1;
    (line.recognition == Recognition::kRatable ? b.bookings_recurring : b.bookings_one_time) += line.amount;
    b.acv_bookings += acv_of(line);
    ledger->add_type_booking(line.type.empty() ? std::string_view("unspecified") : std::string_view(line.type), booked, line.amount);
  }

  // Cancellations: the backlog left on cancel_date.
  std::int64_t recognised_at_cancel = 0;  // R(c - 1): all the line ever recognises
  if (line.has_cancel) {
    MonthTotals& c = ledger->at(line.cancel.year_month());
    c.cancellations += s.cancelled_backlog();
    c.cancellations_count += 1;
    recognised_at_cancel = s.revenue_through(line.cancel);
  }

  // Month by month from booking to the last month anything changes; after
  // it every balance of the line stays as it is. Revenue through each month
  // end comes from the uncancelled schedule, read 12 months further for cRPO.
  const YearMonth last = std::max(booked, s.last_change().year_month());
  const std::size_t months = static_cast<std::size_t>(last - booked) + 1;
  const std::int64_t* const revenue_through = s.month_ends(booked, months + kCrpoMonths);
  MonthTotals* const totals = ledger->range(booked, last.plus(1));
  // From the cancellation's month on, the line is cancelled (cancel_date is
  // on or before that month's end).
  std::size_t cancelled_from = months;
  if (line.has_cancel)
    cancelled_from = static_cast<std::size_t>(
        std::clamp<std::int32_t>(line.cancel.year_month() - booked, 0, static_cast<std::int32_t>(months)));

  BilledThrough billed(s.billings());
  LineAtMonthEnd at;
  at.amount = line.amount;
  at.scheduled = s.scheduled_total();
  Balances now;
  std::int64_t recognised_before = 0;
  const auto post_month = [&](MonthTotals& t) {
    now = line_balances(at);
    t.revenue += at.recognised - recognised_before;
    t.changing_lines += now;
    recognised_before = at.recognised;
  };
  YearMonth m = booked;
  std::size_t i = 0;
  // Billings dated before the booking month count in it.
  for (; i < cancelled_from; ++i, m = m.plus(1)) {
    totals[i].billings += billed.advance(m);
    at.billed = billed.total();
    at.recognised = revenue_through[i];
    at.recognised_12 = revenue_through[i + kCrpoMonths];
    post_month(totals[i]);
  }
  at.cancelled = true;
  at.recognised = recognised_at_cancel;
  for (; i < months; ++i, m = m.plus(1)) {
    totals[i].billings += billed.advance(m);
    at.billed = billed.total();
    post_month(totals[i]);
  }
  // What the line keeps after its last change.
  totals[months].settled_lines += now;
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
