#include "bbb/line_folder.h"

#include <utility>

#include "bbb/line_fold.h"

namespace bbb {

LineFolder::LineFolder(const ReadSettings& settings) : settings_(settings) {
  if (settings_.drill) drill_.emplace(*settings_.drill, settings_.as_of);
}

void LineFolder::take(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
                      const Fulfilment* fulfilment) {
  if (line.is_booked()) { fold(line, segment, std::move(invoices), fulfilment); return; }
  // Pipeline: never in bookings, billings, revenue or backlog; in the sales figures.
  add_to_book(whole_book(line.currency), line, line, nullptr);
  if (!segment.empty()) add_to_book(segment_book(line.currency, segment), line, line, nullptr);
  if (drill_) drill_->add(line, nullptr, line, nullptr, segment);
}

void LineFolder::take_batch(std::string_view batch_bytes) {
  LineBatch::for_each(batch_bytes, [this](const ContractLine& line, std::string_view segment,
                                          std::vector<DatedAmount> invoices, const Fulfilment* fulfilment) {
    take(line, segment, std::move(invoices), fulfilment);
  });
}

void LineFolder::fold(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
                      const Fulfilment* fulfilment) {
  // A line cancelled after the as-of date is seen by the forward view as it
  // stood before: the same line and files, without the cancellation.
  std::optional<ContractLine> uncancelled_line;
  std::optional<LineSchedule> uncancelled;
  if (settings_.as_of && line.has_cancel && line.cancel > *settings_.as_of) {
    uncancelled_line = line;
    uncancelled_line->has_cancel = false;
    uncancelled.emplace(*uncancelled_line, settings_.proration, invoices, fulfilment);
  }
  LineSchedule schedule(line, settings_.proration, std::move(invoices), fulfilment, std::move(schedule_storage_));
  fold_line(line, schedule, &ledger(line.currency));
  const ContractLine& known_line = uncancelled_line ? *uncancelled_line : line;
  const LineSchedule& known_schedule = uncancelled ? *uncancelled : schedule;
  if (drill_) drill_->add(line, &schedule, known_line, &known_schedule, segment);
  Book& whole = whole_book(line.currency);
  add_to_book(whole, line, known_line, &known_schedule);
  if (whole.waterfall) whole.waterfall->add(line, schedule);
  if (!segment.empty()) {
    Book& seg = segment_book(line.currency, segment);
    fold_line(line, schedule, &seg.ledger);
    add_to_book(seg, line, known_line, &known_schedule);
    if (seg.waterfall) seg.waterfall->add(line, schedule);
  }
  schedule_storage_ = schedule.release_storage();
}

void LineFolder::add_to_book(Book& b, const ContractLine& line, const ContractLine& known_line,
                             const LineSchedule* known_schedule) {
  b.sales.add(line);
  if (b.forward && known_schedule != nullptr) b.forward->add(known_line, *known_schedule);
}

MonthlyLedger& LineFolder::ledger(const CurrencyCode& currency) {
  return ledger_index_.find(ledgers_, currency, [](auto& map, const CurrencyCode& c) -> MonthlyLedger& { return map[c]; });
}

Book& LineFolder::whole_book(const CurrencyCode& currency) {
  return book_index_.find(books_, currency, [this](auto& map, const CurrencyCode& c) -> Book& {
    return map.try_emplace(c, settings_).first->second;
  });
}

Book& LineFolder::segment_book(const CurrencyCode& currency, std::string_view segment) {
  auto& by_value = segments_[currency];
  // At most kMaxSegments values are kept apart; later new values share one book.
  std::string key(segment);
  if (by_value.size() >= kMaxSegments && by_value.count(key) == 0) key = kOtherSegment;
  return by_value.try_emplace(key, settings_).first->second;
}

}  // namespace bbb
