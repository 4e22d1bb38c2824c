#include "session/folding_half.h"

#include <utility>

#include "fast/customer_ids.h"
#include "finance/ledger_posting.h"

namespace bbb {

FoldingHalf::FoldingHalf(const ReadSettings& settings) : settings_(settings) {
  if (settings_.drill) drill_.emplace(*settings_.drill, settings_.as_of);
  if (settings_.snapshot) snapshot_.emplace();
}

void FoldingHalf::take(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
                      const Fulfilment* fulfilment) {
  if (snapshot_) snapshot_->add(line);
  if (line.is_booked()) { fold(line, segment, std::move(invoices), fulfilment); return; }
  // Pipeline: never in bookings, billings, revenue or backlog; in the sales figures.
  add_to_figures(whole_figures(line.currency), line, line, nullptr);
  if (!segment.empty()) add_to_figures(segment_figures(line.currency, segment), line, line, nullptr);
  if (drill_) drill_->add(line, nullptr, line, nullptr, segment);
}

void FoldingHalf::take_batch(std::string_view batch_bytes) {
  PackedLines::for_each(batch_bytes, [this](const ContractLine& line, std::string_view segment,
                                          std::vector<DatedAmount> invoices, const Fulfilment* fulfilment) {
    take(line, segment, std::move(invoices), fulfilment);
  });
}

void FoldingHalf::fold(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
                      const Fulfilment* fulfilment) {
  if (settings_.as_of && line.has_cancel && line.cancel > *settings_.as_of) {
    fold_cancelled_after_as_of(line, segment, std::move(invoices), fulfilment);
    return;
  }
  LineSchedule schedule(line, settings_.proration, std::move(invoices), fulfilment, std::move(schedule_storage_));
  fold_scheduled(line, segment, schedule, line, schedule);
  schedule_storage_ = schedule.release_storage();
}

void FoldingHalf::fold_cancelled_after_as_of(const ContractLine& line, std::string_view segment,
                                             std::vector<DatedAmount> invoices, const Fulfilment* fulfilment) {
  // The forward view sees the line as it stood before: the same line and files, without the cancellation.
  ContractLine uncancelled_line = line;
  uncancelled_line.has_cancel = false;
  const LineSchedule uncancelled(uncancelled_line, settings_.proration, invoices, fulfilment);
  const LineSchedule schedule(line, settings_.proration, std::move(invoices), fulfilment);
  fold_scheduled(line, segment, schedule, uncancelled_line, uncancelled);
}

// bench/mrr.sh's yardstick build folds no MRR (CMake's BBB_BENCH_WITHOUT_MRR).
#ifdef BBB_BENCH_WITHOUT_MRR
constexpr bool kFoldMrr = false;
#else
constexpr bool kFoldMrr = true;
#endif

void FoldingHalf::fold_scheduled(const ContractLine& line, std::string_view segment, const LineSchedule& schedule,
                                 const ContractLine& known_line, const LineSchedule& known_schedule) {
  FoldedFigures& whole = whole_figures(line.currency);
  if (line.from_invoice) {
    ++line_kinds_.invoice_lines;
    if (line.recognition == Recognition::kRatable) ++line_kinds_.invoice_lines_with_period;
  }
  post_line(line, schedule, &ledger(line.currency));
  if (drill_) drill_->add(line, &schedule, known_line, &known_schedule, segment);
  add_to_figures(whole, line, known_line, &known_schedule);
  if (whole.waterfall) whole.waterfall->add(line, schedule);
  std::uint16_t segment_id = 0;
  if (!segment.empty()) {
    FoldedFigures& seg = segment_figures(line.currency, segment);
    post_line(line, schedule, &seg.ledger);
    add_to_figures(seg, line, known_line, &known_schedule);
    if (seg.waterfall) seg.waterfall->add(line, schedule);
    segment_id = seg.segment;
  }
  if (kFoldMrr) {
    if (const std::optional<MrrSpan> span = mrr_span(line))
      whole.recurring.add_by_key(CustomerIds::key(line.customer, line.id), segment_id, *span);
  }
}

void FoldingHalf::add_to_figures(FoldedFigures& b, const ContractLine& line, const ContractLine& known_line,
                             const LineSchedule* known_schedule) {
  b.sales.add(line);
  if (b.forward && known_schedule != nullptr) b.forward->add(known_line, *known_schedule);
}

MonthlyLedger& FoldingHalf::ledger(const CurrencyCode& currency) {
  return ledger_index_.find(ledgers_, currency, [](auto& map, const CurrencyCode& c) -> MonthlyLedger& { return map[c]; });
}

FoldedFigures& FoldingHalf::whole_figures(const CurrencyCode& currency) {
  return figures_index_.find(figures_, currency, [this](auto& map, const CurrencyCode& c) -> FoldedFigures& {
    return map.try_emplace(c, settings_).first->second;
  });
}

FoldedFigures& FoldingHalf::segment_figures(const CurrencyCode& currency, std::string_view segment) {
  auto& by_value = segments_[currency];
  // At most kMaxSegments values are kept apart; later new values share one FoldedFigures.
  std::string key(segment);
  if (by_value.size() >= kMaxSegments && by_value.count(key) == 0) key = kOtherSegment;
  const auto [it, added] = by_value.try_emplace(key, settings_);
  if (added) it->second.segment = static_cast<std::uint16_t>(by_value.size());
  return it->second;
}

}  // namespace bbb
