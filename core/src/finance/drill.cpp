#include "finance/drill.h"

#include <algorithm>
#include <cstdlib>

#include "fast/customer_ids.h"
#include "finance/forward_view.h"
#include "finance/ledger.h"
#include "finance/ledger_posting.h"
#include "finance/mrr_drill.h"
#include "finance/period_figures.h"
#include "finance/sales_stats.h"
#include "finance/waterfall.h"

namespace bbb {
namespace {

// Larger magnitude first; among equals, the earlier line first.
bool before(const DrillLine& a, const DrillLine& b) {
  const std::int64_t ma = std::llabs(a.contribution), mb = std::llabs(b.contribution);
  return ma != mb ? ma > mb : a.line < b.line;
}

struct NamedKind { const char* name; DrillKind kind; };
constexpr NamedKind kSalesMetrics[] = {
    {"forward_revenue", DrillKind::kForward},          {"forward_billings", DrillKind::kForward},
    {"forward_backlog", DrillKind::kForward},          {"forward_unscheduled", DrillKind::kForward},
    {"forward_revenue_later", DrillKind::kForward},    {"forward_billings_later", DrillKind::kForward},
    {"pipeline_open", DrillKind::kPipeline},           {"orders_undelivered", DrillKind::kOrders},
    {"orders_older_than_90_days", DrillKind::kOrders}, {"waterfall_booked", DrillKind::kWaterfallBooked},
    {"waterfall_billed", DrillKind::kWaterfallBilled},
};

std::int64_t months_sum(const std::vector<std::int64_t>& by_month, YearMonth first, YearMonth from, YearMonth to) {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < by_month.size(); ++i) {
    const YearMonth m = first.plus(static_cast<std::int32_t>(i));
    if (m >= from && m <= to) sum += by_month[i];
  }
  return sum;
}

std::int64_t forward_figure(const ForwardView& f, const DrillRequest& r) {
  if (r.metric == "forward_revenue") return months_sum(f.revenue(), f.first_month(), r.from.year_month(), r.to.year_month());
  if (r.metric == "forward_billings") return months_sum(f.billings(), f.first_month(), r.from.year_month(), r.to.year_month());
  if (r.metric == "forward_backlog") return f.backlog();
  if (r.metric == "forward_unscheduled") return f.unscheduled();
  if (r.metric == "forward_revenue_later") return f.revenue_later();
  return f.billings_later();
}

std::int64_t pipeline_figure(const SalesStats& s, Date as_of, int bucket) {
  const SalesStats::Pipeline p = s.pipeline_as_of(as_of);
  if (bucket < 0) return p.open_value;
  if (bucket == DrillRequest::kNoCreatedDate) return p.no_created_date.value;
  return p.buckets[bucket].value;
}

std::int64_t orders_figure(const SalesStats& s, Date as_of, const DrillRequest& r) {
  const SalesStats::Undelivered u = s.undelivered_as_of(as_of);
  if (r.metric == "orders_older_than_90_days") return u.older_than_90.value;
  if (r.age_bucket >= 0 && r.age_bucket < kAgeBuckets) return u.buckets[r.age_bucket].value;
  std::int64_t sum = 0;
  for (const CountValue& b : u.buckets) sum += b.value;
  return sum;
}

std::int64_t waterfall_figure(const std::map<std::int32_t, WaterfallRow>& rows, const DrillRequest& r) {
  std::int32_t lo = r.row_from ? r.row_from->year_month().index() : INT32_MIN;
  std::int32_t hi = r.row_to ? r.row_to->year_month().index() : Waterfall::kNotBilledRow - 1;
  if (r.not_billed_row) lo = hi = Waterfall::kNotBilledRow;
  std::int64_t sum = 0;
  for (auto it = rows.lower_bound(lo); it != rows.end() && it->first <= hi; ++it)
    sum += it->second.revenue_in(r.from.year_month(), r.to.year_month());
  return sum;
}

}  // namespace

DrillTerms DrillTerms::of(const ContractLine& line) {
  DrillTerms t;
  if (line.has_booking) t.booking = line.booking;
  // A line's start defaults to its booking date: an open deal with neither has no start.
  if (line.has_booking || !(line.start == line.booking)) t.start = line.start;
  if (line.term_months > 0) {
    t.term_months = line.term_months;
    if (t.start) t.end = line.end;  // an open deal with a term but no dates has no end either
  }
  t.billing = line.billing;
  // Upfront and interval billing are dated from billing_start; on delivery and none are not.
  const bool dated = line.billing == BillingKind::kUpfront || billing_interval_months(line.billing) > 0;
  if (dated && t.start) t.billing_start = line.billing_start;
  t.recognition = line.recognition;
  if (line.has_delivery) t.delivery = line.delivery;
  if (line.has_cancel) t.cancel = line.cancel;
  t.status = line.status;
  t.type = std::string(line.type);
  return t;
}

DrillKind DrillRequest::kind() const {
  for (const NamedKind& k : kSalesMetrics)
    if (metric == k.name) return k.kind;
  if (is_mrr_drill_metric(metric)) return DrillKind::kMrr;
  return DrillKind::kPeriod;
}

bool is_drill_metric(const std::string& name) {
  for (const NamedKind& k : kSalesMetrics)
    if (name == k.name) return true;
  if (is_mrr_drill_metric(name)) return true;
  std::int64_t ignored;
  return period_metric(PeriodFigures(), name, &ignored);
}

std::vector<std::string> drill_metric_names() {
  std::vector<std::string> names;
  std::int64_t ignored;
  for (const PeriodField& field : period_fields(PeriodFigures()))
    if (period_metric(PeriodFigures(), field.name, &ignored)) names.emplace_back(field.name);
  for (const NamedKind& k : kSalesMetrics) names.emplace_back(k.name);
  for (const char* name : kMrrDrillMetrics) names.emplace_back(name);
  return names;
}

DrillCollector::DrillCollector(DrillRequest request, std::optional<Date> as_of)
    : request_(std::move(request)), kind_(request_.kind()), as_of_(as_of) {
  if (kind_ == DrillKind::kMrr) mrr_.emplace(request_.metric, request_.from.year_month(), request_.to.year_month());
}

bool DrillCollector::in_segment(std::string_view segment) const {
  if (request_.segment) return segment == *request_.segment;
  if (!request_.segment_other) return true;
  for (const std::string& listed : request_.segment_other_than)
    if (segment == listed) return false;
  return true;
}

std::int64_t DrillCollector::contribution(const ContractLine& line, const LineSchedule* schedule,
                                          const ContractLine& known_line, const LineSchedule* known_schedule) const {
  // The line alone, folded exactly as the report folds it.
  switch (kind_) {
    case DrillKind::kPeriod: {
      if (schedule == nullptr) return 0;
      MonthlyLedger own;
      post_line(line, *schedule, &own);
      const Period period{request_.from.year_month(), request_.to.year_month(), ""};
      std::int64_t out = 0;
      period_metric(period_figures(own, period, PeriodKind::kMonth, 1), request_.metric, &out);
      return out;
    }
    case DrillKind::kForward: {
      if (known_schedule == nullptr || !as_of_) return 0;
      ForwardView own(*as_of_);
      own.add(known_line, *known_schedule);
      return forward_figure(own, request_);
    }
    case DrillKind::kPipeline:
    case DrillKind::kOrders: {
      if (!as_of_) return 0;
      SalesStats own(as_of_);
      own.add(line);
      return kind_ == DrillKind::kPipeline ? pipeline_figure(own, *as_of_, request_.age_bucket)
                                                     : orders_figure(own, *as_of_, request_);
    }
    case DrillKind::kWaterfallBooked:
    case DrillKind::kWaterfallBilled: {
      if (schedule == nullptr) return 0;
      Waterfall own;
      own.add(line, *schedule);
      return waterfall_figure(kind_ == DrillKind::kWaterfallBooked ? own.booked() : own.billed(), request_);
    }
    case DrillKind::kMrr: return 0;  // by customer, once every line is in (settle)
  }
  return 0;
}

void DrillCollector::add(const ContractLine& line, const LineSchedule* schedule, const ContractLine& known_line,
                         const LineSchedule* known_schedule, std::string_view segment) {
  if (!(line.currency == request_.currency)) return;
  if (mrr_) {
    // Every line with MRR of the currency: those of other segments decide its customer's move.
    const std::optional<MrrSpan> span = mrr_span(line);
    if (!span || span->mrr == 0) return;
    mrr_->add(CustomerIds::key(line.customer, line.id), *span, in_segment(segment));
    mrr_lines_.push_back({std::string(line.id), std::string(line.customer), line.line_number, line.amount, 0, DrillTerms::of(line)});
    settled_ = false;
    return;
  }
  if (!in_segment(segment)) return;
  const std::int64_t c = contribution(line, schedule, known_line, known_schedule);
  if (c == 0) return;
  value_ += c;
  ++count_;
  keep(DrillLine{std::string(line.id), std::string(line.customer), line.line_number, line.amount, c, DrillTerms::of(line)});
}

void DrillCollector::keep(DrillLine d) const {
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

void DrillCollector::settle() const {
  if (settled_ || !mrr_) return;
  value_ = count_ = 0;
  heap_.clear();
  for (const MrrDrill::Part& p : mrr_->parts()) {
    DrillLine d = mrr_lines_[p.line];
    d.contribution = p.contribution;
    value_ += d.contribution;
    ++count_;
    keep(std::move(d));
  }
  settled_ = true;
}

std::vector<DrillLine> DrillCollector::top_lines() const {
  settle();
  std::vector<DrillLine> lines = heap_;
  std::sort(lines.begin(), lines.end(), before);
  return lines;
}

}  // namespace bbb
