// JSON of the sales views (spec sections 5 and 6): pipeline, orders, the
// forward view and each period's closing figures, written as the report
// walks them. Private to report_json.
#pragma once

#include <optional>

#include "values/period.h"
#include "report/period_report.h"
#include "finance/forward_view.h"
#include "finance/sales_stats.h"
#include "report/json_writer.h"

namespace bbb {

// A ratio as the engine gives it: exact decimal digits, then one conversion
// to a double (identical in every build), or null.
void write_ratio(JsonWriter& w, const std::optional<Ratio>& r);

// Won, lost, win rate, sales cycle, velocity and deliveries of one period.
void write_period_sales(JsonWriter& w, const SalesStats& sales, const Period& period);
// Open pipeline and undelivered orders as of a date.
void write_pipeline(JsonWriter& w, const SalesStats& sales, Date as_of);
void write_orders(JsonWriter& w, const SalesStats& sales, Date as_of);
// The forward view grouped into the report's periods.
void write_forward(JsonWriter& w, const ForwardView& forward, PeriodKind kind, int fiscal_start);

}  // namespace bbb
