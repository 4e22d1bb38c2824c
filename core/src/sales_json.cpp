#include "sales_json.h"

#include "bbb/report.h"

namespace bbb {

Json ratio_json(std::int64_t numerator, std::int64_t denominator) {
  const std::optional<Ratio> r = ratio_of(numerator, denominator);
  if (!r) return nullptr;
  return static_cast<double>(r->ten_thousandths) / 10000.0;
}

namespace {

Json count_value_json(const CountValue& cv) { return Json{{"count", cv.count}, {"value", cv.value}}; }

Json buckets_json(const CountValue (&buckets)[kAgeBuckets]) {
  Json out = Json::array();
  for (int b = 0; b < kAgeBuckets; ++b)
    out.push_back(Json{{"days", age_bucket_label(b)}, {"count", buckets[b].count}, {"value", buckets[b].value}});
  return out;
}

// floor(a * b / c) in minor units, or null when c is 0.
Json money_ratio(std::int64_t a, std::int64_t b, std::int64_t c) {
  if (c == 0) return nullptr;
  return static_cast<std::int64_t>(static_cast<__int128>(a) * b / c);
}

}  // namespace

Json period_sales_json(const SalesStats& sales, const Period& p) {
  const SalesStats::Closing c = sales.closing(p.first, p.last);
  const SalesStats::Deliveries d = sales.deliveries(p.first, p.last);
  const SalesStats::Pipeline open = sales.pipeline_as_of(p.end());
  // Velocity = open count x average deal size x win rate / average cycle days
  //          = open value x won x cycles / ((won + lost) x cycle days).
  Json velocity = nullptr;
  if (c.won + c.lost > 0 && c.cycle_days_total > 0)
    velocity = static_cast<std::int64_t>(static_cast<__int128>(open.open_value) * c.won * c.cycle_count /
                                         (static_cast<__int128>(c.won + c.lost) * c.cycle_days_total));
  return Json{
      {"won", c.won},
      {"lost", c.lost},
      {"won_value", c.won_value},
      {"lost_value", c.lost_value},
      {"win_rate", ratio_json(c.won, c.won + c.lost)},
      {"average_sales_cycle_days", ratio_json(c.cycle_days_total, c.cycle_count)},
      {"open_pipeline_end", Json{{"count", open.open_count}, {"value", open.open_value}}},
      {"sales_velocity_per_day", velocity},
      {"delivered", Json{{"count", d.count}, {"value", d.value}}},
      {"lead_time_days", ratio_json(d.lead_days_total, d.count)},
  };
}

Json pipeline_json(const SalesStats& sales, Date as_of) {
  const SalesStats::Pipeline p = sales.pipeline_as_of(as_of);
  return Json{
      {"as_of", as_of.iso()},
      {"open_count", p.open_count},
      {"open_value", p.open_value},
      {"average_deal_size", money_ratio(p.open_value, 1, p.open_count)},
      {"average_age_days", ratio_json(p.age_days_total, p.aged_count)},
      {"age_buckets", buckets_json(p.buckets)},
      {"no_created_date", count_value_json(p.no_created_date)},
  };
}

Json orders_json(const SalesStats& sales, Date as_of) {
  const SalesStats::Undelivered u = sales.undelivered_as_of(as_of);
  Json oldest = Json::array();
  for (const OpenOrder& o : u.oldest)
    oldest.push_back(Json{{"id", o.id}, {"customer", o.customer}, {"line", o.line}, {"booking_date", o.booking.iso()},
                          {"age_days", as_of - o.booking}, {"amount", o.amount}});
  std::int64_t count = 0, value = 0;
  for (const CountValue& b : u.buckets) { count += b.count; value += b.value; }
  return Json{
      {"as_of", as_of.iso()},
      {"undelivered", Json{{"count", count}, {"value", value}}},
      {"age_buckets", buckets_json(u.buckets)},
      {"older_than_90_days", count_value_json(u.older_than_90)},
      {"oldest", oldest},
  };
}

Json forward_json(const ForwardView& f, PeriodKind kind, int fiscal_start) {
  Json periods = Json::array();
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
    periods.push_back(Json{{"period", p.label}, {"start", start.iso()}, {"end", end.iso()}, {"revenue", r}, {"billings", b}});
    i = j;
  }
  return Json{
      {"as_of", f.as_of().iso()},
      {"backlog", f.backlog()},
      {"periods", periods},
      {"revenue_later", f.revenue_later()},
      {"billings_later", f.billings_later()},
      {"unscheduled", f.unscheduled()},
  };
}

}  // namespace bbb
