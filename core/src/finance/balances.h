// The balances of spec section 4, read at a month's end: of one line, or
// summed over the lines of a ledger. Each is written here as the spec
// writes it, apart from the flows, so that the roll-forwards (backlog by
// bookings - revenue - cancellations, deferred - unbilled by billings -
// revenue) check the engine rather than follow from it. The spec defines
// unbilled backlog and later backlog as "the rest" of the backlog: they are
// the two residuals below, the one place they are formed.
#pragma once

#include <algorithm>
#include <cstdint>

namespace bbb {

struct Balances {
  std::int64_t backlog = 0;              // remaining performance obligation
  std::int64_t deferred_revenue = 0;     // billed, not yet recognised
  std::int64_t unbilled_receivable = 0;  // recognised, not yet billed
  std::int64_t billed_backlog = 0;       // the backlog already billed
  std::int64_t crpo = 0;                 // the backlog recognised in the next 12 months
  std::int64_t unscheduled_backlog = 0;  // the backlog no schedule recognises yet

  // The rest of the backlog: not yet billed; scheduled after the next 12 months.
  std::int64_t unbilled_backlog() const { return backlog - billed_backlog; }
  std::int64_t later_backlog() const { return backlog - crpo - unscheduled_backlog; }

  Balances& operator+=(const Balances& o) {
    backlog += o.backlog;
    deferred_revenue += o.deferred_revenue;
    unbilled_receivable += o.unbilled_receivable;
    billed_backlog += o.billed_backlog;
    crpo += o.crpo;
    unscheduled_backlog += o.unscheduled_backlog;
    return *this;
  }
  Balances operator-(const Balances& o) const {
    Balances d = *this;
    d.backlog -= o.backlog;
    d.deferred_revenue -= o.deferred_revenue;
    d.unbilled_receivable -= o.unbilled_receivable;
    d.billed_backlog -= o.billed_backlog;
    d.crpo -= o.crpo;
    d.unscheduled_backlog -= o.unscheduled_backlog;
    return d;
  }
};

// One booked line at a month end e.
struct LineAtMonthEnd {
  std::int64_t amount = 0;          // a
  std::int64_t billed = 0;          // B(e): invoices and credit notes dated through e
  std::int64_t recognised = 0;      // R(e), 0 <= R <= a
  std::int64_t recognised_12 = 0;   // R(e + 12 months) as scheduled at e (a later cancellation not yet known)
  std::int64_t scheduled = 0;       // all its schedule recognises, R <= scheduled <= a
  bool cancelled = false;           // cancelled on or before e
};

inline Balances line_balances(const LineAtMonthEnd& l) {
  Balances b;
  b.deferred_revenue = std::max<std::int64_t>(0, l.billed - l.recognised);
  b.unbilled_receivable = std::max<std::int64_t>(0, l.recognised - l.billed);
  if (l.cancelled) return b;  // a cancelled line keeps no backlog
  b.backlog = l.amount - l.recognised;
  b.billed_backlog = std::max<std::int64_t>(0, std::min(l.billed, l.amount) - l.recognised);
  b.crpo = l.recognised_12 - l.recognised;
  b.unscheduled_backlog = l.amount - l.scheduled;
  return b;
}

}  // namespace bbb
