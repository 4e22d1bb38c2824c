#include "finance/ledger.h"

#include "finance/month_series.h"

namespace bbb {

MonthTotals& MonthlyLedger::at(YearMonth m) { return month_slot(months_, first_, m); }

MonthTotals* MonthlyLedger::range(YearMonth from, YearMonth to) {
  month_slot(months_, first_, from);
  month_slot(months_, first_, to);
  return &months_[static_cast<std::size_t>(from - first_)];
}

MonthTotals MonthlyLedger::get(YearMonth m) const {
  if (months_.empty() || m < first_ || m > last()) return MonthTotals();
  return months_[static_cast<std::size_t>(m - first_)];
}

void MonthlyLedger::add_type_booking(std::string_view type, YearMonth m, std::int64_t amount) {
  std::size_t i = 0;
  // A type's slot never changes once given, so the memo can answer for it.
  type_slots_.read(type, &i, [this](std::string_view t, std::size_t* slot) {
    *slot = type_slot(t);
    return true;
  });
  TypeSeries& s = type_series_[i];
  month_slot(s.amounts, s.first, m) += amount;
}

std::size_t MonthlyLedger::type_slot(std::string_view type) {
  std::size_t i = 0;
  while (i < types_.size() && types_[i] != type) ++i;
  if (i == types_.size()) {
    if (types_.size() + 1 >= kMaxTypes) {
      // The last slot is "other".
      i = kMaxTypes - 1;
      if (types_.size() < kMaxTypes) { types_.push_back("other"); type_series_.emplace_back(); }
    } else {
      types_.emplace_back(type);
      type_series_.emplace_back();
    }
  }
  return i;
}

std::int64_t MonthlyLedger::type_bookings(std::size_t type_index, YearMonth m) const {
  const TypeSeries& s = type_series_[type_index];
  if (s.amounts.empty() || m < s.first || m - s.first >= static_cast<std::int32_t>(s.amounts.size())) return 0;
  return s.amounts[static_cast<std::size_t>(m - s.first)];
}

// The flows of a month added into a sum.
void MonthTotals::add_flows(const MonthTotals& t) {
  bookings += t.bookings;
  bookings_count += t.bookings_count;
  bookings_recurring += t.bookings_recurring;
  bookings_one_time += t.bookings_one_time;
  acv_bookings += t.acv_bookings;
  cancellations += t.cancellations;
  cancellations_count += t.cancellations_count;
  revenue += t.revenue;
  billings += t.billings;
}

void MonthTotals::add_balances(const MonthTotals& t) {
  changing_lines += t.changing_lines;
  settled_lines += t.settled_lines;
}

void MonthlyLedger::merge(const MonthlyLedger& from) {
  if (from.empty()) return;
  for (YearMonth m = from.first(); m <= from.last(); m = m.plus(1)) {
    const MonthTotals t = from.get(m);
    at(m).add_flows(t);
    at(m).add_balances(t);
    for (std::size_t i = 0; i < from.types().size(); ++i) {
      const std::int64_t amount = from.type_bookings(i, m);
      if (amount != 0) add_type_booking(from.types()[i], m, amount);
    }
  }
}

}  // namespace bbb
