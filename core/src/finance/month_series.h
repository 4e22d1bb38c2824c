// Values by calendar month, stored as one contiguous run from the first
// month seen to the last: a lookup is an index, not a tree search, and the
// run grows at either end. Months between hold zero values, so sums over a
// range are the same as over the months actually written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "fast/cold_path.h"
#include "values/date.h"

namespace bbb {

// Grows a month-indexed series to cover m, at either end (rarely: once a
// month is covered it stays so).
template <class T>
BBB_COLD void grow_month_series(std::vector<T>& series, YearMonth& first, YearMonth m) {
  if (series.empty()) {
    first = m;
    series.resize(1);
  } else if (m < first) {
    series.insert(series.begin(), static_cast<std::size_t>(first - m), T());
    first = m;
  } else {
    series.resize(static_cast<std::size_t>(m - first) + 1);
  }
}

// The slot of m, the series grown to cover it. One unsigned compare covers
// an empty series and a month on either side of it.
template <class T>
T& month_slot(std::vector<T>& series, YearMonth& first, YearMonth m) {
  if (static_cast<std::uint32_t>(m - first) >= series.size()) grow_month_series(series, first, m);
  return series[static_cast<std::size_t>(m - first)];
}

template <class T>
class MonthSeries {
 public:
  T& at(YearMonth m) { return month_slot(values_, first_, m); }
  // f(month, value) for every stored month, in order.
  template <class F>
  void for_each(F f) const {
    for (std::size_t i = 0; i < values_.size(); ++i) f(first_.plus(static_cast<std::int32_t>(i)), values_[i]);
  }
  // f(value) for the stored months within [from, to].
  template <class F>
  void for_range(YearMonth from, YearMonth to, F f) const {
    if (values_.empty()) return;
    const YearMonth last = first_.plus(static_cast<std::int32_t>(values_.size()) - 1);
    for (YearMonth m = from < first_ ? first_ : from; m <= to && m <= last; m = m.plus(1))
      f(values_[static_cast<std::size_t>(m - first_)]);
  }

 private:
  YearMonth first_;
  std::vector<T> values_;
};

}  // namespace bbb
