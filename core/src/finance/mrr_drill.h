// Drill-down of spec 12's figures: the lines behind an MRR balance or
// movement of one currency (or segment) over whole months from..to, each
// with its part, adding up to the figure. A line's part in a movement is
// its own step at the month the customer moved: +its MRR where it started
// (new, expansion, reactivation), +its MRR where it stopped (contraction,
// churn), less where a line of the other direction stepped the same month.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "finance/recurring_revenue.h"

namespace bbb {

// "mrr_begin", "mrr_end", "arr_end", "mrr_new", "mrr_expansion",
// "mrr_contraction", "mrr_churn", "mrr_reactivation".
bool is_mrr_drill_metric(std::string_view metric);
extern const char* const kMrrDrillMetrics[8];

class MrrDrill {
 public:
  struct Part {
    std::size_t line;  // index of the line, in the order added
    std::int64_t contribution;
  };
  MrrDrill(std::string metric, YearMonth from, YearMonth to) : metric_(std::move(metric)), from_(from), to_(to) {}
  // Every line of the currency that has MRR: in_scope when it is of the
  // segment asked for (the others still decide what kind its customer's move is).
  // customer_key: CustomerIds::key, as the report keys its customers.
  void add(std::uint64_t customer_key, const MrrSpan& span, bool in_scope);
  std::size_t lines() const { return lines_.size(); }
  // Each line's part, non-zero ones only, in the order added.
  std::vector<Part> parts() const;

 private:
  struct Line {
    std::uint64_t customer;
    MrrSpan span;
    bool in_scope;
  };
  std::string metric_;
  YearMonth from_, to_;
  std::vector<Line> lines_;
};

}  // namespace bbb
