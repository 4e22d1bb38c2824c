#include "bbb/segments.h"

#include <algorithm>

#include "bbb/report.h"

namespace bbb {

ShownSegments shown_segments(const std::map<std::string, Book>& by_value, const ReadSettings& read_settings,
                             const std::vector<Period>& periods, int top) {
  struct Ranked { const std::string* value; const Book* book; std::int64_t bookings; };
  std::vector<Ranked> ranked;
  for (const auto& [value, book] : by_value) {
    std::int64_t bookings = 0;
    if (!periods.empty())
      bookings = period_figures(book.ledger, Period{periods.front().first, periods.back().last, ""}, PeriodKind::kMonth, 1)
                     .flows.bookings;
    ranked.push_back({&value, &book, bookings});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.bookings > b.bookings; });
  ShownSegments shown;
  for (const Ranked& r : ranked) {
    if (static_cast<int>(shown.listed.size()) < top && *r.value != LineFolder::kOtherSegment) {
      shown.listed.push_back({r.value, r.book});
      continue;
    }
    if (!shown.other) shown.other.emplace(read_settings);
    Book& other = *shown.other;
    merge_ledger(r.book->ledger, &other.ledger);
    other.sales.merge(r.book->sales);
    if (other.forward && r.book->forward) other.forward->merge(*r.book->forward);
    if (other.waterfall && r.book->waterfall) other.waterfall->merge(*r.book->waterfall);
  }
  return shown;
}

std::size_t segments_shown(const std::vector<std::string>& values, int top) {
  std::size_t real = 0;
  for (const std::string& v : values)
    if (v != LineFolder::kOtherSegment) ++real;
  const std::size_t listed = std::min<std::size_t>(real, static_cast<std::size_t>(std::max(0, top)));
  return listed + (values.size() > listed ? 1 : 0);
}

}  // namespace bbb
