// The sales views of spec sections 5 and 6, checked by hand: open pipeline
// and its age, win rate, sales cycle and velocity, orders (lead time,
// undelivered backlog by age, the oldest list), the forward view, and
// segmentation whose totals equal the unsplit report.
#include <gtest/gtest.h>

#include <string>

#include "generated_contracts.h"
#include "test_support.h"

namespace {

using bbb_test::Json;

Json report_as_of(const std::string& csv, const std::string& as_of, const std::string& report_settings = "{}") {
  return bbb_test::report(csv, report_settings, R"({"as_of":")" + as_of + R"("})");
}

TEST(Pipeline, OpenValueCountAgeAndBucketsAsOfADate) {
  const Json r = report_as_of(
      "id,booking_date,amount,currency,status,created_date\n"
      "O1,,100.00,USD,open,2024-06-20\n"   // 10 days old on 2024-06-30
      "O2,,200.00,USD,open,2024-05-16\n"   // 45 days
      "O3,,300.00,USD,open,2023-12-13\n"   // 200 days
      "O4,,400.00,USD,open,\n"             // no created date: counted, no age
      "O5,,999.00,USD,open,2024-07-05\n"   // created after the as-of date: not yet there
      "W1,2024-01-10,50.00,USD,booked,\n",
      "2024-06-30");
  const Json& p = r["currencies"]["USD"]["pipeline"];
  EXPECT_EQ(p["as_of"], "2024-06-30");
  EXPECT_EQ(p["open_count"], 4);
  EXPECT_EQ(p["open_value"], 100000);
  EXPECT_EQ(p["average_deal_size"], 25000);
  EXPECT_DOUBLE_EQ(p["average_age_days"].get<double>(), 85.0);  // (10 + 45 + 200) / 3
  const Json& b = p["age_buckets"];
  EXPECT_EQ(b[0]["days"], "0-30");
  EXPECT_EQ(b[0]["value"], 10000);
  EXPECT_EQ(b[1]["value"], 20000);
  EXPECT_EQ(b[2]["count"], 0);
  EXPECT_EQ(b[3]["count"], 0);
  EXPECT_EQ(b[4]["value"], 30000);
  EXPECT_EQ(p["no_created_date"]["value"], 40000);
}

TEST(Pipeline, WinRateSalesCycleAndVelocityOfAQuarter) {
  const Json r = bbb_test::report(
      "id,booking_date,amount,currency,status,created_date\n"
      "W1,2024-01-10,1000.00,USD,won,2023-12-11\n"   // cycle 30 days
      "W2,2024-02-20,2000.00,USD,booked,2023-12-22\n"  // cycle 60 days
      "W3,2024-03-05,3000.00,USD,booked,\n"           // won, no created date: no cycle
      "L1,2024-03-15,500.00,USD,lost,2024-01-02\n"
      "P1,,900.00,USD,open,2024-01-01\n",
      R"({"period":"quarter"})");
  const Json q1 = bbb_test::period(r, "USD", "FY2024-Q1")["sales"];
  EXPECT_EQ(q1["won"], 3);
  EXPECT_EQ(q1["lost"], 1);
  EXPECT_EQ(q1["won_value"], 600000);
  EXPECT_EQ(q1["lost_value"], 50000);
  EXPECT_DOUBLE_EQ(q1["win_rate"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(q1["average_sales_cycle_days"].get<double>(), 45.0);
  EXPECT_EQ(q1["open_pipeline_end"]["value"], 90000);
  // 1 open x 900.00 x 0.75 / 45 days = 15.00 a day.
  EXPECT_EQ(q1["sales_velocity_per_day"], 1500);
  // Pipeline rows never reach bookings.
  EXPECT_EQ(bbb_test::period(r, "USD", "FY2024-Q1")["bookings"], 600000);
}

TEST(Orders, LeadTimeUndeliveredAgeAndTheOldestList) {
  const Json r = report_as_of(
      "id,customer,booking_date,amount,currency,recognition,delivery_date,cancel_date\n"
      "A,Acme,2024-01-01,100.00,USD,point,2024-01-21,\n"  // lead 20 days, delivered in January
      "B,Beta,2024-02-01,200.00,USD,point,2024-03-02,\n"  // lead 30 days (2024 is a leap year)
      "C,Cora,2024-03-01,300.00,USD,point,,\n"            // 121 days old on 2024-06-30
      "D,Dina,2024-06-01,400.00,USD,point,,\n"            // 29 days old
      "E,Emil,2024-01-15,500.00,USD,point,2024-08-01,\n"  // delivered after the as-of date: 167 days old then
      "F,Finn,2024-02-01,600.00,USD,point,,2024-04-01\n", // cancelled: not undelivered backlog
      "2024-06-30");
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-01")["sales"]["lead_time_days"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-03")["sales"]["lead_time_days"].get<double>(), 30.0);
  EXPECT_TRUE(bbb_test::period(r, "USD", "2024-02")["sales"]["lead_time_days"].is_null());
  const Json& o = r["currencies"]["USD"]["orders"];
  EXPECT_EQ(o["undelivered"]["count"], 3);
  EXPECT_EQ(o["undelivered"]["value"], 120000);
  EXPECT_EQ(o["age_buckets"][0]["value"], 40000);  // D
  EXPECT_EQ(o["age_buckets"][3]["value"], 80000);  // C and E, 91-180 days
  EXPECT_EQ(o["older_than_90_days"]["count"], 2);
  EXPECT_EQ(o["older_than_90_days"]["value"], 80000);
  ASSERT_EQ(o["oldest"].size(), 3u);
  EXPECT_EQ(o["oldest"][0]["id"], "E");
  EXPECT_EQ(o["oldest"][0]["age_days"], 167);
  EXPECT_EQ(o["oldest"][0]["customer"], "Emil");
  EXPECT_EQ(o["oldest"][1]["id"], "C");
  EXPECT_EQ(o["oldest"][2]["id"], "D");
}

const char* kAnnual = "id,booking_date,amount,currency,start_date,term_months,billing,cancel_date\n"
                      "EX1,2024-01-01,12000.00,USD,2024-01-01,12,upfront,%s\n";

std::string annual(const std::string& cancel) {
  char buf[256];
  std::snprintf(buf, sizeof buf, kAnnual, cancel.c_str());
  return buf;
}

TEST(ForwardView, TheBacklogAtTheAsOfDateTurnsIntoRevenueMonthByMonth) {
  const Json f = report_as_of(annual(""), "2024-03-31")["currencies"]["USD"]["forward"];
  EXPECT_EQ(f["backlog"], 900000);
  EXPECT_EQ(f["periods"][0]["period"], "2024-04");
  EXPECT_EQ(f["periods"][0]["start"], "2024-04-01");
  for (int i = 0; i < 9; ++i) EXPECT_EQ(f["periods"][i]["revenue"], 100000) << i;
  EXPECT_EQ(f["periods"][9]["revenue"], 0);
  EXPECT_EQ(f["periods"].size(), 36u);  // 36 months ahead
  EXPECT_EQ(f["periods"][0]["billings"], 0);  // billed upfront in January
  EXPECT_EQ(f["revenue_later"], 0);
  EXPECT_EQ(f["unscheduled"], 0);
}

TEST(ForwardView, ACancellationAfterTheAsOfDateIsNotYetKnown) {
  const Json before = report_as_of(annual("2024-07-01"), "2024-03-31")["currencies"]["USD"]["forward"];
  EXPECT_EQ(before["backlog"], 900000);
  EXPECT_EQ(before["periods"][8]["revenue"], 100000);  // December, as scheduled at the end of March
  const Json after = report_as_of(annual("2024-07-01"), "2024-07-31")["currencies"]["USD"]["forward"];
  EXPECT_EQ(after["backlog"], 0);
  EXPECT_EQ(after["periods"][0]["revenue"], 0);
}

TEST(ForwardView, MonthlyBillingAndQuarterGroupingFromTheDayAfter) {
  const Json r = report_as_of(
      "id,booking_date,amount,currency,start_date,term_months,billing\n"
      "EX2,2022-01-15,9000000.00,EUR,2022-02-01,36,monthly\n",
      "2022-01-31", R"({"period":"quarter"})");
  const Json& f = r["currencies"]["EUR"]["forward"];
  EXPECT_EQ(f["backlog"], 900000000);
  EXPECT_EQ(f["periods"][0]["period"], "FY2022-Q1");
  EXPECT_EQ(f["periods"][0]["start"], "2022-02-01");
  EXPECT_EQ(f["periods"][0]["revenue"], 50000000);   // February and March
  EXPECT_EQ(f["periods"][0]["billings"], 50000000);
  EXPECT_EQ(f["periods"][1]["revenue"], 75000000);   // a whole quarter
  std::int64_t total = f["revenue_later"].get<std::int64_t>() + f["unscheduled"].get<std::int64_t>();
  for (const Json& p : f["periods"]) total += p["revenue"].get<std::int64_t>();
  EXPECT_EQ(total, 900000000);
}

TEST(Trends, TrailingTwelveMonths) {
  const Json r = bbb_test::report(annual(""));
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-06")["trailing_12_months"]["revenue"], 600000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-12")["trailing_12_months"]["revenue"], 1200000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-12")["trailing_12_months"]["bookings"], 1200000);
}

// Every amount of every segment adds up to the unsplit report, to the cent.
class Segments : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(Segments, AddUpToTheUnsplitReport) {
  bbb_test::Input run = bbb_test::generate(GetParam(), 250).input;
  run.read_settings = R"({"split_by":"customer","as_of":"2024-06-30"})";
  run.report_settings = R"({"period":"quarter","top":5})";
  const Json r = bbb_test::report(run);
  int checked = 0;
  for (const auto& [currency, c] : r["currencies"].items()) {
    const Json& values = c["segments"]["values"];
    ASSERT_LE(values.size(), 6u);  // top 5 and "other"
    for (std::size_t i = 0; i < c["periods"].size(); ++i) {
      for (const auto& [key, v] : c["periods"][i].items()) {
        if (!v.is_number_integer()) continue;
        std::int64_t sum = 0;
        for (const Json& s : values) sum += s["periods"][i][key].get<std::int64_t>();
        EXPECT_EQ(sum, v.get<std::int64_t>()) << currency << " " << c["periods"][i]["period"] << " " << key;
        ++checked;
      }
      std::int64_t won = 0;
      for (const Json& s : values) won += s["periods"][i]["sales"]["won"].get<std::int64_t>();
      EXPECT_EQ(won, c["periods"][i]["sales"]["won"].get<std::int64_t>());
    }
    std::int64_t backlog = 0, open = 0;
    for (const Json& s : values) {
      backlog += s["forward"]["backlog"].get<std::int64_t>();
      open += s["pipeline"]["open_value"].get<std::int64_t>();
    }
    EXPECT_EQ(backlog, c["forward"]["backlog"].get<std::int64_t>());
    EXPECT_EQ(open, c["pipeline"]["open_value"].get<std::int64_t>());
  }
  EXPECT_GT(checked, 100);
}

INSTANTIATE_TEST_SUITE_P(Seeds, Segments, ::testing::Values(11u, 12u, 13u));

}  // namespace
