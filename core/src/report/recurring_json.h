// Spec 12 in the report: a period's `mrr` object and a currency's `cohorts`.
#pragma once

#include <vector>

#include "finance/mrr_figures.h"
#include "finance/recurring_revenue.h"
#include "report/json_writer.h"

namespace bbb {

// The cohorts a report lists: those of the five years up to the last month
// a customer first had MRR, each followed for five years at most.
constexpr std::size_t kCohortMonths = 60;

void write_mrr(JsonWriter& w, const MrrFigures& f);
void write_cohorts(JsonWriter& w, const std::vector<MrrCohort>& cohorts);

}  // namespace bbb
