#include "finance/recurring_revenue.h"

#include <algorithm>
#include <utility>

namespace bbb {

namespace {

// A line's monthly amount (spec 12): of a month term, floor(amount / T); of
// an interval of weeks or days, the yearly amount over twelve.
std::int64_t monthly_amount(const ContractLine& line) {
  if (line.interval_weeks > 0) return line.amount * 12 / (52 * static_cast<std::int64_t>(line.interval_weeks));
  if (line.interval_days > 0) return line.amount * 12 / (365 * static_cast<std::int64_t>(line.interval_days));
  return line.amount / line.term_months;
}

// A step function of month indices: (month, value from that month end on), months ascending.
using Steps = std::vector<std::pair<std::int32_t, std::int64_t>>;

std::int64_t value_at(const Steps& steps, std::int32_t m) {
  auto it = std::upper_bound(steps.begin(), steps.end(), m,
                             [](std::int32_t month, const std::pair<std::int32_t, std::int64_t>& s) { return month < s.first; });
  return it == steps.begin() ? 0 : std::prev(it)->second;
}

// Adds `value` to months lo..hi (clamped to the range) of a difference array over first..first+n-1.
void add_over(std::vector<std::int64_t>& diff, std::int32_t first, std::int32_t lo, std::int32_t hi, std::int64_t value) {
  const std::int32_t n = static_cast<std::int32_t>(diff.size()) - 1;
  lo = std::max(lo, first);
  hi = std::min(hi, first + n - 1);
  if (lo > hi || value == 0) return;
  diff[static_cast<std::size_t>(lo - first)] += value;
  diff[static_cast<std::size_t>(hi - first + 1)] -= value;
}

}  // namespace

std::optional<MrrSpan> mrr_span(const ContractLine& line) {
  if (!line.is_booked() || line.from_invoice || line.recognition != Recognition::kRatable || line.term_months <= 0 ||
      !line.has_booking)
    return std::nullopt;
  // The first month end on or after both the start and the booking.
  const Date from = std::max(line.start, line.booking);
  YearMonth first = from.year_month();
  // The last month end on or before the end, and before a cancellation.
  YearMonth last = line.end.year_month();
  if (line.end < last.last_day()) last = YearMonth::from_index(last.index() - 1);
  if (line.has_cancel) last = YearMonth::from_index(std::min(last.index(), line.cancel.year_month().index() - 1));
  if (last.index() < first.index()) return std::nullopt;
  return MrrSpan{monthly_amount(line), first, last};
}

MrrScope MrrScope::of(std::vector<std::uint16_t> segments) {
  MrrScope scope;
  scope.whole_ = false;
  for (std::uint16_t s : segments) {
    if (s >= scope.member_.size()) scope.member_.resize(static_cast<std::size_t>(s) + 1, false);
    scope.member_[s] = true;
  }
  return scope;
}

void RecurringRevenue::add(std::uint32_t customer, std::uint16_t segment, const ContractLine& line) {
  if (const std::optional<MrrSpan> span = mrr_span(line)) add(customer, segment, *span);
}

void RecurringRevenue::add(std::uint32_t customer, std::uint16_t segment, const MrrSpan& span) {
  if (span.mrr == 0) return;
  if (customer >= changes_.size()) {
    changes_.resize(customer + 1);
    merged_size_.resize(customer + 1, 0);
  }
  std::vector<Change>& list = changes_[customer];
  list.push_back({span.first.index(), segment, span.mrr});
  list.push_back({span.last.index() + 1, segment, -span.mrr});
  settled_ = false;
  if (list.size() >= 16 && list.size() >= 2 * static_cast<std::size_t>(merged_size_[customer])) {
    merge(&list);
    merged_size_[customer] = static_cast<std::uint32_t>(list.size());
  }
}

void RecurringRevenue::merge(std::vector<Change>* changes) {
  std::vector<Change>& c = *changes;
  std::sort(c.begin(), c.end(), [](const Change& a, const Change& b) {
    return a.month != b.month ? a.month < b.month : a.segment < b.segment;
  });
  std::size_t out = 0;
  for (std::size_t i = 0; i < c.size();) {
    Change sum = c[i];
    for (++i; i < c.size() && c[i].month == sum.month && c[i].segment == sum.segment; ++i) sum.delta += c[i].delta;
    if (sum.delta != 0) c[out++] = sum;
  }
  c.resize(out);
}

void RecurringRevenue::settle() const {
  if (settled_) return;
  for (std::size_t customer = 0; customer < changes_.size(); ++customer) {
    if (changes_[customer].size() == merged_size_[customer]) continue;
    merge(&changes_[customer]);
    merged_size_[customer] = static_cast<std::uint32_t>(changes_[customer].size());
  }
  settled_ = true;
}

std::size_t RecurringRevenue::changes_kept() const {
  std::size_t n = 0;
  for (const auto& list : changes_) n += list.capacity();
  return n;
}

std::int64_t RecurringRevenue::mrr_at(std::uint32_t customer, YearMonth m) const {
  if (customer >= changes_.size()) return 0;
  std::int64_t mrr = 0;
  for (const Change& c : changes_[customer])
    if (c.month <= m.index()) mrr += c.delta;
  return mrr;
}

std::vector<MrrMonth> RecurringRevenue::months(YearMonth first_month, YearMonth last_month, const MrrScope& scope) const {
  std::vector<MrrMonth> out;
  const std::int32_t first = first_month.index(), last = last_month.index();
  if (last < first) return out;
  settle();
  const std::size_t n = static_cast<std::size_t>(last - first + 1);
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) out[i].month = YearMonth::from_index(first + static_cast<std::int32_t>(i));
  // Balances and retention as differences, summed once at the end: a customer adds only at its steps.
  std::vector<std::int64_t> mrr_delta(n + 1, 0), customer_delta(n + 1, 0);
  std::vector<std::int64_t> then_diff(n + 1, 0), now_diff(n + 1, 0), kept_diff(n + 1, 0);
  std::int64_t mrr_before = 0, customers_before = 0;  // at the month end before `first`
  Steps scoped;                                       // the customer's MRR in the scope, step by step
  std::vector<std::int32_t> breaks;
  for (const std::vector<Change>& list : changes_) {
    scoped.clear();
    std::int64_t whole = 0, in_scope = 0;
    bool had_mrr = false;  // any MRR at a month end before the one at hand
    for (std::size_t i = 0; i < list.size();) {
      const std::int32_t month = list[i].month;
      const std::int64_t whole_before = whole, scope_before = in_scope;
      for (; i < list.size() && list[i].month == month; ++i) {
        whole += list[i].delta;
        if (scope.has(list[i].segment)) in_scope += list[i].delta;
      }
      if (in_scope != scope_before) scoped.emplace_back(month, in_scope);
      const bool had = had_mrr;
      had_mrr = had_mrr || whole > 0;
      if (month < first || month > last || in_scope == scope_before) continue;
      MrrMonth& m = out[static_cast<std::size_t>(month - first)];
      const std::size_t at = static_cast<std::size_t>(month - first);
      mrr_delta[at] += in_scope - scope_before;
      customer_delta[at] += (in_scope > 0 ? 1 : 0) - (scope_before > 0 ? 1 : 0);
      // The customer's move decides the kind; the scope's change is its share.
      if (whole_before == 0 && whole > 0) {
        if (had) { m.reactivation += in_scope; m.reactivated_customers++; }
        else { m.new_mrr += in_scope; m.new_customers++; }
      } else if (whole_before > 0 && whole == 0) {
        m.churn += scope_before;
        m.churned_customers++;
      } else if (in_scope > scope_before) {
        m.expansion += in_scope - scope_before;
      } else {
        m.contraction += scope_before - in_scope;
      }
    }
    if (scoped.empty()) continue;
    const std::int64_t opening = value_at(scoped, first - 1);
    mrr_before += opening;
    customers_before += opening > 0 ? 1 : 0;
    // Retention: between breaks (its steps, and its steps 12 months on) both
    // the MRR now and 12 months earlier hold still.
    breaks.clear();
    breaks.push_back(first);
    for (const auto& [month, value] : scoped) {
      breaks.push_back(month);
      breaks.push_back(month + 12);
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    for (std::size_t k = 0; k < breaks.size(); ++k) {
      const std::int32_t lo = breaks[k], hi = k + 1 < breaks.size() ? breaks[k + 1] - 1 : last;
      if (hi < first || lo > last) continue;
      const std::int64_t then = value_at(scoped, lo - 12);
      if (then <= 0) continue;
      const std::int64_t now = value_at(scoped, lo);
      add_over(then_diff, first, lo, hi, then);
      add_over(now_diff, first, lo, hi, now);
      add_over(kept_diff, first, lo, hi, std::min(now, then));
    }
  }
  std::int64_t mrr = mrr_before, customers = customers_before, then = 0, now = 0, kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    out[i].mrr_begin = mrr;
    out[i].customers_begin = customers;
    mrr += mrr_delta[i];
    customers += customer_delta[i];
    out[i].mrr_end = mrr;
    out[i].customers_end = customers;
    out[i].retention_then = then += then_diff[i];
    out[i].retention_now = now += now_diff[i];
    out[i].retention_kept = kept += kept_diff[i];
  }
  return out;
}

std::vector<MrrCohort> RecurringRevenue::cohorts(YearMonth first_month, YearMonth last_month) const {
  std::vector<MrrCohort> out;
  const std::int32_t first = first_month.index(), last = last_month.index();
  if (last < first) return out;
  settle();
  const std::size_t n = static_cast<std::size_t>(last - first + 1);
  out.resize(n);
  // Each cohort's rows as differences over its months since start.
  std::vector<std::vector<std::int64_t>> customer_diff(n), mrr_diff(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].start = YearMonth::from_index(first + static_cast<std::int32_t>(i));
    customer_diff[i].assign(n - i + 1, 0);
    mrr_diff[i].assign(n - i + 1, 0);
  }
  Steps whole;
  for (const std::vector<Change>& list : changes_) {
    whole.clear();
    std::int64_t mrr = 0;
    for (std::size_t i = 0; i < list.size();) {
      const std::int32_t month = list[i].month;
      const std::int64_t before = mrr;
      for (; i < list.size() && list[i].month == month; ++i) mrr += list[i].delta;
      if (mrr != before) whole.emplace_back(month, mrr);
    }
    if (whole.empty()) continue;
    const std::int32_t start = whole.front().first;  // its first MRR (MRR only grows from 0)
    if (start < first || start > last) continue;
    const std::size_t row = static_cast<std::size_t>(start - first);
    for (std::size_t k = 0; k < whole.size(); ++k) {
      if (whole[k].second <= 0) continue;
      const std::int32_t to = k + 1 < whole.size() ? whole[k + 1].first - 1 : last;
      add_over(customer_diff[row], start, whole[k].first, to, 1);
      add_over(mrr_diff[row], start, whole[k].first, to, whole[k].second);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t months = n - i;
    out[i].customers.resize(months);
    out[i].mrr.resize(months);
    std::int64_t c = 0, m = 0;
    for (std::size_t k = 0; k < months; ++k) {
      out[i].customers[k] = c += customer_diff[i][k];
      out[i].mrr[k] = m += mrr_diff[i][k];
    }
  }
  return out;
}

}  // namespace bbb
