// Recurring revenue (spec 12) of one currency: each customer's MRR at every
// month end and how it moved, kept as each customer's changes only (the
// months in which its MRR starts, steps or stops, per segment), so that
// memory follows the customers and their changes, not the rows.
//
//   RecurringRevenue r;
//   r.add(customer, segment, line);     // every booked line, as folded
//   const auto months = r.months(first, last, MrrScope::whole());
//
// A movement is a customer's (new, reactivation and churn are decided on
// the customer's MRR over every segment); a segment's share of it is the
// change of the customer's MRR in that segment, so that a customer moving
// from one segment to another is contraction in one and expansion in the
// other (docs/metrics.md, "Recurring revenue").
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "fast/customer_ids.h"
#include "fast/parallel.h"
#include "rows/contract_line.h"
#include "values/date.h"

namespace bbb {

// A subscription that renews (ContractLine::renews) counts its MRR at every
// month end from its last interval's start on, for this many months.
constexpr std::int32_t kRenewingMonths = 1200;

// A line's MRR and the month ends it counts at (spec 12): floor(amount / T)
// for a booked ratable line (of weeks or days, amount x 12 / 52 / weeks or
// amount x 12 / 365 / days), at each month end e with start <= e <= end,
// booking <= e and no cancellation on or before e. None for other lines, or
// when no month end falls in that span (a line within one month). A
// subscription's interval that renews runs on for kRenewingMonths.
struct MrrSpan {
  std::int64_t mrr = 0;
  YearMonth first, last;  // inclusive
};
std::optional<MrrSpan> mrr_span(const ContractLine& line);

// What a customer's move between two month ends is (spec 12). New,
// reactivation and churn are decided on its MRR over every segment (whole);
// the scope's change (a segment's, or the whole's again) is what moved in
// it, expansion or contraction otherwise. had_mrr: it had MRR at an earlier
// month end. kNone when the scope's MRR did not change.
enum class MrrMove { kNone, kNew, kReactivation, kExpansion, kContraction, kChurn };
MrrMove mrr_move(std::int64_t whole_before, std::int64_t whole_after, std::int64_t scope_before,
                 std::int64_t scope_after, bool had_mrr);

// One month's movements (spec 12), from the month end before to its own,
// and the retention sums at its end.
struct MrrRetention;
struct MrrMonth {
  YearMonth month;
  std::int64_t mrr_begin = 0, mrr_end = 0;
  std::int64_t new_mrr = 0, expansion = 0, contraction = 0, churn = 0, reactivation = 0;
  std::int64_t customers_begin = 0, customers_end = 0;
  std::int64_t new_customers = 0, churned_customers = 0, reactivated_customers = 0;
  // Retention at this month end over the 12 months before it: `then` the MRR
  // 12 month ends earlier of the customers that had MRR then, `now` their
  // MRR now, `kept` the sum of min(now, then). nrr = now / then, grr = kept / then.
  std::int64_t retention_then = 0, retention_now = 0, retention_kept = 0;
};

// Adds a month's movements and their customers to `to`: another month's
// (parts of a walk summed) or a period's figures (mrr_figures.h).
template <class Sums>
void add_movements(const MrrMonth& m, Sums* to) {
  to->new_mrr += m.new_mrr;
  to->expansion += m.expansion;
  to->contraction += m.contraction;
  to->churn += m.churn;
  to->reactivation += m.reactivation;
  to->new_customers += m.new_customers;
  to->churned_customers += m.churned_customers;
  to->reactivated_customers += m.reactivated_customers;
}

// One cohort: the customers whose first MRR is at the end of `start`, and
// for each month since (0 = start) how many still have MRR and their MRR.
struct MrrCohort {
  YearMonth start;
  std::vector<std::int64_t> customers, mrr;
};

// Which MRR a figure is of: the whole currency's, or that of some of its
// segments (one listed value, or every value merged into "other").
class MrrScope {
 public:
  static MrrScope whole() { return MrrScope(); }
  static MrrScope of(std::vector<std::uint16_t> segments);
  bool is_whole() const { return whole_; }
  bool has(std::uint16_t segment) const {
    return whole_ || (segment < member_.size() && member_[segment]);
  }

 private:
  bool whole_ = true;
  std::vector<bool> member_;
};

class RecurringRevenue {
 public:
  // customer: a dense id of the line's customer (a line without one is its
  // own customer); segment: the id of its split_by value (0 when not split,
  // at most 255).
  void add(std::uint32_t customer, std::uint16_t segment, const ContractLine& line);
  void add(std::uint32_t customer, std::uint16_t segment, const MrrSpan& span);
  // The same with the customer's key (CustomerIds::key) instead of an id:
  // the id is looked up kLookAhead lines later, its slot asked of the memory
  // now (a table of a million customers misses the cache on every line).
  // One RecurringRevenue is fed by ids or by keys, not both.
  void add_by_key(std::uint64_t customer_key, std::uint16_t segment, const MrrSpan& span);

  // The months first..last, each with its movements; a customer's history
  // before `first` decides new against reactivation.
  std::vector<MrrMonth> months(YearMonth first, YearMonth last, const MrrScope& scope) const;
  // The whole currency's cohorts within first..last: those of the `window`
  // months up to the last month in which a customer first had MRR, each
  // followed for at most `window` months (0 = its start), not past `last`.
  std::vector<MrrCohort> cohorts(YearMonth first, YearMonth last, std::size_t window) const;
  // The whole currency's months and its cohorts in one pass over the customers.
  std::vector<MrrMonth> months_and_cohorts(YearMonth first, YearMonth last, std::size_t window,
                                           std::vector<MrrCohort>* cohorts) const;

  std::size_t changes_kept() const;  // entries held, what memory follows (bench)

  // The readers above cut their walk over the customers into parts run by
  // `parallel` (every figure is a sum, the same whatever the parts).
  void lend(const Parallel& parallel) { parallel_ = &parallel; }

 private:
  struct CohortTable;
  struct MonthSums;
  CohortTable cohort_table(YearMonth first, YearMonth last, std::size_t window) const;
  std::vector<MrrMonth> months_of(YearMonth first, YearMonth last, const MrrScope& scope, CohortTable* cohorts) const;
  // The customers of logs [from, to) added to `sums`.
  void walk(std::size_t from, std::size_t to, const MrrScope& scope, MonthSums* sums) const;
  // One change of a customer's MRR as the readers see it: from the end of
  // `month` on, by `delta`, in `segment`.
  struct Change {
    std::int32_t month;
    std::uint16_t segment;
    std::int64_t delta;
  };
  // What is kept: a line's MRR over its month ends (or lines' MRR summed
  // over the same months, or renewals at one price joined end to end), in
  // 16 bytes: the customer within its log and the segment in one word, the
  // first month, and the MRR (below 2^53, as every amount) with the count
  // of months in the top 11 bits (a longer span is kept in pieces).
  struct Span {
    std::uint32_t customer_segment;  // customer within its log | segment << 24
    std::int32_t first;              // month index of its first month end
    std::uint64_t mrr_months;        // MRR | (months - 1) << 53
    static constexpr std::int32_t kMaxMonths = 2048;
    static constexpr std::uint64_t kMrrMask = (std::uint64_t{1} << 53) - 1;
    std::uint32_t customer() const { return customer_segment & 0xffffff; }
    std::uint16_t segment() const { return static_cast<std::uint16_t>(customer_segment >> 24); }
    std::int64_t mrr() const { return static_cast<std::int64_t>(mrr_months & kMrrMask); }
    std::int32_t months() const { return static_cast<std::int32_t>(mrr_months >> 53) + 1; }
  };
  // The spans in 256 logs by the customer id's low byte. A log keeps its
  // merged spans (sorted by customer; a customer's spans over the same
  // months summed, renewals at one price joined) and the spans appended
  // since, in room set aside for them; when those are half as many as the
  // merged ones, the two are merged. So a log holds about one span a line
  // at most, and fewer where lines renew: a subscription renewed every month
  // at one price keeps one span. One log of 256 merges at a time, so no
  // second copy of all the spans is ever made. Readers settle every log
  // first (the report reads after folding, from one thread).
  // An array of spans made without zeroing it first (it is filled at once).
  struct Spans {
    std::unique_ptr<Span[]> data;
    std::size_t size = 0;
    const Span* begin() const { return data.get(); }
    const Span* end() const { return data.get() + size; }
    const Span& operator[](std::size_t i) const { return data[i]; }
  };
  struct Log {
    Spans spans;                       // merged
    std::vector<Span> pending;         // appended since
    std::vector<std::uint32_t> from;   // customer k's merged spans are spans[from[k], from[k + 1])
    std::uint32_t customers = 0;       // customer ids below customers * 256 + the log's index
    bool joins = true;                 // its last merge joined or summed an eighth of its spans or more
    // Spans taken before the next merge: half as many as are merged while
    // merges join (renewals), twice as many while they only sort. Memory
    // follows the changes either way; a merge that only sorts is work lost.
    std::size_t room() const { return std::max<std::size_t>(joins ? spans.size / 2 : 2 * spans.size, 64); }
  };
  static constexpr std::size_t kLogs = 256;
  mutable std::vector<Log> logs_ = std::vector<Log>(kLogs);
  // Spans as added, with their log, handed to the logs a batch at a time:
  // one line's span touches one stream, not one of 256.
  static constexpr std::size_t kStaged = 4096;
  mutable std::vector<Span> staged_;
  mutable std::vector<std::uint8_t> staged_log_;
  // Lines by key awaiting their customer's id, oldest first from keyed_next_.
  struct Keyed {
    std::uint64_t key;
    std::uint16_t segment;
    MrrSpan span;
  };
  static constexpr std::size_t kLookAhead = 8;
  mutable CustomerIds ids_;
  mutable std::vector<Keyed> keyed_;
  mutable std::size_t keyed_next_ = 0;
  void add_keyed(const Keyed& k) const;
  // Adds (or settles) only what is mutable: the readers settle a const object.
  void add_span(std::uint32_t customer, std::uint16_t segment, const MrrSpan& span) const;
  const Parallel* parallel_ = &serial();
  mutable bool settled_ = false;  // every span merged: nothing added since the last settle
  // Logs [from, to) of part `part` of `parts`.
  static std::size_t log_at(std::size_t part, std::size_t parts) { return part * kLogs / parts; }
  void stage(std::uint8_t log, const Span& span) const;
  static void hand_to_logs(std::vector<Log>& logs, std::vector<Span>& staged, std::vector<std::uint8_t>& staged_log);
  static void append(Log& log, const Span& span);
  static void merge(Log& log);
  void settle() const;
  // A customer's changes by month: most have a few, sorted in place.
  static void sort_by_month(Change* list, std::size_t n) {
    if (n > 32) {
      std::sort(list, list + n, [](const Change& a, const Change& b) { return a.month < b.month; });
      return;
    }
    for (std::size_t i = 1; i < n; ++i) {
      const Change c = list[i];
      std::size_t j = i;
      for (; j > 0 && list[j - 1].month > c.month; --j) list[j] = list[j - 1];
      list[j] = c;
    }
  }
  // f(changes, count) for every customer of logs [from, to): its changes in
  // month order, in no set order of customers.
  template <class F>
  void for_each_customer(std::size_t from, std::size_t to, F f) const {
    std::vector<Change> changes;
    for (std::size_t at = from; at < to; ++at) {
      const Log& log = logs_[at];
      for (std::uint32_t k = 0; k < log.customers; ++k) {
        const std::uint32_t spans = log.from[k + 1] - log.from[k];
        if (changes.size() < 2 * spans) changes.resize(2 * spans);
        Change* const list = changes.data();
        for (std::uint32_t i = 0; i < spans; ++i) {
          const Span& s = log.spans[log.from[k] + i];
          list[2 * i] = {s.first, s.segment(), s.mrr()};
          list[2 * i + 1] = {s.first + s.months(), s.segment(), -s.mrr()};
        }
        sort_by_month(list, 2 * spans);
        f(list, 2 * spans);
      }
    }
  }
};

}  // namespace bbb
