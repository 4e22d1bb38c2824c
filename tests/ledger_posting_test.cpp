// What one line posts to a ledger (finance/ledger_posting): its flows and
// its balances at each month end, checked against figures worked out by
// hand from spec sections 3 and 4, not against the ledger's own sums.
#include <gtest/gtest.h>

#include "finance/ledger_posting.h"
#include "finance/period_figures.h"
#include "test_support.h"

namespace {

using bbb::Balances;
using bbb::BillingKind;
using bbb::LedgerView;
using bbb::LineSchedule;
using bbb::MonthlyLedger;
using bbb::Proration;
using bbb::YearMonth;
using bbb_test::point_line;
using bbb_test::ratable_line;
using bbb_test::ymd;

MonthlyLedger posted(const bbb::ContractLine& line) {
  MonthlyLedger ledger;
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  bbb::post_line(line, s, &ledger);
  return ledger;
}

Balances at_end(const MonthlyLedger& ledger, int year, int month) {
  return LedgerView(ledger).balances(YearMonth::of(year, month));
}

// 1,200.00 over 12 months from 2024-01-01, billed upfront: 100.00 a month.
TEST(LedgerPosting, AnnualPrepaidLineDefersWhatIsBilledAndNotYetEarned) {
  const MonthlyLedger ledger = posted(ratable_line(120000, ymd(2024, 1, 1), 12));
  const LedgerView view(ledger);
  const bbb::MonthTotals jan = view.flows(YearMonth::of(2024, 1), YearMonth::of(2024, 1));
  EXPECT_EQ(jan.bookings, 120000);
  EXPECT_EQ(jan.billings, 120000);
  EXPECT_EQ(jan.revenue, 10000);
  const Balances j = at_end(ledger, 2024, 1);
  EXPECT_EQ(j.backlog, 110000);
  EXPECT_EQ(j.deferred_revenue, 110000);
  EXPECT_EQ(j.unbilled_receivable, 0);
  EXPECT_EQ(j.billed_backlog, 110000);
  EXPECT_EQ(j.unbilled_backlog(), 0);
  EXPECT_EQ(j.crpo, 110000);  // all of it falls in the next 12 months
  EXPECT_EQ(j.later_backlog(), 0);
  EXPECT_EQ(j.unscheduled_backlog, 0);
  const Balances june = at_end(ledger, 2024, 6);
  EXPECT_EQ(june.backlog, 60000);
  EXPECT_EQ(june.deferred_revenue, 60000);
  // After the last month nothing is left, and it stays so.
  for (int y : {2024, 2025, 2030}) {
    const Balances b = at_end(ledger, y, 12);
    EXPECT_EQ(b.backlog, 0) << y;
    EXPECT_EQ(b.deferred_revenue, 0) << y;
    EXPECT_EQ(b.crpo, 0) << y;
  }
}

// Billed quarterly in arrears: on the last day of each quarter (spec 3), so
// what is earned in its first two months is not billed yet.
TEST(LedgerPosting, ArrearsBillingLeavesAnUnbilledReceivableNotDeferredRevenue) {
  const MonthlyLedger ledger = posted(ratable_line(120000, ymd(2024, 1, 1), 12, BillingKind::kQuarterlyArrears));
  const Balances feb = at_end(ledger, 2024, 2);
  EXPECT_EQ(feb.unbilled_receivable, 20000);
  EXPECT_EQ(feb.deferred_revenue, 0);
  const Balances march = at_end(ledger, 2024, 3);  // billed 300.00 on March 31
  EXPECT_EQ(march.unbilled_receivable, 0);
  EXPECT_EQ(march.deferred_revenue, 0);
  const Balances j = at_end(ledger, 2024, 1);
  EXPECT_EQ(j.deferred_revenue, 0);
  EXPECT_EQ(j.unbilled_receivable, 10000);
  EXPECT_EQ(j.backlog, 110000);
  EXPECT_EQ(j.billed_backlog, 0);
  EXPECT_EQ(j.unbilled_backlog(), 110000);
}

// 36 months: at the first month end, 12 months of cRPO, the rest later.
TEST(LedgerPosting, ThreeYearLineSplitsItsBacklogIntoCrpoAndLater) {
  const MonthlyLedger ledger = posted(ratable_line(360000, ymd(2024, 1, 1), 36));
  const Balances j = at_end(ledger, 2024, 1);
  EXPECT_EQ(j.backlog, 350000);
  EXPECT_EQ(j.crpo, 120000);
  EXPECT_EQ(j.later_backlog(), 230000);
  EXPECT_EQ(j.unscheduled_backlog, 0);
}

// Cancelled on 2024-04-01: served through March (300.00); the 900.00 left is
// the cancellation, and no backlog remains; what was billed beyond what was
// served stays deferred until a credit note says otherwise.
TEST(LedgerPosting, CancellationRemovesTheBacklogLeftAndKeepsNoneAfter) {
  auto line = ratable_line(120000, ymd(2024, 1, 1), 12);
  line.has_cancel = true;
  line.cancel = ymd(2024, 4, 1);
  const MonthlyLedger ledger = posted(line);
  const LedgerView view(ledger);
  const bbb::MonthTotals april = view.flows(YearMonth::of(2024, 4), YearMonth::of(2024, 4));
  EXPECT_EQ(april.cancellations, 90000);
  EXPECT_EQ(april.revenue, 0);
  EXPECT_EQ(view.flows(YearMonth::of(2024, 1), YearMonth::of(2025, 12)).revenue, 30000);
  const Balances march = at_end(ledger, 2024, 3);
  EXPECT_EQ(march.backlog, 90000);
  EXPECT_EQ(march.crpo, 90000);
  for (int m : {4, 5, 12}) {
    const Balances b = at_end(ledger, 2024, m);
    EXPECT_EQ(b.backlog, 0) << m;
    EXPECT_EQ(b.billed_backlog, 0) << m;
    EXPECT_EQ(b.crpo, 0) << m;
    EXPECT_EQ(b.unscheduled_backlog, 0) << m;
  }
}

// A one-time line with no delivery date is booked and billed, never
// recognised: all of it is unscheduled backlog until a delivery says when.
TEST(LedgerPosting, PointLineWithoutDeliveryIsUnscheduledBacklog) {
  const MonthlyLedger ledger = posted(point_line(50000, ymd(2024, 2, 10)));
  const Balances feb = at_end(ledger, 2024, 2);
  EXPECT_EQ(feb.backlog, 50000);
  EXPECT_EQ(feb.unscheduled_backlog, 50000);
  EXPECT_EQ(feb.crpo, 0);
  EXPECT_EQ(feb.later_backlog(), 0);
  EXPECT_EQ(feb.deferred_revenue, 50000);
  EXPECT_EQ(at_end(ledger, 2027, 1).backlog, 50000);
}

// ACV: amount x 12 / T for terms past a year, floored; the amount otherwise.
TEST(LedgerPosting, AcvScalesLongTermsToOneYear) {
  EXPECT_EQ(bbb::acv_of(ratable_line(360000, ymd(2024, 1, 1), 36)), 120000);
  EXPECT_EQ(bbb::acv_of(ratable_line(100000, ymd(2024, 1, 1), 7)), 100000);
  EXPECT_EQ(bbb::acv_of(ratable_line(100001, ymd(2024, 1, 1), 24)), 50000);
  EXPECT_EQ(bbb::acv_of(point_line(70000, ymd(2024, 1, 1))), 70000);
}

}  // namespace
