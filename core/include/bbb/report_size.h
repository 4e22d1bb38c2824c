// How large a report may grow, by a rule a reader can predict: a report
// has at most kMaxReportColumns period columns in all, counted as
// (periods + the total) x (currencies + the segments shown of each), and a
// waterfall at most kMaxWaterfallCells cells (periods squared, for each
// currency and segment). A request past a cap is refused, or the waterfall
// left out, with a sentence naming the cap and what to change.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "values/period.h"
#include "bbb/session.h"
#include "bbb/settings.h"

namespace bbb {

constexpr std::size_t kMaxReportColumns = 40000;
constexpr std::size_t kMaxWaterfallPeriods = 240;
constexpr std::size_t kMaxWaterfallCells = 4000000;

struct ReportSize {
  std::size_t periods = 0;     // the report's periods, the total not included
  std::size_t currencies = 0;
  std::size_t tables = 0;      // currencies and their segments shown, each a table of periods
  std::size_t columns() const { return (periods + 1) * tables; }
};

// The size of the report these settings ask for.
ReportSize report_size(const Session& session, const ReportSettings& settings);

// The sentence that refuses a report past `cap` columns; none when it fits.
std::optional<std::string> report_too_large(const ReportSize& size, std::size_t cap = kMaxReportColumns);

// Why the waterfall is left out of a report of this size; none when it is written.
std::optional<std::string> waterfall_omitted(const ReportSize& size);

}  // namespace bbb
