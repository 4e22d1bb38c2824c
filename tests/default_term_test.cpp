// A booked line with no term, end date or delivery date: read as one-time and
// said so (count and value per currency), or given the default term
// (docs/metrics.md, "A line with no term"). Figures worked by hand.
#include "test_support.h"

using namespace bbb_test;

namespace {

// A CRM export: two won deals with no term or delivery date, one with a term, one open.
const char* kDeals =
    "id,booking_date,amount,currency,term_months,status\n"
    "D1,2024-01-15,12000.00,USD,,booked\n"
    "D2,2024-02-01,2400.00,USD,,booked\n"
    "D3,2024-01-01,1200.00,USD,12,booked\n"
    "D4,2024-01-20,999.00,EUR,,booked\n"
    "D5,2024-03-01,500.00,USD,,open\n";

Json run(const std::string& read_settings, const char* contracts = kDeals) {
  return report(contracts, "{}", read_settings);
}

}  // namespace

TEST(DefaultTerm, LinesWithNoTermAreCountedWithTheirValue) {
  const Json r = run("{}");
  // D1 + D2 in USD (D3 has a term, D5 is no booking), D4 in EUR.
  EXPECT_EQ(r["rows"]["no_term"]["USD"]["count"], 2);
  EXPECT_EQ(r["rows"]["no_term"]["USD"]["value"], 1440000);
  EXPECT_EQ(r["rows"]["no_term"]["EUR"]["count"], 1);
  EXPECT_EQ(r["rows"]["no_term"]["EUR"]["value"], 99900);
  EXPECT_FALSE(r["rows"].contains("default_term"));
  const std::vector<Json> notices = issues_with(r, "no_term");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0]["severity"], "warning");
  EXPECT_NE(notices[0]["message"].get<std::string>().find("3 booked lines (EUR 999.00, USD 14,400.00)"), std::string::npos)
      << notices[0]["message"];
  // As before: one-time, nothing recognised, all unscheduled.
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 10000);  // D3 only: 1,200.00 / 12
  EXPECT_EQ(period(r, "USD", "2024-02")["unscheduled_backlog_end"], 1440000);
}

TEST(DefaultTerm, TheDefaultTermMakesThemRatableAndSaysHowMany) {
  const Json r = run(R"({"default_term": 12})");
  EXPECT_FALSE(r["rows"].contains("no_term"));
  EXPECT_EQ(r["rows"]["default_term"]["USD"]["count"], 2);
  EXPECT_EQ(r["rows"]["default_term"]["USD"]["value"], 1440000);
  EXPECT_EQ(r["rows"]["default_term"]["EUR"]["count"], 1);
  ASSERT_EQ(issues_with(r, "default_term").size(), 1u);
  EXPECT_TRUE(issues_with(r, "no_term").empty());
  // By hand, monthly proration: D1 12,000.00 from 15 January over 12 months:
  // January holds 17 of its 31 days, 1000.00 x 17/31 = 548.387 -> 548.38;
  // D3 100.00 a month. February: D1 1,000.00 (R through Feb = floor(1,548.387) = 1,548.38,
  // less 548.38), D2 2,400.00 / 12 = 200.00, D3 100.00.
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 54838 + 10000);
  EXPECT_EQ(period(r, "USD", "2024-02")["revenue"], 100000 + 20000 + 10000);
  EXPECT_EQ(period(r, "USD", "2024-02")["unscheduled_backlog_end"], 0);
  EXPECT_EQ(period(r, "USD", "2024-01")["bookings_recurring"], 1200000 + 120000);
}

TEST(DefaultTerm, NeverGivenToALineThatSaysItIsOneTime) {
  // A delivery date, a point recognition, or billing on delivery: one-time as written, and not counted.
  const Json r = run(R"({"default_term": 12})",
                     "id,booking_date,amount,delivery_date,recognition,billing\n"
                     "P1,2024-01-15,100.00,2024-02-01,,\n"
                     "P2,2024-01-15,100.00,,point,\n"
                     "P3,2024-01-15,100.00,,,on-delivery\n");
  EXPECT_FALSE(r["rows"].contains("default_term"));
  EXPECT_FALSE(r["rows"].contains("no_term"));
  EXPECT_EQ(period(r, "USD", "2024-01")["bookings_one_time"], 30000);
}

TEST(DefaultTerm, ARatableLineWithNoTermTakesItInsteadOfBeingRejected) {
  const char* csv = "id,booking_date,amount,recognition\nR1,2024-01-01,1200.00,ratable\n";
  EXPECT_EQ(run("{}", csv)["issue_counts"]["missing_term"], 1);
  const Json r = run(R"({"default_term": 6})", csv);
  EXPECT_EQ(r["rows"]["accepted"], 1);
  EXPECT_EQ(period(r, "USD", "2024-01")["revenue"], 20000);  // 1,200.00 / 6
}

TEST(DefaultTerm, TheSettingIsWholeMonthsUpTo1200) {
  bbb::ReadSettings rs;
  std::string error;
  EXPECT_TRUE(bbb::parse_read_settings(R"({"default_term": 24})", &rs, &error)) << error;
  EXPECT_EQ(rs.default_term_months, 24);
  EXPECT_FALSE(bbb::parse_read_settings(R"({"default_term": 1201})", &rs, &error));
  EXPECT_FALSE(bbb::parse_read_settings(R"({"default_term": 1.5})", &rs, &error));
  EXPECT_FALSE(bbb::parse_read_settings(R"({"default_term": "12"})", &rs, &error));
}

TEST(DefaultTerm, TheCountsTravelWithTheReadingHalf) {
  Input in;
  in.contracts = kDeals;
  in.folding = Input::Folding::kInAnotherSession;
  const Json r = report(in);
  EXPECT_EQ(r["rows"]["no_term"]["USD"]["count"], 2);
}
