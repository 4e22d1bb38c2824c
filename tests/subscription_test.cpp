// Subscriptions (spec 11, rows/subscription): a Stripe or Chargebee row is
// one contract line per billing interval begun by the as-of date, checked
// here against intervals and figures worked by hand.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rows/subscription.h"
#include "test_support.h"

namespace {

using bbb_test::Json;
using bbb_test::ymd;

bbb::SubscriptionRow monthly_from(bbb::Date start) {
  bbb::SubscriptionRow row;
  row.start = start;
  row.interval = {bbb::IntervalUnit::kMonth, 1};
  row.amount = 10000;
  return row;
}

std::vector<std::string> starts(const std::vector<bbb::SubscriptionInterval>& intervals) {
  std::vector<std::string> out;
  for (const auto& i : intervals) out.push_back(i.start.iso() + ".." + i.end.iso() + (i.cut ? " cut " + i.cut_on.iso() : ""));
  return out;
}

TEST(SubscriptionIntervals, MonthsStepFromTheStartDayNotFromAClampedOne) {
  std::vector<bbb::SubscriptionInterval> out;
  ASSERT_TRUE(bbb::subscription_intervals(monthly_from(ymd(2024, 1, 31)), ymd(2024, 4, 30), 100, &out));
  EXPECT_EQ(starts(out), (std::vector<std::string>{"2024-01-31..2024-02-28", "2024-02-29..2024-03-30",
                                                   "2024-03-31..2024-04-29", "2024-04-30..2024-05-30"}));
}

TEST(SubscriptionIntervals, AnEndInsideAnIntervalCutsIt_AnEndOnItsFirstDayLeavesItOut) {
  bbb::SubscriptionRow row = monthly_from(ymd(2024, 1, 10));
  row.has_end = true;
  row.end = ymd(2024, 4, 20);
  std::vector<bbb::SubscriptionInterval> out;
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2030, 1, 1), 100, &out));
  EXPECT_EQ(starts(out), (std::vector<std::string>{"2024-01-10..2024-02-09", "2024-02-10..2024-03-09",
                                                   "2024-03-10..2024-04-09", "2024-04-10..2024-05-09 cut 2024-04-20"}));
  row.end = ymd(2024, 5, 9);  // ended on the interval's last day: served through the day before
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2030, 1, 1), 100, &out));
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out.back().cut);
  row.end = ymd(2024, 4, 10);  // cancelled at the period's end: three whole intervals
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2030, 1, 1), 100, &out));
  EXPECT_EQ(out.size(), 3u);
  EXPECT_FALSE(out.back().cut);
}

TEST(SubscriptionIntervals, PaidIntervalsRunFromTheTrialEnd_NoneWhileInTrial) {
  bbb::SubscriptionRow row = monthly_from(ymd(2024, 5, 1));
  row.has_trial_end = true;
  row.trial_end = ymd(2024, 5, 15);
  std::vector<bbb::SubscriptionInterval> out;
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2024, 6, 15), 100, &out));
  EXPECT_EQ(starts(out), (std::vector<std::string>{"2024-05-15..2024-06-14", "2024-06-15..2024-07-14"}));
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2024, 5, 14), 100, &out));
  EXPECT_TRUE(out.empty());
}

TEST(SubscriptionIntervals, WeeksDaysAndTheBound) {
  bbb::SubscriptionRow row = monthly_from(ymd(2024, 1, 1));
  row.interval = {bbb::IntervalUnit::kWeek, 2};
  std::vector<bbb::SubscriptionInterval> out;
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2024, 1, 29), 100, &out));
  EXPECT_EQ(starts(out), (std::vector<std::string>{"2024-01-01..2024-01-14", "2024-01-15..2024-01-28",
                                                   "2024-01-29..2024-02-11"}));
  row.interval = {bbb::IntervalUnit::kDay, 1};
  EXPECT_FALSE(bbb::subscription_intervals(row, ymd(2024, 12, 31), 100, &out));  // 366 > 100
  row.started = false;  // incomplete: never paid
  ASSERT_TRUE(bbb::subscription_intervals(row, ymd(2024, 12, 31), 100, &out));
  EXPECT_TRUE(out.empty());
}

TEST(SubscriptionIntervals, TheIntervalOfACurrentPeriod) {
  bbb::BillingInterval i;
  ASSERT_TRUE(bbb::interval_of_period(ymd(2024, 1, 31), ymd(2024, 2, 29), &i));
  EXPECT_EQ(i.unit, bbb::IntervalUnit::kMonth);
  EXPECT_EQ(i.count, 1);
  ASSERT_TRUE(bbb::interval_of_period(ymd(2024, 3, 1), ymd(2025, 2, 28), &i));  // the day before, as some write it
  EXPECT_EQ(i.count, 12);
  ASSERT_TRUE(bbb::interval_of_period(ymd(2024, 3, 1), ymd(2024, 3, 15), &i));
  EXPECT_EQ(i.unit, bbb::IntervalUnit::kWeek);
  EXPECT_EQ(i.count, 2);
  EXPECT_FALSE(bbb::interval_of_period(ymd(2024, 3, 1), ymd(2024, 3, 1), &i));
}

constexpr const char* kStripeHeader =
    "id,Customer ID,Customer Name,Plan,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start Date (UTC),"
    "Current Period Start (UTC),Current Period End (UTC),Trial Start (UTC),Trial End (UTC),Canceled At (UTC),"
    "Ended At (UTC)\n";

TEST(Subscriptions, AStripeExportIsReadAsRenewingLines) {
  // 2 seats x 50.00 a month from 2024-01-15, billed through the June interval: six intervals.
  const Json r = bbb_test::report(std::string(kStripeHeader) +
                                  "sub_1,cus_A,Acme,basic,2,usd,month,50.00,active,2024-01-15 10:00:00,2024-01-15 10:00:00,"
                                  "2024-06-15 10:00:00,2024-07-15 10:00:00,,,,\n");
  EXPECT_EQ(r["files"][0]["kind"], "subscriptions");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "stripe_subscriptions");
  std::int64_t bookings = 0, billings = 0;
  for (const Json& p : bbb_test::periods(r, "USD")) {
    bookings += p["bookings"].get<std::int64_t>();
    billings += p["billings"].get<std::int64_t>();
  }
  EXPECT_EQ(bookings, 6 * 10000);
  EXPECT_EQ(billings, 6 * 10000);
  // Each month books one interval, billed upfront on its first day.
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-03")["bookings"], 10000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-03")["billings"], 10000);
  EXPECT_FALSE(bbb_test::issues_with(r, "snapshot_prices").empty());
}

TEST(Subscriptions, AnAsOfDateReadsEveryIntervalBegunByThen) {
  const std::string file = std::string(kStripeHeader) +
                           "sub_1,cus_A,Acme,pro,1,usd,year,1200.00,active,2023-03-01,2023-03-01,2024-03-01,2025-03-01,,,,\n";
  const Json r = bbb_test::report(file, "{}", R"({"as_of":"2026-02-28"})");
  // 2023-03-01, 2024-03-01 and 2025-03-01 have begun; 2026-03-01 has not.
  EXPECT_EQ(bbb_test::period(r, "USD", "2025-03")["bookings"], 120000);
  std::int64_t bookings = 0;
  for (const Json& p : bbb_test::periods(r, "USD")) bookings += p["bookings"].get<std::int64_t>();
  EXPECT_EQ(bookings, 3 * 120000);
}

TEST(Subscriptions, ACancelledOneIsCutOnItsEndDay) {
  // 50.00 from 2024-01-10, ended 2024-04-20: the April interval (Apr 10 - May 9)
  // is served Apr 10-19, 10 of April's 30 days out of 21/30 + 9/31 of the
  // interval: floor(5000 x (10/30) / (21/30 + 9/31)) = 1682 earned, 3318 cancelled.
  const Json r = bbb_test::report(std::string(kStripeHeader) +
                                  "sub_3,cus_C,Gamma,basic,1,usd,month,50.00,canceled,2024-01-10,2024-01-10,2024-04-10,"
                                  "2024-05-10,,,2024-04-20,2024-04-20\n");
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-04")["cancellations"], 3318);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-04")["billings"], 5000 - 3318);
}

TEST(Subscriptions, IncompleteOnesGiveNoLines_UnknownStatusesAreNamed) {
  const Json r = bbb_test::report(std::string(kStripeHeader) +
                                  "sub_5,cus_E,Eps,basic,1,usd,month,50.00,incomplete_expired,2024-03-01,2024-03-01,2024-03-01,2024-04-01,,,,\n"
                                  "sub_6,cus_F,Phi,basic,1,usd,month,50.00,frozen,2024-03-01,2024-03-01,2024-03-01,2024-04-01,,,,\n");
  EXPECT_EQ(r["rows"]["accepted"], 1);
  const auto unknown = bbb_test::issues_with(r, "unknown_status");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_NE(unknown[0]["message"].get<std::string>().find("'frozen'"), std::string::npos);
}

TEST(Subscriptions, AChargebeeExportTakesItsIntervalFromTheCurrentTerm) {
  const Json r = bbb_test::report(
      "subscriptions.id,subscriptions.customer_id,subscriptions.plan_id,subscriptions.plan_quantity,"
      "subscriptions.plan_unit_price,subscriptions.status,subscriptions.current_term_start,"
      "subscriptions.current_term_end,subscriptions.created_at,subscriptions.cancelled_at\n"
      "AzZ1,cust_1,pro-quarterly,3,100.00,Active,2024-07-01,2024-10-01,2024-01-01,\n");
  EXPECT_EQ(r["files"][0]["source"]["profile"], "chargebee_subscriptions");
  // Quarters of 3 x 100.00 from 2024-01-01 through the July term.
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-01")["bookings"], 30000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-04")["bookings"], 30000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-07")["bookings"], 30000);
  EXPECT_EQ(bbb_test::period(r, "USD", "2024-02")["bookings"], 0);
}

}  // namespace
