#include "report/recurring_json.h"

#include "report/sales_json.h"

namespace bbb {

void write_mrr(JsonWriter& w, const MrrFigures& f) {
  w.object().field("mrr_begin", f.mrr_begin).field("mrr_end", f.mrr_end).field("arr_end", f.arr_end())
      .field("new", f.new_mrr).field("expansion", f.expansion).field("contraction", f.contraction)
      .field("churn", f.churn).field("reactivation", f.reactivation)
      .field("customers_begin", f.customers_begin).field("customers_end", f.customers_end)
      .field("new_customers", f.new_customers).field("churned_customers", f.churned_customers)
      .field("reactivated_customers", f.reactivated_customers);
  write_ratio(w.key("nrr"), f.nrr());
  write_ratio(w.key("grr"), f.grr());
  write_ratio(w.key("logo_churn"), f.logo_churn());
  write_ratio(w.key("quick_ratio"), f.quick_ratio());
  w.end();
}

void write_cohorts(JsonWriter& w, const std::vector<MrrCohort>& cohorts) {
  w.array();
  for (const MrrCohort& c : cohorts) {
    if (c.customers.empty() || c.customers.front() == 0) continue;  // no customer started that month
    w.object().field_text("start", c.start.label());
    w.key("customers").integers(c.customers.data(), c.customers.size());
    w.key("mrr").integers(c.mrr.data(), c.mrr.size());
    w.end();
  }
  w.end();
}

}  // namespace bbb
