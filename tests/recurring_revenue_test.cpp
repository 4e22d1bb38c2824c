// Recurring revenue (spec 12), the engine's core not yet in the report: each
// customer's MRR and its movements month by month, against the worked
// example of section 12 and against a reference that computes every
// customer's MRR at every month end straight from its lines' dates (no
// spans, no change lists), then classifies each month's move itself.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "finance/recurring_revenue.h"
#include "test_support.h"

namespace {

using bbb::ContractLine;
using bbb::YearMonth;
using bbb_test::ymd;

ContractLine ratable(std::int64_t amount, bbb::Date booking, bbb::Date start, std::int32_t months) {
  ContractLine l;
  l.amount = amount;
  l.status = bbb::Status::kBooked;
  l.recognition = bbb::Recognition::kRatable;
  l.has_booking = true;
  l.booking = booking;
  l.start = start;
  l.term_months = months;
  l.end = bbb::add_months(start, months).plus_days(-1);
  return l;
}

TEST(RecurringRevenue, TheWorkedExampleOfSection12) {
  bbb::RecurringRevenue r;
  r.add(0, ratable(1200000, ymd(2024, 1, 1), ymd(2024, 1, 1), 12));
  r.add(0, ratable(600000, ymd(2024, 7, 1), ymd(2024, 7, 1), 6));
  const auto m = r.months(YearMonth::of(2024, 1), YearMonth::of(2025, 1));
  ASSERT_EQ(m.size(), 13u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(m[i].mrr_end, 100000) << i;
  for (int i = 6; i < 12; ++i) EXPECT_EQ(m[i].mrr_end, 200000) << i;
  EXPECT_EQ(m[12].mrr_end, 0);
  EXPECT_EQ(m[0].new_mrr, 100000);
  EXPECT_EQ(m[0].new_customers, 1);
  EXPECT_EQ(m[6].expansion, 100000);
  EXPECT_EQ(m[6].mrr_end * 12, 2400000);  // ARR at the end of July: 24,000.00
  EXPECT_EQ(m[12].churn, 200000);
  EXPECT_EQ(m[12].churned_customers, 1);
  EXPECT_EQ(m[12].customers_end, 0);
}

TEST(RecurringRevenue, ALineWithinOneMonthOrPointOrOpenGivesNone) {
  ContractLine within = ratable(1000, ymd(2024, 3, 5), ymd(2024, 3, 5), 1);
  within.end = ymd(2024, 3, 20);
  EXPECT_FALSE(bbb::mrr_span(within).has_value());
  ContractLine point = ratable(1000, ymd(2024, 3, 5), ymd(2024, 3, 5), 12);
  point.recognition = bbb::Recognition::kPoint;
  EXPECT_FALSE(bbb::mrr_span(point).has_value());
  ContractLine open = ratable(1000, ymd(2024, 3, 5), ymd(2024, 3, 5), 12);
  open.status = bbb::Status::kOpen;
  EXPECT_FALSE(bbb::mrr_span(open).has_value());
}

// The reference: MRR of customer c at month end e, from the dates alone.
std::int64_t reference_mrr(const std::vector<std::pair<std::uint32_t, ContractLine>>& lines, std::uint32_t c, bbb::Date e) {
  std::int64_t sum = 0;
  for (const auto& [customer, l] : lines) {
    if (customer != c || l.recognition != bbb::Recognition::kRatable || !l.is_booked()) continue;
    if (l.start <= e && e <= l.end && l.booking <= e && !(l.has_cancel && l.cancel <= e)) sum += l.amount / l.term_months;
  }
  return sum;
}

TEST(RecurringRevenue, EveryMonthMatchesAPerCustomerReference) {
  std::mt19937 rng(12);
  for (int round = 0; round < 40; ++round) {
    const std::uint32_t customers = 1 + rng() % 6;
    std::vector<std::pair<std::uint32_t, ContractLine>> lines;
    bbb::RecurringRevenue r;
    for (int i = 0; i < 12; ++i) {
      const std::uint32_t c = rng() % customers;
      const bbb::Date booking = ymd(2023, 1, 1).plus_days(static_cast<std::int32_t>(rng() % 900));
      const bbb::Date start = booking.plus_days(static_cast<std::int32_t>(rng() % 120) - 30);
      ContractLine l = ratable(static_cast<std::int64_t>(rng() % 5000000), booking, start, 1 + static_cast<std::int32_t>(rng() % 24));
      if (rng() % 4 == 0) { l.has_cancel = true; l.cancel = start.plus_days(static_cast<std::int32_t>(rng() % 400)); }
      if (rng() % 6 == 0) l.recognition = bbb::Recognition::kPoint;
      lines.emplace_back(c, l);
      r.add(c, l);
    }
    const YearMonth first = YearMonth::of(2023, 6), last = YearMonth::of(2026, 6);
    const auto months = r.months(first, last);
    ASSERT_EQ(months.size(), static_cast<std::size_t>(last.index() - first.index() + 1));
    std::vector<bool> had(customers, false);
    // Whether each customer had MRR at any month end before `first` (from far back).
    for (std::int32_t m = YearMonth::of(2022, 1).index(); m < first.index(); ++m)
      for (std::uint32_t c = 0; c < customers; ++c)
        had[c] = had[c] || reference_mrr(lines, c, YearMonth::from_index(m).last_day()) > 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
      const YearMonth m = YearMonth::from_index(first.index() + static_cast<std::int32_t>(i));
      bbb::MrrMonth want;
      for (std::uint32_t c = 0; c < customers; ++c) {
        const std::int64_t p = reference_mrr(lines, c, YearMonth::from_index(m.index() - 1).last_day());
        const std::int64_t n = reference_mrr(lines, c, m.last_day());
        want.mrr_begin += p;
        want.mrr_end += n;
        want.customers_begin += p > 0;
        want.customers_end += n > 0;
        if (p == 0 && n > 0 && !had[c]) { want.new_mrr += n; want.new_customers++; }
        if (p == 0 && n > 0 && had[c]) { want.reactivation += n; want.reactivated_customers++; }
        if (n > p && p > 0) want.expansion += n - p;
        if (p > n && n > 0) want.contraction += p - n;
        if (p > 0 && n == 0) { want.churn += p; want.churned_customers++; }
        had[c] = had[c] || p > 0 || n > 0;
      }
      const bbb::MrrMonth& got = months[i];
      const std::string at = "round " + std::to_string(round) + ", " + m.last_day().iso();
      EXPECT_EQ(got.mrr_begin, want.mrr_begin) << at;
      EXPECT_EQ(got.mrr_end, want.mrr_end) << at;
      EXPECT_EQ(got.new_mrr, want.new_mrr) << at;
      EXPECT_EQ(got.reactivation, want.reactivation) << at;
      EXPECT_EQ(got.expansion, want.expansion) << at;
      EXPECT_EQ(got.contraction, want.contraction) << at;
      EXPECT_EQ(got.churn, want.churn) << at;
      EXPECT_EQ(got.customers_begin, want.customers_begin) << at;
      EXPECT_EQ(got.customers_end, want.customers_end) << at;
      EXPECT_EQ(got.new_customers, want.new_customers) << at;
      EXPECT_EQ(got.churned_customers, want.churned_customers) << at;
      EXPECT_EQ(got.reactivated_customers, want.reactivated_customers) << at;
      // The bridge holds exactly.
      EXPECT_EQ(got.mrr_end, got.mrr_begin + got.new_mrr + got.expansion + got.reactivation - got.contraction - got.churn) << at;
    }
  }
}

}  // namespace

namespace {

TEST(RecurringRevenue, RetentionAndCohortsMatchAPerCustomerReference) {
  std::mt19937 rng(26);
  for (int round = 0; round < 30; ++round) {
    const std::uint32_t customers = 1 + rng() % 7;
    std::vector<std::pair<std::uint32_t, ContractLine>> lines;
    bbb::RecurringRevenue r;
    for (int i = 0; i < 14; ++i) {
      const std::uint32_t c = rng() % customers;
      const bbb::Date booking = ymd(2023, 1, 1).plus_days(static_cast<std::int32_t>(rng() % 900));
      ContractLine l = ratable(static_cast<std::int64_t>(rng() % 3000000), booking, booking, 1 + static_cast<std::int32_t>(rng() % 18));
      if (rng() % 4 == 0) { l.has_cancel = true; l.cancel = booking.plus_days(static_cast<std::int32_t>(rng() % 300)); }
      lines.emplace_back(c, l);
      r.add(c, l);
    }
    const auto mrr = [&](std::uint32_t c, YearMonth m) { return reference_mrr(lines, c, m.last_day()); };
    for (std::int32_t at = YearMonth::of(2024, 1).index(); at <= YearMonth::of(2026, 3).index(); ++at) {
      const YearMonth now = YearMonth::from_index(at), then = YearMonth::from_index(at - 12);
      bbb::MrrRetention want;
      for (std::uint32_t c = 0; c < customers; ++c) {
        if (mrr(c, then) <= 0) continue;
        want.then += mrr(c, then);
        want.now += mrr(c, now);
        want.kept += std::min(mrr(c, now), mrr(c, then));
      }
      const bbb::MrrRetention got = r.retention(now);
      EXPECT_EQ(got.then, want.then) << round << " " << now.last_day().iso();
      EXPECT_EQ(got.now, want.now) << round << " " << now.last_day().iso();
      EXPECT_EQ(got.kept, want.kept) << round << " " << now.last_day().iso();
    }
    const YearMonth first = YearMonth::of(2022, 6), last = YearMonth::of(2026, 6);
    const auto cohorts = r.cohorts(first, last);
    for (const bbb::MrrCohort& cohort : cohorts) {
      for (std::size_t k = 0; k < cohort.customers.size(); ++k) {
        const YearMonth m = YearMonth::from_index(cohort.start.index() + static_cast<std::int32_t>(k));
        std::int64_t count = 0, sum = 0;
        for (std::uint32_t c = 0; c < customers; ++c) {
          // The customer's first month with MRR, from far back.
          std::int32_t start = -1;
          for (std::int32_t x = YearMonth::of(2021, 1).index(); x <= last.index() && start < 0; ++x)
            if (mrr(c, YearMonth::from_index(x)) > 0) start = x;
          if (start != cohort.start.index() || mrr(c, m) <= 0) continue;
          ++count;
          sum += mrr(c, m);
        }
        EXPECT_EQ(cohort.customers[k], count) << round << " cohort " << cohort.start.last_day().iso() << " +" << k;
        EXPECT_EQ(cohort.mrr[k], sum) << round << " cohort " << cohort.start.last_day().iso() << " +" << k;
      }
    }
  }
}

}  // namespace
