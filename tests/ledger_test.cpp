// The monthly ledger (finance/ledger): months kept as one run that grows at
// either end, zeros outside it, deal types capped with the rest as "other",
// and ledgers merged month by month.
#include <gtest/gtest.h>

#include <string>

#include "finance/ledger.h"
#include "finance/period_figures.h"

namespace {

using bbb::MonthlyLedger;
using bbb::YearMonth;

TEST(Ledger, GrowsAtEitherEndAndReadsZerosOutsideItsMonths) {
  MonthlyLedger ledger;
  EXPECT_TRUE(ledger.empty());
  ledger.at(YearMonth::of(2024, 5)).revenue += 7;
  ledger.at(YearMonth::of(2024, 2)).revenue += 3;  // before the first: grows at the front
  ledger.at(YearMonth::of(2024, 9)).revenue += 5;
  EXPECT_EQ(ledger.first(), YearMonth::of(2024, 2));
  EXPECT_EQ(ledger.last(), YearMonth::of(2024, 9));
  EXPECT_EQ(ledger.get(YearMonth::of(2024, 5)).revenue, 7);
  EXPECT_EQ(ledger.get(YearMonth::of(2024, 3)).revenue, 0);  // a month between holds zeros
  EXPECT_EQ(ledger.get(YearMonth::of(2023, 1)).revenue, 0);
  EXPECT_EQ(ledger.get(YearMonth::of(2030, 1)).revenue, 0);
  bbb::MonthTotals* run = ledger.range(YearMonth::of(2024, 8), YearMonth::of(2024, 11));
  run[3].billings = 11;  // 2024-11: the run grew to cover it
  EXPECT_EQ(ledger.last(), YearMonth::of(2024, 11));
  EXPECT_EQ(ledger.get(YearMonth::of(2024, 11)).billings, 11);
}

TEST(Ledger, KeepsTheFirstTypesApartAndCountsTheRestAsOther) {
  MonthlyLedger ledger;
  const YearMonth jan = YearMonth::of(2024, 1);
  for (std::size_t i = 0; i < MonthlyLedger::kMaxTypes + 5; ++i) ledger.add_type_booking("type" + std::to_string(i), jan, 100);
  ASSERT_EQ(ledger.types().size(), MonthlyLedger::kMaxTypes);
  EXPECT_EQ(ledger.types().back(), "other");
  std::int64_t total = 0;
  for (std::size_t i = 0; i < ledger.types().size(); ++i) total += ledger.type_bookings(i, jan);
  EXPECT_EQ(total, 100 * static_cast<std::int64_t>(MonthlyLedger::kMaxTypes + 5));  // nothing lost
  EXPECT_EQ(ledger.type_bookings(ledger.types().size() - 1, jan), 100 * 6);
}

TEST(Ledger, MergeAddsFlowsBalancesAndTypesMonthByMonth) {
  MonthlyLedger a, b;
  a.at(YearMonth::of(2024, 1)).bookings += 100;
  a.at(YearMonth::of(2024, 1)).changing_lines.backlog += 90;
  a.add_type_booking("new", YearMonth::of(2024, 1), 100);
  b.at(YearMonth::of(2024, 3)).bookings += 40;
  b.at(YearMonth::of(2024, 2)).settled_lines.deferred_revenue += 25;
  b.add_type_booking("renewal", YearMonth::of(2024, 3), 40);
  a.merge(b);
  EXPECT_EQ(a.first(), YearMonth::of(2024, 1));
  EXPECT_EQ(a.last(), YearMonth::of(2024, 3));
  EXPECT_EQ(a.get(YearMonth::of(2024, 1)).bookings, 100);
  EXPECT_EQ(a.get(YearMonth::of(2024, 3)).bookings, 40);
  const bbb::LedgerView view(a);
  EXPECT_EQ(view.balances(YearMonth::of(2024, 1)).backlog, 90);
  EXPECT_EQ(view.balances(YearMonth::of(2024, 2)).backlog, 0);  // a changing line's balance holds for its month only
  EXPECT_EQ(view.balances(YearMonth::of(2024, 3)).deferred_revenue, 25);  // a settled line's holds from then on
  ASSERT_EQ(a.types().size(), 2u);
  EXPECT_EQ(a.types()[1], "renewal");
  EXPECT_EQ(a.type_bookings(1, YearMonth::of(2024, 3)), 40);
}

}  // namespace
