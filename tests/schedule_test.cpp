// Revenue and billing of one line (spec sections 3 and 10), worked out by
// hand from the weight definitions: R(d) = floor(amount * W(d) / W).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "finance/schedule.h"
#include "test_support.h"

namespace {

using bbb::BillingKind;
using bbb::DatedAmount;
using bbb::LineSchedule;
using bbb::Proration;
using bbb_test::point_line;
using bbb_test::ratable_line;
using bbb_test::ymd;

using Plan = std::vector<std::pair<std::string, std::int64_t>>;

Plan plan(const std::vector<DatedAmount>& v) {
  Plan out;
  for (const auto& d : v) out.emplace_back(d.date.iso(), d.amount);
  return out;
}

TEST(RatableRevenue, TwelveThousandOverTwelveMonthsIsExactlyOneThousandAMonth) {
  const auto line = ratable_line(1200000, ymd(2024, 1, 1), 12);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2023, 12, 31)), 0);
  for (int m = 1; m <= 12; ++m)
    EXPECT_EQ(s.revenue_through(bbb::YearMonth::of(2024, m).last_day()), 100000 * m) << "month " << m;
  EXPECT_EQ(s.revenue_through(ymd(2030, 1, 1)), 1200000);
  // Mid-month: W(Jan 15) = 15/31 of a month: floor(1,200,000 * 15 / (31 * 12)) = 48387.
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 15)), 48387);
  EXPECT_EQ(s.scheduled_total(), 1200000);
}

TEST(RatableRevenue, DailyProrationWeighsEveryDayOfTheLeapYearAlike) {
  const auto line = ratable_line(1200000, ymd(2024, 1, 1), 12);
  const LineSchedule s(line, Proration::kDaily, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 31)), 101639);  // floor(1,200,000 * 31 / 366)
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 29)), 196721);  // floor(1,200,000 * 60 / 366)
  EXPECT_EQ(s.revenue_through(ymd(2024, 12, 31)), 1200000);
}

TEST(RatableRevenue, OddAmountFromThe15thMonthlyProration) {
  // 1,000.00 over 3 months from 2024-01-15: term [Jan 15, Apr 14].
  // Weights: Jan 17/31, Feb 1, Mar 1, Apr 14/30 -> over 465: 255, 465, 465, 217; W = 1402.
  const auto line = ratable_line(100000, ymd(2024, 1, 15), 3);
  ASSERT_EQ(line.end.iso(), "2024-04-14");
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 14)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 31)), 18188);  // floor(100000*255/1402)
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 29)), 51355);  // floor(100000*720/1402)
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 31)), 84522);  // floor(100000*1185/1402)
  EXPECT_EQ(s.revenue_through(ymd(2024, 4, 14)), 100000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 4, 30)), 100000);
}

TEST(RatableRevenue, OddAmountFromThe15thDailyProration) {
  // 17 + 29 + 31 + 14 = 91 days.
  const auto line = ratable_line(100000, ymd(2024, 1, 15), 3);
  const LineSchedule s(line, Proration::kDaily, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 31)), 18681);  // floor(100000*17/91)
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 29)), 50549);  // floor(100000*46/91)
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 31)), 84615);  // floor(100000*77/91)
  EXPECT_EQ(s.revenue_through(ymd(2024, 4, 14)), 100000);
}

TEST(RatableRevenue, RemainderCentsLandLaterAndTheTotalIsExact) {
  const auto line = ratable_line(10000, ymd(2024, 1, 1), 3);  // 100.00 over 3 months
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 31)), 3333);
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 29)), 6666);
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 31)), 10000);
  const auto tiny = ratable_line(2, ymd(2024, 1, 1), 3);  // 0.02 over 3 months: 0, 1, 1
  const LineSchedule t(tiny, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(t.revenue_through(ymd(2024, 1, 31)), 0);
  EXPECT_EQ(t.revenue_through(ymd(2024, 2, 29)), 1);
  EXPECT_EQ(t.revenue_through(ymd(2024, 3, 31)), 2);
}

TEST(CatchUp, NothingBeforeBookingThenTheBacklogOfTheScheduleOnTheBookingDay) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kMonthly);
  line.booking = ymd(2024, 3, 10);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 9)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 10)), 232258);  // floor(100000 * 72 / 31): Jan + Feb + 10/31
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 31)), 300000);
  // Jan 1, Feb 1 and Mar 1 installments are all billed on Mar 10.
  EXPECT_EQ(s.billed_through(ymd(2024, 3, 9)), 0);
  EXPECT_EQ(s.billed_through(ymd(2024, 3, 10)), 300000);
  EXPECT_EQ(s.billed_through(ymd(2024, 4, 1)), 400000);
  const Plan p = plan(s.billings());
  ASSERT_GE(p.size(), 2u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::int64_t>{"2024-03-10", 300000}));
  EXPECT_EQ(p[1], (std::pair<std::string, std::int64_t>{"2024-04-01", 100000}));
  EXPECT_EQ(p.size(), 10u);
}

TEST(GeneratedBillingSchedule, InstallmentsOfZeroAreNoEvent) {
  // 5 minor units over 12 monthly installments: floor(5(i+1)/12) - floor(5i/12)
  // is 1 in months 3, 5, 8, 10 and 12 and 0 in the rest, which are dropped.
  auto line = ratable_line(5, ymd(2024, 1, 1), 12, BillingKind::kMonthly);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-03-01", 1}, {"2024-05-01", 1}, {"2024-08-01", 1}, {"2024-10-01", 1}, {"2024-12-01", 1}}));
  // Booked on May 20: the five installments from Jan 1 to May 1 are one entry on the booking day.
  line.booking = ymd(2024, 5, 20);
  const LineSchedule late(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(plan(late.billings()), (Plan{{"2024-05-20", 2}, {"2024-08-01", 1}, {"2024-10-01", 1}, {"2024-12-01", 1}}));
}

TEST(PointRevenue, WholeAmountOnDelivery) {
  auto line = point_line(50000, ymd(2024, 3, 1));
  line.has_delivery = true;
  line.delivery = ymd(2024, 5, 20);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 5, 19)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 5, 20)), 50000);
  EXPECT_EQ(s.scheduled_total(), 50000);
  EXPECT_EQ(s.billed_through(ymd(2024, 3, 1)), 50000);  // upfront on booking (start = booking)
}

TEST(PointRevenue, NoDeliveryMeansUnscheduled) {
  const auto line = point_line(50000, ymd(2024, 3, 1));
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2099, 12, 31)), 0);
  EXPECT_EQ(s.scheduled_total(), 0);
}

TEST(PointRevenue, DeliveredBeforeBookingIsRecognisedOnTheBookingDay) {
  auto line = point_line(50000, ymd(2024, 3, 1));
  line.has_delivery = true;
  line.delivery = ymd(2024, 2, 1);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 29)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 1)), 50000);
}

TEST(Cancellation, UpfrontLineGetsACreditNoteForTheUnearnedPart) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kUpfront);
  line.has_cancel = true;
  line.cancel = ymd(2024, 4, 1);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 31)), 300000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 12, 31)), 300000);  // served through c - 1 only
  EXPECT_EQ(s.revenue_through_uncancelled(ymd(2024, 12, 31)), 1200000);
  EXPECT_EQ(s.cancelled_backlog(), 900000);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-01-01", 1200000}, {"2024-04-01", -900000}}));
  EXPECT_EQ(s.billed_through(ymd(2024, 3, 31)), 1200000);
  EXPECT_EQ(s.billed_through(ymd(2024, 4, 1)), 300000);
}

TEST(Cancellation, MidMonthDropsLaterInstallmentsAndCreditsTheOverbilledDays) {
  // Served through Mar 15: R = floor(100000 * 77 / 31) = 248387.
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kMonthly);
  line.has_cancel = true;
  line.cancel = ymd(2024, 3, 16);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2099, 1, 1)), 248387);
  EXPECT_EQ(s.cancelled_backlog(), 1200000 - 248387);
  EXPECT_EQ(plan(s.billings()),
            (Plan{{"2024-01-01", 100000}, {"2024-02-01", 100000}, {"2024-03-01", 100000}, {"2024-03-16", -51613}}));
  EXPECT_EQ(s.billed_through(ymd(2099, 1, 1)), 248387);
}

TEST(Cancellation, ArrearsLineGetsAFinalInvoiceForTheEarnedButUnbilledPart) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kMonthlyArrears);
  line.has_cancel = true;
  line.cancel = ymd(2024, 3, 16);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-01-31", 100000}, {"2024-02-29", 100000}, {"2024-03-16", 48387}}));
}

TEST(Cancellation, OnAnInstallmentDateDropsItAndAZeroTrueUpIsNoEvent) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kMonthly);
  line.has_cancel = true;
  line.cancel = ymd(2024, 4, 1);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-01-01", 100000}, {"2024-02-01", 100000}, {"2024-03-01", 100000}}));
  EXPECT_EQ(s.cancelled_backlog(), 900000);
}

TEST(Cancellation, BeforeServiceStartsRemovesEverythingAndBillsNothing) {
  auto line = ratable_line(1200000, ymd(2024, 3, 1), 12, BillingKind::kUpfront);
  line.booking = ymd(2024, 1, 1);
  line.has_cancel = true;
  line.cancel = ymd(2024, 2, 1);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.cancelled_backlog(), 1200000);
  EXPECT_EQ(s.revenue_through(ymd(2099, 1, 1)), 0);
  EXPECT_TRUE(s.billings().empty());
}

TEST(Cancellation, PointLineDeliveredOnTheCancelDateIsNeverRecognised) {
  auto line = point_line(50000, ymd(2024, 3, 1));
  line.has_delivery = true;
  line.delivery = ymd(2024, 5, 20);
  line.has_cancel = true;
  line.cancel = ymd(2024, 5, 20);
  const LineSchedule s(line, Proration::kMonthly, {}, nullptr);
  EXPECT_EQ(s.revenue_through(ymd(2099, 1, 1)), 0);
  EXPECT_EQ(s.cancelled_backlog(), 50000);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-03-01", 50000}, {"2024-05-20", -50000}}));
}

TEST(Invoices, ReplaceGeneratedBillingAndEarlyOnesMoveToTheBookingDate) {
  auto line = ratable_line(1200000, ymd(2024, 2, 1), 12, BillingKind::kMonthly);
  const LineSchedule s(line, Proration::kMonthly, {{ymd(2024, 1, 15), 600000}, {ymd(2024, 8, 1), 600000}}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-02-01", 600000}, {"2024-08-01", 600000}}));
}

TEST(Invoices, SurviveCancellationAndTheTrueUpCountsOnlyThoseOnOrBeforeIt) {
  // Recognised through Mar 31: 200000; billed on or before Apr 1: 600000 -> credit 400000.
  auto line = ratable_line(1200000, ymd(2024, 2, 1), 12, BillingKind::kMonthly);
  line.has_cancel = true;
  line.cancel = ymd(2024, 4, 1);
  const LineSchedule s(line, Proration::kMonthly, {{ymd(2024, 2, 1), 600000}, {ymd(2024, 8, 1), 600000}}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-02-01", 600000}, {"2024-04-01", -400000}, {"2024-08-01", 600000}}));
}

TEST(Invoices, OneOnTheCancelDateCountsAndAZeroTrueUpIsNoEvent) {
  auto line = ratable_line(1200000, ymd(2024, 2, 1), 12, BillingKind::kNone);
  line.has_cancel = true;
  line.cancel = ymd(2024, 4, 1);
  const LineSchedule s(line, Proration::kMonthly, {{ymd(2024, 2, 1), 100000}, {ymd(2024, 4, 1), 100000}}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-02-01", 100000}, {"2024-04-01", 100000}}));
}

TEST(Invoices, CreditNotesAreNegativeBillingsAndSameDayRowsAreOneEntry) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12, BillingKind::kUpfront);
  const LineSchedule s(line, Proration::kMonthly,
                       {{ymd(2024, 1, 1), 1000000}, {ymd(2024, 1, 1), 300000}, {ymd(2024, 2, 1), -100000}}, nullptr);
  EXPECT_EQ(plan(s.billings()), (Plan{{"2024-01-01", 1300000}, {"2024-02-01", -100000}}));
  EXPECT_EQ(s.billed_through(ymd(2024, 12, 31)), 1200000);
}

TEST(Fulfilment, AmountRowsAreSummedByDate) {
  const auto line = point_line(100000, ymd(2024, 1, 5));
  bbb::Fulfilment f;
  f.rows = {{ymd(2024, 2, 10), 30000}, {ymd(2024, 4, 20), 70000}};
  const LineSchedule s(line, Proration::kMonthly, {}, &f);
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 9)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 10)), 30000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 4, 19)), 30000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 4, 20)), 100000);
}

TEST(Fulfilment, CumulativePercentRows) {
  const auto line = point_line(200000, ymd(2024, 1, 5));
  bbb::Fulfilment f;
  f.is_percent = true;
  f.rows = {{ymd(2024, 1, 31), 25000000}, {ymd(2024, 3, 15), 60000000}, {ymd(2024, 5, 1), 100000000}};
  const LineSchedule s(line, Proration::kMonthly, {}, &f);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 30)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 31)), 50000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 3, 15)), 120000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 5, 1)), 200000);
}

TEST(Fulfilment, OverridesTheRatableScheduleAndCatchesUpToBooking) {
  auto line = ratable_line(1200000, ymd(2024, 1, 1), 12);
  line.booking = ymd(2024, 2, 1);
  bbb::Fulfilment f;
  f.rows = {{ymd(2024, 1, 10), 200000}, {ymd(2024, 6, 30), 400000}};
  const LineSchedule s(line, Proration::kMonthly, {}, &f);
  EXPECT_EQ(s.revenue_through(ymd(2024, 1, 31)), 0);
  EXPECT_EQ(s.revenue_through(ymd(2024, 2, 1)), 200000);
  EXPECT_EQ(s.revenue_through(ymd(2024, 12, 31)), 600000);
}

}  // namespace

namespace {

TEST(RatableRevenue, MonthEndsInOnePassEqualRevenueThroughEachMonthEnd) {
  // uncancelled_revenue_at_month_ends carries floor(a * w / W) from month to
  // month; it must equal the direct R(month end) for every month, for
  // amounts near 2^53 (where a * w needs 128 bits), odd starts and both prorations.
  const std::int64_t amounts[] = {1, 7, 99999, 1200000, 123456789, (std::int64_t{1} << 53) - 1};
  const bbb::Date starts[] = {ymd(2024, 1, 1), ymd(2024, 1, 31), ymd(2023, 2, 28), ymd(2024, 2, 29), ymd(2025, 7, 17)};
  for (const std::int64_t a : amounts) {
    for (const bbb::Date start : starts) {
      for (const int term : {1, 2, 3, 11, 12, 13, 36, 61}) {
        for (const int booked_after_start : {-40, 0, 40}) {  // 40: a catch-up, the pass starts inside the term
        for (const Proration p : {Proration::kMonthly, Proration::kDaily}) {
          auto line = ratable_line(a, start, term);
          line.booking = start.plus_days(booked_after_start);
          const LineSchedule s(line, p, {}, nullptr);
          const bbb::YearMonth first = line.booking.year_month();
          std::vector<std::int64_t> out(static_cast<std::size_t>(term) + 14);
          s.uncancelled_revenue_at_month_ends(first, out.size(), out.data());
          for (std::size_t i = 0; i < out.size(); ++i)
            ASSERT_EQ(out[i], s.revenue_through_uncancelled(first.plus(static_cast<std::int32_t>(i)).last_day()))
                << a << " from " << start.iso() << " for " << term << " months, month " << i;
        }
        }
      }
    }
  }
}

}  // namespace
