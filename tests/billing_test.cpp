// Generated billing (spec sections 3 and 10): installment amounts
// floor(a*min((i+1)k,T)/T) - floor(a*ik/T), dates counted from billing_start
// with the day clamped, arrears on the last day of each interval.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "finance/ledger_posting.h"
#include "finance/schedule.h"
#include "test_support.h"

namespace {

using bbb::BillingKind;
using bbb_test::point_line;
using bbb_test::ratable_line;
using bbb_test::ymd;

using Plan = std::vector<std::pair<std::string, std::int64_t>>;

Plan plan(const std::vector<bbb::DatedAmount>& v) {
  Plan out;
  for (const auto& d : v) out.emplace_back(d.date.iso(), d.amount);
  return out;
}

TEST(GeneratedBilling, UpfrontBillsEverythingOnBillingStart) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kUpfront);
  EXPECT_EQ(plan(bbb::generated_installments(line)), (Plan{{"2024-01-01", 1200000}}));
  line.billing_start = ymd(2024, 2, 10);
  EXPECT_EQ(plan(bbb::generated_installments(line)), (Plan{{"2024-02-10", 1200000}}));
}

TEST(GeneratedBilling, MonthlyFromJan31ClampsEachMonthFromTheStartNotTheLastDate) {
  const auto line = ratable_line(100000, ymd(2024, 1, 31), 4, BillingKind::kMonthly);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-01-31", 25000}, {"2024-02-29", 25000}, {"2024-03-31", 25000}, {"2024-04-30", 25000}}));
}

TEST(GeneratedBilling, MonthlyArrearsBillsOnEachIntervalsLastDay) {
  // Interval i = [bs + i months, bs + (i+1) months - 1 day].
  const auto line = ratable_line(100000, ymd(2024, 1, 31), 4, BillingKind::kMonthlyArrears);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-02-28", 25000}, {"2024-03-30", 25000}, {"2024-04-29", 25000}, {"2024-05-30", 25000}}));
}

TEST(GeneratedBilling, MonthlyRemainderCentsLandInLaterInstallments) {
  // 1.01 over 3: floor(101/3)=33, floor(202/3)-33=34, 101-67=34.
  const auto line = ratable_line(101, ymd(2024, 1, 1), 3, BillingKind::kMonthly);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-01-01", 33}, {"2024-02-01", 34}, {"2024-03-01", 34}}));
}

TEST(GeneratedBilling, QuarterlyWithAShortLastQuarter) {
  // T = 7, k = 3: n = 3; floor(a*3/7)=42857, floor(a*6/7)=85714, a.
  const auto line = ratable_line(100000, ymd(2024, 1, 31), 7, BillingKind::kQuarterly);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-01-31", 42857}, {"2024-04-30", 42857}, {"2024-07-31", 14286}}));
}

TEST(GeneratedBilling, QuarterlyArrearsShortLastIntervalEndsWithTheTerm) {
  // Ends: bs+3m-1 = Apr 29, bs+6m-1 = Jul 30, bs+min(9,7)m-1 = Aug 31 - 1 = Aug 30.
  const auto line = ratable_line(100000, ymd(2024, 1, 31), 7, BillingKind::kQuarterlyArrears);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-04-29", 42857}, {"2024-07-30", 42857}, {"2024-08-30", 14286}}));
}

TEST(GeneratedBilling, SemiannualOddCentGoesToTheSecondHalf) {
  const auto line = ratable_line(100001, ymd(2024, 1, 31), 12, BillingKind::kSemiannual);
  EXPECT_EQ(plan(bbb::generated_installments(line)), (Plan{{"2024-01-31", 50000}, {"2024-07-31", 50001}}));
}

TEST(GeneratedBilling, SemiannualArrears) {
  const auto line = ratable_line(100001, ymd(2024, 1, 1), 12, BillingKind::kSemiannualArrears);
  EXPECT_EQ(plan(bbb::generated_installments(line)), (Plan{{"2024-06-30", 50000}, {"2024-12-31", 50001}}));
}

TEST(GeneratedBilling, AnnualFromLeapDayOver30Months) {
  // T = 30, k = 12: n = 3; floor(a*12/30)=40000, floor(a*24/30)-40000=40000, 20000.
  const auto line = ratable_line(100000, ymd(2024, 2, 29), 30, BillingKind::kAnnual);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-02-29", 40000}, {"2025-02-28", 40000}, {"2026-02-28", 20000}}));
}

TEST(GeneratedBilling, AnnualArrearsFromLeapDay) {
  // Ends: 2025-02-28 - 1, 2026-02-28 - 1, 2026-08-29 - 1.
  const auto line = ratable_line(100000, ymd(2024, 2, 29), 30, BillingKind::kAnnualArrears);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2025-02-27", 40000}, {"2026-02-27", 40000}, {"2026-08-28", 20000}}));
}

TEST(GeneratedBilling, BillingStartOtherThanServiceStart) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kQuarterly);
  line.billing_start = ymd(2024, 2, 15);
  EXPECT_EQ(plan(bbb::generated_installments(line)),
            (Plan{{"2024-02-15", 300000}, {"2024-05-15", 300000}, {"2024-08-15", 300000}, {"2024-11-15", 300000}}));
}

TEST(GeneratedBilling, MonthlyOverExampleTwoIs36EqualInstallments) {
  const auto line = ratable_line(900000000, ymd(2022, 2, 1), 36, BillingKind::kMonthly);
  const Plan p = plan(bbb::generated_installments(line));
  ASSERT_EQ(p.size(), 36u);
  for (const auto& [date, amount] : p) EXPECT_EQ(amount, 25000000) << date;
  EXPECT_EQ(p.front().first, "2022-02-01");
  EXPECT_EQ(p.back().first, "2025-01-01");
}

TEST(GeneratedBilling, IntervalBillingWithoutTermIsOneInstallment) {
  // Spec 10: T = 1 when the line has no term.
  const auto monthly = point_line(50000, ymd(2024, 3, 5), BillingKind::kMonthly);
  EXPECT_EQ(plan(bbb::generated_installments(monthly)), (Plan{{"2024-03-05", 50000}}));
  const auto annual = point_line(50000, ymd(2024, 3, 5), BillingKind::kAnnual);
  EXPECT_EQ(plan(bbb::generated_installments(annual)), (Plan{{"2024-03-05", 50000}}));
}

TEST(GeneratedBilling, ArrearsWithoutTermCoversOneMonth) {
  // T = 1: the only interval is [bs, bs + min(3,1) months - 1 day].
  const auto line = point_line(50000, ymd(2024, 1, 31), BillingKind::kQuarterlyArrears);
  EXPECT_EQ(plan(bbb::generated_installments(line)), (Plan{{"2024-02-28", 50000}}));
}

TEST(GeneratedBilling, OnDeliveryBillsOnTheDeliveryDateOrNotAtAll) {
  auto line = point_line(50000, ymd(2024, 3, 5), BillingKind::kOnDelivery);
  EXPECT_TRUE(bbb::generated_installments(line).empty());
  line.has_delivery = true;
  line.delivery = ymd(2024, 6, 10);
  EXPECT_EQ(plan(bbb::generated_installments(line)), (Plan{{"2024-06-10", 50000}}));
}

TEST(GeneratedBilling, NoneBillsNothing) {
  const auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kNone);
  EXPECT_TRUE(bbb::generated_installments(line).empty());
}

TEST(BillingKinds, WordsOfTheSpecAndIntervals) {
  const std::pair<const char*, BillingKind> words[] = {
      {"upfront", BillingKind::kUpfront},
      {"monthly", BillingKind::kMonthly},
      {"quarterly", BillingKind::kQuarterly},
      {"semiannual", BillingKind::kSemiannual},
      {"annual", BillingKind::kAnnual},
      {"monthly-arrears", BillingKind::kMonthlyArrears},
      {"quarterly-arrears", BillingKind::kQuarterlyArrears},
      {"on-delivery", BillingKind::kOnDelivery},
      {"none", BillingKind::kNone},
      {"Monthly Arrears", BillingKind::kMonthlyArrears},
      {"ON_DELIVERY", BillingKind::kOnDelivery},
      {"Monatlich", BillingKind::kMonthly},
      {"mensuel", BillingKind::kMonthly},
      {"Mensual", BillingKind::kMonthly},
      {"maandelijks", BillingKind::kMonthly},
      {"vierteljährlich", BillingKind::kQuarterly},
      {"Trimestriel", BillingKind::kQuarterly},
      {"per kwartaal", BillingKind::kQuarterly},
      {"halbjährlich", BillingKind::kSemiannual},
      {"semestral", BillingKind::kSemiannual},
      {"jährlich", BillingKind::kAnnual},
      {"jaehrlich", BillingKind::kAnnual},
      {"annuelle", BillingKind::kAnnual},
      {"anual", BillingKind::kAnnual},
      {"Jaarlijks", BillingKind::kAnnual},
      {"im Voraus", BillingKind::kUpfront},
      {"vooraf", BillingKind::kUpfront},
  };
  for (const auto& [word, kind] : words) {
    BillingKind k;
    ASSERT_TRUE(bbb::parse_billing_kind(word, &k)) << word;
    EXPECT_EQ(k, kind) << word;
  }
  BillingKind k;
  EXPECT_FALSE(bbb::parse_billing_kind("weekly", &k));
  EXPECT_EQ(bbb::billing_interval_months(BillingKind::kMonthly), 1);
  EXPECT_EQ(bbb::billing_interval_months(BillingKind::kQuarterlyArrears), 3);
  EXPECT_EQ(bbb::billing_interval_months(BillingKind::kSemiannual), 6);
  EXPECT_EQ(bbb::billing_interval_months(BillingKind::kAnnual), 12);
  EXPECT_EQ(bbb::billing_interval_months(BillingKind::kUpfront), 0);
  EXPECT_TRUE(bbb::billing_in_arrears(BillingKind::kMonthlyArrears));
  EXPECT_FALSE(bbb::billing_in_arrears(BillingKind::kMonthly));
}

// The installments carry quotient and remainder from one to the next
// instead of dividing: every amount must still be the spec's formula, in
// 128-bit arithmetic here, including amounts near the 2^53 bound.
TEST(GeneratedBilling, EveryInstallmentIsTheSpecFormula) {
  const std::int64_t amounts[] = {1, 7, 99, 100, 12345, 999999, 1200000, 987654321, (std::int64_t{1} << 53) - 1};
  const BillingKind kinds[] = {BillingKind::kMonthly, BillingKind::kQuarterly, BillingKind::kSemiannual,
                               BillingKind::kAnnual, BillingKind::kMonthlyArrears, BillingKind::kQuarterlyArrears};
  int checked = 0;
  for (const std::int64_t a : amounts) {
    for (const BillingKind kind : kinds) {
      for (int t = 1; t <= 61; ++t) {
        const auto got = bbb::generated_installments(ratable_line(a, ymd(2024, 1, 31), t, kind));
        const std::int64_t k = bbb::billing_interval_months(kind);
        ASSERT_EQ(got.size(), static_cast<std::size_t>((t + k - 1) / k)) << a << " " << t;
        for (std::size_t i = 0; i < got.size(); ++i) {
          const auto floor_part = [&](std::int64_t months) {
            return static_cast<std::int64_t>(static_cast<__int128>(a) * std::min<std::int64_t>(months, t) / t);
          };
          const std::int64_t want = floor_part((static_cast<std::int64_t>(i) + 1) * k) - floor_part(static_cast<std::int64_t>(i) * k);
          ASSERT_EQ(got[i].amount, want) << "a=" << a << " T=" << t << " k=" << k << " i=" << i;
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, 50499);  // every installment of the 3 294 plans above
}

TEST(Acv, FloorOfTwelveMonthsWhenTheTermIsLonger) {
  EXPECT_EQ(bbb::acv_of(ratable_line(900000000, ymd(2022, 2, 1), 36)), 300000000);
  EXPECT_EQ(bbb::acv_of(ratable_line(100000, ymd(2024, 1, 1), 18)), 66666);  // floor(1200000/18)
  EXPECT_EQ(bbb::acv_of(ratable_line(100, ymd(2024, 1, 1), 13)), 92);        // floor(1200/13)
  EXPECT_EQ(bbb::acv_of(ratable_line(1200000, ymd(2024, 1, 1), 12)), 1200000);
  EXPECT_EQ(bbb::acv_of(ratable_line(500000, ymd(2024, 1, 1), 6)), 500000);  // min(1, 12/T) = 1
  EXPECT_EQ(bbb::acv_of(point_line(50000, ymd(2024, 1, 1))), 50000);
}

}  // namespace
