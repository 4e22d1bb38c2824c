#include "finance/schedule.h"

#include <algorithm>
#include <utility>

#include "fast/stepwise_quotient.h"

namespace bbb {

const char* proration_name(Proration p) { return p == Proration::kDaily ? "daily" : "monthly"; }
namespace {

// Monthly proration weighs each day 1/(days in its month). Counting weight in
// units of 1/377580 of a month (the lcm of 28, 29, 30 and 31) keeps it exact.
constexpr std::int64_t kMonthWeight = 377580;

// The weight of one day of a month of `days` (28 to 31) days: kMonthWeight / days,
// from a table (a division per call would otherwise be a 64-bit divide).
inline std::int64_t day_weight(std::int64_t days) {
  static constexpr std::int64_t kWeights[4] = {kMonthWeight / 28, kMonthWeight / 29, kMonthWeight / 30, kMonthWeight / 31};
  return kWeights[days - 28];
}

// The weight of the term's days from `start` through day d (d >= start):
// one per day with daily proration; with monthly proration each day weighs
// kMonthWeight / (days in its month): the first (maybe partial) month, the
// whole months between, and the days of d's month.
inline std::int64_t weight_through(Date start, Date d, Proration proration) {
  if (proration == Proration::kDaily) return d - start + 1;
  const YearMonth sm = start.year_month(), dm = d.year_month();
  const std::int64_t sd = sm.days();
  if (sm == dm) return (d.day() - start.day() + 1) * day_weight(sd);
  return (sd - start.day() + 1) * day_weight(sd) + (dm - sm - 1) * kMonthWeight + d.day() * day_weight(dm.days());
}

// floor(amount * part / whole) exactly, for 0 <= part <= whole.
std::int64_t prorate(std::int64_t amount, std::int64_t part, std::int64_t whole) {
  if (part >= whole) return amount;
  if (amount >= 0 && (part == 0 || amount <= INT64_MAX / part)) return amount * part / whole;
  const __int128 p = static_cast<__int128>(amount) * part;
  __int128 q = p / whole;
  if (p % whole != 0 && p < 0) --q;  // floor, not truncation
  return static_cast<std::int64_t>(q);
}

// Of `count` months from `first`, how many come before month m.
std::size_t entries_before(YearMonth first, YearMonth m, std::size_t count) {
  return static_cast<std::size_t>(std::clamp<std::int64_t>(m - first, 0, static_cast<std::int64_t>(count)));
}

}  // namespace

namespace {

// generated_installments, appended to *out (no vector of its own per line).
// True when none of them is zero (false: some may be).
bool append_generated_installments(const ContractLine& line, std::vector<DatedAmount>* out_vector) {
  std::vector<DatedAmount>& out = *out_vector;
  const std::int64_t a = line.amount;
  const int k = billing_interval_months(line.billing);
  bool none_zero = true;
  if (line.billing == BillingKind::kUpfront) {
    out.push_back({line.billing_start, a});
    none_zero = a != 0;
  } else if (line.billing == BillingKind::kOnDelivery) {
    if (line.has_delivery) out.push_back({line.delivery, a});
    none_zero = a != 0;
  } else if (k > 0) {
    // Spec 3 and 10: n = ceil(T / k) installments; the i-th is
    // floor(a*min((i+1)k,T)/T) - floor(a*ik/T), dated from billing_start
    // (never month after month, so Jan 31 gives Feb 29, Mar 31, Apr 30).
    const std::int64_t t = line.term_months > 0 ? line.term_months : 1;
    const std::int64_t n = (t + k - 1) / k;
    // One allocation for them all, and one more slot for a cancellation's true-up.
    out.reserve(out.size() + static_cast<std::size_t>(n) + 1);
    const std::size_t first = out.size();
    out.resize(first + static_cast<std::size_t>(n));
    DatedAmount* const installment = out.data() + first;
    // add_months(billing_start, m) for each m, with the start's calendar date read once.
    const YearMonth start_month = line.billing_start.year_month();
    const int start_day = line.billing_start.day();
    const bool arrears = billing_in_arrears(line.billing);
    for (std::int64_t i = 0; i < n; ++i) {
      const std::int64_t upto = std::min<std::int64_t>((i + 1) * k, t);
      installment[i].date = arrears ? start_month.plus(static_cast<std::int32_t>(upto)).day_clamped(start_day).plus_days(-1)
                                    : start_month.plus(static_cast<std::int32_t>(i * k)).day_clamped(start_day);
    }
    // Billed through the i-th: floor(a*(i+1)k/T), and all of a at the last.
    // Each installment but the last is floor(ak/T) or one more; the last,
    // a - floor(a(n-1)k/T), is at least 1 when a is: with floor(ak/T) >= 1
    // none is zero (a negative amount is left to the filter).
    StepwiseQuotient billed_through(a, 0, k, t);
    none_zero = a >= 0 && billed_through.step_floor() >= 1;
    std::int64_t billed_before = 0;
    for (std::int64_t i = 0; i + 1 < n; ++i) {
      const std::int64_t billed = billed_through.next();
      installment[i].amount = billed - billed_before;
      billed_before = billed;
    }
    installment[n - 1].amount = a - billed_before;
  }
  return none_zero;
}

}  // namespace

std::vector<DatedAmount> generated_installments(const ContractLine& line) {
  std::vector<DatedAmount> out;
  append_generated_installments(line, &out);
  return out;
}

LineSchedule::LineSchedule(const ContractLine& line, Proration proration, std::vector<DatedAmount> invoices,
                           const Fulfilment* fulfilment, ScheduleStorage storage)
    : line_(line), proration_(proration), fulfilment_(fulfilment), billings_(std::move(storage.billings)),
      month_ends_(std::move(storage.month_ends)) {
  billings_.clear();
  if (fulfilment_ == nullptr && line_.recognition == Recognition::kRatable)
    total_weight_ = weight_through(line_.start, line_.end, proration_);
  if (fulfilment_ != nullptr) {
    scheduled_total_ = fulfilment_->rows.empty() ? 0 : fulfilled_through(fulfilment_->rows.back().date);
  } else if (line_.recognition == Recognition::kRatable) {
    scheduled_total_ = line_.amount;
  } else {
    scheduled_total_ = line_.has_delivery ? line_.amount : 0;
  }

  if (invoices.empty()) build_generated_billing();
  else build_invoiced_billing(std::move(invoices));

  // The last day anything changes: the last billing, the day revenue is
  // complete, or the cancellation (after which nothing is recognised).
  Date revenue_end = line_.booking;
  if (fulfilment_ != nullptr) {
    if (!fulfilment_->rows.empty()) revenue_end = std::max(revenue_end, fulfilment_->rows.back().date);
  } else if (line_.recognition == Recognition::kRatable) {
    revenue_end = std::max(revenue_end, line_.end);
  } else if (line_.has_delivery) {
    revenue_end = std::max(revenue_end, line_.delivery);
  }
  if (line_.has_cancel) revenue_end = line_.cancel;
  last_change_ = std::max(revenue_end, billings_.empty() ? line_.booking : billings_.back().date);
}

std::int64_t LineSchedule::ratable_through(Date d) const {
  // R(d) = floor(A x W(d) / W), spec 3.
  if (d < line_.start) return 0;
  if (d >= line_.end) return line_.amount;
  return prorate(line_.amount, weight_through(line_.start, d, proration_), total_weight_);
}

void LineSchedule::uncancelled_revenue_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const {
  const std::int64_t a = line_.amount;
  if (fulfilment_ != nullptr) {
    fulfilled_at_month_ends(first, count, out);
    return;
  }
  if (line_.recognition != Recognition::kRatable) {
    // Nothing until the delivery's month, all of it from then on.
    const std::size_t from = line_.has_delivery ? entries_before(first, line_.delivery.year_month(), count) : count;
    std::fill(out, out + from, 0);
    std::fill(out + from, out + count, a);
    return;
  }
  if (proration_ == Proration::kDaily) {
    daily_ratable_at_month_ends(first, count, out);
    return;
  }
  monthly_ratable_at_month_ends(first, count, out);
}

void LineSchedule::fulfilled_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const {
  const auto& rows = fulfilment_->rows;
  std::size_t next = 0;
  std::int64_t cumulative = 0;
  YearMonth m = first;
  for (std::size_t i = 0; i < count; ++i, m = m.plus(1)) {
    while (next < rows.size() && rows[next].date.year_month() <= m) {
      cumulative = fulfilment_->is_percent ? rows[next].amount : cumulative + rows[next].amount;
      ++next;
    }
    out[i] = fulfilled_revenue(cumulative);
  }
}

void LineSchedule::daily_ratable_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const {
  YearMonth m = first;
  for (std::size_t i = 0; i < count; ++i, m = m.plus(1)) out[i] = ratable_through(m.last_day());
}

void LineSchedule::monthly_ratable_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const {
  const std::int64_t a = line_.amount;
  const YearMonth sm = line_.start.year_month(), em = line_.end.year_month();
  // Monthly proration: through the end of month m the weight is the first
  // (maybe partial) month plus one whole month for each month after it.
  // Three runs: months before the start's month (nothing yet), the term's
  // months up to the end's month, and from the end's month on (all of it).
  const std::size_t term_from = entries_before(first, sm, count);
  const std::size_t complete_from = std::max(term_from, entries_before(first, em, count));
  if (term_from != 0) std::fill(out, out + term_from, 0);
  std::fill(out + complete_from, out + count, a);
  if (term_from == complete_from) return;
  // Inside the term the weight through a month's end grows by one whole
  // month a month: R(e) = floor(a * W(e) / W) month after month.
  const YearMonth term_first = first.plus(static_cast<std::int32_t>(term_from));
  StepwiseQuotient revenue(a, weight_through(line_.start, term_first.last_day(), proration_), kMonthWeight, total_weight_);
  out[term_from] = revenue.value();
  for (std::size_t i = term_from + 1; i < complete_from; ++i) out[i] = revenue.next();
}

const std::int64_t* LineSchedule::month_ends(YearMonth first, std::size_t count) const {
  if (first != month_ends_first_ || count > month_ends_count_) {
    // The buffer only grows (it is handed from line to line): no zeros written per line.
    if (month_ends_.size() < count) month_ends_.resize(count);
    uncancelled_revenue_at_month_ends(first, count, month_ends_.data());
    month_ends_first_ = first;
    month_ends_count_ = count;
  }
  return month_ends_.data();
}

std::int64_t LineSchedule::fulfilled_through(Date d) const {
  std::int64_t cumulative = 0;
  for (const DatedAmount& r : fulfilment_->rows) {
    if (r.date > d) break;
    cumulative = fulfilment_->is_percent ? r.amount : cumulative + r.amount;
  }
  return fulfilled_revenue(cumulative);
}

std::int64_t LineSchedule::fulfilled_revenue(std::int64_t cumulative) const {
  const std::int64_t earned = fulfilment_->is_percent ? prorate(line_.amount, cumulative, 100000000) : cumulative;
  return std::clamp<std::int64_t>(earned, 0, line_.amount);  // never more than booked, never negative
}

std::int64_t LineSchedule::base_revenue_through(Date d) const {
  if (fulfilment_ != nullptr) return fulfilled_through(d);
  if (line_.recognition == Recognition::kRatable) return ratable_through(d);
  return line_.has_delivery && d >= line_.delivery ? line_.amount : 0;
}

std::int64_t LineSchedule::revenue_through_uncancelled(Date d) const {
  // Catch-up: what a schedule puts before booking is recognised on booking_date.
  return d < line_.booking ? 0 : base_revenue_through(d);
}

std::int64_t LineSchedule::revenue_through(Date d) const {
  // Catch-up first, on the day asked: nothing before booking. Then the
  // cancellation on c: served through c - 1, so a line cancelled on its
  // booking day still recognises, on that day, what its service before
  // booking earned.
  if (d < line_.booking) return 0;
  if (line_.has_cancel && d >= line_.cancel) return base_revenue_through(line_.cancel.plus_days(-1));
  return base_revenue_through(d);
}

std::int64_t LineSchedule::cancelled_backlog() const {
  // A - R(c - 1), R(c - 1) recognised by c (on the booking date when c is it).
  return line_.amount - revenue_through(line_.cancel);
}

void LineSchedule::build_generated_billing() {
  // The installments are built in billings_, in date order (generated ones
  // by construction, fulfilment rows as sorted when they were matched to the
  // line), and then filtered in place: that leaves them finished.
  if (fulfilment_ != nullptr && line_.billing == BillingKind::kOnDelivery) {
    // Partial shipments are billed as they are delivered.
    std::int64_t before = 0;
    for (const DatedAmount& r : fulfilment_->rows) {
      const std::int64_t now = fulfilled_through(r.date);
      if (now != before) billings_.push_back({r.date, now - before});
      before = now;
    }
  } else {
    const bool none_zero = append_generated_installments(line_, &billings_);
    // Generated installments are dated strictly later one after another:
    // with none before booking, none of zero and no cancellation, the
    // filter would keep them all as they are (most lines).
    if (none_zero && !line_.has_cancel && (billings_.empty() || billings_.front().date >= line_.booking)) return;
  }
  filter_installments();
}

void LineSchedule::filter_installments() {
  // Installments before booking move to booking_date (catch-up); none is
  // kept on or after cancel_date, and a true-up follows instead. Kept in
  // place, one entry per date and none of zero.
  std::int64_t billed_before_cancel = 0;
  std::size_t kept = 0;
  for (std::size_t k = 0; k < billings_.size(); ++k) {
    DatedAmount i = billings_[k];
    if (i.date < line_.booking) i.date = line_.booking;
    if (line_.has_cancel && i.date >= line_.cancel) continue;
    billed_before_cancel += i.amount;
    if (kept > 0 && billings_[kept - 1].date == i.date) {
      billings_[kept - 1].amount += i.amount;
      continue;
    }
    if (kept > 0 && billings_[kept - 1].amount == 0) --kept;
    billings_[kept++] = i;
  }
  if (kept > 0 && billings_[kept - 1].amount == 0) --kept;
  billings_.resize(kept);
  // Dated cancel_date, after every kept installment.
  if (line_.has_cancel) add_true_up(billed_before_cancel);
}

void LineSchedule::build_invoiced_billing(std::vector<DatedAmount> invoices) {
  // Invoices are billings as dated (moved to booking_date if earlier) and are
  // never dropped by a cancellation.
  std::int64_t billed_through_cancel = 0;
  for (DatedAmount& i : invoices) {
    if (i.date < line_.booking) i.date = line_.booking;
    if (line_.has_cancel && i.date <= line_.cancel) billed_through_cancel += i.amount;
    billings_.push_back(i);
  }
  if (line_.has_cancel) add_true_up(billed_through_cancel);
  finish_billing();
}

void LineSchedule::add_true_up(std::int64_t billed_through_cancel) {
  // After the cancellation billed equals recognised: a credit note for what
  // was billed but not earned, or a final invoice for what was earned but
  // not billed. A zero true-up is no event.
  const std::int64_t true_up = revenue_through(line_.cancel) - billed_through_cancel;
  if (true_up != 0) billings_.push_back({line_.cancel, true_up});
}

void LineSchedule::finish_billing() {
  // Sorted by date (already so for generated installments), then one entry
  // per date and no zero entries, in place.
  if (!std::is_sorted(billings_.begin(), billings_.end(),
                      [](const DatedAmount& a, const DatedAmount& b) { return a.date < b.date; }))
    std::stable_sort(billings_.begin(), billings_.end(),
                     [](const DatedAmount& a, const DatedAmount& b) { return a.date < b.date; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < billings_.size(); ++i) {
    if (out > 0 && billings_[out - 1].date == billings_[i].date) billings_[out - 1].amount += billings_[i].amount;
    else billings_[out++] = billings_[i];
  }
  billings_.resize(out);
  billings_.erase(std::remove_if(billings_.begin(), billings_.end(), [](const DatedAmount& b) { return b.amount == 0; }),
                  billings_.end());
}

std::int64_t LineSchedule::billed_through(Date d) const {
  std::int64_t sum = 0;
  for (const DatedAmount& b : billings_) {
    if (b.date > d) break;
    sum += b.amount;
  }
  return sum;
}

}  // namespace bbb
