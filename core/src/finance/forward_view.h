// Looking forward as of a date A (spec section 5): when the backlog held at A
// is scheduled to turn into revenue, and the billings still to come, month
// by month for kHorizonMonths months after A, then "later", plus the part no
// schedule places ("unscheduled"). Read as of A: a cancellation after A is
// not yet known.
#pragma once

#include <cstdint>
#include <vector>

#include "rows/contract_line.h"
#include "values/date.h"
#include "finance/schedule.h"

namespace bbb {

class ForwardView {
 public:
  static constexpr std::int32_t kHorizonMonths = 36;

  explicit ForwardView(Date as_of);

  // Adds a booked line with its schedule as known at A: the line's own, or
  // for a line cancelled after A the same line and files without the cancellation.
  void add(const ContractLine& line_as_known, const LineSchedule& schedule_as_known);
  void merge(const ForwardView& other);  // same as-of date

  Date as_of() const { return as_of_; }
  YearMonth first_month() const { return first_; }  // the month holding A + 1
  const std::vector<std::int64_t>& revenue() const { return revenue_; }    // per month from first_month
  const std::vector<std::int64_t>& billings() const { return billings_; }
  std::int64_t revenue_later() const { return revenue_later_; }
  std::int64_t billings_later() const { return billings_later_; }
  std::int64_t unscheduled() const { return unscheduled_; }
  std::int64_t backlog() const { return backlog_; }  // at A: every scheduled month + later + unscheduled

 private:
  Date as_of_;
  YearMonth first_;
  std::vector<std::int64_t> revenue_, billings_;
  std::int64_t revenue_later_ = 0, billings_later_ = 0, unscheduled_ = 0, backlog_ = 0;
};

}  // namespace bbb
