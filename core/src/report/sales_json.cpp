#include "report/sales_json.h"

namespace bbb {

void write_ratio(JsonWriter& w, const std::optional<Ratio>& r) {
  if (!r) w.null();
  else w.ten_thousandths(r->ten_thousandths);
}

namespace {

void write_count_value(JsonWriter& w, const CountValue& cv) { w.object().field("count", cv.count).field("value", cv.value).end(); }

void write_buckets(JsonWriter& w, const CountValue (&buckets)[kAgeBuckets]) {
  w.array();
  for (int b = 0; b < kAgeBuckets; ++b)
    w.object().field_text("days", age_bucket_label(b)).field("count", buckets[b].count).field("value", buckets[b].value).end();
  w.end();
}

void write_optional(JsonWriter& w, const std::optional<std::int64_t>& v) {
  if (!v) w.null();
  else w.value(*v);
}

}  // namespace

void write_period_sales(JsonWriter& w, const SalesStats& sales, const Period& p) {
  const SalesStats::PeriodFigures f = sales.period_figures(p);
  const SalesStats::Closing& c = f.closing;
  w.object().field("won", c.won).field("lost", c.lost).field("won_value", c.won_value).field("lost_value", c.lost_value);
  write_ratio(w.key("win_rate"), f.win_rate);
  write_ratio(w.key("average_sales_cycle_days"), f.average_sales_cycle_days);
  w.key("open_pipeline_end").object().field("count", f.open_at_end.count).field("value", f.open_at_end.value).end();
  write_optional(w.key("sales_velocity_per_day"), f.sales_velocity_per_day);
  w.key("delivered").object().field("count", f.deliveries.count).field("value", f.deliveries.value).end();
  write_ratio(w.key("lead_time_days"), f.lead_time_days);
  w.end();
}

void write_pipeline(JsonWriter& w, const SalesStats& sales, Date as_of) {
  const SalesStats::PipelineFigures f = sales.pipeline_figures(as_of);
  const SalesStats::Pipeline& p = f.open;
  w.object().field_text("as_of", as_of.iso()).field("open_count", p.open_count).field("open_value", p.open_value);
  write_optional(w.key("average_deal_size"), f.average_deal_size);
  write_ratio(w.key("average_age_days"), f.average_age_days);
  w.key("age_buckets");
  write_buckets(w, p.buckets);
  w.key("no_created_date");
  write_count_value(w, p.no_created_date);
  w.end();
}

void write_orders(JsonWriter& w, const SalesStats& sales, Date as_of) {
  const SalesStats::Undelivered u = sales.undelivered_as_of(as_of);
  std::int64_t count = 0, value = 0;
  for (const CountValue& b : u.buckets) { count += b.count; value += b.value; }
  w.object().field_text("as_of", as_of.iso());
  w.key("undelivered").object().field("count", count).field("value", value).end();
  w.key("age_buckets");
  write_buckets(w, u.buckets);
  w.key("older_than_90_days");
  write_count_value(w, u.older_than_90);
  w.key("oldest").array();
  for (const OpenOrder& o : u.oldest)
    w.object().field_text("id", o.id).field_text("customer", o.customer).field("line", o.line)
        .field_text("booking_date", o.booking.iso()).field("age_days", as_of - o.booking).field("amount", o.amount).end();
  w.end().end();
}

void write_forward(JsonWriter& w, const ForwardView& f, PeriodKind kind, int fiscal_start) {
  w.object().field_text("as_of", f.as_of().iso()).field("backlog", f.backlog()).key("periods").array();
  const auto& revenue = f.revenue();
  const auto& billings = f.billings();
  for (std::size_t i = 0; i < revenue.size();) {
    const YearMonth m = f.first_month().plus(static_cast<std::int32_t>(i));
    const Period p = period_containing(m, kind, fiscal_start);
    std::int64_t r = 0, b = 0;
    std::size_t j = i;
    for (; j < revenue.size() && f.first_month().plus(static_cast<std::int32_t>(j)) <= p.last; ++j) {
      r += revenue[j];
      b += billings[j];
    }
    // The first period starts the day after the as-of date; a period cut by
    // the horizon ends with the horizon.
    const Date start = i == 0 ? f.as_of().plus_days(1) : p.start();
    const Date end = f.first_month().plus(static_cast<std::int32_t>(j) - 1).last_day();
    w.object().field_text("period", p.label).field_text("start", start.iso()).field_text("end", end.iso())
        .field("revenue", r).field("billings", b).end();
    i = j;
  }
  w.end();
  w.field("revenue_later", f.revenue_later()).field("billings_later", f.billings_later()).field("unscheduled", f.unscheduled());
  w.end();
}

}  // namespace bbb
