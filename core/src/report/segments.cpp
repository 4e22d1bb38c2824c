#include "report/segments.h"

#include <algorithm>

#include "report/period_report.h"

namespace bbb {

ShownSegments shown_segments(const std::map<std::string, FoldedFigures>& by_value, const ReadSettings& read_settings,
                             const std::vector<Period>& periods, int top) {
  struct Ranked { const std::string* value; const FoldedFigures* figures; std::int64_t bookings; };
  std::vector<Ranked> ranked;
  for (const auto& [value, figures] : by_value) {
    std::int64_t bookings = 0;
    if (!periods.empty())
      bookings = period_figures(figures.ledger, Period{periods.front().first, periods.back().last, ""}, PeriodKind::kMonth, 1)
                     .flows.bookings;
    ranked.push_back({&value, &figures, bookings});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.bookings > b.bookings; });
  ShownSegments shown;
  for (const Ranked& r : ranked) {
    if (static_cast<int>(shown.listed.size()) < top && *r.value != FoldingHalf::kOtherSegment) {
      shown.listed.push_back({r.value, r.figures});
      continue;
    }
    if (!shown.other) shown.other.emplace(read_settings);
    FoldedFigures& other = *shown.other;
    shown.other_segments.push_back(r.figures->segment);
    other.ledger.merge(r.figures->ledger);
    other.sales.merge(r.figures->sales);
    if (other.forward && r.figures->forward) other.forward->merge(*r.figures->forward);
    if (other.waterfall && r.figures->waterfall) other.waterfall->merge(*r.figures->waterfall);
  }
  return shown;
}

std::size_t segments_shown(const std::vector<std::string>& values, int top) {
  std::size_t real = 0;
  for (const std::string& v : values)
    if (v != FoldingHalf::kOtherSegment) ++real;
  const std::size_t listed = std::min<std::size_t>(real, static_cast<std::size_t>(std::max(0, top)));
  return listed + (values.size() > listed ? 1 : 0);
}

}  // namespace bbb
