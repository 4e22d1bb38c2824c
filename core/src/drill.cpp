#include "bbb/drill.h"

#include <algorithm>
#include <cstdlib>

#include "bbb/ledger.h"
#include "bbb/line_fold.h"
#include "bbb/report.h"

namespace bbb {
namespace {

// Larger magnitude first; among equals, the earlier line first.
bool before(const DrillLine& a, const DrillLine& b) {
  const std::int64_t ma = std::llabs(a.contribution), mb = std::llabs(b.contribution);
  return ma != mb ? ma > mb : a.line < b.line;
}

}  // namespace

bool is_drill_metric(const std::string& name) {
  std::int64_t ignored;
  return period_metric(PeriodFigures(), name, &ignored);
}

void DrillCollector::add(const ContractLine& line, const LineSchedule& schedule) {
  if (!(line.currency == request_.currency)) return;
  // The line alone, folded exactly as the report folds it.
  MonthlyLedger own;
  fold_line(line, schedule, &own);
  const Period period{request_.from.year_month(), request_.to.year_month(), ""};
  std::int64_t contribution = 0;
  period_metric(period_figures(own, period, PeriodKind::kMonth, 1), request_.metric, &contribution);
  if (contribution == 0) return;
  value_ += contribution;
  ++count_;
  DrillLine d{line.id, line.customer, line.line_number, line.amount, contribution};
  // Keep the `limit` largest in a heap whose top is the smallest of them.
  if (heap_.size() < request_.limit) {
    heap_.push_back(std::move(d));
    std::push_heap(heap_.begin(), heap_.end(), before);
  } else if (!heap_.empty() && before(d, heap_.front())) {
    std::pop_heap(heap_.begin(), heap_.end(), before);
    heap_.back() = std::move(d);
    std::push_heap(heap_.begin(), heap_.end(), before);
  }
}

std::vector<DrillLine> DrillCollector::top_lines() const {
  std::vector<DrillLine> lines = heap_;
  std::sort(lines.begin(), lines.end(), before);
  return lines;
}

}  // namespace bbb
