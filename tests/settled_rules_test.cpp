// Seven rules where the engine departed from the spec or its own docs, each
// checked against figures worked out by hand (docs/metrics.md, "Decisions
// where the spec is silent", says each rule): a same-day cancellation of a
// line whose service began before booking, an amount's own currency deciding
// its precision, a delivery written before its booking, a won line created
// after it closed, the overflow of a split column, the open pipeline at a
// past period end, and backlog months in a report's first months.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace {

using bbb_test::Json;

Json report_as_of(const std::string& csv, const std::string& as_of, const std::string& extra_read = "",
                  const std::string& report_settings = "{}") {
  return bbb_test::report(csv, report_settings, R"({"as_of":")" + as_of + "\"" + extra_read + "}");
}

// ---- 1. Booked and cancelled on the same day, service started before booking.

constexpr const char* kSameDayCancel =
    "id,booking_date,amount,currency,start_date,end_date,billing,cancel_date\n"
    "L,2023-08-05,1437.59,EUR,2023-04-13,2027-04-12,semiannual,2023-08-05\n";

TEST(SameDayCancellation, TheCatchUpIsRecognisedAndOnlyTheRestCancelled) {
  // T = 48 months from 13 April 2023. Served through 4 August: 18/30 of
  // April, May to July, 4/31 of August = 3.729032 of 48 months of 1,437.59:
  // floor(143759 x 3.729032 / 48) = 11168, recognised on the booking date.
  const Json r = bbb_test::report(kSameDayCancel);
  const Json aug = bbb_test::period(r, "EUR", "2023-08");
  EXPECT_EQ(aug["bookings"], 143759);
  EXPECT_EQ(aug["revenue"], 11168);
  EXPECT_EQ(aug["cancellations"], 143759 - 11168);
  // Nothing was billed before c (the installments before booking move to
  // it, and none falls on or after c): the true-up bills what was earned.
  EXPECT_EQ(aug["billings"], 11168);
  EXPECT_EQ(aug["backlog_end"], 0);
  EXPECT_EQ(aug["deferred_revenue_end"], 0);
  EXPECT_EQ(aug["unbilled_receivable_end"], 0);
  EXPECT_EQ(bbb_test::labels(r, "EUR"), std::vector<std::string>{"2023-08"});
}

TEST(SameDayCancellation, TheDrillDownAgrees) {
  for (const char* metric : {"revenue", "cancellations", "billings"}) {
    const Json whole = bbb_test::period(bbb_test::report(kSameDayCancel), "EUR", "2023-08");
    const Json d = bbb_test::report(kSameDayCancel, "{}",
                                    std::string(R"({"drill":{"currency":"EUR","metric":")") + metric +
                                        R"(","from":"2023-08-01","to":"2023-08-31"}})")["drill"];
    EXPECT_EQ(d["value"], whole[metric]) << metric;
    ASSERT_EQ(d["lines"].size(), 1u) << metric;
    EXPECT_EQ(d["lines"][0]["contribution"], whole[metric]) << metric;
  }
}

TEST(SameDayCancellation, ALaterCancellationIsUnchanged) {
  // Cancelled a day after booking: served through the booking day, the same 11168.
  const Json r = bbb_test::report(
      "id,booking_date,amount,currency,start_date,end_date,billing,cancel_date\n"
      "L,2023-08-05,1437.59,EUR,2023-04-13,2027-04-12,semiannual,2023-08-06\n");
  const Json aug = bbb_test::period(r, "EUR", "2023-08");
  // Through 5 August: 5/31 of August instead of 4/31.
  EXPECT_EQ(aug["revenue"], 11264);
  EXPECT_EQ(aug["cancellations"], 143759 - 11264);
  EXPECT_EQ(aug["billings"], 11264);
}

// ---- 2. An amount naming a currency, the currency column empty.

TEST(AmountCurrency, TheNamedCurrencysDigitsDecideThePrecision) {
  const Json r = bbb_test::report(
      "id,booking_date,amount,currency\n"
      "A,2024-01-10,126314.309 KWD,\n"   // KWD has 3 decimals: 126,314.309
      "B,2024-01-11,1.000 KWD,\n"        // 1.000
      "C,2024-01-12,100.5 JPY,\n"        // JPY has none: rejected, never read as USD's 100.50
      "D,2024-01-13,12.345 USD,\n");     // USD has 2
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(r["minor_digits"]["KWD"], 3);
  EXPECT_EQ(bbb_test::period(r, "KWD", "2024-01")["bookings"], 126314309 + 1000);
  EXPECT_FALSE(r["currencies"].contains("JPY"));
  const std::vector<Json> bad = bbb_test::issues_with(r, "bad_amount");
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0]["line"], 4);
  EXPECT_NE(bad[0]["message"].get<std::string>().find("its currency's 0"), std::string::npos) << bad[0]["message"];
  EXPECT_EQ(bad[1]["line"], 5);
  EXPECT_NE(bad[1]["message"].get<std::string>().find("its currency's 2"), std::string::npos) << bad[1]["message"];
}

TEST(AmountCurrency, TheColumnStillDecidesWhenItNamesOne) {
  const Json r = bbb_test::report(
      "id,booking_date,amount,currency\n"
      "A,2024-01-10,126314.309,KWD\n"
      "B,2024-01-10,5.000 KWD,KWD\n"
      "C,2024-01-10,5.00 EUR,KWD\n");  // a mismatch, as before
  EXPECT_EQ(r["rows"]["accepted"], 2);
  EXPECT_EQ(bbb_test::period(r, "KWD", "2024-01")["bookings"], 126314309 + 5000);
  EXPECT_EQ(bbb_test::issues_with(r, "currency_mismatch").size(), 1u);
}

// ---- 3. A delivery written before its booking date.

TEST(EarlyDelivery, IsDeliveredOnItsBookingDateForLeadTimeAndPeriod) {
  // A's delivery is written in February, before its booking on 20 March:
  // it is delivered (and recognised) on 20 March, lead time 0. B: 10 days.
  const Json r = bbb_test::report(
      "id,booking_date,amount,recognition,delivery_date\n"
      "A,2024-03-20,100.00,point,2024-02-25\n"
      "B,2024-03-01,100.00,point,2024-03-11\n");
  EXPECT_EQ(bbb_test::labels(r, "USD"), std::vector<std::string>{"2024-03"});
  const Json march = bbb_test::period(r, "USD", "2024-03");
  EXPECT_EQ(march["revenue"], 20000);
  EXPECT_EQ(march["sales"]["delivered"]["count"], 2);
  EXPECT_EQ(march["sales"]["delivered"]["value"], 20000);
  EXPECT_DOUBLE_EQ(march["sales"]["lead_time_days"].get<double>(), 5.0);
}

TEST(EarlyDelivery, CountsInTheBookingsPeriodNotTheWrittenOne) {
  const Json r = bbb_test::report(
      "id,booking_date,amount,recognition,delivery_date\n"
      "A,2024-03-20,100.00,point,2024-01-25\n"
      "B,2024-01-05,100.00,point,2024-01-15\n",
      R"({"period":"month"})");
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["sales"]["delivered"]["count"], 1);  // B alone
  const Json march = bbb_test::period(r, "USD", "2024-03");
  EXPECT_EQ(march["sales"]["delivered"]["count"], 1);
  EXPECT_DOUBLE_EQ(march["sales"]["lead_time_days"].get<double>(), 0.0);
}

// ---- 4. A won line created after its booking date.

TEST(CreatedAfterBooking, IsLeftOutOfTheCycleWithAWarning) {
  const Json r = bbb_test::report(
      "id,booking_date,amount,status,created_date\n"
      "W1,2024-01-31,100.00,won,2024-01-01\n"   // 30 days
      "W2,2024-01-15,100.00,won,2024-01-20\n"   // created after it closed
      "L1,2024-01-10,100.00,lost,2024-01-12\n",  // lost: no cycle, no warning
      R"({"period":"month"})");
  EXPECT_EQ(r["rows"]["accepted"], 3);
  const std::vector<Json> w = bbb_test::issues_with(r, "created_after_booking");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]["line"], 3);
  EXPECT_EQ(w[0]["column"], "created_date");
  EXPECT_EQ(w[0]["severity"], "warning");
  EXPECT_EQ(r["issue_counts"]["created_after_booking"], 1);
  const Json s = bbb_test::period(r, "USD", "2024-01")["sales"];
  EXPECT_EQ(s["won"], 2);
  EXPECT_DOUBLE_EQ(s["average_sales_cycle_days"].get<double>(), 30.0);
}

// ---- 5. Past 200 distinct values of a split column.

TEST(SplitOverflow, TheOverflowBucketTakesNoneOfTheTopPlaces) {
  // 200 values of 1.00 each, then 3 more values of 1,000.00 each: the
  // three share the overflow bucket (3,000.00, the largest), which must not
  // take the one place of --top 1: the largest kept value, V000 (the first
  // of the equal ones), is listed, and everything else is "other".
  std::string csv = "id,booking_date,amount,rep\n";
  for (int i = 0; i < 200; ++i) {
    char name[8];
    std::snprintf(name, sizeof name, "V%03d", i);
    csv += "L" + std::to_string(i) + ",2024-01-10," + (i == 0 ? "2.00" : "1.00") + "," + name + "\n";
  }
  for (int i = 0; i < 3; ++i) csv += "X" + std::to_string(i) + ",2024-01-10,1000.00,Big" + std::to_string(i) + "\n";
  const Json r = bbb_test::report(csv, R"({"top":1})", R"({"split_by":"rep"})");
  const Json& values = r["currencies"]["USD"]["segments"]["values"];
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0]["value"], "V000");
  EXPECT_EQ(values[0]["periods"][0]["bookings"], 200);
  EXPECT_EQ(values[1]["value"], "other");
  EXPECT_EQ(values[1]["other"], true);
  EXPECT_EQ(values[1]["periods"][0]["bookings"], 199 * 100 + 300000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["bookings"], 200 + 199 * 100 + 300000);
}

// ---- 6. The open pipeline at a past period end.

constexpr const char* kPipeline =
    "id,booking_date,amount,status,created_date\n"
    "X,2024-01-05,1.00,booked,\n"              // won, no created date: never counted open
    "W,2024-05-10,100.00,won,2024-02-15\n"
    "L,2024-04-02,50.00,lost,2024-03-01\n"
    "O,,10.00,open,2024-03-10\n"
    "N,,7.00,open,\n";                          // open, no created date: always counted

TEST(OpenPipelineEnd, CountsEveryDealOpenAtThePeriodEnd) {
  const Json r = bbb_test::report(kPipeline);
  const auto open = [&](const char* month) { return bbb_test::period(r, "USD", month)["sales"]["open_pipeline_end"]; };
  EXPECT_EQ(open("2024-01"), Json::parse(R"({"count":1,"value":700})"));           // N
  EXPECT_EQ(open("2024-02"), Json::parse(R"({"count":2,"value":10700})"));         // W, N
  EXPECT_EQ(open("2024-03"), Json::parse(R"({"count":4,"value":16700})"));         // W, L, O, N
  EXPECT_EQ(open("2024-04"), Json::parse(R"({"count":3,"value":11700})"));         // W, O, N
  EXPECT_EQ(open("2024-05"), Json::parse(R"({"count":2,"value":1700})"));          // O, N
}

TEST(OpenPipelineEnd, TheVelocityUsesIt) {
  // March, with V won on 20 March after 19 days: one won, none lost, and
  // open at the end W, L, O and N (167.00): 16700 x 1 x 1 / (1 x 19) = 878 a day.
  const Json r = bbb_test::report(std::string(kPipeline) + "V,2024-03-20,20.00,won,2024-03-01\n");
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-03")["sales"]["sales_velocity_per_day"], 878);
  // May: W won after 85 days, open O and N (17.00): 1700 / 85 = 20.
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-05")["sales"]["sales_velocity_per_day"], 20);
  // April: none won, one lost: no cycle, no velocity.
  EXPECT_TRUE(bbb_test::period(r, "USD", "2024-04")["sales"]["sales_velocity_per_day"].is_null());
}

TEST(OpenPipelineEnd, ThePipelineViewAndItsDrillAtAPastAsOfAgree) {
  // As of 31 March: W (45 days old), L (30), O (21) and N (no created date).
  const Json r = report_as_of(kPipeline, "2024-03-31");
  const Json& p = r["currencies"]["USD"]["pipeline"];
  EXPECT_EQ(p["open_count"], 4);
  EXPECT_EQ(p["open_value"], 16700);
  EXPECT_EQ(p["age_buckets"][0], Json::parse(R"({"days":"0-30","count":2,"value":6000})"));
  EXPECT_EQ(p["age_buckets"][1], Json::parse(R"({"days":"31-60","count":1,"value":10000})"));
  EXPECT_EQ(p["no_created_date"], Json::parse(R"({"count":1,"value":700})"));
  EXPECT_DOUBLE_EQ(p["average_age_days"].get<double>(), 32.0);  // (45 + 30 + 21) / 3
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-03")["sales"]["open_pipeline_end"]["value"], p["open_value"]);
  const Json d = report_as_of(kPipeline, "2024-03-31",
                              R"(,"drill":{"currency":"USD","metric":"pipeline_open","from":"2024-01-01","to":"2024-01-31"})")["drill"];
  EXPECT_EQ(d["value"], 16700);
  EXPECT_EQ(d["count"], 4);
  const Json young = report_as_of(
      kPipeline, "2024-03-31",
      R"(,"drill":{"currency":"USD","metric":"pipeline_open","age":"0-30","from":"2024-01-01","to":"2024-01-31"})")["drill"];
  EXPECT_EQ(young["value"], 6000);
}

// ---- 7. Backlog months in a report's first months.

TEST(BacklogMonths, AveragesOverTheMonthsTheReportHasByThen) {
  // 12,000.00 over 12 months from January: 1,000.00 a month.
  const std::string csv = "id,booking_date,amount,start_date,term_months\nL,2024-01-01,12000.00,2024-01-01,12\n";
  const Json r = bbb_test::report(csv);
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-01")["backlog_months"].get<double>(), 11.0);  // 11,000 / 1,000
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-02")["backlog_months"].get<double>(), 10.0);  // 10,000 / (2,000 / 2)
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-03")["backlog_months"].get<double>(), 9.0);
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-06")["backlog_months"].get<double>(), 6.0);
  // A From/To range shows fewer periods; it does not change their figures.
  const Json feb = bbb_test::report(csv, R"({"from":"2024-02-01","to":"2024-03-31"})");
  EXPECT_DOUBLE_EQ(bbb_test::period(feb, "USD", "2024-02")["backlog_months"].get<double>(), 10.0);
}

TEST(BacklogMonths, NoneBeforeAnyRevenueAndTheReportsFirstMonthForEveryCurrency) {
  // USD is booked in January and starts in March; EUR is booked in
  // February. The report starts in January for both.
  const Json r = bbb_test::report(
      "id,booking_date,amount,currency,start_date,term_months\n"
      "U,2024-01-15,1200.00,USD,2024-03-01,12\n"
      "E,2024-02-01,600.00,EUR,2024-02-01,6\n");
  EXPECT_TRUE(bbb_test::period(r, "USD", "2024-01")["backlog_months"].is_null());
  EXPECT_TRUE(bbb_test::period(r, "USD", "2024-02")["backlog_months"].is_null());
  // March: 1,100.00 / (100.00 over Jan-Mar / 3) = 33.0.
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "USD", "2024-03")["backlog_months"].get<double>(), 33.0);
  // EUR in February: the report has two months by then (January, 0, and
  // February, 100.00): 500.00 / (100.00 / 2) = 10.0.
  EXPECT_DOUBLE_EQ(bbb_test::period(r, "EUR", "2024-02")["backlog_months"].get<double>(), 10.0);
}

}  // namespace
