#include "finance/recurring_revenue.h"

#include <algorithm>

namespace bbb {

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
  return MrrSpan{line.amount / line.term_months, first, last};
}

void RecurringRevenue::add(std::uint32_t customer, const ContractLine& line) {
  const std::optional<MrrSpan> span = mrr_span(line);
  if (!span || span->mrr == 0) return;
  if (customer >= changes_.size()) changes_.resize(customer + 1);
  changes_[customer].push_back({span->first.index(), span->mrr});
  changes_[customer].push_back({span->last.index() + 1, -span->mrr});
}

std::vector<std::pair<std::int32_t, std::int64_t>> RecurringRevenue::steps(std::uint32_t customer) const {
  std::vector<std::pair<std::int32_t, std::int64_t>> out;
  if (customer >= changes_.size()) return out;
  std::vector<Change> c = changes_[customer];
  std::sort(c.begin(), c.end(), [](const Change& a, const Change& b) { return a.month < b.month; });
  std::int64_t mrr = 0;
  for (std::size_t i = 0; i < c.size();) {
    const std::int32_t month = c[i].month;
    const std::int64_t before = mrr;
    for (; i < c.size() && c[i].month == month; ++i) mrr += c[i].delta;
    if (mrr != before) out.emplace_back(month, mrr);
  }
  return out;
}

namespace {

// The MRR at the end of month m from a customer's steps.
std::int64_t value_at(const std::vector<std::pair<std::int32_t, std::int64_t>>& steps, std::int32_t m) {
  std::int64_t mrr = 0;
  for (const auto& [month, value] : steps) {
    if (month > m) break;
    mrr = value;
  }
  return mrr;
}

}  // namespace

std::int64_t RecurringRevenue::mrr_at(std::uint32_t customer, YearMonth m) const {
  return value_at(steps(customer), m.index());
}

MrrRetention RecurringRevenue::retention(YearMonth at) const {
  MrrRetention r;
  const YearMonth before = YearMonth::from_index(at.index() - 12);
  for (std::uint32_t c = 0; c < changes_.size(); ++c) {
    const auto s = steps(c);
    const std::int64_t then = value_at(s, before.index());
    if (then <= 0) continue;
    const std::int64_t now = value_at(s, at.index());
    r.then += then;
    r.now += now;
    r.kept += std::min(now, then);
  }
  return r;
}

std::vector<MrrCohort> RecurringRevenue::cohorts(YearMonth first, YearMonth last) const {
  std::vector<MrrCohort> out;
  if (last.index() < first.index()) return out;
  const std::size_t n = static_cast<std::size_t>(last.index() - first.index() + 1);
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].start = YearMonth::from_index(first.index() + static_cast<std::int32_t>(i));
    out[i].customers.assign(n - i, 0);
    out[i].mrr.assign(n - i, 0);
  }
  for (std::uint32_t c = 0; c < changes_.size(); ++c) {
    const auto s = steps(c);
    if (s.empty() || s.front().second <= 0) continue;
    const std::int32_t start = s.front().first;  // the first step is its first MRR (MRR only grows from 0)
    if (start < first.index() || start > last.index()) continue;
    MrrCohort& cohort = out[static_cast<std::size_t>(start - first.index())];
    // Its MRR, step by step, over the months to `last`.
    for (std::size_t k = 0; k < s.size(); ++k) {
      const std::int32_t from = s[k].first;
      if (from > last.index()) break;
      const std::int32_t to = k + 1 < s.size() ? std::min(s[k + 1].first - 1, last.index()) : last.index();
      if (s[k].second <= 0) continue;
      for (std::int32_t m = from; m <= to; ++m) {
        cohort.customers[static_cast<std::size_t>(m - start)]++;
        cohort.mrr[static_cast<std::size_t>(m - start)] += s[k].second;
      }
    }
  }
  return out;
}

std::vector<MrrMonth> RecurringRevenue::months(YearMonth first, YearMonth last) const {
  std::vector<MrrMonth> out;
  if (last.index() < first.index()) return out;
  const std::size_t n = static_cast<std::size_t>(last.index() - first.index() + 1);
  out.resize(n);
  for (std::size_t i = 0; i < n; ++i) out[i].month = YearMonth::from_index(first.index() + static_cast<std::int32_t>(i));
  const auto slot = [&](std::int32_t month) -> MrrMonth* {
    if (month < first.index() || month > last.index()) return nullptr;
    return &out[static_cast<std::size_t>(month - first.index())];
  };
  // Balances as differences, summed once at the end: a customer adds only at its steps.
  std::vector<std::int64_t> mrr_delta(n + 1, 0), customer_delta(n + 1, 0);
  std::int64_t mrr_before = 0, customers_before = 0;  // at the month end before `first`
  for (std::uint32_t customer = 0; customer < changes_.size(); ++customer) {
    const auto s = steps(customer);
    std::int64_t p = 0;
    bool had_mrr = false;
    for (const auto& [month, value] : s) {
      const std::int64_t now = value;
      const std::int64_t before = p;
      p = now;
      if (month < first.index()) {
        had_mrr = had_mrr || before > 0 || now > 0;
        continue;
      }
      MrrMonth* m = slot(month);
      if (m == nullptr) break;  // after `last`
      const std::size_t i = static_cast<std::size_t>(month - first.index());
      mrr_delta[i] += now - before;
      customer_delta[i] += (now > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
      if (before == 0 && now > 0) {
        if (had_mrr) { m->reactivation += now; m->reactivated_customers++; }
        else { m->new_mrr += now; m->new_customers++; }
      } else if (before > 0 && now == 0) {
        m->churn += before;
        m->churned_customers++;
      } else if (now > before) {
        m->expansion += now - before;
      } else if (now < before) {
        m->contraction += before - now;
      }
      had_mrr = had_mrr || before > 0 || now > 0;
    }
    // Its MRR at the month end before `first`.
    const std::int64_t opening = value_at(s, first.index() - 1);
    mrr_before += opening;
    customers_before += opening > 0 ? 1 : 0;
  }
  std::int64_t mrr = mrr_before, customers = customers_before;
  for (std::size_t i = 0; i < n; ++i) {
    out[i].mrr_begin = mrr;
    out[i].customers_begin = customers;
    mrr += mrr_delta[i];
    customers += customer_delta[i];
    out[i].mrr_end = mrr;
    out[i].customers_end = customers;
  }
  return out;
}

}  // namespace bbb
