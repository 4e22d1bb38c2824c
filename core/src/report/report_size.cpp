#include "bbb/report_size.h"

#include <algorithm>

#include "report/period_report.h"
#include "report/segments.h"

namespace bbb {
namespace {

// 1234567 -> "1,234,567": the caps are read by people.
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) { return grouped(n) + " " + (n == 1 ? one : many); }

}  // namespace

ReportSize report_size(const Session& session, const ReportSettings& settings) {
  ReportSize size;
  size.periods = report_periods(session.ledgers(), settings).size();
  size.currencies = session.ledgers().size();
  for (const auto& [currency, ledger] : session.ledgers()) {
    size.tables += 1;
    const auto segments = session.segments().find(currency);
    if (segments == session.segments().end()) continue;
    std::vector<std::string> values;
    for (const auto& [value, figures] : segments->second) values.push_back(value);
    size.tables += segments_shown(values, settings.top);
  }
  return size;
}

std::optional<std::string> report_too_large(const ReportSize& size, std::size_t cap) {
  if (size.columns() <= cap) return std::nullopt;
  std::string tables = plural(size.currencies, "currency", "currencies");
  if (size.tables > size.currencies) tables += " and their segments (" + grouped(size.tables) + " tables)";
  return "the report would have " + grouped(size.columns()) + " period columns (" +
         plural(size.periods + 1, "period", "periods") + " with the total, for " + tables + "); a report has at most " +
         grouped(cap) + ": choose quarters or years, a From/To range" +
         (size.tables > size.currencies ? ", or fewer segments (Top)" : "");
}

std::optional<std::string> waterfall_omitted(const ReportSize& size) {
  // The grid grows with the square of the periods.
  if (size.periods > kMaxWaterfallPeriods)
    return "the report has " + std::to_string(size.periods) + " periods; the waterfall shows at most " +
           std::to_string(kMaxWaterfallPeriods) + ": choose quarters or years, or a From/To range";
  const std::size_t cells = size.periods * size.periods * size.tables;
  if (cells > kMaxWaterfallCells)
    return "the waterfall would have " + grouped(cells) + " cells (" + grouped(size.periods) + " periods squared, for " +
           plural(size.tables, "table", "tables") + " of currencies and segments); it has at most " +
           grouped(kMaxWaterfallCells) + ": choose quarters or years, a From/To range, or fewer segments (Top)";
  return std::nullopt;
}

}  // namespace bbb
