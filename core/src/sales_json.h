// JSON of the sales views (spec sections 5 and 6): pipeline, orders, the
// forward view and each period's closing figures. Private to report_json.
#pragma once

#include <nlohmann/json.hpp>

#include "bbb/period.h"
#include "bbb/sales_stats.h"
#include "bbb/session.h"

namespace bbb {

using Json = nlohmann::ordered_json;

Json ratio_json(std::int64_t numerator, std::int64_t denominator);

// Won, lost, win rate, sales cycle, velocity and deliveries of one period.
Json period_sales_json(const SalesStats& sales, const Period& period);
// Open pipeline and undelivered orders as of a date.
Json pipeline_json(const SalesStats& sales, Date as_of);
Json orders_json(const SalesStats& sales, Date as_of);
// The forward view grouped into the report's periods.
Json forward_json(const ForwardView& forward, PeriodKind kind, int fiscal_start);

}  // namespace bbb
