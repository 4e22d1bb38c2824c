#include "finance/sales_stats.h"

#include <algorithm>
#include <climits>

namespace bbb {

int age_bucket(std::int32_t age) {
  if (age <= 30) return 0;
  if (age <= 60) return 1;
  if (age <= 90) return 2;
  if (age <= 180) return 3;
  return 4;
}

const char* age_bucket_label(int bucket) {
  static constexpr const char* kLabels[kAgeBuckets] = {"0-30", "31-60", "61-90", "91-180", "181+"};
  return kLabels[bucket];
}

void SalesStats::add(const ContractLine& line) {
  if (line.status == Status::kOpen) {
    open_by_created_[line.has_created ? line.created.days() : INT32_MIN].add(line.amount);
    return;
  }
  // Won (booked or cancelled later) and lost lines close on booking_date.
  if (line.has_booking && (line.status == Status::kLost || line.is_booked())) {
    if (line.has_created && line.created <= line.booking) record_closed_deal(line);
    Closing& c = closing_by_month_.at(line.booking.year_month());
    if (line.status == Status::kLost) {
      ++c.lost;
      c.lost_value += line.amount;
    } else {
      ++c.won;
      c.won_value += line.amount;
      if (line.has_created && line.created <= line.booking) {
        ++c.cycle_count;
        c.cycle_days_total += line.booking - line.created;
      }
    }
  }
  if (!line.is_booked() || line.recognition != Recognition::kPoint) return;

  // Orders: a point line is undelivered from booking until it is delivered
  // or cancelled (a delivery on or after the cancel date never happens).
  const bool delivered = line.has_delivery && !(line.has_cancel && line.delivery >= line.cancel);
  // Delivered on its booking date when written earlier: the day its revenue
  // is recognised (the catch-up), for its lead time and its period alike.
  const Date delivery = std::max(line.delivery, line.booking);
  if (delivered) {
    Deliveries& d = deliveries_by_month_.at(delivery.year_month());
    ++d.count;
    d.value += line.amount;
    d.lead_days_total += delivery - line.booking;
  }
  std::int32_t exit = INT32_MAX;  // the day it leaves the undelivered backlog
  if (delivered) exit = delivery.days();
  if (line.has_cancel) exit = std::min(exit, line.cancel.days());
  const std::int32_t horizon = read_as_of_ ? read_as_of_->days() : INT32_MAX - 1;
  if (line.booking.days() <= horizon && exit > horizon) {
    undelivered_by_booking_[line.booking.days()].add(line.amount);
    // Keep the kOldestListed oldest (earliest booking, then earliest line).
    // Most lines are not among them: that is decided before their id and
    // customer are copied.
    if (oldest_.size() < kOldestListed || before(line.booking, line.line_number, oldest_.back())) list_as_oldest(line);
  }
}

void SalesStats::record_closed_deal(const ContractLine& line) {
  // Open from its created day to the day before its close.
  closed_deals_by_created_month_.at(line.created.year_month()).add(line.amount);
  closed_deals_by_close_month_.at(line.booking.year_month()).add(line.amount);
  if (read_as_of_ && line.created <= *read_as_of_ && line.booking > *read_as_of_)
    closed_later_by_created_[line.created.days()].add(line.amount);
}

bool SalesStats::before(Date booking, std::int64_t line_number, const OpenOrder& b) {
  return booking != b.booking ? booking < b.booking : line_number < b.line;
}

void SalesStats::list_as_oldest(const ContractLine& line) {
  OpenOrder o{std::string(line.id), std::string(line.customer), line.line_number, line.booking, line.amount};
  const auto older = [](const OpenOrder& a, const OpenOrder& b) { return before(a.booking, a.line, b); };
  oldest_.insert(std::upper_bound(oldest_.begin(), oldest_.end(), o, older), std::move(o));
  if (oldest_.size() > kOldestListed) oldest_.pop_back();
}

void SalesStats::merge(const SalesStats& o) {
  for (const auto& [day, cv] : o.open_by_created_) open_by_created_[day] += cv;
  for (const auto& [day, cv] : o.closed_later_by_created_) closed_later_by_created_[day] += cv;
  o.closed_deals_by_created_month_.for_each([&](YearMonth month, const CountValue& c) { closed_deals_by_created_month_.at(month) += c; });
  o.closed_deals_by_close_month_.for_each([&](YearMonth month, const CountValue& c) { closed_deals_by_close_month_.at(month) += c; });
  for (const auto& [day, cv] : o.undelivered_by_booking_) { CountValue& d = undelivered_by_booking_[day]; d.count += cv.count; d.value += cv.value; }
  o.closing_by_month_.for_each([&](YearMonth month, const Closing& c) { closing_by_month_.at(month) += c; });
  o.deliveries_by_month_.for_each([&](YearMonth month, const Deliveries& x) { deliveries_by_month_.at(month) += x; });
  auto older = [](const OpenOrder& a, const OpenOrder& b) { return a.booking != b.booking ? a.booking < b.booking : a.line < b.line; };
  oldest_.insert(oldest_.end(), o.oldest_.begin(), o.oldest_.end());
  std::sort(oldest_.begin(), oldest_.end(), older);
  if (oldest_.size() > kOldestListed) oldest_.resize(kOldestListed);
}

SalesStats::Pipeline SalesStats::pipeline_as_of(Date as_of) const {
  Pipeline p;
  const auto count = [&](std::int32_t created, const CountValue& cv) {
    p.open_count += cv.count;
    p.open_value += cv.value;
    if (created == INT32_MIN) {
      p.no_created_date += cv;
      return;
    }
    const std::int32_t age = as_of.days() - created;
    p.aged_count += cv.count;
    p.age_days_total += static_cast<std::int64_t>(age) * cv.count;
    p.buckets[age_bucket(age)] += cv;
  };
  for (const auto& [created, cv] : open_by_created_) {
    if (created != INT32_MIN && created > as_of.days()) break;  // not yet created
    count(created, cv);
  }
  for (const auto& [created, cv] : closed_later_by_created_) {
    if (created > as_of.days()) break;
    count(created, cv);
  }
  return p;
}

CountValue SalesStats::open_at_month_end(YearMonth m) const {
  CountValue open;
  const std::int32_t end = m.last_day().days();
  for (const auto& [created, cv] : open_by_created_) {
    if (created != INT32_MIN && created > end) break;  // not yet created
    open += cv;
  }
  // Won and lost deals created by the month's end and not closed by it.
  const YearMonth earliest = YearMonth::of(kMinYear, 1);
  closed_deals_by_created_month_.for_range(earliest, m, [&](const CountValue& c) { open += c; });
  closed_deals_by_close_month_.for_range(earliest, m, [&](const CountValue& c) {
    open.count -= c.count;
    open.value -= c.value;
  });
  return open;
}

SalesStats::PeriodFigures SalesStats::period_figures(const Period& p) const {
  PeriodFigures f;
  f.closing = closing(p.first, p.last);
  f.deliveries = deliveries(p.first, p.last);
  f.open_at_end = open_at_month_end(p.last);
  const Closing& c = f.closing;
  f.win_rate = ratio_of(c.won, c.won + c.lost);
  f.average_sales_cycle_days = ratio_of(c.cycle_days_total, c.cycle_count);
  if (c.won + c.lost > 0 && c.cycle_days_total > 0)
    f.sales_velocity_per_day = static_cast<std::int64_t>(static_cast<__int128>(f.open_at_end.value) * c.won * c.cycle_count /
                                                         (static_cast<__int128>(c.won + c.lost) * c.cycle_days_total));
  f.lead_time_days = ratio_of(f.deliveries.lead_days_total, f.deliveries.count);
  return f;
}

SalesStats::PipelineFigures SalesStats::pipeline_figures(Date as_of) const {
  PipelineFigures f;
  f.open = pipeline_as_of(as_of);
  if (f.open.open_count != 0) f.average_deal_size = f.open.open_value / f.open.open_count;
  f.average_age_days = ratio_of(f.open.age_days_total, f.open.aged_count);
  return f;
}

SalesStats::Closing SalesStats::closing(YearMonth first, YearMonth last) const {
  Closing sum;
  closing_by_month_.for_range(first, last, [&](const Closing& c) { sum += c; });
  return sum;
}

SalesStats::Deliveries SalesStats::deliveries(YearMonth first, YearMonth last) const {
  Deliveries sum;
  deliveries_by_month_.for_range(first, last, [&](const Deliveries& x) { sum += x; });
  return sum;
}

SalesStats::Undelivered SalesStats::undelivered_as_of(Date as_of) const {
  Undelivered u;
  for (const auto& [booked, cv] : undelivered_by_booking_) {
    if (booked > as_of.days()) break;
    const std::int32_t age = as_of.days() - booked;
    CountValue& b = u.buckets[age_bucket(age)];
    b.count += cv.count;
    b.value += cv.value;
    if (age > 90) {
      u.older_than_90.count += cv.count;
      u.older_than_90.value += cv.value;
    }
  }
  for (const OpenOrder& o : oldest_)
    if (o.booking <= as_of) u.oldest.push_back(o);
  return u;
}

}  // namespace bbb
