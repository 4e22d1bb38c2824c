// End to end through Session and render_report: the worked examples of spec
// section 8 to the cent, and the period kinds of spec sections 2 and 9.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace {

using bbb_test::Json;
using bbb_test::labels;
using bbb_test::period;
using bbb_test::periods;
using bbb_test::report;

const char* kExample1 =
    "id,booking_date,amount,start_date,term_months,billing,currency\n"
    "E1,2024-01-01,\"12,000.00\",2024-01-01,12,upfront,USD\n";

const char* kExample2 =
    "id,booking_date,amount,start_date,term_months,billing,currency\n"
    "E2,2022-01-15,\"9,000,000.00\",2022-02-01,36,monthly,USD\n";

std::string example3() {
  std::string csv = "id,booking_date,amount\n";
  for (int i = 1; i <= 100; ++i) csv += "O" + std::to_string(i) + ",2024-03-05,500.00\n";
  return csv;
}

TEST(WorkedExample1, EveryMonthOfTheAnnualPrepaidContract) {
  const Json r = report(kExample1);
  ASSERT_EQ(r["rows"]["accepted"], 1);
  ASSERT_EQ(periods(r, "USD").size(), 12u);
  EXPECT_EQ(r["currencies"]["USD"]["minor_digits"], 2);
  for (int m = 1; m <= 12; ++m) {
    const Json& p = periods(r, "USD")[static_cast<std::size_t>(m - 1)];
    SCOPED_TRACE("month " + std::to_string(m));
    const std::int64_t left = 1200000 - 100000 * m;
    EXPECT_EQ(p["period"], (m < 10 ? "2024-0" : "2024-") + std::to_string(m));
    EXPECT_EQ(p["bookings"], m == 1 ? 1200000 : 0);
    EXPECT_EQ(p["acv_bookings"], m == 1 ? 1200000 : 0);
    EXPECT_EQ(p["billings"], m == 1 ? 1200000 : 0);
    EXPECT_EQ(p["revenue"], 100000);
    EXPECT_EQ(p["cancellations"], 0);
    EXPECT_EQ(p["backlog_begin"], m == 1 ? 0 : left + 100000);
    EXPECT_EQ(p["backlog_end"], left);
    EXPECT_EQ(p["deferred_revenue_end"], left);
    EXPECT_EQ(p["unbilled_receivable_end"], 0);
    EXPECT_EQ(p["billed_backlog_end"], left);
    EXPECT_EQ(p["unbilled_backlog_end"], 0);
    EXPECT_EQ(p["crpo_end"], left);  // everything left falls within 12 months
    EXPECT_EQ(p["later_backlog_end"], 0);
    EXPECT_EQ(p["unscheduled_backlog_end"], 0);
  }
  const Json jan = period(r, "USD", "2024-01");
  EXPECT_EQ(jan["start"], "2024-01-01");
  EXPECT_EQ(jan["end"], "2024-01-31");
  EXPECT_EQ(jan["bookings_count"], 1);
  EXPECT_EQ(jan["bookings_recurring"], 1200000);
  EXPECT_EQ(jan["bookings_one_time"], 0);
  EXPECT_DOUBLE_EQ(jan["book_to_bill"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(jan["book_to_revenue"].get<double>(), 12.0);
  EXPECT_TRUE(period(r, "USD", "2024-02")["book_to_bill"].is_null()) << "billings are 0 in February";
  // March: backlog 900,000 over the average of Jan..Mar revenue (100,000).
  EXPECT_DOUBLE_EQ(period(r, "USD", "2024-03")["backlog_months"].get<double>(), 9.0);
  EXPECT_EQ(period(r, "USD", "2024-02")["end"], "2024-02-29");
}

TEST(WorkedExample2, BilledMonthlyBookedBeforeServiceStarts) {
  const Json r = report(kExample2);
  const std::vector<std::string> l = labels(r, "USD");
  ASSERT_EQ(l.size(), 37u);  // 2022-01 .. 2025-01
  EXPECT_EQ(l.front(), "2022-01");
  EXPECT_EQ(l.back(), "2025-01");

  const Json jan = period(r, "USD", "2022-01");
  EXPECT_EQ(jan["bookings"], 900000000);
  EXPECT_EQ(jan["acv_bookings"], 300000000);  // floor(9,000,000.00 * 12 / 36)
  EXPECT_EQ(jan["backlog_end"], 900000000);
  EXPECT_EQ(jan["billings"], 0);
  EXPECT_EQ(jan["revenue"], 0);
  EXPECT_EQ(jan["unbilled_backlog_end"], 900000000);
  EXPECT_EQ(jan["billed_backlog_end"], 0);
  EXPECT_EQ(jan["crpo_end"], 300000000);  // Feb 2022 .. Jan 2023
  EXPECT_EQ(jan["later_backlog_end"], 600000000);
  EXPECT_TRUE(jan["book_to_bill"].is_null());

  const Json feb = period(r, "USD", "2022-02");
  EXPECT_EQ(feb["bookings"], 0);
  EXPECT_EQ(feb["billings"], 25000000);
  EXPECT_EQ(feb["revenue"], 25000000);
  EXPECT_EQ(feb["backlog_begin"], 900000000);
  EXPECT_EQ(feb["backlog_end"], 875000000);
  EXPECT_EQ(feb["deferred_revenue_end"], 0);
  EXPECT_EQ(feb["unbilled_receivable_end"], 0);
  EXPECT_EQ(feb["crpo_end"], 300000000);  // Mar 2022 .. Feb 2023
  EXPECT_EQ(feb["later_backlog_end"], 575000000);

  const Json last = period(r, "USD", "2025-01");
  EXPECT_EQ(last["revenue"], 25000000);
  EXPECT_EQ(last["billings"], 25000000);
  EXPECT_EQ(last["backlog_begin"], 25000000);
  EXPECT_EQ(last["backlog_end"], 0);
  EXPECT_EQ(last["crpo_end"], 0);
  EXPECT_EQ(last["deferred_revenue_end"], 0);
}

TEST(WorkedExample3, UndeliveredOrdersAreAllUnscheduledBacklog) {
  const Json r = report(example3());
  EXPECT_EQ(r["rows"]["read"], 100);
  EXPECT_EQ(r["rows"]["accepted"], 100);
  ASSERT_EQ(labels(r, "USD"), std::vector<std::string>{"2024-03"});
  const Json p = period(r, "USD", "2024-03");
  EXPECT_EQ(p["bookings"], 5000000);
  EXPECT_EQ(p["bookings_count"], 100);
  EXPECT_EQ(p["bookings_one_time"], 5000000);
  EXPECT_EQ(p["bookings_recurring"], 0);
  EXPECT_EQ(p["revenue"], 0);
  EXPECT_EQ(p["backlog_end"], 5000000);
  EXPECT_EQ(p["unscheduled_backlog_end"], 5000000);
  EXPECT_EQ(p["crpo_end"], 0);
  EXPECT_EQ(p["later_backlog_end"], 0);
  // Upfront billing (the default) on the booking day.
  EXPECT_EQ(p["billings"], 5000000);
  EXPECT_EQ(p["deferred_revenue_end"], 5000000);
  EXPECT_EQ(p["billed_backlog_end"], 5000000);
  // No currency column: the default is used and the user is told (once, for the file).
  EXPECT_GE(r["issue_counts"]["default_currency"].get<int>(), 1);
}

TEST(Periods, CalendarQuartersAreNamedByFiscalYear) {
  const Json r = report(kExample1, R"({"period":"quarter","fiscal_start":1})");
  ASSERT_EQ(labels(r, "USD"), (std::vector<std::string>{"FY2024-Q1", "FY2024-Q2", "FY2024-Q3", "FY2024-Q4"}));
  const Json q1 = period(r, "USD", "FY2024-Q1");
  EXPECT_EQ(q1["start"], "2024-01-01");
  EXPECT_EQ(q1["end"], "2024-03-31");
  EXPECT_EQ(q1["bookings"], 1200000);
  EXPECT_EQ(q1["revenue"], 300000);
  EXPECT_EQ(q1["backlog_end"], 900000);
  const Json q3 = period(r, "USD", "FY2024-Q3");
  EXPECT_EQ(q3["backlog_begin"], 600000);
  EXPECT_EQ(q3["backlog_end"], 300000);
  EXPECT_EQ(q3["start"], "2024-07-01");
  EXPECT_EQ(period(r, "USD", "FY2024-Q4")["backlog_end"], 0);
}

TEST(Periods, FiscalYearFromJulyQuarters) {
  const Json r = report(kExample1, R"({"period":"quarter","fiscal_start":7})");
  ASSERT_EQ(labels(r, "USD"), (std::vector<std::string>{"FY2024-Q3", "FY2024-Q4", "FY2025-Q1", "FY2025-Q2"}));
  const Json q = period(r, "USD", "FY2025-Q1");
  EXPECT_EQ(q["start"], "2024-07-01");
  EXPECT_EQ(q["end"], "2024-09-30");
  EXPECT_EQ(q["revenue"], 300000);
  EXPECT_EQ(q["backlog_begin"], 600000);
}

TEST(Periods, FiscalYearFromAprilQuarters) {
  const Json r = report(kExample1, R"({"period":"quarter","fiscal_start":4})");
  ASSERT_EQ(labels(r, "USD"), (std::vector<std::string>{"FY2024-Q4", "FY2025-Q1", "FY2025-Q2", "FY2025-Q3"}));
  EXPECT_EQ(period(r, "USD", "FY2025-Q3")["end"], "2024-12-31");
}

TEST(Periods, CalendarYearIsNamedFY) {
  const Json r = report(kExample1, R"({"period":"year"})");
  ASSERT_EQ(labels(r, "USD"), std::vector<std::string>{"FY2024"});
  const Json y = period(r, "USD", "FY2024");
  EXPECT_EQ(y["start"], "2024-01-01");
  EXPECT_EQ(y["end"], "2024-12-31");
  EXPECT_EQ(y["revenue"], 1200000);
  EXPECT_EQ(y["bookings"], 1200000);
  EXPECT_EQ(y["billings"], 1200000);
  EXPECT_EQ(y["backlog_end"], 0);
}

TEST(Periods, FiscalYearFromJulyEndsInTheYearThatNamesIt) {
  const Json r = report(kExample1, R"({"period":"year","fiscal_start":7})");
  ASSERT_EQ(labels(r, "USD"), (std::vector<std::string>{"FY2024", "FY2025"}));
  const Json fy24 = period(r, "USD", "FY2024");
  EXPECT_EQ(fy24["start"], "2023-07-01");
  EXPECT_EQ(fy24["end"], "2024-06-30");
  EXPECT_EQ(fy24["bookings"], 1200000);
  EXPECT_EQ(fy24["revenue"], 600000);
  EXPECT_EQ(fy24["backlog_begin"], 0);
  EXPECT_EQ(fy24["backlog_end"], 600000);
  EXPECT_EQ(fy24["deferred_revenue_end"], 600000);
  const Json fy25 = period(r, "USD", "FY2025");
  EXPECT_EQ(fy25["start"], "2024-07-01");
  EXPECT_EQ(fy25["end"], "2025-06-30");
  EXPECT_EQ(fy25["revenue"], 600000);
  EXPECT_EQ(fy25["backlog_end"], 0);
}

TEST(Periods, QuarterlyExample2MatchesTheMonthlySums) {
  const Json r = report(kExample2, R"({"period":"quarter","fiscal_start":1})");
  const Json q1 = period(r, "USD", "FY2022-Q1");
  EXPECT_EQ(q1["bookings"], 900000000);
  EXPECT_EQ(q1["revenue"], 50000000);  // Feb and Mar
  EXPECT_EQ(q1["billings"], 50000000);
  EXPECT_EQ(q1["backlog_end"], 850000000);
  EXPECT_EQ(labels(r, "USD").back(), "FY2025-Q1");
  EXPECT_EQ(period(r, "USD", "FY2025-Q1")["revenue"], 25000000);
}

TEST(Periods, UserRangeReportsOnlyThoseMonthsWithTheRightOpeningBacklog) {
  const Json r = report(kExample1, R"({"from":"2024-03-01","to":"2024-05-31"})");
  ASSERT_EQ(labels(r, "USD"), (std::vector<std::string>{"2024-03", "2024-04", "2024-05"}));
  EXPECT_EQ(period(r, "USD", "2024-03")["backlog_begin"], 1000000);
  EXPECT_EQ(period(r, "USD", "2024-05")["backlog_end"], 700000);
  EXPECT_EQ(period(r, "USD", "2024-05")["deferred_revenue_end"], 700000);
}

TEST(Proration, DailySettingChangesTheMonthlySplitButNotTheTotal) {
  const char* csv =
      "id,booking_date,amount,start_date,term_months,currency\n"
      "D1,2024-01-15,1000.00,2024-01-15,3,USD\n";
  const Json monthly = report(csv);
  EXPECT_EQ(period(monthly, "USD", "2024-01")["revenue"], 18188);
  EXPECT_EQ(period(monthly, "USD", "2024-02")["revenue"], 33167);
  EXPECT_EQ(period(monthly, "USD", "2024-03")["revenue"], 33167);  // 84522 - 51355
  EXPECT_EQ(period(monthly, "USD", "2024-04")["revenue"], 15478);  // 100000 - 84522
  const Json daily = report(csv, "{}", R"({"proration":"daily"})");
  EXPECT_EQ(period(daily, "USD", "2024-01")["revenue"], 18681);
  EXPECT_EQ(period(daily, "USD", "2024-02")["revenue"], 31868);
  EXPECT_EQ(period(daily, "USD", "2024-03")["revenue"], 34066);
  EXPECT_EQ(period(daily, "USD", "2024-04")["revenue"], 15385);
  EXPECT_EQ(daily["settings"]["proration"], "daily");
}

}  // namespace
