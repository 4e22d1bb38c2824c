// The schedules of one booked line (spec sections 3 and 10): how much of it
// is recognised, and how much billed, through any day.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "fast/cold_path.h"
#include "rows/contract_line.h"
#include "values/date.h"

namespace bbb {

enum class Proration { kMonthly, kDaily };
const char* proration_name(Proration p);

struct DatedAmount {
  Date date;
  std::int64_t amount = 0;
};

// Cumulative fulfilment of a line, from the fulfilment file: either amounts
// delivered (summed) or cumulative percent complete, by date.
struct Fulfilment {
  bool is_percent = false;
  std::vector<DatedAmount> rows;  // sorted by date; amount in minor units, or percent x 1e6
};

// Buffers a schedule may reuse, handed from line to line (see
// LineSchedule::release_storage) so that folding allocates nothing a line.
struct ScheduleStorage {
  std::vector<DatedAmount> billings;
  std::vector<std::int64_t> month_ends;
};

class LineSchedule {
 public:
  // invoices: the line's rows of the invoices file (empty: generated billing);
  // fulfilment: null when the line has no fulfilment rows.
  LineSchedule(const ContractLine& line, Proration proration, std::vector<DatedAmount> invoices,
               const Fulfilment* fulfilment, ScheduleStorage storage = {});
  // The buffers, given back for the next line; the schedule is not used after it.
  ScheduleStorage release_storage() { return {std::move(billings_), std::move(month_ends_)}; }

  // Recognised through day d (inclusive), every rule applied: nothing before
  // booking (catch-up on the booking date), nothing on or after cancel_date.
  std::int64_t revenue_through(Date d) const;
  // The same as it is known before the cancellation (for cRPO read as of a
  // day before cancel_date).
  std::int64_t revenue_through_uncancelled(Date d) const;
  // revenue_through_uncancelled at the last day of each of `count` months
  // from `first`, into out[0..count): one integer pass, no calendar
  // arithmetic per month. `first` must not be before the booking month.
  void uncancelled_revenue_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const;
  // The same from `first`, kept for the next call from the same month that
  // asks no more months: the fold and then the waterfall read a line's month
  // ends from its booking month. Valid until the next call.
  const std::int64_t* month_ends(YearMonth first, std::size_t count) const;
  // What the schedule will recognise in all, ignoring cancellation: the
  // rest of the amount is unscheduled (a point line with no delivery date).
  std::int64_t scheduled_total() const { return scheduled_total_; }
  // Removed from backlog on cancel_date: amount - revenue through the day before.
  std::int64_t cancelled_backlog() const;

  // Every invoice and credit note, generated or from the invoices file, with
  // the cancellation true-up; sorted by date, one entry per date.
  const std::vector<DatedAmount>& billings() const { return billings_; }
  std::int64_t billed_through(Date d) const;

  // The last day on which revenue or billing changes (or the line is cancelled).
  Date last_change() const { return last_change_; }

  // True when the revenue recognised through each day never falls: a line
  // of a non-negative amount recognised over its term or at delivery (a
  // fulfilment percentage may go down).
  bool revenue_never_falls() const { return fulfilment_ == nullptr && line_.amount >= 0; }

 private:
  std::int64_t base_revenue_through(Date d) const;  // no catch-up, no cancellation
  std::int64_t ratable_through(Date d) const;
  // What only some lines need (fulfilment rows, invoices, a cancellation,
  // installments moved or dropped) is out of line (cold_path.h says why).
  BBB_OUT_OF_LINE std::int64_t fulfilled_through(Date d) const;
  // Revenue for a cumulative fulfilment (amount delivered, or percent x 1e6).
  std::int64_t fulfilled_revenue(std::int64_t cumulative) const;
  // uncancelled_revenue_at_month_ends by recognition rule.
  BBB_OUT_OF_LINE void fulfilled_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const;
  BBB_OUT_OF_LINE void daily_ratable_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const;
  void monthly_ratable_at_month_ends(YearMonth first, std::size_t count, std::int64_t* out) const;
  void build_generated_billing();
  BBB_OUT_OF_LINE void filter_installments();
  BBB_OUT_OF_LINE void build_invoiced_billing(std::vector<DatedAmount> invoices);
  BBB_OUT_OF_LINE void add_true_up(std::int64_t billed_through_cancel);
  void finish_billing();

  const ContractLine& line_;
  Proration proration_;
  const Fulfilment* fulfilment_;
  std::int64_t total_weight_ = 0;
  std::int64_t scheduled_total_ = 0;
  std::vector<DatedAmount> billings_;
  Date last_change_;
  // month_ends' values (month_ends_count_ months from month_ends_first_),
  // kept because the waterfall reads the same month ends after the ledger.
  mutable YearMonth month_ends_first_;
  mutable std::size_t month_ends_count_ = 0;
  mutable std::vector<std::int64_t> month_ends_;
};

// The generated installments of a line before catch-up and cancellation:
// exposed for tests of the billing rules.
std::vector<DatedAmount> generated_installments(const ContractLine& line);

}  // namespace bbb
