// Drill-down: which lines make up one figure of the report, each with its
// contribution. The lines' figures add up to the figure exactly, because
// each line is folded alone by the same code as the report's:
//   - a period amount of the statement (metric = its JSON name, "revenue"),
//     over the months from..to;
//   - a forward-view figure as of A ("forward_revenue", "forward_billings"
//     over from..to; "forward_backlog", "forward_unscheduled",
//     "forward_revenue_later", "forward_billings_later");
//   - the open pipeline or the undelivered orders at A ("pipeline_open",
//     "orders_undelivered", optionally one age bucket; "orders_older_than_90_days");
//   - a waterfall cell ("waterfall_booked", "waterfall_billed"): revenue in
//     from..to of the lines booked (or invoices billed) in row_from..row_to,
//     or in the "not billed" row;
//   - an MRR balance or movement over from..to ("mrr_begin", "mrr_end",
//     "arr_end", "mrr_new", "mrr_expansion", "mrr_contraction", "mrr_churn",
//     "mrr_reactivation"; mrr_drill.h);
// of the whole currency, or of one segment of split_by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rows/contract_line.h"
#include "values/money.h"
#include "finance/mrr_drill.h"
#include "finance/schedule.h"

namespace bbb {

enum class DrillKind { kPeriod, kForward, kPipeline, kOrders, kWaterfallBooked, kWaterfallBilled, kMrr };

struct DrillRequest {
  CurrencyCode currency;
  std::string metric;   // see above
  Date from, to;        // the figure's period (whole months); ignored by the as-of figures
  std::size_t limit = 200;
  int age_bucket = -1;  // pipeline_open, orders_undelivered: 0..4, or kNoCreatedDate; -1 = all
  std::optional<Date> row_from, row_to;  // waterfall rows (open-ended when missing)
  bool not_billed_row = false;           // waterfall_billed: the "not billed" row
  // A segment of split_by: one value, or (other) every value but those listed.
  std::optional<std::string> segment;
  bool segment_other = false;
  std::vector<std::string> segment_other_than;

  static constexpr int kNoCreatedDate = 5;
  DrillKind kind() const;
  bool needs_as_of() const { return kind() == DrillKind::kForward || kind() == DrillKind::kPipeline || kind() == DrillKind::kOrders; }
  bool wants_segment() const { return segment.has_value() || segment_other; }
};

// The line's terms, as the engine read them: a list of lines says when each
// starts and ends, how it is billed and how it is recognised.
struct DrillTerms {
  std::optional<Date> booking;        // the close date; none for an open deal without one
  std::optional<Date> start, end;     // service; end only for a line with a term
  std::int32_t term_months = 0;       // 0: no term (a point line)
  BillingKind billing = BillingKind::kUpfront;
  std::optional<Date> billing_start;  // the first installment's date (interval billing)
  Recognition recognition = Recognition::kPoint;
  std::optional<Date> delivery, cancel;
  Status status = Status::kBooked;
  std::string type;

  static DrillTerms of(const ContractLine& line);
};

struct DrillLine {
  std::string id;
  std::string customer;
  std::int64_t line = 0;
  std::int64_t amount = 0;
  std::int64_t contribution = 0;
  DrillTerms terms;
};

class DrillCollector {
 public:
  DrillCollector(DrillRequest request, std::optional<Date> as_of);

  // Every accepted contract line: booked lines with their schedule (and the
  // schedule as known at A, for the forward view), pipeline rows with none;
  // `segment` is its split_by value.
  void add(const ContractLine& line, const LineSchedule* schedule, const ContractLine& known_line,
           const LineSchedule* known_schedule, std::string_view segment);

  const DrillRequest& request() const { return request_; }
  std::int64_t value() const { settle(); return value_; }  // the figure: the sum over every line
  std::int64_t count() const { settle(); return count_; }  // lines with a non-zero contribution
  // The largest contributions first (by magnitude, then by line number).
  std::vector<DrillLine> top_lines() const;

 private:
  bool in_segment(std::string_view segment) const;
  void keep(DrillLine line) const;  // into the heap of the largest
  // An MRR figure's parts are known once every line is in (a customer's
  // move depends on all its lines): worked out at the first reading.
  void settle() const;
  std::int64_t contribution(const ContractLine& line, const LineSchedule* schedule, const ContractLine& known_line,
                            const LineSchedule* known_schedule) const;

  DrillRequest request_;
  DrillKind kind_;  // request_.kind(), read once: add() runs for every line
  std::optional<Date> as_of_;
  mutable std::int64_t value_ = 0;
  mutable std::int64_t count_ = 0;
  mutable std::vector<DrillLine> heap_;  // the `limit` largest so far, smallest on top
  std::optional<MrrDrill> mrr_;          // kMrr: every line with MRR of the currency
  std::vector<DrillLine> mrr_lines_;     // ... as listed, contribution to come
  mutable bool settled_ = true;
};

bool is_drill_metric(const std::string& name);
// Every metric a drill-down can list the lines of: the period amounts in
// the report's order, then the views' figures.
std::vector<std::string> drill_metric_names();

}  // namespace bbb
