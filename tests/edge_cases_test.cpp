// Corners of spec sections 3, 4 and 10 that decide numbers: cancel on the
// booking day, the cRPO window in a short month, ratios and growth.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace {

using bbb_test::Json;
using bbb_test::labels;
using bbb_test::period;
using bbb_test::report;

const char* kExample2 =
    "id,booking_date,amount,start_date,term_months,billing,currency\n"
    "E2,2022-01-15,\"9,000,000.00\",2022-02-01,36,monthly,USD\n";

TEST(Edge, CancelledOnTheBookingDayBooksAndCancelsEverythingAndBillsNothing) {
  const Json r = report(
      "id,booking_date,amount,currency,start_date,term_months,billing,cancel_date\n"
      "C,2024-05-10,12000.00,USD,2024-05-10,12,upfront,2024-05-10\n");
  ASSERT_EQ(labels(r, "USD"), std::vector<std::string>{"2024-05"});
  const Json may = period(r, "USD", "2024-05");
  EXPECT_EQ(may["bookings"], 1200000);
  EXPECT_EQ(may["cancellations"], 1200000);
  EXPECT_EQ(may["revenue"], 0);
  EXPECT_EQ(may["billings"], 0);  // the installment falls on c: not generated; zero true-up
  EXPECT_EQ(may["backlog_end"], 0);
  EXPECT_EQ(may["deferred_revenue_end"], 0);
}

TEST(Edge, CrpoWindowEndsOnTheLastDayOfTheMonthTwelveMonthsLater) {
  // e = 2024-02-29, E = 2025-02-28: a delivery on E is cRPO, the day after is later.
  const Json r = report(
      "id,booking_date,amount,currency,recognition,delivery_date\n"
      "A,2024-02-10,100.00,USD,point,2025-02-28\n"
      "B,2024-02-11,200.00,USD,point,2025-03-01\n"
      "C,2024-02-12,400.00,USD,point,2024-02-29\n");
  const Json feb = period(r, "USD", "2024-02");
  EXPECT_EQ(feb["revenue"], 40000);
  EXPECT_EQ(feb["backlog_end"], 30000);
  EXPECT_EQ(feb["crpo_end"], 10000);
  EXPECT_EQ(feb["later_backlog_end"], 20000);
  EXPECT_EQ(feb["unscheduled_backlog_end"], 0);
}

TEST(Edge, ServiceStartingLaterThanAYearIsAllLater) {
  const Json r = report(
      "id,booking_date,amount,currency,start_date,term_months\n"
      "F,2024-01-10,1200.00,USD,2025-06-01,12\n");
  const Json jan = period(r, "USD", "2024-01");
  EXPECT_EQ(jan["backlog_end"], 120000);
  EXPECT_EQ(jan["crpo_end"], 0);
  EXPECT_EQ(jan["later_backlog_end"], 120000);
  // Upfront billing on billing_start = start: nothing billed yet.
  EXPECT_EQ(jan["billings"], 0);
  EXPECT_EQ(jan["unbilled_backlog_end"], 120000);
  // The report runs to the last day with revenue.
  EXPECT_EQ(labels(r, "USD").back(), "2026-05");
}

TEST(Edge, AcvOfATermReadFromTheEndDate) {
  // [2024-01-01, 2025-01-15] needs T = 13: ACV = floor(130000 * 12 / 13) = 120000.
  const Json r = report(
      "id,booking_date,amount,currency,start_date,end_date\n"
      "A,2024-01-01,1300.00,USD,2024-01-01,2025-01-15\n");
  EXPECT_EQ(period(r, "USD", "2024-01")["acv_bookings"], 120000);
  EXPECT_EQ(period(r, "USD", "2024-01")["bookings_recurring"], 130000);
}

TEST(Edge, TermWrittenAsTwelvePointZeroIsTwelve) {
  const Json r = report("id,booking_date,amount,currency,term_months\nA,2024-01-01,1200.00,USD,12.0\n");
  EXPECT_EQ(r["rows"]["accepted"], 1);
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 10000);
}

TEST(Edge, PipelineIdReusedByABookedRowIsADuplicate) {
  const Json r = report("id,booking_date,amount,currency,status\nA,,10.00,USD,open\nA,2024-01-01,10.00,USD,booked\n");
  ASSERT_EQ(bbb_test::issues_with(r, "duplicate_id").size(), 1u);
  EXPECT_TRUE(r["currencies"].empty());
}

TEST(Ratios, BacklogMonthsUseTheLastThreeMonthsOfRevenue) {
  const Json r = report(kExample2);
  // 2022-03: 850M / ((0 + 25M + 25M) / 3) = 51; 2022-04: 825M / 25M = 33.
  EXPECT_DOUBLE_EQ(period(r, "USD", "2022-03")["backlog_months"].get<double>(), 51.0);
  EXPECT_DOUBLE_EQ(period(r, "USD", "2022-04")["backlog_months"].get<double>(), 33.0);
  EXPECT_DOUBLE_EQ(period(r, "USD", "2022-02")["book_to_bill"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(period(r, "USD", "2022-02")["book_to_revenue"].get<double>(), 0.0);
  EXPECT_TRUE(period(r, "USD", "2022-01")["book_to_revenue"].is_null()) << "revenue is 0";
}

TEST(Growth, PeriodOverPeriodAndYearOverYear) {
  const Json r = report(kExample2);
  const Json mar22 = period(r, "USD", "2022-03");
  EXPECT_DOUBLE_EQ(mar22["growth"]["revenue"]["period_over_period"].get<double>(), 0.0);
  // Backlog 875M -> 850M: -25/875 = -0.028571... -> -0.0286 at four decimals.
  EXPECT_NEAR(mar22["growth"]["backlog_end"]["period_over_period"].get<double>(), -0.0286, 1e-9);
  EXPECT_TRUE(period(r, "USD", "2022-02")["growth"]["revenue"]["period_over_period"].is_null()) << "from 0";
  const Json feb23 = period(r, "USD", "2023-02");
  EXPECT_DOUBLE_EQ(feb23["growth"]["revenue"]["year_over_year"].get<double>(), 0.0);
  // Backlog a year apart: 575M vs 875M -> -300/875 = -0.342857... -> -0.3429.
  EXPECT_NEAR(feb23["growth"]["backlog_end"]["year_over_year"].get<double>(), -0.3429, 1e-9);
  EXPECT_DOUBLE_EQ(period(r, "USD", "2023-01")["growth"]["bookings"]["year_over_year"].get<double>(), -1.0);
}

}  // namespace
