// The folding half of a session: accepted lines, in file order, into the
// monthly ledgers, the sales figures, the forward view, the waterfall and
// the drill-down. It sees only what a line carries, so the lines can reach
// it as they are read (Session folds them at once) or in batches from the
// half that reads them, on another thread (packed_lines.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rows/contract_line.h"
#include "fast/currency_index.h"
#include "finance/drill.h"
#include "finance/forward_view.h"
#include "finance/ledger.h"
#include "finance/period_figures.h"
#include "finance/recurring_revenue.h"
#include "session/packed_lines.h"
#include "finance/sales_stats.h"
#include "finance/schedule.h"
#include "finance/snapshot_changes.h"
#include "session/read_settings.h"
#include "finance/waterfall.h"

namespace bbb {

// Everything folded for one currency, or for one segment of it.
struct FoldedFigures {
  explicit FoldedFigures(const ReadSettings& settings)
      : sales(settings.as_of), forward(settings.as_of ? std::optional<ForwardView>(*settings.as_of) : std::nullopt),
        waterfall(settings.waterfall ? std::optional<Waterfall>(Waterfall()) : std::nullopt) {}
  MonthlyLedger ledger;
  SalesStats sales;
  std::optional<ForwardView> forward;  // with an as-of date only
  std::optional<Waterfall> waterfall;  // with the waterfall setting only
  // The whole currency's only: MRR per customer, each change tagged with
  // the segment it is in (a segment's own figures are its scope of these).
  RecurringRevenue recurring;
  std::uint16_t segment = 0;  // a segment's id in `recurring`, from 1; 0 for the whole currency
};

// Aligned to a cache line: on its own thread it shares none with the reading half.
class alignas(64) FoldingHalf {
 public:
  explicit FoldingHalf(const ReadSettings& settings);

  // One accepted line. segment: its split_by value, "" when the report is
  // not split. invoices and fulfilment: its rows of those files, in its
  // currency (none: billing as the line says, recognition by its rule).
  void take(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
            const Fulfilment* fulfilment);
  // Every line of a batch, in order: the same as take() for each.
  void take_batch(std::string_view batch_bytes);

  const std::map<CurrencyCode, MonthlyLedger>& ledgers() const { return ledgers_; }
  const std::map<CurrencyCode, FoldedFigures>& figures() const { return figures_; }
  const std::map<CurrencyCode, std::map<std::string, FoldedFigures>>& segments() const { return segments_; }
  const DrillCollector* drill() const { return drill_ ? &*drill_ : nullptr; }
  // With the snapshot setting: every line taken, for a comparison of two exports.
  const SnapshotLines* snapshot() const { return snapshot_ ? &*snapshot_ : nullptr; }
  // The kinds of line folded: which figures the report can tell (known_figures).
  const LineKinds& line_kinds() const { return line_kinds_; }
  // Once every line is folded: the report's walks over the customers (MRR)
  // may run their parts on `parallel`, which must outlive this.
  void lend(const Parallel& parallel) {
    for (auto& [currency, figures] : figures_) figures.recurring.lend(parallel);
  }

  static constexpr std::size_t kMaxSegments = 200;
  static constexpr const char* kOtherSegment = "(other)";

 private:
  void fold(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
            const Fulfilment* fulfilment);
  // A line cancelled after the as-of date (rare): scheduled twice, as it is and as it stood.
  void fold_cancelled_after_as_of(const ContractLine& line, std::string_view segment,
                                  std::vector<DatedAmount> invoices, const Fulfilment* fulfilment);
  // Posts a scheduled line; known_*: as the forward view sees it at the as-of date.
  void fold_scheduled(const ContractLine& line, std::string_view segment, const LineSchedule& schedule,
                      const ContractLine& known_line, const LineSchedule& known_schedule);
  // Sales figures from `line`; the forward view from the line and schedule
  // as known at the as-of date (none for pipeline rows).
  void add_to_figures(FoldedFigures& figures, const ContractLine& line, const ContractLine& known_line,
                   const LineSchedule* known_schedule);
  FoldedFigures& whole_figures(const CurrencyCode& currency);
  FoldedFigures& segment_figures(const CurrencyCode& currency, std::string_view segment);
  MonthlyLedger& ledger(const CurrencyCode& currency);

  ReadSettings settings_;
  std::map<CurrencyCode, MonthlyLedger> ledgers_;
  std::map<CurrencyCode, FoldedFigures> figures_;
  std::map<CurrencyCode, std::map<std::string, FoldedFigures>> segments_;
  std::optional<DrillCollector> drill_;
  std::optional<SnapshotLines> snapshot_;
  CurrencyIndex<MonthlyLedger> ledger_index_;
  CurrencyIndex<FoldedFigures> figures_index_;
  ScheduleStorage schedule_storage_;  // the last schedule's buffers, reused
  LineKinds line_kinds_;
};

}  // namespace bbb
