#include "finance/waterfall.h"

#include <algorithm>
#include <numeric>

#include "finance/ledger_posting.h"

namespace bbb {

void WaterfallRow::grow_and_add(std::vector<std::int64_t>* series, YearMonth m, std::int64_t amount) {
  if (amount == 0) return;
  if (revenue.empty() && cancelled.empty()) first = m;
  if (m < first) {
    // Grow at the front: both series share `first`.
    const std::size_t by = static_cast<std::size_t>(first - m);
    if (!revenue.empty()) revenue.insert(revenue.begin(), by, 0);
    if (!cancelled.empty()) cancelled.insert(cancelled.begin(), by, 0);
    first = m;
  }
  const std::size_t i = static_cast<std::size_t>(m - first);
  if (series->size() <= i) series->resize(i + 1, 0);
  (*series)[i] += amount;
}

void WaterfallRow::add_revenue_run(YearMonth from, const std::int64_t* amounts, std::size_t n) {
  // Leading and trailing zeros add nothing and need no room.
  std::size_t lo = 0, hi = n;
  while (lo < hi && amounts[lo] == 0) ++lo;
  while (hi > lo && amounts[hi - 1] == 0) --hi;
  if (lo == hi) return;
  const YearMonth a = from.plus(static_cast<std::int32_t>(lo)), b = from.plus(static_cast<std::int32_t>(hi - 1));
  add_revenue(a, amounts[lo]);  // the row now covers a..b (first is at most a)
  if (hi - lo == 1) return;
  add_revenue(b, amounts[hi - 1]);
  std::int64_t* const at_a = revenue.data() + (a - first);
  for (std::size_t k = lo + 1; k + 1 < hi; ++k) at_a[k - lo] += amounts[k];
}

std::int64_t WaterfallRow::sum(const std::vector<std::int64_t>& series, YearMonth from, YearMonth to) const {
  std::int64_t total = 0;
  const YearMonth lo = std::max(from, first);
  for (YearMonth m = lo; m <= to && static_cast<std::size_t>(m - first) < series.size(); m = m.plus(1))
    total += series[static_cast<std::size_t>(m - first)];
  return total;
}

void WaterfallRow::merge(const WaterfallRow& o) {
  opened += o.opened;
  for (std::size_t i = 0; i < o.revenue.size(); ++i) add_revenue(o.first.plus(static_cast<std::int32_t>(i)), o.revenue[i]);
  for (std::size_t i = 0; i < o.cancelled.size(); ++i) add_cancelled(o.first.plus(static_cast<std::int32_t>(i)), o.cancelled[i]);
}

void Waterfall::merge(const Waterfall& o) {
  for (const auto& [month, row] : o.booked_) booked_[month].merge(row);
  for (const auto& [month, row] : o.billed_) billed_[month].merge(row);
}

void Waterfall::add(const ContractLine& line, const LineSchedule& s) {
  thread_local std::vector<std::int64_t> revenue;  // reused: no allocation per line
  revenue_by_month(line, s, &revenue);
  const YearMonth first = line.booking.year_month();

  WaterfallRow& row = booked_index_.row(booked_, first);
  row.opened += line.amount;
  row.add_revenue_run(first, revenue.data(), revenue.size());
  if (line.has_cancel) row.add_cancelled(line.cancel.year_month(), s.cancelled_backlog());

  add_billed(line, s, first, revenue);
}

void Waterfall::add_billed(const ContractLine& line, const LineSchedule& s, YearMonth first,
                           const std::vector<std::int64_t>& revenue) {
  // Worked in the line's own sign, so that a negative line (a downgrade)
  // matches its negative invoices the same way.
  const std::int64_t sign = line.amount < 0 ? -1 : 1;
  // The line's invoices as layers stacked oldest first: layer k covers
  // [start_k, end_k) of the cumulative billed amount, start_k = end_(k-1).
  // Each layer holds its row: one lookup per billing month, not per month earned.
  struct Layer { WaterfallRow* row; std::int64_t start, end; };
  thread_local std::vector<Layer> layers;
  layers.clear();
  std::int64_t stacked = 0;
  std::int32_t last_month = INT32_MIN;
  WaterfallRow* row = nullptr;
  for (const DatedAmount& b : s.billings()) {  // sorted by date
    const YearMonth month = b.date.year_month();
    if (month.index() != last_month) { row = &billed_index_.row(billed_, month); last_month = month.index(); }
    row->opened += b.amount;
    if (b.amount * sign <= 0) continue;  // a credit note only lowers what its row leaves to earn
    stacked += b.amount * sign;
    if (!layers.empty() && layers.back().row == row) layers.back().end = stacked;
    else layers.push_back({row, layers.empty() ? 0 : layers.back().end, stacked});
  }
  const Layer* const layer = layers.data();
  const std::size_t layer_count = layers.size();
  const std::int64_t* const earned = revenue.data();
  const std::size_t months = revenue.size();
  WaterfallRow* not_billed = nullptr;
  // The usual case: a positive line whose revenue only grows (every ratable
  // or delivered line, known without a look; a fulfilment percentage may fall).
  bool growing = sign == 1;
  if (growing && !s.revenue_never_falls())
    for (std::size_t i = 0; i < months && growing; ++i) growing = earned[i] >= 0;
  if (growing) {
    // One layer (billed upfront, yearly over a year, on delivery) that
    // covers all the revenue: each month's revenue is earned from that one
    // row, as one run.
    if (layer_count == 1 && std::accumulate(earned, earned + months, std::int64_t{0}) <= stacked) {
      layer[0].row->add_revenue_run(first, earned, months);
      return;
    }
    // Otherwise the revenue through each month end and the layers are two
    // sorted runs of one cumulative amount, merged in one pass: each step
    // ends a month's revenue or a layer. Layer k covers [start, end) and
    // starts where k - 1 ends, so `level` (revenue so far) is always inside
    // layer k. What passes everything billed is not billed. The same
    // amounts as the general walk below, with no search and no overlap
    // arithmetic per month.
    std::int64_t level = 0;
    std::size_t k = 0;
    for (std::size_t i = 0; i < months; ++i) {
      std::int64_t left = earned[i];
      if (left == 0) continue;
      const YearMonth m = first.plus(static_cast<std::int32_t>(i));
      while (left > 0 && k < layer_count) {
        const std::int64_t take = std::min(left, layer[k].end - level);
        layer[k].row->add_revenue(m, take);
        level += take;
        left -= take;
        if (level == layer[k].end) ++k;
      }
      if (left > 0) {
        if (not_billed == nullptr) not_billed = &billed_[kNotBilledRow];
        not_billed->add_revenue(m, left);
        level += left;
      }
    }
    return;
  }
  // In general: revenue earned through a month end fills the layers from
  // the oldest; a month's revenue is how far that level moved, row by row.
  // A fall in revenue (a percentage that goes down) empties the newest
  // layers first.
  std::int64_t level = 0;
  std::size_t lowest_layer = 0;  // the first layer reaching past the level's low end
  for (std::size_t i = 0; i < months; ++i) {
    if (earned[i] == 0) continue;
    const YearMonth m = first.plus(static_cast<std::int32_t>(i));
    const std::int64_t next = level + earned[i] * sign;
    const std::int64_t lo = std::min(level, next), hi = std::max(level, next);
    const std::int64_t direction = (next > level ? 1 : -1) * sign;
    // Outside the stacked invoices: earned beyond (or below) anything billed.
    if (lo < 0 || hi > stacked) {
      const std::int64_t outside = std::max<std::int64_t>(0, std::min<std::int64_t>(hi, 0) - lo) + std::max<std::int64_t>(0, hi - std::max(lo, stacked));
      if (outside != 0) {
        if (not_billed == nullptr) not_billed = &billed_[kNotBilledRow];
        not_billed->add_revenue(m, direction * outside);
      }
    }
    // The level mostly moves a little at a time: step to the layer from the last one.
    while (lowest_layer > 0 && layer[lowest_layer - 1].end > lo) --lowest_layer;  // end of k-1 = start of k
    while (lowest_layer < layer_count && layer[lowest_layer].end <= lo) ++lowest_layer;
    for (std::size_t k = lowest_layer; k < layer_count && layer[k].start < hi; ++k) {
      const std::int64_t overlap = std::min(hi, layer[k].end) - std::max(lo, layer[k].start);
      if (overlap > 0) layer[k].row->add_revenue(m, direction * overlap);
    }
    level = next;
  }
}

WaterfallPeriods::WaterfallPeriods(const std::vector<Period>& periods) : periods_(periods.size()) {
  if (periods.empty()) return;
  first_ = periods.front().first;
  last_ = periods.back().last;
  period_of_.assign(static_cast<std::size_t>(std::max(0, last_ - first_ + 1)), -1);
  for (std::size_t j = 0; j < periods.size(); ++j)
    for (YearMonth m = std::max(periods[j].first, first_); m <= periods[j].last && m <= last_; m = m.plus(1))
      period_of_[static_cast<std::size_t>(m - first_)] = static_cast<std::int32_t>(j);
}

WaterfallPeriodRow WaterfallPeriods::row(const std::map<std::int32_t, WaterfallRow>& by_month, std::int32_t lo,
                                         std::int32_t hi) const {
  WaterfallRow merged;
  for (auto it = by_month.lower_bound(lo); it != by_month.end() && it->first <= hi; ++it) merged.merge(it->second);
  WaterfallPeriodRow out;
  out.opened = merged.opened;
  out.cells.assign(periods_, 0);
  std::int64_t in_range = 0;
  for (std::size_t i = 0; i < merged.revenue.size(); ++i) {
    const YearMonth m = merged.first.plus(static_cast<std::int32_t>(i));
    if (m < first_) {
      out.revenue_before += merged.revenue[i];
    } else if (m <= last_ && period_of_[static_cast<std::size_t>(m - first_)] >= 0) {
      out.cells[static_cast<std::size_t>(period_of_[static_cast<std::size_t>(m - first_)])] += merged.revenue[i];
      in_range += merged.revenue[i];
    }
  }
  for (std::int64_t c : out.cells) out.any_cell = out.any_cell || c != 0;
  out.cancelled = merged.cancelled_in(YearMonth::from_index(INT32_MIN / 2), last_);
  out.left = out.opened - out.revenue_before - in_range - out.cancelled;
  return out;
}

}  // namespace bbb
