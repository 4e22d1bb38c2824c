#include "finance/forward_view.h"

namespace bbb {

ForwardView::ForwardView(Date as_of)
    : as_of_(as_of), first_(as_of.plus_days(1).year_month()), revenue_(kHorizonMonths, 0), billings_(kHorizonMonths, 0) {}

void ForwardView::merge(const ForwardView& o) {
  for (std::size_t i = 0; i < revenue_.size(); ++i) {
    revenue_[i] += o.revenue_[i];
    billings_[i] += o.billings_[i];
  }
  revenue_later_ += o.revenue_later_;
  billings_later_ += o.billings_later_;
  unscheduled_ += o.unscheduled_;
  backlog_ += o.backlog_;
}

void ForwardView::add(const ContractLine& line, const LineSchedule& s) {
  if (!line.is_booked() || line.booking > as_of_) return;     // not yet booked at A
  if (line.has_cancel && line.cancel <= as_of_) return;       // gone from the backlog by A
  const std::int64_t recognised_at = s.revenue_through_uncancelled(as_of_);
  backlog_ += line.amount - recognised_at;
  unscheduled_ += line.amount - s.scheduled_total();
  // Nothing changes after A (revenue complete, every billing on or before
  // it): no revenue or billing ahead, and the month ends would all read
  // recognised_at (= the scheduled total).
  if (s.last_change() <= as_of_) return;
  // Month ends in one pass, as the fold reads them (first_ is never before
  // the booking month: the line was booked on or before A).
  std::int64_t through[kHorizonMonths];
  s.uncancelled_revenue_at_month_ends(first_, kHorizonMonths, through);
  std::int64_t before = recognised_at;
  for (std::int32_t i = 0; i < kHorizonMonths; ++i) {
    revenue_[static_cast<std::size_t>(i)] += through[i] - before;
    before = through[i];
  }
  revenue_later_ += s.scheduled_total() - before;
  const YearMonth horizon_end = first_.plus(kHorizonMonths - 1);
  for (const DatedAmount& b : s.billings()) {
    if (b.date <= as_of_) continue;
    const YearMonth bm = b.date.year_month();
    if (bm > horizon_end) billings_later_ += b.amount;
    else billings_[static_cast<std::size_t>(bm - first_)] += b.amount;
  }
}

}  // namespace bbb
